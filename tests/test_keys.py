"""Check 2: unique ids and references that resolve, including each item of a list cell."""
from __future__ import annotations

from conftest import assert_at, only


def test_duplicate_id(pkg):
    pkg.copy_row("cases", "atyrau-2016-land-protests-bokayev", title="A copy")
    f = only(pkg.validate(), "KZ201")
    first = pkg.line_of("cases", "atyrau-2016-land-protests-bokayev")
    assert f.line == first + 1  # the copy sorts right after the original, which keeps the id
    assert "atyrau-2016-land-protests-bokayev" in f.message and "line" in f.message


def test_dangling_scalar_reference(pkg):
    line = pkg.line_of("charges", "bokayev-maks-2016-274")
    pkg.set("charges", "bokayev-maks-2016-274", person="bokaev-maks")
    f = only(pkg.validate(), "KZ202")
    assert_at(f, "data/charges.csv", line, "person")
    assert "'bokaev-maks'" in f.message


def test_dangling_item_in_list_cell(pkg):
    line = pkg.line_of("persons", "shevchuk-oksana")
    pkg.set("persons", "shevchuk-oksana", sources="odf-2020-political-prisoners-list;odf-2021-missing")
    f = only(pkg.validate(), "KZ202")
    assert_at(f, "data/persons.csv", line, "sources")
    assert "odf-2021-missing" in f.message


def test_dangling_affiliation(pkg):
    pkg.set("persons", "shevchuk-oksana", affiliations="democratic-choice-of-kazakhstan;koshe")
    f = only(pkg.validate(), "KZ202")
    assert f.column == "affiliations" and "'koshe'" in f.message


def test_repeated_list_item_is_a_warning(pkg):
    pkg.set("persons", "bokayev-maks", sources="odf-2020-political-prisoners-list;odf-2020-political-prisoners-list")
    assert only(pkg.validate(), "KZ203").severity == "warning"


def test_removed_row_leaves_dangling_references(pkg):
    header, rows = pkg.read("cases")
    pkg.write("cases", header, [r for r in rows if r["id"] != "almaty-2019-dck-shevchuk-et-al"])
    report = pkg.validate()
    dangling = [f for f in report.findings if f.code == "KZ202"]
    assert len(dangling) == 12  # 4 charges and 8 sentences point to the removed case
    assert {f.file for f in dangling} == {"data/charges.csv", "data/sentences.csv"}


def test_a_retired_id_cannot_be_used_again(pkg):
    pkg.add("retired", id="bokayev-maks", table="persons", retired="2026-01-01", reason="removed at the person's request")
    f = only(pkg.validate(), "KZ204")
    assert f.record == "bokayev-maks" and f.column == "id" and f.file == "data/persons.csv"


def test_a_retired_id_of_another_table_is_no_conflict(pkg):
    pkg.add("retired", id="bokayev-maks", table="cases", retired="2026-01-01", reason="removed at the person's request")
    assert pkg.validate().findings == []
