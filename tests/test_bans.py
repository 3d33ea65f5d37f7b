"""Check 6: article 405 (2014 Code) for acts before the organisation's ban is impossible."""
from __future__ import annotations

from conftest import assert_at, codes, only

CH = "shevchuk-oksana-2019-405-2"  # case names the DCK, banned 2018-03


def test_acts_before_ban(pkg):
    line = pkg.line_of("charges", CH)
    pkg.set("charges", CH, acts_from="2017-06", acts_to="2018-02-20")
    f = only(pkg.validate(), "KZ601")
    assert_at(f, "data/charges.csv", line, "acts_to")
    assert "2018-03" in f.message


def test_acts_in_the_ban_month_are_not_flagged(pkg):
    pkg.set("charges", CH, acts_from="2018-03-15", acts_to="2018-03-15")
    assert "KZ601" not in codes(pkg.validate())


def test_acts_partly_before_ban_is_a_warning(pkg):
    pkg.set("charges", CH, acts_from="2017-12", acts_to="2019-04-04")
    assert only(pkg.validate(), "KZ602").severity == "warning"


def test_successor_organisation_ban_date_is_used(pkg):
    # Koshe Partiyasy was banned on 19 May 2020: acts in 2019 cannot be participation in it.
    pkg.set("cases", "almaty-2019-dck-shevchuk-et-al", banned_organisation="koshe-partiyasy")
    report = pkg.validate()
    hits = [f for f in report.findings if f.code == "KZ601"]
    assert len(hits) == 4  # every defendant: by acts for two, by verdict date for the others


def test_charge_without_organisation_is_a_warning(pkg):
    pkg.set("cases", "almaty-2019-dck-shevchuk-et-al", banned_organisation="")
    report = pkg.validate()
    assert [f.code for f in report.findings] == ["KZ603"] * 4


def test_organisation_without_ban_date(pkg):
    pkg.set("organisations", "democratic-choice-of-kazakhstan", banned_date="")
    report = pkg.validate()
    assert {f.code for f in report.findings} == {"KZ604"}
