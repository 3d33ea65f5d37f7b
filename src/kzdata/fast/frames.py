"""Reading a table into a polars DataFrame, and proving that the frame holds exactly what the row engine
would read.

The proof is the canonical form: a file is accepted only when it is valid UTF-8 with LF line endings, has
the schema's columns in the schema's order, rows sorted by primary key, and is byte for byte the minimal-
quoting serialisation of the frame polars parsed. Python's csv reader reads such a file back to the same
cells (it round-trips what its writer writes), so the frame and the row engine's rows agree, and the file
needs no KZ018 finding. A file that fails the proof is not an error: the caller falls back to the row
engine, which reports whatever is wrong in full.
"""
from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field

import polars as pl

from ..csvio import MAX_FIELD

_PARTIAL = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"


class NotProven(Exception):
    """The file is outside what the columnar engine can read exactly; use the row engine."""


@dataclass
class Frame:
    name: str
    path: str
    header: list[str]
    df: pl.DataFrame                   # every cell as a string, plus "__line" (physical line of the row)
    integrity: dict = field(default_factory=dict)


def read_frame(name: str, rel: str, data: bytes, schema: dict, want_integrity: bool = False) -> Frame:
    """Parse and prove one CSV file; raises NotProven."""
    if data.startswith(b"\xef\xbb\xbf") or b"\x00" in data or b"\r" in data or not data.endswith(b"\n"):
        raise NotProven("encoding, NUL, line endings or a missing final newline")
    head_end = data.index(b"\n")
    head = data[:head_end]
    if b'"' in head:
        raise NotProven("quoted header")
    try:
        header = head.decode("utf-8").split(",")
    except UnicodeDecodeError:
        raise NotProven("header is not UTF-8") from None
    expected = [f.get("name") for f in schema.get("fields", [])]
    if header != expected:
        raise NotProven("header differs from the schema")
    try:
        df = pl.read_csv(data, infer_schema=False, empty_string_is_null=False, has_header=True,
                         schema={c: pl.String for c in header}, encoding="utf8", raise_if_empty=False)
    except Exception as exc:  # polars raises several kinds of errors on bad CSV or bad UTF-8
        raise NotProven(f"polars cannot read it: {type(exc).__name__}") from None
    if df.columns != header or (len(df) and sum(df.null_count().row(0))):
        raise NotProven("ragged rows or blank lines")
    if len(data) > MAX_FIELD and len(df) and max(df.select(pl.all().str.len_bytes().max()).row(0)) > MAX_FIELD:
        raise NotProven("a cell may be over the row engine's limit")  # which reports it (KZ017)
    pk = schema.get("primaryKey") or (["id"] if "id" in header else [])
    pk = [pk] if isinstance(pk, str) else pk
    if len(df) > 1 and pk:
        if len(pk) != 1:
            raise NotProven("composite key on a large table")
        key = df.get_column(pk[0])
        if (key.slice(1) < key.slice(0, len(key) - 1)).any():
            raise NotProven("rows not sorted by key")
    _prove_serialisation(df, data, head_end + 1)
    df = df.with_columns(_lines(df, data).alias("__line"))
    out = Frame(name, rel, header, df)
    if want_integrity:
        out.integrity = {"bytes": len(data), "hash": "sha256:" + hashlib.sha256(data).hexdigest(), "rows": len(df)}
    return out


def _prove_serialisation(df: pl.DataFrame, data: bytes, offset: int, step: int = 100_000) -> None:
    """The body of `data` (from offset) is exactly what Python's csv.writer (QUOTE_MINIMAL, LF) writes for
    the rows of df. Compared in slices so that no second copy of a large file is held."""
    if len(df.columns) == 1:
        raise NotProven("one-column table")  # csv.writer quotes a lone empty cell; not worth a special case
    if data.find(b'"', offset) < 0:
        # No quote anywhere: no cell can hold a comma, a quote or a line break (those need quotes), so every
        # line is its cells joined by commas, which is exactly what csv.writer writes for them (it quotes
        # only cells with those characters). polars found one cell per column in every line (no nulls).
        return
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


def _lines(df: pl.DataFrame, data: bytes) -> pl.Series:
    """Physical line on which each row starts: 2 for the first row, more when cells hold newlines."""
    n = len(df)
    base = pl.int_range(2, n + 2, dtype=pl.Int64, eager=True)
    if data.count(b"\n") == n + 1:
        return base
    inner = df.select(pl.sum_horizontal(pl.col(c).str.count_matches("\n", literal=True) for c in df.columns)
                      .alias("nl")).get_column("nl").cast(pl.Int64)
    return base + inner.cum_sum() - inner


# ------------------------------------------------------------------------------------- partial dates

def date_start(col: str) -> pl.Expr:
    """First day of a partial date (YYYY, YYYY-MM, YYYY-MM-DD) as days since 1970; null when it is empty
    or not a real date (the row engine's parse_partial gives None for exactly these, except the rare
    oddities that callers flag separately with date_odd)."""
    s = pl.col(col).cast(pl.String)
    n = s.str.len_bytes()
    ok = s.str.contains(_PARTIAL) & (s.str.slice(0, 4) != "0000")
    full = pl.when(n == 10).then(s).when(n == 7).then(s + "-01").otherwise(s + "-01-01")
    return pl.when(ok).then(full).str.to_date("%Y-%m-%d", strict=False).cast(pl.Int32)


def date_end(col: str) -> pl.Expr:
    s = pl.col(col).cast(pl.String)
    n = s.str.len_bytes()
    start = date_start(col).cast(pl.Date)
    end = (pl.when(n == 10).then(start)
           .when(n == 7).then(start.dt.month_end())
           .otherwise(pl.date(start.dt.year(), 12, 31)))
    return end.cast(pl.Int32)


def date_odd(col: str) -> pl.Expr:
    """A non-empty cell that is not a plain partial date: the checks must see its row in full."""
    s = pl.col(col).cast(pl.String)
    return (s != "") & date_start(col).is_null()


def day(iso: str) -> int:
    import datetime as dt

    return (dt.date.fromisoformat(iso) - dt.date(1970, 1, 1)).days
