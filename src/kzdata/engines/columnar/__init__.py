"""The columnar engine: the same findings as the row engine, for large packages, in a fraction of the time
and within the memory of `frictionless validate`. It runs the registered checks (kzdata.checks.REGISTRY)
by scope; their screens choose the rows, their deciders decide.

How it works (docs/architecture.md and docs/performance.md have more):
1. The small tables (sources, organisations, exceptions, retired ids) are read by the row engine's own
   reader; the cell-scope screens pick the rows for their deciders, and they go whole to the late context.
2. Each large table is read in chunks of whole rows, and each chunk is proved identical to what the row
   engine would read (frames.py). A file that is not in canonical form, or any other surprise, makes the
   engine give up (NotProven, with the reason) and the row engine run instead, so the findings never
   depend on the engine.
3. In each chunk (scan.py), the cell-scope deciders run on the rows their screens select, and the
   row-scope screens note rows. Only a compact frame of the columns the person screens compare is kept;
   persons and cases are scanned first, so that the other tables code their person and case references
   with the same codes.
4. The person-scope screens select persons over ranges of person codes. The noted rows and every row of
   the selected persons (and of the persons of noted rows), with their cases, are read again from their
   chunks and form one small row-engine context, on which the row-, person- and package-scope deciders
   run unchanged.

Needs polars; kzdata.validator uses this engine only when polars is installed and the package is large.
"""
from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import polars as pl

from ...checks import REGISTRY
from ...checks.articles import reference_frame
from ...checks.screening import PersonFrames, date_end
from ...csvio import Table
from ...package import TABLES, load_package
from ...runner import run_checks
from ...schema import field_names, references
from .frames import NotProven
from .scan import CODED, STREAMED, Env, Scan, checks_of, needs, scan_table, screens_for
from .subset import rows_table, sub_context

PERSON_SCOPE_TABLES = ("persons", "charges", "sentences", "events")
PART_ROWS = 250_000  # rows of the person tables screened at a time: the person screens' joins hold a few copies


def run_columnar(root: str | Path, today: dt.date, progress=None):
    """(context for the exceptions, findings) of the package at root; raises NotProven with the reason when
    the package is outside what this engine reads exactly (the caller then runs the row engine)."""
    root = Path(root)
    later: list = []   # the reference's JSON Schema check runs beside the scans, which do not need it
    pkg = load_package(root, read_tables=[n for n in TABLES if n not in STREAMED], defer=later)
    if pkg.findings:
        raise NotProven(f"{pkg.findings[0].file or 'the package'}: {pkg.findings[0].code} {pkg.findings[0].message}")
    missing = [n for n in pkg.schemas if n not in pkg.files]
    if missing:
        raise NotProven(f"no file for {', '.join(missing)}")
    big = [n for n in STREAMED if n in pkg.schemas]
    for name in big:
        header = field_names(pkg.schemas[name])
        wanted = (["id"] if name in CODED else ["person", "case"]) + needs(name)
        lacking = [c for c in wanted if c not in header]
        if lacking:
            raise NotProven(f"{pkg.files[name]}: no column {', '.join(lacking)}")
    env = _env(pkg, today)
    # One table at a time (polars parallelises each step itself), persons and cases first: the other
    # tables code their references to them.
    order = [n for n in ("persons", "cases") if n in big] + [n for n in STREAMED if n in big and n not in ("persons", "cases")]
    steps = len(big) + 2
    with ThreadPoolExecutor(max_workers=1) as side:
        reference = [side.submit(check) for check in later]
        try:
            scans = _scan_all(env, order, steps, progress)
        finally:
            for r in reference:
                r.result()
    if pkg.findings:   # an invalid reference: the row engine reports it
        raise NotProven(f"{pkg.findings[0].file}: {pkg.findings[0].code} {pkg.findings[0].message}")
    rows_total = sum(scan.reader.rows for scan in scans.values())
    if progress is not None:
        progress(steps - 1, steps, "cross-table checks", rows_total)
    findings = [f for n in big for f in scans[n].findings]
    findings += _small_tables(env)
    ctx = _late_context(env, scans, names=[n for n in TABLES if n in pkg.schemas])
    findings += run_checks([c for c in REGISTRY if c.decide is not None and c.scope != "cell"], ctx)
    if progress is not None:
        progress(steps, steps, "done", rows_total)
    return ctx, findings


