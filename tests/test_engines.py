"""Both engines run the same registered checks and report exactly the same findings: on generated packages
with planted errors of every check, placed anywhere in a table and deep inside every table (in its last
chunks), including problems placed where one cell ends and the next begins. A package the columnar engine
cannot read exactly goes to the row engine, and the report says why."""
from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import io
import random

import pytest
from conftest import REPO, TODAY

import kzdata

spec = importlib.util.spec_from_file_location("generate", REPO / "benchmarks" / "generate.py")
generate = importlib.util.module_from_spec(spec)
spec.loader.exec_module(generate)


# (table, column, value) plants; each gives at least one finding of some check
PLANTS = [
    ("persons", "status", "flying"), ("persons", "birth_year", "19x0"), ("persons", "status_date", "2019-02-30"),
    ("persons", "name", "Мaks Test"), ("persons", "name_cyrillic", "Maks"), ("persons", "notes", "=SUM(A1)"),
    ("persons", "notes", "Zero\u200bwidth"), ("persons", "notes", "Cafe\u0301"), ("persons", "notes", "two  spaces"),
    ("persons", "notes", " leading"), ("persons", "notes", "trailing "), ("persons", "notes", "tab\there"),
    ("persons", "notes", "Call +7 701 123 45 67"), ("persons", "notes", "IIN 900101300017"),
    ("persons", "notes", "mail x@example.org"), ("persons", "notes", "at ul. Abaya 12"),
    ("persons", "notes", "ends with ul. Abaya 12"), ("persons", "notes", "https://example.org/x"),
    ("persons", "aliases", "Макс Тeст"), ("persons", "sources", "src-nope"), ("persons", "affiliations", "nope"),
    ("persons", "status", "released"), ("cases", "banned_organisation", ""), ("cases", "opened", "2030-01"),
    ("charges", "article", "9999"), ("charges", "code", "1997"), ("charges", "part", "7"), ("charges", "acts_from", "2017-01"),
    ("charges", "charged_date", "2035-01-01"), ("sentences", "term", "7 years"), ("sentences", "kind", "flogging"),
    ("sentences", "verdict_date", "2001-01-01"), ("events", "date", "2099-01-01"), ("events", "type", "teleported"),
    ("events", "person", "nobody"), ("sources", "url", "https://u:p@example.org/"), ("sources", "url", "https://x.org/?utm_source=a"),
    ("sources", "published", "2015"), ("organisations", "banned_date", ""),
    ("sentences", "term", "P99Y"), ("sentences", "term", "P99999999999999999999Y"), ("events", "date", "1985-05-01"),
    ("charges", "acts_from", "0999"), ("persons", "birth_year", "1850"), ("persons", "birth_year", "1" * 500),
    ("persons", "notes", "IIN 900101\u00a0300017"),
]


def plant(root, rnd: random.Random, n: int) -> list[tuple]:
    planted = []
    for table, column, value in rnd.sample(PLANTS, n):
        path = root / "data" / f"{table}.csv"
        rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
        header = list(rows[0].keys())
        i = rnd.randrange(len(rows))
        rows[i][column] = value
        if rnd.random() < 0.3 and i + 1 < len(rows):
            rows[i + 1]["notes" if "notes" in header else column] = "kv 5 and more words"  # a word after a boundary
        if rnd.random() < 0.2:
            rows.append(dict(rows[i]))  # a duplicate id, and the file out of canonical order
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=header, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
        path.write_text(buf.getvalue(), encoding="utf-8")
        planted.append((table, column, value, i))
    return planted


@pytest.mark.parametrize("seed", range(8))
def test_the_row_engine_finds_every_planted_problem_and_auto_agrees(tmp_path, seed):
    """Plants that may leave a file out of canonical form: auto gives the row engine's findings, and says
    why the columnar engine did not run."""
    root = tmp_path / "pkg"
    generate.generate(root, persons=150, seed=seed)
    rnd = random.Random(seed)
    planted = plant(root, rnd, 12)
    rows = kzdata.validate(root, today=TODAY, engine="rows")
    assert rows.findings, planted
    from kzdata import validator

    auto = kzdata.validate(root, today=TODAY)
    assert auto.findings == rows.findings and auto.excepted == rows.excepted
    assert auto.engine_reason.startswith("rows:"), auto.engine_reason
    old = validator.COLUMNAR_MIN_BYTES
    try:
        validator.COLUMNAR_MIN_BYTES = 1
        auto = kzdata.validate(root, today=TODAY)
    finally:
        validator.COLUMNAR_MIN_BYTES = old
    assert auto.findings == rows.findings, planted
    assert auto.engine_reason.startswith(("columnar:", "rows: the columnar engine declined")), auto.engine_reason


