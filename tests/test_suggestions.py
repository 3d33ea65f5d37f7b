"""Findings suggest what to write instead: the nearest existing id for a misspelt reference, the ISO form of a
dd.mm.yyyy date, "article 174, part 1" for 174.1, a list without spaces, the Latin letter a Cyrillic look-alike
stands for (with its position), and patterns described in words rather than as regular expressions."""
from __future__ import annotations

from click.testing import CliRunner
from conftest import only

from kzdata.cli import main


def test_a_misspelt_reference_suggests_the_nearest_id(pkg):
    pkg.set("charges", "bokayev-maks-2016-174", person="bokaev-maks")
    f = only(pkg.validate(), "KZ202")
    assert f.suggestion == "bokayev-maks"
    r = CliRunner().invoke(main, ["validate", str(pkg.root)])
    assert "did you mean: bokayev-maks" in r.output


def test_a_cyrillic_letter_inside_an_id_is_named_with_its_position(pkg):
    pkg.set("charges", "bokayev-maks-2016-174", person="bok\u0430yev-maks")      # a Cyrillic а
    report = pkg.validate()
    f = next(f for f in report.findings if f.code == "KZ104" and f.column == "person")
    assert "U+0430" in f.message and "position 4" in f.message and f.suggestion == "bokayev-maks"
    g = only(report, "KZ202")
    assert "position 4" in g.message and g.suggestion == "bokayev-maks"


def test_a_date_written_dd_mm_yyyy_suggests_the_iso_form(pkg):
    pkg.set("events", "bokayev-maks-2017-01-transferred", date="28.01.2017")
    assert only(pkg.validate(), "KZ106").suggestion == "2017-01-28"
    pkg.set("events", "bokayev-maks-2017-01-transferred", date="01.06.2017")
    assert "or 2017-06 if the source gives only the month" in only(pkg.validate(), "KZ106").suggestion


def test_an_article_with_its_part_as_journalists_write_it(pkg):
    for written in ("174.1", "174 part 1", "ст. 174 ч. 1", "174(1)"):
        pkg.set("charges", "bokayev-maks-2016-174", article=written)
        f = next(f for f in pkg.validate().findings if f.code == "KZ104" and f.column == "article")
        assert f.suggestion.startswith("article 174, part 1"), (written, f.suggestion)
        assert "^" not in f.message and "a number such as 405" in f.message


def test_a_list_with_spaces_and_an_enum_with_a_typo(pkg):
    pkg.set("persons", "bokayev-maks", roles="activist; blogger")
    f = next(f for f in pkg.validate().findings if f.column == "roles")
    assert f.suggestion == "activist;blogger"
    pkg.set("persons", "bokayev-maks", roles="activist", status="restricted freedom")
    f = next(f for f in pkg.validate().findings if f.code == "KZ103")
    assert f.suggestion == "restricted_freedom"


def test_patterns_are_described_in_words(pkg):
    pkg.set("sentences", "bokayev-maks-2016-fine", currency="tenge")
    f = next(f for f in pkg.validate().findings if f.column == "currency")
    assert "three capital letters, such as KZT" in f.message and "^" not in f.message
