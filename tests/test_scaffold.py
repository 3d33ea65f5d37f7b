"""`kzdata new`: rows with fresh ids, in canonical position, never reusing a taken or retired id; every value
checked by the validator's rules before anything is written (refused: same finding text, exit 1, file
untouched); a likely duplicate person refused unless --distinct-from names the other; Cyrillic names."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import codes

import kzdata
from kzdata.cli import main
from kzdata.scaffold import ScaffoldError, new_case, new_charge, new_event, new_person, new_sentence, new_source

SRC = "odf-2020-political-prisoners-list"


def clean(pkg):
    """No finding but warnings that later rows settle: a status no row supports yet, a case that names no banned
    organisation yet, and the descriptor's checksums."""
    return [c for c in codes(kzdata.validate(pkg.root)) if c not in ("KZ702", "KZ603", "KZ018")]


def test_a_new_person_gets_a_fresh_valid_id(pkg):
    pid, _ = new_person(pkg.root, "Aigerim Testova", SRC)
    assert pid == "testova-aigerim"
    _, rows = pkg.read("persons")
    row = next(r for r in rows if r["id"] == pid)
    assert row["status"] == "unknown" and row["status_date"] == "2020" and row["sources"] == SRC
    assert clean(pkg) == []   # valid, and the file is still in canonical form


def test_a_likely_duplicate_is_refused_unless_named_distinct(pkg):
    before = pkg.path("persons").read_bytes()
    with pytest.raises(ScaffoldError, match="KZ801") as exc:
        new_person(pkg.root, "Maks Bokayev", SRC)
    assert exc.value.findings[0].code == "KZ801" and pkg.path("persons").read_bytes() == before
    with pytest.raises(ScaffoldError, match="KZ801"):
        new_person(pkg.root, "Maks Bokaev", SRC)                        # another spelling of the same name
    pid, _ = new_person(pkg.root, "Maks Bokayev", SRC, distinct_from="bokayev-maks")
    assert pid == "bokayev-maks-2"
    pkg.add("retired", id="bokayev-maks-3", table="persons", retired="2026-01-01", reason="removed at the person's request")
    assert new_person(pkg.root, "Maks Bokayev", SRC, distinct_from="bokayev-maks;bokayev-maks-2")[0] == "bokayev-maks-4"


def test_a_cyrillic_only_name_gets_a_proposed_latin_spelling(pkg):
    pid, notes = new_person(pkg.root, "", SRC, name_cyrillic="Айгерим Тестова")
    assert pid == "testova-aygerim" and any("proposed Latin spelling: Aygerim Testova" in str(n) for n in notes)
    row = next(r for r in pkg.read("persons")[1] if r["id"] == pid)
    assert row["name"] == "Aygerim Testova" and row["name_cyrillic"] == "Айгерим Тестова"


def test_invalid_values_are_refused_with_the_validators_words(pkg):
    before = pkg.path("persons").read_bytes()
    with pytest.raises(ScaffoldError) as exc:
        new_person(pkg.root, "Aigerim Testova", SRC, status="jailed")
    assert [f.code for f in exc.value.findings] == ["KZ103"] and "'jailed' is not one of" in str(exc.value)
    assert pkg.path("persons").read_bytes() == before
    with pytest.raises(ScaffoldError, match="KZ202"):
        new_person(pkg.root, "Aigerim Testova", "no-such-source")
    before = pkg.path("sources").read_bytes()
    with pytest.raises(ScaffoldError, match="KZ106"):
        new_source(pkg.root, "Vlast.kz", "x", "12.03.2021", "https://vlast.kz/x", kind="news_article", language="ru")
    assert pkg.path("sources").read_bytes() == before


def test_new_source_case_charge_sentence_and_event(pkg):
    sid, _ = new_source(pkg.root, "Example Rights Monitor", "Uralsk blogger sentenced", "2023-05-20",
                        "https://example.org/news/1", kind="news_article", language="en")
    assert sid == "example-rights-2023-uralsk-blogger-sentenced"
    cid, _ = new_case(pkg.root, "Uralsk", "2022", "testova", "Aigerim Testova: posts", sid)
    assert cid == "uralsk-2022-testova"
    pid, _ = new_person(pkg.root, "Aigerim Testova", sid, status="restricted_freedom", status_date="2023-05-12")
    assert new_charge(pkg.root, pid, cid, "2014", "405", sid, part="2", outcome="convicted")[0] == "testova-aigerim-2022-405-2"
    assert new_sentence(pkg.root, pid, cid, "restriction_of_freedom", sid, verdict_date="2023-05-12", term="P2Y")[0] == \
        "testova-aigerim-2023-restriction"
    assert new_event(pkg.root, pid, "detained", "2022-12-14", sid, case=cid)[0] == "testova-aigerim-2022-12-14-detained"
    assert clean(pkg) == []
    with pytest.raises(ScaffoldError, match="did you mean 2021-03-12"):
        new_event(pkg.root, pid, "detained", "12.03.2021", sid)
    with pytest.raises(ScaffoldError, match="KZ308"):               # article 405 has parts 1 and 2
        new_charge(pkg.root, pid, cid, "2014", "405", sid, part="3", outcome="convicted")


def test_cli_prints_the_id_and_refuses_with_exit_status_1(pkg, monkeypatch):
    monkeypatch.chdir(pkg.root)
    result = CliRunner().invoke(main, ["new", "person", "Aigerim Testova", "--source", SRC])
    assert result.exit_code == 0 and result.output.splitlines()[0] == "testova-aigerim"
    bad = CliRunner().invoke(main, ["new", "person", "Aisulu Example", "--source", "nope"])
    assert bad.exit_code == 1 and "KZ202" in bad.output and "Nothing was written" in bad.output
    dup = CliRunner().invoke(main, ["new", "person", "Maks Bokayev", "--source", SRC])
    assert dup.exit_code == 1 and "--distinct-from" in dup.output
