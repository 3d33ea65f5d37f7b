"""Cell values against the Table Schemas: required, types, enums (also per list item), patterns, ranges,
impossible dates, malformed durations."""
from __future__ import annotations

import re
from typing import Iterable

from ..context import Context
from ..dates import duration_too_long, parse_duration, parse_partial
from ..findings import Finding, make
from ..patterns import PatternError, compile_pattern
from ..schema import fields_of, kz_of, usable_constraints

_INT = re.compile(r"^[+-]?[0-9]+\Z")
_NUM = re.compile(r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?\Z")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
MAX_INT_DIGITS = 18   # the most digits of an integer a column can hold (a 64-bit integer has 19)


def _show(value: str, limit: int = 60) -> str:
    return repr(value if len(value) <= limit else value[:limit] + "…")


def _close(value: str, allowed) -> str:
    from ..suggestions import nearest

    return nearest(value.strip().lower().replace(" ", "_").replace("-", "_"), sorted(map(str, allowed)), cutoff=0.6)


def _pattern_problem(value: str, pattern: str, kind: str | None, name: str) -> tuple[str, str, str]:
    """KZ104 in words, with what to write instead where it is clear."""
    from ..suggestions import article_part, describe_lookalikes, list_items, pattern_words

    if name == "article" and (ap := article_part(value)):
        return ("KZ104", f"{_show(value)} is not written as {pattern_words(pattern)}: the part goes in its own column",
                f"article {ap[0]}, part {ap[1]}: write {ap[0]} in the article column and {ap[1]} in the part column")
    words, fixed = describe_lookalikes(value)
    if words and fixed.isascii():
        return ("KZ104", f"{_show(value)} has letters from another script that look like Latin ones: {words}",
                fixed if compile_pattern(pattern).fullmatch(fixed) else "")
    suggestion = ""
    matches = compile_pattern(pattern).fullmatch
    if kind == "list" and ";" in value and matches(list_items(value)):
        suggestion = list_items(value)
    elif matches(value.strip().lower().replace(" ", "-")):
        suggestion = value.strip().lower().replace(" ", "-")
    return ("KZ104", f"{_show(value)} is not written as {pattern_words(pattern)}", suggestion)


def field_checker(field: dict):
    """A function value -> list of (code, message, suggestion) for a non-empty cell of this field; raises
    PatternError when the schema's pattern cannot be run in linear time (the loader reports that, KZ005)."""
    ftype = field.get("type", "string")
    c = usable_constraints(field)   # a constraint of the wrong type is reported by the loader (KZ005) and not applied
    kz = kz_of(field)
    kind = kz.get("kind")
    enum = c.get("enum")
    use_pattern = "pattern" in c and not (kind == "list" and "enum" in kz)
    pattern = compile_pattern(c["pattern"]) if use_pattern else None   # RE2: linear time, whatever the pattern
    item_enum = set(map(str, kz["enum"])) if kind == "list" and isinstance(kz.get("enum"), list) else None
    true_values = [str(v) for v in field["trueValues"]] if isinstance(field.get("trueValues"), list) else ["true"]
    false_values = [str(v) for v in field["falseValues"]] if isinstance(field.get("falseValues"), list) else ["false"]
    minimum, maximum, max_length = c.get("minimum"), c.get("maximum"), c.get("maxLength")

    def check(value: str) -> list[tuple[str, str, str]]:
        from ..suggestions import date_suggestion, list_items

        out: list[tuple[str, str, str]] = []
        number = None
        if ftype == "integer":
            if not _INT.match(value):
                return [("KZ102", f"{_show(value)} is not an integer", "")]
            digits = len(value.lstrip("+-").lstrip("0"))
            if digits > MAX_INT_DIGITS:   # no column holds such a number, and converting it would cost time
                return [("KZ105", f"{_show(value, 20)} has {digits} digits, more than any value of this column can have", "")]
            number = int(value)
        elif ftype == "number":
            if not _NUM.match(value):
                comma = value.replace(",", ".", 1) if _NUM.match(value.replace(",", ".", 1)) else ""
                return [("KZ102", f"{_show(value)} is not a number" + (" (write the decimal point as '.')" if comma else ""), comma)]
            number = float(value) if len(value) <= MAX_INT_DIGITS + 10 else float("inf")
            if number in (float("inf"), float("-inf")):
                return [("KZ105", f"{_show(value, 20)} is too large a number for this column", "")]
        elif ftype == "boolean":
            if value not in true_values and value not in false_values:
                lower = value.strip().lower()
                guess = lower if lower in true_values + false_values else ""
                return [("KZ102", f"{_show(value)} is not a boolean: write {' or '.join(true_values + false_values)}", guess)]
        elif ftype == "date":
            if not _DATE.match(value) or parse_partial(value) is None:
                return [("KZ102", f"{_show(value)} is not a date in the form YYYY-MM-DD", date_suggestion(value))]
        if enum is not None and value not in enum:
            out.append(("KZ103", f"{_show(value)} is not one of: {', '.join(map(str, enum))}", _close(value, enum)))
        if item_enum is not None:
            items = value.split(";")
            if any(i == "" for i in items):
                out.append(("KZ104", f"{_show(value)} has an empty item: separate items with a single ';' and no spaces",
                            list_items(value)))
            bad = [i for i in items if i and i not in item_enum]
            for i in bad:
                if i.strip() in item_enum:
                    out.append(("KZ104", f"{_show(i)} has a space around it: separate items with ';' and no spaces", list_items(value)))
                else:
                    out.append(("KZ103", f"{_show(i)} is not one of: {', '.join(sorted(item_enum))}", _close(i, item_enum)))
        if pattern is not None and not pattern.fullmatch(value):
            if kind == "partial-date":
                out.append(("KZ106", f"{_show(value)} is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD", date_suggestion(value)))
            elif kind == "duration":
                out.append(("KZ107", f"{_show(value)} is not an ISO 8601 duration such as P7Y, P1Y4M or P6M", ""))
            else:
                out.append(_pattern_problem(value, c["pattern"], kind, field.get("name", "")))
        elif kind == "partial-date" and parse_partial(value) is None:
            out.append(("KZ106", f"{_show(value)} is not a real calendar date", ""))
        elif kind == "duration" and parse_duration(value) is None:
            if duration_too_long(value):
                out.append(("KZ107", f"{_show(value, 30)} has more digits than any term can: at most 9999 years, months or weeks, "
                                     "99999 days", ""))
            else:
                out.append(("KZ107", f"{_show(value)} is not a valid ISO 8601 duration", ""))
        if number is not None:
            if minimum is not None and number < minimum:
                out.append(("KZ105", f"{_show(value, 20)} is below the minimum {minimum}", ""))
            if maximum is not None and number > maximum:
                out.append(("KZ105", f"{_show(value, 20)} is above the maximum {maximum}", ""))
        if max_length is not None and len(value) > max_length:
            out.append(("KZ105", f"the value is {len(value)} characters long, over the limit of {max_length}", ""))
        return out

    return check


def check_values(ctx: Context) -> Iterable[Finding]:
    for name, table in ctx.pkg.tables.items():
        id_i = table.index.get("id")
        for field in fields_of(ctx.pkg.schemas[name]):
            col = field["name"]
            i = table.index.get(col)
            if i is None:
                continue
            required = bool(usable_constraints(field).get("required"))
            try:
                check = field_checker(field)
            except PatternError:
                continue  # the loader reports the pattern (KZ005)
            for line, row in zip(table.lines, table.rows):
                value = row[i] if i < len(row) else ""
                if value == "":
                    if required:
                        rid = row[id_i] if id_i is not None and id_i < len(row) else ""
                        yield make("KZ101", table.path, line, col, f"{col} is required but empty", table=name, record=rid)
                    continue
                problems = check(value)
                if not problems:
                    continue
                rid = row[id_i] if id_i is not None and id_i < len(row) else ""
                for code, message, suggestion in problems:
                    yield make(code, table.path, line, col, f"{col}: {message}", table=name, record=rid, suggestion=suggestion)


# --- screen -------------------------------------------------------------------------------------------------

# A pattern is handed to polars (Rust regex, linear time like RE2) only when it uses nothing whose meaning differs
# from RE2's: no backslash classes (\s, \w, \d are Unicode in Rust, ASCII in RE2), no flags.
_PORTABLE = re.compile(r"^[A-Za-z0-9^$()\[\]{}?*+|,;:_/.= -]*$")


def screen_values(env, table: str):
    """Rows with a cell the decider may reject: a required cell empty, or a cell outside what a vectorised
    test proves acceptable; for the fields no vectorised test can cover, the cells whose distinct value the
    decider's own field_checker rejects."""
    import polars as pl

    from .screening import Flags

    flags = Flags("values")
    for f in fields_of(env.schemas[table]):
        col = pl.col(f["name"])
        if usable_constraints(f).get("required"):
            flags.conditions.append(col == "")
        ok = _vector_ok(f)
        if ok is None:
            flags.extra.append(lambda d, first, f=f: _rejected(d.get_column(f["name"]), f))
        else:
            flags.conditions.append((col != "") & ~ok)
    return flags


def _rejected(column, f: dict):
    """Positions of the cells whose value field_checker rejects (checked once per distinct value)."""
    import polars as pl

    try:
        check = field_checker(f)
    except PatternError:
        return pl.Series([], dtype=pl.Int64)
    values = column.filter(column != "").unique()
    bad = pl.Series([v for v in values.to_list() if check(v)], dtype=pl.String)
    return column.is_in(bad.implode()).arg_true() if len(bad) else pl.Series([], dtype=pl.Int64)


def _vector_ok(f: dict):
    """An expression true only for cells the decider accepts, or None when it cannot be written safely."""
    import polars as pl

    from .screening import date_start

    ftype = f.get("type", "string")
    c = usable_constraints(f)      # the constraints the decider applies, no others
    kz = kz_of(f)
    kind = kz.get("kind")
    s = pl.col(f["name"])
    parts = []
    if kind not in (None, "id", "reference", "partial-date") and not (kind == "list" and "enum" not in kz):
        return None
    enum = c.get("enum")
    if enum is not None:
        if not all(isinstance(e, str) for e in enum):
            return None
        parts.append(s.is_in(pl.Series(enum, dtype=pl.String).implode()))
    pattern = c.get("pattern")
    if pattern is not None:
        if not _PORTABLE.match(pattern):
            return None
        try:
            compile_pattern(pattern)
        except PatternError:
            return None
        parts.append(s.str.contains(f"^(?:{pattern})$"))
    if kind == "partial-date":
        parts.append(date_start(f["name"]).is_not_null())
    if ftype == "string":
        pass
    elif ftype == "integer":
        parts.append(s.str.contains(r"^[0-9]{1,9}$"))
        parts += _bounds(s.cast(pl.Int64, strict=False), c)
    elif ftype == "number":
        parts.append(s.str.contains(r"^[0-9]{1,12}(\.[0-9]{1,6})?$"))
        parts += _bounds(s.cast(pl.Float64, strict=False), c)
    elif ftype == "boolean":
        values = list(f.get("trueValues", ["true"])) + list(f.get("falseValues", ["false"]))
        parts.append(s.is_in(pl.Series([str(v) for v in values], dtype=pl.String).implode()))
    elif ftype == "date":
        parts.append(s.str.contains(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$") & date_start(f["name"]).is_not_null())
    else:
        return None
    if "maxLength" in c:
        parts.append(s.str.len_chars() <= c["maxLength"])
    return pl.all_horizontal(parts) if parts else pl.lit(True)


def _bounds(num, c: dict) -> list:
    out = []
    if "minimum" in c:
        out.append(num >= c["minimum"])
    if "maximum" in c:
        out.append(num <= c["maximum"])
    return out
