"""Check 5: a fact dated after the publication of every source it cites cannot come from those sources."""
from __future__ import annotations

from typing import Iterable

from ..context import Context
from ..findings import Finding
from .chronology import DATE_COLUMNS


def check_source_dates(ctx: Context) -> Iterable[Finding]:
    published = ctx.source_dates
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
                    yield ctx.finding("KZ501", row, col,
                                      f"{col} {d} is after the publication of every source cited ({', '.join(f'{s} {published[s]}' for s in cited)})")
