"""Running deciders and finishing a report: the part both engines share.

run_checks runs deciders on a context, turning a decider that raises into a KZ999 finding, so that a bug
in one check does not hide the findings of the others. finish drops repeated findings, applies the
reviewed exceptions (data/exceptions.csv; only warnings can be accepted) and sorts.
"""
from __future__ import annotations

import traceback
from pathlib import Path

from .context import Context
from .findings import WARNING, Finding, Report, make

EXCEPTIONS_TABLE = "exceptions"


def run_checks(checks, ctx: Context) -> list[Finding]:
    """The findings of each registered check (kzdata.checks.Check) on ctx."""
    out: list[Finding] = []
    for check in checks:
        try:
            out.extend(check.decide(ctx))
        except Exception as exc:
            where = traceback.extract_tb(exc.__traceback__)[-1]
            out.append(make("KZ999", "", 0, "", f"check '{check.name}' failed: {type(exc).__name__}: {exc} "
                                              f"({Path(where.filename).name}:{where.lineno})"))
    return out


def unreadable_tables(pkg) -> list[str]:
    """Tables the descriptor names that could not be read (a missing file or schema, a broken header)."""
    from .vocab import PACKAGE_TABLES

    named = {r.get("name") for r in pkg.descriptor.get("resources", []) if isinstance(r, dict)}
    return [t for t in PACKAGE_TABLES if t in named and t not in pkg.tables and t not in pkg.files]


def runnable(checks, pkg) -> tuple[list, dict[str, str]]:
    """The checks that can judge this package, and why the others cannot: with a table unreadable, a check that
    looks across tables would report what is only missing (every status unsupported when events.csv cannot be
    read), so only the checks of a file and of a table's own cells run until it is fixed."""
    missing = unreadable_tables(pkg)
    if not missing:
        return list(checks), {}
    why = f"{', '.join(missing)} could not be read"
    return ([c for c in checks if c.scope in ("package", "cell")],
            {c.name: why for c in checks if c.scope not in ("package", "cell")})


def finish(ctx: Context, findings: list[Finding], report: Report, not_run: dict[str, str] | None = None) -> Report:
    """Drop repeated findings, apply the reviewed exceptions and sort."""
    from .checks import REGISTRY, codes_of

    findings = list(dict.fromkeys(findings))
    report.findings, report.excepted = apply_exceptions(ctx, findings)
    report.findings.sort(key=lambda f: f.sort_key)
    ran = [c for c in REGISTRY if c.name not in (not_run or {})]
    report.checks = [c.name for c in ran]
    report.codes = codes_of(ran)
    report.not_run = dict(not_run or {})
    return report


def apply_exceptions(ctx: Context, findings: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    """Move warnings that a reviewed exception accepts out of the findings; report unused exceptions."""
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
