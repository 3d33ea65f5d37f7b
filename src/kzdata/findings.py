"""Structured findings and the report that collects them. Reporters (kzdata.reporters) render them."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from .catalogue import CODES

ERROR = "error"
WARNING = "warning"
NOTICE = "notice"   # for the reviewer's eyes: never fails validation, not even with --strict
SEVERITIES = (ERROR, WARNING, NOTICE)


class Location(NamedTuple):
    """A place in the package: file, physical line (0: the whole file), column, and the row's table and id."""

    file: str
    line: int
    column: str = ""
    table: str = ""
    record: str = ""

    def to_dict(self) -> dict:
        return self._asdict()


@dataclass(frozen=True)
class Finding:
    """One problem found in the package.

    `line` is the physical line in `file` (1-based; a quoted cell spanning lines counts every line),
    0 when the finding concerns the whole file. `record` is the id of the row, where it has one.
    `related` names the other rows the finding involves (a sentence whose date makes a charge's article
    wrong, the first row with a repeated id, the source a date is compared with…), so that whoever changed
    any one of them sees it.
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
    related: tuple[Location, ...] = ()
    suggestion: str = ""   # what to write instead, where one value is clearly meant ("did you mean")

    def to_dict(self) -> dict:
        return {"code": self.code, "severity": self.severity, "file": self.file, "line": self.line,
                "column": self.column, "message": self.message, "hint": self.hint, "table": self.table,
                "record": self.record, "related": [loc.to_dict() for loc in self.related], "suggestion": self.suggestion}

    @property
    def location(self) -> Location:
        return Location(self.file, self.line, self.column, self.table, self.record)

    @property
    def locations(self) -> tuple[Location, ...]:
        """Its own location, then the related ones."""
        return (self.location, *self.related)

    @property
    def sort_key(self) -> tuple:
        return (self.file, self.line, self.column, self.code, self.message)


def make(code: str, file: str, line: int, column: str, message: str, hint: str = "",
         table: str = "", record: str = "", severity: str | None = None,
         related: tuple[Location, ...] | list[Location] = (), suggestion: str = "") -> Finding:
    """Create a finding whose severity and default hint come from the catalogue."""
    entry = CODES[code]
    return Finding(code=code, severity=severity or entry.severity, file=file, line=line, column=column,
                   message=message, hint=hint or entry.hint, table=table, record=record,
                   related=tuple(loc for loc in dict.fromkeys(related) if loc[:3] != (file, line, column)),
                   suggestion=suggestion)


@dataclass
class Report:
    """The result of validating a package."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    excepted: list[Finding] = field(default_factory=list)
    scope: str = ""   # e.g. "changes since origin/main" when only findings about a change are kept
    hidden: int = 0   # findings left out by that scope
    engine: str = "rows"   # which engine ran: "rows", or "columnar"; the findings are the same
    engine_reason: str = ""   # why that engine ran (or why the columnar engine fell back)
    checks: list[str] = field(default_factory=list)   # the registered checks that ran, in order
    codes: list[str] = field(default_factory=list)    # the codes those checks can report
    not_run: dict[str, str] = field(default_factory=dict)   # registered checks left out, and why

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == WARNING]

    @property
    def notices(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == NOTICE]

    def ok(self, strict: bool = False) -> bool:
        return not (self.errors or (strict and self.warnings))

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "valid": self.ok(),
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "notices": len(self.notices),
            "excepted": len(self.excepted),
            "scope": {"rows": self.scope or "whole package", "checks": list(self.checks), "codes": list(self.codes),
                      "not_run": dict(self.not_run)},
            "hidden": self.hidden,
            "engine": self.engine,
            "engine_reason": self.engine_reason,
            "findings": [f.to_dict() for f in self.findings],
        }
