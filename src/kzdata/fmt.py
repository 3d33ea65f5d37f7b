"""The canonical form of the package's files: `kzdata fmt` and `kzdata fmt --check`.

CSV: UTF-8 without BOM, LF line endings, columns in schema order (columns the schema does not know are
kept, after them), rows sorted by their primary key (id), minimal quoting, a final newline.
JSON: two-space indentation, keys in sorted order, non-ASCII characters written as themselves, a final
newline.

Formatting never changes a cell's value or drops a row or column: a file that cannot be read safely
(bad encoding, broken quoting, ragged rows, repeated column names) is reported and left untouched.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from .csvio import MAX_FIELD


class NotFormattable(ValueError):
    """The file cannot be put in canonical form without risking its content."""


def canonical_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def format_json(data: bytes) -> bytes:
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise NotFormattable(f"not valid UTF-8 JSON ({exc})") from None
    return canonical_json(value).encode("utf-8")


def _sort_key(row: list[str], key_index: list[int], position: int) -> tuple:
    return (tuple(row[i] for i in key_index), position)


def format_csv(data: bytes, schema: dict) -> bytes:
    """The canonical bytes of a CSV table; raises NotFormattable rather than guess."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise NotFormattable(f"not valid UTF-8 (byte {exc.start})") from None
    if "\x00" in text:
        raise NotFormattable("contains a NUL byte")
    csv.field_size_limit(MAX_FIELD)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as exc:
        raise NotFormattable(f"CSV syntax error: {exc}") from None
    if not rows:
        raise NotFormattable("the file is empty")
    header = rows[0]
    # blank lines are not rows (the validator skips them too); a one-column table's empty cell is a row
    body = [r for r in rows[1:] if r and not (r == [""] and len(header) > 1)]
    if len(set(header)) != len(header) or "" in header:
        raise NotFormattable("the header has repeated or empty column names")
    if any(len(r) != len(header) for r in body):
        raise NotFormattable("some rows do not have one cell per column")
    known = [f["name"] for f in schema.get("fields", [])]
    order = [c for c in known if c in header] + [c for c in header if c not in known]
    index = [header.index(c) for c in order]
    pk = schema.get("primaryKey") or (["id"] if "id" in header else [])
    pk = [pk] if isinstance(pk, str) else pk
    key_index = [order.index(c) for c in pk if c in order]
    reordered = [[r[i] for i in index] for r in body]
    reordered = [r for _, r in sorted(((_sort_key(r, key_index, n), r) for n, r in enumerate(reordered)), key=lambda x: x[0])]
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(order)
    writer.writerows(reordered)
    return buf.getvalue().encode("utf-8")


@dataclass
class FileResult:
    path: str              # relative to the package root
    changed: bool = False
    problem: str = ""      # why the file was left as it is


def package_files(root: Path) -> list[tuple[str, dict | None]]:
    """(relative path, Table Schema or None for JSON) of every file kzdata formats."""
    from .package import DESCRIPTOR, _inside

    out: list[tuple[str, dict | None]] = [(DESCRIPTOR, None)]
    try:
        desc = json.loads((root / DESCRIPTOR).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return out
    for res in desc.get("resources", []) if isinstance(desc, dict) else []:
        if not isinstance(res, dict) or not isinstance(res.get("path"), str) or _inside(root, res["path"]) is None:
            continue
        schema = res.get("schema")
        if isinstance(schema, str) and _inside(root, schema) is not None:
            out.append((schema, None))
            try:
                schema = json.loads((root / schema).read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError):
                schema = None
        if isinstance(res.get("jsonSchema"), str) and _inside(root, res["jsonSchema"]) is not None:
            out.append((res["jsonSchema"], None))
        if res["path"].endswith(".csv"):
            out.append((res["path"], schema if isinstance(schema, dict) else {"fields": []}))
        elif res["path"].endswith(".json"):
            out.append((res["path"], None))
    seen, unique = set(), []
    for rel, schema in out:
        if rel not in seen:
            seen.add(rel)
            unique.append((rel, schema))
    return unique


def fmt(root: str | Path, check: bool = False) -> list[FileResult]:
    """Put every file of the package in canonical form (or, with check=True, only say which are not)."""
    from .export import write_atomic

    from .package import DESCRIPTOR
    from .release import has_integrity, with_integrity

    root = Path(root)
    results = []
    formatted: dict[str, bytes] = {}
    files = package_files(root)
    # the descriptor last: once released, it records the checksums of the (formatted) files
    files = [f for f in files if f[0] != DESCRIPTOR] + [f for f in files if f[0] == DESCRIPTOR]
    for rel, schema in files:
        path = root / rel
        result = FileResult(rel)
        try:
            data = path.read_bytes()
        except OSError as exc:
            result.problem = f"cannot read: {exc.strerror or exc}"
            results.append(result)
            continue
        try:
            wanted = format_json(data) if schema is None else format_csv(data, schema)
            if rel == DESCRIPTOR:
                desc = json.loads(wanted)
                if isinstance(desc, dict) and has_integrity(desc):
                    wanted = canonical_json(with_integrity(desc, formatted)).encode("utf-8")
        except NotFormattable as exc:
            result.problem = str(exc)
            results.append(result)
            continue
        formatted[rel] = wanted
        result.changed = wanted != data
        if result.changed and not check:
            write_atomic(path, wanted)
        results.append(result)
    return results
