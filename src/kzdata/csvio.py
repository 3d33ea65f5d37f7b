"""Reading CSV files with physical line numbers, without ever raising on bad input."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

# Cells larger than this are refused by the reader and reported, never loaded whole.
MAX_FIELD = 1_000_000
csv.field_size_limit(MAX_FIELD)


@dataclass
class Table:
    """A CSV table as read: header, rows of strings, and the physical line each row starts on."""

    name: str
    path: str  # relative to the package root, with forward slashes
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    index: dict[str, int] = field(default_factory=dict)

    def column(self, name: str) -> list[str]:
        i = self.index.get(name)
        if i is None:
            return [""] * len(self.rows)
        return [r[i] if i < len(r) else "" for r in self.rows]

    def records(self):
        """Yield (line, dict) for every row; missing cells read as empty strings."""
        names = self.header
        for line, row in zip(self.lines, self.rows):
            yield line, {n: (row[i] if i < len(row) else "") for i, n in enumerate(names)}


@dataclass
class ReadProblem:
    line: int
    message: str
    code: str = "KZ010"


def line_ending_problem(text: str) -> ReadProblem | None:
    """The first line ending that is not a plain LF (the package's dialect), if any."""
    cr = text.find("\r")
    if cr < 0:
        return None
    line = text.count("\n", 0, cr) + 1
    crlf, lone_cr = text.count("\r\n"), text.count("\r") - text.count("\r\n")
    lf_only = text.count("\n") - crlf
    if lone_cr and (crlf or lf_only):
        kind = "mixed line endings (CR, CRLF and LF)"
    elif lone_cr:
        kind = "CR-only line endings"
    elif lf_only:
        kind = "mixed line endings (CRLF and LF)"
    else:
        kind = "CRLF line endings"
    return ReadProblem(line, f"the file has {kind}; the package's dialect is LF", "KZ016")


def decode(data: bytes) -> tuple[str | None, ReadProblem | None]:
    if data.startswith(b"\xef\xbb\xbf"):
        return None, ReadProblem(1, "the file starts with a UTF-8 byte-order mark")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return None, ReadProblem(line, f"invalid UTF-8 at byte {exc.start} ({data[exc.start:exc.start + 1]!r})")


def read_table(name: str, relpath: str, data: bytes) -> tuple[Table, list[ReadProblem]]:
    """Parse CSV bytes. Rows that cannot be parsed stop the read and are reported as problems."""
    table = Table(name=name, path=relpath)
    problems: list[ReadProblem] = []
    text, problem = decode(data)
    if problem:
        return table, [problem]
    assert text is not None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        return table, [ReadProblem(line, "the file contains a NUL byte")]
    if not text.strip():
        return table, [ReadProblem(1, "the file is empty: it needs at least a header row")]
    ending = line_ending_problem(text)
    if ending:
        problems.append(ending)
    csv.field_size_limit(MAX_FIELD)  # process-wide: other libraries (frictionless) raise it, so set it on every read
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    shared: dict[str, str] = {}  # one object per repeated short value (statuses, dates, ids of sources): memory
    prev = 0
    try:
        for row in reader:
            start = prev + 1
            prev = reader.line_num
            if not table.header and not table.rows and start == 1:
                table.header = row
                continue
            if row == [] or row == [""] and len(table.header) > 1:
                continue  # a blank line; fmt removes them
            table.rows.append([shared.setdefault(v, v) if len(v) < 48 else v for v in row])
            table.lines.append(start)
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            problems.append(ReadProblem(prev + 1, f"a cell is longer than {MAX_FIELD} characters, the most kzdata reads", "KZ017"))
        else:
            problems.append(ReadProblem(prev + 1, f"CSV syntax error: {exc}"))
    table.index = {}
    for i, n in enumerate(table.header):
        table.index.setdefault(n, i)
    return table, problems
