"""Private data that must never be published: IINs, phone numbers, e-mail addresses and home addresses.

Pure and dependency-free: ``find_private(text)`` returns every hit in order of position, ``[]`` for clean
text. All patterns are compiled at import and written so that every match attempt is bounded (no nested
unbounded quantifiers that can overlap), so a long string is scanned in roughly linear time.

The patterns run over a normalised copy of the text (``_normalise``): Unicode NFKC (full-width forms, the
full-width plus and at sign, ligatures, circled and other compatibility digits), every Unicode space, the
zero-width characters and the soft hyphen read as a space, every dash as a hyphen, every Unicode decimal
digit as its ASCII digit. A hit is reported with the original characters at their original offset.

    >>> [h.kind for h in find_private("IIN 900101400003, tel. +7 701 123 45 67")]
    ['iin', 'phone']
    >>> find_private("ИИН ８５０１０１\u00a0３００１２３")[0].text == "８５０１０１\u00a0３００１２３"
    True
"""
from __future__ import annotations

import bisect
import datetime as _dt
import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

__all__ = ["Hit", "iin_is_valid", "find_private", "may_hold_private"]


class Hit(NamedTuple):
    kind: str      # "iin" | "phone" | "email" | "address"
    text: str      # the matched substring of the input, as written (before normalisation)
    start: int     # offset in the input string
    message: str   # short English explanation


MSG_IIN = ("a Kazakhstan individual identification number (IIN) with a valid check digit; "
           "it identifies a person and encodes the birth date, so it must never be published")
MSG_IIN_KEYWORD = ("a 12-digit number given as an individual identification number (after IIN, ИИН or ЖСН), "
                   "reported even though its check digit does not match: an IIN must never be published")
MSG_PHONE_KZ = "a Kazakhstan phone number (+7 or 8 and ten digits); personal contact details must not be published"
MSG_PHONE_INTL = "an international phone number; personal contact details must not be published"
MSG_EMAIL = "an e-mail address; personal contact details must not be published"
MSG_ADDRESS = "a street address with a house number; a person's home address must not be published"
MSG_APARTMENT = "an apartment number; a person's home address must not be published"
MSG_HOME = "a home address (street with house or apartment number); it must not be published"

# ------------------------------------------------------------------------------------- normalisation

# Read as a space: every Unicode whitespace except a line break (all of category Zs: no-break, thin, figure,
# ideographic spaces...; tabs); the invisible format characters that hide inside a number copied from Word
# or a PDF (zero-width space, joiners, word joiner, zero-width no-break space, soft hyphen, Mongolian vowel
# separator, direction marks and embeddings, invisible operators, tags); and the characters that look blank
# (braille pattern blank, Hangul fillers).
_INVISIBLE_SPACES = ("\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
                     "\U000e0001\U000e0020-\U000e007f\u2800\u115f\u1160\u3164\uffa0")
# Read as a hyphen: every dash (category Pd) and the minus sign.
_DASHES = ("\u058a\u05be\u1400\u1806\u2010-\u2015\u2e17\u2e1a\u2e3a\u2e3b\u2e40\u2e5d\u301c\u3030\u30a0"
           "\ufe31\ufe32\ufe58\ufe63\uff0d\U00010ead\u2212")
_DASH = re.compile(f"[{_DASHES}]")
# One character for one: so the text keeps its length and offsets. \d is every Unicode decimal digit (Nd).
_ONE_FOR_ONE = re.compile(rf"[^\S\n\r ]|[{_INVISIBLE_SPACES}{_DASHES}]|(?![0-9])\d")
_ASCII_BLANKS = re.compile(r"[\t\x0b\x0c\x1c-\x1f]")     # what _ONE_FOR_ONE changes in ASCII text
# Read as nothing: invisible marks (not format characters, so the text check's KZ121 does not report them:
# combining grapheme joiner, variation selectors, Mongolian free variation selectors, Khmer inherent vowels),
# and after a digit the generic combining marks (diacritics, the enclosing circle and keycap): 8́ reads as 8.
_IGNORED = "\u034f\u17b4\u17b5\u180b-\u180d\u180f\ufe00-\ufe0f\U000e0100-\U000e01ef"
_DIGIT_MARKS = "\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_IGNORED_RE = re.compile(f"[{_IGNORED}]+")
_DIGIT_MARKS_RE = re.compile(f"[{_DIGIT_MARKS}{_IGNORED}]+")
_DROPPED = re.compile(f"[{_IGNORED}]|[0-9][{_DIGIT_MARKS}]")
_MARKS = frozenset(c for a, b in re.findall(r"(.)(?:-(.))?", _IGNORED + _DIGIT_MARKS)   # the ranges above, as a set
                   for c in map(chr, range(ord(a), ord(b or a) + 1)))
