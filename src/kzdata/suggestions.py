"""What a finding suggests writing instead, in the forms contributors type: the nearest existing id for a
misspelt reference, the ISO form of a date written dd.mm.yyyy, "article 174, part 1" for 174.1, a list
without spaces, the Latin letter a Cyrillic look-alike stands for, and patterns described in words."""
from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata

# Cyrillic letters that look like Latin ones (and a few Greek), the ones found pasted into ids and names.
LOOKALIKES = {"а": "a", "в": "b", "е": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c", "т": "t", "у": "y",
              "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w", "А": "A", "В": "B", "Е": "E", "К": "K",
              "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T", "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S", "ο": "o",
              "α": "a", "ε": "e"}

# The schemas' patterns in words (a pattern not listed here is shown as itself).
PATTERN_WORDS = {
    "^[a-z0-9]+(-[a-z0-9]+)*$": "lower-case Latin letters (a-z), digits and single hyphens, like testova-aigerim",
    "^[a-z0-9]+(-[a-z0-9]+)*(;[a-z0-9]+(-[a-z0-9]+)*)*$":
        "ids (lower-case Latin letters, digits, single hyphens) separated by ';' without spaces, like src-a;src-b",
    "^[1-9][0-9]{0,2}(-[1-9][0-9]?)?$": "a number such as 405, or an inserted number such as 380-1",
    "^[1-9][0-9]?(-[1-9][0-9]?)?$": "a number such as 2, or an inserted number such as 1-1",
    "^[A-Z]{3}$": "a currency code of three capital letters, such as KZT",
    "^[a-z]{2}$": "a language code of two lower-case letters, such as en, ru or kk",
    "^https?://\\S+$": "an address starting with http:// or https://, without spaces",
    "^KZ[0-9]{3}$": "a finding code such as KZ702",
    "^[a-z][a-z_]*$": "a column name such as verdict_date",
}

_DMY = re.compile(r"^\s*([0-9]{1,2})[./]([0-9]{1,2})[./]([0-9]{4})\s*(?:г\.?|года?)?\s*$")
_MY = re.compile(r"^\s*([0-9]{1,2})[./]([0-9]{4})\s*$")
_ARTICLE = re.compile(r"^\s*(?:ст(?:атья|\.)?|art(?:icle|\.)?)?\s*([1-9][0-9]{0,2}(?:-[1-9][0-9]?)?)\s*"
                      r"(?:\.|,|\s)\s*(?:ч(?:асть|\.)?|part|p\.)?\s*\(?([1-9][0-9]?(?:-[1-9][0-9]?)?)\)?\s*$", re.I)
_ARTICLE_PAREN = re.compile(r"^\s*([1-9][0-9]{0,2}(?:-[1-9][0-9]?)?)\s*\(([1-9][0-9]?)\)\s*$")


def pattern_words(pattern: str) -> str:
    return PATTERN_WORDS.get(pattern, f"the form the schema's pattern {pattern} describes")


def nearest(value: str, candidates, cutoff: float = 0.75) -> str:
    """The existing id closest to a misspelt one ('' when none is close)."""
    pool = candidates if isinstance(candidates, list) else list(candidates)
    match = difflib.get_close_matches(value, pool, n=1, cutoff=cutoff)
    return match[0] if match else ""


def iso_date(value: str) -> str:
    """The ISO form of a date written dd.mm.yyyy (or mm.yyyy), when it is a real date; '' otherwise."""
    m = _DMY.match(value)
    if m:
        try:
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
        except ValueError:
            return ""
    m = _MY.match(value)
    if m and 1 <= int(m.group(1)) <= 12:
        return f"{m.group(2)}-{int(m.group(1)):02d}"
    return ""


def date_suggestion(value: str) -> str:
    iso = iso_date(value)
    if not iso:
        return ""
    if len(iso) == 10 and iso.endswith("-01"):
        return f"{iso}, or {iso[:7]} if the source gives only the month (a spreadsheet turns {iso[:7]} into its first day)"
    return iso


def article_part(value: str) -> tuple[str, str] | None:
    """(article, part) for an article written with its part, as journalists write it: 174.1, 174 part 1, ст. 174 ч. 1."""
    m = _ARTICLE_PAREN.match(value) or _ARTICLE.match(value)
    return (m.group(1), m.group(2)) if m else None


def list_items(value: str) -> str:
    """A list cell without spaces around ';' and without empty items."""
    return ";".join(x.strip() for x in value.split(";") if x.strip())


def lookalikes(value: str) -> list[tuple[int, str, str]]:
    """(position, character, the ASCII letter it looks like) for every look-alike in a value meant to be ASCII."""
    out = []
    for i, ch in enumerate(value):
        if ch in LOOKALIKES:
            out.append((i + 1, ch, LOOKALIKES[ch]))
    return out


def describe_lookalikes(value: str) -> tuple[str, str]:
    """(words naming the look-alike letters and their positions, the value with them replaced) or ('', '')."""
    found = lookalikes(value)
    if not found:
        return "", ""
    words = ", ".join(f"'{ch}' (U+{ord(ch):04X} {unicodedata.name(ch, '?')}) at position {i}, which looks like '{a}'"
                      for i, ch, a in found[:5])
    fixed = "".join(LOOKALIKES.get(ch, ch) for ch in value)
    return words, fixed
