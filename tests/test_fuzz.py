"""Property tests: generated malformed rows and files never make the validator raise."""
from __future__ import annotations

import datetime as dt
import shutil
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kzdata
from kzdata.dates import parse_duration, parse_partial

from conftest import REPO, TODAY

TABLES = ["persons", "cases", "charges", "sentences", "events", "sources", "organisations", "exceptions"]
cell = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["", "2019", "2019-02-30", "P", "P1Y", "405", "true", "-1", "1e309", "a;;b", '"', "\n", "\r", "\x00"]),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(table=st.sampled_from(TABLES), row=st.lists(cell, max_size=20), at=st.integers(min_value=0, max_value=20))
def test_generated_rows_never_raise(tmp_path_factory, table, row, at):
    root = tmp_path_factory.mktemp("fuzz")
    shutil.copy(REPO / "datapackage.json", root)
    shutil.copytree(REPO / "data", root / "data")
    shutil.copytree(REPO / "schemas", root / "schemas")
    p = root / "data" / f"{table}.csv"
    lines = p.read_text(encoding="utf-8").split("\n")
    raw = ",".join('"' + c.replace('"', '""') + '"' if any(ch in c for ch in ',"\n\r') else c for c in row)
    lines.insert(min(at, len(lines)), raw)
    p.write_text("\n".join(lines), encoding="utf-8")
    report = kzdata.validate(root, today=TODAY)
    assert all(f.code != "KZ999" for f in report.findings), report.findings
    assert all(f.file and f.message for f in report.findings)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300), table=st.sampled_from(TABLES))
def test_arbitrary_bytes_never_raise(tmp_path_factory, data, table):
    root = tmp_path_factory.mktemp("bytes")
    shutil.copy(REPO / "datapackage.json", root)
    shutil.copytree(REPO / "data", root / "data")
    shutil.copytree(REPO / "schemas", root / "schemas")
    (root / "data" / f"{table}.csv").write_bytes(data)
    report = kzdata.validate(root)
    assert all(f.code != "KZ999" for f in report.findings), report.findings


@given(st.dates(min_value=dt.date(1000, 1, 1)), st.sampled_from([4, 7, 10]))
def test_partial_dates_are_ranges_containing_the_day(day, width):
    pd = parse_partial(day.isoformat()[:width])
    assert pd is not None and pd.start <= day <= pd.end
    assert pd.precision == {4: "year", 7: "month", 10: "day"}[width]


@given(st.text(max_size=12))
def test_partial_date_parser_never_raises(text):
    pd = parse_partial(text)
    assert pd is None or pd.start <= pd.end


@given(st.integers(0, 50), st.integers(0, 11), st.integers(0, 40))
def test_durations_round_trip(y, m, d):
    text = "P" + (f"{y}Y" if y else "") + (f"{m}M" if m else "") + (f"{d}D" if d else "")
    dur = parse_duration(text)
    if text == "P":
        assert dur is None
    else:
        assert dur == (y, m, d)


ROLES = __import__("json").loads((REPO / "schemas" / "persons.json").read_text(encoding="utf-8"))


@given(st.lists(st.sampled_from(["activist", "poet", "", "astronaut", "Activist", " blogger"]), min_size=1, max_size=4))
def test_list_item_check_agrees_with_the_schema_pattern(items):
    """kzdata checks list cells item by item; frictionless uses the field's pattern. They must agree."""
    import re

    from kzdata.checks.values import field_checker as _field_checker

    field = next(f for f in ROLES["fields"] if f["name"] == "roles")
    value = ";".join(items)
    if value == "":
        return  # empty cells are 'missing', checked by required
    by_pattern = re.fullmatch(field["constraints"]["pattern"], value) is not None
    assert by_pattern == (_field_checker(field)(value) == [])


# --- mutation fuzzing of whole package files --------------------------------------------------------------
# Real files of the package are mutated (bytes inserted, deleted, replaced, duplicated, truncated) and the
# validator must answer with findings, never an exception. scripts/fuzz.py runs the same idea for many more
# inputs and prints how many it tried.

