"""Check 8: two persons whose names match after transliteration-insensitive normalisation."""
from __future__ import annotations

import re
import unicodedata
from typing import Iterable

from ..context import Context
from ..findings import Finding

_CYR = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі",
                ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s", "t",
                 "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "a", "g", "k", "n", "o", "u",
                 "u", "h", "i"]))
# Applied in order to a lower-case Latin name: spellings that transliteration systems disagree on.
_FOLDS = [("dzh", "j"), ("dj", "j"), ("zh", "j"), ("kh", "h"), ("ch", "c"), ("sh", "s"), ("ts", "c"),
          ("iy", "i"), ("yi", "i"), ("ye", "e"), ("yo", "o"), ("yu", "u"), ("ya", "a"), ("y", "i"),
          ("q", "k"), ("w", "v"), ("x", "ks")]


def fold_token(token: str) -> str:
    token = "".join(_CYR.get(c, c) for c in token.lower())
    token = unicodedata.normalize("NFKD", token)
    token = "".join(c for c in token if "a" <= c <= "z")
    for a, b in _FOLDS:
        token = token.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", token)


def name_key(name: str) -> tuple[str, ...]:
    """Order-insensitive key of a person's name: folded tokens, sorted."""
    tokens = [fold_token(t) for t in re.split(r"[\s\-–]+", name) if t]
    return tuple(sorted(t for t in tokens if t))


def check_duplicates(ctx: Context) -> Iterable[Finding]:
    seen: dict[tuple, object] = {}
    reported: set[tuple[str, str]] = set()
    for p in ctx.table("persons"):
        names = [p.rec.get("name", ""), p.rec.get("name_cyrillic", "")] + p.items("aliases")
        keys = {k for k in (name_key(n) for n in names if n) if len(k) >= 2}
        for k in keys:
            other = seen.get(k)
            if other is None:
                seen[k] = p
                continue
            if other is p:
                continue
            pair = tuple(sorted((other.id, p.id)))
            if pair in reported:
                continue
            if other.id in p.items("distinct_from") or p.id in other.items("distinct_from"):
                continue
            reported.add(pair)
            yield ctx.finding("KZ801", p, "name", f"{p.id} ({p.rec.get('name')}) may be the same person as {other.id} on line {other.line} ({other.rec.get('name')})")
