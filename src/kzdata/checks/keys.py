"""Keys: primary keys are unique and every reference, including each item of a list cell, resolves (keys);
an id of a removed record is never used again (retired); every id of the last release is still there or
retired with a reason (released)."""
from __future__ import annotations

from typing import Iterable

from ..context import Context
from ..findings import Finding, make
from ..schema import primary_key, references


def check_keys(ctx: Context) -> Iterable[Finding]:
    for name, schema in ctx.pkg.schemas.items():
        table = ctx.pkg.tables.get(name)
        pk = primary_key(schema, table.header if table is not None else None)
        if pk:
            seen: dict[tuple, object] = {}
            for row in ctx.table(name):
                key = tuple(row.rec.get(k, "") for k in pk)
                first = seen.get(key)
                if all(key) and first is not None:
                    yield ctx.finding("KZ201", row, pk[0], f"{'/'.join(pk)} {'/'.join(key)!r} is already used on line {first.line}",
                                      "Give this row a new id (kzdata ids are never reused).", related=[(first, pk[0])])
                else:
                    seen.setdefault(key, row)
        for col, target, is_list in references(schema, name):
            if not is_list:
                index = ctx.by_id.get(target)
                if index is None or target in ctx.incomplete:
                    continue
                for row in ctx.table(name):
                    value = row.rec.get(col, "")
                    if value and value not in index:
                        yield _dangling(ctx, row, col, f"{col} {value!r}", value, target, index)
                continue
            index = ctx.by_id.get(target) if target and target not in ctx.incomplete else None
            for row in ctx.table(name):
                seen_items: set[str] = set()
                for item in row.items(col):
                    if item in seen_items:
                        yield ctx.finding("KZ203", row, col, f"{col} lists {item!r} more than once")
                    seen_items.add(item)
                    if index is not None and item not in index:
                        yield _dangling(ctx, row, col, f"{col} item {item!r}", item, target, index)
    # a merged record points to a record that exists (the table is named in the retired row itself)
    for r in ctx.table("retired"):
        table, target = r.rec.get("table") or "", r.rec.get("merged_into", "")
        if target and table not in ctx.incomplete and target not in ctx.by_id.get(table, {}):
            yield ctx.finding("KZ202", r, "merged_into", f"merged_into {target!r} is not an id in {table}")


def _dangling(ctx: Context, row, col: str, what: str, value: str, target: str, index) -> Finding:
    """KZ202, with the look-alike letters that make an id look right when it is not, and the nearest id."""
    from ..suggestions import describe_lookalikes, nearest

    words, fixed = describe_lookalikes(value)
    if not fixed.isascii():
        words = ""
    candidates = index.ids() if hasattr(index, "ids") else list(index)
    suggestion = fixed if words and fixed in index else nearest(value, candidates)
    extra = f": it has {words}" if words else ""
    return ctx.finding("KZ202", row, col, f"{what} is not an id in {target}{extra}",
                       f"Use an existing id from {ctx.path(target)} or add the missing row there.", suggestion=suggestion)


def _retired(ctx: Context) -> dict[tuple, object]:
    return {(r.rec.get("table"), r.rec.get("id")): r for r in ctx.table("retired")}


def check_retired(ctx: Context) -> Iterable[Finding]:
    """An id in data/retired.csv belongs to a removed record and may never be used again."""
    for (table, rid), r in _retired(ctx).items():
        row = ctx.by_id.get(table or "", {}).get(rid or "")
        if row is not None:
            yield ctx.finding("KZ204", row, "id", f"id {rid!r} was retired on {r.rec.get('retired')} and may not be used again",
                              f"Give the record a new id; {ctx.path('retired')} line {r.line} retires this one.",
                              related=[(r, "id")])


def check_released(ctx: Context) -> Iterable[Finding]:
    """Every id of the last release is still there, or retired with a reason (withdrawn or merged)."""
    from ..csvio import read_table
    from ..gitio import files_at, last_release, repo_prefix

    root = ctx.pkg.root
    try:
        last = last_release(root)
    except Exception:  # not a git repository, git missing: nothing to compare with
        return
    if last is None:
        return
    retired = set(_retired(ctx))
    rev, version = last
    tables = {name: t for name, t in ctx.pkg.tables.items()
              if name not in ("exceptions", "retired") and name not in ctx.incomplete and "id" in t.index}
    olds = files_at(root, repo_prefix(root), rev, [t.path for t in tables.values()])
    for name, table in tables.items():
        old = olds.get(table.path)
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


