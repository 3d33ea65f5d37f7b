"""The repository's own package: valid for kzdata (strict) and for the standard frictionless tool."""
from __future__ import annotations

import json
import subprocess
import sys

from conftest import REPO

import kzdata


def test_repository_package_is_valid_strict():
    report = kzdata.validate(REPO)
    assert report.findings == [], [f"{f.file}:{f.line} {f.code} {f.message}" for f in report.findings]
    assert report.ok(strict=True)


def test_frictionless_reports_the_package_valid():
    from frictionless import Package, system

    with system.use_context(trusted=False):
        report = Package(str(REPO / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert {t.name for t in report.tasks} >= {"persons", "cases", "charges", "sentences", "events", "sources", "organisations"}


def test_frictionless_catches_a_schema_error_too(pkg):
    """The Table Schemas are real constraints for standard tools, not decoration."""
    from frictionless import Package

    pkg.set("sentences", "bokayev-maks-2016-prison", kind="flogging")
    report = Package(str(pkg.root / "datapackage.json")).validate()
    assert not report.valid
    assert "constraint-error" in {e.type for t in report.tasks for e in t.errors}


def test_criminal_code_reference_is_built_from_the_inputs_in_the_repository():
    """The build needs nothing outside the repository (a fresh clone has no ../shared)."""
    proc = subprocess.run([sys.executable, str(REPO / "scripts" / "build_criminal_code.py"), "--check"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    text = (REPO / "scripts" / "build_criminal_code.py").read_text(encoding="utf-8")
    assert "shared" not in text and "/work" not in text


def test_criminal_code_reference_contents():
    data = json.loads((REPO / "data" / "criminal-code.json").read_text(encoding="utf-8"))
    eds = {e["code"]: {a["article"]: a for a in e["articles"]} for e in data["editions"]}
    assert len(eds["1997"]) == 438 and len(eds["2014"]) == 502
    assert eds["2014"]["405"]["banned_organisation"] is True
    assert eds["2014"]["130"]["repealed"]["law_date"] == "2020-06-26"
    assert eds["2014"]["380-1"]["added"] == {"absent_in_edition": "2014-11-07", "first_seen_in_edition": "2019-01-01",
                                             "law": "84-VI", "law_date": "2017-07-03", "in_force_not_before": "2017-07-14"}
    assert eds["2014"]["412-1"]["added"]["law"] == "365-VI"                    # added after 2020: dated by its footnote
    assert eds["2014"]["373"]["repealed"]["law"] == "23-VIII"                  # repealed after 2020
    assert eds["2014"]["47"]["repealed"]["in_force_not_before"] == "2022-01-09"
    assert [p["parts"] for p in eds["2014"]["380"]["parts"]][0] == ["1", "2", "3"]
    assert eds["1997"]["164"]["title_ru"].startswith("Возбуждение социальной")
    assert eds["2014"]["174"]["title_history"][0]["title_ru"].startswith("Возбуждение")
