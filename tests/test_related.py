"""A finding that involves several rows names all of them (its own location and the related ones), in every
output format and in the pull-request view, so that whoever changed any one of them sees it."""
from __future__ import annotations

import json
import subprocess

from click.testing import CliRunner
from conftest import TODAY

import kzdata
from kzdata.cli import main
from kzdata.reporters import REPORTER_BY_NAME


def _verdict_in_1999(pkg):
    """Both verdict rows of bokayev-maks dated 1999, before the 2014 Code his charges cite came into force."""
    from test_articles import set_verdict

    set_verdict(pkg, "1999-05-05")


def test_an_article_finding_names_the_sentence_whose_date_makes_it_wrong(pkg):
    _verdict_in_1999(pkg)
    report = pkg.validate()
    hits = [f for f in report.findings if f.code == "KZ302" and f.record == "bokayev-maks-2016-174"]
    assert len(hits) == 1
    f = hits[0]
    assert (f.file, f.line, f.column) == ("data/charges.csv", pkg.line_of("charges", "bokayev-maks-2016-174"), "code")
    first = min(pkg.line_of("sentences", s) for s in ("bokayev-maks-2016-ban", "bokayev-maks-2016-fine", "bokayev-maks-2016-prison"))
    assert [(r.file, r.line, r.column, r.table) for r in f.related] == [("data/sentences.csv", first, "verdict_date", "sentences")]


def test_related_rows_appear_in_every_output_format(pkg):
    _verdict_in_1999(pkg)
    report = pkg.validate()
    f = next(f for f in report.findings if f.code == "KZ302")
    loc = f.related[0]
    text = REPORTER_BY_NAME["text"](report)
    assert f"see also: {loc.file}:{loc.line} [{loc.column}]" in text
    data = json.loads(REPORTER_BY_NAME["json"](report))
    entry = next(x for x in data["findings"] if x["code"] == "KZ302" and x["record"] == f.record)
    assert entry["related"] == [{"file": loc.file, "line": loc.line, "column": loc.column, "table": loc.table, "record": loc.record}]
    github = REPORTER_BY_NAME["github"](report).splitlines()
    assert any(line.startswith(f"::error file={loc.file},line={loc.line},") and "KZ302" in line for line in github)
    assert any(line.startswith(f"::error file={f.file},line={f.line},") and "KZ302" in line for line in github)


def test_the_pull_request_view_shows_a_finding_whose_related_row_changed(pkg):
    def git(*args):
        subprocess.run(["git", "-C", str(pkg.root), "-c", "user.email=t@example.org", "-c", "user.name=t", *args],
                       check=True, capture_output=True)

    git("init", "-q")
    git("add", "-A")
    git("commit", "-q", "-m", "base")
    _verdict_in_1999(pkg)             # only the sentence rows change; the finding is on the charge rows
    scoped = kzdata.validate(pkg.root, today=TODAY, changed_since="HEAD")
    assert {(f.code, f.record) for f in scoped.findings if f.code == "KZ302"} >= {("KZ302", "bokayev-maks-2016-174")}
    result = CliRunner().invoke(main, ["validate", str(pkg.root), "--changed-since", "HEAD", "--format", "github"])
    assert "file=data/charges.csv" in result.output and "file=data/sentences.csv" in result.output


def test_the_json_report_says_which_checks_ran_and_why_this_engine(pkg):
    result = CliRunner().invoke(main, ["validate", str(pkg.root), "--format", "json"])
    data = json.loads(result.output)
    from kzdata.catalogue import CODES
    from kzdata.checks import REGISTRY

    assert data["scope"]["rows"] == "whole package"
    assert data["scope"]["checks"] == [c.name for c in REGISTRY]
    assert data["scope"]["codes"] == sorted(CODES)
    assert data["engine"] == "rows" and data["engine_reason"].startswith("rows: ") and "threshold" in data["engine_reason"]