# Runs of characters other than ASCII and Cyrillic, which NFKC never changes and never joins to the character
# before them (the Cyrillic combining marks U+0483-U+0489 excepted): only these runs need a closer look.
_UNSTABLE_RUN = re.compile(r"[^\x00-\x7f\u0400-\u0482\u048a-\u04ff]+")

# Characters that the normalisation never turns into a digit or an '@' (the tests check every code point).
# A cell whose characters are all in this class holds a digit or an '@' after normalisation only where it
# holds one before, which is what the columnar screen (checks/text.py) relies on. Written with \x and \u
# escapes that Python and the polars (Rust) regular-expression engines read alike.
PLAIN_CHARS = (r"\x00-\x7f\u00a0-\u00b1\u00b4-\u00b8\u00ba-\u00bb\u00bf-\u024f\u0250-\u02ff\u0300-\u036f"
               r"\u0370-\u03ff\u0400-\u052f\u1e00-\u1eff\u2000-\u206f\u20a0-\u20cf\u2100-\u214f")


def _one_for_one(m: re.Match) -> str:
    c = m.group()
    d = unicodedata.decimal(c, None)
    if d is not None:
        return chr(48 + d)
    return "-" if _DASH.match(c) else " "


@lru_cache(maxsize=4096)
def _nfkc(cluster: str) -> str | None:
    """A character with its combining marks as the patterns read it, or None when that is unchanged."""
    nf = _IGNORED_RE.sub("", _ONE_FOR_ONE.sub(_one_for_one, unicodedata.normalize("NFKC", cluster)))
    if "0" <= nf[:1] <= "9":
        nf = nf[0] + _DIGIT_MARKS_RE.sub("", nf[1:])
    return None if nf == cluster else nf


def _attached(c: str) -> bool:
    """Whether c belongs to the character before it: a combining mark, or one of the marks read as nothing."""
    return unicodedata.combining(c) != 0 or c in _MARKS


