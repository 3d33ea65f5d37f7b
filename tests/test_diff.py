"""`kzdata diff`: records added, removed and changed (field by field), schema changes, three renderings;
property tests: diff(a, a) is empty and replaying a diff on OLD gives NEW."""
from __future__ import annotations

import copy
import json

from click.testing import CliRunner
from conftest import REPO
from hypothesis import given, settings
from hypothesis import strategies as st

from kzdata.cli import main
from kzdata.diff import apply, diff, diff_sides, is_empty, load_side, render_markdown, render_text

BASE = load_side(str(REPO), REPO)
TABLE_NAMES = sorted(BASE.tables)


def rows_of(side):
    return {name: rows for name, (_, rows) in side.tables.items()}


@st.composite
def edited(draw):
    """A copy of the repository's package with rows removed, cells changed and rows added."""
    side = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(0, 6))):
        name = draw(st.sampled_from(TABLE_NAMES))
        header, rows = side.tables[name]
        op = draw(st.sampled_from(["remove", "change", "add"]))
        if op in ("remove", "change") and rows:
            key = draw(st.sampled_from(sorted(rows)))
            if op == "remove":
                del rows[key]
            else:
                col = draw(st.sampled_from(header))
                rows[key][col] = draw(st.text(max_size=12))
        elif op == "add":
            key = "new-" + draw(st.from_regex(r"[a-z0-9]{1,6}", fullmatch=True))
            rows[key] = {c: (key if c == "id" else draw(st.text(max_size=8))) for c in header}
    return side


def test_a_package_against_itself_is_empty():
    assert is_empty(diff(str(REPO), str(REPO), REPO))
    assert is_empty(diff("HEAD", "HEAD", REPO))


@settings(max_examples=150, deadline=None)
@given(edited())
def test_replaying_the_diff_on_old_gives_new(new):
    result = diff_sides(BASE, new)
    assert apply(rows_of(BASE), result) == rows_of(new)
    assert is_empty(diff_sides(new, new))


@settings(max_examples=50, deadline=None)
@given(edited(), edited())
def test_any_two_versions(a, b):
    assert apply(rows_of(a), diff_sides(a, b)) == rows_of(b)


def test_field_level_changes_and_renderings(pkg):
    old = next(r for r in pkg.read("persons")[1] if r["id"] == "bokayev-maks")
    pkg.set("persons", "bokayev-maks", status="abroad", status_date="2022")
    header, rows = pkg.read("organisations")
    pkg.write("organisations", header, [r for r in rows if r["id"] != "koshe-partiyasy"])
    pkg.copy_row("events", "bokayev-maks-2017-01-transferred", id="bokayev-maks-2021-02-released-again", type="released")
    result = diff(str(REPO), str(pkg.root), REPO)
    t = result["tables"]
    assert t["persons"]["changed"] == {"bokayev-maks": {"status": [old["status"], "abroad"], "status_date": [old["status_date"], "2022"]}}
    assert list(t["organisations"]["removed"]) == ["koshe-partiyasy"]
    assert list(t["events"]["added"]) == ["bokayev-maks-2021-02-released-again"]
    text = render_text(result)
    assert "~ bokayev-maks" in text and f"status: {old['status']!r} -> 'abroad'" in text and "- koshe-partiyasy" in text
    md = render_markdown(result)
    assert "- **persons**: 0 added, 0 removed, 1 changed" in md and "`bokayev-maks`: " in md
    cli = CliRunner().invoke(main, ["diff", str(REPO), str(pkg.root), "--format", "json"])
    assert cli.exit_code == 0 and json.loads(cli.output)["tables"]["persons"]["changed"]["bokayev-maks"]


def test_schema_changes(pkg):
    schema_path = pkg.root / "schemas" / "persons.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    for f in schema["fields"]:
        if f["name"] == "region":
            f["name"] = "oblast"
        if f["name"] == "birth_year":
            f["type"] = "string"
        if f["name"] == "place":
            f.setdefault("constraints", {})["maxLength"] = 50
    schema_path.write_text(json.dumps(schema), encoding="utf-8")
    header, rows = pkg.read("persons")
    for r in rows:
        r["oblast"] = r.pop("region")
    pkg.write("persons", ["oblast" if h == "region" else h for h in header], rows)
    s = diff(str(REPO), str(pkg.root), REPO)["tables"]["persons"]["schema"]
    assert s["renamed"] == [["region", "oblast"]]
    assert s["retyped"] == [["birth_year", "integer", "string"]]
    assert [c["column"] for c in s["constraints"]] == ["place"]


def test_git_revisions_and_usage_errors(monkeypatch):
    monkeypatch.chdir(REPO)
    result = CliRunner().invoke(main, ["diff", "no-such-ref", str(REPO)])
    assert result.exit_code == 2 and "neither a package directory nor a git revision" in result.output
    assert "kzdata diff" in CliRunner().invoke(main, ["diff", "HEAD", str(REPO)]).output
