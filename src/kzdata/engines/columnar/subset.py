"""Small row-engine Contexts holding only the rows that the screens selected.

The row engine's checks run unchanged on such a context and produce the exact findings for those rows,
provided that (1) every row a check needs to judge a selected row is in the context too (the caller closes
the selection over persons and cases), and (2) lookups of ids see the whole table: `by_id` is replaced
with KnownIds, which answers membership for every id in the full table.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

import polars as pl

from ...context import Context, Row
from ...csvio import Table
from ...package import Package


class KnownIds(Mapping):
    """id -> Row for the rows in a sub-context; `in` and `missing` answer for every id of the full table,
    from the sorted distinct ids given, or read on first use by `load` (which returns every id cell)."""

    def __init__(self, rows: dict[str, Row], ids: pl.Series | None = None, load: Callable[[], pl.Series] | None = None):
        self._rows = rows
        self._ids = ids
        self._load = load

    @property
    def _all(self) -> pl.Series | None:
        if self._ids is None and self._load is not None:
            ids = self._load()
            self._ids = ids.filter(ids != "").unique().sort()
        return self._ids

    def __getitem__(self, key: str) -> Row:
        return self._rows[key]

    def get(self, key, default=None):
        return self._rows.get(key, default)

    def __contains__(self, key) -> bool:
        if key in self._rows:
            return True
        if not isinstance(key, str) or self._all is None or not len(self._all):
            return False
        i = self._all.search_sorted(key)
        return i < len(self._all) and self._all[i] == key

    def ids(self) -> list[str]:
        """Every id of the full table (for suggestions: a finding is rare, so this is read only then)."""
        return self._all.to_list() if self._all is not None else list(self._rows)

    def missing(self, ids: list[str]) -> list[str]:
        """The ids (in their order) that are not in the full table."""
        if self._all is None:
            return [i for i in ids if i not in self._rows]
        s = pl.Series(ids, dtype=pl.String)
        return s.filter(~s.is_in(self._all.implode())).to_list()

    def __iter__(self):
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


def rows_table(name: str, path: str, header: list[str], df: pl.DataFrame, rows: pl.Series | None = None) -> Table:
    """A row-engine Table of the given row positions of df (all when rows is None), in file order; df has
    the header's columns and "__line"."""
    part = df if rows is None else df[rows.unique().sort()]
    t = Table(name=name, path=path, header=list(header))
    t.index = {c: i for i, c in enumerate(header)}
    if len(part):
        t.rows = [list(r) for r in part.select(header).iter_rows()]
        t.lines = part.get_column("__line").to_list()
    return t


def sub_context(pkg: Package, tables: dict[str, Table], today: dt.date, ids: dict[str, pl.Series] | None = None,
                loaders: dict[str, Callable[[], pl.Series]] | None = None,
                known_canonical: set[str] | None = None) -> Context:
    """A Context of the given tables. Lookups of ids answer from `ids` (sorted distinct ids of the full
    table) or `loaders` (which read them when first needed) where given, else from the rows present."""
    sub = Package(root=pkg.root, descriptor=pkg.descriptor, schemas={n: pkg.schemas[n] for n in tables},
                  tables=tables, reference=pkg.reference, reference_path=pkg.reference_path,
                  raw=dict(pkg.raw), files=dict(pkg.files))
    ctx = Context.build(sub, today)
    ids, loaders = ids or {}, loaders or {}
    ctx.__dict__["by_id"] = {name: KnownIds(index, ids.get(name), loaders.get(name)) for name, index in ctx.by_id.items()}
    ctx.__dict__["incomplete"] = set()
    ctx.known_canonical = set(known_canonical or ())
    return ctx
