"""Reading a large CSV file in chunks of whole rows, and proving that polars reads each chunk exactly as the
row engine would read it.

The proof is the canonical form. A file is accepted only when it is valid UTF-8 with LF line endings, its
header is the schema's columns in the schema's order, its rows are sorted by primary key, and every chunk
is byte for byte the minimal-quoting serialisation of the rows polars parsed from it. The file is then the
serialisation of all those rows, in order (a serialisation is row by row, so it concatenates). Python's
csv reader reads such a file back to the same cells, because it round-trips what its writer writes. So
the frames and the row engine's rows agree, and the file needs no KZ018 finding. A file that fails the
proof is not an error: the caller falls back to the row engine, which reports whatever is wrong in full.

Chunks keep memory flat: no frame of a whole large table is ever built, and a chunk can be read again
later from its byte range (Chunk.start, Chunk.end) to fetch the rows that a check must see.
"""
from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from ...csvio import MAX_FIELD

CHUNK_BYTES = 8 * 1024 * 1024  # memory against speed: see docs/performance.md


class NotProven(Exception):
    """The file is outside what the columnar engine can read exactly; use the row engine."""


@dataclass
class Chunk:
    """Where a run of whole rows lies in its file."""

    start: int   # byte offset of its first row
    end: int     # byte offset just after its last row
    row: int     # index of its first row in the table (0 for the first data row)
    line: int    # physical line of its first row (2 for the first data row)
    rows: int = 0


@dataclass
class FileReader:
    """Reads one CSV file as proved chunks: `for chunk, df in reader` gives each chunk's place and its
    rows as a frame of strings (columns as the header) plus "__line". After the loop: `chunks` and `rows`."""

    path: Path
    header: list[str]
    key: str | None = None            # the primary key column, whose values must not decrease
    chunk_bytes: int | None = None
    rel: str = ""                     # the path relative to the package, for the reasons given

    def _not_proven(self, why: str) -> NotProven:
        return NotProven(f"{self.rel or self.path.name}: {why}")

    def __post_init__(self):
        self.chunks: list[Chunk] = []
        self.rows = 0

    def __iter__(self) -> Iterator[tuple[Chunk, pl.DataFrame]]:
        size = self.chunk_bytes or CHUNK_BYTES
        try:
            yield from self._chunks(size)
        except NotProven as exc:
            raise self._not_proven(str(exc)) from None

    def _chunks(self, size: int) -> Iterator[tuple[Chunk, pl.DataFrame]]:
        last_key: str | None = None
        with open(self.path, "rb") as f:
            body_start = self._read_header(f)
            line, row = 2, 0
            for start, data in _whole_rows(f, body_start, size):
                df = parse(data, self.header)
                breaks = data.count(b"\n")
                prove(df, data, breaks)
                if self.key is not None and len(df):
                    key = df.get_column(self.key)
                    if last_key is not None and key[0] < last_key:
                        raise NotProven("rows not sorted by key")
                    if len(df) > 1 and (key.slice(1) < key.slice(0, len(df) - 1)).any():
                        raise NotProven("rows not sorted by key")
                    last_key = key[-1]
                df = df.with_columns(row_lines(df, data, line, breaks).alias("__line"))
                chunk = Chunk(start, start + len(data), row, line, len(df))
                self.chunks.append(chunk)
                yield chunk, df
                line += breaks
                row += len(df)
                del df, data
            self.rows = row

    def _read_header(self, f) -> int:
        head = f.readline(64 * 1024)
        if not head.endswith(b"\n") or head.startswith(b"\xef\xbb\xbf") or b'"' in head or b"\r" in head:
            raise NotProven("no plain header line")
        try:
            header = head[:-1].decode("utf-8").split(",")
        except UnicodeDecodeError:
            raise NotProven("header is not UTF-8") from None
        if header != self.header:
            raise NotProven("header differs from the schema")
        return len(head)

    def read_again(self, chunk: Chunk) -> pl.DataFrame:
        """The rows of a chunk read before (the file is the one proved; callers read it in the same run)."""
        with open(self.path, "rb") as f:
            f.seek(chunk.start)
            data = f.read(chunk.end - chunk.start)
        df = parse(data, self.header)
        if len(df) != chunk.rows:
            raise self._not_proven("the file changed while it was being read")
        return df.with_columns(row_lines(df, data, chunk.line).alias("__line"))

    def column(self, name: str) -> pl.Series:
        """One column of the whole file, read again chunk by chunk (only the column is kept)."""
        parts = [self.read_again(c).get_column(name) for c in self.chunks]
        return pl.concat(parts) if parts else pl.Series(name, [], dtype=pl.String)


