"""Reading the package's own git history: revisions, files as they were, and the last release.

Everything is read from the repository's own object store with `git`, never from the network.
"""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

SEMVER = re.compile(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\Z")


class GitError(RuntimeError):
    """git is missing, the path is not in a repository, or the revision is unknown."""


def run_git(root: Path, *args: str, timeout: int = 120) -> subprocess.CompletedProcess:
    """Run git in `root` (bytes output); GitError when git cannot be run at all."""
    try:
        return subprocess.run(["git", "-C", str(root), *args], capture_output=True, timeout=timeout)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise GitError(f"cannot run git: {exc}") from None


def git_text(root: Path, *args: str) -> str:
    """git's output as text, '' when git fails."""
    proc = run_git(root, *args)
    return proc.stdout.decode(errors="replace").strip() if proc.returncode == 0 else ""


def is_revision(root: Path, ref: str) -> bool:
    return run_git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").returncode == 0


def repo_prefix(root: Path) -> str:
    """Path of `root` inside its git repository ('' at the top), for `git show REF:path`."""
    proc = run_git(root, "rev-parse", "--show-prefix")
    return proc.stdout.decode().strip() if proc.returncode == 0 else ""


def file_at(root: Path, prefix: str, ref: str, rel: str) -> bytes | None:
    """The bytes of `rel` (relative to the package root) at revision `ref`, or None where it did not exist."""
    proc = run_git(root, "show", f"{ref}:{prefix}{rel}")
    return proc.stdout if proc.returncode == 0 else None


def files_at(root: Path, prefix: str, ref: str, rels: list[str]) -> dict[str, bytes | None]:
    """The bytes of several files at one revision, read by one `git cat-file --batch` process."""
    if not rels:
        return {}
    request = "".join(f"{ref}:{prefix}{rel}\n" for rel in rels).encode("utf-8")
    try:
        proc = subprocess.run(["git", "-C", str(root), "cat-file", "--batch"], input=request, capture_output=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise GitError(f"cannot run git: {exc}") from None
    out: dict[str, bytes | None] = {}
    data, pos = proc.stdout, 0
    for rel in rels:
        end = data.find(b"\n", pos)
        if end < 0:
            out[rel] = None
            continue
        head = data[pos:end].split()
        pos = end + 1
        if len(head) == 3 and head[1] == b"blob":
            size = int(head[2])
            out[rel] = data[pos:pos + size]
            pos += size + 1
        else:   # "<object> missing", or a tree
            out[rel] = None
            if len(head) == 3:
                pos += int(head[2]) + 1
    return out


def version_at(root: Path, rev: str) -> str:
    """The version in datapackage.json at a revision ('' when there is none)."""
    text = git_text(root, "show", f"{rev}:datapackage.json")
    try:
        value = json.loads(text).get("version", "") if text else ""
    except (json.JSONDecodeError, AttributeError):
        return ""
    return value if isinstance(value, str) else ""


def last_release(repo: str | Path) -> tuple[str, str] | None:
    """(git revision, version) of the last release, or None before the first one: the newest tag vX.Y.Z
    reachable from HEAD, or, in a clone without tags, the last commit that changed the version in
    datapackage.json."""
    repo = Path(repo)
    tag = git_text(repo, "describe", "--tags", "--abbrev=0", "--match", "v[0-9]*.[0-9]*.[0-9]*")
    if tag and SEMVER.match(tag[1:]):
        return tag, tag[1:]
    for commit in git_text(repo, "log", "--format=%H", "-G", '"version"', "--", "datapackage.json").split():
        now = version_at(repo, commit)
        before = version_at(repo, f"{commit}^")
        if now and now != before and SEMVER.match(now):
            return commit, now
    return None
