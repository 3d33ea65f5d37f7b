"""`kzdata stats`: figures counted from the rows, the prison-term rule, and the README's copy of the output."""
from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner
from conftest import REPO

import kzdata
from kzdata.cli import main
from kzdata.stats import compute

SRC = "odf-2020-political-prisoners-list"


def figures(pkg) -> dict:
    return compute(kzdata.load(pkg.root))


def prison(pkg) -> dict:
    return figures(pkg)["sentences"]["imprisonment"]


def add_case(pkg, cid: str) -> None:
    pkg.add("cases", id=cid, title="A test case", sources=SRC)


def add_sentence(pkg, sid: str, **values: str) -> None:
    row = dict(id=sid, case="atyrau-2016-land-protests-bokayev", person="bokayev-maks", verdict_date="2016-11-28",
               instance="first_instance", in_absentia="false", kind="imprisonment", role="main", sources=SRC)
    row.update(values)
    pkg.add("sentences", **row)


def test_every_person_is_counted_once_by_status_and_region(pkg):
    f = figures(pkg)
    n = f["tables"]["persons"]
    assert sum(e["count"] for e in f["persons"]["by_status"]) == n
    assert sum(e["count"] for e in f["persons"]["by_region"]) == n
    pkg.set("persons", "bokayev-maks", region="")
    regions = {e["region"]: e["count"] for e in figures(pkg)["persons"]["by_region"]}
    assert regions["(not stated)"] >= 1


def test_a_person_in_two_organisations_counts_in_both(pkg):
    before = {e["organisation"]: e["count"] for e in figures(pkg)["persons"]["by_organisation"]}
    pkg.set("persons", "bokayev-maks", affiliations="democratic-choice-of-kazakhstan;koshe-partiyasy")
    after = {e["organisation"]: e["count"] for e in figures(pkg)["persons"]["by_organisation"]}
    assert after["Koshe Partiyasy"] == before.get("Koshe Partiyasy", 0) + 1
    assert after["Democratic Choice of Kazakhstan"] == before["Democratic Choice of Kazakhstan"] + 1


def test_charges_by_article_carry_the_reference_title(pkg):
    arts = {(e["code"], e["article"]): e for e in figures(pkg)["charges"]["by_article"]}
    e = arts[("2014", "405")]
    assert e["title"].startswith("Организация и участие")
    assert e["persons"] <= e["charges"]
    counts = [e["charges"] for e in arts.values()]
    assert counts == sorted(counts, reverse=True)


def test_a_new_prison_term_adds_its_years(pkg):
    base = prison(pkg)
    add_case(pkg, "test-2018-case")
    add_sentence(pkg, "bokayev-maks-2018-prison", case="test-2018-case", verdict_date="2018-05", term="P2Y6M")
    now = prison(pkg)
    assert now["total_years"] == round(base["total_years"] + 2.5, 1)
    assert now["sentences"] == base["sentences"] + 1 and now["persons"] == base["persons"]


def test_an_appeal_that_changes_the_term_replaces_the_first_verdict(pkg):
    base = prison(pkg)
    add_sentence(pkg, "bokayev-maks-2017-prison-appeal", verdict_date="2017-02", instance="appeal", term="P3Y")
    assert prison(pkg)["total_years"] == round(base["total_years"] - 2, 1)


def test_an_appeal_that_replaces_prison_with_restriction_removes_the_term(pkg):
    base = prison(pkg)
    add_sentence(pkg, "bokayev-maks-2017-restriction-appeal", verdict_date="2017-02", instance="appeal",
                 kind="restriction_of_freedom", term="P3Y")
    assert prison(pkg)["total_years"] == round(base["total_years"] - 5, 1)
    assert prison(pkg)["persons"] == base["persons"] - 1


def test_additional_punishments_and_parole_do_not_change_the_total(pkg):
    base = prison(pkg)
    add_sentence(pkg, "bokayev-maks-2016-other", kind="imprisonment", role="additional", term="P9Y")
    pkg.add("events", id="bokayev-maks-2018-parole-granted", person="bokayev-maks", type="parole_granted",
            date="2018", sources=SRC)
    assert prison(pkg)["total_years"] == base["total_years"]


def test_terms_in_absentia_and_life_terms_are_counted_apart(pkg):
    base = prison(pkg)
    add_case(pkg, "test-2019-absentia")
    add_sentence(pkg, "shevchuk-oksana-2019-absentia", case="test-2019-absentia", person="shevchuk-oksana",
                 verdict_date="2019-01", in_absentia="true", term="P10Y")
    add_case(pkg, "test-2019-life")
    add_sentence(pkg, "demeuova-zhazira-2019-life", case="test-2019-life", person="demeuova-zhazira",
                 verdict_date="2019-01", in_absentia="true", kind="life_imprisonment")
    now = prison(pkg)
    assert now["total_years"] == base["total_years"]
    assert now["in_absentia"]["total_years"] == round(base["in_absentia"]["total_years"] + 10, 1)
    assert now["in_absentia"]["life"] == base["in_absentia"]["life"] + 1


def test_a_prison_sentence_without_a_term_is_reported_not_guessed(pkg):
    base = prison(pkg)
    add_case(pkg, "test-2018-case")
    add_sentence(pkg, "bokayev-maks-2018-prison", case="test-2018-case", verdict_date="2018")
    now = prison(pkg)
    assert now["term_not_stated"] == base["term_not_stated"] + 1
    assert now["total_years"] == base["total_years"]


def test_rows_per_source_count_every_citation(pkg):
    def cited(f):
        return next(e for e in f["sources"] if e["id"] == SRC)["rows"]

    base = cited(figures(pkg))
    pkg.set("events", "zhaubatyrov-asylkhan-2021-08-05-case-sent-to-court", sources=f"qaharman-2021-zhaubatyrov;{SRC}")
    assert cited(figures(pkg))["events"] == base["events"] + 1


def test_cli_text_and_json_agree(pkg):
    runner = CliRunner()
    text = runner.invoke(main, ["stats", str(pkg.root)])
    data = runner.invoke(main, ["stats", str(pkg.root), "--format", "json"])
    assert text.exit_code == 0 and data.exit_code == 0, text.output + data.output
    figs = json.loads(data.output)
    assert f"{figs['tables']['persons']} persons" in text.output
    assert f"Imprisonment imposed: {figs['sentences']['imprisonment']['total_years']} years in the" in text.output


def test_cli_refuses_figures_for_a_package_with_errors(pkg):
    pkg.set("sentences", "bokayev-maks-2016-prison", person="nobody-here")
    result = CliRunner().invoke(main, ["stats", str(pkg.root)])
    assert result.exit_code == 1
    assert "KZ202" in result.output and "no figures" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_readme_generated_blocks_are_current():
    """The finding-code table and the stats output in README.md match the code and the data."""
    proc = subprocess.run([sys.executable, str(REPO / "scripts" / "update_readme.py"), "--check"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_an_undated_sentence_counts_unless_a_dated_verdict_replaces_it(pkg):
    base = prison(pkg)
    add_case(pkg, "test-undated")
    add_sentence(pkg, "shevchuk-oksana-prison", case="test-undated", person="shevchuk-oksana", verdict_date="", term="P4Y")
    assert prison(pkg)["total_years"] == round(base["total_years"] + 4, 1)
    add_sentence(pkg, "shevchuk-oksana-2020-prison", case="test-undated", person="shevchuk-oksana", verdict_date="2020",
                 instance="appeal", term="P1Y")
    assert prison(pkg)["total_years"] == round(base["total_years"] + 1, 1)
