"""Check 1: files, columns, CSV syntax and cell values against the Table Schemas."""
from __future__ import annotations

import json

import pytest
from conftest import assert_at, codes, only


def test_missing_resource_file(pkg):
    (pkg.root / "data" / "events.csv").unlink()
    f = only(pkg.validate(), "KZ003")
    assert f.file == "data/events.csv"


def test_extra_file_in_data_is_a_warning(pkg):
    (pkg.root / "data" / "notes.csv").write_text("a\n1\n", encoding="utf-8")
    f = only(pkg.validate(), "KZ004")
    assert f.severity == "warning" and f.file == "data/notes.csv"


def test_missing_datapackage(pkg):
    (pkg.root / "datapackage.json").unlink()
    assert codes(pkg.validate()) == ["KZ001"]


def test_malformed_datapackage(pkg):
    (pkg.root / "datapackage.json").write_text('{"resources": [', encoding="utf-8")
    f = only(pkg.validate(), "KZ001")
    assert "not valid JSON" in f.message


@pytest.mark.parametrize("path", ["/etc/passwd", "../outside.csv", "https://example.org/x.csv", "data/../../x.csv"])
def test_resource_paths_outside_the_package_are_refused(pkg, path):
    desc = json.loads((pkg.root / "datapackage.json").read_text(encoding="utf-8"))
    next(r for r in desc["resources"] if r["name"] == "events")["path"] = path
    (pkg.root / "datapackage.json").write_text(json.dumps(desc), encoding="utf-8")
    f = only(pkg.validate(), "KZ002")
    assert f.column == "events.path" and repr(path) in f.message


def test_missing_column(pkg):
    header, rows = pkg.read("persons")
    header.remove("region")
    pkg.write("persons", header, rows)
    f = only(pkg.validate(), "KZ011")
    assert_at(f, "data/persons.csv", 1, "region")


def test_extra_column(pkg):
    header, rows = pkg.read("persons")
    pkg.write("persons", header + ["nickname"], rows)
    f = only(pkg.validate(), "KZ012")
    assert_at(f, "data/persons.csv", 1, "nickname")


def test_columns_out_of_order(pkg):
    header, rows = pkg.read("cases")
    header[1], header[2] = header[2], header[1]
    pkg.write("cases", header, rows)
    assert only(pkg.validate(), "KZ013").severity == "warning"


def test_ragged_row(pkg):
    p = pkg.path("sources")
    p.write_text(p.read_text(encoding="utf-8") + "extra-source,Someone\n", encoding="utf-8")
    report = pkg.validate()
    f = only(report, "KZ014")
    assert_at(f, "data/sources.csv", len(p.read_text(encoding="utf-8").splitlines()))


def test_unterminated_quote(pkg):
    p = pkg.path("events")
    text = p.read_text(encoding="utf-8")
    lines = text.split("\n")
    lines[3] = lines[3].replace(",", ',"', 1)
    p.write_text("\n".join(lines), encoding="utf-8")
    report = pkg.validate()
    assert "KZ010" in codes(report) or "KZ014" in codes(report)
    assert all(f.file for f in report.findings)


def test_byte_order_mark(pkg):
    """A byte-order mark is what a spreadsheet's "CSV UTF-8" writes: the file is read, and reported once (KZ009)."""
    p = pkg.path("cases")
    p.write_bytes(b"\xef\xbb\xbf" + p.read_bytes())
    f = only(pkg.validate(), "KZ009")
    assert_at(f, "data/cases.csv", 1)
    assert "byte-order mark" in f.message and "kzdata fmt" in f.message


def test_invalid_utf8_reports_the_line(pkg):
    p = pkg.path("cases")
    lines = p.read_bytes().split(b"\n")
    lines[2] = lines[2] + b"\xff"
    p.write_bytes(b"\n".join(lines))
    f = only(pkg.validate(), "KZ010")
    assert_at(f, "data/cases.csv", 3)


