"""Header and cell checks driven by the Table Schemas (types, required, enums, patterns, ranges)."""
from __future__ import annotations

import re
from typing import Iterable

from .context import Context
from .dates import parse_duration, parse_partial
from .findings import Finding, make

_INT = re.compile(r"^[+-]?[0-9]+$")
_NUM = re.compile(r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _show(value: str, limit: int = 60) -> str:
    return repr(value if len(value) <= limit else value[:limit] + "…")


def check_headers(ctx: Context) -> Iterable[Finding]:
    for name, table in ctx.pkg.tables.items():
        schema = ctx.pkg.schemas[name]
        expected = [f["name"] for f in schema["fields"]]
        path = table.path
        if not table.header:
            continue  # an empty or unreadable file is already reported
        counts: dict[str, int] = {}
        for col in table.header:
            counts[col] = counts.get(col, 0) + 1
        for col, n in counts.items():
            if n > 1:
                yield make("KZ012", path, 1, col, f"column {col!r} appears {n} times in the header", "Keep one column of each name.", table=name)
        for col in expected:
            if col not in counts:
                yield make("KZ011", path, 1, col, f"column {col!r} is missing from the header of {path}", table=name)
        for col in counts:
            if col == "":
                yield make("KZ012", path, 1, "", f"the header of {path} has a column with an empty name",
                           "Name every column as the schema does, or remove the empty one (check for a trailing comma).", table=name)
            elif col not in expected:
                yield make("KZ012", path, 1, col, f"column {col!r} is not in the schema of {name}", table=name)
        present = [c for c in table.header if c in expected]
        if present != [c for c in expected if c in counts] and len(set(present)) == len(present):
            yield make("KZ013", path, 1, "", f"columns of {path} are not in schema order: expected {', '.join(expected)}", table=name)
        width = len(table.header)
        for line, row in zip(table.lines, table.rows):
            if len(row) != width:
                rid = row[table.index["id"]] if "id" in table.index and table.index["id"] < len(row) else ""
                yield make("KZ014", path, line, "", f"row has {len(row)} cells but the header has {width}", table=name, record=rid)


def _field_checker(field: dict):
    """Return a function value -> list of (code, message) for a non-empty cell."""
    ftype = field.get("type", "string")
    c = field.get("constraints", {}) or {}
    kz = field.get("kzdata", {}) or {}
    kind = kz.get("kind")
    enum = c.get("enum")
    use_pattern = isinstance(c.get("pattern"), str) and not (kind == "list" and "enum" in kz)
    pattern = re.compile(c["pattern"]) if use_pattern else None  # re.error is reported by the caller
    item_enum = set(kz.get("enum", [])) if kind == "list" and "enum" in kz else None
    true_values = field.get("trueValues", ["true"])
    false_values = field.get("falseValues", ["false"])
    minimum, maximum, max_length = c.get("minimum"), c.get("maximum"), c.get("maxLength")

    def check(value: str) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        number = None
        if ftype == "integer":
            if not _INT.match(value):
                return [("KZ102", f"{_show(value)} is not an integer")]
            number = int(value)
        elif ftype == "number":
            if not _NUM.match(value):
                return [("KZ102", f"{_show(value)} is not a number")]
            number = float(value)
        elif ftype == "boolean":
            if value not in true_values and value not in false_values:
                return [("KZ102", f"{_show(value)} is not a boolean: write {' or '.join(true_values + false_values)}")]
        elif ftype == "date":
            if not _DATE.match(value) or parse_partial(value) is None:
                return [("KZ102", f"{_show(value)} is not a date in the form YYYY-MM-DD")]
        if enum is not None and value not in enum:
            out.append(("KZ103", f"{_show(value)} is not one of: {', '.join(map(str, enum))}"))
        if item_enum is not None:
            items = value.split(";")
            if any(i == "" for i in items):
                out.append(("KZ104", f"{_show(value)} has an empty item: separate items with a single ';' and no spaces"))
            bad = [i for i in items if i and i not in item_enum]
            for i in bad:
                if i.strip() in item_enum:
                    out.append(("KZ104", f"{_show(i)} has a space around it: separate items with ';' and no spaces"))
                else:
                    out.append(("KZ103", f"{_show(i)} is not one of: {', '.join(sorted(item_enum))}"))
        if pattern is not None and not pattern.fullmatch(value):
            if kind == "partial-date":
                out.append(("KZ106", f"{_show(value)} is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD"))
            elif kind == "duration":
                out.append(("KZ107", f"{_show(value)} is not an ISO 8601 duration such as P7Y, P1Y4M or P6M"))
            else:
                out.append(("KZ104", f"{_show(value)} does not match the pattern {c['pattern']}"))
        elif kind == "partial-date" and parse_partial(value) is None:
            out.append(("KZ106", f"{_show(value)} is not a real calendar date"))
        elif kind == "duration" and parse_duration(value) is None:
            out.append(("KZ107", f"{_show(value)} is not a valid ISO 8601 duration"))
        if number is not None:
            if minimum is not None and number < minimum:
                out.append(("KZ105", f"{value} is below the minimum {minimum}"))
            if maximum is not None and number > maximum:
                out.append(("KZ105", f"{value} is above the maximum {maximum}"))
        if max_length is not None and len(value) > max_length:
            out.append(("KZ105", f"the value is {len(value)} characters long, over the limit of {max_length}"))
        return out

    return check


def check_values_reference(ctx: Context) -> Iterable[Finding]:
    """Every cell checked on its own, no memo (tests compare the fast path with it)."""
    return check_values(ctx, memoize=False)


def check_values(ctx: Context, memoize: bool = True) -> Iterable[Finding]:
    for name, table in ctx.pkg.tables.items():
        schema = ctx.pkg.schemas[name]
        id_i = table.index.get("id")
        for field in schema["fields"]:
            col = field["name"]
            i = table.index.get(col)
            if i is None:
                continue
            required = bool((field.get("constraints") or {}).get("required"))
            try:
                check = _field_checker(field)
            except re.error as exc:
                yield make("KZ005", table.path, 0, col, f"the schema's pattern for {col} is not a valid regular expression: {exc}", table=name)
                continue
            memo: dict[str, list] = {}  # values repeat (statuses, dates, source ids): check each once
            for line, row in zip(table.lines, table.rows):
                value = row[i] if i < len(row) else ""
                if value == "":
                    if required:
                        rid = row[id_i] if id_i is not None and id_i < len(row) else ""
                        yield make("KZ101", table.path, line, col, f"{col} is required but empty", table=name, record=rid)
                    continue
                problems = memo.get(value)
                if problems is None:
                    problems = check(value)
                    if memoize and len(memo) < 200_000:  # bounded: unique values (ids, notes) do not fill memory
                        memo[value] = problems
                if not problems:
                    continue
                rid = row[id_i] if id_i is not None and id_i < len(row) else ""
                for code, message in problems:
                    yield make(code, table.path, line, col, f"{col}: {message}", table=name, record=rid)
