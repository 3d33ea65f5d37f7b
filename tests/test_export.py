"""`kzdata export`: cell values unchanged, sensitive fields out of public exports, atomic writes."""
from __future__ import annotations

import csv
import json
import os

import pytest
from click.testing import CliRunner
from conftest import REPO, TODAY

from kzdata.cli import main
from kzdata.dataset import InvalidPackage
from kzdata.export import TABLES, export, sensitive_fields, write_atomic


def rows_of(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def schema(name):
    return json.loads((REPO / "schemas" / f"{name}.json").read_text(encoding="utf-8"))


def test_the_schemas_mark_sensitive_fields():
    assert "sensitive_notes" in sensitive_fields(schema("persons"))


@pytest.mark.parametrize("public", [False, True])
def test_csv_export_keeps_every_cell_value(pkg, tmp_path, public):
    pkg.set("persons", "bokayev-maks", sensitive_notes="A private detail.")
    out = tmp_path / "out"
    export(pkg.root, out, fmt="csv", public=public, today=TODAY)
    for name in TABLES:
        _, original = pkg.read(name)
        exported = rows_of(out / f"{name}.csv")
        hidden = sensitive_fields(schema(name)) if public else set()
        assert exported == [{k: v for k, v in r.items() if k not in hidden} for r in original]
    persons = {r["id"]: r for r in rows_of(out / "persons.csv")}
    if public:
        assert "sensitive_notes" not in persons["bokayev-maks"]
        assert "A private detail." not in (out / "persons.csv").read_text(encoding="utf-8")
    else:
        assert persons["bokayev-maks"]["sensitive_notes"] == "A private detail."


def test_public_json_export_leaves_sensitive_fields_out(pkg, tmp_path):
    pkg.set("persons", "bokayev-maks", sensitive_notes="A private detail.")
    (path,) = export(pkg.root, tmp_path, fmt="json", public=True, today=TODAY)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["public"] is True
    assert all("sensitive_notes" not in p for p in doc["persons"])
    assert "A private detail." not in path.read_text(encoding="utf-8")
    _, events = pkg.read("events")
    assert doc["events"] == events


def test_the_public_csv_export_is_a_valid_data_package(tmp_path):
    from frictionless import Package, system

    export(REPO, tmp_path, fmt="csv", public=True)
    with system.use_context(trusted=False):
        report = Package(str(tmp_path / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    desc = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    persons = next(r for r in desc["resources"] if r["name"] == "persons")
    assert "sensitive_notes" not in [f["name"] for f in persons["schema"]["fields"]]


def test_nothing_is_exported_from_a_package_with_errors(pkg, tmp_path):
    pkg.set("sentences", "bokayev-maks-2016-prison", person="nobody-here")
    with pytest.raises(InvalidPackage):
        export(pkg.root, tmp_path / "out", today=TODAY)
    assert not (tmp_path / "out").exists()
    result = CliRunner().invoke(main, ["export", str(pkg.root), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1 and "nothing was exported" in result.output


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "persons.csv"
    target.write_bytes(b"old content\n")

    def fail(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        write_atomic(target, b"new content\n")
    assert target.read_bytes() == b"old content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["persons.csv"]


def test_cli_export_lists_the_files(tmp_path):
    result = CliRunner().invoke(main, ["export", str(REPO), "-o", str(tmp_path), "--public", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == str(tmp_path / "kzdata.json")
