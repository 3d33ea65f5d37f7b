"""`kzdata validate --changed-since REF`: the whole package is checked, but only findings about rows added,
changed or removed since REF are reported (the pull-request view)."""
from __future__ import annotations

import subprocess

import pytest
from click.testing import CliRunner
from conftest import TODAY, codes

import kzdata
from kzdata.changes import GitError
from kzdata.cli import main


def git(root, *args):
    subprocess.run(["git", "-C", str(root), "-c", "user.email=t@example.org", "-c", "user.name=t", *args],
                   check=True, capture_output=True)


@pytest.fixture
def repo(pkg):
    git(pkg.root, "init", "-q")
    git(pkg.root, "add", "-A")
    git(pkg.root, "commit", "-q", "-m", "base")
    return pkg


def test_only_findings_on_changed_rows_are_reported(repo):
    repo.set("persons", "bokayev-maks", birth_year="nineteen")       # an old problem, committed
    git(repo.root, "commit", "-qam", "old problem")
    repo.set("persons", "shevchuk-oksana", status="flying")           # the change under review
    full = kzdata.validate(repo.root, today=TODAY)
    scoped = kzdata.validate(repo.root, today=TODAY, changed_since="HEAD")
    assert {f.record for f in full.findings} >= {"bokayev-maks", "shevchuk-oksana"}
    assert {f.record for f in scoped.findings} == {"shevchuk-oksana"}
    assert scoped.hidden == len(full.findings) - len(scoped.findings) > 0
    f = scoped.findings[0]
    assert f.line == repo.line_of("persons", "shevchuk-oksana") and f.column == "status"


def test_an_added_row_is_a_change(repo):
    repo.copy_row("events", "bokayev-maks-2017-01-transferred", id="bokayev-maks-2017-02-transferred", date="2099-02")
    scoped = kzdata.validate(repo.root, today=TODAY, changed_since="HEAD")
    assert {f.record for f in scoped.findings} == {"bokayev-maks-2017-02-transferred"} and "KZ401" in codes(scoped)


def test_a_removal_reports_the_references_it_breaks(repo):
    header, rows = repo.read("organisations")
    repo.write("organisations", header, [r for r in rows if r["id"] != "atazhurt-eryktileri"])
    scoped = kzdata.validate(repo.root, today=TODAY, changed_since="HEAD")
    assert [(f.code, f.table, f.record, f.column) for f in scoped.findings] == [
        ("KZ202", "persons", "bilash-serikzhan", "affiliations")]


def test_a_whole_file_problem_in_a_changed_file_is_reported(repo):
    data = repo.path("events").read_bytes().replace(b"\n", b"\r\n")
    repo.path("events").write_bytes(data)
    assert "KZ016" in codes(kzdata.validate(repo.root, today=TODAY, changed_since="HEAD"))


def test_no_change_no_findings(repo):
    repo.set("persons", "bokayev-maks", birth_year="nineteen")
    git(repo.root, "commit", "-qam", "old problem")
    scoped = kzdata.validate(repo.root, today=TODAY, changed_since="HEAD")
    assert scoped.findings == [] and scoped.hidden >= 1


def test_an_unknown_revision_is_a_usage_error(repo):
    with pytest.raises(GitError):
        kzdata.validate(repo.root, today=TODAY, changed_since="no-such-branch")
    result = CliRunner().invoke(main, ["validate", str(repo.root), "--changed-since", "no-such-branch"])
    assert result.exit_code == 2 and "not a known git revision" in result.output


def test_changed_since_works_with_the_columnar_engine(tmp_path):
    """--changed-since is a layer over either engine (it used to crash with --engine columnar)."""
    from test_engines import generate

    root = tmp_path / "big"
    generate.generate(root, persons=300, seed=7)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    path = root / "data" / "events.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    cells = lines[-50].split(",")
    cells[3] = "teleported"                     # a bad event type deep in the table, the change under review
    lines[-50] = ",".join(cells)
    path.write_text("\n".join(lines), encoding="utf-8")
    columnar = kzdata.validate(root, today=TODAY, engine="columnar", changed_since="HEAD")
    rows = kzdata.validate(root, today=TODAY, engine="rows", changed_since="HEAD")
    assert columnar.engine == "columnar" and columnar.scope == "changes since HEAD"
    assert columnar.findings == rows.findings and [f.code for f in columnar.findings] == ["KZ103"]
    assert columnar.hidden == rows.hidden
    result = CliRunner().invoke(main, ["validate", str(root), "--engine", "columnar", "--changed-since", "HEAD", "--format", "json"])
    assert result.exit_code == 1 and '"engine": "columnar"' in result.output
