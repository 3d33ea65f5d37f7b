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


@pytest.mark.parametrize("fmt", ["json", "ndjson"])
def test_public_json_exports_leave_sensitive_fields_out(pkg, tmp_path, fmt):
    pkg.set("persons", "bokayev-maks", sensitive_notes="A private detail.")
    files = export(pkg.root, tmp_path, fmt=fmt, public=True, today=TODAY)
    assert sorted(p.name for p in files) == sorted(f"{t}.{fmt}" for t in TABLES)

    def records(name):
        text = (tmp_path / f"{name}.{fmt}").read_text(encoding="utf-8")
        return json.loads(text) if fmt == "json" else [json.loads(line) for line in text.splitlines()]

    assert all("sensitive_notes" not in p for p in records("persons"))
    assert "A private detail." not in (tmp_path / f"persons.{fmt}").read_text(encoding="utf-8")
    _, events = pkg.read("events")
    assert records("events") == events


def test_sqlite_export_has_keys_indexes_and_views(tmp_path):
    import sqlite3

    (path,) = export(REPO, tmp_path, fmt="sqlite", public=True)
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    _, persons = (lambda r: (None, r))(rows_of(REPO / "data" / "persons.csv"))
    assert db.execute("SELECT count(*) FROM persons").fetchone() == (len(persons),)
    cols = [r[1] for r in db.execute("PRAGMA table_info(persons)")]
    assert "sensitive_notes" not in cols and cols[0] == "id"
    assert db.execute("PRAGMA foreign_key_list(charges)").fetchall()
    assert any(r[1].startswith("idx_charges_") for r in db.execute("PRAGMA index_list(charges)"))
    views = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'view'")}
    assert views == {"person_overview", "sentences_with_names", "charges_by_article", "timeline"}
    for view in views:
        db.execute(f"SELECT * FROM {view}").fetchall()
    top = db.execute("SELECT code, article FROM charges_by_article LIMIT 1").fetchone()
    assert top == ("2014", "405")
    bokayev = db.execute("SELECT birth_year, notes FROM persons WHERE id = 'bokayev-maks'").fetchone()
    original = next(r for r in persons if r["id"] == "bokayev-maks")
    assert bokayev[1] == original["notes"]


def test_ftm_export_is_valid_for_the_followthemoney_model(tmp_path):
    from followthemoney import model

    (path,) = export(REPO, tmp_path, fmt="ftm", public=True)
    entities = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    ids = {e["id"] for e in entities}
    schemas = {e["schema"] for e in entities}
    assert schemas == {"Person", "Organization", "CourtCase", "CourtCaseParty", "Membership"}
    for e in entities:
        proxy = model.get_proxy(e, cleaned=False)          # unknown schema or property raises
        for prop_name, values in e["properties"].items():
            prop = proxy.schema.get(prop_name)
            assert prop is not None, (e["schema"], prop_name)
            for v in values:
                assert prop.type.clean(v) is not None, (e["id"], prop_name, v)
            if prop.type.name == "entity":
                assert all(v in ids for v in values), (e["id"], prop_name)
        assert proxy.to_dict()["properties"], e["id"]
    persons = [e for e in entities if e["schema"] == "Person"]
    assert len(persons) == len(rows_of(REPO / "data" / "persons.csv"))
    assert all(e["properties"].get("publisher") for e in persons)
    assert not any("sensitive" in json.dumps(e) for e in persons)


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
    result = CliRunner().invoke(main, ["export", str(REPO), "-o", str(tmp_path), "--public", "--to", "sqlite"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == str(tmp_path / "kzdata.db")
