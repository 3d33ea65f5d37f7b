"""The canonical form of the package's files, which `kzdata fmt` writes and `kzdata validate` checks (KZ018).

CSV: UTF-8 without BOM, LF line endings, columns in schema order (columns the schema does not know are
kept, after them), rows sorted by their primary key (id), minimal quoting, a final newline.
JSON: two-space indentation, keys in sorted order, non-ASCII characters written as themselves, a final
newline.

Formatting never changes a cell's value or drops a row or column: a file that cannot be read safely
(bad encoding, broken quoting, ragged rows, repeated column names) raises NotFormattable.
"""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from .csvio import MAX_FIELD
from .schema import field_names, fields_of, kind_of, primary_key


class NotFormattable(ValueError):
    """The file cannot be put in canonical form without risking its content."""


def canonical_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def format_json(data: bytes) -> bytes:
    from .jsonio import JsonProblem, loads

    try:
        value = loads(data)
    except JsonProblem as exc:
        at = f" (line {exc.line})" if exc.line else ""
        raise NotFormattable(f"{exc.message}{at}") from None
    return canonical_json(value).encode("utf-8")


def format_csv(data: bytes, schema: dict) -> bytes:
    """The canonical bytes of a CSV table; raises NotFormattable rather than guess."""
    return reformat_csv(data, schema)[0]


_LOCALE_DATE = re.compile(r"^([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})\Z")
_SPREADSHEET_BOOLEANS = {"TRUE": "true", "True": "true", "ИСТИНА": "true", "Истина": "true",
                         "FALSE": "false", "False": "false", "ЛОЖЬ": "false", "Ложь": "false"}


def reformat_csv(data: bytes, schema: dict) -> tuple[bytes, list[str]]:
    """The canonical bytes of a CSV table and what had to change to get them, besides order and quoting: the
    dialect of a file a spreadsheet saved (semicolons or tabs, a byte-order mark, UTF-16, CRLF), line breaks
    inside cells written as CRLF or CR, booleans a spreadsheet wrote as TRUE/FALSE or ИСТИНА/ЛОЖЬ. No other value
    changes. Dates a spreadsheet wrote as dd.mm.yyyy are left as they are and reported: such a date may be a
    month (2019-06) that the spreadsheet turned into its first day, and only the source can tell."""
    from .csvio import sniff

    text, dialect, problem = sniff(data, field_names(schema))
    if problem is not None or text is None:
        raise NotFormattable(problem.message if problem else "cannot be decoded")
    if "\x00" in text:
        raise NotFormattable("contains a NUL byte")
    from .csvio import conflict_markers, conflict_text

    conflict = conflict_markers(text)
    if conflict:
        raise NotFormattable(conflict_text(conflict))
    csv.field_size_limit(MAX_FIELD)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True, delimiter=dialect.delimiter))
    except csv.Error as exc:
        raise NotFormattable(f"CSV syntax error: {exc}") from None
    if not rows:
        raise NotFormattable("the file is empty")
    changes = [f"rewritten without {what}" for what in dialect.describe()]
    header = rows[0]
    # blank lines are not rows (the validator skips them too); a one-column table's empty cell is a row
    body = [r for r in rows[1:] if r and not (r == [""] and len(header) > 1)]
    fields = {f["name"]: f for f in fields_of(schema)}
    booleans = {i for i, c in enumerate(header) if fields.get(c, {}).get("type") == "boolean"
                and fields[c].get("trueValues", ["true"]) == ["true"] and fields[c].get("falseValues", ["false"]) == ["false"]}
    dates = {i for i, c in enumerate(header) if fields.get(c, {}).get("type") == "date" or kind_of(fields.get(c, {})) == "partial-date"}
    breaks = flips = 0
    locale_dates = []
    for r in body:
        for i, v in enumerate(r):
            if "\r" in v:
                r[i] = v = v.replace("\r\n", "\n").replace("\r", "\n")
                breaks += 1
            if i in booleans and v in _SPREADSHEET_BOOLEANS:
                r[i] = _SPREADSHEET_BOOLEANS[v]
                flips += 1
            elif i in dates and _LOCALE_DATE.match(v):
                locale_dates.append(v)
    if breaks:
        changes.append(f"{breaks} cell(s) with CRLF or CR line breaks inside written with LF")
    if flips:
        changes.append(f"{flips} boolean(s) written as TRUE/FALSE or ИСТИНА/ЛОЖЬ by a spreadsheet written as true/false")
    if locale_dates:
        changes.append(f"left as they are: {len(locale_dates)} date(s) in the form dd.mm.yyyy (e.g. {locale_dates[0]}); write each "
                       "as YYYY-MM-DD, or YYYY-MM if the source gives only the month (kzdata validate shows where, KZ106)")
    return canonical_csv(header, body, schema), changes


