"""Scanning one large table, chunk by chunk (frames.FileReader), so that no frame of the whole table is
ever held:

- the table-local checks (values, privacy, text) run on the rows that their screens select in each chunk,
  and their findings are final (the proof of reading leaves the structure check nothing to find);
- the rows that may have a finding of a cross-table check (repeated keys, unknown references, odd or
  future dates, dates after their sources, retired ids) are noted by their number in the table;
- the columns that the person screens compare (people.py) are kept in a compact frame: codes for persons
  and cases (encode), day numbers for dates, categoricals for the rest;
- for persons, a hash of every name key (check_duplicates).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import polars as pl

from ..checks.chronology import DATE_COLUMNS
from ..checks.text import check_privacy, check_text
from ..findings import Finding
from ..package import Package
from ..validator import run_checks
from ..values import check_values
from .frames import FileReader, NotProven, date_end, date_start
from .screens import (COMPACT, items, local_screen, name_keys, references, repeated_items, source_dates,
                      unknown)
from .subset import rows_table, sub_context

TABLE_CHECKS = [("values", check_values), ("privacy", check_privacy), ("text", check_text)]
STREAMED = ("persons", "cases", "charges", "sentences", "events")  # the large tables, in the order they can be scanned
PERSON_TABLES = ("charges", "sentences", "events")
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


@dataclass
class Env:
    """What the scans share: the package, ids of the tables scanned or read so far, and small lookups."""

    pkg: Package
    today: dt.date
    want_integrity: bool
    keep_ids: set[str]                                   # tables whose ids others refer to
    ids: dict[str, pl.Series] = field(default_factory=dict)   # table -> sorted distinct non-empty ids
    # the codes of persons and cases (encode), and the codes of the ids each holds
    code: pl.DataType = field(default_factory=lambda: pl.Categorical(pl.Categories.random()))
    known: dict[str, pl.Series] = field(default_factory=dict)
    retired: dict[str, pl.Series] = field(default_factory=dict)
    published: pl.DataFrame | None = None


@dataclass
class Scan:
    name: str
    path: str          # relative to the package root
    reader: FileReader
    findings: list[Finding] = field(default_factory=list)
    compact: pl.DataFrame | None = None
    focus: list[pl.Series] = field(default_factory=list)      # numbers of rows the late checks must see
    deferred: list[tuple[str, pl.DataFrame]] = field(default_factory=list)  # (target, (row, item)) to test later
    names: list[pl.DataFrame] = field(default_factory=list)   # persons: (row, hash of a name key)
    ids: pl.Series | None = None


def scan_table(env: Env, name: str) -> Scan:
    """Read and screen one table; raises NotProven when the file is outside what this engine reads exactly."""
    pkg = env.pkg
    rel, schema = pkg.files[name], pkg.schemas[name]
    header = [f["name"] for f in schema.get("fields", [])]
    pk = schema.get("primaryKey") or (["id"] if "id" in header else [])
    pk = [pk] if isinstance(pk, str) else pk
    if len(pk) > 1:
        raise NotProven("composite key on a large table")
    key = pk[0] if pk and pk[0] in header else None
    reader = FileReader(pkg.root / rel, header, key, env.want_integrity)
    scan = Scan(name, rel, reader)   # the proof (schema's header, one cell per column) leaves check_headers nothing
    local = local_screen(schema)
    late = _late_screen(env, name, schema, header, key)
    dates = late.dates
    compact = ([pl.col(f"{c}__s") for c in dates] + [pl.col(f"{c}__e") for c in dates]
               + ([pl.col("__odd")] if name == "persons" else [])
               + [pl.col(c).cast(pl.Categorical) for c in COMPACT.get(name, []) if c in header])
    own_ids: list[pl.Series] = []
    parts: list[pl.DataFrame] = []
    last_key = None
    for chunk, df in reader:
        # every screen in one pass over the chunk
        d = (df.lazy().with_columns(date_start(c).alias(f"{c}__s") for c in dates)
             .with_columns(date_flags(dates, env.today) + local.exprs()).with_columns(late.exprs()).collect())
        del df
        # table-local checks, final
        selected = local.rows(d)
        if len(selected):
            ctx = sub_context(pkg, {name: rows_table(name, rel, header, d, selected)}, env.today)
            scan.findings += run_checks(TABLE_CHECKS, ctx)
        # rows for the cross-table checks
        rows = [d.get_column("__late").arg_true().cast(pl.Int64)]
        if key is not None and len(d):
            k = d.get_column(key)
            if last_key is not None and last_key != "" and k[0] == last_key:   # the same key across two chunks
                rows.append(pl.Series([-1, 0], dtype=pl.Int64))
            last_key = k[-1]
        codes = []   # person and case references as codes; a reference to no id is a code that table does not hold
        for col, table in late.coded:
            raw = d.get_column(col)
            code = encode(raw, env.code, empty_is_null=col == "person")
            codes.append(code)
            rows.append(((raw != "") & ~code.is_in(env.known[table].implode())).arg_true().cast(pl.Int64))
        rows += late.list_rows(d, env)
        for col, target, is_list in late.deferred:   # the target's ids are not all known yet
            scan.deferred.append((target, items(d, col, is_list).with_columns(pl.col("row") + chunk.row)))
        scan.focus.append(pl.concat(rows) + chunk.row)
        # what the person screens compare
        parts.append(d.select(compact).hstack(codes))
        if name in env.keep_ids and "id" in header:   # keep_ids holds persons and cases too
            own_ids.append(d.get_column("id"))
        if name == "persons":
            scan.names.append(name_keys(d, chunk.row))
        del d
    scan.compact = pl.concat(parts) if parts else None
    if own_ids:
        all_ids = pl.concat(own_ids)
        scan.ids = all_ids.filter(all_ids != "").unique().sort()
        if name in CODED and scan.compact is not None:   # each row's own code; none for an empty id
            own = encode(all_ids.rename(CODED[name]), env.code, empty_is_null=True)
            scan.compact = scan.compact.with_columns(own)
    return scan


def date_flags(dates: list[str], today: dt.date) -> list[pl.Expr]:
    """<col>__e (the last day of each date, as days since 1970; <col>__s is the first), and two row
    flags: __odd (a date cell that is not a plain partial date: its row goes to the checks whole) and
    __future (check_future: a date can start after today only if its year is this year or later)."""
    if not dates:
        return [pl.lit(False).alias("__odd"), pl.lit(False).alias("__future")]
    return [date_end(c, pl.col(f"{c}__s")).alias(f"{c}__e") for c in dates] + [
        pl.any_horizontal([(pl.col(c) != "") & pl.col(f"{c}__s").is_null() for c in dates]).fill_null(True).alias("__odd"),
        pl.any_horizontal([pl.col(c).str.slice(0, 4) >= f"{today.year:04d}" for c in dates]).fill_null(True).alias("__future")]


@dataclass
class LateScreen:
    """The screens for the cross-table checks of one table, prepared with what is known of the others.
    `flags` test single cells (odd and future dates, keys repeated within a chunk, retired ids, references
    and single-item list cells naming no id, dates after a single cited source); list cells of several
    items are looked at item by item (list_rows); `coded` references are tested through their codes;
    `deferred` ones once the target's ids are known."""

    flags: list[pl.Expr] = field(default_factory=list)
    lists: list[tuple[str, str | None]] = field(default_factory=list)    # (column, target)
    coded: list[tuple[str, str]] = field(default_factory=list)           # (column, "persons" or "cases")
    deferred: list[tuple[str, str, bool]] = field(default_factory=list)  # (column, target, is a list)
    dates: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)   # ["sources"] when check_source_dates reads this table
    name: str = ""

    def exprs(self) -> list[pl.Expr]:
        flags = self.flags + [pl.col("__odd"), pl.col("__future")]
        multi = [pl.col(c).str.contains(";", literal=True) for c in [c for c, _ in self.lists] + self.sources]
        return [pl.any_horizontal(flags).fill_null(True).alias("__late"),
                (pl.any_horizontal(multi) if multi else pl.lit(False)).alias("__multi")]

    def list_rows(self, d: pl.DataFrame, env: Env) -> list[pl.Series]:
        multi = d.get_column("__multi").arg_true()
        if not len(multi):
            return []
        sub = d[multi]
        out = []
        for col, target in self.lists:
            out.append(repeated_items(sub, col))
            if target is not None and target in env.ids and (col, target, True) not in self.deferred:
                out.append(unknown(items(sub, col, True), env.ids[target]))
        if self.sources:
            out.append(source_dates(sub, self.name, env.published))
        return [multi.gather(pl.concat([o.cast(pl.Int64) for o in out]).unique().sort()).cast(pl.Int64)]


