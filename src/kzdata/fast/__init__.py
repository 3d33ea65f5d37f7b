"""The columnar engine: the same findings as the row engine, for large packages, in a fraction of the time
and within the memory of `frictionless validate`.

How it works (docs/performance.md has the measurements):
1. The small tables (sources, organisations, exceptions, retired ids) are read by the row engine's own
   reader; the screens of step 3 pick the rows for their table-local checks, and they go whole to the
   cross-table checks.
2. Each large table is read in chunks of whole rows, and each chunk is proved identical to what the row
   engine would read (frames.py). A file that is not in canonical form, or any other surprise, makes the
   engine give up and the row engine run instead, so the findings never depend on the engine.
3. In each chunk, vectorised screens (screens.py) select the rows whose cells may break a value, text or
   privacy rule, and the row engine's own checks run on just those rows. Other screens note the rows
   that may have a finding of a cross-table check. Only a compact frame of the columns that the person
   screens compare is kept (scan.py); persons are scanned first, then cases, so that the other tables
   can code their person and case references with the same codes.
4. Across tables, the person screens (people.py) select the persons that may have a finding of the
   order, age, status, article and ban checks. The noted rows and every row of the selected persons,
   with their cases, are read again from their chunks and form one small row-engine context, on which
   the cross-table checks run unchanged.

Needs polars; kzdata.validator uses this engine only when polars is installed and the package is large.
"""
from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import polars as pl

from ..checks.articles import check_articles
from ..checks.bans import check_bans
from ..checks.canonical import check_canonical
from ..checks.chronology import check_age, check_future, check_order
from ..checks.duplicates import check_duplicates
from ..checks.keys import check_keys, check_retired
from ..checks.source_dates import check_source_dates
from ..checks.status import check_status
from ..csvio import Table
from ..package import TABLES, load_package
from ..release import has_integrity
from ..validator import run_checks
from ..values import check_headers
from .frames import NotProven
from .people import flag_persons
from .scan import CODED, PERSON_TABLES, STREAMED, TABLE_CHECKS, Env, Scan, scan_table
from .screens import COMPACT, local_screen, published, references, shared_names, unknown
from .subset import rows_table, sub_context

LATE_CHECKS = [("keys", check_keys), ("retired", check_retired), ("duplicates", check_duplicates),
               ("articles", check_articles), ("future", check_future), ("age", check_age), ("order", check_order),
               ("source-dates", check_source_dates), ("bans", check_bans), ("status", check_status),
               ("canonical", check_canonical)]
# The columns this engine relates tables by; a package without them goes to the row engine.
NEEDS = {"persons": ["id"], "cases": ["id"], "charges": ["person", "case"], "sentences": ["person", "case"],
         "events": ["person", "case"]}


def run_fast(root: str | Path, today: dt.date, progress=None):
    """(context for the exceptions, findings) of the package at root, or None when the package is
    outside what this engine reads exactly (the caller then runs the row engine)."""
    root = Path(root)
    later: list = []   # the reference's JSON Schema check runs beside the scans, which do not need it
    pkg = load_package(root, read_tables=[n for n in TABLES if n not in STREAMED], defer=later)
    if pkg.findings or any(n not in pkg.files for n in pkg.schemas):
        return None
    big = [n for n in STREAMED if n in pkg.schemas]
    for name in big:
        header = [f["name"] for f in pkg.schemas[name].get("fields", [])]
        if not all(c in header for c in NEEDS[name] + COMPACT[name]):
            return None
    env = _env(pkg, today)
    # One table at a time (polars parallelises each step itself: two tables at a time gained no time and
    # held more memory), persons and cases first: the other tables code their references to them.
    order = [n for n in ("persons", "cases") if n in big] + [n for n in PERSON_TABLES if n in big]
    steps = len(big) + 2
    with ThreadPoolExecutor(max_workers=1) as side:
        reference = [side.submit(check) for check in later]
        try:
            scans = _scan_all(env, order, steps, progress)
        finally:
            for r in reference:
                r.result()
    if scans is None or pkg.findings:   # a file this engine cannot read, or an invalid reference: the row engine reports it
        return None
    rows_total = sum(scan.reader.rows for scan in scans.values())
    if progress is not None:
        progress(steps - 1, steps, "cross-table checks", rows_total)
    findings = [f for n in big for f in scans[n].findings]
    findings += _small_tables(pkg, today)
    try:
        ctx = _late_context(env, scans, names=[n for n in TABLES if n in pkg.schemas])
    except NotProven:
        return None
    findings += run_checks(LATE_CHECKS, ctx)
    if progress is not None:
        progress(steps, steps, "done", rows_total)
    return ctx, findings


