"""Private data that must never be published: IINs, phone numbers, e-mail addresses and home addresses.

Pure and dependency-free: ``find_private(text)`` returns every hit in order of position, ``[]`` for clean
text. All patterns are compiled at import and written so that every match attempt is bounded (no nested
unbounded quantifiers that can overlap), so a long string is scanned in roughly linear time.

    >>> [h.kind for h in find_private("IIN 900101400003, tel. +7 701 123 45 67")]
    ['iin', 'phone']
"""
from __future__ import annotations

import bisect
import datetime as _dt
import re
from typing import NamedTuple

__all__ = ["Hit", "iin_is_valid", "find_private"]


class Hit(NamedTuple):
    kind: str      # "iin" | "phone" | "email" | "address"
    text: str      # the matched substring
    start: int     # offset in the input string
    message: str   # short English explanation


MSG_IIN = ("a Kazakhstan individual identification number (IIN) with a valid check digit; "
           "it identifies a person and encodes the birth date, so it must never be published")
MSG_PHONE_KZ = "a Kazakhstan phone number (+7 or 8 and ten digits); personal contact details must not be published"
MSG_PHONE_INTL = "an international phone number; personal contact details must not be published"
MSG_EMAIL = "an e-mail address; personal contact details must not be published"
MSG_ADDRESS = "a street address with a house number; a person's home address must not be published"
MSG_APARTMENT = "an apartment number; a person's home address must not be published"
MSG_HOME = "a home address (street with house or apartment number); it must not be published"

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


def _find_iins(text: str) -> list[Hit]:
    hits: list[Hit] = []
    for m in _IIN.finditer(text):
        start = m.start()
        written = text[start:m.end(1)]
        digits = written if len(written) == 12 else written.replace(" ", "").replace("-", "")
        if iin_is_valid(digits):
            hits.append(Hit("iin", written, start, MSG_IIN))
    return hits


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
# long run without "@" is scanned once, not once per position.
_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+\-])([A-Za-z0-9._%+\-]+)@([A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+)"
)
_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?")
_TLD = re.compile(r"[A-Za-z]{2,24}|xn--[A-Za-z0-9\-]{1,59}")


def _find_emails(text: str, urls: list[tuple[int, int]]) -> list[Hit]:
    hits: list[Hit] = []
    for m in _EMAIL.finditer(text):
        local, domain = m.group(1), m.group(2)
        if len(local) > 64 or local[0] == "." or local[-1] == "." or ".." in local:
            continue
        labels = domain.split(".")
        if len(domain) > 253 or not all(len(x) <= 63 and _LABEL.fullmatch(x) for x in labels):
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
_APARTMENT = re.compile(
    rf"(?=[AaFfKkКкПп])(?<![\w.])(?i:apt|apartment|flat|kv|kvartira|кв|квартира|пәтер)\.?\s*(?:(?i:no)\.?\s*|№\s*)?{_NUM}{_AFTER}"
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
# only if it has an '@' (e-mail), at least 8 ASCII digits (IIN, phone number), or a digit and one of these
# words (address): may_hold_private, which the columnar screen (checks/text.py) also states as PRIVATE_SCREEN.
STREET_WORDS = ("ul|pr|mkr|per|bul|micro|mikro|st|av|rd|road|lane|blvd|koshesi|dangyly|apt|apart|flat|kv|"
                "ул|пр|мкр|пер|б-р|бул|микро|көшесі|даңғ|шағын|ықшам|к-сі|кв|пәтер")
_STREET = re.compile(f"(?i:{STREET_WORDS})")
_DIGITS = re.compile(r"[0-9]")


def may_hold_private(text: str) -> bool:
    if "@" in text:
        return True
    digits = len(_DIGITS.findall(text))
    return digits >= 8 or (digits > 0 and _STREET.search(text) is not None)


def find_private(text: str) -> list[Hit]:
    """Every piece of private data in ``text``, in order of position; [] for clean text."""
    if not text or not may_hold_private(text):
        return []
    return _find_private(text)


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
