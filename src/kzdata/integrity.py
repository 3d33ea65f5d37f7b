"""Checksums of a release's files, as its manifest `releases/X.Y.Z.json` records them, and the comparison
of a copy with a manifest. Pure functions on bytes and directories: git is kzdata.release's business.

A release is the files a copy of the package is made of (`RELEASE_DIRS`): datapackage.json, every file
under data/, schemas/ and reference/ (the inputs the Criminal Code reference is built from), and any other
file the descriptor names as a resource, a schema or a JSON Schema. Of each, the manifest records `bytes`,
`sha256` (hex) and, for CSV, `rows` (records after the header). Names starting with a dot, `__pycache__`
directories and `*.pyc` files are never part of a release (editors, file managers and Python leave them).

datapackage.json itself records no checksums (no `bytes`, `hash` or `rows` on its resources): they would
change with every edit, and two pull requests touching the same table would conflict on them.
"""
from __future__ import annotations

import csv
import hashlib
import io
import os
from dataclasses import dataclass
from pathlib import Path

DESCRIPTOR = "datapackage.json"
RELEASE_DIRS = ("data", "schemas", "reference")
CHECKSUM_KEYS = ("bytes", "hash", "rows")     # what releases before 1.1 wrote into each resource


def file_entry(rel: str, data: bytes) -> dict:
    """What a manifest records of one file: bytes, sha256 and, for CSV, rows."""
    out: dict = {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    if rel.endswith(".csv"):
        try:
            out["rows"] = max(0, sum(1 for _ in csv.reader(io.StringIO(data.decode("utf-8"), newline=""))) - 1)
        except (UnicodeDecodeError, csv.Error):
            pass
    return out


def _ignored(rel: str) -> bool:
    parts = rel.split("/")
    return any(p.startswith(".") or p in ("", "__pycache__") for p in parts) or rel.endswith(".pyc")


def counted(rel: str) -> bool:
    """Whether a file at this relative path is part of a release by where it is (see the module's docstring)."""
    return not _ignored(rel) and (rel == DESCRIPTOR or rel.split("/")[0] in RELEASE_DIRS)


def named_files(descriptor: object) -> list[str]:
    """The plain relative paths the descriptor names (resources, schemas, JSON Schemas), whatever their directory."""
    out = []
    listed = descriptor.get("resources") if isinstance(descriptor, dict) else None
    for res in listed if isinstance(listed, list) else []:
        if isinstance(res, dict):
            out += [res[k] for k in ("path", "schema", "jsonSchema") if isinstance(res.get(k), str) and _plain(res[k])]
    return out


def _plain(rel: str) -> bool:
    parts = rel.split("/")
    return (bool(rel) and "://" not in rel and "\\" not in rel and not rel.startswith("/") and ".." not in parts
            and ":" not in parts[0] and not _ignored(rel))


def release_files(all_files: list[str], descriptor: object) -> list[str]:
    """Of the files a copy (or a git tree) holds, those that make up the release, sorted."""
    present = set(all_files)
    return sorted({rel for rel in all_files if counted(rel)} | {rel for rel in named_files(descriptor) if rel in present})


@dataclass
class Unreadable:
    """A file of a copy whose bytes cannot be taken for a release's (a link out of the copy, unreadable)."""

    why: str


def working_files(root: Path, descriptor: object) -> dict[str, bytes | Unreadable]:
    """The bytes of the release files of a directory (see release_files); a link that leads out of the
    directory, or a file that cannot be read, is an Unreadable."""
    root = Path(root)
    found: list[str] = []
    if (root / DESCRIPTOR).exists() or (root / DESCRIPTOR).is_symlink():
        found.append(DESCRIPTOR)
    for top in RELEASE_DIRS:
        base = root / top
        if not base.is_dir() or base.is_symlink():
            continue
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d != "__pycache__")
            for name in filenames:
                found.append(Path(dirpath, name).relative_to(root).as_posix())
    for rel in named_files(descriptor):
        if rel not in found and ((root / rel).is_file() or (root / rel).is_symlink()):
            found.append(rel)
    real_root = root.resolve()
    out: dict[str, bytes | Unreadable] = {}
    for rel in release_files(found, descriptor):
        path = root / rel
        try:
            path.resolve().relative_to(real_root)
        except (ValueError, OSError):
            out[rel] = Unreadable("is a link to a file outside the copy")
            continue
        try:
            out[rel] = path.read_bytes()
        except OSError as exc:
            out[rel] = Unreadable(f"cannot be read: {exc.strerror or exc}")
    return out


def entries(files: dict[str, bytes | Unreadable]) -> dict[str, dict | Unreadable]:
    return {rel: data if isinstance(data, Unreadable) else file_entry(rel, data) for rel, data in files.items()}


@dataclass
class Difference:
    """One way a copy differs from a release: a file `changed`, `added` (not in the release), `missing`
    (in the release, not in the copy) or `unreadable`."""

    path: str
    status: str
    expected: dict | None = None    # the manifest's entry
    actual: dict | None = None      # the copy's
    detail: str = ""

    def describe(self) -> str:
        if self.status == "changed":
            return f"{self.path} changed ({self.detail})"
        if self.status == "unreadable":
            return f"{self.path} {self.detail}"
        return f"{self.path} {self.status}" + (f" ({self.detail})" if self.detail else "")

    def to_dict(self) -> dict:
        return {"path": self.path, "status": self.status, "expected": self.expected, "actual": self.actual,
                "detail": self.detail}


def _short(sha: object) -> str:
    return str(sha)[:12]


def compare(expected: dict[str, dict], actual: dict[str, dict | Unreadable]) -> list[Difference]:
    """How the copy's entries differ from a manifest's `files`, in path order."""
    out = []
    for rel in sorted(set(expected) | set(actual)):
        want, have = expected.get(rel), actual.get(rel)
        if have is None:
            out.append(Difference(rel, "missing", want, None, "in the release, not in this copy"))
        elif isinstance(have, Unreadable):
            out.append(Difference(rel, "unreadable", want, None, have.why))
        elif want is None:
            out.append(Difference(rel, "added", None, have, "not in the release"))
        elif any(want.get(k) != have.get(k) for k in ("bytes", "sha256", "rows") if k in want or k in have):
            parts = []
            if want.get("sha256") != have.get("sha256"):
                parts.append(f"sha256 {_short(have.get('sha256'))}…, release {_short(want.get('sha256'))}…")
            if want.get("bytes") != have.get("bytes"):
                parts.append(f"{have.get('bytes')} bytes, release {want.get('bytes')}")
            if want.get("rows") != have.get("rows"):
                parts.append(f"{have.get('rows')} rows, release {want.get('rows')}")
            out.append(Difference(rel, "changed", want, have, "; ".join(parts)))
    return out


def without_checksums(descriptor: object) -> object:
    """The descriptor without the per-resource checksums (bytes, hash, rows) that releases before 1.1 wrote
    into it: they live in releases/X.Y.Z.json now. The same object when there are none."""
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        return descriptor
    if not any(isinstance(r, dict) and any(k in r for k in CHECKSUM_KEYS) for r in descriptor["resources"]):
        return descriptor
    return {**descriptor, "resources": [{k: v for k, v in r.items() if k not in CHECKSUM_KEYS} if isinstance(r, dict) else r
                                        for r in descriptor["resources"]]}
