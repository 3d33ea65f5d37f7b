"""Folding personal names so that spellings of one name meet: transliteration systems (Dzh/J, Kh/H, -iy/-i),
Cyrillic and Latin script, doubled letters and word order. Used by the duplicate check, `kzdata find`
and the website's search.
"""
from __future__ import annotations

import re
import unicodedata

CYRILLIC_TO_LATIN = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі",
                             ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s", "t",
                              "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "a", "g", "k", "n", "o", "u",
                              "u", "h", "i"]))
# Applied in order to a lower-case Latin name: spellings that transliteration systems disagree on.
FOLDS = [("dzh", "j"), ("dj", "j"), ("zh", "j"), ("kh", "h"), ("ch", "c"), ("sh", "s"), ("ts", "c"),
         ("iy", "i"), ("yi", "i"), ("ye", "e"), ("yo", "o"), ("yu", "u"), ("ya", "a"), ("y", "i"),
         ("q", "k"), ("w", "v"), ("x", "ks")]
WORD_BREAK = re.compile(r"[\s\-–]+")


def fold_token(token: str) -> str:
    token = "".join(CYRILLIC_TO_LATIN.get(c, c) for c in token.lower())
    token = unicodedata.normalize("NFKD", token)
    token = "".join(c for c in token if "a" <= c <= "z")
    for a, b in FOLDS:
        token = token.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", token)


def name_key(name: str) -> tuple[str, ...]:
    """Order-insensitive key of a person's name: folded tokens, sorted."""
    tokens = [fold_token(t) for t in WORD_BREAK.split(name) if t]
    return tuple(sorted(t for t in tokens if t))
