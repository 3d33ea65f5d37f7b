"""Check 3: the cited article exists in the cited edition, in force and not repealed, with that part."""
from __future__ import annotations

from conftest import assert_at, codes, only

CH = "bokayev-maks-2016-174"  # 2014 Code, verdict 2016-11-28, acts 2016-04


def set_verdict(pkg, date):
    """Move the date of Bokayev's first-instance verdict (every punishment it imposed)."""
    header, rows = pkg.read("sentences")
    for r in rows:
        if r["person"] == "bokayev-maks" and r["instance"] == "first_instance":
            r["verdict_date"] = date
    pkg.write("sentences", header, rows)


def test_article_not_in_edition(pkg):
    line = pkg.line_of("charges", CH)
    pkg.set("charges", CH, article="499")
    f = only(pkg.validate(), "KZ301")
    assert_at(f, "data/charges.csv", line, "article")
    assert "499" in f.message


def test_1997_article_missing(pkg):
    pkg.set("charges", CH, code="1997", article="405")
    report = pkg.validate()
    assert "KZ301" in codes(report)


def test_2014_code_before_it_came_into_force(pkg):
    set_verdict(pkg, "2014-06")
    for c in ("174", "274", "400"):
        pkg.set("charges", f"bokayev-maks-2016-{c}", acts_from="2014-04", acts_to="2014-04")
    report = pkg.validate()
    hits = [f for f in report.findings if f.code == "KZ302"]
    assert len(hits) == 3 and all(f.column == "code" and "2015-01-01" in f.message for f in hits)


def test_1997_code_for_pre_2015_acts_tried_later_is_a_warning(pkg):
    pkg.set("charges", CH, code="1997", article="164", acts_from="2014-10", acts_to="2014-10")
    f = only(pkg.validate(), "KZ303")
    assert f.severity == "warning" and f.record == CH


def test_1997_code_for_acts_after_2015_is_an_error(pkg):
    pkg.set("charges", CH, code="1997", article="164")
    f = only(pkg.validate(), "KZ302")
    assert "2016-04" in f.message


def test_2014_code_for_pre_2015_acts_is_a_warning(pkg):
    pkg.set("charges", CH, acts_from="2014-12", acts_to="2014-12")
    assert only(pkg.validate(), "KZ303").severity == "warning"


def test_repealed_article(pkg):
    # Article 130 (defamation) was repealed by Law No. 349-VI of 26.06.2020.
    pkg.set("charges", CH, article="130", part="2")
    set_verdict(pkg, "2021-03-01")
    f = only(pkg.validate(), "KZ304")
    assert "349-VI" in f.message and f.column == "article"


def test_article_possibly_repealed_shortly_after_the_law(pkg):
    pkg.set("charges", CH, article="130", part="2")
    set_verdict(pkg, "2020-07")
    report = pkg.validate()
    assert only(report, "KZ305").severity == "warning"
    assert "KZ304" not in codes(report)


def test_article_before_it_was_added(pkg):
    # 380-1 is absent from the 2014 Code's edition of 07.11.2014.
    pkg.set("charges", CH, article="380-1", charged_date="2014-10", acts_from="2014-09", acts_to="2014-09")
    set_verdict(pkg, "2014-11-01")
    report = pkg.validate()
    assert only(report, "KZ306").record == CH
    assert "KZ302" in codes(report)  # and the 2014 Code was not yet in force either


def _acts_in(pkg, when):
    for c in ("174", "274", "400"):
        pkg.set("charges", f"bokayev-maks-2016-{c}", acts_from=when, acts_to=when)


def test_article_added_between_editions_is_a_warning(pkg):
    """Art. 380-1 is absent from the edition of 07.11.2014 and present in that of 01.01.2019. Where no footnote
    dates the law that added it, a verdict between the two editions may be before it: a warning."""
    import csv
    import io

    from kzdata.reference_build import build, render

    inputs = pkg.root / "reference" / "criminal-code"
    path = inputs / "cc2014-2025-09-16.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    for r in rows:
        if r["article"] == "380-1":
            r["footnote"] = ""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    (pkg.root / "data" / "criminal-code.json").write_text(render(build(inputs)), encoding="utf-8")
    pkg.set("charges", CH, article="380-1")
    set_verdict(pkg, "2018")
    _acts_in(pkg, "2017-12")
    f = only(pkg.validate(), "KZ307")
    assert f.severity == "warning" and "first appears in the edition of 2019-01-01" in f.message


def test_article_added_by_a_dated_law(pkg):
    """Art. 380-1 was added by Law No. 84-VI of 03.07.2017 (in force ten days after publication: 14 July at the
    earliest). A verdict before that is an error; in the weeks after, a warning; later, nothing."""
    pkg.set("charges", CH, article="380-1")
    set_verdict(pkg, "2017-06-20")
    _acts_in(pkg, "2017-05")
    f = only(pkg.validate(), "KZ306")
    assert "added by Law No. 84-VI of 2017-07-03, in force from 2017-07-14 at the earliest" in f.message
    set_verdict(pkg, "2017-07-25")
    assert only(pkg.validate(), "KZ307").severity == "warning"
    set_verdict(pkg, "2018")
    assert not {"KZ306", "KZ307"} & set(codes(pkg.validate()))


def test_part_that_does_not_exist(pkg):
    line = pkg.line_of("charges", "shevchuk-oksana-2019-405-2")
    pkg.set("charges", "shevchuk-oksana-2019-405-2", part="3")
    f = only(pkg.validate(), "KZ308")
    assert_at(f, "data/charges.csv", line, "part")
    assert "1, 2" in f.message


def test_part_of_an_article_without_parts(pkg):
    pkg.set("charges", "bokayev-maks-2016-400", part="1")
    assert "no numbered parts" in only(pkg.validate(), "KZ308").message


def test_part_checked_against_the_count_in_force_at_the_date(pkg):
    # Article 380 had 3 parts until 10.07.2022 and 6 after.
    pkg.set("charges", CH, article="380", part="5")
    set_verdict(pkg, "2019-02-01")
    assert "3 parts" in only(pkg.validate(), "KZ308").message or "1, 2, 3" in only(pkg.validate(), "KZ308").message
    set_verdict(pkg, "2023-02-01")
    assert "KZ308" not in codes(pkg.validate())


def test_valid_articles_pass(pkg):
    pkg.set("charges", CH, part="1")
    assert pkg.validate().findings == []
