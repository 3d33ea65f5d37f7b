"""Reviewed exceptions accept a known warning; stale ones are reported; errors are never accepted."""
from __future__ import annotations

from conftest import codes, only
from test_articles import set_verdict


def test_exception_accepts_the_warning(pkg):
    report = pkg.validate()
    assert report.findings == []
    assert [(f.code, f.record) for f in report.excepted] == [("KZ603", "zhaubatyrov-asylkhan-2021-405-2")]


def test_without_the_exception_the_warning_shows(pkg):
    header, _ = pkg.read("exceptions")
    pkg.write("exceptions", header, [])
    f = only(pkg.validate(), "KZ603")
    assert f.record == "zhaubatyrov-asylkhan-2021-405-2"


def test_stale_exception_is_reported(pkg):
    pkg.set("cases", "aktobe-2021-zhaubatyrov", banned_organisation="democratic-choice-of-kazakhstan")
    f = only(pkg.validate(), "KZ901")
    assert f.file == "data/exceptions.csv" and f.line == 2 and f.severity == "warning"


def test_an_exception_cannot_hide_an_error(pkg):
    pkg.add("exceptions", code="KZ304", table="charges", record="bokayev-maks-2016-174", reason="test", reviewed="2026-11-22")
    pkg.set("charges", "bokayev-maks-2016-174", article="130", part="2")
    set_verdict(pkg, "2021-03-01")
    report = pkg.validate()
    assert "KZ304" in codes(report) and "KZ901" in codes(report)
