"""`kzdata fmt`: one canonical form, lossless and idempotent; `--check` and validate (KZ018) report files
not in it; files that cannot be read safely are left untouched."""
from __future__ import annotations

import csv
import io
import json
import random

import pytest
from click.testing import CliRunner
from conftest import REPO, codes, only
from hypothesis import given, settings
from hypothesis import strategies as st

from kzdata.cli import main
from kzdata.fmt import NotFormattable, canonical_json, fmt, format_csv, format_json

SCHEMA = {"fields": [{"name": n} for n in ("id", "name", "notes", "sources")], "primaryKey": ["id"]}
cells = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r"), max_size=25)
ids = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,5}){0,2}", fullmatch=True)


def parse(data: bytes) -> tuple[list[str], list[dict]]:
    reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    return list(reader.fieldnames or []), list(reader)


@st.composite
def tables(draw):
    """A CSV table with the schema's columns in any order, an unknown extra column sometimes, rows in any
    order, cells with commas, quotes, newlines and any Unicode; written with any quoting and line ending."""
    columns = draw(st.permutations([f["name"] for f in SCHEMA["fields"]]))
    if draw(st.booleans()):
        columns = [*columns, "extra"]
    row_ids = draw(st.lists(ids, unique=True, max_size=8))
    rows = [{c: (rid if c == "id" else draw(cells)) for c in columns} for rid in row_ids]
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, quoting=draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL])),
                            lineterminator=draw(st.sampled_from(["\n", "\r\n"])))
    writer.writeheader()
    writer.writerows(rows)
    data = buf.getvalue().encode("utf-8")
    return (b"\xef\xbb\xbf" if draw(st.booleans()) else b"") + data


@settings(max_examples=150, deadline=None)
@given(tables())
def test_csv_formatting_is_idempotent_and_keeps_every_value(data):
    once = format_csv(data, SCHEMA)
    assert format_csv(once, SCHEMA) == once
    header, rows = parse(data)
    new_header, new_rows = parse(once)
    assert sorted(new_header) == sorted(header)
    assert new_header[:4] == [c for c in ("id", "name", "notes", "sources") if c in header]
    assert sorted(map(json.dumps, [dict(sorted(r.items())) for r in new_rows])) == \
        sorted(map(json.dumps, [dict(sorted(r.items())) for r in rows]))
    assert [r["id"] for r in new_rows] == sorted(r["id"] for r in rows)
    assert once.endswith(b"\n") and not once.startswith(b"\xef\xbb\xbf")


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=10),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
                           max_leaves=20)


@settings(max_examples=100, deadline=None)
@given(json_values, st.sampled_from([None, 2, 4]))
def test_json_formatting_is_idempotent_and_keeps_the_value(value, indent):
    data = json.dumps(value, indent=indent).encode("utf-8")
    once = format_json(data)
    assert format_json(once) == once
    assert json.loads(once) == value


@pytest.mark.parametrize("data, why", [
    (b"id,name\n\xff\n", "UTF-8"),
    (b'id,name\na,"open\n', "CSV syntax"),
    (b"id,name\na,b,c\n", "one cell per column"),
    (b"id,id\na,b\n", "repeated"),
    (b"", "empty"),
])
def test_unsafe_files_are_refused_not_guessed(data, why):
    with pytest.raises(NotFormattable, match=why):
        format_csv(data, SCHEMA)


def test_the_repository_is_in_canonical_form():
    assert [r.path for r in fmt(REPO, check=True) if r.changed or r.problem] == []


def test_fmt_restores_a_scrambled_table_exactly(pkg):
    original = pkg.path("events").read_bytes()
    header, rows = pkg.read("events")
    random.Random(7).shuffle(rows)
    header = header[::-1]
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=header, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    pkg.path("events").write_bytes(b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))
    check = CliRunner().invoke(main, ["fmt", str(pkg.root), "--check"])
    assert check.exit_code == 1 and "data/events.csv: would be reformatted" in check.output
    result = CliRunner().invoke(main, ["fmt", str(pkg.root)])
    assert result.exit_code == 0, result.output
    assert pkg.path("events").read_bytes() == original
    assert CliRunner().invoke(main, ["fmt", str(pkg.root), "--check"]).exit_code == 0


def test_validate_reports_a_file_out_of_canonical_form(pkg):
    header, rows = pkg.read("organisations")
    pkg.write("organisations", header, rows[::-1])
    f = only(pkg.validate(), "KZ018")
    assert f.file == "data/organisations.csv" and f.severity == "warning" and f.line == 2


def test_json_out_of_canonical_form(pkg):
    desc = json.loads((pkg.root / "datapackage.json").read_text(encoding="utf-8"))
    (pkg.root / "datapackage.json").write_text(json.dumps(desc), encoding="utf-8")
    assert only(pkg.validate(), "KZ018").file == "datapackage.json"
    CliRunner().invoke(main, ["fmt", str(pkg.root)])
    assert (pkg.root / "datapackage.json").read_text(encoding="utf-8") == canonical_json(desc)
    assert "KZ018" not in codes(pkg.validate())


def test_a_broken_file_is_left_untouched(pkg):
    broken = b"id,name\n\xff\xfe\n"
    pkg.path("organisations").write_bytes(broken)
    result = CliRunner().invoke(main, ["fmt", str(pkg.root)])
    assert result.exit_code == 1 and "left as it is" in result.output
    assert pkg.path("organisations").read_bytes() == broken
