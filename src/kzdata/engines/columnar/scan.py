"""Scanning one large table, chunk by chunk (frames.FileReader), so that no frame of the whole table is
ever held. For each chunk, in one polars pass:

- the screens of the cell-scope checks select rows, and those checks' deciders run on them: their
  findings are final (the proof of reading leaves the structure check nothing to find);
- the screens of the row-scope checks note rows (by their number in the table) for the late context;
- the columns that the person screens compare are kept in a compact frame: codes for persons and cases
  (encode), day numbers for dates, categoricals for the rest.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import polars as pl

from ...checks import REGISTRY, Check
from ...checks.screening import Everything, date_end, date_start
from ...findings import Finding
from ...package import Package
from ...runner import run_checks
from ...schema import field_names, primary_key
from ...vocab import DATE_COLUMNS, PERSON_TABLES
from .frames import FileReader, NotProven
from .subset import rows_table, sub_context

STREAMED = ("persons", "cases", "charges", "sentences", "events")  # the large tables, in the order they are scanned
CODED = {"persons": "person", "cases": "case"}   # the tables whose ids are coded, and the column of the codes


def encode(col: pl.Series, code: pl.DataType, empty_is_null: bool) -> pl.Series:
    """Person or case references as codes: a categorical whose categories (one set per run, Env.code)
    every table shares, so that the same id has the same code everywhere and the person screens join on
    integers. An id that is not in the table it names gets a code of its own like any other. With
    empty_is_null an empty value has no code (the row engine relates no row to an empty person); an empty
    case is a value like any other (it matches other empty cases, as in the row engine)."""
    out = col.cast(code)
    if empty_is_null:
        out = pl.select(pl.when(col != "").then(out)).to_series()
    return out.rename(col.name)


def checks_of(scope: str) -> list[Check]:
    return [c for c in REGISTRY if c.scope == scope and c.decide is not None]


def needs(table: str) -> list[str]:
    """The columns of `table` that the registered person screens compare (besides dates and codes)."""
    out: list[str] = []
    for c in checks_of("person"):
        for col in c.needs.get(table, ()):
            if col not in out:
                out.append(col)
    return out


@dataclass
class Env:
    """What the screens of a run share: the package, ids of the tables scanned or read so far, retired ids,
    the publication dates of the sources, today."""

    pkg: Package
    today: dt.date
    keep_ids: set[str]                                   # tables whose ids others refer to
    ids: dict[str, pl.Series] = field(default_factory=dict)   # table -> sorted distinct non-empty ids
    code: pl.DataType = field(default_factory=lambda: pl.Categorical(pl.Categories.random()))
    known: dict[str, pl.Series] = field(default_factory=dict)   # persons, cases -> the codes of the ids they hold
    retired: dict[str, pl.Series] = field(default_factory=dict)
    published: pl.DataFrame | None = None

    def coded(self, table: str, column: str) -> str | None:
        """The table whose ids `column` of `table` names as codes (chunk column `__code_<column>`), if any:
        the person and case of the rows about one person."""
        target = {col: t for t, col in CODED.items()}.get(column)
        return target if table in PERSON_TABLES and target in self.known else None

    @property
    def schemas(self) -> dict[str, dict]:
        return self.pkg.schemas

    def header(self, table: str) -> list[str]:
        t = self.pkg.tables.get(table)
        return list(t.header) if t is not None else field_names(self.pkg.schemas[table])

    def key(self, table: str) -> str | None:
        """The single primary-key column of a table (None for none or several)."""
        pk = primary_key(self.pkg.schemas[table], self.header(table))
        return pk[0] if len(pk) == 1 and pk[0] in self.header(table) else None


def screens_for(env: Env, checks: list[Check], table: str) -> list:
    return [c.screen(env, table) if c.screen is not None else Everything() for c in checks]


@dataclass
class Scan:
    name: str
    path: str          # relative to the package root
    reader: FileReader
    findings: list[Finding] = field(default_factory=list)
    compact: pl.DataFrame | None = None
    focus: list[pl.Series] = field(default_factory=list)      # numbers of rows the late checks must see
    screens: list = field(default_factory=list)               # the row screens, asked for their later rows
    ids: pl.Series | None = None


def scan_table(env: Env, name: str) -> Scan:
    """Read and screen one table; raises NotProven when the file is outside what this engine reads exactly."""
    pkg = env.pkg
    rel, schema = pkg.files[name], pkg.schemas[name]
    header = field_names(schema)
    pk = primary_key(schema, header)
    if len(pk) > 1:
        raise NotProven(f"{rel}: composite key on a large table")
    key = pk[0] if pk and pk[0] in header else None
    reader = FileReader(pkg.root / rel, header, key, rel=rel)
    cell_checks = checks_of("cell")
    cells = screens_for(env, cell_checks, name)
    rows_ = screens_for(env, checks_of("row"), name)
    scan = Scan(name, rel, reader, screens=rows_)
    dates = [c for c in DATE_COLUMNS.get(name, []) if c in header]
    compact = ([pl.col(f"{c}__s") for c in dates] + [pl.col(f"{c}__e") for c in dates]
               + ([pl.col("__odd")] if name == "persons" else [])
               + [pl.col(c).cast(pl.Categorical) for c in needs(name) if c in header])
    coded = [(col, table) for table, col in CODED.items() if name in PERSON_TABLES and col in header]
    own_ids: list[pl.Series] = []
    parts: list[pl.DataFrame] = []
    for chunk, df in reader:
        # every screen in one pass over the chunk
        d = (df.lazy().with_columns(date_start(c).alias(f"{c}__s") for c in dates)
             .with_columns(date_flags(dates) + [e for s in cells for e in s.exprs()])
             .with_columns(e for s in rows_ for e in s.exprs()).collect())
        del df
        codes = [encode(d.get_column(col), env.code, empty_is_null=col == "person") for col, _ in coded]
        if codes:   # person and case references as codes, for the key screen and the person screens
            d = d.with_columns(c.alias(f"__code_{c.name}") for c in codes)
        # cell-scope checks, final
        selected = _union([s.rows(d, chunk.row) for s in cells])
        if len(selected):
            ctx = sub_context(pkg, {name: rows_table(name, rel, header, d, selected)}, env.today)
            scan.findings += run_checks(cell_checks, ctx)
        # rows for the row-scope checks, and rows whose dates no day number represents (always seen whole)
        noted = [s.rows(d, chunk.row) for s in rows_] + [d.get_column("__odd").arg_true().cast(pl.Int64)]
        if name in PERSON_TABLES:   # rows that no person relates: always seen whole
            noted.append((d.get_column("person") == "").arg_true().cast(pl.Int64))
        if name == "persons":
            noted.append((d.get_column("id") == "").arg_true().cast(pl.Int64))
        scan.focus.append(_union(noted) + chunk.row)
        parts.append(d.select(compact).hstack(codes))
        if name in env.keep_ids and "id" in header:   # keep_ids holds persons and cases too
            own_ids.append(d.get_column("id"))
        del d
    scan.compact = pl.concat(parts) if parts else None
    if own_ids:
        all_ids = pl.concat(own_ids)
        scan.ids = all_ids.filter(all_ids != "").unique().sort()
        if name in CODED and scan.compact is not None:   # each row's own code; none for an empty id
            own = encode(all_ids.rename(CODED[name]), env.code, empty_is_null=True)
            scan.compact = scan.compact.with_columns(own)
    return scan


def _union(parts: list[pl.Series]) -> pl.Series:
    parts = [p.cast(pl.Int64) for p in parts if len(p)]
    return pl.concat(parts).unique().sort() if parts else pl.Series([], dtype=pl.Int64)


def date_flags(dates: list[str]) -> list[pl.Expr]:
    """<col>__e (the last day of each date, as days since 1970; <col>__s is the first), and __odd: a date
    cell that is not a plain partial date (its row goes to the late checks whole)."""
    if not dates:
        return [pl.lit(False).alias("__odd")]
    return [date_end(c, pl.col(f"{c}__s")).alias(f"{c}__e") for c in dates] + [
        pl.any_horizontal([(pl.col(c) != "") & pl.col(f"{c}__s").is_null() for c in dates]).fill_null(True).alias("__odd")]
