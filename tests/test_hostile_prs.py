"""What a hostile or careless pull request can commit, and what kzdata makes of it: the reference data cannot be
edited by hand, no file crashes or hangs a command, implausible values are errors. Each case failed before the
change that added its test (issue 18)."""
from __future__ import annotations

import csv
import io
import json
import os
import time

import pytest
from click.testing import CliRunner
from conftest import TODAY, codes, only

import kzdata
from kzdata.cli import main
from kzdata.export import export

COMMANDS = (["validate"], ["fmt", "--check"], ["fmt"], ["stats"], ["verify"], ["export", "--to", "json", "-o", "{out}"])


def run_everything(pkg, tmp_path) -> dict[str, object]:
    """Every command on the copy: none may end in a traceback (exit 0 or 1, or 2 for a usage error)."""
    results = {}
    for cmd in COMMANDS:
        args = [a.replace("{out}", str(tmp_path / "out")) for a in cmd] + [str(pkg.root)]
        result = CliRunner().invoke(main, args)
        assert result.exception is None or isinstance(result.exception, SystemExit), (cmd, result.output, result.exception)
        assert "Traceback" not in result.output, (cmd, result.output)
        assert result.exit_code in (0, 1, 2), (cmd, result.exit_code, result.output)
        results[cmd[0] + (" " + cmd[1] if len(cmd) > 1 and cmd[1].startswith("--") else "")] = result
    return results


def set_cell(pkg, table: str, column: str, value: str, row: int = 0) -> str:
    header, rows = pkg.read(table)
    rows[row][column] = value
    pkg.write(table, header, rows)
    return rows[row].get("id", "")


