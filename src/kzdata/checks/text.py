"""Honest, safe text (text) and no private data (privacy). One script per name, no invisible characters,
Unicode NFC, no stray spaces, nothing a spreadsheet would run as a formula, safe source addresses; no
identification numbers, phone numbers, e-mail or street addresses (kzdata.privacy).

Every string cell of every table is read; numbers, booleans and dates are typed columns, not text.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable, Iterator
from urllib.parse import parse_qsl, urlsplit

from ..context import Context
from ..findings import Finding, make
from ..schema import fields_of, kz_of

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Query parameters that only track the reader: a citation does not need them.
TRACKING = ("utm_", "fbclid", "gclid", "dclid", "msclkid", "yclid", "mc_cid", "mc_eid", "igshid", "_ga", "_gl", "ref_src")
# Kinds of cell whose content the schema already pins down to plain ASCII (ids, dates, durations).
STRUCTURED = {"id", "reference", "partial-date", "duration"}
INVISIBLE = ("Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp")
_ASCII_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")   # the invisible characters of ASCII (a newline is allowed)


def text_cells(ctx: Context) -> Iterator[tuple[str, str, dict, int, str, str]]:
    """(table, path, field, line, record id, value) for every non-empty string cell."""
    for name, table in ctx.pkg.tables.items():
        id_i = table.index.get("id")
        for field in fields_of(ctx.pkg.schemas[name]):
            if field.get("type", "string") != "string":
                continue
            i = table.index.get(field["name"])
            if i is None:
                continue
            for line, row in zip(table.lines, table.rows):
                value = row[i] if i < len(row) else ""
                if value:
                    yield name, table.path, field, line, (row[id_i] if id_i is not None and id_i < len(row) else ""), value


@lru_cache(maxsize=4096)
def _script(ch: str) -> str:
    if not ch.isalpha():
        return ""
    name = unicodedata.name(ch, "")
    return "Latin" if name.startswith("LATIN") else "Cyrillic" if name.startswith("CYRILLIC") else "other"


@lru_cache(maxsize=4096)
def _is_invisible(ch: str) -> bool:
    return ch != "\n" and unicodedata.category(ch) in INVISIBLE


def _describe(chars: Iterable[str]) -> str:
    seen = list(dict.fromkeys(chars))
    return ", ".join(f"'{c}' (U+{ord(c):04X} {unicodedata.name(c, 'unnamed')})" for c in seen[:5]) + (
        f" and {len(seen) - 5} more" if len(seen) > 5 else "")


def invisible(value: str) -> list[str]:
    """Control, format (zero-width, bidi), separator and private-use characters; a newline is allowed."""
    if value.isascii():
        return _ASCII_CONTROL.findall(value)
    return [c for c in value if _is_invisible(c)]


def script_problem(value: str, declared: str | None) -> str | None:
    """Why a value mixes scripts, or None. A declared script applies to every letter of the cell; otherwise
    each word must be written in one script."""
    if declared:
        other = "Cyrillic" if declared == "latin" else "Latin"
        if other == "Cyrillic" and value.isascii():
            return None
        wrong = [c for c in value if _script(c) == other]
        if wrong:
            return f"this {declared.capitalize()}-script field contains {other} letters: {_describe(wrong)}"
        return None
    if value.isascii():
        return None   # one script: Latin
    for word in value.split():
        scripts = {_script(c) for c in word} - {""}
        if {"Latin", "Cyrillic"} <= scripts:
            minority = min(("Latin", "Cyrillic"), key=lambda s: sum(_script(c) == s for c in word))
            return f"the word {word!r} mixes Latin and Cyrillic letters: {_describe(c for c in word if _script(c) == minority)}"
    return None


def check_text(ctx: Context) -> Iterable[Finding]:
    for name, table in ctx.pkg.tables.items():
        id_i = table.index.get("id")
        for field in fields_of(ctx.pkg.schemas[name]):
            if field.get("type", "string") != "string":
                continue
            i = table.index.get(field["name"])
            if i is None:
                continue
            kz = kz_of(field)
            uri, script = field.get("format") == "uri", kz.get("script")
            quick = not uri and script != "cyrillic"   # a clean ASCII cell of such a field has no finding
            for line, row in zip(table.lines, table.rows):
                value = row[i] if i < len(row) else ""
                if not value:
                    continue
                if (quick and value.isascii() and value[0] not in FORMULA_START and value[0] != " " and value[-1] != " "
                        and "  " not in value and not _ASCII_CONTROL.search(value) and value == value.strip()):
                    continue
                rid = row[id_i] if id_i is not None and id_i < len(row) else ""
                yield from _text_findings(name, table.path, field, line, rid, value)


def _text_findings(table: str, path: str, field: dict, line: int, rid: str, value: str) -> Iterable[Finding]:
    col = field["name"]
    kz = kz_of(field)
    where = dict(table=table, record=rid)
    bad = invisible(value)
    if bad:
        yield make("KZ121", path, line, col, f"{col} contains invisible or control characters: {_describe(bad)}", **where)
    if not value.isascii() and not unicodedata.is_normalized("NFC", value):
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


# --- privacy ---------------------------------------------------------------------------------------------

PRIVATE_CODES = {"iin": "KZ110", "phone": "KZ111", "email": "KZ112", "address": "KZ113"}


def mask(text: str) -> str:
    """Show the shape of a private value without repeating it (findings end up in public CI logs)."""
    keep = 2 if len(text) > 6 else 0
    return text[:keep] + "".join("#" if c.isalnum() else c for c in text[keep:len(text) - keep]) + text[len(text) - keep:]


def check_privacy(ctx: Context) -> Iterable[Finding]:
    """No identification numbers, phone numbers, e-mail addresses or street addresses in any text cell."""
    from ..privacy import find_private, may_hold_private

    for name, table in ctx.pkg.tables.items():
        id_i = table.index.get("id")
        for field in fields_of(ctx.pkg.schemas[name]):
            if field.get("type", "string") != "string" or kz_of(field).get("kind") in STRUCTURED:
                continue
            i = table.index.get(field["name"])
            if i is None:
                continue
            col, uri = field["name"], field.get("format") == "uri"
            for line, row in zip(table.lines, table.rows):
                value = row[i] if i < len(row) else ""
                if not value or (uri and "@" not in value and value.isascii()) or not may_hold_private(value):
                    continue   # in an address only an e-mail counts, and an ASCII text without '@' holds none
                for hit in find_private(value):
                    if uri and hit.kind != "email":
                        continue  # an address's digits are not a phone number
                    rid = row[id_i] if id_i is not None and id_i < len(row) else ""
                    yield make(PRIVATE_CODES[hit.kind], table.path, line, col, f"{col} contains {hit.message} ({mask(hit.text)})",
                               table=name, record=rid)


# --- screens ---------------------------------------------------------------------------------------------

_CYRILLIC = "А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі"
# Outside printable ASCII, newline and these Cyrillic letters lie every invisible, control or decomposed
# character, every other script, and every whitespace that str.strip() knows but a space is not.
_UNUSUAL = f"[^\\x20-\\x7e\\n{_CYRILLIC}]"
_ASCII_LETTER = "[A-Za-z]"
_CYR_LETTER = f"[{_CYRILLIC}]"
# An address that check_text cannot fault: http(s), a host of lower-case letters, digits, dots and hyphens
# (so no user name, password or port), a path, query and fragment of unreserved characters (so nothing
# that urlsplit reads differently, no space, no percent-encoding that could hide a tracking parameter), no
# tracking parameter, nothing outside ASCII (so no script, invisible-character or NFC problem).
_PLAIN_URL = "^https?://[a-z0-9.-]+(/[A-Za-z0-9._~/-]*)?([?][A-Za-z0-9._~=&-]*)?(#[A-Za-z0-9._~/-]*)?$"
_TRACKING = "(?i)" + "|".join(re.escape(t) for t in TRACKING)


def _text_cells_expr(s, script: str | None, structured: bool):
    m = (s.str.contains(_UNUSUAL) | s.str.contains(r"^[=+\-@ \n]") | s.str.contains(r"[ \n]$")
         | s.str.contains("  ", literal=True))
    if script == "latin":
        m = m | s.str.contains(_CYR_LETTER)
    elif script == "cyrillic":
        m = m | s.str.contains(_ASCII_LETTER)
    elif not structured:
        m = m | (s.str.contains(_CYR_LETTER) & s.str.contains(_ASCII_LETTER))
    return m.fill_null(True)


class _TextScreen:
    """Cells that may break a text rule: a wide regular expression per column first, then a closer look
    at the cells it selects; every address except the plainest."""

    def __init__(self, schema: dict):
        import polars as pl

        self.near = []   # (column, expr, script, structured, uri)
        for f in fields_of(schema):
            if f.get("type", "string") != "string":
                continue
            col = pl.col(f["name"])
            kz = kz_of(f)
            structured = kz.get("kind") in STRUCTURED
            script = kz.get("script")
            if f.get("format") == "uri":
                plain = col.str.contains(_PLAIN_URL) & ~col.str.contains(_TRACKING) if script != "cyrillic" else pl.lit(False)
                self.near.append((f["name"], (col != "") & ~plain, script, structured, True))
            else:
                wide = [_UNUSUAL, r"^[=+\-@ \n]", r"[ \n]$", "  "]
                if script == "cyrillic":
                    wide.append(_ASCII_LETTER)
                elif script == "latin" or not structured:
                    wide.append(_CYR_LETTER)
                self.near.append((f["name"], col.str.contains("|".join(wide)), script, structured, False))

    def exprs(self):
        return [e.fill_null(True).alias(f"__text{i}") for i, (_, e, _, _, _) in enumerate(self.near)]

    def rows(self, d, first: int):
        import polars as pl

        found = []
        for i, (col, _, script, structured, uri) in enumerate(self.near):
            near = d.get_column(f"__text{i}").arg_true()
            if uri:
                found.append(near)
            elif len(near):
                found.append(near.filter(_text_cells_expr(d.get_column(col).gather(near), script, structured)))
        return pl.concat([x.cast(pl.Int64) for x in found]).unique().sort() if found else pl.Series([], dtype=pl.Int64)

    def later(self):
        import polars as pl

        return pl.Series([], dtype=pl.Int64)


def screen_text(env, table: str):
    return _TextScreen(env.schemas[table])


def _private_screen() -> str:
    """kzdata.privacy.may_hold_private as one regular expression (for polars). may_hold_private judges the
    normalised text: an '@', 8 digits, or a digit and a street word in either order. On the text as written
    that is: the same, or a character outside PLAIN_CHARS (which normalisation may turn into a digit or an
    '@': full-width forms, other Unicode digits, superscripts...). A cell with a digit and an unusual
    character goes to the decider too: normalisation may make a street word of it (a full-width letter, a
    dash read as a hyphen), and case folding of unusual letters could differ between regular-expression
    engines."""
    from ..privacy import PLAIN_CHARS, STREET_WORDS

    return (f"(?s)@|[^{PLAIN_CHARS}]|[0-9](?:[^0-9]*[0-9]){{7}}|(?i:[0-9].*(?:{STREET_WORDS})|(?:{STREET_WORDS}).*[0-9])"
            f"|[0-9].*{_UNUSUAL}|{_UNUSUAL}.*[0-9]")


def screen_privacy(env, table: str):
    import polars as pl

    from .screening import Flags

    flags = Flags("privacy")
    for f in fields_of(env.schemas[table]):
        if f.get("type", "string") == "string" and kz_of(f).get("kind") not in STRUCTURED:
            flags.conditions.append(pl.col(f["name"]).str.contains(_private_screen()))
    return flags
