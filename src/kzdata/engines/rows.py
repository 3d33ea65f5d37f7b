"""The row engine: every table read into one Context, every registered decider run on all of it."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..context import Context
from ..findings import Report
from ..package import load_package
from ..runner import finish, run_checks


def run_rows(root: str | Path, today: dt.date, progress=None) -> tuple[Context, Report]:
    ctx = Context.build(load_package(Path(root)), today)
    return ctx, check_context(ctx, progress)


def check_context(ctx: Context, progress=None) -> Report:
    """Run every registered check over an already loaded package (so load() reads the files only once)."""
    from ..checks import deciders
    from ..runner import runnable

    checks, not_run = runnable(deciders(), ctx.pkg)
    findings = []
    rows = sum(len(r) for r in ctx.rows.values())
    for n, check in enumerate(checks, start=1):
        if progress is not None:
            progress(n, len(checks), check.name, rows)
        findings.extend(run_checks([check], ctx))
    return finish(ctx, findings, Report(path=str(ctx.pkg.root), engine="rows"), not_run)
