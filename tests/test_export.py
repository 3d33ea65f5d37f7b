"""`kzdata export`: CSV cells unchanged, typed values that agree across JSON, NDJSON, SQLite and polars,
sensitive fields left out unless asked for, the SQLite extras (join tables, Criminal Code, metadata, full-text
search, Datasette metadata), the spreadsheet round trip, atomic writes."""
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
    assert [r["id"] for r in records("events")] == [r["id"] for r in events]
    e = records("events")[0]
    assert isinstance(e["sources"], list) and all(isinstance(x, str) for x in e["sources"])
    assert all(v is None or v != "" for v in e.values())                  # empty is null, never ""
    persons = {p["id"]: p for p in records("persons")}
    assert persons["bokayev-maks"]["aliases"] == [] or isinstance(persons["bokayev-maks"]["aliases"], list)
    sentences = records("sentences")
    assert all(isinstance(s["in_absentia"], bool) for s in sentences)
    assert any(isinstance(s["amount"], (int, float)) for s in sentences)


def test_sqlite_export_has_keys_indexes_and_views(tmp_path):
    import sqlite3

    path, meta_path = export(REPO, tmp_path, fmt="sqlite", public=True)
    assert meta_path.name == "metadata.json"
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

    (path,) = export(REPO, tmp_path, fmt="ftm")
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
    result = CliRunner().invoke(main, ["export", str(REPO), "-o", str(tmp_path), "--to", "sqlite"])
    assert result.exit_code == 0, result.output
    assert result.output.split() == [str(tmp_path / "kzdata.db"), str(tmp_path / "metadata.json")]


def test_exports_leave_sensitive_fields_out_unless_asked(pkg, tmp_path):
    pkg.set("persons", "bokayev-maks", sensitive_notes="A private detail.")
    for fmt in ("csv", "json", "sqlite", "xlsx", "ftm"):
        out = tmp_path / fmt
        CliRunner().invoke(main, ["export", str(pkg.root), "-o", str(out), "--to", fmt], catch_exceptions=False)
        blob = b"".join(p.read_bytes() for p in out.iterdir())
        assert b"A private detail." not in blob, fmt
    full = tmp_path / "full"
    r = CliRunner().invoke(main, ["export", str(pkg.root), "-o", str(full), "--to", "json", "--include-sensitive"])
    assert r.exit_code == 0 and "A private detail." in (full / "persons.json").read_text(encoding="utf-8")


def test_json_sqlite_and_polars_hold_the_same_typed_values(tmp_path):
    import sqlite3

    import kzdata

    export(REPO, tmp_path / "j", fmt="json")
    export(REPO, tmp_path / "s", fmt="sqlite")
    ds = kzdata.load(REPO)
    db = sqlite3.connect(tmp_path / "s" / "kzdata.db")
    for table in ("persons", "sentences", "events"):
        rows = json.loads((tmp_path / "j" / f"{table}.json").read_text(encoding="utf-8"))
        frame = ds.to_polars(table)
        assert frame.to_dicts() == rows, table
        cols = [c for c in rows[0] if not isinstance(rows[0][c], list)]
        got = db.execute(f"SELECT {', '.join(chr(34) + c + chr(34) for c in cols)} FROM {table} ORDER BY id").fetchall()
        want = [tuple(int(r[c]) if isinstance(r[c], bool) else r[c] for c in cols) for r in sorted(rows, key=lambda r: r["id"])]
        assert got == want, table


