"""Check 2: primary keys are unique and every reference, including each item of a list cell, resolves."""
from __future__ import annotations

from typing import Iterable

from ..context import Context
from ..findings import Finding, make


def check_retired(ctx: Context) -> Iterable[Finding]:
    """An id in data/retired.csv belongs to a removed record and may never be used again; a merged record
    points to a record that exists."""
    retired = {(r.rec.get("table"), r.rec.get("id")): r for r in ctx.table("retired")}
    for (table, rid), r in retired.items():
        row = ctx.by_id.get(table or "", {}).get(rid or "")
        if row is not None:
            yield ctx.finding("KZ204", row, "id", f"id {rid!r} was retired on {r.rec.get('retired')} and may not be used again",
                              f"Give the record a new id; {ctx.path('retired')} line {r.line} retires this one.")
        target = r.rec.get("merged_into", "")
        if target and table not in ctx.incomplete and target not in ctx.by_id.get(table or "", {}):
            yield ctx.finding("KZ202", r, "merged_into", f"merged_into {target!r} is not an id in {table}")
    yield from _released_ids_kept(ctx, {key for key in retired})


def _released_ids_kept(ctx: Context, retired: set[tuple]) -> Iterable[Finding]:
    """Every id of the last release is still there, or retired with a reason (withdrawn or merged)."""
    from ..changes import file_at, repo_prefix
    from ..csvio import read_table
    from ..release import last_release

    root = ctx.pkg.root
    try:
        last = last_release(root)
    except Exception:  # not a git repository, git missing: nothing to compare with
        return
    if last is None:
        return
    rev, version = last
    prefix = repo_prefix(root)
    for name, table in ctx.pkg.tables.items():
        if name in ("exceptions", "retired") or name in ctx.incomplete or "id" not in table.index:
            continue
        old = file_at(root, prefix, rev, table.path)
        if old is None:
            continue
        old_table, _ = read_table(name, table.path, old)
        now = ctx.by_id.get(name, {})
        old_ids = [rid for rid in old_table.column("id") if rid]
        gone = now.missing(old_ids) if hasattr(now, "missing") else [rid for rid in old_ids if rid not in now]
        for rid in gone:
            if (name, rid) not in retired:
                yield make("KZ205", table.path, 0, "id", f"id {rid!r} of release {version} is gone from {table.path} without a row in "
                           f"{ctx.path('retired')}", table=name, record=rid)


def check_keys(ctx: Context) -> Iterable[Finding]:
    for name, schema in ctx.pkg.schemas.items():
        pk = schema.get("primaryKey") or []
        if isinstance(pk, str):
            pk = [pk]
        if pk:
            seen: dict[tuple, int] = {}
            for row in ctx.table(name):
                key = tuple(row.rec.get(k, "") for k in pk)
                if all(key) and key in seen:
                    yield ctx.finding("KZ201", row, pk[0], f"{'/'.join(pk)} {'/'.join(key)!r} is already used on line {seen[key]}",
                                      "Give this row a new id (kzdata ids are never reused).")
                else:
                    seen.setdefault(key, row.line)
        for fk in schema.get("foreignKeys") or []:
            fields = fk.get("fields")
            ref = fk.get("reference") or {}
            fields = [fields] if isinstance(fields, str) else fields
            if not fields or len(fields) != 1:
                continue
            target = ref.get("resource") or name
            index = ctx.by_id.get(target)
            if index is None or target in ctx.incomplete:
                continue
            col = fields[0]
            for row in ctx.table(name):
                value = row.rec.get(col, "")
                if value and value not in index:
                    yield ctx.finding("KZ202", row, col, f"{col} {value!r} is not an id in {target}",
                                      f"Use an existing id from {ctx.path(target)} or add the missing row there.")
        for field in schema["fields"]:
            kz = field.get("kzdata") or {}
            if kz.get("kind") != "list":
                continue
            col = field["name"]
            target = (kz.get("reference") or {}).get("resource")
            index = ctx.by_id.get(target) if target and target not in ctx.incomplete else None
            for row in ctx.table(name):
                items = row.items(col)
                seen_items: set[str] = set()
                for item in items:
                    if item in seen_items:
                        yield ctx.finding("KZ203", row, col, f"{col} lists {item!r} more than once")
                    seen_items.add(item)
                    if index is not None and item not in index:
                        yield ctx.finding("KZ202", row, col, f"{col} item {item!r} is not an id in {target}",
                                          f"Use an existing id from {ctx.path(target)} or add the missing row there.")
