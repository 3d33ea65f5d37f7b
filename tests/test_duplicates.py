"""Check 8: likely duplicate persons, transliteration-insensitive."""
from __future__ import annotations

import pytest
from conftest import codes, only

from kzdata.checks.duplicates import name_key


@pytest.mark.parametrize("a,b", [
    ("Igor Sychev", "Igor Sichev"),
    ("Yedige Batyrov", "Edige Batyrov"),
    ("Nurbek Kushakbayev", "Nurbek Kushakbaev"),
    ("Mukhtar Dzhakishev", "Mukhtar Jakishev"),
    ("Muratkhan Tokmadi", "Tokmadi Muratkhan"),
    ("Мухтар Джакишев", "Mukhtar Dzhakishev"),
])
def test_spellings_fold_together(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize("a,b", [("Kenzhebek Abishev", "Aset Abishev"), ("Maks Bokayev", "Mukhtar Bokayev")])
def test_different_people_stay_apart(a, b):
    assert name_key(a) != name_key(b)


def test_duplicate_person_is_flagged(pkg):
    pkg.add("persons", id="bokaev-maks", name="Maks Bokaev", status="in_prison", status_date="2017-12-15",
            sources="odf-2017-zhanaozen-anniversary")
    f = only(pkg.validate(), "KZ801")
    assert f.severity == "warning" and "bokayev-maks" in f.message


def test_alias_matches_too(pkg):
    pkg.add("persons", id="zhylyanbayev-m", name="M. Zhylyanbayev", aliases="Marat Zhylyanbayev", status="unknown",
            status_date="2023", sources="amnesty-2023-zhylanbayev")
    assert "KZ801" in codes(pkg.validate())


def test_distinct_from_silences_the_warning(pkg):
    pkg.add("persons", id="bokaev-maks", name="Maks Bokaev", status="unknown", status_date="2017-12-15",
            distinct_from="bokayev-maks", sources="odf-2017-zhanaozen-anniversary")
    assert "KZ801" not in codes(pkg.validate())
