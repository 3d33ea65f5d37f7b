"""Tables saved by Excel or LibreOffice in a Russian or Kazakh locale (semicolons, a byte-order mark, CRLF,
UTF-16 with tabs, TRUE/FALSE): one finding per file that names the cause and the fix (KZ009), a `kzdata fmt`
that converts the file without losing a value and says what it changed, and never a loop between the two."""
from __future__ import annotations

import csv
import io

from click.testing import CliRunner
from conftest import TODAY, codes

import kzdata
from kzdata.cli import main


def as_saved(pkg, table: str, delimiter=";", bom=True, newline="\r\n", encoding="utf-8", edit=None) -> list[dict]:
    """Write the table as a spreadsheet saves it ("CSV UTF-8" in a Russian locale: BOM, ';', CRLF)."""
    header, rows = pkg.read(table)
    if edit:
        edit(rows)
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator=newline, quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    w.writerows([[r[c] for c in header] for r in rows])
    text = ("\ufeff" if bom and encoding == "utf-8" else "") + buf.getvalue()
    data = text.encode("utf-16") if encoding == "utf-16" else text.encode("utf-8")
    pkg.path(table).write_bytes(data)
    return rows


def test_an_excel_csv_gets_one_finding_that_names_the_cause_and_the_fix(pkg):
    as_saved(pkg, "persons")
    report = pkg.validate()
    mine = [f for f in report.findings if f.file == "data/persons.csv"]
    assert [f.code for f in mine] == ["KZ009"], [(f.code, f.message) for f in mine]
    assert "semicolons" in mine[0].message and "byte-order mark" in mine[0].message and "CRLF" in mine[0].message
    assert "kzdata fmt" in mine[0].message + mine[0].hint


def test_fmt_converts_it_without_losing_a_value_and_says_what_it_changed(pkg):
    _, before = pkg.read("persons")
    as_saved(pkg, "persons")
    r = CliRunner().invoke(main, ["fmt", str(pkg.root)])
    assert r.exit_code == 0, r.output
    assert "data/persons.csv: reformatted" in r.output and "semicolons" in r.output and "byte-order mark" in r.output
    assert pkg.read("persons")[1] == before                     # every value as it was
    report = pkg.validate()
    assert report.findings == [], [(f.code, f.message) for f in report.findings]
    again = CliRunner().invoke(main, ["fmt", str(pkg.root), "--check"])
    assert again.exit_code == 0                                  # no loop: nothing left to do


def test_libreoffice_semicolons_without_bom_and_quoted_cells(pkg):
    def edit(rows):
        rows[0]["notes"] = "Two lines;\nwith a semicolon and \"quotes\""
    rows = as_saved(pkg, "cases", bom=False, newline="\n", edit=edit)
    assert codes(pkg.validate()).count("KZ009") == 1
    CliRunner().invoke(main, ["fmt", str(pkg.root)])
    assert pkg.read("cases")[1] == rows


def test_excel_unicode_text_is_utf16_with_tabs(pkg):
    _, before = pkg.read("organisations")
    as_saved(pkg, "organisations", delimiter="\t", encoding="utf-16")
    f = next(f for f in pkg.validate().findings if f.file == "data/organisations.csv")
    assert f.code == "KZ009" and "UTF-16" in f.message and "tabs" in f.message
    CliRunner().invoke(main, ["fmt", str(pkg.root)])
    assert pkg.read("organisations")[1] == before and pkg.validate().findings == []


def test_spreadsheet_booleans_and_line_breaks_inside_cells_are_normalised(pkg):
    def edit(rows):
        for r in rows:
            r["in_absentia"] = r["in_absentia"].upper()
        rows[0]["notes"] = "first line\r\nsecond line"
    as_saved(pkg, "sentences", edit=edit)
    r = CliRunner().invoke(main, ["fmt", str(pkg.root)])
    assert "boolean(s) written as TRUE/FALSE" in r.output and "line breaks inside written with LF" in r.output
    _, rows = pkg.read("sentences")
    assert {x["in_absentia"] for x in rows} <= {"true", "false"} and rows[0]["notes"] == "first line\nsecond line"
    assert pkg.validate().findings == []


def test_dates_a_spreadsheet_wrote_as_dd_mm_yyyy_are_reported_not_guessed(pkg):
    """01.06.2019 may be a month (2019-06) that the spreadsheet turned into its first day: only the source can
    tell, so fmt leaves such a date as it is and says so, and validate suggests the ISO form."""
    def edit(rows):
        rows[0]["date"] = "12.03.2021"
    as_saved(pkg, "events", edit=edit)
    r = CliRunner().invoke(main, ["fmt", str(pkg.root)])
    assert "left as they are: 1 date(s) in the form dd.mm.yyyy (e.g. 12.03.2021)" in r.output
    f = next(f for f in pkg.validate().findings if f.code == "KZ106")
    assert f.suggestion == "2021-03-12"


def test_the_validator_reads_a_spreadsheet_file_in_its_own_dialect(pkg):
    """Beside KZ009, the cells are checked as what they are, not as one cell per line."""
    def edit(rows):
        rows[0]["status"] = "flying"
    as_saved(pkg, "persons", edit=edit)
    report = kzdata.validate(pkg.root, today=TODAY)
    assert {"KZ009", "KZ103"} <= set(codes(report))
    assert not {"KZ011", "KZ012", "KZ014"} & set(codes(report))
