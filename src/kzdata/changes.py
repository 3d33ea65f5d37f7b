"""What changed since a git revision, for `kzdata validate --changed-since REF` (the pull-request view).

The whole package is always validated; this module only decides which findings concern the change:
- findings on rows added or changed since REF (rows are matched by id, or by primary key);
- findings about a whole file (no row) in a file that changed, and findings about the package itself;
- findings caused by a removal: a reference, on any row, to an id that existed at REF and is gone now,
  and reviewed exceptions that no longer match because their record changed or went away.

Old versions are read with `git show REF:path` from the repository's own object store: no network.
"""
from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from .context import Context
from .csvio import read_table
from .findings import Finding


class GitError(RuntimeError):
    """git is missing, the path is not in a repository, or the revision is unknown."""


@dataclass
class ChangeSet:
    ref: str
    changed: dict[str, set[str]] = field(default_factory=dict)  # table -> keys of added or changed rows
    removed: dict[str, set[str]] = field(default_factory=dict)  # table -> keys gone since ref
    files: set[str] = field(default_factory=set)                # files whose bytes differ


def run_git(root: Path, *args: str, timeout: int = 120) -> subprocess.CompletedProcess:
    """Run git in `root` (bytes output); GitError when git cannot be run at all."""
    try:
        return subprocess.run(["git", "-C", str(root), *args], capture_output=True, timeout=timeout)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise GitError(f"cannot run git: {exc}") from None


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


def _key(name: str, rec: dict, pk: list[str]) -> str:
    return "/".join(rec.get(k, "") for k in pk)


def changes_since(ctx: Context, ref: str) -> ChangeSet:
    root = ctx.pkg.root
    if not is_revision(root, ref):
        raise GitError(f"{ref!r} is not a known git revision in {root}")
    prefix = repo_prefix(root)
    cs = ChangeSet(ref=ref)
    for rel, data in ctx.pkg.raw.items():
        if file_at(root, prefix, ref, rel) != data:
            cs.files.add(rel)
    for name, table in ctx.pkg.tables.items():
        pk = ctx.pkg.schemas[name].get("primaryKey") or ["id"]
        pk = [pk] if isinstance(pk, str) else pk
        new = {_key(name, r.rec, pk): r.rec for r in ctx.table(name)}
        old_data = file_at(root, prefix, ref, table.path)
        old: dict[str, dict] = {}
        if old_data is not None:
            old_table, _ = read_table(name, table.path, old_data)
            old = {_key(name, rec, pk): rec for _, rec in old_table.records()}
        cs.changed[name] = {k for k, rec in new.items() if old.get(k) != rec}
        cs.removed[name] = set(old) - set(new)
    return cs


def concerns_change(f: Finding, ctx: Context, cs: ChangeSet) -> bool:
    if not f.file or f.file == "datapackage.json" or f.file.startswith("schemas/"):
        return True  # the package as a whole
    if not f.table or not f.record:
        return f.file in cs.files  # a whole file (encoding, header, canonical form) or a row without id
    if f.code == "KZ901":
        key = f.record
        return any(key in ids or any(k.endswith("/" + key) for k in ids) for ids in (*cs.changed.values(), *cs.removed.values()))
    pk = ctx.pkg.schemas.get(f.table, {}).get("primaryKey") or ["id"]
    if pk == ["id"] or pk == "id":
        if f.record in cs.changed.get(f.table, set()):
            return True
    elif any(k.endswith(f.record) for k in cs.changed.get(f.table, set())):
        return True
    if f.code == "KZ202" and f.column:
        row = ctx.by_id.get(f.table, {}).get(f.record)
        gone = set().union(*cs.removed.values()) if cs.removed else set()
        return row is not None and any(item in gone for item in row.rec.get(f.column, "").split(";"))
    return False
