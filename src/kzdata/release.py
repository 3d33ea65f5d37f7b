"""Releases downstream projects can pin: versions, manifests, tags. `kzdata release` and `kzdata verify`.

- A release X.Y.Z is the commit "Release X.Y.Z", tagged vX.Y.Z, that adds its manifest releases/X.Y.Z.json:
  the version, the date, and the bytes, sha256 and (CSV) rows of every file of the package
  (kzdata.integrity.release_files). The manifest cannot name the commit that adds it, so the release commit
  is the one that added the manifest (`git log --diff-filter=A -- releases/X.Y.Z.json`), which the tag
  also names; a manifest written after its release (1.0.0, released before manifests existed) records it
  as `commit`.
- datapackage.json carries the version of the release the copy descends from, and `created`, but no
  checksums: edits between releases change no line of it, so two pull requests touching the same table
  never conflict there. Whether a copy *is* that release, `kzdata verify` proves against the manifest.
- Versions follow the Data Package version recipe: a schema change that breaks readers is major; new
  records, tables or columns (and loosened constraints) are minor; corrections of existing records patch.
- "The last release" is the newest tag `vX.Y.Z` reachable from HEAD, or, in a clone without tags, the last
  commit that changed the version in datapackage.json.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import jsonio
from .canonical_form import canonical_json
from .fileio import ABSENT, write_atomic
from .gitio import SEMVER, GitError, files_at, last_release, repo_prefix, resolve, run_git, tree_files
from .integrity import (DESCRIPTOR, RELEASE_DIRS, Difference, Unreadable, compare, entries, file_entry, named_files,
                        release_files, without_checksums, working_files)

__all__ = ["Manifest", "ReleaseError", "VerifyResult", "check_version", "draft_changelog", "find_manifest",
           "last_release", "manifest_at", "release", "verify"]
LEVELS = ["patch", "minor", "major"]
MANIFESTS = "releases"


class ReleaseError(RuntimeError):
    """The release cannot be made, or a manifest cannot be read; the message says why and what to do."""


# --- manifests ----------------------------------------------------------------------------------------------

def manifest_rel(version: str) -> str:
    parse_version(version)   # never a path or an option: only MAJOR.MINOR.PATCH reaches a file name or git
    return f"{MANIFESTS}/{version}.json"


@dataclass
class Manifest:
    """releases/X.Y.Z.json: what release X.Y.Z is made of."""

    version: str
    date: str
    files: dict[str, dict]
    commit: str = ""          # recorded only by a manifest written after its release (1.0.0)
    source: str = ""          # where it was read: "releases/1.0.0.json", "git <commit>:releases/1.0.0.json"
    data: bytes = b""         # its bytes as read
    added_in: str = ""        # the commit that added it to git, when known: the release commit (or, for 1.0.0, later)
    committed: bytes | None = None   # its bytes as that commit added them

    def to_json(self) -> dict:
        out = {"version": self.version, "date": self.date, "files": self.files}
        if self.commit:
            out["commit"] = self.commit
        return out


def build_manifest(version: str, date: str, files: dict[str, bytes], commit: str = "") -> Manifest:
    return Manifest(version, date, {rel: file_entry(rel, data) for rel, data in sorted(files.items())}, commit)


def parse_manifest(data: bytes, source: str, version: str) -> Manifest:
    """A manifest read from `source`; ReleaseError naming the file and what is wrong when it is not one."""
    def bad(why: str) -> ReleaseError:
        return ReleaseError(f"{source} is not a valid release manifest: {why}; restore it from git "
                            f"(git checkout v{version} -- {manifest_rel(version)}) or from the release's tag")
    try:
        doc = jsonio.loads(data)
    except jsonio.JsonProblem as exc:
        raise bad(f"not strict UTF-8 JSON ({exc.message}, line {exc.line})") from None
    if not isinstance(doc, dict):
        raise bad("not a JSON object")
    if doc.get("version") != version:
        raise bad(f"it is the manifest of version {doc.get('version')!r}, not {version}")
    if not isinstance(doc.get("date"), str) or not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", doc["date"]):
        raise bad("'date' is not a date YYYY-MM-DD")
    commit = doc.get("commit", "")
    if not isinstance(commit, str) or (commit and not re.fullmatch(r"[0-9a-f]{40}|[0-9a-f]{64}", commit)):
        raise bad("'commit' is not a full commit hash")
    files = doc.get("files")
    if not isinstance(files, dict) or not files:
        raise bad("'files' is not an object naming the files of the release")
    for rel, entry in files.items():
        if (not isinstance(entry, dict) or not isinstance(entry.get("bytes"), int) or isinstance(entry.get("bytes"), bool)
                or not isinstance(entry.get("sha256"), str) or not re.fullmatch(r"[0-9a-f]{64}", entry["sha256"])
                or ("rows" in entry and (not isinstance(entry["rows"], int) or isinstance(entry["rows"], bool)))):
            raise bad(f"the entry of {rel!r} needs 'bytes' (a number), 'sha256' (64 hex digits) and, for CSV, 'rows'")
    return Manifest(version, doc["date"], files, commit, source, data)


def _in_git(root: Path) -> bool:
    try:
        return run_git(root, "rev-parse", "--git-dir").returncode == 0
    except GitError:
        return False


def _log(root: Path, *args: str) -> list[str]:
    proc = run_git(root, "log", "--format=%H", *args)
    return proc.stdout.decode().split() if proc.returncode == 0 else []


def _added_in(root: Path, rel: str) -> tuple[str, bytes | None]:
    """The commit that added `rel` (on HEAD's history, else on any branch or tag), and its bytes there."""
    for scope in ([], ["--all"]):
        commits = _log(root, *scope, "--diff-filter=A", "--", rel)
        if commits:
            sha = commits[-1]   # the first addition (a file deleted and added again keeps its first content)
            return sha, files_at(root, repo_prefix(root), sha, [rel])[rel]
    return "", None


def find_manifest(root: str | Path, version: str) -> Manifest | None:
    """The manifest of release `version`: releases/VERSION.json in the working tree, else in git (HEAD, the
    tag vVERSION, any commit that added it). None when there is none; ReleaseError when it is not valid."""
    root = Path(root)
    rel = manifest_rel(version)
    git = _in_git(root)
    added, committed = _added_in(root, rel) if git else ("", None)
    path = root / rel
    if path.is_file() and not path.is_symlink():
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ReleaseError(f"{rel} cannot be read: {exc.strerror or exc}") from None
        m = parse_manifest(data, rel, version)
    elif git:
        found = None
        for ref in ("HEAD", f"v{version}"):
            try:
                sha = resolve(root, ref)
            except GitError:
                continue
            blob = files_at(root, repo_prefix(root), sha, [rel])[rel]
            if blob is not None:
                found = (f"git {ref}:{rel}", blob)
                break
        if found is None and committed is not None:
            found = (f"git {added[:12]}:{rel}", committed)
        if found is None:
            return None
        m = parse_manifest(found[1], found[0], version)
    else:
        return None
    m.added_in, m.committed = added, committed
    return m


def release_commit(root: Path, manifest: Manifest) -> str:
    """The commit release `manifest.version` was made from: the one the manifest records, else the tag's,
    else the commit that added the manifest. ReleaseError when this clone has none of them."""
    tried = []
    for ref, what in ((manifest.commit, "the commit its manifest records"), (f"v{manifest.version}", "its tag"),
                      (manifest.added_in, "the commit that added its manifest")):
        if not ref:
            continue
        try:
            return resolve(root, ref)
        except GitError:
            tried.append(f"{what} ({ref[:12] if ref != f'v{manifest.version}' else ref})")
    raise ReleaseError(f"release {manifest.version}: this clone has neither " + " nor ".join(tried or ["a tag nor a commit"])
                       + "; fetch it (git fetch --tags, or git fetch --unshallow in a shallow clone)")


def manifest_at(repo: str | Path, rev: str, date: str | None = None, record_commit: bool = True) -> Manifest:
    """The manifest of the release files as they are at git revision `rev` (for a release made before
    manifests existed: releases/1.0.0.json is manifest_at(repo, "bf50b46")). The version is the one
    datapackage.json states there; the date, unless given, that of its `created`."""
    repo = Path(repo)
    try:
        sha = resolve(repo, rev)
        prefix = repo_prefix(repo)
        raw = files_at(repo, prefix, sha, [DESCRIPTOR])[DESCRIPTOR]
        desc = jsonio.loads(raw) if raw is not None else None
    except GitError as exc:
        raise ReleaseError(str(exc)) from None
    except jsonio.JsonProblem as exc:
        raise ReleaseError(f"{rev}: datapackage.json is not strict JSON ({exc.message}, line {exc.line})") from None
    if not isinstance(desc, dict):
        raise ReleaseError(f"{rev} has no datapackage.json")
    version = desc.get("version")
    parse_version(version if isinstance(version, str) else "")
    rels = release_files(tree_files(repo, sha, [DESCRIPTOR, *RELEASE_DIRS, *named_files(desc)]), desc)
    blobs = files_at(repo, prefix, sha, rels)
    day = date or str(desc.get("created", ""))[:10]
    return build_manifest(version, day, {rel: b for rel, b in blobs.items() if b is not None}, sha if record_commit else "")


# --- verify -------------------------------------------------------------------------------------------------

@dataclass
class VerifyResult:
    """What `kzdata verify` found. `intact` when the copy is exactly the release; `problem` when no
    comparison could be made (no version stated, no manifest, a manifest that cannot be read)."""

    path: str
    version: str = ""
    manifest: str = ""                 # where the manifest was read
    files: int = 0                     # files of the release
    differences: list[Difference] = field(default_factory=list)
    problem: str = ""

    @property
    def intact(self) -> bool:
        return not self.problem and not self.differences

    @property
    def status(self) -> str:
        return "unverifiable" if self.problem else "intact" if self.intact else "differs"

    def summary(self) -> str:
        if self.problem:
            return f"cannot verify: {self.problem}"
        if self.intact:
            return f"intact: identical to release {self.version} ({self.files} files)"
        return f"differs from release {self.version}: " + ", ".join(d.describe() for d in self.differences)

    def to_dict(self) -> dict:
        return {"path": self.path, "status": self.status, "version": self.version, "manifest": self.manifest,
                "files": self.files, "problem": self.problem, "differences": [d.to_dict() for d in self.differences]}


def compare_with(root: Path, manifest: Manifest, descriptor: object) -> list[Difference]:
    """How the release files of directory `root` differ from the manifest."""
    return compare(manifest.files, entries(working_files(root, descriptor)))


def verify(path: str | Path = ".", against: str | None = None) -> VerifyResult:
    """Compare the files of the copy at `path` with the manifest of release `against` (default: the version
    its datapackage.json states). The manifest is releases/VERSION.json of the copy, else the one in git;
    a working-tree manifest that differs from the one git recorded is itself reported (it was edited)."""
    root = Path(path)
    result = VerifyResult(str(root))
    desc: object = None
    try:
        desc = jsonio.loads((root / DESCRIPTOR).read_bytes())
    except FileNotFoundError:
        if against is None:
            result.problem = f"{root} has no {DESCRIPTOR}, so no version to verify against; give --against VERSION"
            return result
    except (OSError, jsonio.JsonProblem) as exc:
        if against is None:
            result.problem = f"{DESCRIPTOR} cannot be read ({exc}), so no version to verify against; give --against VERSION"
            return result
    version = against if against is not None else (desc.get("version") if isinstance(desc, dict) else None)
    if not version:
        result.problem = (f"{DESCRIPTOR} states no version: this copy does not descend from a release; give "
                          "--against VERSION to compare it with one (the manifests are in releases/)")
        return result
    result.version = str(version)
    try:
        parse_version(result.version)
        manifest = find_manifest(root, result.version)
    except (ReleaseError, GitError) as exc:
        result.problem = str(exc)
        return result
    if manifest is None:
        known = sorted(p.stem for p in (root / MANIFESTS).glob("*.json")) if (root / MANIFESTS).is_dir() else []
        result.problem = (f"no manifest of release {result.version}: neither {manifest_rel(result.version)} nor the git "
                          "history has one" + (f" (releases with one: {', '.join(known)})" if known else ""))
        return result
    result.manifest, result.files = manifest.source, len(manifest.files)
    result.differences = compare_with(root, manifest, desc)
    if manifest.committed is not None and manifest.data != manifest.committed:
        result.differences.insert(0, Difference(manifest_rel(result.version), "changed", file_entry("", manifest.committed),
                                                file_entry("", manifest.data),
                                                f"the manifest is not the one commit {manifest.added_in[:12]} added: "
                                                "it was edited after the release"))
    return result


# --- git and versions -------------------------------------------------------------------------------------

def _git(repo: Path, *args: str, check: bool = False) -> str:
    """git's output as text ('' on failure); with check=True a failure is a ReleaseError."""
    proc = run_git(repo, *args)
    if check and proc.returncode != 0:
        raise ReleaseError(f"git {' '.join(args)} failed: {proc.stderr.decode(errors='replace').strip()}")
    return proc.stdout.decode(errors="replace").strip() if proc.returncode == 0 else ""


def parse_version(text: str) -> tuple[int, int, int]:
    m = SEMVER.match(text or "")
    if not m:
        raise ReleaseError(f"{text!r} is not a version of the form MAJOR.MINOR.PATCH (e.g. 1.0.0)")
    return tuple(int(x) for x in m.groups())  # type: ignore[return-value]


def required_level(result: dict) -> str | None:
    """The smallest version bump the diff calls for, by the Data Package version recipe."""
    level = None

    def at_least(name: str) -> None:
        nonlocal level
        if level is None or LEVELS.index(name) > LEVELS.index(level):
            level = name

    for entry in result["tables"].values():
        schema = entry["schema"]
        if schema.get("table_added"):   # a new table breaks no reader, whatever its key and constraints
            at_least("minor")
            continue
        if schema.get("table_removed") or schema.get("removed") or schema.get("renamed") or schema.get("retyped") \
                or schema.get("primary_key") or any(_tightened(c["old"], c["new"]) for c in schema.get("constraints", [])):
            at_least("major")
        if schema.get("table_added") or schema.get("added") or schema.get("constraints") or entry["added"] or entry["removed"]:
            at_least("minor")
        if entry["changed"] or schema.get("reordered"):
            at_least("patch")
    return level


def _tightened(old: dict, new: dict) -> bool:
    from .schema import well_typed

    old, new = well_typed(old), well_typed(new)   # a mistyped constraint is not applied
    if new.get("required") and not old.get("required"):
        return True
    if "enum" in new and (set(old.get("enum", new["enum"])) - set(new["enum"]) or "enum" not in old):
        return True
    for k, smaller_is_tighter in (("maxLength", True), ("maximum", True), ("minLength", False), ("minimum", False)):
        if k in new and (k not in old or (new[k] < old[k] if smaller_is_tighter else new[k] > old[k])):
            return True
    return old.get("pattern") != new.get("pattern") and "pattern" in new


def bump(version: str, level: str) -> str:
    major, minor, patch = parse_version(version)
    return {"major": f"{major + 1}.0.0", "minor": f"{major}.{minor + 1}.0", "patch": f"{major}.{minor}.{patch + 1}"}[level]


@dataclass
class VersionCheck:
    last: tuple[str, str] | None
    level: str | None
    smallest: str
    ok: bool
    message: str


def check_version(repo: str | Path, version: str) -> VersionCheck:
    from .diff import diff

    repo = Path(repo)
    parse_version(version)
    last = last_release(repo)
    if last is None:
        return VersionCheck(None, None, "0.1.0", True, f"no earlier release: {version} will be the first")
    result = diff(last[0], str(repo), repo)
    level = required_level(result)
    if level is None:
        return VersionCheck(last, None, last[1], parse_version(version) > parse_version(last[1]),
                            f"nothing changed since {last[1]} ({last[0]})")
    smallest = bump(last[1], level)
    ok = parse_version(version) >= parse_version(smallest)
    return VersionCheck(last, level, smallest, ok,
                        f"changes since {last[1]} call for a {level} release: {version} is "
                        + ("allowed" if ok else f"too small, use {smallest} or more"))


# --- making the release -------------------------------------------------------------------------------

VERSION_FILES = {"pyproject.toml": re.compile(r'^(version = ")[^"]*(")', re.M),
                 "src/kzdata/__init__.py": re.compile(r'^(__version__ = ")[^"]*(")', re.M)}


def set_code_version(repo: Path, version: str) -> list[str]:
    """Give the Python package the data's version, so that pip install kzdata==X.Y.Z bundles release X.Y.Z."""
    touched = []
    for rel, pattern in VERSION_FILES.items():
        path = repo / rel
        if path.is_file():
            raw = path.read_bytes()
            text = raw.decode("utf-8")
            new = pattern.sub(lambda m: f"{m.group(1)}{version}{m.group(2)}", text, count=1)
            if new != text:
                write_atomic(path, new.encode("utf-8"), expect=raw)
                touched.append(rel)
    return touched


def set_citation(repo: Path, version: str, today: dt.date) -> list[str]:
    """Give CITATION.cff (the website's and GitHub's "cite this") the release's version and date."""
    path = repo / "CITATION.cff"
    if not path.is_file():
        return []
    text = path.read_text(encoding="utf-8")
    new = re.sub(r'^(version: ")[^"]*(")', lambda m: f"{m.group(1)}{version}{m.group(2)}", text, count=1, flags=re.M)
    new = re.sub(r'^(date-released: ")[^"]*(")', lambda m: f"{m.group(1)}{today.isoformat()}{m.group(2)}", new, count=1, flags=re.M)
    if new == text:
        return []
    write_atomic(path, new.encode("utf-8"))
    return ["CITATION.cff"]


def changelog_section(text: str, version: str) -> str | None:
    m = re.search(rf"^## \[{re.escape(version)}\][^\n]*\n(.*?)(?=^## \[|\Z)", text, re.M | re.S)
    return m.group(1).strip() if m else None


DRAFT_MAX_LINES = 60   # beyond this a draft changelog lists counts, not every record


def draft_changelog(repo: str | Path, version: str, today: dt.date) -> str:
    from .diff import diff, render_markdown

    parse_version(version)
    last = last_release(Path(repo))
    if not last:
        return f"## [{version}] - {today.isoformat()}\n\n### Data\nFirst release.\n"
    result = diff(last[0], str(repo), Path(repo))
    result["old"], result["new"] = last[1], version     # versions, not a commit hash and a local folder
    body = render_markdown(result)
    lines = body.splitlines()
    if len(lines) > DRAFT_MAX_LINES:   # a changelog is read by people: the counts and schema changes, and where the rest is
        kept = [line for line in lines if not line.startswith("  - ") or line.startswith("  - schema:")]
        since = last[0][:12] if re.fullmatch(r"[0-9a-f]{40,64}", last[0]) else last[0]   # a tag, or the release commit
        body = "\n".join(kept) + (f"\n\nEvery record added, removed or changed: `kzdata diff {since} v{version}` "
                                   f"({len(lines)} lines; {since} is release {last[1]}).\n")
    return f"## [{version}] - {today.isoformat()}\n\n### Data\n{body}\n"


def release(repo: str | Path, version: str, today: dt.date | None = None) -> str:
    """Write the version and date into datapackage.json and the manifest releases/VERSION.json, commit both
    (with the Python package's version) as "Release VERSION", and tag vVERSION. Returns the tag."""
    from .fmt import fmt
    from .validator import validate

    repo = Path(repo)
    today = today or dt.date.today()
    parse_version(version)
    if _git(repo, "status", "--porcelain"):
        raise ReleaseError("the working tree has uncommitted changes: commit or stash them first")
    if _git(repo, "tag", "--list", f"v{version}"):
        raise ReleaseError(f"the tag v{version} already exists")
    rel = manifest_rel(version)
    if find_manifest(repo, version) is not None:
        raise ReleaseError(f"release {version} exists already ({rel}): choose a new version")
    check = check_version(repo, version)
    if not check.ok:
        raise ReleaseError(check.message)
    report = validate(repo)
    if not report.ok(strict=True):
        raise ReleaseError(f"kzdata validate --strict reports {len(report.findings)} finding(s): fix them first")
    changelog = repo / "CHANGELOG.md"
    text = changelog.read_text(encoding="utf-8") if changelog.is_file() else ""
    if not changelog_section(text, version):
        raise ReleaseError(f"CHANGELOG.md has no section '## [{version}]': add one (kzdata release {version} --draft prints a draft)")
    desc_path = repo / DESCRIPTOR
    desc_bytes = desc_path.read_bytes()
    desc = without_checksums(jsonio.loads(desc_bytes))
    desc["version"] = version
    desc["created"] = f"{today.isoformat()}T00:00:00Z"  # the Data Package spec wants an ISO 8601 date-time
    write_atomic(desc_path, canonical_json(desc).encode("utf-8"), expect=desc_bytes)
    fmt(repo)  # nothing else changes: the tree was canonical (validate --strict passed)
    touched = [DESCRIPTOR, *set_code_version(repo, version), *set_citation(repo, version, today)]
    files = working_files(repo, desc)
    unreadable = [f"{r} {f.why}" for r, f in files.items() if isinstance(f, Unreadable)]
    if unreadable:
        _git(repo, "checkout", "--", *touched)
        raise ReleaseError(f"{unreadable[0]}: a release holds the package's own files only")
    manifest = build_manifest(version, today.isoformat(), {r: b for r, b in files.items() if isinstance(b, bytes)})
    (repo / MANIFESTS).mkdir(exist_ok=True)
    write_atomic(repo / rel, canonical_json(manifest.to_json()).encode("utf-8"), expect=ABSENT)
    ident = [] if _git(repo, "config", "user.email") else ["-c", "user.name=kzdata release", "-c", "user.email=release@kzdata.invalid"]
    _git(repo, "add", "--", *touched, rel, check=True)
    _git(repo, *ident, "commit", "-q", "-m", f"Release {version}", check=True)
    notes = changelog_section(text, version) or ""
    _git(repo, *ident, "tag", "-a", f"v{version}", "-m", f"kzdata {version}\n\n{notes}", check=True)
    return f"v{version}"
