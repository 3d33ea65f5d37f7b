"""Reading CSV files with physical line numbers, without ever raising on bad input."""
from __future__ import annotations

import csv
import io
import re
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


_CONFLICT_START = re.compile(r"^<{7}(?: |$)", re.M)
_CONFLICT_END = re.compile(r"^>{7}(?: |$)", re.M)
CONFLICT_FIX = ("keep the rows (or values) of both sides that the sources support, delete the three marker lines "
                "(<<<<<<<, ======= and >>>>>>>), then run kzdata fmt and kzdata validate")


def conflict_markers(text: str) -> tuple[int, int] | None:
    """The first and last line of git's conflict markers (<<<<<<< … >>>>>>>) left in a file, if any."""
    start = _CONFLICT_START.search(text)
    if start is None:
        return None
    ends = list(_CONFLICT_END.finditer(text, start.end()))
    if not ends:
        return None
    return text.count("\n", 0, start.start()) + 1, text.count("\n", 0, ends[-1].start()) + 1


def conflict_text(lines: tuple[int, int]) -> str:
    """What to say of conflict markers found on these lines (conflict_markers), and how to fix it."""
    span = f"line {lines[0]}" if lines[0] == lines[1] else f"lines {lines[0]}-{lines[1]}"
    return f"an unresolved git merge conflict ({span}): {CONFLICT_FIX}"


def conflict_message(relpath: str, lines: tuple[int, int]) -> str:
    return f"{relpath} has {conflict_text(lines)}"


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


@dataclass
class Dialect:
    """How a CSV file is written: the package's own dialect is UTF-8 without a byte-order mark, commas, LF.
    Spreadsheets in a Russian or Kazakh locale save with semicolons (the comma is their decimal separator),
    a byte-order mark ("CSV UTF-8") and CRLF; Excel's "Unicode text" is UTF-16 with tabs."""

    encoding: str = "utf-8"
    bom: bool = False
    delimiter: str = ","
    newline: str = ""          # "" when LF only, else the kind of line endings found

    @property
    def spreadsheet(self) -> bool:
        return self.bom or self.delimiter != "," or self.encoding != "utf-8"

    def describe(self) -> list[str]:
        out = []
        if self.encoding != "utf-8":
            out.append(f"{self.encoding.upper()} text")
        if self.bom:
            out.append("a byte-order mark")
        if self.delimiter != ",":
            out.append({";": "semicolons", "\t": "tabs"}.get(self.delimiter, repr(self.delimiter)) + " between cells")
        if self.newline:
            out.append(self.newline)
        return out


def sniff(data: bytes, expected: list[str] | None = None) -> tuple[str | None, Dialect, ReadProblem | None]:
    """Decode the bytes and find how the file is written. With `expected` (the schema's columns), a header that
    splits into those columns with ';' or a tab instead of ',' shows the delimiter."""
    d = Dialect()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            return None, d, ReadProblem(1, "the file starts like UTF-16 text but is not valid UTF-16")
        d.encoding, d.bom = "utf-16", True
        text = text.lstrip("\ufeff")
    else:
        if data.startswith(b"\xef\xbb\xbf"):
            d.bom, data = True, data[3:]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            hint = ""
            try:
                if any("\u0400" <= c <= "\u04ff" for c in data.decode("cp1251")):
                    hint = ("; the bytes read as Windows-1251 Cyrillic, which Excel's 'CSV (comma delimited)' writes in a Russian "
                            "locale: save as 'CSV UTF-8' instead")
            except UnicodeDecodeError:
                pass
            return None, d, ReadProblem(line, f"invalid UTF-8 at byte {exc.start} ({data[exc.start:exc.start + 1]!r}){hint}")
    ending = line_ending_problem(text)
    if ending is not None:
        d.newline = ending.message.split("the file has ")[1].split(";")[0]
    if expected:
        first = text.split("\n", 1)[0].rstrip("\r")
        want = set(expected)

        def score(delim: str) -> int:
            try:
                cells = next(csv.reader([first], delimiter=delim))
            except (csv.Error, StopIteration):
                return 0
            return len(want & {c.strip() for c in cells})

        best = max((";", "\t"), key=score)
        if score(best) > score(",") and score(best) * 2 >= len(want):
            d.delimiter = best
    return text, d, None


def decode(data: bytes) -> tuple[str | None, ReadProblem | None]:
    if data.startswith(b"\xef\xbb\xbf"):
        return None, ReadProblem(1, "the file starts with a UTF-8 byte-order mark")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return None, ReadProblem(line, f"invalid UTF-8 at byte {exc.start} ({data[exc.start:exc.start + 1]!r})")


SPREADSHEET_FIX = ("kzdata fmt rewrites it in the package's form (UTF-8 without byte-order mark, commas, LF), changing no value; "
                   "in a spreadsheet, save as 'CSV UTF-8' with commas, or use kzdata export --to xlsx and kzdata import")


def read_table(name: str, relpath: str, data: bytes, expected: list[str] | None = None) -> tuple[Table, list[ReadProblem]]:
    """Parse CSV bytes. Rows that cannot be parsed stop the read and are reported as problems. A file saved by a
    spreadsheet (a byte-order mark, semicolons or tabs, UTF-16) is read in its own dialect and reported once
    (KZ009), with the cause and the fix."""
    table = Table(name=name, path=relpath)
    problems: list[ReadProblem] = []
    text, dialect, problem = sniff(data, expected)
    if problem:
        return table, [problem]
    assert text is not None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        return table, [ReadProblem(line, "the file contains a NUL byte")]
    if not text.strip():
        return table, [ReadProblem(1, "the file is empty: it needs at least a header row")]
    conflict = conflict_markers(text)
    if conflict:   # read on, and every row around the markers would be a misleading finding of its own
        return table, [ReadProblem(conflict[0], conflict_message(relpath, conflict), "KZ008")]
    ending = line_ending_problem(text)
    if dialect.spreadsheet:
        problems.append(ReadProblem(1, f"{relpath} looks saved by a spreadsheet: {', '.join(dialect.describe())}. {SPREADSHEET_FIX}",
                                    "KZ009"))
    elif ending:
        problems.append(ending)
    csv.field_size_limit(MAX_FIELD)  # process-wide: other libraries (frictionless) raise it, so set it on every read
    reader = csv.reader(io.StringIO(text, newline=""), strict=True, delimiter=dialect.delimiter)
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