import pytest  # noqa: E402

MUTABLE = ["data/persons.csv", "data/events.csv", "data/sentences.csv", "data/organisations.csv", "data/exceptions.csv",
           "data/criminal-code.json", "datapackage.json", "schemas/persons.json", "schemas/events.json"]
NASTY = [b"\x00", b"\xef\xbb\xbf", b"\r", b"\r\n", b'"', b",", b"\xff\xfe", b"\xe2\x80\xae", b"\xe2\x80\x8b", b"=", b"[" * 200,
         b"{" * 200, b"\\u0000", b"..", b"/etc/passwd", b"https://example.org/", b"\xd0\x90", b"e\xcc\x81", b"9" * 400]
mutation = st.tuples(st.sampled_from(["insert", "delete", "replace", "duplicate", "truncate"]),
                     st.integers(0, 1 << 20), st.integers(1, 300),
                     st.one_of(st.binary(min_size=1, max_size=24), st.sampled_from(NASTY)))


def mutate(data: bytes, ops) -> bytes:
    for op, at, length, blob in ops:
        at = at % (len(data) + 1)
        if op == "insert":
            data = data[:at] + blob + data[at:]
        elif op == "delete":
            data = data[:at] + data[at + length:]
        elif op == "replace":
            data = data[:at] + blob + data[at + len(blob):]
        elif op == "duplicate":
            data = data[:at] + data[at:at + length] * 3 + data[at:]
        else:
            data = data[:at]
    return data


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    root = tmp_path_factory.mktemp("mutations")
    shutil.copy(REPO / "datapackage.json", root)
    shutil.copytree(REPO / "data", root / "data")
    shutil.copytree(REPO / "schemas", root / "schemas")
    shutil.copytree(REPO / "reference", root / "reference")
    return root


# A hang is a failure too: validating (and formatting) a package may take at most this long, plus this much per
# megabyte of its files. Generous for a slow, shared machine (the repository validates in well under a second);
# a backtracking pattern or a quadratic parse would take minutes or hours.
SECONDS_BASE, SECONDS_PER_MB = 15.0, 15.0


def _package_mb(root) -> float:
    return sum(p.stat().st_size for d in ("data", "schemas") for p in (root / d).iterdir() if p.is_file()) / 1e6


def _assert_findings_not_crashes(root):
    from kzdata.fmt import fmt

    started = time.perf_counter()
    report = kzdata.validate(root, today=TODAY)
    results = fmt(root, check=True)          # formatting reads the same files: it must not raise either
    elapsed = time.perf_counter() - started
    assert all(f.code != "KZ999" for f in report.findings), [f.message for f in report.findings if f.code == "KZ999"]
    assert all(f.file is not None and f.message and f.hint for f in report.findings)
    assert all(r.path for r in results)
    limit = SECONDS_BASE + SECONDS_PER_MB * _package_mb(root)
    assert elapsed < limit, f"validate and fmt --check took {elapsed:.1f} s, over the {limit:.0f} s bound"
    return report


# scripts/fuzz.py raises these through the environment for long runs; the suite keeps them small.
FUZZ_EXAMPLES = int(__import__("os").environ.get("KZDATA_FUZZ_EXAMPLES", "100"))


@settings(max_examples=FUZZ_EXAMPLES, deadline=None)
@given(target=st.sampled_from(MUTABLE), ops=st.lists(mutation, min_size=1, max_size=4))
def test_mutated_package_files_give_findings_not_exceptions(scratch, target, ops):
    path = scratch / target
    original = (REPO / target).read_bytes()
    mutated = mutate(original, ops)
    path.write_bytes(mutated)
    try:
        report = _assert_findings_not_crashes(scratch)
        if mutated == original:
            assert report.findings == []
    finally:
        path.write_bytes(original)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.sampled_from(
        ["resources", "name", "path", "schema", "fields", "editions", "articles", "code", "jsonSchema", "type", "$ref"]) | st.text(max_size=8),
        inner, max_size=5),
    max_leaves=30)


