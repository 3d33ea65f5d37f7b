"""Check 9: honest, safe text. One script per name, no invisible characters, Unicode NFC, no stray spaces,
nothing a spreadsheet would run as a formula, safe source addresses, and no private data.

Every string cell of every table is read; numbers, booleans and dates are typed columns, not text.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from itertools import accumulate, chain
from typing import Iterable, Iterator
from urllib.parse import parse_qsl, urlsplit

from ..context import Context
from ..findings import Finding, make

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Query parameters that only track the reader: a citation does not need them.
TRACKING = ("utm_", "fbclid", "gclid", "dclid", "msclkid", "yclid", "mc_cid", "mc_eid", "igshid", "_ga", "_gl", "ref_src")
# Kinds of cell whose content the schema already pins down to plain ASCII (ids, dates, durations).
STRUCTURED = {"id", "reference", "partial-date", "duration"}


def _text_cells(ctx: Context) -> Iterator[tuple[str, str, dict, int, str, str]]:
    """(table, path, field, line, record id, value) for every non-empty string cell (the reference order)."""
    for name, path, field, values, cell in _columns(ctx):
        for j, value in enumerate(values):
            if value:
                line, rid, _ = cell(j)
                yield name, path, field, line, rid, value


def _script(ch: str) -> str:
    if not ch.isalpha():
        return ""
    name = unicodedata.name(ch, "")
    return "Latin" if name.startswith("LATIN") else "Cyrillic" if name.startswith("CYRILLIC") else "other"


def _describe(chars: Iterable[str]) -> str:
    seen = list(dict.fromkeys(chars))
    return ", ".join(f"'{c}' (U+{ord(c):04X} {unicodedata.name(c, 'unnamed')})" for c in seen[:5]) + (
        f" and {len(seen) - 5} more" if len(seen) > 5 else "")


def _invisible(value: str) -> list[str]:
    """Control, format (zero-width, bidi), separator and private-use characters; a newline is allowed."""
    return [c for c in value if c != "\n" and unicodedata.category(c) in ("Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp")]


def script_problem(value: str, declared: str | None) -> str | None:
    """Why a value mixes scripts, or None. A declared script applies to every letter of the cell; otherwise
    each word must be written in one script."""
    if declared:
        other = "Cyrillic" if declared == "latin" else "Latin"
        wrong = [c for c in value if _script(c) == other]
        if wrong:
            return f"this {declared.capitalize()}-script field contains {other} letters: {_describe(wrong)}"
        return None
    for word in value.split():
        scripts = {_script(c) for c in word} - {""}
        if {"Latin", "Cyrillic"} <= scripts:
            minority = min(("Latin", "Cyrillic"), key=lambda s: sum(_script(c) == s for c in word))
            return f"the word {word!r} mixes Latin and Cyrillic letters: {_describe(c for c in word if _script(c) == minority)}"
    return None


def check_text_reference(ctx: Context) -> Iterable[Finding]:
    """The straightforward implementation: every rule on every cell (tests compare the fast path with it)."""
    for table, path, field, line, rid, value in _text_cells(ctx):
        yield from _text_findings(table, path, field, line, rid, value)


def _text_findings(table: str, path: str, field: dict, line: int, rid: str, value: str) -> Iterable[Finding]:
    col = field["name"]
    kz = field.get("kzdata", {}) or {}
    where = dict(table=table, record=rid)
    bad = _invisible(value)
    if bad:
        yield make("KZ121", path, line, col, f"{col} contains invisible or control characters: {_describe(bad)}", **where)
    if not unicodedata.is_normalized("NFC", value):
        yield make("KZ122", path, line, col, f"{col} is not in Unicode NFC (composed) form", **where)
    if kz.get("kind") not in STRUCTURED:
        items = value.split(";") if kz.get("kind") == "list" else [value]
        for item in items:
            problem = script_problem(item, kz.get("script"))
            if problem:
                yield make("KZ120", path, line, col, f"{col}: {problem}", **where)
                break
    if value.startswith(FORMULA_START):
        yield make("KZ124", path, line, col, f"{col} starts with {value[0]!r}, which spreadsheets run as a formula", **where)
    if value != value.strip() or "  " in value:
        what = "leading or trailing spaces" if value != value.strip() else "a double space"
        yield make("KZ123", path, line, col, f"{col} has {what}", **where)
    if field.get("format") == "uri":
        yield from _check_url(path, line, col, value, where)


PRIVATE_CODES = {"iin": "KZ110", "phone": "KZ111", "email": "KZ112", "address": "KZ113"}


def mask(text: str) -> str:
    """Show the shape of a private value without repeating it (findings end up in public CI logs)."""
    keep = 2 if len(text) > 6 else 0
    return text[:keep] + "".join("#" if c.isalnum() else c for c in text[keep:len(text) - keep]) + text[len(text) - keep:]


def check_privacy_reference(ctx: Context) -> Iterable[Finding]:
    """The straightforward implementation: the detectors on every cell (tests compare the fast path with it)."""
    for table, path, field, line, rid, value in _text_cells(ctx):
        yield from _privacy_findings(table, path, field, line, rid, value)


def _privacy_findings(table: str, path: str, field: dict, line: int, rid: str, value: str) -> Iterable[Finding]:
    from ..privacy import find_private

    kind = (field.get("kzdata") or {}).get("kind")
    if kind in STRUCTURED:
        return
    for hit in find_private(value):
        if field.get("format") == "uri" and hit.kind != "email":
            continue  # an address's digits are not a phone number
        col = field["name"]
        yield make(PRIVATE_CODES[hit.kind], path, line, col, f"{col} contains {hit.message} ({mask(hit.text)})",
                   table=table, record=rid)


def _check_url(path: str, line: int, col: str, value: str, where: dict) -> Iterable[Finding]:
    try:
        parts = urlsplit(value)
        port = parts.port  # raises ValueError on a malformed port
    except ValueError as exc:
        yield make("KZ125", path, line, col, f"{col} is not a valid address: {exc}", **where)
        return
    if parts.scheme not in ("http", "https") or not parts.hostname or any(c.isspace() for c in value):
        yield make("KZ125", path, line, col, f"{col} {value[:80]!r} is not an http(s) address", **where)
        return
    if parts.username is not None or parts.password is not None:
        yield make("KZ125", path, line, col, f"{col} contains a user name or password before the host", **where)
        return
    del port
    tracking = [k for k, _ in parse_qsl(parts.query, keep_blank_values=True) if k.lower().startswith(TRACKING)]
    if tracking:
        yield make("KZ126", path, line, col, f"{col} carries tracking parameters: {', '.join(tracking)}", **where)


# --- the fast path --------------------------------------------------------------------------------------
# Each column is joined into one string and screened with a few regular expressions (C speed); only the
# cells the screen selects go through the per-cell rules above, so the findings are those of the reference
# implementation by construction, provided the screen selects a superset of the cells with findings.
# tests/test_fast_path.py checks that on generated packages with planted problems.

SEP = "\n\x00\n"   # ends a URL (whitespace), is no letter, digit or separator of numbers, and stops
                     # "followed by a word" lookaheads the way the end of a string does
def _columns(ctx: Context):
    """(table, path, field, values, cell) per string column; `cell(i)` gives (line, id, value) of row i."""
    for name, table in ctx.pkg.tables.items():
        id_i = table.index.get("id")
        rows, lines = table.rows, table.lines
        for field in ctx.pkg.schemas[name]["fields"]:
            if field.get("type", "string") != "string":
                continue
            i = table.index.get(field["name"])
            if i is None:
                continue
            try:
                values = [row[i] for row in rows]
            except IndexError:  # a ragged row (reported by the structure check): read cell by cell
                values = [row[i] if i < len(row) else "" for row in rows]

            def cell(j, rows=rows, lines=lines, id_i=id_i, i=i):
                row = rows[j]
                return lines[j], (row[id_i] if id_i is not None and id_i < len(row) else ""), (row[i] if i < len(row) else "")

            if any(values):
                yield name, table.path, field, values, cell


def _screen(values: list[str], pattern) -> set[int]:
    """Indexes of the cells that a match of `pattern` in the joined column touches."""
    joined = SEP.join(values)
    matches = pattern.finditer(joined) if hasattr(pattern, "finditer") else pattern(joined)
    first = next(matches, None)
    if first is None:
        return set()
    starts = list(accumulate((len(v) + len(SEP) for v in values), initial=0))
    hit = set()
    for m in chain([first], matches):
        a, b = (m.start(), m.end()) if hasattr(m, "start") else m
        lo = max(0, bisect_right(starts, a) - 1)
        hi = max(0, bisect_right(starts, max(a, b - 1)) - 1)
        hit.update(range(lo, hi + 1))
    return hit


_CONTROL = re.compile(r"[\x01-\x08\x0b-\x1f\x7f\t]")   # ASCII control characters (a newline is allowed)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")                # scripts, invisible characters and NFC live here
_EDGE = frozenset("=+-@\t\r") | frozenset(" \n\x0b\x0c\x1c\x1d\x1e\x1f")


def _screen_text(values: list[str]) -> set[int]:
    """Cells that may break a text rule: the reference rules run on these only."""
    chosen = {j for j, v in enumerate(values) if v and (v[0] in _EDGE or v[-1].isspace() or v[0].isspace())}
    joined = SEP.join(values)
    if "  " in joined:
        chosen |= {j for j, v in enumerate(values) if "  " in v}
    patterns = [_CONTROL] if joined.isascii() else [_CONTROL, _NON_ASCII]
    for pattern in patterns:
        if pattern.search(joined):
            chosen |= _screen(values, pattern)
    return chosen


def check_text(ctx: Context) -> Iterable[Finding]:
    for table, path, field, values, cell in _columns(ctx):
        kz = field.get("kzdata") or {}
        if kz.get("script") == "cyrillic" or field.get("format") == "uri":
            chosen = range(len(values))       # every cell: Latin letters or an address are the rule here
        else:
            chosen = sorted(_screen_text(values))
        for i in chosen:
            line, rid, value = cell(i)
            if value:
                yield from _text_findings(table, path, field, line, rid, value)


def check_privacy(ctx: Context) -> Iterable[Finding]:
    """No identification numbers, phone numbers, e-mail addresses or street addresses in any text cell."""
    from ..privacy import _url_spans, find_private

    def spans(joined: str):
        for h in find_private(joined):
            yield h.start, h.start + len(h.text)
        for a, b in _url_spans(joined):     # a URL hides what is inside it: recheck the cells it covers
            yield a, b

    for table, path, field, values, cell in _columns(ctx):
        if (field.get("kzdata") or {}).get("kind") in STRUCTURED:
            continue
        for i in sorted(_screen(values, spans)):
            line, rid, value = cell(i)
            if value:
                yield from _privacy_findings(table, path, field, line, rid, value)
