"""Run every registered check over a package and apply the reviewed exceptions."""
from __future__ import annotations

import datetime as dt
import traceback
from pathlib import Path

from .checks import CHECKS
from .context import Context
from .findings import WARNING, Finding, Report, make
from .package import load_package

EXCEPTIONS_TABLE = "exceptions"


# Above this many bytes of CSV, validation uses the columnar engine (kzdata.fast) when polars is installed.
COLUMNAR_MIN_BYTES = 4 * 1024 * 1024


def validate(path: str | Path = ".", today: dt.date | None = None, changed_since: str | None = None,
             reference: bool = False, progress=None, engine: str = "auto") -> Report:
    """Validate the data package at `path` and return a Report (never raises on bad data).

    engine: "rows" (the row engine), "columnar" (kzdata.fast; raises ValueError when it cannot read the
    package exactly), or "auto": columnar for packages over COLUMNAR_MIN_BYTES of CSV when polars is
    installed and the package is in canonical form, rows otherwise. Both give the same findings;
    reference=True runs the slow reference implementation of the row engine.

    With changed_since (a git revision), the whole package is still checked, but the report keeps only the
    findings that concern rows added, changed or removed since that revision (see kzdata.changes);
    raises kzdata.changes.GitError when the revision cannot be read.
    """
    today = today or dt.date.today()
    report = None
    if engine == "columnar" or (engine == "auto" and not reference and not changed_since and _large(Path(path))):
        report = _columnar(Path(path), today, progress, strict=engine == "columnar")
        if report is None and engine == "columnar":
            raise ValueError("the columnar engine cannot read this package exactly (or polars is missing)")
    if report is None:
        ctx = Context.build(load_package(Path(path)), today)
        report = check_context(ctx, reference=reference, progress=progress)
    if changed_since:
        from .changes import changes_since, concerns_change

        cs = changes_since(ctx, changed_since)
        report.hidden = len(report.findings)
        report.findings = [f for f in report.findings if concerns_change(f, ctx, cs)]
        report.hidden -= len(report.findings)
        report.scope = f"changes since {changed_since}"
    return report


def _large(root: Path) -> bool:
    data = root / "data"
    try:
        return sum(p.stat().st_size for p in data.glob("*.csv")) >= COLUMNAR_MIN_BYTES
    except OSError:
        return False


def _columnar(root: Path, today: dt.date, progress, strict: bool = False) -> Report | None:
    try:
        from .fast import run_fast
    except ImportError:  # polars is not installed: the row engine gives the same findings, more slowly
        if strict:
            raise
        return None
    try:
        result = run_fast(root, today, progress)
    except Exception:  # anything unexpected in the fast engine: the row engine decides (tests ask for strict)
        if strict:
            raise
        return None
    if result is None:
        return None
    ctx, findings = result
    return finish(ctx, findings, Report(path=str(root), engine="columnar"))


def check_context(ctx: Context, reference: bool = False, progress=None) -> Report:
    """Run every check over an already loaded package (so load() reads the files only once)."""
    report = Report(path=str(ctx.pkg.root))
    findings: list[Finding] = list(ctx.pkg.findings)
    from .checks import CHECKS_REFERENCE

    checks = CHECKS_REFERENCE if reference else CHECKS
    for n, (name, check) in enumerate(checks, start=1):
        if progress is not None:
            progress(n, len(checks), name, sum(len(rows) for rows in ctx.rows.values()))
        findings.extend(run_checks([(name, check)], ctx))
    return finish(ctx, findings, report)


def run_checks(checks, ctx: Context) -> list[Finding]:
    """The findings of each (name, check) on ctx; a check that raises gives a KZ999 finding instead, so that
    a bug in one check does not hide the findings of the others."""
    out: list[Finding] = []
    for name, check in checks:
        try:
            out.extend(check(ctx))
        except Exception as exc:
            where = traceback.extract_tb(exc.__traceback__)[-1]
            out.append(make("KZ999", "", 0, "", f"check '{name}' failed: {type(exc).__name__}: {exc} "
                                              f"({Path(where.filename).name}:{where.lineno})"))
    return out


def finish(ctx: Context, findings: list[Finding], report: Report) -> Report:
    """Drop repeated findings, apply the reviewed exceptions and sort."""
    findings = _dedupe(findings)
    report.findings, report.excepted = _apply_exceptions(ctx, findings)
    report.findings.sort(key=lambda f: f.sort_key)
    return report


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen, out = set(), []
    for f in findings:
        if f not in seen:
            seen.add(f)
            out.append(f)
    return out


def _apply_exceptions(ctx: Context, findings: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    """Move warnings that a reviewed exception accepts out of the findings; report unused exceptions.

    Only warnings can be accepted: an error always stands.
    """
    rows = ctx.table(EXCEPTIONS_TABLE)
    wanted = {(r.rec.get("code"), r.rec.get("table"), r.rec.get("record")): r for r in rows}
    used: set[tuple] = set()
    kept, excepted = [], []
    for f in findings:
        key = (f.code, f.table, f.record)
        if f.severity == WARNING and key in wanted:
            used.add(key)
            excepted.append(f)
        else:
            kept.append(f)
    # When a file could not be read or the package is malformed, some checks did not run, so an exception
    # that matched nothing may still be needed: do not call it stale.
    complete = not any(f.code.startswith("KZ0") and f.severity != WARNING for f in findings)
    for key, r in wanted.items():
        if complete and key not in used and all(key):
            kept.append(make("KZ901", ctx.path(EXCEPTIONS_TABLE), r.line, "code",
                             f"exception {key[0]} for {key[1]} {key[2]!r} matches no warning",
                             table=EXCEPTIONS_TABLE, record=key[2]))
    return kept, excepted
