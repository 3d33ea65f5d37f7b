"""Disputed facts (data/disputes.csv): where sources disagree, each value is listed with its sources; the
validator checks that the disputed record and field exist, that the record cites every value's source, that
a dispute has two values, and that the record holds one of them (or is left empty while undecided)."""
from __future__ import annotations

from conftest import TODAY, codes, only

import kzdata

SENTENCE = "bokayev-maks-2016-prison"     # P5Y, verdict 2016-11-28, cites odf-2020-political-prisoners-list


def dispute(pkg, value, sources="odf-2020-political-prisoners-list", record=SENTENCE, field="term", table="sentences", notes=""):
    pkg.add("disputes", table=table, record=record, field=field, value=value, sources=sources, notes=notes)


def test_a_well_formed_dispute_is_clean_and_listed(pkg):
    pkg.set("sentences", SENTENCE, sources="odf-2017-zhanaozen-anniversary;odf-2020-political-prisoners-list")
    dispute(pkg, "P5Y", notes="The later list is followed.")
    dispute(pkg, "P4Y6M", sources="odf-2017-zhanaozen-anniversary")
    assert pkg.validate().findings == []
    ds = kzdata.load(pkg.root)
    facts = [d for d in ds.disputes if d.record == SENTENCE]
    assert [(d.table, d.record, d.field, d.value) for d in facts] == [
        ("sentences", SENTENCE, "term", "P4Y6M"), ("sentences", SENTENCE, "term", "P5Y")]
    assert ds.sentences[SENTENCE].disputed == {"term": facts}


def test_an_unknown_record_or_field_is_an_error(pkg):
    dispute(pkg, "P5Y", record="bokayev-maks-2016-prisn")
    dispute(pkg, "P4Y", record="bokayev-maks-2016-prisn")
    hits = [f for f in pkg.validate().findings if f.code == "KZ510"]
    assert [(f.file, f.column) for f in hits] == [("data/disputes.csv", "record")] * 2
    assert all("bokayev-maks-2016-prisn" in f.message for f in hits)
    assert hits[0].record == f"sentences/bokayev-maks-2016-prisn/term/{sorted(['P5Y', 'P4Y'])[0]}"
    pkg.set_where("disputes", value="P4Y", record=SENTENCE, field="colour")
    assert any(f.code == "KZ510" and f.column == "field" for f in pkg.validate().findings)


def test_a_value_whose_source_the_record_does_not_cite_is_an_error(pkg):
    dispute(pkg, "P5Y")
    dispute(pkg, "P4Y6M", sources="odf-2017-zhanaozen-anniversary")
    f = only(pkg.validate(), "KZ511")
    assert "odf-2017-zhanaozen-anniversary" in f.message
    assert [(r.file, r.column, r.record) for r in f.related] == [("data/sentences.csv", "sources", SENTENCE)]


def test_a_single_value_is_a_warning_and_a_foreign_value_an_error(pkg):
    dispute(pkg, "P4Y")
    report = pkg.validate()
    assert sorted(codes(report)) == ["KZ512", "KZ513"]
    f = only(report, "KZ513")
    assert (f.file, f.column, f.record) == ("data/sentences.csv", "term", SENTENCE)
    assert [r.file for r in f.related] == ["data/disputes.csv"]


def test_an_undecided_value_may_stay_empty(pkg):
    pkg.set("charges", "bokayev-maks-2016-174", part="")
    dispute(pkg, "1", record="bokayev-maks-2016-174", field="part", table="charges")
    dispute(pkg, "2", record="bokayev-maks-2016-174", field="part", table="charges")
    assert pkg.validate().findings == []


def test_the_columnar_engine_reads_disputed_rows_deep_in_a_table(tmp_path):
    import csv
    import io

    from test_engines import generate

    root = tmp_path / "pkg"
    generate.generate(root, persons=200, seed=11)
    rows = list(csv.DictReader(io.StringIO((root / "data" / "sentences.csv").read_text(encoding="utf-8"), newline="")))
    deep = rows[-3]
    with (root / "data" / "disputes.csv").open("a", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["sentences", deep["id"], "verdict_date", "1900-01-01", deep["sources"].split(";")[0], ""])
        w.writerow(["sentences", deep["id"], "verdict_date", "1900-01-02", "src-nope", ""])
    columnar = kzdata.validate(root, today=TODAY, engine="columnar")
    rows_ = kzdata.validate(root, today=TODAY, engine="rows")
    assert columnar.findings == rows_.findings
    assert {"KZ513", "KZ511", "KZ202"} <= set(codes(rows_))
