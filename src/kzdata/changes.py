"""What changed since a git revision, for `kzdata validate --changed-since REF` (the pull-request view).

The whole package is always validated, by either engine; this module only decides which findings concern
the change. A finding concerns it when any of its locations (its own row, or a related row) is:
- a row added or changed since REF (rows are matched by primary key);
- a whole file (no row) that changed, or the package itself (descriptor, schemas);
and also when it is caused by a removal: a reference, on any row, to an id that existed at REF and is gone
now, and a reviewed exception that no longer matches because its record changed or went away.

Old versions are read with `git show REF:path` from the repository's own object store: no network.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .csvio import read_table
from .findings import Finding, Location, Report
from .gitio import GitError, files_at, is_revision, repo_prefix, resolve
from .package import DESCRIPTOR, load_package
from .schema import primary_key, row_key

__all__ = ["ChangeSet", "GitError", "changes_since", "concerns_change", "scope_to"]


@dataclass
class ChangeSet:
    ref: str
    root: Path
    changed: dict[str, set[str]] = field(default_factory=dict)  # table -> keys of added or changed rows
    removed: dict[str, set[str]] = field(default_factory=dict)  # table -> keys gone since ref
    added: dict[str, set[str]] = field(default_factory=dict)    # table -> keys new since ref (also in `changed`)
    files: set[str] = field(default_factory=set)                # files whose bytes differ
    keys: dict[str, list[str]] = field(default_factory=dict)    # table -> its primary key columns
    paths: dict[str, str] = field(default_factory=dict)         # table -> its file
    _cells: dict[str, dict[str, dict]] = field(default_factory=dict)

    def cell(self, table: str, record: str, column: str) -> str:
        """The current value of a cell (its table is read when first asked for)."""
        if table not in self._cells:
            rows: dict[str, dict] = {}
            rel = self.paths.get(table)
            data = _read(self.root, rel) if rel else None
            if data is not None:
                t, _ = read_table(table, rel, data)
                for _, rec in t.records():
                    rows.setdefault(rec.get("id", ""), rec)
            self._cells[table] = rows
        return (self._cells[table].get(record) or {}).get(column, "")


def _read(root: Path, rel: str) -> bytes | None:
    try:
        return (root / rel).read_bytes()
    except OSError:
        return None


def changes_since(root: str | Path, ref: str) -> ChangeSet:
    root = Path(root)
    if not is_revision(root, ref):
        raise GitError(f"{ref!r} is not a known git revision in {root}")
    commit = resolve(root, ref)   # git reads the commit's hash, never the name given
    prefix = repo_prefix(root)
    cs = ChangeSet(ref=ref, root=root)
    pkg = load_package(root, read_tables=False, defer=[])   # locate the files; nothing is checked here
    files = sorted({DESCRIPTOR, *pkg.raw, *pkg.files.values()})
    olds = files_at(root, prefix, commit, files)
    for rel in files:
        if _read(root, rel) != olds.get(rel):
            cs.files.add(rel)
    for name, rel in pkg.files.items():
        cs.paths[name] = rel
        if rel not in cs.files:   # the same bytes: the same rows
            cs.keys[name] = primary_key(pkg.schemas[name])
            cs.changed[name], cs.removed[name] = set(), set()
            continue
        table_now, _ = read_table(name, rel, _read(root, rel) or b"")
        pk = cs.keys[name] = primary_key(pkg.schemas[name], table_now.header or None)
        new = {row_key(rec, pk): rec for _, rec in table_now.records()}
        old_data = olds.get(rel)
        old: dict[str, dict] = {}
        if old_data is not None:
            old_table, _ = read_table(name, rel, old_data)
            old = {row_key(rec, pk): rec for _, rec in old_table.records()}
        cs.changed[name] = {k for k, rec in new.items() if old.get(k) != rec}
        cs.removed[name] = set(old) - set(new)
        cs.added[name] = set(new) - set(old)
    return cs


def _row_changed(loc: Location, cs: ChangeSet) -> bool:
    keys = cs.changed.get(loc.table, set())
    if cs.keys.get(loc.table, ["id"]) == ["id"]:
        return loc.record in keys
    return any(k.endswith(loc.record) for k in keys)


def _concerns(loc: Location, cs: ChangeSet) -> bool:
    if not loc.file or loc.file == DESCRIPTOR or loc.file.startswith("schemas/"):
        return True  # the package as a whole
    if not loc.table or not loc.record:
        return loc.file in cs.files  # a whole file (encoding, header, canonical form) or a row without id
    return _row_changed(loc, cs)


def concerns_change(f: Finding, cs: ChangeSet) -> bool:
    if f.code == "KZ901" and f.record:
        key = f.record
        return any(key in ids or any(k.endswith("/" + key) for k in ids) for ids in (*cs.changed.values(), *cs.removed.values()))
    if any(_concerns(loc, cs) for loc in f.locations):
        return True
    if f.code == "KZ202" and f.column and f.table and f.record:
        gone = set().union(*cs.removed.values()) if cs.removed else set()
        return bool(gone) and any(item in gone for item in cs.cell(f.table, f.record, f.column).split(";"))
    return False


def scope_to(report: Report, cs: ChangeSet) -> Report:
    """Keep only the findings that concern the change; count the others as hidden. Name every reviewed
    exception the change adds or alters, with what it accepts (KZ903): an exception silences a warning, so
    whoever reviews the pull request must see it even though the warning itself no longer shows."""
    before = len(report.findings)
    report.findings = [f for f in report.findings if concerns_change(f, cs)]
    report.hidden = before - len(report.findings)
    report.scope = f"changes since {cs.ref}"
    report.findings += exception_notices(report, cs)
    report.findings.sort(key=lambda f: f.sort_key)
    return report


EXCEPTIONS = "exceptions"


def exception_notices(report: Report, cs: ChangeSet) -> list[Finding]:
    from .findings import make

    keys = cs.changed.get(EXCEPTIONS, set())
    rel = cs.paths.get(EXCEPTIONS)
    if not keys or not rel:
        return []
    table, _ = read_table(EXCEPTIONS, rel, _read(cs.root, rel) or b"")
    pk = cs.keys.get(EXCEPTIONS) or ["code", "table", "record"]
    accepted: dict[tuple, list[str]] = {}
    for f in report.excepted:
        accepted.setdefault((f.code, f.table, f.record), []).append(f.message)
    out = []
    for line, rec in table.records():
        key = row_key(rec, pk)
        if key not in keys:
            continue
        what = "adds" if key in cs.added.get(EXCEPTIONS, set()) else "changes"
        code, tname, record = rec.get("code", ""), rec.get("table", ""), rec.get("record", "")
        silenced = accepted.get((code, tname, record), [])
        tail = (f", accepting: {'; '.join(silenced)}" if silenced else ", which accepts no warning at present")
        out.append(make("KZ903", rel, line, "reason", f"{rel} {what} an exception: {code} for {tname} {record} "
                        f"(reviewed {rec.get('reviewed', '') or 'never'}){tail}", table=EXCEPTIONS, record=record))
    return out
