"""kzdata.privacy: the patterns for private data (IINs, phone numbers, e-mail and home addresses).

The check digit is computed here independently of the module, so the property tests check the rule, not
the module against itself.
"""
from __future__ import annotations

import csv
import datetime as dt
import random
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from kzdata.privacy import Hit, find_private, iin_is_valid

REPO = Path(__file__).resolve().parent.parent
KINDS = {"iin", "phone", "email", "address"}


# ------------------------------------------------------------------------------------------ helpers

def check_digit(first11: str) -> int | None:
    """The IIN check digit: weights 1..11 mod 11; if 10, weights 3..11,1,2 mod 11; if 10 again, none."""
    digits = [int(c) for c in first11]
    c = sum(w * d for w, d in zip(range(1, 12), digits)) % 11
    if c == 10:
        c = sum(w * d for w, d in zip([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2], digits)) % 11
    return None if c == 10 else c


def make_iin(born: dt.date, female: bool, serial: int) -> str | None:
    century = {18: 1, 19: 3, 20: 5}[born.year // 100] + (1 if female else 0)
    first11 = f"{born:%y%m%d}{century}{serial:04d}"
    c = check_digit(first11)
    return None if c is None else first11 + str(c)


def first_iin(born: dt.date, female: bool = False) -> str:
    return next(i for s in range(10000) if (i := make_iin(born, female, s)) is not None)


IIN_A = first_iin(dt.date(1988, 1, 1))
IIN_B = first_iin(dt.date(1975, 12, 31), female=True)
IIN_C = first_iin(dt.date(2004, 2, 29))
IIN_1800S = first_iin(dt.date(1899, 6, 15))


def kinds(text: str) -> list[str]:
    return [h.kind for h in find_private(text)]


def assert_well_formed(text: str, hits: list[Hit]) -> None:
    assert isinstance(hits, list)
    assert [h.start for h in hits] == sorted(h.start for h in hits)
    for h in hits:
        assert isinstance(h, Hit)
        assert h.kind in KINDS
        assert text[h.start:h.start + len(h.text)] == h.text
        assert h.message


# --------------------------------------------------------------------------------------- iin_is_valid

def test_reference_iins_are_valid():
    for iin in (IIN_A, IIN_B, IIN_C, IIN_1800S):
        assert iin_is_valid(iin), iin


@pytest.mark.parametrize("digits", [
    "",
    IIN_A[:11],                       # too short
    IIN_A + "0",                      # too long
    IIN_A[:6] + " " + IIN_A[6:],      # not only digits
    "８８０１０１３００１２３",            # full-width digits
    "880230300000",                   # 30 February
    "881301300000",                   # month 13
    "880100300000",                   # day 0
])
def test_iin_is_valid_rejects_malformed(digits):
    assert not iin_is_valid(digits)


@pytest.mark.parametrize("century_digit", ["0", "7", "8", "9"])
def test_iin_century_digit_must_be_1_to_6(century_digit):
    first10 = IIN_A[:6] + century_digit + IIN_A[7:10]
    for last2 in range(100):
        assert not iin_is_valid(f"{first10}{last2:02d}")


def test_iin_leap_day_depends_on_the_century_digit():
    # 29 February 2000 is a date (leap year), 29 February 1900 is not.
    leap = make_iin(dt.date(2000, 2, 29), False, 1) or make_iin(dt.date(2000, 2, 29), False, 2)
    assert leap is not None and iin_is_valid(leap)
    first11 = "000229" + "3" + leap[7:11]          # same digits, century 1900s
    assert not any(iin_is_valid(first11 + d) for d in "0123456789")
    # 29 February 2001 / 1901 is never a date.
    for century in "135":
        for serial in range(20):
            first11 = "010229" + century + f"{serial:04d}"
            if (c := check_digit(first11)) is not None:
                assert not iin_is_valid(first11 + str(c))


def test_iin_second_weighting_is_used_when_the_first_gives_10():
    for serial in range(10000):
        first11 = IIN_A[:7] + f"{serial:04d}"
        d = [int(x) for x in first11]
        if sum(w * x for w, x in zip(range(1, 12), d)) % 11 == 10:
            c = check_digit(first11)
            if c is not None:
                assert iin_is_valid(first11 + str(c))
                assert not any(iin_is_valid(first11 + str(o)) for o in range(10) if o != c)
                return
    pytest.fail("no serial needing the second weighting was found")


def test_iin_invalid_when_both_weightings_give_10():
    found = 0
    for serial in range(10000):
        first11 = IIN_A[:7] + f"{serial:04d}"
        if check_digit(first11) is None:
            found += 1
            assert not any(iin_is_valid(first11 + str(o)) for o in range(10))
    assert found


# ------------------------------------------------------------------------------------ positive cases

POSITIVE = [
    # IINs
    ("iin", f"ИИН {IIN_A}", IIN_A),
    ("iin", f"IIN: {IIN_B}.", IIN_B),
    ("iin", f"(born 2004, IIN {IIN_C})", IIN_C),
    ("iin", f"ЖСН{IIN_1800S}", IIN_1800S),
    ("iin", f"IIN {IIN_A[:6]} {IIN_A[6:]}", f"{IIN_A[:6]} {IIN_A[6:]}"),
    ("iin", f"IIN {IIN_A[:6]}-{IIN_A[6:9]}-{IIN_A[9:]}", f"{IIN_A[:6]}-{IIN_A[6:9]}-{IIN_A[9:]}"),
    ("iin", f"IIN {IIN_B[:4]} {IIN_B[4:8]} {IIN_B[8:]}", f"{IIN_B[:4]} {IIN_B[4:8]} {IIN_B[8:]}"),
    ("iin", f"IIN {IIN_A}-2", IIN_A),
    ("iin", f"https://example.org/person?iin={IIN_A}", IIN_A),
    # Kazakhstan phone numbers
    ("phone", "tel. +7 701 123 45 67", "+7 701 123 45 67"),
    ("phone", "8 (727) 123-45-67", "8 (727) 123-45-67"),
    ("phone", "+77011234567", "+77011234567"),
    ("phone", "call 87011234567 today", "87011234567"),
    ("phone", "+7 (701) 123-45-67", "+7 (701) 123-45-67"),
    ("phone", "+7-701-123-45-67", "+7-701-123-45-67"),
    ("phone", "8-701-123-45-67", "8-701-123-45-67"),
    ("phone", "8 701 123 4567", "8 701 123 4567"),
    ("phone", "тел.: 8 7172 12 34 56", "8 7172 12 34 56"),
    ("phone", "tel.8(7172)123456", "8(7172)123456"),
    ("phone", "его номер 8 701 123 45 67, звоните", "8 701 123 45 67"),
    # international phone numbers
    ("phone", "London: +44 20 7946 0958", "+44 20 7946 0958"),
    ("phone", "+1 (212) 555-0123", "+1 (212) 555-0123"),
    ("phone", "+49.30.1234.5678", "+49.30.1234.5678"),
    ("phone", "Kyiv +380 44 123 4567.", "+380 44 123 4567"),
    ("phone", "+996555123456", "+996555123456"),
    # e-mail addresses
    ("email", "write to john.doe@example.com.", "john.doe@example.com"),
    ("email", "a.b+tag@mail.kz", "a.b+tag@mail.kz"),
    ("email", "mailto:activist@gmail.com", "activist@gmail.com"),
    ("email", "<Name_Surname-1@sub.domain.co.uk>", "Name_Surname-1@sub.domain.co.uk"),
    ("email", "https://example.org/contact?to=someone@example.org", "someone@example.org"),
    ("email", "почта: ivanov@mail.ru", "ivanov@mail.ru"),
    # street addresses with a house number, apartments
    ("address", "lives at ul. Abaya 12", "ul. Abaya 12"),
    ("address", "12 Abai Street", "12 Abai Street"),
    ("address", "Abai avenue 150, apt 5", "Abai avenue 150, apt 5"),
    ("address", "улица Абая, д. 12, кв. 5", "улица Абая, д. 12, кв. 5"),
    ("address", "mkr Samal-2, 45", "mkr Samal-2, 45"),
    ("address", "Абай даңғылы, 150", "Абай даңғылы, 150"),
    ("address", "Алматы, Абай көшесі 12", "Абай көшесі 12"),
    ("address", "ул. Абая 12", "ул. Абая 12"),
    ("address", "пр. Достык, 5", "пр. Достык, 5"),
    ("address", "Abai Ave. 150", "Abai Ave. 150"),
    ("address", "15 Satpayev St.", "15 Satpayev St."),
    ("address", "г. Алматы, мкр. Самал-2, д. 45, кв. 12", "мкр. Самал-2, д. 45, кв. 12"),
    ("address", "ulitsa Abaya, 12", "ulitsa Abaya, 12"),
    ("address", "prospekt Abaya 10A", "prospekt Abaya 10A"),
    ("address", "Panfilov Street 27, Almaty", "Panfilov Street 27"),
    ("address", "On 13 June Panfilov Street, 12, was searched", "Panfilov Street, 12"),
    ("address", "he lives at 5 Baitursynov Street", "5 Baitursynov Street"),
    ("address", "Tole Bi street 101/2", "Tole Bi street 101/2"),
    ("address", "Lives at ul. Abaya 12 kv. 5 in Almaty.", "ul. Abaya 12 kv. 5"),
    ("address", "kv. 5", "kv. 5"),
    ("address", "apt. 5", "apt. 5"),
    ("address", "apartment 12 in Almaty", "apartment 12"),
    ("address", "his flat 3", "flat 3"),
    ("address", "кв.5", "кв.5"),
    ("address", "квартира 7", "квартира 7"),
    ("address", "12-пәтер", "12-пәтер"),
    ("address", "Самал-2 шағын ауданы, 45 үй", "Самал-2 шағын ауданы, 45"),
]


@pytest.mark.parametrize("kind,text,found", POSITIVE, ids=[f"{k}:{t}" for k, t, _ in POSITIVE])
def test_private_data_is_found(kind, text, found):
    hits = find_private(text)
    assert_well_formed(text, hits)
    assert any(h.kind == kind and h.text == found for h in hits), hits


def test_hits_come_in_order_with_offsets_and_messages():
    text = f"IIN {IIN_A}; e-mail a@b.kz; tel. +7 701 123 45 67; ul. Abaya 12, kv. 3"
    hits = find_private(text)
    assert_well_formed(text, hits)
    assert [h.kind for h in hits] == ["iin", "email", "phone", "address"]
    assert hits[0] == Hit("iin", IIN_A, 4, hits[0].message)
    assert "IIN" in hits[0].message and "check digit" in hits[0].message
    assert "phone" in hits[2].message and "Kazakhstan" in hits[2].message
    assert "international" in find_private("+44 20 7946 0958")[0].message
    assert "e-mail" in hits[1].message
    assert "address" in hits[3].message


# ------------------------------------------------------------------------------------ negative cases

NEGATIVE = [
    # dates, years and year ranges
    "2019-10-08", "10.09.2021", "on 10.09.2021 and 2019-10-08", "2011-2012", "1998–2001", "in 1998-2001",
    "from 2017-08 to 2017-11", "2019-10-08 2020-01-21", "between 2011 2012 2013",
    # money and counts
    "27780", "a fine of 27780 tenge", "11 143 450 tenge", "260 million", "+100 000 000 tenge", "8 143 450 000 tenge",
    "1 800 000 000", "8 activists", "In 2019 8 activists were detained",
    # document numbers and references
    "Opinion No. 67/2018", "Communication No. 2304/2013", "EUR 57/7495/2023", "No. 226-V", "Law No. 226-V of 2014",
    # Criminal Code articles, parts, durations, ids
    "405", "120-1", "part 2", "article 405, part 2", "article 174 part 1 and article 405 part 2", "P1Y4M", "P1Y6M",
    "zhaubatyrov-asylkhan-2021-405-2", "abishev-kenzhebek-2019-05-20-appeal-rejected",
    # URLs
    "https://en.odfoundation.eu/a/26432,list-of-kazakhstani-political-prisoners-and-other-politically-prosecuted-persons/",
    "https://qaharman.fund/en/a-civil-activist-from-aktobe-asylkhan-zhaubatyrov-was-illegally-sentenced-to-1-year-of-restricted-freedom/",
    "https://medium.com/@someone/post-123",
    "https://web.archive.org/web/20200131123456/https://example.org/",
    "https://www.google.com/maps/@43.2380,76.8890,15z",
    "https://user@example.com/path",
    "https://example.org/+77011234567",
    "https://example.org/street/12",
    # streets without a house number, courts, colonies
    "walked down Panfilov Street", "On 13 June 2020 he walked along Panfilov Street with a drum",
    "Court No. 2 of the City of Kostanai", "colony LA 155/14", "colony LA 155/14, Almaty Region",
    "Panfilov Street, 12 people were detained", "Panfilov Street on 12 June", "Abai Avenue, 2019",
    "Abai Avenue in 2019", "walked 3 km along Abai Avenue", "St. Petersburg on 12 March", "13 June Panfilov Street",
    "posters on a street 5 km away", "a flat 25% tax", "sold the flat for 20 million tenge", "apartment fraud",
    "an apartment owners' cooperative", "Her flat was searched", "on a street poster", "the Silk Road",
    "кв. м", "50 кв. м", "50 kv. m", "a 110 kV line", "ст. 405 УК РК", "ч. 2 ст. 174",
    # other digits and signs
    "+7 days", "C++ 11", "5+ years", "1st", "12th", "an e-mail was sent", "user@localhost", "a@b", "@handle",
    "+2019-10-08", "The 1000 tenge note",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_clean_text_gives_no_hits(text):
    assert find_private(text) == []


def test_empty_text():
    assert find_private("") == []


def test_iin_in_a_longer_digit_run_is_not_reported():
    assert "iin" not in kinds("9" + IIN_A)
    assert "iin" not in kinds(IIN_A + "0")
    assert "iin" not in kinds(IIN_A[:6] + " " + IIN_A[6:] + "7")


# ------------------------------------------------------------------------------------ property tests

@st.composite
def valid_iins(draw) -> str:
    born = draw(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2025, 12, 31)))
    iin = make_iin(born, draw(st.booleans()), draw(st.integers(min_value=0, max_value=9999)))
    assume(iin is not None)          # both weightings gave 10: no valid IIN with these first 11 digits
    return iin