def test_multiline_cell_keeps_physical_line_numbers(pkg):
    """A quoted cell spanning lines counts every line, so later findings land on the right line."""
    pkg.set("persons", "ashiraliyev-anuar", notes="first line\nsecond line\nthird line")
    pkg.set("persons", "bokayev-maks", status="in_jail")
    f = only(pkg.validate(), "KZ103")
    text = pkg.path("persons").read_text(encoding="utf-8").split("\n")
    expected = next(i for i, line in enumerate(text, 1) if line.startswith("bokayev-maks,"))
    assert expected > 3 and f.line == expected


@pytest.mark.parametrize("table,rid,column,value,code", [
    ("persons", "bokayev-maks", "status", "jailed", "KZ103"),
    ("persons", "bokayev-maks", "roles", "activist;astronaut", "KZ103"),
    ("persons", "bokayev-maks", "roles", "activist;;poet", "KZ104"),
    ("persons", "bokayev-maks", "birth_year", "nineteen", "KZ102"),
    ("persons", "bokayev-maks", "birth_year", "1850", "KZ105"),
    ("persons", "bokayev-maks", "name", "", "KZ101"),
    ("persons", "bokayev-maks", "id", "Bokayev Maks", "KZ104"),
    ("persons", "bokayev-maks", "status_date", "2019-02-30", "KZ106"),
    ("persons", "bokayev-maks", "status_date", "30.09.2019", "KZ106"),
    ("sentences", "bokayev-maks-2016-prison", "term", "5 years", "KZ107"),
    ("sentences", "bokayev-maks-2016-prison", "term", "P", "KZ107"),
    ("sentences", "bokayev-maks-2016-prison", "in_absentia", "no", "KZ102"),
    ("sentences", "zhaubatyrov-asylkhan-2021-fund", "amount", "27,780", "KZ102"),
    ("sentences", "zhaubatyrov-asylkhan-2021-fund", "amount", "-5", "KZ105"),
    ("sentences", "zhaubatyrov-asylkhan-2021-fund", "currency", "tenge", "KZ104"),
    ("charges", "bokayev-maks-2016-174", "article", "174.1", "KZ104"),
    ("sources", "odf-2020-political-prisoners-list", "accessed", "2020-13-01", "KZ102"),
    ("sources", "odf-2020-political-prisoners-list", "url", "ftp://example.org/x", "KZ104"),
])
def test_bad_cell_values(pkg, table, rid, column, value, code):
    line = pkg.line_of(table, rid)
    pkg.set(table, rid, **{column: value})
    f = only(pkg.validate(), code)
    assert_at(f, f"data/{table}.csv", line, column)
    shown = {"activist;astronaut": "astronaut", "": "required"}.get(value, value)
    assert shown in f.message, f.message  # the message names the offending value


def test_good_package_has_no_findings(pkg):
    assert pkg.validate().findings == []


def test_reference_json_is_checked_against_its_json_schema(pkg):
    p = pkg.root / "data" / "criminal-code.json"
    data = json.loads(p.read_text(encoding="utf-8"))
    data["editions"][1]["articles"][0]["article"] = "one"
    p.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    f = [f for f in pkg.validate().findings if f.code == "KZ015"]
    assert f and f[0].column == "editions/1/articles/0/article"


def test_an_unreadable_table_does_not_bury_its_finding_under_broken_references(pkg):
    """organisations.csv is unreadable: one KZ010, not a KZ202 for every reference to an organisation."""
    pkg.path("organisations").write_bytes(b"\xff" + pkg.path("organisations").read_bytes())
    report = pkg.validate()
    assert codes(report) == ["KZ010"]


def test_exceptions_are_not_called_stale_when_checks_could_not_run(pkg):
    (pkg.root / "data" / "criminal-code.json").write_text("{not json", encoding="utf-8")
    assert "KZ901" not in codes(pkg.validate())