def _scan_all(env: Env, order: list[str], steps: int, progress) -> dict[str, Scan]:
    scans: dict[str, Scan] = {}
    rows_total = 0
    for name in order:
        scan = scans[name] = scan_table(env, name)
        if scan.ids is not None:
            env.ids[name] = scan.ids
        if name in CODED:
            col = scan.compact.get_column(CODED[name]) if scan.compact is not None else pl.Series([], dtype=env.code)
            env.known[name] = col.drop_nulls().unique()
        rows_total += scan.reader.rows
        if progress is not None:
            progress(len(scans), steps, f"read {name}", rows_total)
    return scans


_NO_IDS = pl.Series([], dtype=pl.String)


def _frame(table: Table) -> pl.DataFrame:
    return pl.DataFrame(table.rows, schema={c: pl.String for c in table.header}, orient="row")


def _small_tables(env: Env) -> list:
    """The cell-scope checks of the small tables (read by the row engine's reader), on the rows that their
    screens select; on every row of a table whose rows the screens cannot read (ragged, repeated columns)."""
    pkg = env.pkg
    cell_checks = checks_of("cell")
    findings = []
    for name, table in pkg.tables.items():
        fields = field_names(pkg.schemas[name])
        part = table
        if (len(set(table.header)) == len(table.header) and set(fields) <= set(table.header)
                and all(len(r) == len(table.header) for r in table.rows)):
            screens = screens_for(env, cell_checks, name)
            d = _frame(table).with_columns(e for s in screens for e in s.exprs())
            keep = sorted({i for s in screens for i in s.rows(d, 0).to_list()})
            part = Table(name=name, path=table.path, header=table.header, index=table.index,
                         rows=[table.rows[i] for i in keep], lines=[table.lines[i] for i in keep])
        findings += run_checks(cell_checks, sub_context(pkg, {name: part}, env.today))
    return findings


def _env(pkg, today: dt.date) -> Env:
    """What the scans share: ids of the small tables, retired ids, publication dates of the sources."""
    targets = {t for name, schema in pkg.schemas.items() for _, t, _ in references(schema, name) if t}
    env = Env(pkg, today, keep_ids=targets | set(CODED))
    for name, table in pkg.tables.items():
        ids = pl.Series(table.column("id"), dtype=pl.String) if "id" in table.index else _NO_IDS
        env.ids[name] = ids.filter(ids != "").unique().sort()
    retired = pkg.tables.get("retired")
    if retired is not None and {"table", "id"} <= set(retired.index):
        gone = pl.DataFrame({"table": retired.column("table"), "id": retired.column("id")}, schema={"table": pl.String, "id": pl.String})
        env.retired = {t: g.get_column("id") for (t,), g in gone.group_by("table")}
    sources = pkg.tables.get("sources")
    if sources is not None and {"id", "published"} <= set(sources.index):
        frame = pl.DataFrame({"id": sources.column("id"), "published": sources.column("published")},
                             schema={"id": pl.String, "published": pl.String})
        env.published = frame.select("id", date_end("published").alias("pub")).unique("id", keep="last")
    return env