def canonical_csv(header: list[str], body: list[list[str]], schema: dict) -> bytes:
    """The canonical bytes of a table read as `header` and rows `body` (blank lines already dropped):
    columns in schema order, rows in key order, minimal quoting. Raises NotFormattable for a header with
    repeated or empty names and for rows without one cell per column."""
    if len(set(header)) != len(header) or "" in header:
        raise NotFormattable("the header has repeated or empty column names")
    if any(len(r) != len(header) for r in body):
        raise NotFormattable("some rows do not have one cell per column")
    known = field_names(schema)
    order = [c for c in known if c in header] + [c for c in header if c not in known]
    index = [header.index(c) for c in order]
    pk = primary_key(schema, header)
    key_index = [order.index(c) for c in pk if c in order]
    reordered = body if index == list(range(len(header))) else [[r[i] for i in index] for r in body]
    keys = [tuple(r[i] for i in key_index) for r in reordered]
    if any(keys[n] > keys[n + 1] for n in range(len(keys) - 1)):   # a stable sort by key
        reordered = [reordered[n] for n in sorted(range(len(reordered)), key=keys.__getitem__)]
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(order)
    writer.writerows(reordered)
    return buf.getvalue().encode("utf-8")


def _strict_file(path: Path) -> object | None:
    from .jsonio import JsonProblem, loads

    try:
        return loads(path.read_bytes())
    except (OSError, RuntimeError, JsonProblem):   # RuntimeError: a symlink loop on some Pythons
        return None


def package_files(root: Path, refused: list[tuple[str, str]] | None = None) -> list[tuple[str, dict | None]]:
    """(relative path, Table Schema or None for JSON) of every file kzdata formats. The files the descriptor
    names that are not read, because they lie outside the package or are links that cannot be followed, are
    appended to `refused` as (path, why)."""
    from .package import DESCRIPTOR, _declared_format_problem, _inside, link_problem

    refused = [] if refused is None else refused

    def inside(rel: str) -> bool:
        if _inside(root, rel) is not None:
            return True
        why = link_problem(root, root / rel) if "://" not in rel and ".." not in rel.split("/") and not rel.startswith("/") else None
        refused.append((rel, why or "not a relative path inside the package"))
        return False

    out: list[tuple[str, dict | None]] = [(DESCRIPTOR, None)]
    desc = _strict_file(root / DESCRIPTOR)
    if desc is None:
        return out
    listed = desc.get("resources") if isinstance(desc, dict) else None
    for res in listed if isinstance(listed, list) else []:   # "resources": null is a finding (KZ002), not a crash
        if not isinstance(res, dict) or not isinstance(res.get("path"), str) or not inside(res["path"]):
            continue
        schema = res.get("schema")
        if isinstance(schema, str) and inside(schema):
            out.append((schema, None))
            schema = _strict_file(root / schema)
        if isinstance(res.get("jsonSchema"), str) and inside(res["jsonSchema"]):
            out.append((res["jsonSchema"], None))
        declared = _declared_format_problem(res)
        if declared:   # formatting it as UTF-8 CSV with commas would rewrite what the descriptor says it is
            refused.append((res["path"], f"datapackage.json declares {declared[1]}. {declared[2]}"))
        elif res["path"].endswith(".csv"):
            out.append((res["path"], schema if isinstance(schema, dict) else {"fields": []}))
        elif res["path"].endswith(".json"):
            out.append((res["path"], None))
    seen, unique = set(), []
    for rel, schema in out:
        if rel not in seen:
            seen.add(rel)
            unique.append((rel, schema))
    return unique