def edit_json(path, change) -> None:
    value = json.loads(path.read_text(encoding="utf-8"))
    change(value)
    path.write_text(json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")


# --- 1. the reference data is proven by its inputs ------------------------------------------------------------

def _articles(pkg, edition: int = -1) -> list[dict]:
    return json.loads((pkg.root / "data/criminal-code.json").read_text(encoding="utf-8"))["editions"][edition]["articles"]


@pytest.mark.parametrize("edit", ["article-999", "drop-repeal", "drop-banned-flag", "retitle"])
def test_a_hand_edit_of_the_criminal_code_reference_is_an_error(pkg, edit):
    def change(ref):
        for ed in ref["editions"]:
            for a in ed["articles"]:
                if edit == "drop-repeal" and a.get("repealed"):
                    del a["repealed"]
                    return
                if edit == "drop-banned-flag" and a.get("banned_organisation"):
                    del a["banned_organisation"]
                    return
                if edit == "retitle" and a["article"] == "174":
                    a["title_ru"] += " (изменено)"
                    return
        last = ref["editions"][-1]["articles"]
        last.append({**last[-1], "article": "999", "title_ru": "Вымышленная статья"})

    edit_json(pkg.root / "data/criminal-code.json", change)
    report = pkg.validate()
    f = only(report, "KZ019")
    assert f.file == "data/criminal-code.json" and "not what reference/criminal-code/ builds" in f.message
    assert not report.ok(strict=True) and not report.ok()


def test_a_charge_under_the_fictitious_article_is_not_accepted_by_the_edit(pkg):
    """Appending article 999 does not make a charge under it valid: the edit itself is the error."""
    edit_json(pkg.root / "data/criminal-code.json",
              lambda ref: ref["editions"][-1]["articles"].append({**ref["editions"][-1]["articles"][-1], "article": "999"}))
    header, rows = pkg.read("charges")
    rows[0].update(code="2014", article="999", part="")
    pkg.write("charges", header, rows)
    assert "KZ019" in codes(pkg.validate())


def test_without_its_inputs_the_reference_cannot_be_proven(pkg):
    import shutil

    shutil.rmtree(pkg.root / "reference")
    f = only(pkg.validate(), "KZ020")
    assert f.severity == "warning"   # CI runs --strict: a pull request deleting the inputs fails


# --- 2. no traceback, no hang -------------------------------------------------------------------------------

def test_a_symlink_loop_in_data_is_a_finding_in_every_command(pkg, tmp_path):
    os.symlink("loop", pkg.root / "data" / "loop")
    f = only(pkg.validate(), "KZ006")
    assert f.file == "data/loop" and "loops" in f.message
    run_everything(pkg, tmp_path)


def test_a_schema_that_is_a_symlink_loop_is_a_finding_in_every_command(pkg, tmp_path):
    (pkg.root / "schemas/events.json").unlink()
    os.symlink("events.json", pkg.root / "schemas/events.json")
    report = pkg.validate()
    assert only(report, "KZ006").file == "schemas/events.json"
    assert "KZ005" in codes(report)
    # the tables it would relate to are not judged without it: no flood of unsupported statuses
    assert not any(f.code.startswith("KZ7") for f in report.findings)
    assert report.not_run and "events could not be read" in next(iter(report.not_run.values()))
    results = run_everything(pkg, tmp_path)
    assert results["fmt --check"].exit_code == 1 and "schemas/events.json" in results["fmt --check"].output


@pytest.mark.parametrize("target,code", [("/etc/passwd", "KZ002"), ("nothing-here.csv", "KZ003")])
def test_a_resource_that_is_a_link_out_of_the_package_or_to_nothing(pkg, tmp_path, target, code):
    (pkg.root / "data/organisations.csv").unlink()
    os.symlink(target, pkg.root / "data/organisations.csv")
    report = pkg.validate()
    assert code in codes(report) and "KZ006" in codes(report)
    assert all("root:" not in f.message for f in report.findings)   # nothing of the outside file is read
    run_everything(pkg, tmp_path)


def test_a_catastrophic_schema_pattern_runs_in_linear_time(pkg):
    edit_json(pkg.root / "schemas/organisations.json",
              lambda s: next(f for f in s["fields"] if f["name"] == "notes").setdefault("constraints", {}).update(pattern="^(a|aa)+$"))
    set_cell(pkg, "organisations", "notes", "a" * 60 + "!")
    started = time.perf_counter()
    report = pkg.validate()
    assert time.perf_counter() - started < 60   # Python's re takes hours on this cell
    assert "KZ104" in codes(report)


@pytest.mark.parametrize("pattern", [r"^(a)\1$", "^(?=a).*$", "(?<!x)y", "a{1000}{1000}"])
def test_a_pattern_that_cannot_be_bounded_is_refused(pkg, pattern):
    edit_json(pkg.root / "schemas/organisations.json",
              lambda s: next(f for f in s["fields"] if f["name"] == "notes").setdefault("constraints", {}).update(pattern=pattern))
    f = only(pkg.validate(), "KZ005")
    assert f.column == "notes" and "refused" in f.message


@pytest.mark.parametrize("blob,words", [
    ('"x": ' + "9" * 100000 + ",", "a number of 100000 characters"),
    ('"x": "\\ud800",', "lone surrogate"),
    ('"x": NaN,', "NaN is not a JSON value"),
    ('"x": 1e999,', "too large"),
    ('"name": "again",', 'the key "name" appears twice'),
])
@pytest.mark.parametrize("target,code", [("datapackage.json", "KZ001"), ("schemas/events.json", "KZ005"),
                                         ("data/criminal-code.json", "KZ015")])
def test_json_python_would_accept_is_a_finding(pkg, tmp_path, blob, words, target, code):
    path = pkg.root / target
    text = path.read_text(encoding="utf-8")
    if '"name"' in blob:
        blob = f'"{sorted(json.loads(text))[0]}": "again",'   # a key the file's outer object has
        words = "appears twice"
    path.write_text(text.replace("{", "{" + blob, 1), encoding="utf-8")
    report = pkg.validate()
    f = only(report, code)
    assert f.file == target and words.split()[0] in f.message and f.line >= 1, f
    assert "KZ999" not in codes(report)
    results = run_everything(pkg, tmp_path)
    assert results["fmt --check"].exit_code == 1


def test_a_5000_digit_birth_year_is_one_finding(pkg):
    pid = set_cell(pkg, "persons", "birth_year", "1" * 5000)
    report = pkg.validate()
    f = only(report, "KZ105")
    assert f.record == pid and f.column == "birth_year" and "5000 digits" in f.message and len(f.message) < 200
    assert "KZ999" not in codes(report)


def test_a_value_with_a_trailing_line_break_is_not_a_date(pkg):
    """Python's $ also matches before a final newline: "2020-01-01\\n" must not pass as a date."""
    pid = set_cell(pkg, "persons", "status_date", "2020-01-01\n")
    assert any(f.code in ("KZ104", "KZ106") and f.record == pid for f in pkg.validate().findings)
    from kzdata.dates import parse_duration, parse_partial

    assert parse_partial("2020-01-01\n") is None and parse_duration("P1Y\n") is None


def test_two_resources_with_one_name(pkg):
    edit_json(pkg.root / "datapackage.json", lambda d: d["resources"].append(dict(d["resources"][0])))
    f = only(pkg.validate(), "KZ002")
    assert "two resources are named 'sources'" in f.message


@pytest.mark.parametrize("change,words", [
    (lambda r: r.update(encoding="windows-1251"), "encoding"),
    (lambda r: r["dialect"].update(delimiter=";"), "delimiter=';'"),
    (lambda r: r.update(compression="gz"), "compression"),
    (lambda r: r.update(scheme="https"), "scheme"),
])
def test_a_declared_dialect_or_encoding_kzdata_does_not_read_is_refused(pkg, change, words):
    edit_json(pkg.root / "datapackage.json", lambda d: change(next(r for r in d["resources"] if r["name"] == "events")))
    f = only(pkg.validate(), "KZ002")
    assert f.column.startswith("events.") and words in f.message


def test_a_leftover_temporary_file_is_reported(pkg):
    (pkg.root / "data/.persons.csv.k3x9qz1a.tmp").write_text("id,name\nhalf", encoding="utf-8")
    f = only(pkg.validate(), "KZ007")
    assert f.file == "data/.persons.csv.k3x9qz1a.tmp"


# --- 4. plausibility ---------------------------------------------------------------------------------------

def _sentence_of_kind(pkg, kind: str) -> str:
    header, rows = pkg.read("sentences")
    return next(r["id"] for r in rows if r["kind"] == kind)


@pytest.mark.parametrize("kind,term,ok", [
    ("imprisonment", "P300Y", False), ("imprisonment", "P30Y", True), ("imprisonment", "P30Y1D", False),
    ("imprisonment", "P29Y13M", False), ("restriction_of_freedom", "P8Y", False), ("restriction_of_freedom", "P7Y", True),
    ("activity_ban", "P11Y", False), ("activity_ban", "P10Y", True), ("suspended_imprisonment", "P31Y", False),
])
def test_a_term_beyond_what_the_code_allows_is_an_error(pkg, kind, term, ok):
    sid = _sentence_of_kind(pkg, kind)
    pkg.set("sentences", sid, term=term)
    hits = [f for f in pkg.validate().findings if f.code == "KZ108"]
    if ok:
        assert not hits
    else:
        assert [(f.record, f.column) for f in hits] == [(sid, "term")] and hits[0].severity == "error"
        assert kind in hits[0].message and "at most" in hits[0].message


def test_a_term_of_twenty_digits_is_malformed_and_stats_stay_finite(pkg):
    sid = _sentence_of_kind(pkg, "imprisonment")
    pkg.set("sentences", sid, term="P99999999999999999999Y")
    f = only(pkg.validate(), "KZ107")
    assert f.record == sid and "more digits than any term" in f.message
    from kzdata.stats import compute

    ds = kzdata.load(pkg.root, check=False)
    years = compute(ds)["sentences"]["imprisonment"]["total_years"]
    assert years < 10_000 and "e+" not in str(years)


def test_stats_leave_out_a_term_beyond_the_limit(pkg):
    from kzdata.stats import compute

    before = compute(kzdata.load(pkg.root, check=False))["sentences"]["imprisonment"]
    header, rows = pkg.read("sentences")
    target = next(r for r in rows if r["kind"] == "imprisonment" and r["term"])
    pkg.set("sentences", target["id"], term="P300Y")
    after = compute(kzdata.load(pkg.root, check=False))["sentences"]["imprisonment"]
    assert after["term_beyond_limit"] == before["term_beyond_limit"] + 1
    assert after["total_years"] < before["total_years"] + 1   # the 300 years are not added in


@pytest.mark.parametrize("value,code,severity", [("0001-01-01", "KZ411", "error"), ("1899-12", "KZ411", "error"),
                                                  ("1985-05-01", "KZ412", "warning"), ("1991-12-15", "KZ412", "warning")])
def test_dates_before_the_datasets_reach(pkg, value, code, severity):
    header, rows = pkg.read("events")
    eid = rows[0]["id"]
    pkg.set("events", eid, date=value)
    hits = [f for f in pkg.validate().findings if f.code == code and f.record == eid]
    assert len(hits) == 1 and hits[0].severity == severity and hits[0].column == "date"


def test_a_date_after_independence_is_within_reach(pkg):
    header, rows = pkg.read("events")
    pkg.set("events", rows[0]["id"], date="1991-12-16")
    assert not {"KZ411", "KZ412"} & set(codes(pkg.validate()))


def test_a_birth_year_before_1900_is_an_error(pkg):
    pid = set_cell(pkg, "persons", "birth_year", "1850")
    f = only(pkg.validate(), "KZ411")
    assert f.record == pid and f.column == "birth_year"


# --- 5. exceptions need a maintainer ------------------------------------------------------------------------

def _a_warning(pkg):
    """A warning of the package that no exception accepts yet: a status left unsupported."""
    header, rows = pkg.read("persons")
    pid = rows[0]["id"]
    pkg.set("persons", pid, status="house_arrest")
    f = next(f for f in pkg.validate().findings if f.severity == "warning" and f.record == pid)
    return f


def test_a_self_approved_exception_is_an_error(pkg):
    f = _a_warning(pkg)
    pkg.add("exceptions", code=f.code, table=f.table, record=f.record, reason="x", reviewed="2099-01-01")
    report = pkg.validate()
    hits = sorted((g.column, g.severity) for g in report.findings if g.code == "KZ902")
    assert hits == [("reason", "error"), ("reviewed", "error")]
    assert not report.ok()


@pytest.mark.parametrize("reason", ["ok ok ok ok ok ok ok ok ok ok ok ok ok ok", "checked" * 10, "see source", "1234567890 " * 5])
def test_a_reason_must_say_something(pkg, reason):
    f = _a_warning(pkg)
    pkg.add("exceptions", code=f.code, table=f.table, record=f.record, reason=reason, reviewed="2026-11-01")
    assert [g.column for g in pkg.validate().findings if g.code == "KZ902"] == ["reason"]


def test_a_review_is_dated_to_the_day(pkg):
    f = _a_warning(pkg)
    pkg.add("exceptions", code=f.code, table=f.table, record=f.record, reviewed="2026",
            reason="The court's press release and two reports agree that the house arrest began on that day.")
    assert [g.column for g in pkg.validate().findings if g.code == "KZ902"] == ["reviewed"]


def _git(root, *args):
    import subprocess

    subprocess.run(["git", "-C", str(root), "-c", "user.email=t@example.org", "-c", "user.name=t", *args], check=True, capture_output=True)


def test_changed_since_names_every_added_or_changed_exception(pkg):
    f = _a_warning(pkg)
    _git(pkg.root, "init", "-q")
    _git(pkg.root, "add", "-A")
    _git(pkg.root, "commit", "-qm", "base")
    reason = "Two reports of the same week describe the house arrest, and the court's own notice confirms it."
    pkg.add("exceptions", code=f.code, table=f.table, record=f.record, reason=reason, reviewed="2026-11-20")
    header, rows = pkg.read("exceptions")
    other = next(r for r in rows if r["record"] != f.record)
    other["reason"] += " Checked again."   # exceptions have no id: one is changed by its key
    pkg.write("exceptions", header, rows)

    report = kzdata.validate(pkg.root, today=TODAY, changed_since="HEAD")
    notices = sorted((n.message.split(":")[0], n.record) for n in report.findings if n.code == "KZ903")
    assert notices == sorted([("data/exceptions.csv adds an exception", f.record), ("data/exceptions.csv changes an exception", other["record"])])
    added = next(n for n in report.findings if n.code == "KZ903" and n.record == f.record)
    assert f.message in added.message and added.severity == "notice" and added.line >= 2
    assert report.ok(strict=True)              # a notice is for the reviewer; it does not fail the gate
    result = CliRunner().invoke(main, ["validate", str(pkg.root), "--strict", "--format", "github", "--changed-since", "HEAD"])
    assert result.exit_code == 0 and "::notice file=data/exceptions.csv" in result.output
    # without the change there is nothing to say
    _git(pkg.root, "commit", "-qam", "exceptions")
    assert not [n for n in kzdata.validate(pkg.root, today=TODAY, changed_since="HEAD").findings if n.code == "KZ903"]


def test_codeowners_guard_what_can_silence_the_checks():
    from conftest import REPO

    owned = [line.split()[0] for line in (REPO / ".github/CODEOWNERS").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#") and len(line.split()) >= 2]
    for path in ("data/exceptions.csv", "data/criminal-code.json", "reference/criminal-code/cc2014.csv", "schemas/persons.json",
                 "datapackage.json", "releases/1.0.0.json", ".github/CODEOWNERS", ".ci/run"):
        assert any(("/" + path).startswith(p) if p.endswith("/") else "/" + path == p for p in owned), path


# --- 8. fmt, export, import and new are safe writers ---------------------------------------------------------

def _unformat(pkg, table: str = "persons") -> bytes:
    """Put the table's rows in reverse order, so that kzdata fmt has something to write."""
    header, rows = pkg.read(table)
    pkg.write(table, header, rows[::-1])
    return pkg.path(table).read_bytes()


@pytest.mark.parametrize("mode", [0o644, 0o664, 0o640])
def test_fmt_keeps_the_mode_of_the_file_it_rewrites(pkg, mode):
    _unformat(pkg)
    os.chmod(pkg.path("persons"), mode)
    result = CliRunner().invoke(main, ["fmt", str(pkg.root)])
    assert result.exit_code == 0 and "data/persons.csv: reformatted" in result.output
    assert os.stat(pkg.path("persons")).st_mode & 0o777 == mode


@pytest.mark.parametrize("umask", [0o022, 0o002, 0o077])
@pytest.mark.parametrize("fmt", ["csv", "json", "sqlite", "xlsx"])
def test_exported_files_follow_the_umask(pkg, tmp_path, fmt, umask):
    if fmt == "xlsx":
        pytest.importorskip("openpyxl")  # the [xlsx] extra; the test extras install it
    old = os.umask(umask)
    try:
        written = export(pkg.root, tmp_path / "out", fmt=fmt, today=TODAY)
    finally:
        os.umask(old)
    assert written and {os.stat(p).st_mode & 0o777 for p in written} == {0o666 & ~umask}


def test_fmt_keeps_a_row_saved_while_it_runs(pkg, monkeypatch):
    """An editor saves persons.csv (with one row more) after fmt read it and before fmt writes: fmt must not
    write its formatted copy of the older file over it."""
    import kzdata.fmt as fmt_module

    _unformat(pkg)
    real = fmt_module.reformat_csv
    added = "zz-saved-while-fmt-ran"

    saved = []

    def reformat_while_an_editor_saves(data, schema):
        out = real(data, schema)
        if not saved and data == pkg.path("persons").read_bytes():
            header, rows = pkg.read("persons")
            pkg.add("persons", **{**rows[0], "id": added})
            saved.append(added)
        return out

    monkeypatch.setattr(fmt_module, "reformat_csv", reformat_while_an_editor_saves)
    results = {r.path: r for r in fmt_module.fmt(pkg.root)}
    assert "changed while kzdata fmt ran" in results["data/persons.csv"].problem
    assert not results["data/persons.csv"].changed
    assert added in pkg.path("persons").read_text(encoding="utf-8")     # the row saved meanwhile is there
    monkeypatch.setattr(fmt_module, "reformat_csv", real)
    assert not {r.path: r.problem for r in fmt_module.fmt(pkg.root)}["data/persons.csv"]   # the next run formats it
    assert added in pkg.path("persons").read_text(encoding="utf-8")


def test_kzdata_new_keeps_a_row_saved_while_it_runs(pkg, monkeypatch):
    import kzdata.validator as validator
    from kzdata.scaffold import ScaffoldError, new_source

    real = validator.validate

    def validate_while_an_editor_saves(*args, **kwargs):
        report = real(*args, **kwargs)
        header, rows = pkg.read("sources")
        pkg.add("sources", **{**rows[0], "id": "zz-saved-meanwhile"})
        return report

    monkeypatch.setattr(validator, "validate", validate_while_an_editor_saves)
    with pytest.raises(ScaffoldError, match="changed while kzdata new ran"):
        new_source(pkg.root, "Example", "A report", "2024-05-01", "https://example.org/report", language="en")
    text = pkg.path("sources").read_text(encoding="utf-8")
    assert "zz-saved-meanwhile" in text and "https://example.org/report" not in text


def test_write_atomic_refuses_a_file_that_is_no_longer_what_was_read(tmp_path):
    from kzdata.fileio import ABSENT, FileChanged, write_atomic

    target = tmp_path / "t.csv"
    target.write_bytes(b"id\na\n")
    with pytest.raises(FileChanged, match="changed"):
        write_atomic(target, b"id\nb\n", expect=b"id\n")
    with pytest.raises(FileChanged, match="created"):
        write_atomic(target, b"id\nb\n", expect=ABSENT)
    assert target.read_bytes() == b"id\na\n"
    target.unlink()
    with pytest.raises(FileChanged, match="removed"):
        write_atomic(target, b"id\nb\n", expect=b"id\na\n")
    assert not target.exists() and not list(tmp_path.iterdir())     # no temporary file left either
    write_atomic(target, b"id\nc\n", expect=ABSENT)
    write_atomic(target, b"id\nd\n", expect=b"id\nc\n")
    assert target.read_bytes() == b"id\nd\n"


KILLED_WRITER = """
import sys, time
from pathlib import Path
from kzdata.fileio import replace_atomically

def build(tmp):
    with open(tmp, "wb") as fh:
        fh.write(b"id,name\\nhalf a ro")
        fh.flush()
    print(tmp, flush=True)
    time.sleep(600)

replace_atomically(Path(sys.argv[1]), build)
"""


def test_a_write_killed_midway_leaves_the_file_intact_and_its_leftover_is_reported_ignored_and_removed(pkg):
    import shutil
    import signal
    import subprocess
    import sys

    from conftest import REPO

    before = pkg.path("persons").read_bytes()
    proc = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(pkg.path("persons"))], stdout=subprocess.PIPE, text=True)
    tmp = proc.stdout.readline().strip()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    leftover = os.path.relpath(tmp, pkg.root)
    assert leftover.startswith("data/.persons.csv.") and pkg.path("persons").read_bytes() == before

    assert only(pkg.validate(), "KZ007").file == leftover
    shutil.copy(REPO / ".gitignore", pkg.root / ".gitignore")
    _git(pkg.root, "init", "-q")
    _git(pkg.root, "add", "-A")
    listed = subprocess.run(["git", "-C", str(pkg.root), "ls-files"], capture_output=True, text=True, check=True).stdout.split()
    assert "data/persons.csv" in listed and leftover not in listed   # git add -A does not commit it

    fresh = CliRunner().invoke(main, ["fmt", str(pkg.root)])   # just written to: it may be another command's
    assert fresh.exit_code == 1 and f"{leftover}: left as it is" in fresh.output and (pkg.root / leftover).exists()
    old = time.time() - 3600
    os.utime(pkg.root / leftover, (old, old))
    check = CliRunner().invoke(main, ["fmt", "--check", str(pkg.root)])
    assert check.exit_code == 1 and f"{leftover}: would be removed" in check.output and (pkg.root / leftover).exists()
    done = CliRunner().invoke(main, ["fmt", str(pkg.root)])
    assert done.exit_code == 0 and f"{leftover}: removed" in done.output and not (pkg.root / leftover).exists()
    assert "KZ007" not in codes(pkg.validate()) and pkg.path("persons").read_bytes() == before