def _person_codes(env: Env, compact: dict[str, pl.DataFrame]) -> pl.Series:
    """Codes of the persons the person-scope screens select, over ranges of person codes in turn: every
    screen compares rows of one person (and their cases), so a range holds all it needs, and only one
    range's joins are in memory at a time."""
    checks = checks_of("person")
    ref = reference_frame(env.pkg.reference)
    tables = [n for n in PERSON_SCOPE_TABLES if n in compact]
    rows = sum(len(compact[n]) for n in tables)
    top = max([compact[n].get_column("person").to_physical().max() or 0 for n in tables] or [0]) + 1
    step = -(-top // max(1, -(-rows // PART_ROWS)))
    out = []
    for lo in range(0, top, step):
        part = dict(compact)
        for n in tables:
            part[n] = compact[n].filter(pl.col("person").to_physical().is_between(lo, lo + step - 1))
        frames = PersonFrames(part, env.code, env.today, ref)
        for check in checks:
            if check.screen is None:   # no screen: every person
                out += [part[n].get_column("person") for n in tables]
                continue
            chosen = check.screen(frames)
            if chosen is not None and len(chosen):
                out.append(chosen.cast(env.code))
        del part, frames
    return pl.concat(out).drop_nulls().unique() if out else pl.Series([], dtype=env.code)


def _late_context(env: Env, scans: dict[str, Scan], names: list[str]):
    """One row-engine context: the small tables whole; of the large tables, the rows noted by the scans,
    the persons that the person screens select (and the persons of noted rows) with all their rows, and
    the cases of those rows."""
    pkg = env.pkg
    focus: dict[str, pl.Series] = {}
    for name, scan in scans.items():
        parts = list(scan.focus) + [s.later() for s in scan.screens]
        focus[name] = pl.concat([p.cast(pl.Int64) for p in parts]).unique() if parts else pl.Series([], dtype=pl.Int64)
    compact = {name: scan.compact for name, scan in scans.items() if scan.compact is not None}
    for name, table in pkg.tables.items():   # small tables the person screens compare, as strings
        cols = [c for c in needs(name) if c in table.index]
        if cols:
            compact[name] = pl.DataFrame({c: table.column(c) for c in cols}, schema={c: pl.String for c in cols})
    who = [_person_codes(env, compact)]
    for name in PERSON_SCOPE_TABLES:
        if name in compact:
            who.append(compact[name].get_column("person").gather(focus[name]))
    who = pl.concat(who).drop_nulls().unique().implode()
    chosen: dict[str, pl.Series] = {}
    for name in PERSON_SCOPE_TABLES:
        if name in compact:
            chosen[name] = pl.concat([focus[name], compact[name].get_column("person").is_in(who).arg_true().cast(pl.Int64)])
    person_rows = [n for n in PERSON_SCOPE_TABLES if n != "persons"]
    if "cases" in compact:  # the cases of the chosen rows (bans reads the case of each charge)
        used = pl.concat([compact[n].get_column("case").gather(chosen[n]) for n in person_rows if n in chosen]
                         or [pl.Series([], dtype=env.code)]).drop_nulls().unique().implode()
        chosen["cases"] = pl.concat([focus["cases"], compact["cases"].get_column("case").is_in(used).arg_true().cast(pl.Int64)])
    tables: dict[str, Table] = {}
    for name in names:
        if name in scans:
            tables[name] = _read_rows(scans[name], chosen.get(name, focus[name]))
        else:
            tables[name] = pkg.tables[name]
    loaders = {name: (lambda s=scan: s.reader.column("id")) for name, scan in scans.items()
               if name not in env.ids and "id" in scan.reader.header}
    known = {pkg.files[name] for name in scans}   # each scan proved its file canonical
    return sub_context(pkg, tables, env.today, ids=env.ids, loaders=loaders, known_canonical=known)


def _read_rows(scan: Scan, rows: pl.Series) -> Table:
    """The given rows of a scanned table, read again from their chunks."""
    reader = scan.reader
    rows = rows.unique().sort()
    parts = []
    if len(rows):
        starts = pl.Series([c.row for c in reader.chunks], dtype=pl.Int64)
        where = starts.search_sorted(rows, side="right") - 1
        for i in where.unique().sort().to_list():
            chunk = reader.chunks[i]
            local = rows.filter(where == i) - chunk.row
            parts.append(reader.read_again(chunk)[local])
    if not parts:
        return rows_table(scan.name, scan.path, reader.header, pl.DataFrame(schema={c: pl.String for c in reader.header} | {"__line": pl.Int64}))
    return rows_table(scan.name, scan.path, reader.header, pl.concat(parts))
