"""Check 4: dates in a possible order; none in the future or before the age of criminal responsibility."""
from __future__ import annotations

import datetime as dt

from conftest import assert_at, codes, only

BOK = dict(person="bokayev-maks", case="atyrau-2016-land-protests-bokayev", sources="odf-2020-political-prisoners-list")


def add_event(pkg, eid, etype, date, **kw):
    pkg.add("events", id=eid, type=etype, date=date, **{**BOK, **kw})
    return pkg.line_of("events", eid)


def test_future_date(pkg):
    line = add_event(pkg, "bokayev-maks-2030-released", "released", "2030-01")
    f = only(pkg.validate(), "KZ401")
    assert_at(f, "data/events.csv", line, "date")


def test_today_is_not_the_future(pkg):
    pkg.set("events", "bokayev-maks-2018-09-transferred", date="2026-11-22")
    assert "KZ401" not in codes(pkg.validate(today=dt.date(2026, 11, 22)))


def test_event_before_age_of_criminal_responsibility(pkg):
    line = pkg.line_of("sentences", "bokayev-maks-2016-prison")
    pkg.set("persons", "bokayev-maks", birth_year="2003")
    report = pkg.validate()
    hits = [f for f in report.findings if f.code == "KZ402"]
    assert any(f.file == "data/sentences.csv" and f.line == line for f in hits)
    pkg.set("persons", "bokayev-maks", birth_year="1972")
    assert "KZ402" not in codes(pkg.validate())


def test_detention_after_first_verdict(pkg):
    line = add_event(pkg, "bokayev-maks-2017-detained", "pre_trial_detention", "2017-02-01")
    f = only(pkg.validate(), "KZ403")
    assert_at(f, "data/events.csv", line, "date")


def test_detention_in_the_verdict_month_is_not_flagged(pkg):
    """A month-precision date is a range: November 2016 may be before the 28th."""
    add_event(pkg, "bokayev-maks-2016-11-detained", "detained", "2016-11")
    assert "KZ403" not in codes(pkg.validate())


def test_charge_date_after_verdict(pkg):
    pkg.set("charges", "bokayev-maks-2016-174", charged_date="2017-01-10")
    assert only(pkg.validate(), "KZ403").column == "charged_date"


def test_appeal_before_verdict(pkg):
    line = add_event(pkg, "bokayev-maks-2016-appeal", "appeal_rejected", "2016-10-01")
    assert_at(only(pkg.validate(), "KZ404"), "data/events.csv", line, "date")


def test_appeal_sentence_before_verdict(pkg):
    pkg.copy_row("sentences", "bokayev-maks-2016-prison", id="bokayev-maks-2016-appeal-prison", instance="appeal", verdict_date="2016-09")
    assert only(pkg.validate(), "KZ404").column == "verdict_date"


def test_parole_before_verdict(pkg):
    add_event(pkg, "bokayev-maks-2016-parole", "parole_denied", "2016-06")
    assert only(pkg.validate(), "KZ405")


def test_listing_before_conviction_is_a_warning(pkg):
    add_event(pkg, "bokayev-maks-2016-listed", "listed", "2016-05")
    assert only(pkg.validate(), "KZ406").severity == "warning"


def test_release_before_detention(pkg):
    add_event(pkg, "bokayev-maks-2016-05-detained", "detained", "2016-05-17")
    add_event(pkg, "bokayev-maks-2016-05-released", "released_from_custody", "2016-05-01")
    assert only(pkg.validate(), "KZ407")


def test_acts_after_charge(pkg):
    pkg.set("charges", "bokayev-maks-2016-174", charged_date="2016-03-01")
    assert only(pkg.validate(), "KZ408").column == "acts_from"


def test_acts_range_reversed(pkg):
    pkg.set("charges", "shevchuk-oksana-2019-405-2", acts_from="2019-04-04", acts_to="2019-03-22")
    assert only(pkg.validate(), "KZ409").column == "acts_to"


def test_possible_order_passes(pkg):
    add_event(pkg, "bokayev-maks-2016-05-detained", "detained", "2016-05-17")
    add_event(pkg, "bokayev-maks-2017-appeal", "appeal_rejected", "2017-02")
    pkg.set("charges", "bokayev-maks-2016-174", charged_date="2016-05-18")
    assert pkg.validate().findings == []


def test_a_sentence_without_a_verdict_date_is_accepted_and_skipped_by_date_checks(pkg):
    """Sources often say only that someone 'received a suspended sentence': the row stays, undated."""
    pkg.set("sentences", "bokayev-maks-2016-ban", verdict_date="")
    assert pkg.validate().findings == []


def test_acts_running_past_the_verdict(pkg):
    pkg.set("charges", "bokayev-maks-2016-174", acts_from="2016-04", acts_to="2017-01")
    f = only(pkg.validate(), "KZ408")
    assert f.column == "acts_to" and "2017-01" in f.message


def test_an_event_only_the_living_undergo_cannot_follow_death(pkg):
    """KZ410, the worked example of docs/architecture.md: a transfer dated after the person's death."""
    pkg.copy_row("events", "bokayev-maks-2017-04-un-decision", id="bokayev-maks-2018-died", type="died", date="2018-02",
                 authority="", reference="")
    from kzdata.vocab import ONLY_WHILE_ALIVE

    hits = [f for f in pkg.validate().findings if f.code == "KZ410"]
    later = sorted(r["id"] for r in pkg.read("events")[1]
                   if r["person"] == "bokayev-maks" and r["type"] in ONLY_WHILE_ALIVE and r["date"] > "2018-03")
    assert [f.record for f in hits] == later and "bokayev-maks-2018-09-transferred" in later
    assert_at(hits[0], "data/events.csv", pkg.line_of("events", "bokayev-maks-2018-09-transferred"), "date")
    died = pkg.line_of("events", "bokayev-maks-2018-died")
    assert [(r.file, r.line, r.column) for r in hits[0].related] == [("data/events.csv", died, "date")]
    pkg.set("events", "bokayev-maks-2018-died", date="2019-06")        # a UN opinion or a listing may follow; a transfer not
    assert "KZ410" in codes(pkg.validate())
    pkg.set("events", "bokayev-maks-2018-died", date="2021-12")
    assert "KZ410" not in codes(pkg.validate())
