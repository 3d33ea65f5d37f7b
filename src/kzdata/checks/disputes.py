"""Disputed facts (data/disputes.csv): each disputed record exists and has the field, each value is cited by
the record, a dispute has two values or more, and the record holds one of them (or nothing, while undecided)."""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from ..context import Context
from ..findings import Finding
from ..schema import field_names

TABLE = "disputes"


def check_disputes(ctx: Context) -> Iterable[Finding]:
    groups: dict[tuple[str, str, str], list] = defaultdict(list)
    for d in ctx.table(TABLE):
        table, record, column = d.rec.get("table", ""), d.rec.get("record", ""), d.rec.get("field", "")
        if not (table and record and column):
            continue   # a required cell is empty: the value check reports it
        schema = ctx.pkg.schemas.get(table)
        index = ctx.by_id.get(table)
        if schema is None or index is None:
            continue   # an unknown table is reported by the value check (enum)
        if record not in index:
            if table not in ctx.incomplete:
                yield ctx.finding("KZ510", d, "record", f"no {table} row has the id {record!r}",
                                  f"Use the id of the record whose value is disputed, as in {ctx.path(table)}.")
            continue
        if column not in field_names(schema) or column in ("id", "sources", "notes"):
            yield ctx.finding("KZ510", d, "field", f"{column!r} is not a column of {table} whose value can be disputed",
                              f"Name a column of {ctx.path(table)} (see schemas/{table}.json).")
            continue
        row = index.get(record)
        if row is None:
            continue   # a row outside a columnar context: its screen brings every disputed row, so this is not reached
        groups[(table, record, column)].append(d)
        cited = set(row.items("sources"))
        missing = [s for s in d.items("sources") if s not in cited]
        if missing:
            yield ctx.finding("KZ511", d, "sources", f"{', '.join(missing)} gives {d.rec.get('value')!r} for {column} of {record}, "
                              f"but {table} row {record} does not cite it", related=[(row, "sources")])
    for (table, record, column), rows in groups.items():
        row = ctx.by_id[table].get(record)
        values = {d.rec.get("value", "") for d in rows}
        if len(values) < 2:
            yield ctx.finding("KZ512", rows[0], "value", f"the dispute over {column} of {table} {record} gives only the value "
                              f"{next(iter(values))!r}", related=[(row, column)])
        current = row.rec.get(column, "")
        if current and current not in values:
            yield ctx.finding("KZ513", row, column, f"{column} is {current!r}, which is none of the disputed values "
                              f"({', '.join(sorted(map(repr, values)))}) in {ctx.path(TABLE)}",
                              related=[(d, "value") for d in rows])


# --- screen ----------------------------------------------------------------------------------------------

def screen_disputes(env, table: str):
    """Rows of a table that a dispute names (the decider reads their field and their sources)."""
    import polars as pl

    from .screening import NOTHING, Flags

    disputes = env.pkg.tables.get(TABLE)
    if disputes is None or table == TABLE or "id" not in env.header(table) or not {"table", "record"} <= set(disputes.index):
        return NOTHING
    ids = [r for t, r in zip(disputes.column("table"), disputes.column("record")) if t == table and r]
    if not ids:
        return NOTHING
    return Flags("disputes", [pl.col("id").is_in(pl.Series(ids, dtype=pl.String).implode())])
