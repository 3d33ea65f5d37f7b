"""Check 7: a person's status agrees with their sentences and events."""
from __future__ import annotations

from conftest import assert_at, codes, only

RELEASING = {"released", "released_from_custody", "acquitted", "pardoned", "parole_granted", "amnesty", "case_closed"}


def held_since_2016(pkg):
    """Bokayev as the first release knew him: in prison on his 2016 verdict, as of 2020, no release recorded
    (later sources report his release in 2021; the tests set the state they need)."""
    pkg.set("persons", "bokayev-maks", status="in_prison", status_date="2020")
    pkg.drop("events", lambda r: not (r["person"] == "bokayev-maks" and r["type"] in RELEASING))


def test_in_prison_after_a_release(pkg):
    held_since_2016(pkg)
    pkg.add("events", id="bokayev-maks-2019-12-released", person="bokayev-maks", type="released", date="2019-12",
            sources="odf-2020-political-prisoners-list")
    line = pkg.line_of("persons", "bokayev-maks")
    f = only(pkg.validate(), "KZ701")
    assert_at(f, "data/persons.csv", line, "status")


def test_released_without_a_release_event(pkg):
    held_since_2016(pkg)
    pkg.set("persons", "bokayev-maks", status="released")
    assert only(pkg.validate(), "KZ702").severity == "warning"


def test_released_with_a_release_event(pkg):
    held_since_2016(pkg)
    pkg.set("persons", "bokayev-maks", status="released", status_date="2020")
    pkg.add("events", id="bokayev-maks-2019-12-released", person="bokayev-maks", type="released", date="2019-12",
            sources="odf-2020-political-prisoners-list")
    assert pkg.validate().findings == []


def test_in_prison_without_prison_sentence_or_detention(pkg):
    pkg.set("persons", "zhaubatyrov-asylkhan", status="in_prison")
    assert only(pkg.validate(), "KZ702").record == "zhaubatyrov-asylkhan"


def test_restricted_freedom_needs_such_a_sentence(pkg):
    pkg.set("persons", "bokayev-maks", status="restricted_freedom")
    assert "KZ702" in codes(pkg.validate())


def test_prison_term_over_before_status_date(pkg):
    held_since_2016(pkg)
    pkg.set("sentences", "bokayev-maks-2016-prison", term="P2Y")
    f = only(pkg.validate(), "KZ703")
    assert f.severity == "warning" and "2018-11-28" in f.message


def test_a_parole_grant_is_not_a_release(pkg):
    """A parole grant can be overturned before the prisoner leaves: only a release event ends custody."""
    held_since_2016(pkg)
    pkg.add("events", id="bokayev-maks-2019-10-parole-granted", person="bokayev-maks", type="parole_granted",
            date="2019-10-08", sources="odf-2020-political-prisoners-list")
    assert "KZ701" not in codes(pkg.validate())


def test_a_detention_before_the_verdict_does_not_hide_a_finished_term(pkg):
    """Bokayev's data has no later custody event: a pre-trial detention must not silence KZ703."""
    held_since_2016(pkg)
    pkg.set("sentences", "bokayev-maks-2016-prison", term="P2Y")
    pkg.add("events", id="bokayev-maks-2016-05-detained", person="bokayev-maks", case="atyrau-2016-land-protests-bokayev",
            type="detained", date="2016-05", sources="odf-2020-political-prisoners-list")
    assert "KZ703" in codes(pkg.validate())