def _scan_all(env: Env, order: list[str], steps: int, progress) -> dict[str, Scan] | None:
    """Every large table scanned, or None when one is outside what this engine reads exactly."""
    scans: dict[str, Scan] = {}
    rows_total = 0
    try:
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
    except NotProven:
        return None
    return scans


_NO_IDS = pl.Series([], dtype=pl.String)


def _small_tables(pkg, today: dt.date) -> list:
    """The table-local checks of the small tables (read by the row engine's reader), on the rows that the
    same screens as for the large tables select; on every row of a table with ragged rows."""
    findings = run_checks([("structure", check_headers)], sub_context(pkg, dict(pkg.tables), today))
    for name, table in pkg.tables.items():
        fields = [f["name"] for f in pkg.schemas[name].get("fields", [])]
        part = table
        if (len(set(table.header)) == len(table.header) and set(fields) <= set(table.header)
                and all(len(r) == len(table.header) for r in table.rows)):
            screen = local_screen(pkg.schemas[name])
            d = pl.DataFrame(table.rows, schema={c: pl.String for c in table.header}, orient="row").with_columns(screen.exprs())
            keep = screen.rows(d).to_list()
            part = Table(name=name, path=table.path, header=table.header, index=table.index,
                         rows=[table.rows[i] for i in keep], lines=[table.lines[i] for i in keep])
        findings += run_checks(TABLE_CHECKS, sub_context(pkg, {name: part}, today))
    return findings


def _env(pkg, today: dt.date) -> Env:
    """What the scans share: ids of the small tables, retired ids, publication dates of the sources."""
    targets = {t for name, schema in pkg.schemas.items() for _, t, _ in references(schema, name) if t}
    env = Env(pkg, today, has_integrity(pkg.descriptor), keep_ids=targets | set(CODED))
    for name, table in pkg.tables.items():
        ids = pl.Series(table.column("id"), dtype=pl.String) if "id" in table.index else _NO_IDS
        env.ids[name] = ids.filter(ids != "").unique().sort()
    retired = pkg.tables.get("retired")
    if retired is not None and {"table", "id"} <= set(retired.index):
        gone = pl.DataFrame({"table": retired.column("table"), "id": retired.column("id")}, schema={"table": pl.String, "id": pl.String})
        env.retired = {t: g.get_column("id") for (t,), g in gone.group_by("table")}
    sources = pkg.tables.get("sources")
    if sources is not None and {"id", "published"} <= set(sources.index):
        env.published = published(pl.DataFrame({"id": sources.column("id"), "published": sources.column("published")},
                                                schema={"id": pl.String, "published": pl.String}))
    return env


def _late_context(env: Env, scans: dict[str, Scan], names: list[str]):
    """One row-engine context: the small tables whole; of the large tables, the rows noted by the scans,
    the persons that the person screens select with all their rows, and the cases of those rows."""
    pkg = env.pkg
    focus: dict[str, pl.Series] = {}
    for name, scan in scans.items():
        parts = list(scan.focus)
        for target, found in scan.deferred:   # references to a table scanned at the same time or later
            parts.append(unknown(found, env.ids.get(target, _NO_IDS)))
        if name == "persons":
            parts.append(shared_names(scan.names))
        focus[name] = pl.concat([p.cast(pl.Int64) for p in parts]).unique() if parts else pl.Series([], dtype=pl.Int64)
    compact = {name: scan.compact for name, scan in scans.items() if scan.compact is not None}
    orgs = pkg.tables.get("organisations")
    if orgs is not None and {"id", "banned_date"} <= set(orgs.index):
        compact["organisations"] = pl.DataFrame({"id": orgs.column("id"), "banned_date": orgs.column("banned_date")},
                                                schema={"id": pl.String, "banned_date": pl.String})
    who = [flag_persons(compact, pkg.reference, env.today, env.code)]
    for name in ("persons",) + PERSON_TABLES:
        if name in compact:
            who.append(compact[name].get_column("person").gather(focus[name]))
    who = pl.concat(who).drop_nulls().unique().implode()
    chosen: dict[str, pl.Series] = {}
    for name in ("persons",) + PERSON_TABLES:
        if name in compact:
            chosen[name] = pl.concat([focus[name], compact[name].get_column("person").is_in(who).arg_true().cast(pl.Int64)])
    if "cases" in compact:  # the cases of the chosen rows (bans reads the case of each charge)
        used = pl.concat([compact[n].get_column("case").gather(chosen[n]) for n in PERSON_TABLES if n in chosen]
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
    known = {pkg.files[name]: scan.reader.integrity for name, scan in scans.items()}
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
