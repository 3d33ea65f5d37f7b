"""The columnar engine (kzdata.engines.columnar) reports exactly the findings of the row engine: on generated packages with planted errors of every check, on a package whose cells hold
line breaks, with tables read in many small chunks and the person screens run over several ranges.
Packages it cannot read exactly go to the row engine instead."""
from __future__ import annotations

import csv
import datetime as dt
import io
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from conftest import TODAY
from test_engines import PLANTS, generate

import kzdata
from kzdata.engines import columnar
from kzdata.engines.columnar import frames
from kzdata.engines.columnar.frames import NotProven, _prove_serialisation

pl = pytest.importorskip("polars")


# Plants that keep the file in canonical form, so that the columnar engine reads it (PLANTS, plus list
# cells, repeated ids, shared names and multi-line text).
MORE = [("persons", "sources", "src-000001;src-000001"), ("persons", "sources", "src-000001;nope"),
        ("events", "sources", "src-000002;"), ("persons", "roles", "activist;poet;activist"),
        ("persons", "notes", "line one\nline two"), ("cases", "summary", "first,\n\"quoted\" second"),
        ("persons", "birth_year", "2019"), ("sentences", "kind", "imprisonment"), ("sentences", "term", "P1W"),
        ("events", "type", "released"), ("events", "type", "listed"), ("events", "type", "appeal_rejected"),
        ("charges", "acts_to", "2001"), ("charges", "article", "130"), ("persons", "status", "in_prison"),
        ("persons", "status", "convicted_in_absentia"), ("persons", "notes", "Квартира 12 on the left"),
        ("persons", "notes", "write to ME@EXAMPLE.ORG"), ("events", "notes", "Abai Street, 12"),
        ("charges", "notes", "ИИН 900101300017"), ("persons", "distinct_from", "nobody-here"),
        ("sources", "url", "https://example.org/a?%75tm_source=x"), ("sources", "url", "https://example.org:99999/"),
        ("sources", "archive_url", "https://example.org/a?x=1&FBCLID=2"), ("charges", "person", ""),
        ("events", "case", ""), ("sentences", "person", "ghost-person"), ("charges", "case", "ghost-case"),
        ("sentences", "case", ""), ("events", "type", "died"), ("events", "type", "died")]


def plant(root, rnd: random.Random, n: int) -> list[tuple]:
    planted = []
    for table, column, value in rnd.sample(PLANTS + MORE, n):
        path = root / "data" / f"{table}.csv"
        rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
        header = list(rows[0].keys())
        if column not in header:
            continue
        i = rnd.randrange(len(rows))
        rows[i][column] = value
        r = rnd.random()
        if r < 0.15:
            rows.insert(i + 1, dict(rows[i]))              # the same id twice, still in key order
        elif r < 0.3 and table == "persons" and i + 1 < len(rows):
            rows[i + 1]["name"] = rows[i]["name"]           # a likely duplicate person
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=header, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
        path.write_text(buf.getvalue(), encoding="utf-8", newline="")
        planted.append((table, column, value, i))
    return planted


@pytest.mark.parametrize("seed", range(10))
def test_columnar_and_reference_findings_are_identical(tmp_path, seed, monkeypatch):
    if seed % 2:   # many chunks: repeated keys, multi-line cells and persons fall across chunk boundaries
        monkeypatch.setattr(frames, "CHUNK_BYTES", [300, 1000, 3000, 10000, 40000][seed % 5])
    if seed % 3 == 0:   # the person screens over several ranges of person codes
        monkeypatch.setattr(columnar, "PART_ROWS", 200)
    root = tmp_path / "pkg"
    generate.generate(root, persons=150, seed=seed)
    planted = plant(root, random.Random(seed), 14)
    fast = kzdata.validate(root, today=TODAY, engine="columnar")   # raises if it could not read the package
    ref = kzdata.validate(root, today=TODAY, engine="rows")
    assert fast.findings, planted
    assert fast.findings == ref.findings, planted
    assert fast.excepted == ref.excepted


def test_a_clean_generated_package_is_clean_in_both_engines(tmp_path, monkeypatch):
    generate.generate(tmp_path / "pkg", persons=300, seed=3)
    report = kzdata.validate(tmp_path / "pkg", today=TODAY, engine="columnar")
    assert report.findings == [] and report.engine == "columnar"
    from kzdata import validator
    monkeypatch.setattr(validator, "COLUMNAR_MIN_BYTES", 1000)       # auto picks the columnar engine, and says so
    assert kzdata.validate(tmp_path / "pkg", today=TODAY).engine == "columnar"
    assert kzdata.validate(tmp_path / "pkg", today=TODAY, engine="rows").engine == "rows"


def test_an_error_deep_in_a_table_is_found_on_its_line_after_multi_line_cells(tmp_path):
    root = tmp_path / "pkg"
    generate.generate(root, persons=2000, seed=5)
    path = root / "data" / "events.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    header = rows[0]
    rows[10][header.index("notes")] = "a note\nover three\nlines"        # shifts every later line by two
    target = len(rows) - 100
    rows[target][header.index("type")] = "teleported"
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8", newline="")
    expected = buf.getvalue().split("\n").index(",".join(rows[target])) + 1
    hits = [f for f in kzdata.validate(root, today=TODAY, engine="columnar").findings if f.code == "KZ103"]
    assert [(f.file, f.line, f.column) for f in hits] == [("data/events.csv", expected, "type")]