@settings(max_examples=max(40, FUZZ_EXAMPLES // 2), deadline=None)
@given(target=st.sampled_from(["datapackage.json", "data/criminal-code.json", "schemas/persons.json",
                               "schemas/criminal-code.schema.json"]), value=json_values)
def test_generated_json_gives_findings_not_exceptions(scratch, target, value):
    import json

    path = scratch / target
    original = (REPO / target).read_bytes()
    path.write_text(json.dumps(value), encoding="utf-8")
    try:
        _assert_findings_not_crashes(scratch)
    finally:
        path.write_bytes(original)


# JSON that Python's json module reads but a package must not hold, spliced into real files at random places
JSON_NASTY = [b"NaN", b"-Infinity", b"1e999", b"9" * 5000, b'"\\ud800"', b'"\\udfff\\ud800"', b'"a": 1, "a": 2',
              b'"name": "x",', b"[" * 100, b"{}" * 50, b'"\\u0000"', b"-0", b"1.5e-400", b'"\xed\xa0\x80"']


@settings(max_examples=max(40, FUZZ_EXAMPLES // 2), deadline=None)
@given(target=st.sampled_from(["datapackage.json", "schemas/persons.json", "schemas/events.json", "data/criminal-code.json"]),
       at=st.integers(0, 1 << 20), blob=st.sampled_from(JSON_NASTY), replace=st.booleans())
def test_json_that_python_accepts_but_a_package_must_not_hold(scratch, target, at, blob, replace):
    path = scratch / target
    original = (REPO / target).read_bytes()
    at = at % (len(original) + 1)
    # after a colon or a comma the blob stands where a value or a member stands
    cut = original.find(b":", at)
    cut = at if cut < 0 else cut + 1
    end = cut
    if replace:
        while end < len(original) and original[end:end + 1] not in b",}]\n":
            end += 1
    path.write_bytes(original[:cut] + b" " + blob + original[end:])
    try:
        _assert_findings_not_crashes(scratch)
    finally:
        path.write_bytes(original)


# schema patterns a pull request could write: any mix of regex syntax, including the catastrophic kind
pattern_atoms = st.sampled_from(["a", "aa", "(a|aa)", "(a+)+", "(a*)*", "(.*)*", "[a-z]", "\\1", "(?=a)", "(?<!b)", "{2,}",
                                 "{1000}", "+", "*", "?", "|", "(", ")", "[", "]", "^", "$", "\\d", "\\p{L}", ".", "(?i)"])


@settings(max_examples=max(40, FUZZ_EXAMPLES // 2), deadline=None)
@given(pattern=st.lists(pattern_atoms, min_size=1, max_size=12).map("".join),
       cell=st.sampled_from(["a" * 60 + "!", "aaaa", "", "b" * 200, "а" * 50]))
def test_any_schema_pattern_gives_findings_in_bounded_time(scratch, pattern, cell):
    import csv
    import io
    import json

    schema_path, table_path = scratch / "schemas/organisations.json", scratch / "data/organisations.csv"
    schema_orig, table_orig = schema_path.read_bytes(), table_path.read_bytes()
    schema = json.loads(schema_orig)
    for f in schema["fields"]:
        if f["name"] == "notes":
            f.setdefault("constraints", {})["pattern"] = pattern
    schema_path.write_text(json.dumps(schema), encoding="utf-8")
    rows = list(csv.reader(io.StringIO(table_orig.decode("utf-8"))))
    notes = rows[0].index("notes")
    for r in rows[1:]:
        r[notes] = cell
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    table_path.write_text(buf.getvalue(), encoding="utf-8")
    try:
        _assert_findings_not_crashes(scratch)
    finally:
        schema_path.write_bytes(schema_orig)
        table_path.write_bytes(table_orig)
