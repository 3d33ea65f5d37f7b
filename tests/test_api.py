"""The library API: kzdata.load() with typed, linked records, and kzdata.validate()."""
from __future__ import annotations

import datetime as dt

import pytest
from conftest import REPO

import kzdata


def test_load_navigates_between_records():
    ds = kzdata.load(REPO)
    p = ds.persons["bokayev-maks"]
    assert [c.id for c in p.cases] == ["atyrau-2016-land-protests-bokayev"]
    assert sorted(c.article for c in p.charges) == ["174", "274", "400"]
    prison = next(s for s in p.sentences if s.kind == "imprisonment")
    assert prison.term.years == 5 and prison.verdict_date.start == dt.date(2016, 11, 28)
    starts = [e.date.start for e in p.events if e.date]
    assert starts == sorted(starts) and len(starts) >= 3  # sorted by date
    assert ds.charges["bokayev-maks-2016-174"].article_ref["title_ru"].startswith("Разжигание")


def test_a_shared_case_has_all_its_defendants():
    ds = kzdata.load(REPO)
    case = ds.cases["almaty-2019-dck-shevchuk-et-al"]
    assert [p.id for p in case.defendants] == ["ashiraliyev-anuar", "demeuova-zhazira", "dzhaukerova-gulzipa", "shevchuk-oksana"]
    assert all(c.outcome == "convicted" for c in case.charges)


def test_load_refuses_an_invalid_package(pkg):
    pkg.set("persons", "bokayev-maks", status="jailed")
    with pytest.raises(kzdata.InvalidPackage) as exc:
        kzdata.load(pkg.root)
    assert exc.value.report.errors[0].code == "KZ103"
    assert kzdata.load(pkg.root, check=False).persons["bokayev-maks"].status == "jailed"


def test_validate_returns_a_report():
    report = kzdata.validate(REPO)
    assert isinstance(report, kzdata.Report) and report.ok(strict=True)
