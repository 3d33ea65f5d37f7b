"""Dates against sources: a fact dated after the publication of every source it cites cannot come from
those sources."""
from __future__ import annotations

from typing import Iterable

from ..context import Context
from ..findings import Finding
from ..vocab import DATE_COLUMNS


def check_source_dates(ctx: Context) -> Iterable[Finding]:
    published = ctx.source_dates
    sources = ctx.by_id.get("sources", {})
    for table, cols in DATE_COLUMNS.items():
        if table == "sources":
            continue
        for row in ctx.table(table):
            cited = row.items("sources")
            dates = [published.get(s) for s in cited if s in published]
            if not dates or len(dates) != len(cited) or any(d is None for d in dates):
                continue  # an unknown or undated source could report anything
            latest = max(dates, key=lambda d: d.end)
            for col in cols:
                d = row.date(col)
                if d and d.after(latest):
                    rel = [(sources[s], "published") for s in cited if s in sources]
                    yield ctx.finding("KZ501", row, col,
                                      f"{col} {d} is after the publication of every source cited ({', '.join(f'{s} {published[s]}' for s in cited)})",
                                      related=rel)


# --- screen ----------------------------------------------------------------------------------------------

def screen_source_dates(env, table: str):
    """Rows where a date starts after the latest publication among the cited sources (unknown or undated
    sources are ignored here, which can only select more rows): single-source cells by a lookup, cells
    citing several sources item by item."""
    import polars as pl

    from .screening import NOTHING, Flags, row_numbers, start

    pub = env.published
    cols = [c for c in DATE_COLUMNS.get(table, []) if c in env.header(table)]
    if table == "sources" or not cols or "sources" not in env.header(table) or pub is None:
        return NOTHING
    latest = pl.col("sources").replace_strict(pub.get_column("id"), pub.get_column("pub"), default=None, return_dtype=pl.Int32)
    dates = pl.max_horizontal([start(c) for c in cols])

    def several(d, first):
        multi = d.filter(pl.col("sources").str.contains(";", literal=True)).with_row_index("__i")
        if not len(multi):
            return pl.Series([], dtype=pl.Int64)
        rows = d.select(row_numbers()).get_column("row").filter(d.get_column("sources").str.contains(";", literal=True))
        its = (multi.select(pl.col("__i").cast(pl.Int64).alias("i"), pl.col("sources").str.split(";").alias("sid"))
               .explode("sid").join(pub, left_on="sid", right_on="id", how="inner").group_by("i").agg(pl.col("pub").max()))
        starts = multi.select(pl.col("__i").cast(pl.Int64).alias("i"), dates.alias("d"))
        hit = starts.join(its, on="i").filter(pl.col("d") > pl.col("pub")).get_column("i")
        return rows.gather(hit.sort())

    return Flags("source_dates", [(dates > latest).fill_null(False)], [several])
