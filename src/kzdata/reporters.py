"""Render a Report as text, JSON or GitHub workflow annotations."""
from __future__ import annotations

import json

from .findings import Report


def render_text(report: Report, strict: bool = False) -> str:
    lines = []
    for f in report.findings:
        where = f"{f.file}:{f.line}" if f.line else f.file or "(package)"
        col = f" [{f.column}]" if f.column else ""
        lines.append(f"{where}{col}: {f.severity} {f.code}: {f.message}")
        if f.hint:
            lines.append(f"    hint: {f.hint}")
    n_err, n_warn = len(report.errors), len(report.warnings)
    verdict = "valid" if report.ok(strict) else "INVALID"
    extra = f", {len(report.excepted)} accepted by reviewed exceptions" if report.excepted else ""
    if report.scope:
        extra += f" ({report.scope}; {report.hidden} other finding(s) not shown)"
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


def render_github(report: Report, strict: bool = False) -> str:
    """GitHub Actions workflow commands: one ::error or ::warning line per finding."""
    out = []
    for f in report.findings:
        level = "error" if f.severity == "error" or strict else "warning"
        props = [f"file={_escape(f.file, True)}"] if f.file else []
        if f.line:
            props.append(f"line={f.line}")
        props.append(f"title={_escape(f.code + ' ' + (f.column or ''), True).strip()}")
        msg = f.message + (f" Hint: {f.hint}" if f.hint else "")
        out.append(f"::{level} {','.join(props)}::{_escape(msg)}")
    out.append(f"{len(report.errors)} error(s), {len(report.warnings)} warning(s)")
    return "\n".join(out) + "\n"


RENDERERS = {"text": render_text, "json": render_json, "github": render_github}
