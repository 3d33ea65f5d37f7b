"""Reporters: a Report rendered as text, JSON or GitHub workflow annotations. REPORTER_BY_NAME is the one
list; `kzdata validate --format` offers exactly its names."""
from __future__ import annotations

import json

from .findings import Finding, Location, Report


def _where(loc: Location) -> str:
    where = f"{loc.file}:{loc.line}" if loc.line else loc.file or "(package)"
    return where + (f" [{loc.column}]" if loc.column else "")


def render_text(report: Report, strict: bool = False) -> str:
    lines = []
    for f in report.findings:
        lines.append(f"{_where(f.location)}: {f.severity} {f.code}: {f.message}")
        for loc in f.related:
            lines.append(f"    see also: {_where(loc)}" + (f" ({loc.table} {loc.record})" if loc.record else ""))
        if f.suggestion:
            lines.append(f"    did you mean: {f.suggestion}")
        if f.hint:
            lines.append(f"    hint: {f.hint}")
    if report.not_run:
        reasons = sorted(set(report.not_run.values()))
        lines.append(f"not run: {', '.join(report.not_run)} ({'; '.join(reasons)})")
    n_err, n_warn = len(report.errors), len(report.warnings)
    verdict = "valid" if report.ok(strict) else "INVALID"
    extra = f", {len(report.excepted)} accepted by reviewed exceptions" if report.excepted else ""
    if report.scope:
        extra += f" ({report.scope}; {report.hidden} other finding(s) not shown)"
    if report.notices:
        extra += f", {len(report.notices)} notice(s) for the reviewer"
    lines.append(f"{report.path}: {verdict}: {n_err} error(s), {n_warn} warning(s){extra}"
                 + (" (--strict: warnings count as errors)" if strict and n_warn else ""))
    return "\n".join(lines) + "\n"


def render_json(report: Report, strict: bool = False) -> str:
    data = report.to_dict()
    data["valid"] = report.ok(strict)
    data["strict"] = strict
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _escape(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def _annotation(f: Finding, loc: Location, level: str, note: str = "") -> str:
    props = [f"file={_escape(loc.file, True)}"] if loc.file else []
    if loc.line:
        props.append(f"line={loc.line}")
    props.append(f"title={_escape(f.code + ' ' + (loc.column or ''), True).strip()}")
    msg = note + f.message + (f" Did you mean: {f.suggestion}?" if f.suggestion else "") + (f" Hint: {f.hint}" if f.hint else "")
    return f"::{level} {','.join(props)}::{_escape(msg)}"


def render_github(report: Report, strict: bool = False) -> str:
    """GitHub Actions workflow commands: one ::error or ::warning line per finding, and one more on each
    related row (so that a pull request that changed that row shows it too)."""
    out = []
    for f in report.findings:
        level = "notice" if f.severity == "notice" else "error" if f.severity == "error" or strict else "warning"
        out.append(_annotation(f, f.location, level))
        for loc in f.related:
            out.append(_annotation(f, loc, level, f"(related to {_where(f.location)}) "))
    out.append(f"{len(report.errors)} error(s), {len(report.warnings)} warning(s)")
    return "\n".join(out) + "\n"


REPORTER_BY_NAME = {"text": render_text, "json": render_json, "github": render_github}
