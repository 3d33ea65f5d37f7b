"""What the columnar screens are made of (polars): dates as day numbers, the Screen protocol, list cells,
and the frames that the person screens compare. Imported only by screens, which only the columnar engine
runs (kzdata.engines.columnar), so that the row engine never loads polars.

A screen never decides a finding. It selects a superset of the rows (or persons) whose check could report
one; the check's decider then runs on them, in the engine's context, and decides. So a screen may be
generous but never stingy: each is written as a condition implied by its decider, next to it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import polars as pl

from ..vocab import CUSTODY, FIRST_INSTANCE, PRISON, VERDICT_EVENTS, CONVICTION_EVENTS

_PARTIAL = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"


# --------------------------------------------------------------------------------------------- dates

def date_start(col: str) -> pl.Expr:
    """First day of a partial date (YYYY, YYYY-MM, YYYY-MM-DD) as days since 1970; null when it is empty
    or not a real date (dates.parse_partial gives None for exactly these)."""
    s = pl.col(col).cast(pl.String)
    n = s.str.len_bytes()
    ok = s.str.contains(_PARTIAL) & (s.str.slice(0, 4) != "0000")
    full = pl.when(n == 10).then(s).when(n == 7).then(s + "-01").otherwise(s + "-01-01")
    return pl.when(ok).then(full).str.to_date("%Y-%m-%d", strict=False).cast(pl.Int32)


def date_end(col: str, start: pl.Expr | None = None) -> pl.Expr:
    """Last day of a partial date, like date_start; `start` is date_start(col) when it is already known."""
    s = pl.col(col).cast(pl.String)
    n = s.str.len_bytes()
    start = (date_start(col) if start is None else start).cast(pl.Date)
    end = (pl.when(n == 10).then(start)
           .when(n == 7).then(start.dt.month_end())
           .otherwise(pl.date(start.dt.year(), 12, 31)))
    return end.cast(pl.Int32)


def day(value: str | dt.date) -> int:
    d = dt.date.fromisoformat(value) if isinstance(value, str) else value
    return (d - dt.date(1970, 1, 1)).days


def start(col: str) -> pl.Expr:
    """The first day of a date column of the chunk (the engine adds `<col>__s` for every DATE_COLUMNS column)."""
    return pl.col(f"{col}__s")


def end(col: str) -> pl.Expr:
    return pl.col(f"{col}__e")


# --------------------------------------------------------------------------------------------- screens

def row_numbers() -> pl.Expr:
    return pl.int_range(pl.len(), dtype=pl.Int64).alias("row")


class Screen:
    """The rows of one table a check's decider must see. For each chunk of the table (a frame of strings
    with the columns of exprs() and the engine's date columns added), `rows(d, first)` gives row positions
    in the chunk; after every table was scanned, `later()` gives row numbers in the table that could only
    be found then (first = the table row number of the chunk's first row)."""

    def exprs(self) -> list[pl.Expr]:
        return []

    def rows(self, d: pl.DataFrame, first: int) -> pl.Series:
        return pl.Series([], dtype=pl.Int64)

    def later(self) -> pl.Series:
        return pl.Series([], dtype=pl.Int64)


class Everything(Screen):
    """Every row: what a check without a screen gets, so that nothing is ever skipped silently."""

    def rows(self, d: pl.DataFrame, first: int) -> pl.Series:
        return pl.int_range(len(d), dtype=pl.Int64, eager=True)


NOTHING = Screen()


@dataclass
class Flags(Screen):
    """Rows where any of the conditions holds (an unknown condition counts as true), plus what `extra`
    functions of the chunk select."""

    name: str
    conditions: list[pl.Expr] = field(default_factory=list)
    extra: list = field(default_factory=list)   # functions (chunk, first) -> positions

    def exprs(self) -> list[pl.Expr]:
        if not self.conditions:
            return []
        return [pl.any_horizontal(self.conditions).fill_null(True).alias(f"__{self.name}")]

    def rows(self, d: pl.DataFrame, first: int) -> pl.Series:
        found = [d.get_column(f"__{self.name}").arg_true().cast(pl.Int64)] if self.conditions else []
        found += [f(d, first).cast(pl.Int64) for f in self.extra]
        return pl.concat(found).unique().sort() if found else pl.Series([], dtype=pl.Int64)


# ------------------------------------------------------------------------------------------- list cells

def items(df: pl.DataFrame, col: str, is_list: bool) -> pl.DataFrame:
    """(row, item): every non-empty reference, or item of a list cell, in column col."""
    out = df.select(row_numbers(), pl.col(col).alias("item"))
    if is_list:
        out = out.with_columns(pl.col("item").str.split(";")).explode("item")
    return out.filter(pl.col("item") != "")


def repeated_items(df: pl.DataFrame, col: str) -> pl.Series:
    """Rows whose list cell names an item twice."""
    multi = (df.select(row_numbers(), pl.col(col).alias("item"))
             .filter(pl.col("item").str.contains(";", literal=True))
             .with_columns(pl.col("item").str.split(";")).explode("item").filter(pl.col("item") != ""))
    return multi.filter(multi.is_duplicated()).get_column("row").unique()


def unknown(found: pl.DataFrame, ids: pl.Series) -> pl.Series:
    """Rows of (row, item) pairs with an item that is not one of ids."""
    return found.filter(~pl.col("item").is_in(ids.implode())).get_column("row").unique()


# ------------------------------------------------------------------------------- the person screens' frames

def _earliest(df: pl.DataFrame, by: list[str], prefix: str) -> pl.DataFrame:
    """Per group, the earliest (by start, then end) of the ranges (s, e): context.earliest. A range is at
    most 366 days long, so (start, length) packs into one integer whose minimum is the earliest range."""
    k = (pl.col("s").cast(pl.Int64) + 1_000_000) * 1024 + (pl.col("e") - pl.col("s")).cast(pl.Int64)
    g = df.group_by(by).agg(k.min().alias("k"))
    first = pl.col("k") // 1024 - 1_000_000
    return g.select(*by, first.cast(pl.Int32).alias(f"{prefix}_s"), (first + pl.col("k") % 1024).cast(pl.Int32).alias(f"{prefix}_e"))


def ranges(df: pl.DataFrame, cond: pl.Expr, col: str, keep: list[str]) -> pl.DataFrame:
    return df.filter(cond & pl.col(f"{col}__s").is_not_null()).select(
        *keep, pl.col(f"{col}__s").alias("s"), pl.col(f"{col}__e").alias("e"))


@dataclass
class PersonFrames:
    """The compact frames of one range of persons that the person screens compare: for persons, charges,
    sentences and events (and cases, organisations), the columns the registered person screens need, with
    `person` and `case` as codes (one categorical per run: `code`), dates as `<col>__s`/`<col>__e` day
    numbers, and `__odd` on persons whose date cells are not plain partial dates. Derived frames that
    several screens share (the verdicts of Context.verdicts, the first conviction, the first custody) are
    computed once, on first use."""

    tables: dict[str, pl.DataFrame]
    code: pl.DataType
    today: dt.date
    reference: pl.DataFrame | None = None   # one row per (code, article): see checks/articles.reference_frame
    _cache: dict = field(default_factory=dict)

    def get(self, name: str) -> pl.DataFrame | None:
        return self.tables.get(name)

    def empty(self, with_case: bool = True) -> pl.DataFrame:
        schema = {"person": self.code, "case": self.code, "s": pl.Int32, "e": pl.Int32}
        if not with_case:
            del schema["case"]
        return pl.DataFrame(schema=schema)

    def _once(self, key: str, build):
        if key not in self._cache:
            self._cache[key] = build()
        return self._cache[key]

    @property
    def verdicts(self) -> pl.DataFrame:
        """(person, case, v_s, v_e): the earliest first-instance verdict per person and case."""
        def build():
            parts = [self.empty()]
            se, ev = self.get("sentences"), self.get("events")
            if se is not None:
                parts.append(ranges(se, pl.col("instance") == FIRST_INSTANCE, "verdict_date", ["person", "case"]))
            if ev is not None:
                parts.append(ranges(ev, pl.col("type").is_in(list(VERDICT_EVENTS)), "date", ["person", "case"]))
            return _earliest(pl.concat(parts), ["person", "case"], "v")
        return self._once("verdicts", build)

    @property
    def first_conviction(self) -> pl.DataFrame:
        """(person, fc_s, fc_e): the earliest conviction (any sentence's verdict, or a convicted event)."""
        def build():
            parts = [self.empty(False)]
            se, ev = self.get("sentences"), self.get("events")
            if se is not None:
                parts.append(ranges(se, pl.lit(True), "verdict_date", ["person"]))
            if ev is not None:
                parts.append(ranges(ev, pl.col("type").is_in(list(CONVICTION_EVENTS)), "date", ["person"]))
            return _earliest(pl.concat(parts), ["person"], "fc")
        return self._once("first_conviction", build)

    @property
    def first_custody(self) -> pl.DataFrame:
        """(person, cu_s, cu_e): the earliest detention or prison verdict."""
        def build():
            parts = [self.empty(False)]
            se, ev = self.get("sentences"), self.get("events")
            if se is not None:
                parts.append(ranges(se, pl.col("kind").is_in(list(PRISON)), "verdict_date", ["person"]))
            if ev is not None:
                parts.append(ranges(ev, pl.col("type").is_in(list(CUSTODY)), "date", ["person"]))
            return _earliest(pl.concat(parts), ["person"], "cu")
        return self._once("first_custody", build)

    @property
    def charges_with_verdicts(self) -> pl.DataFrame | None:
        ch = self.get("charges")
        if ch is None:
            return None
        return self._once("charges_v", lambda: ch.join(self.verdicts, on=["person", "case"], how="left"))


def persons_where(df: pl.DataFrame, cond: pl.Expr, col: str = "person") -> pl.Series:
    return df.filter(cond.fill_null(False)).get_column(col)
