"""`kzdata find TEXT` finds a person by any spelling (Latin or Cyrillic, transliteration- and word-order-
insensitive); `kzdata show ID` gives a person's or a case's record with its timeline in date order."""
from __future__ import annotations

import json

from click.testing import CliRunner
from conftest import REPO

import kzdata
from kzdata.cli import main
from kzdata.lookup import find, show


def test_find_by_variant_latin_cyrillic_and_word_order():
    ds = kzdata.load(REPO)
    for query in ("Maks Bokayev", "Bokaev Maks", "Макс Бокаев", "maks boqaev", "BOKAYEV"):
        hits = find(ds, query)
        assert hits and hits[0]["id"] == "bokayev-maks", (query, hits[:3])
    assert find(ds, "Nobody Nowhereov") == []


def test_find_ranks_whole_names_before_parts():
    ds = kzdata.load(REPO)
    hits = find(ds, "Abishev")
    assert {h["id"] for h in hits} >= {"abishev-aset", "abishev-kenzhebek"}
    exact = find(ds, "Aset Abishev")
    assert exact[0]["id"] == "abishev-aset" and exact[0]["score"] == 3


def test_show_a_person_timeline_in_date_order_with_sources():
    ds = kzdata.load(REPO)
    rec = show(ds, "bokayev-maks")
    dates = [x["date"] for x in rec["timeline"] if x["date"]]
    starts = [kzdata.dataset._date(d).start for d in dates]
    assert starts == sorted(starts) and len(dates) >= 3
    assert {x["kind"] for x in rec["timeline"]} >= {"charge", "sentence", "event"}
    assert all(s["url"] or s["id"] for s in rec["sources"])
    assert "sensitive_notes" not in rec


def test_show_a_case_and_an_unknown_id():
    ds = kzdata.load(REPO)
    case = show(ds, "atyrau-2016-land-protests-bokayev")
    assert case["type"] == "case" and "bokayev-maks" in {d["id"] for d in case["defendants"]}
    assert show(ds, "no-such-id") is None
    r = CliRunner().invoke(main, ["show", "bokayev-mak", str(REPO)])
    assert r.exit_code == 1 and "did you mean 'bokayev-maks'" in r.output


def test_the_commands_print_text_and_json():
    r = CliRunner().invoke(main, ["find", "Бокаев", str(REPO), "--format", "json"])
    assert r.exit_code == 0 and json.loads(r.output)[0]["id"] == "bokayev-maks"
    r = CliRunner().invoke(main, ["show", "bokayev-maks", str(REPO)])
    assert r.exit_code == 0 and "timeline:" in r.output and "sources:" in r.output
    r = CliRunner().invoke(main, ["find", "Zzzz Qqqq", str(REPO)])
    assert r.exit_code == 1 and "no person matches" in r.output


def test_public_names_are_visible_and_loads_convert_to_polars():
    names = dir(kzdata)
    assert {"load", "validate", "find", "show", "Dataset", "Report", "Finding"} <= set(names)
    frame = kzdata.load(REPO).to_polars("persons")
    assert frame.height == len(kzdata.load(REPO).persons) and "sensitive_notes" not in frame.columns
    assert str(frame.schema["sources"]).startswith("List")
