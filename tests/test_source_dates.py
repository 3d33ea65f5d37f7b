"""Check 5: a fact dated after the publication of every source it cites is impossible."""
from __future__ import annotations

from conftest import assert_at, codes, only


def test_event_after_its_only_source(pkg):
    line = pkg.line_of("events", "bokayev-maks-2019-09-30-transfer-refused")
    pkg.set("events", "bokayev-maks-2019-09-30-transfer-refused", date="2021-03-01")
    f = only(pkg.validate(), "KZ501")
    assert_at(f, "data/events.csv", line, "date")
    assert "odf-2020-political-prisoners-list 2020" in f.message


def test_year_precision_source_covers_the_whole_year(pkg):
    pkg.set("events", "bokayev-maks-2019-09-30-transfer-refused", date="2020-12-31")
    assert "KZ501" not in codes(pkg.validate())


def test_a_later_source_makes_it_possible(pkg):
    pkg.set("events", "bokayev-maks-2019-09-30-transfer-refused", date="2021-03-01",
            sources="odf-2020-political-prisoners-list;qaharman-2021-zhaubatyrov")
    assert "KZ501" not in codes(pkg.validate())


def test_undated_source_is_not_flagged(pkg):
    pkg.set("sources", "kibhr-2024-zhylanbayev-appeal", published="")     # a source whose date is not known
    pkg.set("events", "zhylanbayev-marat-2024-01-19-appeal-rejected", date="2025-01-01")
    assert "KZ501" not in codes(pkg.validate())


def test_status_date_after_sources(pkg):
    pkg.set("persons", "zhaubatyrov-asylkhan", status_date="2022")
    assert only(pkg.validate(), "KZ501").column == "status_date"