def test_sqlite_join_tables_criminal_code_metadata_and_full_text_search(tmp_path):
    import sqlite3

    export(REPO, tmp_path, fmt="sqlite")
    db = sqlite3.connect(tmp_path / "kzdata.db")
    db.execute("PRAGMA foreign_keys = ON")
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    n_items = sum(len([x for x in r["sources"].split(";") if x]) for r in rows_of(REPO / "data" / "charges.csv"))
    assert db.execute("SELECT count(*) FROM charges_sources").fetchone() == (n_items,)
    assert db.execute("PRAGMA foreign_key_list(charges_sources)").fetchall()
    title = db.execute("SELECT title_ru FROM criminal_code WHERE code = '2014' AND article = '405'").fetchone()[0]
    assert title.startswith("Организация и участие")
    meta = dict(db.execute("SELECT key, value FROM _metadata"))
    assert {"title", "version", "licence", "commit", "created"} <= set(meta) and meta["licence"] == "CC-BY-4.0"
    hits = db.execute("SELECT p.id FROM persons_fts JOIN persons p ON p.rowid = persons_fts.rowid "
                      "WHERE persons_fts MATCH 'Bokayev'").fetchall()
    assert ("bokayev-maks",) in hits
    md = json.loads((tmp_path / "metadata.json").read_text(encoding="utf-8"))
    assert md["license"] == "CC-BY-4.0" and md["title"]
    persons = md["databases"]["kzdata"]["tables"]["persons"]
    assert persons["fts_table"] == "persons_fts" and persons["columns"]["status"]
    assert "sensitive_notes" not in persons["columns"]


def test_the_xlsx_workbook_round_trips_unchanged_and_imports_edits(pkg, tmp_path):
    from openpyxl import load_workbook

    from kzdata.importer import import_workbook

    export(pkg.root, tmp_path, fmt="xlsx")
    book = tmp_path / "kzdata.xlsx"
    wb = load_workbook(book)
    assert wb.sheetnames[0] == "about" and "persons" in wb.sheetnames
    ws = wb["persons"]
    assert ws.freeze_panes == "B2" and [c.value for c in ws[1]][:3] == ["id", "name", "name_cyrillic"]
    assert all(c.data_type == "s" for row in ws.iter_rows(min_row=2) for c in row if c.value is not None)
    before = {p.name: p.read_bytes() for p in (pkg.root / "data").iterdir()}
    unedited = import_workbook(book, pkg.root)
    assert unedited.problems == [] and unedited.written == []
    assert {p.name: p.read_bytes() for p in (pkg.root / "data").iterdir()} == before
    row = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "bokayev-maks")
    names = [c.value for c in ws[1]]
    row[names.index("aliases")].value = "Максат Бокаев; Maks Boqaev"
    row[names.index("name_cyrillic")].value = "Максат Бокаев"
    wb.save(book)
    result = CliRunner().invoke(main, ["import", str(book), str(pkg.root)])
    assert result.exit_code == 0, result.output
    assert "~ bokayev-maks" in result.output and "name_cyrillic" in result.output
    _, persons = pkg.read("persons")
    p = next(x for x in persons if x["id"] == "bokayev-maks")
    assert p["aliases"] == "Максат Бокаев;Maks Boqaev" and p["name_cyrillic"] == "Максат Бокаев"
    changed = {n for n, b in before.items() if (pkg.root / "data" / n).read_bytes() != b}
    assert changed == {"persons.csv"}


def test_an_import_that_would_not_validate_writes_nothing(pkg, tmp_path):
    from openpyxl import load_workbook

    export(pkg.root, tmp_path, fmt="xlsx")
    book = tmp_path / "kzdata.xlsx"
    wb = load_workbook(book)
    ws = wb["sentences"]
    names = [c.value for c in ws[1]]
    ws.cell(row=2, column=names.index("kind") + 1).value = "flogging"
    ws.cell(row=3, column=names.index("term") + 1).value = "=1+1"
    wb.save(book)
    before = {p.name: p.read_bytes() for p in (pkg.root / "data").iterdir()}
    result = CliRunner().invoke(main, ["import", str(book), str(pkg.root)])
    assert result.exit_code == 1 and "nothing was written" in result.output and "formula" in result.output
    assert {p.name: p.read_bytes() for p in (pkg.root / "data").iterdir()} == before