def _whole_rows(f, offset: int, size: int) -> Iterator[tuple[int, bytes]]:
    """(byte offset, bytes) of successive runs of whole rows, each about `size` bytes. A run ends at a line
    break outside quotes: with an even number of quote characters before it (in well-formed CSV a quoted
    cell holds an even number of them, counting its own two). Where a run ends does not matter for the
    proof (each run is proved on its own); it only has to fall between rows for the rows to be whole."""
    carry = b""
    while True:
        more = f.read(size)
        data = carry + more if carry else more
        if not more:
            if data:
                if not data.endswith(b"\n"):
                    raise NotProven("no final newline")
                yield offset, data
            return
        cut = _last_row_end(data)
        if cut == 0:      # one row longer than a chunk: read on
            carry = data
            continue
        yield offset, data[:cut]
        offset += cut
        carry = data[cut:]
        del data


def _last_row_end(data: bytes) -> int:
    pos = data.rfind(b"\n")
    if pos < 0:
        return 0
    if data.find(b'"', 0, pos) < 0:
        return pos + 1
    quotes = data.count(b'"', 0, pos)
    while quotes % 2:
        prev = data.rfind(b"\n", 0, pos)
        if prev < 0:
            return 0
        quotes -= data.count(b'"', prev, pos)
        pos = prev
    return pos + 1


def parse(data: bytes, header: list[str]) -> pl.DataFrame:
    """Rows of a run of whole CSV rows (no header line), every cell a string."""
    if b"\x00" in data or b"\r" in data:
        raise NotProven("NUL or CR in the file")
    try:
        df = pl.read_csv(data, has_header=False, infer_schema=False, empty_string_is_null=False,
                         schema={c: pl.String for c in header}, encoding="utf8", raise_if_empty=False)
    except Exception as exc:  # polars raises several kinds of errors on bad CSV or bad UTF-8
        raise NotProven(f"polars cannot read it: {type(exc).__name__}") from None
    if df.columns != header:
        raise NotProven("repeated column names")
    return df


def prove(df: pl.DataFrame, data: bytes, breaks: int) -> None:
    """`data` (with `breaks` line breaks) is exactly the minimal-quoting serialisation of the rows of df;
    raises NotProven."""
    if len(df.columns) < 2:
        raise NotProven("one-column table")  # csv.writer quotes a lone empty cell; not worth a special case
    if len(df) and sum(df.null_count().row(0)):
        raise NotProven("ragged rows")
    if len(data) > MAX_FIELD and len(df) and max(df.select(pl.all().str.len_bytes().max()).row(0)) > MAX_FIELD:
        raise NotProven("a cell may be over the row engine's limit")  # which reports it (KZ017)
    if b'"' not in data:
        # No quote: no cell can hold a comma, a quote or a line break (those need quotes). polars found
        # one cell per column on every row, and one row per line (a blank line would be a row too few),
        # so each line is its cells joined by commas: what csv.writer writes for them.
        if breaks != len(df):
            raise NotProven("blank lines")
        return
    _prove_serialisation(df, data)


def _prove_serialisation(df: pl.DataFrame, data: bytes, offset: int = 0, step: int = 100_000) -> None:
    """The bytes of `data` from offset are exactly what Python's csv.writer (QUOTE_MINIMAL, LF) writes for
    the rows of df (of two columns or more: prove() leaves one-column tables out). Compared in slices so
    that no second copy of a large run is held."""
    # polars writes an empty string as "" and a null as nothing; Python writes an empty cell as nothing
    blanked = df.select(pl.all().replace("", None))
    view = memoryview(data)
    for start in range(0, len(df), step):
        buf = io.BytesIO()
        blanked.slice(start, step).write_csv(buf, include_header=False, quote_style="necessary", line_terminator="\n")
        chunk = buf.getbuffer()
        if view[offset:offset + len(chunk)] != chunk:
            raise NotProven("not in canonical form")
        offset += len(chunk)
        del chunk
    if offset != len(data):
        raise NotProven("not in canonical form")


def row_lines(df: pl.DataFrame, data: bytes, first: int, breaks: int | None = None) -> pl.Series:
    """Physical line on which each row starts, the first on line `first`; more when cells hold newlines."""
    n = len(df)
    base = pl.int_range(first, first + n, dtype=pl.Int64, eager=True)
    if (data.count(b"\n") if breaks is None else breaks) == n:
        return base
    inner = df.select(pl.sum_horizontal(pl.col(c).str.count_matches("\n", literal=True) for c in df.columns)
                      .alias("nl")).get_column("nl").cast(pl.Int64)
    return base + inner.cum_sum() - inner