def _late_screen(env: Env, name: str, schema: dict, header: list[str], key: str | None) -> LateScreen:
    pkg = env.pkg
    screen = LateScreen(dates=[c for c in DATE_COLUMNS.get(name, []) if c in header], name=name)
    if key is not None:   # the rows are in key order (proved), so a repeated key is next to itself
        k = pl.col(key)
        screen.flags.append((k != "") & ((k == k.shift(1)) | (k == k.shift(-1))).fill_null(False))
    if "id" in header and name in env.retired:
        screen.flags.append(pl.col("id").is_in(env.retired[name].implode()))
    if name in PERSON_TABLES:   # rows that no person relates: always seen whole
        screen.flags.append(pl.col("person") == "")
    if name == "persons":
        screen.flags.append(pl.col("id") == "")
    if screen.dates and "sources" in header and env.published is not None:   # single-source cells
        screen.sources = ["sources"]   # cells of several sources: list_rows
        pub = env.published
        latest = pl.col("sources").replace_strict(pub.get_column("id"), pub.get_column("pub"), default=None, return_dtype=pl.Int32)
        screen.flags.append((pl.max_horizontal([pl.col(f"{c}__s") for c in screen.dates]) > latest).fill_null(False))
    for col, target, is_list in references(schema, name):
        if col not in header:
            continue
        if is_list:
            screen.lists.append((col, target if target in pkg.schemas else None))
        if target is None or target not in pkg.schemas:
            continue   # check_keys tests nothing more
        if not is_list and name in PERSON_TABLES and CODED.get(target) == col:
            screen.coded.append((col, target))
        elif target not in env.ids:
            screen.deferred.append((col, target, is_list))
        elif is_list:
            c = pl.col(col)
            screen.flags.append((c != "") & ~c.str.contains(";", literal=True) & ~c.is_in(env.ids[target].implode()))
        else:
            screen.flags.append((pl.col(col) != "") & ~pl.col(col).is_in(env.ids[target].implode()))
    if name in PERSON_TABLES:
        for table, col in CODED.items():
            if (col, table) not in screen.coded:
                screen.coded.append((col, table))
    return screen
