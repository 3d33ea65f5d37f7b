"""What every check receives: the loaded package, indexes over its tables, the reference and today."""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from typing import NamedTuple

from .dates import PartialDate, parse_partial
from .findings import Finding, Location, make
from .package import Package
from .vocab import CONVICTION_EVENTS, FIRST_INSTANCE, PERSON_TABLES, VERDICT_EVENTS


class Rec(Mapping):
    """A row's cells by column name, read from the parsed row itself: no dict per row, so a million rows
    cost a small object each. Missing cells read as ''."""

    __slots__ = ("_row", "_index")

    def __init__(self, row: list[str], index: dict[str, int]):
        self._row, self._index = row, index

    def __getitem__(self, key: str) -> str:
        i = self._index[key]
        row = self._row
        return row[i] if i < len(row) else ""

    def get(self, key: str, default=None):
        i = self._index.get(key)
        if i is None:
            return default
        row = self._row
        return row[i] if i < len(row) else ""

    def __iter__(self):
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)


@dataclass(slots=True)
class Row:
    table: str
    line: int
    rec: Mapping[str, str]

    @property
    def id(self) -> str:
        return self.rec.get("id", "")

    def date(self, column: str) -> PartialDate | None:
        value = self.rec.get(column, "")
        return parse_partial(value) if value else None

    def items(self, column: str) -> list[str]:
        value = self.rec.get(column, "")
        return [v for v in value.split(";") if v] if value else []


class Dated(NamedTuple):
    """A date with the row and column it was read from (so a finding can name the row)."""

    date: PartialDate
    row: "Row"
    column: str


@dataclass
class Context:
    pkg: Package
    today: dt.date
    rows: dict[str, list[Row]] = field(default_factory=dict)
    # CSV files another engine has already proved canonical
    known_canonical: set[str] = field(default_factory=set)

    @classmethod
    def build(cls, pkg: Package, today: dt.date) -> "Context":
        ctx = cls(pkg=pkg, today=today)
        for name, table in pkg.tables.items():
            index = table.index
            ctx.rows[name] = [Row(name, line, Rec(row, index)) for line, row in zip(table.lines, table.rows)]
        return ctx

    def table(self, name: str) -> list[Row]:
        return self.rows.get(name, [])

    def path(self, name: str) -> str:
        t = self.pkg.tables.get(name)
        return t.path if t else f"data/{name}.csv"

    @cached_property
    def incomplete(self) -> set[str]:
        """Tables that could not be read to the end: references into them are not checked (every one would
        fail and bury the real finding)."""
        return {f.table for f in self.pkg.findings if f.code in ("KZ010", "KZ017") and f.table}

    @cached_property
    def by_id(self) -> dict[str, dict[str, Row]]:
        out: dict[str, dict[str, Row]] = {}
        for name, rows in self.rows.items():
            index: dict[str, Row] = {}
            for r in rows:
                if r.id and r.id not in index:
                    index[r.id] = r
            out[name] = index
        return out

    @cached_property
    def by_person(self) -> dict[str, dict[str, list[Row]]]:
        """person id -> table name -> rows about that person (charges, sentences, events)."""
        out: dict[str, dict[str, list[Row]]] = {}
        for name in PERSON_TABLES:
            for r in self.table(name):
                pid = r.rec.get("person", "")
                if pid:
                    out.setdefault(pid, {}).setdefault(name, []).append(r)
        return out

    def person_rows(self, pid: str, table: str) -> list[Row]:
        return self.by_person.get(pid, {}).get(table, [])

    @cached_property
    def source_dates(self) -> dict[str, PartialDate | None]:
        return {r.id: r.date("published") for r in self.table("sources")}

    @cached_property
    def articles(self) -> dict[str, dict]:
        """code edition ('1997'/'2014') -> {'edition': {...}, 'articles': {number: entry}}."""
        out: dict[str, dict] = {}
        ref = self.pkg.reference or {}
        for ed in ref.get("editions", []):
            out[ed["code"]] = {"edition": ed, "articles": {a["article"]: a for a in ed["articles"]}}
        return out

    def verdicts(self, pid: str, case: str | None = None, convictions_only: bool = False) -> list[Dated]:
        """First-instance verdicts of a person (in one case, or in any), with the rows that date them:
        first-instance sentences, and convicted (or acquitted) events."""
        out = []
        for s in self.person_rows(pid, "sentences"):
            if s.rec.get("instance") == FIRST_INSTANCE and (case is None or s.rec.get("case") == case):
                d = s.date("verdict_date")
                if d:
                    out.append(Dated(d, s, "verdict_date"))
        kinds = CONVICTION_EVENTS if convictions_only else VERDICT_EVENTS
        for e in self.person_rows(pid, "events"):
            if e.rec.get("type") in kinds and (case is None or e.rec.get("case") == case):
                d = e.date("date")
                if d:
                    out.append(Dated(d, e, "date"))
        return out

    def verdict_dates(self, pid: str, case: str | None = None, convictions_only: bool = False) -> list[PartialDate]:
        return [v.date for v in self.verdicts(pid, case, convictions_only)]

    def key_of(self, row: "Row") -> str:
        """The row's id, or for a table keyed otherwise (disputes, exceptions) its key cells joined by '/'."""
        if row.id:
            return row.id
        from .schema import primary_key, row_key

        return row_key(row.rec, primary_key(self.pkg.schemas.get(row.table, {}), list(row.rec)))

    def at(self, row: "Row", column: str) -> Location:
        """The location of a cell, for the related rows of a finding."""
        return Location(self.path(row.table), row.line, column, row.table, self.key_of(row))

    def finding(self, code: str, row: "Row", column: str, message: str, hint: str = "",
                related: list[tuple["Row", str]] | None = None, suggestion: str = "") -> Finding:
        return make(code, self.path(row.table), row.line, column, message, hint, table=row.table, record=self.key_of(row),
                    related=[self.at(r, c) for r, c in related or []], suggestion=suggestion)


def earliest(dates: list[PartialDate]) -> PartialDate | None:
    """The date that is earliest by its start (for 'before the first verdict' comparisons)."""
    return min(dates, key=lambda d: (d.start, d.end)) if dates else None


def earliest_dated(items: list[Dated]) -> Dated | None:
    """The dated row whose date is earliest by its start (the first such row on ties)."""
    return min(items, key=lambda x: (x.date.start, x.date.end)) if items else None
