"""Reading the package's own git history: revisions, files as they were, and the last release.

Everything is read from the repository's own object store with `git`, never from the network.

A revision a user gives (`kzdata diff REV`, `--changed-since REV`, `load(git_ref=...)`) never reaches git
where it could be read as an option: `resolve` checks it is a commit (`rev-parse --verify --end-of-options
REV^{commit}`) and returns the commit's full hash, which is what the other functions pass on; every command
given a name from outside also puts it after `--end-of-options`.
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


def _commit_of(root: Path, ref: str) -> str | None:
    """The full hash of the commit `ref` names, or None (GitError only when git cannot be run)."""
    if not isinstance(ref, str) or not ref.strip() or any(c in ref for c in "\0\n\r"):
        return None
    proc = run_git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}")
    sha = proc.stdout.decode(errors="replace").strip()
    return sha if proc.returncode == 0 and re.fullmatch(r"[0-9a-f]{40,64}", sha) else None


def _commit(root: Path, ref: str) -> str | None:
    """`ref` itself when it is a full commit hash already (what callers pass on), else _commit_of."""
    return ref if isinstance(ref, str) and re.fullmatch(r"[0-9a-f]{40}|[0-9a-f]{64}", ref) else _commit_of(root, ref)


def is_revision(root: Path, ref: str) -> bool:
    return _commit_of(root, ref) is not None


def resolve(root: Path, ref: str) -> str:
    """The full hash of the commit `ref` names in the repository at `root`; GitError saying why otherwise
    (not a repository, or not a commit there: a name that starts with '-' is never taken as an option)."""
    sha = _commit_of(root, ref)
    if sha is not None:
        return sha
    if run_git(root, "rev-parse", "--git-dir").returncode != 0:
        raise GitError(f"{root} is not inside a git repository, so {ref!r} cannot be read from it")
    raise GitError(f"{ref!r} is not a commit of the git repository at {root}: give a branch, tag or commit hash "
                   "(git log --oneline lists them)")


def repo_prefix(root: Path) -> str:
    """Path of `root` inside its git repository ('' at the top), for `git show REF:path`."""
    proc = run_git(root, "rev-parse", "--show-prefix")
    return proc.stdout.decode().strip() if proc.returncode == 0 else ""


def file_at(root: Path, prefix: str, ref: str, rel: str) -> bytes | None:
    """The bytes of `rel` (relative to the package root) at revision `ref`, or None where it did not exist."""
    sha = _commit(root, ref)
    if sha is None:
        return None
    proc = run_git(root, "cat-file", "blob", "--end-of-options", f"{sha}:{prefix}{rel}")
    return proc.stdout if proc.returncode == 0 else None


def files_at(root: Path, prefix: str, ref: str, rels: list[str]) -> dict[str, bytes | None]:
    """The bytes of several files at one revision, read by one `git cat-file --batch` process."""
    if not rels:
        return {}
    sha = _commit(root, ref)   # the commit's hash: a ref holding a line break must not add requests
    if sha is None:
        return {rel: None for rel in rels}
    asked = [rel for rel in rels if "\n" not in rel]   # a name with a line break would be two requests
    request = "".join(f"{sha}:{prefix}{rel}\n" for rel in asked).encode("utf-8", errors="surrogateescape")
    try:
        proc = subprocess.run(["git", "-C", str(root), "cat-file", "--batch"], input=request, capture_output=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise GitError(f"cannot run git: {exc}") from None
    out: dict[str, bytes | None] = {rel: None for rel in rels}
    data, pos = proc.stdout, 0
    for rel in asked:
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
        else:   # "<object name> missing" (a name may hold spaces), or a tree, whose content is skipped
            out[rel] = None
            if len(head) == 3 and head[2].isdigit() and head[-1] != b"missing":
                pos += int(head[2]) + 1
    return out


def version_at(root: Path, rev: str) -> str:
    """The version in datapackage.json at a revision ('' when there is none)."""
    sha = _commit(root, rev)
    text = git_text(root, "cat-file", "blob", "--end-of-options", f"{sha}:datapackage.json") if sha else ""
    try:
        from .jsonio import loads

        value = loads(text.encode("utf-8")).get("version", "") if text else ""
    except (ValueError, AttributeError):
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


def tree_files(root: Path, ref: str, paths: list[str]) -> list[str]:
    """The regular files under `paths` (relative to `root`, as the names returned) at revision `ref`;
    links and submodules are left out. GitError when `ref` is not a commit."""
    sha = resolve(root, ref)
    proc = run_git(root, "ls-tree", "-r", "-z", "--end-of-options", sha, "--", *paths)
    if proc.returncode != 0:
        raise GitError(f"cannot list the files of {ref!r}: {proc.stderr.decode(errors='replace').strip()}")
    out = []
    for entry in proc.stdout.split(b"\0"):
        meta, _, name = entry.partition(b"\t")
        parts = meta.split(b" ")
        if len(parts) == 3 and parts[1] == b"blob" and parts[0] in (b"100644", b"100755"):
            out.append(name.decode("utf-8", errors="surrogateescape"))
    return out
