"""Structured findings and the report that collects them."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from .catalogue import CODES

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    """One problem found in the package.

    `line` is the physical line in `file` (1-based; a quoted cell spanning lines counts every line),
    0 when the finding concerns the whole file. `record` is the id of the row, where it has one.
    """

    code: str
    severity: str
    file: str
    line: int
    column: str
    message: str
    hint: str
    table: str = ""
    record: str = ""

    def to_dict(self) -> dict:
        return asdict(self)

    @property
    def sort_key(self) -> tuple:
        return (self.file, self.line, self.column, self.code, self.message)


def make(code: str, file: str, line: int, column: str, message: str, hint: str = "",
         table: str = "", record: str = "", severity: str | None = None) -> Finding:
    """Create a finding whose severity and default hint come from the catalogue."""
    entry = CODES[code]
    return Finding(code=code, severity=severity or entry.severity, file=file, line=line, column=column,
                   message=message, hint=hint or entry.hint, table=table, record=record)


@dataclass
class Report:
    """The result of validating a package."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    excepted: list[Finding] = field(default_factory=list)
    scope: str = ""   # e.g. "changes since origin/main" when only findings about a change are kept
    hidden: int = 0   # findings left out by that scope
    engine: str = "rows"   # which engine ran: "rows", or "columnar" (kzdata.fast); the findings are the same

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == WARNING]

    def ok(self, strict: bool = False) -> bool:
        return not (self.findings if strict else self.errors)

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "valid": self.ok(),
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "excepted": len(self.excepted),
            "scope": self.scope or "whole package",
            "hidden": self.hidden,
            "engine": self.engine,
            "findings": [f.to_dict() for f in self.findings],
        }
