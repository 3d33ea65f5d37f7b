"""`kzdata.validate()`: validate a package and return a Report, never raising on bad data.

A thin layer over the engines: it chooses one (engine_for), runs it, and, with changed_since, keeps only
the findings about a change (kzdata.changes). Both engines run the same registered checks
(kzdata.checks.REGISTRY) and give the same findings; the report says which ran and why.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from .findings import Report

# Above this many bytes of CSV, validation uses the columnar engine when polars is installed. Set from the
# crossover that benchmarks/run.py measures (docs/performance.md, 2026-12-03): the row engine is faster at
# 372 KB (0.81 s against 0.91 s), the two are even at 744 KB (1.09 s against 1.00 s), and the columnar engine
# is faster from 1.5 MB (1.66 s against 1.00 s). 1 MiB keeps the cheaper engine (39 MB against 107 MB of
# memory, no polars import) where the two take about the same time; this repository (0.5 MB) stays below it.
COLUMNAR_MIN_BYTES = 1024 * 1024
ENGINES = ("auto", "rows", "columnar")


class EngineError(ValueError):
    """The columnar engine was asked for and cannot read the package exactly; the message says why."""


def csv_bytes(root: Path) -> int:
    try:
        return sum(p.stat().st_size for p in (root / "data").glob("*.csv") if p.is_file())
    except OSError:
        return 0


def validate(path: str | Path = ".", today: dt.date | None = None, changed_since: str | None = None,
             progress=None, engine: str = "auto") -> Report:
    """Validate the data package at `path` and return a Report (never raises on bad data).

    engine: "rows" (the row engine), "columnar" (raises EngineError when it cannot read the package
    exactly, or polars is missing), or "auto": columnar for packages of COLUMNAR_MIN_BYTES of CSV or more
    when polars is installed and the package is in canonical form, rows otherwise. Report.engine and
    Report.engine_reason say which ran and why.

    With changed_since (a git revision), the whole package is still checked, but the report keeps only the
    findings that concern rows added, changed or removed since that revision, on any of their locations
    (see kzdata.changes); raises kzdata.gitio.GitError when the revision cannot be read.
    """
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {', '.join(ENGINES)}")
    root = Path(path)
    today = today or dt.date.today()
    changes = None
    if changed_since:
        from .changes import changes_since

        changes = changes_since(root, changed_since)   # first: a bad revision fails before any work
    report = run(root, today, engine, progress)
    if changes is not None:
        from .changes import scope_to

        scope_to(report, changes)
    return report


def run(root: Path, today: dt.date, engine: str = "auto", progress=None) -> Report:
    """The report of the chosen engine on the whole package."""
    size = csv_bytes(root)
    if engine == "rows":
        return _rows(root, today, progress, "rows: asked for (--engine rows)")
    if engine == "auto" and size < COLUMNAR_MIN_BYTES:
        return _rows(root, today, progress, f"rows: {size:,} bytes of CSV, below the columnar engine's threshold of "
                                            f"{COLUMNAR_MIN_BYTES:,} bytes")
    try:
        from .engines.columnar import run_columnar
        from .engines.columnar.frames import NotProven
    except ImportError:
        if engine == "columnar":
            raise EngineError("polars is not installed") from None
        return _rows(root, today, progress, "rows: the columnar engine needs polars, which is not installed")
    try:
        ctx, findings = run_columnar(root, today, progress)
    except NotProven as exc:
        if engine == "columnar":
            raise EngineError(f"the columnar engine cannot read this package exactly: {exc}") from None
        return _rows(root, today, progress, f"rows: the columnar engine declined ({exc})")
    except Exception as exc:  # a bug in the columnar engine: the row engine decides (tests ask for columnar)
        if engine == "columnar":
            raise
        return _rows(root, today, progress, f"rows: the columnar engine failed ({type(exc).__name__}: {exc}); "
                                            "please report this as a bug")
    from .runner import finish

    why = "columnar: asked for (--engine columnar)" if engine == "columnar" else (
        f"columnar: {size:,} bytes of CSV, at or above the threshold of {COLUMNAR_MIN_BYTES:,} bytes")
    return finish(ctx, findings, Report(path=str(root), engine="columnar", engine_reason=why))


def _rows(root: Path, today: dt.date, progress, why: str) -> Report:
    from .engines.rows import run_rows

    _, report = run_rows(root, today, progress)
    report.engine_reason = why
    return report