def test_export_removes_what_a_killed_export_left(pkg, tmp_path):
    out = tmp_path / "out"
    export(pkg.root, out, fmt="json", today=TODAY)
    stale, fresh = out / ".persons.json.a1b2c3d4.tmp", out / ".persons.json.e5f6g7h8.tmp"
    stale.write_text("[{", encoding="utf-8")
    fresh.write_text("[{", encoding="utf-8")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    export(pkg.root, out, fmt="json", today=TODAY)
    assert not stale.exists() and fresh.exists()    # a file written to a moment ago may be another export's


@pytest.mark.parametrize("change,words", [
    (lambda r: r.update(encoding="windows-1251"), "encoding 'windows-1251'"),
    (lambda r: r["dialect"].update(delimiter=";"), "delimiter=';'"),
])
def test_fmt_leaves_a_table_whose_declared_dialect_or_encoding_it_does_not_read(pkg, change, words):
    header, rows = pkg.read("events")
    pkg.write("events", header, rows[::-1])
    before = pkg.path("events").read_bytes()
    edit_json(pkg.root / "datapackage.json", lambda d: change(next(r for r in d["resources"] if r["name"] == "events")))
    result = CliRunner().invoke(main, ["fmt", str(pkg.root)])
    assert result.exit_code == 1 and f"data/events.csv: left as it is: not read: datapackage.json declares" in result.output
    assert words in result.output and pkg.path("events").read_bytes() == before


