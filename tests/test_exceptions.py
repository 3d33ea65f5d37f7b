"""Reviewed exceptions accept a known warning; stale ones are reported; errors are never accepted."""
from __future__ import annotations

from conftest import codes, only
from test_articles import set_verdict


ZHAUBATYROV = ("KZ603", "zhaubatyrov-asylkhan-2021-405-2")


def test_each_exception_accepts_exactly_its_warning(pkg):
    report = pkg.validate()
    assert report.findings == []
    _, rows = pkg.read("exceptions")
    accepted = [(f.code, f.record) for f in report.excepted]
    assert sorted(accepted) == sorted((r["code"], r["record"]) for r in rows)
    assert ZHAUBATYROV in accepted


def test_without_the_exception_the_warning_shows(pkg):
    header, rows = pkg.read("exceptions")
    pkg.write("exceptions", header, [r for r in rows if (r["code"], r["record"]) != ZHAUBATYROV])
    f = only(pkg.validate(), "KZ603")
    assert f.record == "zhaubatyrov-asylkhan-2021-405-2"


def test_stale_exception_is_reported(pkg):
    pkg.set("cases", "aktobe-2021-zhaubatyrov", banned_organisation="democratic-choice-of-kazakhstan")
    f = only(pkg.validate(), "KZ901")
    lines = pkg.path("exceptions").read_text(encoding="utf-8").split("\n")
    line = next(n for n, text in enumerate(lines, start=1) if text.startswith("KZ603,charges,zhaubatyrov-asylkhan-2021-405-2,"))
    assert f.file == "data/exceptions.csv" and f.line == line and f.severity == "warning"


def test_an_exception_cannot_hide_an_error(pkg):
    pkg.add("exceptions", code="KZ304", table="charges", record="bokayev-maks-2016-174", reason="A maintainer checked the finding against the cited sources and accepts it.", reviewed="2026-11-22")
    pkg.set("charges", "bokayev-maks-2016-174", article="130", part="2")
    set_verdict(pkg, "2021-03-01")
    report = pkg.validate()
    assert "KZ304" in codes(report) and "KZ901" in codes(report)
