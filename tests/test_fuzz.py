"""Property tests: generated malformed rows and files never make the validator raise."""
from __future__ import annotations

import datetime as dt
import shutil

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kzdata
from kzdata.dates import parse_duration, parse_partial

from conftest import REPO

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
    report = kzdata.validate(root, today=dt.date(2026, 11, 22))
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

    from kzdata.values import _field_checker

    field = next(f for f in ROLES["fields"] if f["name"] == "roles")
    value = ";".join(items)
    if value == "":
        return  # empty cells are 'missing', checked by required
    by_pattern = re.fullmatch(field["constraints"]["pattern"], value) is not None
    assert by_pattern == (_field_checker(field)(value) == [])
