"""The CLI: exit codes, output formats, strict mode."""
from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner
from conftest import REPO

from kzdata.cli import main


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_valid_repository_exits_0():
    r = run("validate", str(REPO))
    assert r.exit_code == 0, r.output
    assert "valid: 0 error(s), 0 warning(s)" in r.output


def test_errors_exit_1_with_location_and_hint(pkg):
    pkg.set("persons", "bokayev-maks", status="jailed")
    r = run("validate", str(pkg.root))
    assert r.exit_code == 1
    line = pkg.line_of("persons", "bokayev-maks")
    assert f"data/persons.csv:{line} [status]: error KZ103: status: 'jailed' is not one of" in r.output
    assert "hint: Use one of the values" in r.output


def test_warnings_pass_unless_strict(pkg):
    pkg.hold("bokayev-maks")
    pkg.set("persons", "bokayev-maks", status="released", status_date="2020")
    assert run("validate", str(pkg.root)).exit_code == 0
    r = run("validate", "--strict", str(pkg.root))
    assert r.exit_code == 1 and "KZ702" in r.output


def test_json_format(pkg):
    pkg.set("charges", "bokayev-maks-2016-174", article="999")
    r = run("validate", "--format", "json", str(pkg.root))
    data = json.loads(r.output)
    assert r.exit_code == 1 and data["valid"] is False and data["errors"] == 1 and data["engine"] == "rows"
    f = data["findings"][0]
    assert {k: f[k] for k in ("code", "severity", "file", "column", "record")} == {
        "code": "KZ301", "severity": "error", "file": "data/charges.csv", "column": "article", "record": "bokayev-maks-2016-174"}
    assert f["line"] == pkg.line_of("charges", "bokayev-maks-2016-174") and f["hint"]


def test_github_format(pkg):
    pkg.set("charges", "bokayev-maks-2016-174", article="999")
    r = run("validate", "--format", "github", str(pkg.root))
    line = pkg.line_of("charges", "bokayev-maks-2016-174")
    assert r.output.startswith(f"::error file=data/charges.csv,line={line},title=KZ301 article::")


def test_usage_errors_exit_2(tmp_path):
    assert run("validate", "--format", "xml").exit_code == 2
    assert run("validate", str(tmp_path / "nope")).exit_code == 2


def test_default_path_is_the_enclosing_repository():
    proc = subprocess.run([sys.executable, "-m", "kzdata.cli", "validate"], cwd=REPO / "data", capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert str(REPO) in proc.stdout