# --- careless: a merge left half done ----------------------------------------------------------------------

def _conflicted_persons(pkg):
    """Two branches add a person at the same place in persons.csv, and the merge stops with a conflict."""
    _git(pkg.root, "init", "-q", "-b", "main")
    _git(pkg.root, "add", "-A")
    _git(pkg.root, "commit", "-qm", "base")
    header, rows = pkg.read("persons")
    for branch, pid in (("one", "zz-first-added"), ("two", "zz-second-added")):
        _git(pkg.root, "checkout", "-q", "-b", branch, "main")
        pkg.add("persons", **{**rows[-1], "id": pid})
        _git(pkg.root, "commit", "-qam", pid)
    _git(pkg.root, "checkout", "-q", "one")
    import subprocess

    merge = subprocess.run(["git", "-C", str(pkg.root), "-c", "user.email=t@example.org", "-c", "user.name=t", "merge", "two"],
                           capture_output=True, text=True)
    assert merge.returncode != 0 and "CONFLICT" in merge.stdout
    assert "<<<<<<< " in pkg.path("persons").read_text(encoding="utf-8")


def test_an_unresolved_merge_conflict_is_one_finding_that_says_so(pkg, tmp_path):
    _conflicted_persons(pkg)
    report = pkg.validate()
    mine = [f for f in report.findings if f.file == "data/persons.csv"]
    assert [f.code for f in mine] == ["KZ008"], [(f.code, f.message) for f in mine]
    assert "unresolved git merge conflict" in mine[0].message and mine[0].line > 1
    before = pkg.path("persons").read_bytes()
    result = run_everything(pkg, tmp_path)
    assert result["fmt"].exit_code == 1 and "unresolved git merge conflict" in result["fmt"].output
    assert pkg.path("persons").read_bytes() == before        # fmt leaves the conflict for the contributor