# One plant per table that keeps the file canonical (the columnar engine reads it), placed in the last rows
DEEP = {"persons": [("status", "flying"), ("notes", "IIN 900101300017"), ("name", "Мaks Test"), ("status_date", "2099")],
        "cases": [("opened", "2030-01"), ("summary", "=SUM(A1)"), ("banned_organisation", "no-such-org")],
        "charges": [("article", "9999"), ("part", "7"), ("code", "1997"), ("acts_from", "2035")],
        "sentences": [("term", "7 years"), ("verdict_date", "2001-01-01"), ("kind", "flogging"), ("term", "P99Y"), ("term", "P11Y")],
        "events": [("type", "teleported"), ("date", "2099-01-01"), ("person", "nobody"), ("notes", "tab\there"), ("date", "1985-05-01"),
                   ("date", "1899")],
        "sources": [("url", "https://u:p@example.org/"), ("published", "2015")],
        "organisations": [("banned_date", "")]}


@pytest.mark.parametrize("seed", range(6))
def test_both_engines_agree_on_problems_deep_inside_every_table(tmp_path, seed, monkeypatch):
    from kzdata.engines.columnar import frames

    monkeypatch.setattr(frames, "CHUNK_BYTES", [2000, 5000, 20000][seed % 3])   # the plants lie in late chunks
    root = tmp_path / "pkg"
    generate.generate(root, persons=200, seed=seed)
    rnd = random.Random(seed)
    planted = []
    for table, choices in DEEP.items():
        path = root / "data" / f"{table}.csv"
        rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
        header = list(rows[0].keys())
        column, value = rnd.choice(choices)
        i = rnd.randrange(len(rows) * 3 // 4, len(rows))
        rows[i][column] = value
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=header, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
        path.write_text(buf.getvalue(), encoding="utf-8", newline="")
        planted.append((table, column, value, i))
    columnar = kzdata.validate(root, today=TODAY, engine="columnar")
    rows_ = kzdata.validate(root, today=TODAY, engine="rows")
    assert columnar.engine == "columnar" and rows_.engine == "rows"
    assert columnar.findings == rows_.findings, planted
    assert columnar.excepted == rows_.excepted
    found = {f.file for f in rows_.findings} | {loc.file for f in rows_.findings for loc in f.related}
    assert {f"data/{t}.csv" for t in DEEP} <= found, (planted, found)


def test_a_generated_package_is_clean(tmp_path):
    generate.generate(tmp_path / "pkg", persons=300, seed=3)
    assert kzdata.validate(tmp_path / "pkg", today=TODAY).findings == []


def test_a_planted_error_deep_in_a_table_is_found_on_its_line(tmp_path):
    root = tmp_path / "pkg"
    generate.generate(root, persons=2000, seed=5)
    path = root / "data" / "events.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    target = len(lines) - 100
    cells = lines[target - 1].split(",")
    cells[3] = "teleported"
    lines[target - 1] = ",".join(cells)
    path.write_text("\n".join(lines), encoding="utf-8")
    hits = [f for f in kzdata.validate(root, today=TODAY).findings if f.code == "KZ103"]
    assert [(f.file, f.line, f.column) for f in hits] == [("data/events.csv", target, "type")]


def test_progress_is_reported_per_check_and_never_in_captured_output(tmp_path):
    from click.testing import CliRunner

    from kzdata.checks import deciders
    from kzdata.cli import main

    calls = []
    kzdata.validate(REPO, today=TODAY, progress=lambda n, total, name, rows: calls.append((n, total, name)))
    checks = deciders()
    assert [c[0] for c in calls] == list(range(1, len(checks) + 1)) and calls[-1][1] == len(checks)
    assert [c[2] for c in calls] == [c.name for c in checks]
    out = CliRunner().invoke(main, ["validate", str(REPO)]).output
    assert "check 1/" not in out and "\r" not in out


def test_a_remembered_json_schema_check_never_hides_a_change(pkg):
    import subprocess

    subprocess.run(["git", "init", "-q", str(pkg.root)], check=True)
    assert kzdata.validate(pkg.root, today=TODAY).findings == []
    assert list((pkg.root / ".git" / "kzdata-cache").iterdir())          # remembered
    assert kzdata.validate(pkg.root, today=TODAY).findings == []          # and used
    ref = pkg.root / "data" / "criminal-code.json"
    ref.write_text(ref.read_text(encoding="utf-8").replace('"editions"', '"editionz"', 1), encoding="utf-8")
    assert "KZ015" in {f.code for f in kzdata.validate(pkg.root, today=TODAY).findings}


PRIVATE = ("KZ110", "KZ111", "KZ112", "KZ113")
# Private data written to slip past plain-ASCII patterns (kzdata.privacy scans normalised text): each is a
# finding of the privacy check, and the columnar screen must let its cell through to the decider.
HOSTILE_PRIVATE = [
    ("KZ110", "born 1990, number 900101\u00a0300017"), ("KZ110", "number 90.01.01.300.017"),
    ("KZ110", "number 9 0 0 1 0 1 3 0 0 0 1 7"), ("KZ110", "IIN ９００１０１３０００１７"),
    ("KZ110", "ИИН ٩٠٠١٠١٣٠٠٠١٨"), ("KZ110", "ЖСН 9001\u20090130\u20090018"),
    ("KZ111", "тел. ＋７ ７０１ １２３ ４５６７"), ("KZ111", "tel. 8\u00a0701\u00a0123\u00a045\u00a067"),
    ("KZ112", "ivanov@почта.рф"), ("KZ112", "иван.петров@mail.kz"), ("KZ112", "ivan＠mail.kz"),
    ("KZ113", "ул.\u00a0Абая\u00a0１２"),
]


@pytest.mark.parametrize("seed", range(3))
def test_both_engines_find_private_data_written_in_hostile_forms(tmp_path, seed, monkeypatch):
    from kzdata.engines.columnar import frames

    monkeypatch.setattr(frames, "CHUNK_BYTES", [2000, 5000, 20000][seed % 3])
    root = tmp_path / "pkg"
    generate.generate(root, persons=200, seed=seed)
    rnd = random.Random(seed)
    planted = {}
    for table, column in [("persons", "notes"), ("cases", "summary"), ("events", "notes"), ("organisations", "notes")]:
        path = root / "data" / f"{table}.csv"
        rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
        header = list(rows[0].keys())
        lines = rnd.sample(range(len(rows)), min(len(rows), 4))
        for i in lines:
            code, value = rnd.choice(HOSTILE_PRIVATE)
            rows[i][column] = value
            planted[(f"data/{table}.csv", i + 2)] = (code, column, value)
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=header, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
        path.write_text(buf.getvalue(), encoding="utf-8", newline="")
    columnar = kzdata.validate(root, today=TODAY, engine="columnar")
    rows_ = kzdata.validate(root, today=TODAY, engine="rows")
    assert columnar.engine == "columnar" and rows_.engine == "rows"
    assert columnar.findings == rows_.findings
    # the privacy screen alone: the other cell screens (the text screen lets through every unusual character)
    # select nothing, so only the rows the privacy screen selects reach the deciders
    from dataclasses import replace

    from kzdata.checks import REGISTRY
    from kzdata.checks.screening import NOTHING
    from kzdata.engines.columnar import scan

    alone = tuple(replace(c, screen=lambda env, table: NOTHING) if c.scope == "cell" and c.name != "privacy" else c
                  for c in REGISTRY)
    monkeypatch.setattr(scan, "REGISTRY", alone)
    screened = kzdata.validate(root, today=TODAY, engine="columnar")
    assert screened.engine == "columnar"
    assert [f for f in screened.findings if f.code in PRIVATE] == [f for f in rows_.findings if f.code in PRIVATE]
    private = sorted((f.file, f.line, f.code, f.column) for f in rows_.findings if f.code in PRIVATE)
    assert private == sorted((file, line, code, column) for (file, line), (code, column, _) in planted.items()), planted