class _Offsets:
    """Where the characters of a normalised text come from. Pieces (normalised start, original start,
    original end, one for one): a one-for-one piece maps character to character; any other piece is one
    original character with its marks, which normalisation turned into other characters (all of which come
    from the whole of it) or into none."""

    def __init__(self, pieces: list[tuple[int, int, int, bool]]):
        self.pieces = pieces
        self.starts = [p[0] for p in pieces]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the normalised span [start, end) (end > start)."""
        n0, o0, o1, linear = self.pieces[bisect.bisect_right(self.starts, start) - 1]
        a = o0 + (start - n0) if linear else o0
        n0, o0, o1, linear = self.pieces[bisect.bisect_right(self.starts, end - 1) - 1]
        b = o0 + (end - n0) if linear else o1
        return a, b


@lru_cache(maxsize=4)      # may_hold_private and then find_private normalise the same cell
def _normalise(text: str) -> tuple[str, _Offsets | None]:
    """The text as the patterns read it, and where its characters come from (None: offsets are unchanged).

    NFKC is applied to each character with its combining marks (which is NFKC of the text except across
    the rare scripts whose starters combine); the one-for-one replacements are applied before and after,
    and the marks read as nothing are dropped."""
    if text.isascii():
        return (_ASCII_BLANKS.sub(" ", text) if _ASCII_BLANKS.search(text) else text), None
    t = _ONE_FOR_ONE.sub(_one_for_one, text)
    if t.isascii() or (unicodedata.is_normalized("NFKC", t) and not _DROPPED.search(t)):
        return t, None
    out: list[str] = []
    pieces: list[tuple[int, int, int, bool]] = []
    n = 0          # length of the normalised text so far

    def keep(a: int, b: int) -> None:
        nonlocal n
        if a >= b:
            return
        out.append(t[a:b])
        if pieces and pieces[-1][3] and pieces[-1][2] == a:
            n0, o0, _, _ = pieces[-1]
            pieces[-1] = (n0, o0, b, True)
        else:
            pieces.append((n, a, b, True))
        n += b - a

    done = 0
    for run in _UNSTABLE_RUN.finditer(t):
        a, b = run.span()
        if a > done and _attached(t[a]):
            a -= 1         # a mark belongs to the character before it
        if unicodedata.is_normalized("NFKC", t[a:b]) and not _DROPPED.search(t, a, b):
            continue
        keep(done, a)
        i = a
        while i < b:
            # in pieces of some 64 characters, so a long run with a few changing characters is mostly skipped in C
            k = min(b, i + 64)
            while k < b and _attached(t[k]):
                k += 1
            if unicodedata.is_normalized("NFKC", t[i:k]) and not _DROPPED.search(t, i, k):
                keep(i, k)
                i = k
                continue
            while i < k:
                j = i + 1
                while j < k and _attached(t[j]):
                    j += 1
                nf = _nfkc(t[i:j])
                if nf is None:
                    keep(i, j)
                else:
                    out.append(nf)
                    pieces.append((n, i, j, False))
                    n += len(nf)
                i = j
        done = b
    keep(done, len(t))
    return "".join(out), _Offsets(pieces)


# ---------------------------------------------------------------------------------------------- IIN

_W1 = tuple(range(1, 12))
_W2 = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)
_CENTURY = {1: 1800, 2: 1800, 3: 1900, 4: 1900, 5: 2000, 6: 2000}


def _iin_check_digit(first11: str) -> int | None:
    """The check digit for the first 11 digits of an IIN, or None when both weightings give 10."""
    d = [ord(c) - 48 for c in first11]
    c = sum(w * x for w, x in zip(_W1, d)) % 11
    if c == 10:
        c = sum(w * x for w, x in zip(_W2, d)) % 11
        if c == 10:
            return None
    return c


def iin_is_valid(digits: str) -> bool:
    """True if ``digits`` is exactly 12 ASCII digits forming a valid IIN: a real birth date (YYMMDD, the
    century from digit 7: 1-2 -> 1800s, 3-4 -> 1900s, 5-6 -> 2000s), digit 7 in 1..6 and a correct check digit."""
    if not isinstance(digits, str) or len(digits) != 12 or not digits.isascii() or not digits.isdigit():
        return False
    century = _CENTURY.get(ord(digits[6]) - 48)
    if century is None:
        return False
    try:
        _dt.date(century + int(digits[0:2]), int(digits[2:4]), int(digits[4:6]))
    except ValueError:
        return False
    check = _iin_check_digit(digits[:11])
    return check is not None and check == ord(digits[11]) - 48


def _iin_layouts() -> str:
    """Every way of writing 12 digits as 2-4 groups of 3-6 digits with one kind of separator
    (880101 300123, 880101-300-123, 8801 0130 0123, 880 101 300 123), as regex alternatives
    without the first digit."""
    parts: list[list[int]] = []

    def split(rest: int, acc: list[int]) -> None:
        if rest == 0 and len(acc) >= 2:
            parts.append(acc)
        for n in range(3, min(6, rest) + 1):
            if len(acc) < 4:
                split(rest - n, acc + [n])

    split(12, [])
    return "|".join(sep.join(f"[0-9]{{{n - (i == 0)}}}" for i, n in enumerate(p))
                    for sep in (" ", "-") for p in parts)


# At the first digit of every group of digits (the pattern opens with a digit so the engine skips other
# characters in C), a lookahead takes a plain 12-digit number or a 12-digit number written in groups, never
# part of a longer digit run. Each alternative has a fixed shape, so an attempt costs a bounded number of
# steps, and overlapping candidates (a year, then an IIN) are all seen.
_IIN = re.compile(rf"[0-9](?<![0-9][0-9])(?=[0-9]{{2}})(?=([0-9]{{11}}|{_iin_layouts()})(?![0-9]))")


# 12 digits with one separator repeated between groups of any size (8 5 0 1 0 1 3 0 0 1 2 3, 85.01.01.300.123,
# 85 01 01 30 01 23, 850101.300123), not continued by more digits with the same separator: the separators
# are spaces (any Unicode space after normalisation, one to three of them), a dot or a hyphen.
_SEPARATORS = (" ", "  ", "   ", ".", "-")


def _uniform_layout(sep: str) -> re.Pattern:
    s = re.escape(sep)
    return re.compile(rf"[0-9](?<![0-9][0-9])(?<![0-9]{s}[0-9])(?:(?:{s})?[0-9]){{11}}(?![0-9])(?!{s}[0-9])")


_IIN_UNIFORM = tuple(_uniform_layout(sep) for sep in _SEPARATORS)
_PLUS_BEFORE = re.compile(r"\+[ (]?$")
# The keyword rule: IIN, ИИН or ЖСН (a word of its own), a few signs or "No"/"номер" (NFKC reads "№" as
# "No"), then 12 digits in any layout (any of the separators between any digits), not followed by a digit.
_IIN_WORD = r"(?:iin|иин|жсн)(?<![^\W\d_]...)(?![^\W\d_])"
_IIN_KEYWORD = re.compile(
    rf"(?i:{_IIN_WORD})[^\w\n]{{0,4}}(?:(?i:no|nr|n|номер|нөмірі|number)(?![^\W\d_])\.?[^\w\n]{{0,4}})?"
    r"(?P<d>[0-9](?:(?:[ ]{1,3}|[ ]?[.\-][ ]?)?[0-9]){11})(?![0-9])"
)
_NOT_DIGIT = re.compile(r"[^0-9]+")
# Twelve digits with any of the separators between them: every pattern above needs such a run.
_TWELVE = re.compile(r"[0-9](?:(?:[ ]{1,3}|[ ]?[.\-][ ]?)?[0-9]){11}")


def _find_iins(text: str) -> list[Hit]:
    if not _TWELVE.search(text):
        return []
    found: dict[tuple[int, int], str] = {}
    # the usual layouts, also inside a longer run of numbers (IIN 880101 300123 2019)
    for m in _IIN.finditer(text):
        start, end = m.start(), m.end(1)
        if iin_is_valid(_NOT_DIGIT.sub("", text[start:end])):
            found[(start, end)] = MSG_IIN
    taken = sorted(found)

    def add(start: int, end: int, message: str) -> None:
        if (start, end) not in found and not _overlaps(taken, start, end, 60):
            found[(start, end)] = message
            bisect.insort(taken, (start, end))

    # any group sizes with one separator, as long as the 12 digits are not continued by it; not after a
    # plus (a phone number) nor before a currency (an amount)
    for rx in _IIN_UNIFORM:
        for m in rx.finditer(text):
            written = m.group()
            if written.isdigit() or _PLUS_BEFORE.search(text, max(0, m.start() - 2), m.start()):
                continue
            if _MONEY_AFTER.match(text, m.end()):
                continue
            if iin_is_valid(_NOT_DIGIT.sub("", written)):
                add(m.start(), m.end(), MSG_IIN)
    # after the word IIN/ИИН/ЖСН any 12 digits are an identification number, valid or not
    for m in _IIN_KEYWORD.finditer(text):
        start, end = m.span("d")
        add(start, end, MSG_IIN if iin_is_valid(_NOT_DIGIT.sub("", m.group("d"))) else MSG_IIN_KEYWORD)
    return [Hit("iin", text[a:b], a, msg) for (a, b), msg in sorted(found.items())]


# ---------------------------------------------------------------------------------------------- URLs

_URL = re.compile(r"(?<![\w@])(?:(?:https?|ftp)://|www\.)[^\s<>\"'\]\[{}|\\^`]+", re.IGNORECASE)


def _url_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _URL.finditer(text)]


def _inside(spans: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    """The span (from a sorted list of disjoint spans) that contains ``pos``, if any."""
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    if i >= 0 and spans[i][0] <= pos < spans[i][1]:
        return spans[i]
    return None


def _overlaps(spans: list[tuple[int, int]], start: int, end: int, longest: int = 400) -> bool:
    """Whether [start, end) overlaps a span of a list sorted by start whose spans are at most ``longest`` long."""
    lo = bisect.bisect_left(spans, (start - longest,))
    hi = bisect.bisect_left(spans, (end,))
    return any(b > start for _, b in spans[lo:hi])


# -------------------------------------------------------------------------------------------- phones

_S = r"[ .\-]?"          # one optional separator between digit groups
# 8 and ten digits, grouped as Kazakhstan numbers are written: 8 701 123 45 67, 8 (727) 123-45-67,
# 8 7172 12 34 56, 87011234567. Not glued to other digits, letters, "+" or a preceding number.
_PHONE_KZ8 = re.compile(
    rf"""(?<![\w+@])(?<![0-9][ .,/\-])
    8{_S}
    (?:
        (?:\([0-9]{{3}}\)|[0-9]{{3}}){_S}(?:[0-9]{{3}}{_S}[0-9]{{2}}{_S}[0-9]{{2}}|[0-9]{{3}}{_S}[0-9]{{4}}|[0-9]{{7}})
      | (?:\([0-9]{{4}}\)|[0-9]{{4}}){_S}(?:[0-9]{{2}}{_S}[0-9]{{2}}{_S}[0-9]{{2}}|[0-9]{{6}})
      | (?:\([0-9]{{5}}\)|[0-9]{{5}}){_S}(?:[0-9]{_S}[0-9]{{2}}{_S}[0-9]{{2}}|[0-9]{{5}})
    )
    (?![ .\-]?[0-9])(?![\w@])""",
    re.VERBOSE,
)
# "+" then digit groups joined by one separator each (space, hyphen, dot, or a parenthesis around an area
# code). Each separator must be followed by a digit, so the match is deterministic; the digit count is
# checked afterwards (8 to 15 digits, +7 with ten more is a Kazakhstan number).
_PHONE_PLUS = re.compile(r"(?<![\w+])\+(?=(?:[ .\-()]{0,2}[0-9]){8})[0-9]+(?:(?:[ .\-]|[ ]?\([ ]?|[ ]?\)[ .\-]?)[0-9]+){0,12}")
_RUN_GOES_ON = re.compile(r"(?:[ .\-]|[ ]?\(|[ ]?\)[ .\-]?)[0-9]|[\w@]")
_DATE_LIKE = re.compile(r"\+(?:[0-9]{4}[.\-][0-9]{1,2}[.\-][0-9]{1,2}|[0-9]{1,2}[.\-][0-9]{1,2}[.\-][0-9]{4}"
                        r"|[0-9]{4}[.\-][0-9]{4})")
_MONEY_AFTER = re.compile(r"\s*(?:tenge|тенге|теңге|тг\b|kzt|usd|eur|rub|₸|\$|€|%|million|billion|thousand|"
                          r"млн|млрд|тыс)", re.IGNORECASE)


def _find_phones(text: str) -> list[Hit]:
    hits: list[Hit] = []
    for m in _PHONE_KZ8.finditer(text):
        hits.append(Hit("phone", m.group(), m.start(), MSG_PHONE_KZ))
    for m in _PHONE_PLUS.finditer(text):
        s = m.group()
        if _RUN_GOES_ON.match(text, m.end()) or _DATE_LIKE.fullmatch(s) or _MONEY_AFTER.match(text, m.end()):
            continue
        if s.count("(") != s.count(")") or s.count("(") > 1 or s.find("(") > s.find(")"):
            continue
        n = sum(c.isdigit() for c in s)
        if not 8 <= n <= 15:
            continue
        kz = n == 11 and s[1] == "7"
        hits.append(Hit("phone", s, m.start(), MSG_PHONE_KZ if kz else MSG_PHONE_INTL))
    return hits


# -------------------------------------------------------------------------------------------- e-mail

# The lookbehind makes the local part start only at the beginning of a run of local-part characters, so a
# long run without "@" is scanned once, not once per position. Local parts and domain labels may hold any
# letters (Unicode addresses: иван@почта.рф; NFKC has already read the full-width ＠ as "@"); the labels
# are checked afterwards: letters, digits and inner hyphens, no underscore.
_EMAIL = re.compile(
    r"(?<![\w.%+\-])([\w.%+\-]+)@([\w\-]+(?:\.[\w\-]+)+)"
)
_LABEL = re.compile(r"[^\W_](?:[\w\-]*[^\W_])?")
_TLD = re.compile(r"[^\W\d_]{2,63}|(?i:xn--)[A-Za-z0-9\-]{1,59}")


def _find_emails(text: str, urls: list[tuple[int, int]]) -> list[Hit]:
    hits: list[Hit] = []
    for m in _EMAIL.finditer(text):
        local, domain = m.group(1), m.group(2)
        if len(local) > 64 or local[0] == "." or local[-1] == "." or ".." in local:
            continue
        labels = domain.split(".")
        if len(domain) > 253 or "_" in domain or not all(len(x) <= 63 and _LABEL.fullmatch(x) for x in labels):
            continue
        if not _TLD.fullmatch(labels[-1]):
            continue
        url = _inside(urls, m.start())
        if url is not None:
            # In a web address the "@" is usually part of a path or a login; it counts only as a mailto:
            # link or a query value (…?contact=name@example.org).
            before = text[max(url[0], m.start() - 8):m.start()]
            if not (before.lower().endswith("mailto:") or before.endswith(("=", "=mailto:"))):
                continue
        hits.append(Hit("email", m.group(), m.start(), MSG_EMAIL))
    return hits


# ------------------------------------------------------------------------------------------ addresses

_CAP = "A-ZÀ-ÖØ-ÞА-ЯЁӘҒҚҢӨҰҮҺІ"
_LOW = "a-zß-öø-ÿа-яёәғқңөұүһі"
_TOKEN_CAP = rf"[{_CAP}][\w'’\-]*"                       # Abai, Samal-2, Абая
_TOKEN_ANY = rf"[{_CAP}{_LOW}][\w'’\-]*"
_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
           r"январ\w*|феврал\w*|март\w*|апрел\w*|ма[яй]|июн\w*|июл\w*|август\w*|сентябр\w*|октябр\w*|"
           r"ноябр\w*|декабр\w*|қаңтар\w*|ақпан\w*|наурыз\w*|сәуір\w*|мамыр\w*|маусым\w*|шілде\w*|"
           r"тамыз\w*|қыркүйек\w*|қазан\w*|қараша\w*|желтоқсан\w*)")
# Street words written before the name (Russian usage): ul. Abaya 12, улица Абая, д. 12, mkr Samal-2, 45.
_PRE = (r"(?i:(?:ul|ulits|pr|pr-t|prosp|mkr|mkrn|per|bul|ул|пр|пр-т|просп|мкр|мкрн|пер|б-р|бул)\.|"
        r"(?:ulitsa|ulica|ulitsy|prospekt|prospect|mkr|mkrn|microdistrict|mikrorayon|mikroraion|pereulok|"
        r"улица|улицы|проспект|микрорайон|мкр|мкрн|переулок|бульвар)\b)")
# Street words written after the name (English, Kazakh): 12 Abai Street, Abai avenue 150, Абай даңғылы, 150.
_POST = (r"(?i:(?:st|ave|av|rd|blvd|str)\.|"
         r"(?:street|avenue|ave|road|lane|boulevard|blvd|microdistrict|koshesi|dangyly|"
         r"көшесі|даңғылы|шағын\s+ауданы|ықшам\s+ауданы|шағынауданы)\b|к-сі|даңғ\.)")
_POST_EN = r"(?i:(?:st|ave|rd|blvd)\.|(?:street|avenue|ave|road|lane|boulevard|blvd)\b)"
_HOUSE_MARK = r"(?:(?i:д|дом|үй|h|house|bld|bldg|building|корп|корпус|no)\.?\s*|№\s*)"
_NUM = r"[0-9]{1,3}(?:[A-Za-zА-Яа-яЁё](?!\w))?(?:[/\-][0-9]{1,3})?"
# What may follow a house or apartment number: not more digits or letters (a year, 12th, a date 10.09),
# not a unit or a lowercase word ("Street, 12 people"), except an apartment or building marker; no month.
_OK_WORD = (r"(?:in|at|and|apt|apartment|flat|kv|kvartira|office|building|bldg|block|entrance|floor|"
            r"в|на|и|кв|квартира|корп|корпус|под|подъезд|оф|офис|эт|этаж|пәтер|үй)\b")
_AFTER = (rf"(?![\w%‰]|[.\-–—/:][\w]|,[0-9])(?!\s*[%‰])(?!\s+(?!{_OK_WORD})[{_LOW}])"
          rf"(?!\s+(?i:{_MONTHS})\b)")
_MONTH = re.compile(rf"(?i:{_MONTHS})")
_NAME_PRE = rf"(?:{_TOKEN_ANY}|[0-9]{{1,2}}(?:-?(?:й|я|ый|ой|th|st|nd|rd))?)(?:\s+{_TOKEN_ANY}){{0,2}}"
_GAP = r"(?:\s*,\s*|\s+)"

# Each pattern opens with a character class (or a lookahead for one) so that the engine skips in C the
# positions where no match can start, and every repetition in it is bounded or cannot overlap its neighbour.
# ul. Abaya 12 / улица Абая, д. 12 / mkr Samal-2, 45
_ADDRESS_PRE = re.compile(
    rf"(?=[UuPpMmBbУуПпМмБб])(?<![\w.])(?:{_PRE})\s*{_NAME_PRE}{_GAP}{_HOUSE_MARK}?{_NUM}{_AFTER}"
)
# Abai avenue 150 / Abai Street, 12 / Абай даңғылы, 150 (the name: one to three capitalised words).
# Tried at every capitalised word this would be the slowest pattern, so it only runs over short windows
# before a street word that is followed by a house number (_POST_TRIGGER).
_ADDRESS_POST = re.compile(
    rf"[{_CAP}](?<![\w'’\-].)(?P<name>[\w'’\-]*(?:\s+{_TOKEN_CAP}){{0,2}})"
    rf"\s+(?=[SsAaRrLlBbMmKkDdКкДдШшЫы])(?:{_POST}){_GAP}{_HOUSE_MARK}?{_NUM}{_AFTER}"
)
_POST_TRIGGER = re.compile(rf"(?=[SsAaRrLlBbMmKkDdКкДдШшЫы])(?<=\s)(?:{_POST}){_GAP}{_HOUSE_MARK}?{_NUM}{_AFTER}")
_NAME_REACH = 200      # how far before a street word its name may start
_CONTEXT = 300         # how far after a match its lookaheads may need to see
# 12 Abai Street
_ADDRESS_NUM_FIRST = re.compile(
    rf"[0-9](?<![\w.,/\-–][0-9])[0-9]{{0,2}}(?:[A-Za-zА-Яа-яЁё](?!\w))?(?:[/\-][0-9]{{1,3}})?,?"
    rf"\s+(?P<name>{_TOKEN_CAP}(?:\s+{_TOKEN_CAP}){{0,2}})\s+(?=[SsAaRrLlBb])(?:{_POST_EN})"
)
_FLAT_WORDS = "apt|apartment|flat|kv|kvartira|кв|квартира|пәтер"
_APARTMENT = re.compile(
    rf"(?=[AaFfKkКкПп])(?<![\w.])(?i:{_FLAT_WORDS})\.?\s*(?:(?i:no)\.?\s*|№\s*)?{_NUM}{_AFTER}"
)
_APARTMENT_KK = re.compile(rf"[0-9](?<![\w.,/\-–][0-9])[0-9]{{0,3}}\s*-?\s*(?=[Пп])(?i:пәтер)\b")   # 5 пәтер
_JOIN = re.compile(r"[\s,;]*")
_WORD = re.compile(r"\S+")


def _post_matches(text: str) -> list[re.Match]:
    """_ADDRESS_POST matches, searched only in windows that end with a street word and a house number."""
    windows: list[list[int]] = []
    for t in _POST_TRIGGER.finditer(text):
        a, b = max(0, t.start() - _NAME_REACH), t.end()
        if windows and a <= windows[-1][1]:
            windows[-1][1] = b
        else:
            windows.append([a, b])
    found = []
    for a, b in windows:
        for m in _ADDRESS_POST.finditer(text, a, min(len(text), b + _CONTEXT)):
            if m.end() <= b:
                found.append(m)
    return found


def _address_spans(text: str) -> list[tuple[int, int, str]]:
    spans = [(m.start(), m.end(), MSG_ADDRESS) for m in _ADDRESS_PRE.finditer(text)]
    for m in _post_matches(text):
        # Leading month names are not part of the street: "On 13 June Panfilov Street, 12" -> "Panfilov Street, 12".
        tokens = [(t.start(), _MONTH.fullmatch(t.group()) is not None)
                  for t in _WORD.finditer(text, m.start(), m.end("name"))]
        first = next((i for i, (_, month) in enumerate(tokens) if not month), None)
        if first is None or any(month for _, month in tokens[first:]):
            continue
        spans.append((tokens[first][0], m.end(), MSG_ADDRESS))
    for m in _ADDRESS_NUM_FIRST.finditer(text):
        if not any(_MONTH.fullmatch(t) for t in m.group("name").split()):
            spans.append((m.start(), m.end(), MSG_ADDRESS))
    spans += [(m.start(), m.end(), MSG_APARTMENT) for m in _APARTMENT.finditer(text)]
    spans += [(m.start(), m.end(), MSG_APARTMENT) for m in _APARTMENT_KK.finditer(text)]
    return spans


def _find_addresses(text: str, urls: list[tuple[int, int]]) -> list[Hit]:
    spans = sorted(s for s in _address_spans(text) if _inside(urls, s[0]) is None)
    merged: list[list] = []
    for s, e, msg in spans:
        if merged:
            last = merged[-1]
            if s <= last[1] or _JOIN.fullmatch(text, last[1], s):
                if e > last[1]:
                    last[1] = e
                if msg != last[2]:
                    last[2] = MSG_HOME
                continue
        merged.append([s, e, msg])
    return [Hit("address", text[s:e], s, msg) for s, e, msg in merged]


# ------------------------------------------------------------------------------------------------ all

# Every address pattern above needs a house or flat number (ASCII digits) and one of these street or flat
# words; each word here is a prefix or part of the words in those patterns. So a text can hold private data
# only if its normalised form has an '@' (e-mail), at least 8 ASCII digits (IIN, phone number), or a digit
# and one of these words (address): may_hold_private. The columnar screen (checks/text.py) states it for
# polars: the same on the text as written, or any character outside PLAIN_CHARS (one that normalisation
# may turn into a digit or an '@'), or a digit and any character outside ASCII and Cyrillic letters.
STREET_WORDS = ("ul|pr|mkr|per|bul|boul|micro|mikro|st|av|rd|road|lane|blvd|koshesi|dangyly|apt|apart|flat|kv|"
                "ул|пр|мкр|пер|б-р|бул|микро|көшесі|даңғ|шағын|ықшам|к-сі|кв|пәтер")
# The address patterns themselves need more: one of their own street or flat words (_PRE, _POST, the
# apartment words), at the start of a word (after a space, a punctuation mark or a house number, as in
# 5пәтер; never after a letter). _STREET is exactly that, built from the patterns' own pieces, so the
# address patterns run only on texts where one of them can match ("st" in "arrested" or "prison" does not).
# It opens with the first letters of those words, so that most positions fail on one character class.
_STREET = re.compile(f"(?=[UuPpMmBbSsAaRrLlKkDdFfУуПпМмБбКкДдШшЫы])(?<![^\\W\\d_])(?:{_PRE}|{_POST}|(?i:{_FLAT_WORDS}))")
_DIGITS = re.compile(r"[0-9]")


def _may_hold(text: str) -> bool:
    """may_hold_private for normalised text."""
    if "@" in text:
        return True
    digits = len(_DIGITS.findall(text))
    return digits >= 8 or (digits > 0 and _STREET.search(text) is not None)


def may_hold_private(text: str) -> bool:
    """False when find_private(text) is certainly []: no '@', fewer than 8 digits, and no digit with a street
    or flat word, in the normalised text. An ASCII text is its own normal form for this purpose (a tab read
    as a space adds no digit, '@' or street word)."""
    if not text:
        return False
    return _may_hold(text if text.isascii() else _normalise(text)[0])


def find_private(text: str) -> list[Hit]:
    """Every piece of private data in ``text``, in order of position; [] for clean text. Each hit quotes the
    text as written (``text[hit.start:hit.start + len(hit.text)] == hit.text``)."""
    if not text:
        return []
    normal, offsets = _normalise(text)
    if not _may_hold(normal):
        return []
    hits = []
    for h in _find_private(normal):
        start, end = (h.start, h.start + len(h.text)) if offsets is None else offsets.span(h.start, h.start + len(h.text))
        hits.append(Hit(h.kind, text[start:end], start, h.message))
    return hits


def _find_private(text: str) -> list[Hit]:
    # each detector runs only where its patterns can match: an IIN has 12 digits, a phone number 8 or more,
    # an e-mail address an '@', an address a digit and a street word; a URL has '://' or 'www.'
    digits = len(_DIGITS.findall(text))
    urls = _url_spans(text) if "://" in text or "www." in text.lower() else []
    iins = _find_iins(text) if digits >= 12 else []
    emails = _find_emails(text, urls) if "@" in text else []
    taken = sorted((h.start, h.start + len(h.text)) for h in iins + emails)
    phones = [
        h for h in (_find_phones(text) if digits >= 8 else [])
        if _inside(urls, h.start) is None and not _overlaps(taken, h.start, h.start + len(h.text))
    ]
    addresses = _find_addresses(text, urls) if digits and _STREET.search(text) else []
    hits = iins + emails + phones + addresses
    hits.sort(key=lambda h: (h.start, h.kind))
    return hits
