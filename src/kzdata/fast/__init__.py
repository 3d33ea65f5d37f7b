"""The columnar engine: the same findings as the row engine, for large packages, in a fraction of the time
and memory.

How it works (docs/performance.md has the measurements):
1. Each CSV file is read with polars and proved identical to what the row engine would read (see
   frames.py). A file that is not in canonical form, or any other surprise, makes the engine give up and
   the row engine run instead, so the findings never depend on the engine.
2. While a table's full frame is in memory, vectorised screens (screens.py) select the rows whose cells
   may break a value, text, privacy or duplicate rule. The row engine's own checks then run on just those
   rows. Only the columns that later checks read are kept; the rest of the frame is dropped.
3. Across tables, screens select the rows and persons that may have a finding of the key, date-order,
   age, status, article, ban, future and source-date checks. The selected rows, closed over their
   persons and cases, form one small row-engine context on which those checks run unchanged.

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
from ..checks.text import check_privacy, check_text
from ..findings import Finding
from ..package import TABLES, load_package
from ..release import has_integrity
from ..validator import run_checks
from ..values import check_headers, check_values
from .frames import NotProven, read_frame
from .screens import (SMALL, duplicates_mask, key_masks, narrow_columns, person_flags,
                      source_dates_mask, text_privacy_masks, values_mask, with_dates)
from .subset import sub_context, sub_table

TABLE_CHECKS = [("structure", check_headers), ("values", check_values), ("privacy", check_privacy), ("text", check_text)]
LATE_CHECKS = [("keys", check_keys), ("retired", check_retired), ("articles", check_articles), ("future", check_future),
               ("age", check_age), ("order", check_order), ("source-dates", check_source_dates), ("bans", check_bans),
               ("status", check_status)]
PERSON_TABLES = ("charges", "sentences", "events")
WORKERS = 2


def run_fast(root: str | Path, today: dt.date, progress=None):
    """(context for the exceptions, findings) of the package at root, or None when the package is
    outside what this engine reads exactly (the caller then runs the row engine)."""
    root = Path(root)
    pkg = load_package(root, read_tables=False)
    if pkg.findings or any(n not in pkg.files for n in pkg.schemas):
        return None
    want_integrity = has_integrity(pkg.descriptor)
    names = [n for n in TABLES if n in pkg.schemas]
    steps = len(names) + 2
    findings: list[Finding] = []
    frames: dict[str, pl.DataFrame] = {}
    headers: dict[str, list[str]] = {}
    known: dict[str, dict] = {}
    rows_total = 0
    # Tables are independent until the cross-table checks: two at a time (polars releases the GIL), the
    # largest files first so that the two workers finish together.
    by_table: dict[str, list[Finding]] = {}
    order = sorted(names, key=lambda n: -_size(root / pkg.files[n]))
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        results = pool.map(lambda n: _load_table(pkg, n, today, want_integrity), order)
        for n, (name, result) in enumerate(zip(order, results), start=1):
            if result is None:
                return None
            table_findings, narrow, header, integrity = result
            by_table[name] = table_findings
            frames[name], headers[name], known[pkg.files[name]] = narrow, header, integrity
            rows_total += len(narrow)
            if progress is not None:
                progress(n, steps, f"read {name}", rows_total)
    frames = {n: frames[n] for n in names}
    findings = [f for n in names for f in by_table[n]]  # the same order whatever the workers' timing
    if progress is not None:
        progress(steps - 1, steps, "cross-table checks", rows_total)
    ctx = _late_context(pkg, frames, headers, today, known)
    findings += run_checks(LATE_CHECKS + [("canonical", check_canonical)], ctx)
    if progress is not None:
        progress(steps, steps, "done", rows_total)
    return ctx, findings


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _load_table(pkg, name: str, today: dt.date, want_integrity: bool):
    """(findings of the table-local checks, narrow frame, its columns, integrity entry) of one table, or
    None when the file is outside what this engine reads exactly."""
    rel, schema = pkg.files[name], pkg.schemas[name]
    try:
        data = (pkg.root / rel).read_bytes()
        fr = read_frame(name, rel, data, schema, want_integrity)
    except (OSError, NotProven):
        return None
    del data
    df = fr.df
    if name in SMALL:
        focus = None
    else:
        text, private = text_privacy_masks(df, schema)
        mask = values_mask(df, schema) | text | private
        if name == "persons":
            mask = mask | duplicates_mask(df)
        focus = mask.arg_true()
    ctx = sub_context(pkg, {name: sub_table(name, rel, fr.header, df, focus)}, today, {})
    checks = TABLE_CHECKS + ([("duplicates", check_duplicates)] if name == "persons" else [])
    found = run_checks(checks, ctx)
    keep = fr.header if name in SMALL else narrow_columns(name, schema)
    narrow = with_dates(df.select(keep + ["__line"]), name, today)
    if name not in SMALL:  # compact copies: the frame's string buffers can go. The ids of charges, sentences
        # and events are never looked up from another table: they stay strings (a dictionary would hold them all)
        cols = pl.col(pl.String).exclude("id") if name in PERSON_TABLES else pl.col(pl.String)
        narrow = narrow.with_columns(cols.cast(pl.Categorical))
    return found, narrow, keep, fr.integrity


def _late_context(pkg, frames: dict[str, pl.DataFrame], headers: dict[str, list[str]], today: dt.date, known: dict):
    schemas = pkg.schemas
    focus: dict[str, pl.Series] = dict(key_masks(frames, schemas))
    sources = frames.get("sources")
    for name, df in frames.items():
        if name in SMALL:
            continue
        m = focus[name] | df.get_column("__odd") | df.get_column("__future")
        if sources is not None:
            m = m | source_dates_mask(df, name, sources)
        focus[name] = m
    persons = [person_flags(frames, pkg.reference, today)]
    for name, df in frames.items():
        if name == "persons":
            persons.append(df.filter(focus[name]).get_column("id").cast(pl.String))
        elif name in PERSON_TABLES:
            persons.append(df.filter(focus[name]).get_column("person").cast(pl.String))
    who = pl.concat(persons).unique().implode()
    retired = frames.get("retired")
    chosen: dict[str, pl.Series] = {}
    for name, df in frames.items():
        if name in SMALL:
            continue
        m = focus[name]
        if name == "persons":
            m = m | df.get_column("id").cast(pl.String).is_in(who)
        elif name in PERSON_TABLES:
            m = m | df.get_column("person").cast(pl.String).is_in(who)
        if retired is not None and "id" in df.columns:
            gone = retired.filter(pl.col("table") == name).get_column("id").implode()
            m = m | df.get_column("id").cast(pl.String).is_in(gone)
        chosen[name] = m
    if "cases" in frames:  # the cases of the chosen rows (bans reads the case of each charge)
        used = pl.concat([frames[n].filter(chosen[n]).get_column("case").cast(pl.String) for n in PERSON_TABLES if n in frames]
                         or [pl.Series([], dtype=pl.String)]).unique().implode()
        chosen["cases"] = chosen["cases"] | frames["cases"].get_column("id").cast(pl.String).is_in(used)
    tables = {}
    for name, df in frames.items():
        rows = None if name in SMALL else chosen[name].arg_true()
        tables[name] = sub_table(name, pkg.files[name], headers[name], df, rows)
    ids = {n: df.get_column("id") for n, df in frames.items() if "id" in df.columns}
    return sub_context(pkg, tables, today, ids, known)
