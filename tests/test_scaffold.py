"""`kzdata new`: rows with fresh ids, in canonical position, never reusing a taken or retired id."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import codes

import kzdata
from kzdata.cli import main
from kzdata.scaffold import ScaffoldError, new_case, new_person, new_source

SRC = "odf-2020-political-prisoners-list"


def test_a_new_person_gets_a_fresh_valid_id(pkg):
    pid = new_person(pkg.root, "Aigerim Testova", SRC)
    assert pid == "testova-aigerim"
    _, rows = pkg.read("persons")
    row = next(r for r in rows if r["id"] == pid)
    assert row["status"] == "unknown" and row["status_date"] == "2020" and row["sources"] == SRC
    assert codes(kzdata.validate(pkg.root)) == []   # valid, and the file is still in canonical form


def test_a_taken_id_gets_a_suffix_and_a_retired_one_is_skipped(pkg):
    assert new_person(pkg.root, "Maks Bokayev", SRC) == "bokayev-maks-2"
    pkg.add("retired", id="bokayev-maks-3", table="persons", retired="2026-01-01", reason="removed at the person's request")
    assert new_person(pkg.root, "Maks Bokayev", SRC) == "bokayev-maks-4"


def test_new_source_and_case(pkg):
    sid = new_source(pkg.root, "Example Rights Monitor", "Uralsk blogger sentenced", "2023-05-20",
                     "https://example.org/news/1", kind="news_article", language="en")
    assert sid == "example-rights-2023-uralsk-blogger-sentenced"
    cid = new_case(pkg.root, "Uralsk", "2022", "testova", "Aigerim Testova: posts", sid)
    assert cid == "uralsk-2022-testova"
    assert codes(kzdata.validate(pkg.root)) == []


@pytest.mark.parametrize("call, message", [
    (lambda root: new_person(root, "Testova", SRC), "two words"),
    (lambda root: new_person(root, "Aigerim Testova", "no-such-source"), "no source"),
    (lambda root: new_person(root, "Айгерим Тестова", SRC), "Latin"),
    (lambda root: new_case(root, "Uralsk", "22", "x", "t", SRC), "four digits"),
])
def test_friendly_refusals(pkg, call, message):
    with pytest.raises(ScaffoldError, match=message):
        call(pkg.root)


def test_cli_prints_the_id(pkg, monkeypatch):
    monkeypatch.chdir(pkg.root)
    result = CliRunner().invoke(main, ["new", "person", "Aigerim Testova", "--source", SRC])
    assert result.exit_code == 0 and result.output.splitlines()[0] == "testova-aigerim"
    bad = CliRunner().invoke(main, ["new", "person", "Aigerim Testova", "--source", "nope"])
    assert bad.exit_code == 2 and "add it first" in bad.output