def test_a_merge_conflict_in_a_json_file_is_named_too(pkg):
    path = pkg.root / "schemas/events.json"
    text = path.read_text(encoding="utf-8")
    path.write_text("<<<<<<< HEAD\n" + text + "=======\n" + text + ">>>>>>> other\n", encoding="utf-8")
    f = only(pkg.validate(), "KZ008")
    assert f.file == "schemas/events.json" and f.line == 1 and "merge conflict" in f.message


def test_python_m_kzdata_is_the_command(pkg):
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "kzdata", "validate", str(pkg.root)], capture_output=True, text=True)
    assert out.returncode == 0 and "valid" in out.stdout + out.stderr


@pytest.mark.parametrize("key,value,table,column", [
    ("maximum", "\u0000", "persons", "birth_year"),      # what the fuzz run found: KZ999 from the values check
    ("minimum", True, "persons", "birth_year"),
    ("maxLength", "300", "cases", "title"),
    ("maxLength", -1, "cases", "title"),
    ("enum", "in_prison", "persons", "status"),
    ("pattern", 7, "persons", "id"),
])
def test_a_constraint_of_the_wrong_type_is_a_finding_not_a_crash(pkg, tmp_path, key, value, table, column):
    def change(schema):
        field = next(f for f in schema["fields"] if f["name"] == column)
        field.setdefault("constraints", {})[key] = value

    edit_json(pkg.root / f"schemas/{table}.json", change)
    report = pkg.validate()
    assert "KZ999" not in codes(report), [f.message for f in report.findings if f.code == "KZ999"]
    f = next(f for f in report.findings if f.code == "KZ005" and f.column == column)
    assert f.file == f"schemas/{table}.json" and f"constraint {key} of {column}" in f.message
    run_everything(pkg, tmp_path)
    from kzdata.release import required_level

    old = {"maximum": 2000}
    result = {"tables": {table: {"added": {}, "removed": {}, "changed": {}, "schema": {"constraints": [
        {"column": column, "old": old, "new": {key: value}}]}}}}
    assert required_level(result) in ("minor", "major")     # decided without comparing a string with a number


@pytest.mark.parametrize("field", ["path", "schema"])
def test_a_resource_path_with_a_nul_byte_is_a_finding_in_every_command(pkg, tmp_path, field):
    """Found by scripts/fuzz.py 1000: "path": "\\u0000" made kzdata fmt raise ValueError (embedded null byte)."""
    edit_json(pkg.root / "datapackage.json",
              lambda d: next(r for r in d["resources"] if r["name"] == "events").update({field: "data/ev\u0000ents.csv"}))
    report = pkg.validate()
    assert "KZ999" not in codes(report) and ({"KZ002", "KZ005"} & set(codes(report)))
    results = run_everything(pkg, tmp_path)
    assert results["fmt --check"].exit_code == 1


@pytest.mark.parametrize("resources", [None, "data/persons.csv", {"name": "persons"}, 7])
def test_resources_that_are_not_a_list_are_a_finding_in_every_command(pkg, tmp_path, resources):
    """Found by the fuzz run with another seed: {"resources": null} made kzdata fmt raise TypeError."""
    edit_json(pkg.root / "datapackage.json", lambda d: d.update(resources=resources))
    report = pkg.validate()
    assert "KZ999" not in codes(report) and "KZ002" in codes(report)
    run_everything(pkg, tmp_path)