def assert_left_to_the_row_engine(root, codes: list[str] | None = None) -> None:
    """The columnar engine refuses the package, saying why; auto runs the row engine (codes, when given, are
    its findings), and its report says that the columnar engine declined."""
    from kzdata.validator import EngineError

    with pytest.raises(EngineError, match="cannot read this package exactly: data/"):
        kzdata.validate(root, today=TODAY, engine="columnar")
    if codes is not None:
        from kzdata import validator

        old, validator.COLUMNAR_MIN_BYTES = validator.COLUMNAR_MIN_BYTES, 1
        try:
            auto = kzdata.validate(root, today=TODAY, engine="auto")
        finally:
            validator.COLUMNAR_MIN_BYTES = old
        assert auto.engine == "rows" and [f.code for f in auto.findings] == codes
        assert auto.engine_reason.startswith("rows: the columnar engine declined (data/"), auto.engine_reason
        assert auto.findings == kzdata.validate(root, today=TODAY, engine="rows").findings


def test_a_package_not_in_canonical_form_goes_to_the_row_engine(tmp_path):
    root = tmp_path / "pkg"
    generate.generate(root, persons=100, seed=2)
    path = root / "data" / "persons.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[1], lines[2] = lines[2], lines[1]                             # rows out of key order
    path.write_text("\n".join(lines), encoding="utf-8")
    assert_left_to_the_row_engine(root, ["KZ018"])


def test_a_cell_over_the_row_engines_limit_is_left_to_the_row_engine(tmp_path, monkeypatch, request):
    from kzdata import csvio

    limit = csv.field_size_limit()                 # the reader sets this process-wide limit: restore it
    request.addfinalizer(lambda: csv.field_size_limit(limit))
    root = tmp_path / "pkg"
    generate.generate(root, persons=100, seed=4)
    monkeypatch.setattr(csvio, "MAX_FIELD", 50)
    monkeypatch.setattr(frames, "MAX_FIELD", 50)
    path = root / "data" / "persons.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    rows[5][rows[0].index("notes")] = "x" * 60
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8", newline="")
    assert_left_to_the_row_engine(root)
    assert "KZ017" in {f.code for f in kzdata.validate(root, today=TODAY, engine="auto").findings}


def test_a_blank_line_in_a_file_without_quotes_goes_to_the_row_engine(tmp_path):
    root = tmp_path / "pkg"
    generate.generate(root, persons=100, seed=6)
    path = root / "data" / "events.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    assert '"' not in "\n".join(lines)
    lines.insert(1, "")                            # polars reads a row of empty cells; Python's csv reads no row
    path.write_text("\n".join(lines), encoding="utf-8")
    assert_left_to_the_row_engine(root, ["KZ018"])


cell = st.text(alphabet=st.sampled_from(list('ab ,"\n;é\u200b-=')), max_size=6)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(cell, min_size=3, max_size=3), min_size=1, max_size=8))
def test_the_proof_accepts_exactly_what_python_csv_writes(rows):
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows([["a", "b", "c"]] + rows)
    data = buf.getvalue().encode("utf-8")
    df = pl.read_csv(data, infer_schema=False, empty_string_is_null=False, schema={c: pl.String for c in "abc"})
    assert [list(r) for r in df.iter_rows()] == rows                  # polars reads Python's CSV back
    _prove_serialisation(df, data, data.index(b"\n") + 1)             # and the proof accepts it
    first = rows[0][0]
    if not any(c in first for c in ',"\n'):                          # a needless pair of quotes is not canonical
        head = data.index(b"\n") + 1
        raw = first.encode("utf-8")
        quoted = data[:head] + b'"' + raw + b'"' + data[head + len(raw):]
        with pytest.raises(NotProven):
            _prove_serialisation(df, quoted, head)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(cell, min_size=3, max_size=3), max_size=12), st.integers(1, 64))
def test_chunks_hold_whole_rows_on_the_lines_python_reads(tmp_path_factory, rows, size):
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows([["a", "b", "c"]] + rows)
    path = tmp_path_factory.mktemp("chunks") / "t.csv"
    path.write_bytes(buf.getvalue().encode("utf-8"))
    reader = frames.FileReader(path, ["a", "b", "c"], chunk_bytes=size)
    parts = list(reader)
    got = [list(r[:3]) for _, df in parts for r in df.iter_rows()]
    lines = [line for _, df in parts for line in df.get_column("__line").to_list()]
    py = csv.reader(io.StringIO(buf.getvalue(), newline=""))
    next(py)
    want, want_lines, prev = [], [], 1
    for row in py:
        want.append(row)
        want_lines.append(prev + 1)
        prev = py.line_num
    assert got == want and lines == want_lines
    assert reader.rows == len(rows)
    for chunk, df in parts:                       # each chunk can be read again on its own
        assert reader.read_again(chunk).equals(df)


name = st.text(alphabet=st.sampled_from(list("AaBbKkHhSsZzYyJj -–'’.") + list("АаЖжХхЩщЁёӘәҚқҮүІіЬьЪъЙй")), max_size=24)


@settings(max_examples=300, deadline=None)
@given(st.lists(name, min_size=1, max_size=6))
def test_name_keys_match_the_row_engine(names):
    from kzdata.checks.duplicates import _name_keys
    from kzdata.names import name_key

    df = pl.DataFrame({"row": list(range(len(names))), "name": names}, schema={"row": pl.Int64, "name": pl.String})
    got = {(r, k) for r, k in _name_keys(df.filter(pl.col("name") != "")).iter_rows()}
    want = {(r, "|".join(k)) for r, n in enumerate(names) if n for k in [name_key(n)] if len(k) >= 2}
    assert got == want