# --- screens ---------------------------------------------------------------------------------------------

class _KeyScreen:
    """Rows that may break a key rule: a key equal to its neighbour's (the proof of reading gives rows in key
    order, so a repeated key is next to itself, also across chunks), a reference naming no id of its target,
    a list cell naming an item twice. References to a table not scanned yet are tested once every table
    was scanned (later)."""

    def __init__(self, env, table: str):
        import polars as pl

        self.pl = pl
        self.env = env
        schema = env.schemas[table]
        self.key = env.key(table)
        self.conditions = []
        self.lists: list[tuple[str, str | None]] = []
        self.deferred: list[tuple[str, str, bool]] = []
        self.coded: list[tuple[str, str]] = []     # (column, target) tested through the engine's codes
        self.found: list[tuple[str, pl.DataFrame]] = []
        self.last_key = None
        if self.key is not None:
            k = pl.col(self.key)
            self.conditions.append((k != "") & ((k == k.shift(1)) | (k == k.shift(-1))).fill_null(False))
        header = env.header(table)
        for col, target, is_list in references(schema, table):
            if col not in header:
                continue
            target = target if target in env.schemas else None
            if is_list:
                self.lists.append((col, target))
            if target is None:
                continue
            ids = env.ids.get(target)
            if not is_list and env.coded(table, col) == target:
                self.coded.append((col, target))
            elif ids is None:
                self.deferred.append((col, target, is_list))
            elif is_list:
                c = pl.col(col)
                self.conditions.append((c != "") & ~c.str.contains(";", literal=True) & ~c.is_in(ids.implode()))
            else:
                self.conditions.append((pl.col(col) != "") & ~pl.col(col).is_in(ids.implode()))

    def exprs(self):
        pl = self.pl
        out = []
        if self.conditions:
            out.append(pl.any_horizontal(self.conditions).fill_null(True).alias("__keys"))
        if self.lists:
            out.append(pl.any_horizontal([pl.col(c).str.contains(";", literal=True) for c, _ in self.lists]).alias("__keys_multi"))
        return out

    def rows(self, d, first: int):
        from .screening import items, repeated_items, unknown

        pl = self.pl
        found = [d.get_column("__keys").arg_true().cast(pl.Int64)] if self.conditions else []
        for col, target in self.coded:   # a code the target table does not hold names no id of it
            raw, code = d.get_column(col), d.get_column(f"__code_{col}")
            found.append(((raw != "") & ~code.is_in(self.env.known[target].implode())).arg_true().cast(pl.Int64))
        if self.key is not None and len(d):
            k = d.get_column(self.key)
            if self.last_key is not None and self.last_key != "" and k[0] == self.last_key:   # across two chunks
                found.append(pl.Series([-1, 0], dtype=pl.Int64))
            self.last_key = k[-1]
        if self.lists:
            multi = d.get_column("__keys_multi").arg_true()
            if len(multi):
                sub = d[multi]
                out = []
                for col, target in self.lists:
                    out.append(repeated_items(sub, col))
                    ids = self.env.ids.get(target) if target else None
                    if ids is not None and (col, target, True) not in self.deferred:
                        out.append(unknown(items(sub, col, True), ids))
                found.append(multi.gather(pl.concat([o.cast(pl.Int64) for o in out]).unique().sort()).cast(pl.Int64))
        for col, target, is_list in self.deferred:
            self.found.append((target, items(d, col, is_list).with_columns(pl.col("row") + first)))
        return pl.concat(found).unique().sort() if found else pl.Series([], dtype=pl.Int64)

    def later(self):
        from .screening import unknown

        pl = self.pl
        parts = [unknown(found, self.env.ids.get(target, pl.Series([], dtype=pl.String))).cast(pl.Int64)
                 for target, found in self.found]
        return pl.concat(parts) if parts else pl.Series([], dtype=pl.Int64)


def screen_keys(env, table: str):
    return _KeyScreen(env, table)


def screen_retired(env, table: str):
    import polars as pl

    from .screening import NOTHING, Flags

    gone = env.retired.get(table)
    if gone is None or "id" not in env.header(table):
        return NOTHING
    return Flags("retired", [pl.col("id").is_in(gone.implode())])
