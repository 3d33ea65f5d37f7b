"""Releases downstream projects can pin: versions, checksums, tags. `kzdata release` and `kzdata verify`.

- Every resource in datapackage.json carries `bytes`, `hash` ("sha256:…") and `rows` once the package has
  been released; `kzdata fmt` keeps them in step with the files (they are part of the canonical form), so
  the descriptor always describes the files beside it, and `kzdata verify` proves a copy is intact.
- Versions follow the Data Package version recipe: a schema change that breaks readers is major; new
  records, tables or columns (and loosened constraints) are minor; corrections of existing records patch.
- "The last release" is the newest tag `vX.Y.Z` reachable from HEAD, or, in a clone without tags, the last
  commit that changed the version in datapackage.json.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

from .canonical_form import canonical_json
from .fileio import write_atomic
from .gitio import SEMVER, last_release, run_git
from .integrity import integrity, with_integrity

__all__ = ["ReleaseError", "check_version", "draft_changelog", "last_release", "release", "verify"]
LEVELS = ["patch", "minor", "major"]


class ReleaseError(RuntimeError):
    """The release cannot be made; the message says why and what to do."""


@dataclass
class VerifyProblem:
    path: str
    message: str


def verify(root: str | Path) -> tuple[list[VerifyProblem], int]:
    """Compare every resource file with the bytes, hash and rows recorded in datapackage.json."""
    from .package import _inside

    root = Path(root)
    try:
        desc = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return [VerifyProblem("datapackage.json", f"cannot be read: {exc}")], 0
    problems, checked = [], 0
    for res in desc.get("resources", []):
        rel = res.get("path", "")
        if "hash" not in res:
            problems.append(VerifyProblem(rel, "no checksum recorded: this copy is not a released version"))
            continue
        path = _inside(root, rel)
        if path is None or not path.is_file():
            problems.append(VerifyProblem(rel, "file missing"))
            continue
        checked += 1
        actual = integrity(rel, path.read_bytes())
        for k in ("bytes", "rows", "hash"):
            if k in res and res[k] != actual.get(k):
                problems.append(VerifyProblem(rel, f"{k} is {actual.get(k)}, but datapackage.json records {res[k]}"))
    return problems, checked


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
        if schema.get("table_removed") or schema.get("removed") or schema.get("renamed") or schema.get("retyped") \
                or schema.get("primary_key") or any(_tightened(c["old"], c["new"]) for c in schema.get("constraints", [])):
            at_least("major")
        if schema.get("table_added") or schema.get("added") or schema.get("constraints") or entry["added"] or entry["removed"]:
            at_least("minor")
        if entry["changed"] or schema.get("reordered"):
            at_least("patch")
    return level


def _tightened(old: dict, new: dict) -> bool:
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
            text = path.read_text(encoding="utf-8")
            new = pattern.sub(lambda m: f"{m.group(1)}{version}{m.group(2)}", text, count=1)
            if new != text:
                write_atomic(path, new.encode("utf-8"))
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


def draft_changelog(repo: str | Path, version: str, today: dt.date) -> str:
    from .diff import diff, render_markdown

    last = last_release(Path(repo))
    body = render_markdown(diff(last[0], str(repo), Path(repo))) if last else "First release."
    return f"## [{version}] - {today.isoformat()}\n\n### Data\n{body}\n"


def release(repo: str | Path, version: str, today: dt.date | None = None) -> str:
    """Write version, date and checksums into datapackage.json, commit, and tag vVERSION. Returns the tag."""
    from .fmt import fmt
    from .validator import validate

    repo = Path(repo)
    today = today or dt.date.today()
    parse_version(version)
    if _git(repo, "status", "--porcelain"):
        raise ReleaseError("the working tree has uncommitted changes: commit or stash them first")
    if _git(repo, "tag", "--list", f"v{version}"):
        raise ReleaseError(f"the tag v{version} already exists")
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
    desc_path = repo / "datapackage.json"
    desc = json.loads(desc_path.read_text(encoding="utf-8"))
    desc["version"] = version
    desc["created"] = f"{today.isoformat()}T00:00:00Z"  # the Data Package spec wants an ISO 8601 date-time
    contents = {r["path"]: (repo / r["path"]).read_bytes() for r in desc.get("resources", []) if (repo / r.get("path", "")).is_file()}
    write_atomic(desc_path, canonical_json(with_integrity(desc, contents)).encode("utf-8"))
    fmt(repo)  # nothing else changes: the tree was canonical (validate --strict passed)
    touched = ["datapackage.json", *set_code_version(repo, version), *set_citation(repo, version, today)]
    ident = [] if _git(repo, "config", "user.email") else ["-c", "user.name=kzdata release", "-c", "user.email=release@kzdata.invalid"]
    _git(repo, "add", *touched, check=True)
    _git(repo, *ident, "commit", "-q", "-m", f"Release {version}", check=True)
    notes = changelog_section(text, version) or ""
    _git(repo, *ident, "tag", "-a", f"v{version}", "-m", f"kzdata {version}\n\n{notes}", check=True)
    return f"v{version}"
