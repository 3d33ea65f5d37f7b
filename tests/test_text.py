"""Check 9: honest, safe text in every string cell (scripts, invisible characters, NFC, spaces, formulas,
source addresses, private data)."""
from __future__ import annotations

import pytest
from conftest import assert_at, codes, only

from kzdata.checks.text import mask, script_problem

SRC = "odf-2020-political-prisoners-list"


@pytest.mark.parametrize("url, code", [
    ("https://user:secret@example.org/report", "KZ125"),
    ("https://user@example.org/report", "KZ125"),
    ("javascript:alert(1)", "KZ125"),
    ("ftp://example.org/report.pdf", "KZ125"),
    ("file:///etc/passwd", "KZ125"),
    ("https://example.org/a b", "KZ125"),
    ("https://example.org:99999/x", "KZ125"),
    ("https://example.org/report?utm_source=twitter&id=5", "KZ126"),
    ("https://example.org/report?fbclid=abc", "KZ126"),
])
def test_unsafe_source_addresses(pkg, url, code):
    pkg.set("sources", SRC, url=url)
    f = only(pkg.validate(), code)
    assert_at(f, "data/sources.csv", pkg.line_of("sources", SRC), "url")


def test_a_plain_address_with_a_query_is_fine(pkg):
    pkg.set("sources", SRC, url="https://en.odfoundation.eu/a/26432?lang=en")
    assert pkg.validate().findings == []


def test_cyrillic_lookalike_in_a_latin_name_is_named(pkg):
    pkg.set("persons", "bokayev-maks", name="Мaks Bokayev")   # Cyrillic EM
    f = only(pkg.validate(), "KZ120")
    assert f.column == "name" and "U+041C" in f.message and "CYRILLIC CAPITAL LETTER EM" in f.message


def test_latin_letter_in_the_cyrillic_name(pkg):
    pkg.set("persons", "bokayev-maks", name_cyrillic="Макс Бокаeв")  # Latin e
    f = only(pkg.validate(), "KZ120")
    assert f.column == "name_cyrillic" and "LATIN SMALL LETTER E" in f.message


def test_a_word_mixing_scripts_in_free_text(pkg):
    pkg.set("persons", "bokayev-maks", notes="An аctivist from Atyrau.")
    assert only(pkg.validate(), "KZ120").column == "notes"


def test_a_cyrillic_alias_is_allowed_when_each_word_is_one_script(pkg):
    pkg.set("persons", "bokayev-maks", aliases="Макс Бокаев;Maks Bokaev")
    assert "KZ120" not in codes(pkg.validate())


@pytest.mark.parametrize("value", ["Maks\u200bBokayev", "Maks \u202eBokayev", "Maks\u00adBokayev", "Maks\x07Bokayev"])
def test_invisible_characters(pkg, value):
    pkg.set("persons", "bokayev-maks", name=value)
    assert only(pkg.validate(), "KZ121").column == "name"


def test_an_invisible_character_in_an_id_list_is_caught_too(pkg):
    pkg.set("persons", "bokayev-maks", sources=SRC + "\u200b")
    assert "KZ121" in codes(pkg.validate())


def test_decomposed_text(pkg):
    pkg.set("persons", "bokayev-maks", notes="Cafe\u0301 owner.")
    assert only(pkg.validate(), "KZ122").column == "notes"


@pytest.mark.parametrize("value", [" Atyrau", "Atyrau ", "Atyrau  Region"])
def test_stray_spaces_are_warnings(pkg, value):
    pkg.set("persons", "bokayev-maks", region=value)
    f = only(pkg.validate(), "KZ123")
    assert f.severity == "warning" and f.column == "region"


@pytest.mark.parametrize("value", ["=1+1", "+7 days", "-sentence", "@cmd", "\tindent"])
def test_formula_injection(pkg, value):
    pkg.set("persons", "bokayev-maks", notes=value)
    assert "KZ124" in codes(pkg.validate())


def test_a_negative_number_in_a_numeric_column_is_not_a_formula(pkg):
    pkg.set("sentences", "zhaubatyrov-asylkhan-2021-fund", amount="-27780")
    assert "KZ124" not in codes(pkg.validate())


@pytest.mark.parametrize("text, code", [
    ("His IIN is 900101300017.", "KZ110"),
    ("Reach him on 8 701 123 45 67.", "KZ111"),
    ("Contact: activist@example.kz", "KZ112"),
    ("Searched at ul. Abaya 12 kv. 5.", "KZ113"),
])
def test_private_data_in_any_text_column(pkg, text, code):
    pkg.set("cases", "aktobe-2021-zhaubatyrov", summary=text)
    f = only(pkg.validate(), code)
    assert f.column == "summary" and f.severity == "error"


def test_private_data_cannot_be_accepted_by_an_exception(pkg):
    pkg.set("cases", "aktobe-2021-zhaubatyrov", summary="Reach him on 8 701 123 45 67.")
    pkg.add("exceptions", code="KZ111", table="cases", record="aktobe-2021-zhaubatyrov", reason="A maintainer checked the finding against the cited sources and accepts it.", reviewed="2026-11-22")
    assert "KZ111" in codes(pkg.validate())


def test_mask_keeps_the_shape_only():
    assert mask("+7 701 123 45 67") == "+7 ### ### ## 67"
    assert "123" not in mask("activist@example.kz")


@pytest.mark.parametrize("value, declared, bad", [
    ("Maks Bokayev", "latin", False), ("Мaks", "latin", True), ("Макс", "cyrillic", False), ("Мaкс", "cyrillic", True),
    ("Almaty Алматы", None, False), ("Almаty", None, True), ("O'Neil-Smith 2019", None, False),
])
def test_script_rules(value, declared, bad):
    assert (script_problem(value, declared) is not None) == bad