def _reads_as_no_digit(text: str) -> bool:
    """Nothing that the scan reads as a digit (a superscript, a fraction, a circled number: NFKC gives
    digits) and no IIN keyword (after which any 12 digits are reported)."""
    normal = unicodedata.normalize("NFKC", text)
    return not any(c.isdigit() for c in normal) and not re.search("iin|иин|жсн", normal, re.IGNORECASE)


no_digits = st.text(
    alphabet=st.characters(blacklist_categories=("Nd", "Cs"), blacklist_characters="0123456789"),
    max_size=20,
).filter(_reads_as_no_digit)


@settings(max_examples=300, deadline=None)
@given(iin=valid_iins(), before=no_digits, after=no_digits)
def test_generated_iins_are_valid_and_found_in_text(iin, before, after):
    assert iin_is_valid(iin)
    text = before + iin + after
    hits = find_private(text)
    assert_well_formed(text, hits)
    assert Hit("iin", iin, len(before), hits[0].message if hits else "") in [
        h for h in hits if h.kind == "iin"
    ]


@settings(max_examples=300, deadline=None)
@given(iin=valid_iins(), before=no_digits, after=no_digits)
def test_any_other_check_digit_makes_an_iin_invalid(iin, before, after):
    for d in "0123456789":
        if d == iin[-1]:
            continue
        bad = iin[:-1] + d
        assert not iin_is_valid(bad)
        assert "iin" not in kinds(before + bad + after)


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=200))
def test_arbitrary_text_gives_well_formed_hits(text):
    assert_well_formed(text, find_private(text))


# ----------------------------------------------------------------------------------------- real data

def _text_cells(path: Path):
    with path.open(encoding="utf-8", newline="") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            for field, value in row.items():
                if isinstance(value, str) and value:
                    yield line, field, value


DATA_FILES = sorted((REPO / "data").glob("*.csv"))


def test_there_is_data_to_check():
    assert len(DATA_FILES) >= 5


@pytest.mark.parametrize("path", DATA_FILES, ids=[p.name for p in DATA_FILES])
def test_real_data_has_no_private_data(path):
    # as the validator does: in an address (url, archive_url), only an e-mail address counts
    found = [(line, field, h) for line, field, value in _text_cells(path) for h in find_private(value)
             if h.kind == "email" or field not in ("url", "archive_url")]
    assert found == []


# ----------------------------------------------------------------------------------------- long input

def test_a_megabyte_of_digits_and_punctuation_completes():
    rnd = random.Random(20261122)
    text = "".join(rnd.choices("0123456789          -.,()+/:;", k=1_000_000))
    hits = find_private(text)
    assert isinstance(hits, list)
    assert all(text[h.start:h.start + len(h.text)] == h.text for h in hits)
