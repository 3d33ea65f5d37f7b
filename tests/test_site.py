"""The website (kzdata site) without a browser: every person has pages in both languages, every link resolves,
nothing leaves the site, nothing sensitive is published, hostile cells cannot inject markup, the words are
right in both languages. The browser tests are in test_site_browser.py."""
from __future__ import annotations

import hashlib
import html
import io
import json
import re
import sqlite3
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from click.testing import CliRunner
from conftest import REPO, TODAY
from site_support import PACKAGE, Page, build_site, copy_package, pages

import kzdata
from kzdata.dates import Duration, parse_partial
from kzdata.site import SiteError, i18n

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"


@pytest.fixture(scope="module")
def repo_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    build_site(PACKAGE, out)
    return out


@pytest.fixture(scope="module")
def ds():
    return kzdata.load(PACKAGE)


# --- what is on the pages -------------------------------------------------------------------------------------
def test_every_person_case_article_organisation_and_source_has_a_page_in_both_languages(repo_site, ds):
    for lang in i18n.LANGS:
        base = repo_site / lang
        for pid in ds.persons:
            assert (base / "person" / f"{pid}.html").is_file(), pid
        for cid in ds.cases:
            assert (base / "case" / f"{cid}.html").is_file(), cid
        for oid in ds.organisations:
            assert (base / "organisation" / f"{oid}.html").is_file(), oid
        for sid in ds.sources:
            assert (base / "source" / f"{sid}.html").is_file(), sid
        for c in ds.charges.values():
            assert (base / "article" / f"{c.code}-{c.article}.html").is_file(), c.id
        for name in ("index", "browse", "charts", "about", "articles", "organisations", "sources", "cases"):
            assert (base / f"{name}.html").is_file()
    assert (repo_site / "index.html").is_file()


def test_the_index_lists_every_person_without_javascript(repo_site, ds):
    for lang in i18n.LANGS:
        page = Page((repo_site / lang / "index.html").read_text(encoding="utf-8"))
        linked = {unquote(a["href"])[len("person/"):-len(".html")] for tag, a, _ in page.elements
                  if tag == "a" and a.get("href", "").startswith("person/")}
        assert linked == set(ds.persons)


def test_every_relative_link_and_resource_resolves(repo_site):
    missing = []
    for f, text in pages(repo_site):
        for tag, a, _ in Page(text).elements:
            for attr in ("href", "src"):
                v = a.get(attr)
                if not v or v.startswith("#"):
                    continue
                parts = urlsplit(v)
                if parts.scheme:
                    assert parts.scheme in ("http", "https") and tag == "a", f"{f}: {tag} {attr}={v}"
                    continue
                target = (f.parent / unquote(parts.path)).resolve()
                if not target.is_file():
                    missing.append(f"{f.relative_to(repo_site)} -> {v}")
    assert missing == []


def test_nothing_is_loaded_from_elsewhere(repo_site):
    """Only links (<a>) may point to other sites; no script, style, image, font or frame does, in any file."""
    for f, text in pages(repo_site):
        page = Page(text)
        for tag, a, _ in page.elements:
            assert tag not in ("iframe", "embed", "object", "img"), f"{f}: {tag}"
            if tag != "a":
                for attr in ("src", "href", "srcset", "action", "data", "poster"):
                    assert not re.match(r"^[a-z][a-z0-9+.-]*:", a.get(attr, ""), re.I), f"{f}: {tag} {attr}={a.get(attr)}"
        assert "@import" not in text and "url(" not in re.sub(r"<svg.*?</svg>", "", text, flags=re.S)
    for f in (repo_site / "assets").iterdir():
        body = f.read_text(encoding="utf-8")
        assert not re.search(r"\b(fetch|XMLHttpRequest|WebSocket|sendBeacon|import\()\b", body), f.name
        assert "url(" not in body and "@import" not in body and "@font-face" not in body, f.name


def test_pages_are_well_formed_with_one_h1_a_language_and_a_switch(repo_site):
    for f, text in pages(repo_site):
        rel = f.relative_to(repo_site).as_posix()
        page = Page(text)
        tags = [t for t, _, _ in page.elements]
        assert tags.count("h1") == 1, rel
        html_attrs = next(a for t, a, _ in page.elements if t == "html")
        if rel != "index.html":
            lang = rel.split("/")[0]
            assert html_attrs["lang"] == lang, rel
            other = "ru" if lang == "en" else "en"
            switch = [a for t, a, _ in page.elements if t == "a" and a.get("hreflang") == other]
            assert switch and (f.parent / switch[0]["href"]).resolve() == (repo_site / other / rel.split("/", 1)[1]).resolve(), rel
        assert text.count("<main") == 1, rel


def test_person_pages_show_the_timeline_in_date_order(repo_site, ds):
    for pid in ds.persons:
        page = Page((repo_site / "en" / "person" / f"{pid}.html").read_text(encoding="utf-8"))
        starts = [a["data-start"] for t, a, _ in page.elements if t == "li" and "tl" in a.get("class", "").split()]
        dated = [s for s in starts if s]
        assert dated == sorted(dated), pid
        assert starts == dated + [""] * (len(starts) - len(dated)), pid   # undated facts last
        # every fact about the person is on the timeline
        n = (len([c for c in ds.charges.values() if c.person_id == pid]) + len([s for s in ds.sentences.values() if s.person_id == pid])
             + len([e for e in ds.events.values() if e.person_id == pid]))
        assert len(starts) >= n


def test_person_pages_name_every_source_with_its_address_and_date(repo_site, ds):
    for p in ds.persons.values():
        text = (repo_site / "en" / "person" / f"{p.id}.html").read_text(encoding="utf-8")
        for s in p.sources:
            assert f'id="src-{s.id}"' in text
            if s.url:
                assert f'href="{html.escape(s.url)}"' in text
            if s.published:
                assert f'datetime="{s.published.text}"' in text


def test_charges_show_the_official_russian_title(repo_site, ds):
    for c in ds.charges.values():
        ref = c.article_ref
        if ref and ref.get("title_ru"):
            text = (repo_site / "ru" / "person" / f"{c.person_id}.html").read_text(encoding="utf-8")
            assert ref["title_ru"].replace('"', "&#34;") in text or ref["title_ru"] in text, c.id


def test_downloads_are_public_exports_with_correct_checksums(repo_site, ds):
    dl = repo_site / "downloads"
    sums = dict(reversed(line.split("  ")) for line in (dl / "SHA256SUMS").read_text().splitlines())
    assert {n for n in sums} == {f.name for f in dl.iterdir()} - {"SHA256SUMS"}
    for name, digest in sums.items():
        assert hashlib.sha256((dl / name).read_bytes()).hexdigest() == digest
    about = (repo_site / "en" / "about.html").read_text(encoding="utf-8")
    for digest in sums.values():
        assert digest in about
    csvzip = next(f for f in dl.iterdir() if f.name.endswith("-csv.zip"))
    with zipfile.ZipFile(csvzip) as z:
        names = z.namelist()
        persons = next(n for n in names if n.endswith("persons.csv"))
        header = z.read(persons).decode().splitlines()[0].split(",")
    assert "sensitive_notes" not in header and "name" in header
    xlsx = next(f for f in dl.iterdir() if f.suffix == ".xlsx")
    import openpyxl

    sheet = openpyxl.load_workbook(xlsx, read_only=True)["persons"]
    header = [c.value for c in next(sheet.iter_rows(max_row=1))]
    assert "name" in header and "sensitive_notes" not in header
    db = next(f for f in dl.iterdir() if f.suffix == ".db")
    con = sqlite3.connect(db)
    assert con.execute("select count(*) from persons").fetchone()[0] == len(ds.persons)
    con.close()


def test_about_page_gives_release_licence_citation_and_how_to_correct(repo_site):
    desc = json.loads((PACKAGE / "datapackage.json").read_text(encoding="utf-8"))
    for lang in i18n.LANGS:
        text = (repo_site / lang / "about.html").read_text(encoding="utf-8")
        assert desc["version"] in text
        assert desc["licenses"][0]["name"] in text
        assert ("cff-version: 1.2.0" in text) == (PACKAGE / "CITATION.cff").is_file()
        assert "https://github.com/example/kzdata/blob/main/CONTRIBUTING.md" in text


def test_citation_cff_is_valid_cff_1_2_0_and_matches_the_release():
    import jsonschema
    import yaml

    cff = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    schema = json.loads((Path(__file__).parent / "cff" / "schema-1.2.0.json").read_text(encoding="utf-8"))
    # YAML reads the date as a date; the schema wants the text
    cff = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in cff.items()}
    jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).validate(cff)
    desc = json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))
    assert cff["version"] == desc["version"]
    assert cff["date-released"] == desc["created"][:10]
    assert cff["license"] == desc["licenses"][0]["name"]


def test_charts_are_inline_svg_with_their_figures_as_tables(repo_site):
    for lang in i18n.LANGS:
        text = (repo_site / lang / "charts.html").read_text(encoding="utf-8")
        assert text.count("<svg") == 3
        assert text.count("<details") == 3
        assert "<script" not in text.split("</main>")[0]


# --- words in both languages ---------------------------------------------------------------------------------
def test_every_enum_value_of_the_schemas_has_both_labels():
    missing = []
    for (table, column), group in i18n.ENUM_COLUMNS.items():
        schema = json.loads((REPO / "schemas" / f"{table}.json").read_text(encoding="utf-8"))
        f = next(x for x in schema["fields"] if x["name"] == column)
        values = (f.get("constraints") or {}).get("enum") or (f.get("kzdata") or {}).get("enum") or []
        assert values, (table, column)
        for v in values:
            pair = i18n.ENUMS[group].get(v)
            if not pair or not all(pair):
                missing.append((table, column, v))
    assert missing == []
    # and every enum column of the schemas is known to the registry
    for path in (REPO / "schemas").glob("*.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        if path.stem in ("exceptions", "retired") or "fields" not in schema:
            continue
        for f in schema["fields"]:
            if (f.get("constraints") or {}).get("enum") or (f.get("kzdata") or {}).get("enum"):
                assert (path.stem, f["name"]) in i18n.ENUM_COLUMNS, (path.stem, f["name"])


def test_every_public_column_and_interface_word_is_in_both_languages():
    from kzdata.schema import sensitive_fields

    for table in ("persons", "organisations", "cases", "charges", "sentences", "events", "sources"):
        schema = json.loads((REPO / "schemas" / f"{table}.json").read_text(encoding="utf-8"))
        for f in schema["fields"]:
            if f["name"] not in sensitive_fields(schema):
                assert f["name"] in i18n.FIELDS, (table, f["name"])
    for key, (en, ru) in i18n.UI.items():
        assert en and ru, key
        assert set(re.findall(r"{(\w+)}", en)) == set(re.findall(r"{(\w+)}", ru)), key
    for region, ru in i18n.REGIONS_RU.items():
        assert re.search("[а-яА-Я]", ru), region


def test_regions_in_the_data_have_russian_names(ds):
    assert {p.region for p in ds.persons.values() if p.region} <= set(i18n.REGIONS_RU)


@pytest.mark.parametrize("n, word", [(1, "год"), (2, "года"), (4, "года"), (5, "лет"), (11, "лет"), (12, "лет"), (14, "лет"),
                                     (21, "год"), (22, "года"), (25, "лет"), (101, "год"), (111, "лет")])
def test_russian_plural_forms(n, word):
    assert i18n.plural_ru(n, "год", "года", "лет") == word


def test_terms_in_words():
    assert i18n.sentence_words("restriction_of_freedom", Duration(5, 6, 0), "en") == "5 years 6 months of restricted freedom"
    assert i18n.sentence_words("restriction_of_freedom", Duration(5, 6, 0), "ru") == "5 лет 6 месяцев ограничения свободы"
    assert i18n.sentence_words("imprisonment", Duration(1, 1, 1), "en") == "1 year 1 month 1 day of imprisonment"
    assert i18n.sentence_words("imprisonment", Duration(1, 1, 1), "ru") == "1 год 1 месяц 1 день лишения свободы"
    assert i18n.sentence_words("imprisonment", Duration(2, 3, 22), "ru") == "2 года 3 месяца 22 дня лишения свободы"
    assert i18n.sentence_words("imprisonment", Duration(7, 0, 0), "ru") == "7 лет лишения свободы"
    assert i18n.sentence_words("life_imprisonment", None, "ru") == "пожизненное лишение свободы"
    assert i18n.sentence_words("fine", None, "en", 1500000.0, "KZT") == "fine of 1,500,000 KZT"
    assert i18n.sentence_words("fine", None, "ru", 1500000.0, "KZT") == "штраф 1\u00a0500\u00a0000 KZT"
    assert i18n.sentence_words("activity_ban", Duration(3, 0, 0), "en", scope="journalism") == "3 years ban: journalism"
    assert i18n.sentence_words("imprisonment", None, "en") == "Imprisonment"


def test_dates_at_the_precision_of_the_source():
    assert i18n.fmt_date(parse_partial("2019"), "en") == "2019"
    assert i18n.fmt_date(parse_partial("2019-06"), "en") == "June 2019"
    assert i18n.fmt_date(parse_partial("2019-06-09"), "en") == "9 June 2019"
    assert i18n.fmt_date(parse_partial("2019"), "ru") == "2019\u00a0г."
    assert i18n.fmt_date(parse_partial("2019-06"), "ru") == "июнь 2019\u00a0г."
    assert i18n.fmt_date(parse_partial("2019-06-09"), "ru") == "9 июня 2019\u00a0г."
    assert i18n.fmt_date(None, "ru") == "без даты"


def test_pages_show_dates_at_the_precision_given(repo_site, ds):
    """A person's status date is written as the source gives it: a year stays a year, a month a month."""
    for p in list(ds.persons.values())[:40]:
        if not p.status_date:
            continue
        for lang in i18n.LANGS:
            text = (repo_site / lang / "person" / f"{p.id}.html").read_text(encoding="utf-8")
            assert f'<time datetime="{p.status_date.text}">{i18n.fmt_date(p.status_date, lang)}</time>' in text


# --- privacy --------------------------------------------------------------------------------------------------
def _all_text(site: Path) -> str:
    """Every byte the site publishes, with the zipped downloads unpacked."""
    parts = []
    for f in site.rglob("*"):
        if f.is_file():
            data = f.read_bytes()
            parts.append(data.decode("utf-8", "replace"))
            if f.suffix in (".zip", ".xlsx"):
                with zipfile.ZipFile(io.BytesIO(data)) as z:
                    parts += [z.read(n).decode("utf-8", "replace") for n in z.namelist()]
    return "\n".join(parts)


def test_nothing_a_schema_marks_sensitive_reaches_the_site(tmp_path):
    """Plant a marker in persons.sensitive_notes, and mark more columns sensitive (a note, a place, an event's
    notes, a source's archive address) with markers in them: no file of the site holds any marker."""
    src = copy_package(tmp_path / "pkg")
    planted = {("persons", "sensitive_notes"): "SECRETHEALTH", ("persons", "place"): "SECRETPLACE",
               ("persons", "notes"): "SECRETNOTE", ("events", "notes"): "SECRETEVENT", ("cases", "summary"): "SECRETCASE",
               ("sources", "archive_url"): "https://example.org/SECRETARCHIVE"}
    import csv

    for (table, column), marker in planted.items():
        schema_path = src / "schemas" / f"{table}.json"
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
        for f in schema["fields"]:
            if f["name"] == column:
                f.setdefault("kzdata", {})["sensitive"] = True
        schema_path.write_text(json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        path = src / "data" / f"{table}.csv"
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            header, rows = reader.fieldnames, list(reader)
        for r in rows[:5]:
            r[column] = marker
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=header, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
        path.write_text(buf.getvalue(), encoding="utf-8")
    out = tmp_path / "site"
    build_site(src, out)
    text = _all_text(out)
    for marker in planted.values():
        assert marker.split("/")[-1] not in text, marker
    assert "Alima" in text or len(text) > 10000   # the site was built with content


# --- hostile cells ----------------------------------------------------------------------------------------------
HOSTILE = {
    "name": 'Evil <script>alert("n")</script> "quoted" \'single\' \u202eredro',
    "name_cyrillic": '</script><script>alert(1)</script>Злой',
    "aliases": 'A\u202eB<img src=x onerror=alert(2)>;--><!--',
    "region": '</script><b onmouseover="alert(3)">Region</b>',
    "place": 'javascript:alert(4)',
    "notes": '</script><svg onload=alert(5)> & &amp; \u2028\u2029 {{ 7*7 }} ${x}',
}


def _hostile_copy(tmp_path) -> tuple[Path, str]:
    import csv

    src = copy_package(tmp_path / "pkg")

    def edit(table, fn):
        path = src / "data" / f"{table}.csv"
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            header, rows = reader.fieldnames, list(reader)
        fn(rows)
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=header, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
        path.write_text(buf.getvalue(), encoding="utf-8")

    target = {}

    def persons(rows):
        rows[0].update(HOSTILE)
        target["id"] = rows[0]["id"]

    edit("persons", persons)
    edit("sources", lambda rows: [r.update(url="javascript:alert(6)", archive_url="data:text/html,<script>alert(7)</script>",
                                           title='"><script>alert(8)</script>\u202e', publisher="<i>Pub</i>") for r in rows[:2]])
    edit("organisations", lambda rows: rows[0].update(name='</script><iframe src="https://evil.example"></iframe>\u202e'))
    edit("cases", lambda rows: [r.update(title='<a href="javascript:alert(9)">case</a>', summary="\u202e<style>*{}</style>") for r in rows])
    edit("events", lambda rows: [r.update(notes="<object data=x></object>\u202e", authority='" onfocus="alert(10)') for r in rows[:20]])
    return src, target["id"]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    src, pid = _hostile_copy(tmp)
    out = tmp / "site"
    build_site(src, out, check=False, downloads=False)
    return out, pid


def test_the_validator_refuses_such_cells_so_the_site_is_not_built_from_them(tmp_path):
    src, _ = _hostile_copy(tmp_path)
    with pytest.raises(kzdata.InvalidPackage):
        build_site(src, tmp_path / "site")
    assert not (tmp_path / "site").exists()


ALLOWED_TAGS = {"html", "head", "meta", "title", "link", "body", "a", "header", "div", "p", "nav", "ul", "li", "main", "footer",
                "h1", "h2", "h3", "section", "dl", "dt", "dd", "bdi", "time", "span", "strong", "small", "br", "ol", "table",
                "caption", "thead", "tbody", "tr", "th", "td", "details", "summary", "form", "label", "input", "select",
                "option", "button", "noscript", "script", "cite", "pre", "code", "figure", "meter",
                # the charts' inline SVG
                "svg", "g", "path", "rect", "line", "text", "title", "defs", "clippath", "clipPath", "circle", "tspan"}
SCRIPTS = {"assets/fold.js", "assets/persons-index.js", "assets/site.js"}


def test_hostile_cells_inject_no_element_script_or_link(hostile_site):
    site, pid = hostile_site
    assert (site / "en" / "person" / f"{pid}.html").is_file()
    seen_name = False
    for f, text in pages(site):
        rel = f.relative_to(site).as_posix()
        page = Page(text)
        for tag, a, _ in page.elements:
            assert tag in ALLOWED_TAGS, f"{rel}: <{tag}>"
            for k, v in a.items():
                assert not k.startswith("on"), f"{rel}: <{tag} {k}>"
                assert "javascript:" not in v.lower() and "data:text" not in v.lower(), f"{rel}: <{tag} {k}={v!r}>"
            if tag == "script":
                if "src" in a:
                    assert a["src"].split("assets/", 1)[-1] in {s.split("/")[1] for s in SCRIPTS}, rel
                else:
                    assert a.get("type") == "application/json", rel
            if tag == "a" and "href" in a:
                scheme = urlsplit(a["href"]).scheme
                assert scheme in ("", "http", "https"), f"{rel}: {a['href']}"
            if tag in ("link",):
                assert a["href"].endswith((".css", ".svg")) or a.get("rel") == "alternate", rel
        # the planted text is there, as text
        seen_name = seen_name or any("Evil <script>" in t for t, _ in page.texts)
        # JSON in the page parses and holds the value as it was
        for m in re.finditer(r'<script type="application/json" id="([\w-]+)">(.*?)</script>', text, re.S):
            json.loads(m.group(2))
    assert seen_name


def test_hostile_values_survive_intact_in_the_search_index(hostile_site):
    site, pid = hostile_site
    body = (site / "assets" / "persons-index.js").read_text(encoding="utf-8")
    assert "</script" not in body.lower() and "<" not in body and "\u2028" not in body
    data = json.loads(body.split("window.KZDATA_INDEX=", 1)[1].rstrip().rstrip(";"))
    row = next(r for r in data["p"] if r[0] == pid)
    assert row[1] == HOSTILE["name"] and row[2] == HOSTILE["name_cyrillic"]


def test_bidi_controls_are_isolated(hostile_site):
    """Text holding a bidirectional control sits inside <bdi> or an element with dir (or, where no element can
    be, such as a title or an option, between isolating marks U+2068…U+2069)."""
    site, _ = hostile_site
    bad = []
    for f, text in pages(site):
        for data, stack in Page(text).texts:
            if not any(c in data for c in "\u202a\u202b\u202d\u202e"):
                continue
            if any(tag == "bdi" or "dir" in a for tag, a in stack):
                continue
            if stack and stack[-1][0] in ("title", "option") and _isolated(data):
                continue
            bad.append((f.relative_to(site).as_posix(), stack[-1][0] if stack else None, data[:60]))
    assert bad == []


def _isolated(text: str) -> bool:
    depth = 0
    for c in text:
        if c == "\u2068":
            depth += 1
        elif c == "\u2069":
            depth -= 1
        elif c in "\u202a\u202b\u202d\u202e" and depth <= 0:
            return False
    return True


# --- the command ------------------------------------------------------------------------------------------------
def test_cli_builds_and_reports(tmp_path):
    from kzdata.cli import main

    out = tmp_path / "site"
    result = CliRunner().invoke(main, ["site", "-o", str(out), str(REPO)])
    assert result.exit_code == 0, result.output
    assert "files" in result.output and (out / "en" / "index.html").is_file()
    again = CliRunner().invoke(main, ["site", "-o", str(out), str(REPO)])   # an earlier site is replaced
    assert again.exit_code == 0, again.output


def test_cli_refuses_a_directory_with_other_files_and_the_package_itself(tmp_path):
    from kzdata.cli import main

    (tmp_path / "keep.txt").write_text("mine")
    result = CliRunner().invoke(main, ["site", "-o", str(tmp_path), str(REPO)])
    assert result.exit_code == 1 and "not empty" in result.output
    assert (tmp_path / "keep.txt").read_text() == "mine"
    with pytest.raises(SiteError):
        build_site(REPO, REPO)


def test_cli_refuses_a_package_with_errors(tmp_path):
    from kzdata.cli import main

    src = copy_package(tmp_path / "pkg")
    p = src / "data" / "persons.csv"
    lines = p.read_text(encoding="utf-8").split("\n")
    lines[1] = lines[1] + ",extra"   # a ragged row: an error
    p.write_text("\n".join(lines), encoding="utf-8")
    result = CliRunner().invoke(main, ["site", "-o", str(tmp_path / "site"), str(src)])
    assert result.exit_code == 1
    assert "no site was built" in result.output
    assert not (tmp_path / "site").exists()


def test_import_of_the_cli_stays_light():
    import subprocess
    import sys

    code = "import sys, kzdata.cli; print(','.join(m for m in ('jinja2', 'altair', 'vl_convert', 'kzdata.site') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""


def test_build_for_the_repository_takes_under_ten_seconds(tmp_path):
    """Counted in CPU time of this process (all its threads, the charts' renderer too): the wall time on a shared
    machine depends on what else runs. docs/performance.md has the wall times of a whole `kzdata site` process."""
    import time

    start = time.process_time()
    build_site(REPO, tmp_path / "site")
    assert time.process_time() - start < 10


def test_a_partial_build_leaves_the_earlier_site(tmp_path, monkeypatch):
    out = tmp_path / "site"
    build_site(REPO, out, downloads=False)
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    from kzdata.site import charts

    monkeypatch.setattr(charts, "render", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("boom")))
    with pytest.raises(RuntimeError):
        build_site(REPO, out, downloads=False)
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site.")]


def test_ci_runs_exactly_readmes_test_command():
    """.ci/run installs the browser and axe-core, then runs README's test command, word for word."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme.split("Run the tests", 1)[1].split("```sh\n", 1)[1].split("\n```", 1)[0].strip()
    last = [line for line in (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines() if line.strip()][-1]
    assert last == block


def test_the_release_workflow_publishes_the_site():
    import yaml

    wf = yaml.safe_load((REPO / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8"))
    steps = [s for job in wf["jobs"].values() for s in job["steps"]]
    runs = " ".join(s.get("run", "") for s in steps)
    uses = [s.get("uses", "") for s in steps]
    assert "kzdata site -o" in runs
    assert any(u.startswith("actions/upload-pages-artifact") for u in uses)
    assert any(u.startswith("actions/deploy-pages") for u in uses)


def test_a_release_gives_citation_cff_its_version_and_date(tmp_path):
    import datetime as dt

    import yaml

    from kzdata.release import set_citation

    (tmp_path / "CITATION.cff").write_text((REPO / "CITATION.cff").read_text(encoding="utf-8"), encoding="utf-8")
    assert set_citation(tmp_path, "9.8.7", dt.date(2031, 2, 3)) == ["CITATION.cff"]
    cff = yaml.safe_load((tmp_path / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["version"] == "9.8.7" and str(cff["date-released"]) == "2031-02-03"


def test_disputed_facts_are_shown_as_disputed_with_each_value_and_its_sources(tmp_path, ds):
    """A copy where sources disagree on a person's status date and on a sentence's term (data/disputes.csv)."""
    import csv

    src = copy_package(tmp_path / "pkg")
    person = next(p for p in sorted(ds.persons.values(), key=lambda p: p.id) if p.status_date and p.source_ids)
    sentence = next(s for s in sorted(ds.sentences.values(), key=lambda s: s.id) if s.term and s.source_ids)
    other_year = str(person.status_date.start.year - 1)
    rows = [
        {"table": "persons", "record": person.id, "field": "status_date", "value": person.status_date.text,
         "sources": person.source_ids[0], "notes": ""},
        {"table": "persons", "record": person.id, "field": "status_date", "value": other_year,
         "sources": person.source_ids[0], "notes": "an earlier report"},
        {"table": "sentences", "record": sentence.id, "field": "term", "value": "P2Y6M", "sources": sentence.source_ids[0], "notes": ""},
        {"table": "sentences", "record": sentence.id, "field": "term", "value": f"P{sentence.term.years}Y" if not sentence.term.months
         else f"P{sentence.term.years}Y{sentence.term.months}M", "sources": sentence.source_ids[0], "notes": ""},
    ]
    rows.sort(key=lambda r: (r["table"], r["record"], r["field"], r["value"]))
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=["table", "record", "field", "value", "sources", "notes"], lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    (src / "data" / "disputes.csv").write_text(buf.getvalue(), encoding="utf-8")
    out = tmp_path / "site"
    build_site(src, out, downloads=False)   # validated: the disputes are well-formed
    for lang in i18n.LANGS:
        page = (out / lang / "person" / f"{person.id}.html").read_text(encoding="utf-8")
        assert i18n.ui("disputed", lang) in page
        assert i18n.fmt_date(parse_partial(other_year), lang) in page and i18n.fmt_date(person.status_date, lang) in page
        assert i18n.ui("record_value", lang) in page
        assert f"source/{person.source_ids[0]}.html" in page
        spage = (out / lang / "person" / f"{sentence.person_id}.html").read_text(encoding="utf-8")
        assert i18n.term_words(Duration(2, 6, 0), lang) in spage


def test_two_processes_write_the_same_site_as_one(tmp_path, monkeypatch):
    """Large packages are written by two processes (a language each): the files are the same, byte for byte."""
    from kzdata.site import pages as site_pages

    if not site_pages._can_fork():
        pytest.skip("no fork on this system")
    one, two = tmp_path / "one", tmp_path / "two"
    files_one = build_site(REPO, one, downloads=False)
    monkeypatch.setattr(site_pages, "PARALLEL_MIN", 1)
    files_two = build_site(REPO, two, downloads=False)
    rel = lambda files, root: sorted(f.relative_to(root).as_posix() for f in files)  # noqa: E731
    assert rel(files_one, one) == rel(files_two, two)
    assert sorted(p.relative_to(two).as_posix() for p in two.rglob("*") if p.is_file()) == sorted(rel(files_two, two) + [".kzdata-site"])
    for f in files_one:
        assert f.read_bytes() == (two / f.relative_to(one)).read_bytes(), f


def test_a_failing_second_process_fails_the_build(tmp_path, monkeypatch):
    from kzdata.site import pages as site_pages

    if not site_pages._can_fork():
        pytest.skip("no fork on this system")
    monkeypatch.setattr(site_pages, "PARALLEL_MIN", 1)
    real = site_pages.i18n.ui

    def broken(key, lang, **kw):
        if lang == "ru" and key == "about_heading":
            raise RuntimeError("boom")
        return real(key, lang, **kw)

    monkeypatch.setattr(site_pages.i18n, "ui", broken)
    with pytest.raises(RuntimeError, match="ru pages failed"):
        build_site(REPO, tmp_path / "site", downloads=False)
    assert not (tmp_path / "site").exists()


def test_person_pages_say_how_to_correct_the_record(repo_site, ds):
    pid = next(iter(ds.persons))
    for lang in i18n.LANGS:
        text = (repo_site / lang / "person" / f"{pid}.html").read_text(encoding="utf-8")
        assert f"<code>{pid}</code>" in text
        assert f"https://github.com/example/kzdata/issues/new?title=Correction%3A%20{pid}" in text
        assert 'href="../about.html#correct"' in text


def test_a_package_of_an_earlier_release_without_disputes_builds(tmp_path):
    src = copy_package(tmp_path / "pkg")
    (src / "data" / "disputes.csv").unlink()
    desc = json.loads((src / "datapackage.json").read_text(encoding="utf-8"))
    desc["resources"] = [r for r in desc["resources"] if r["name"] != "disputes"]
    (src / "datapackage.json").write_text(json.dumps(desc, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    out = tmp_path / "site"
    build_site(src, out)
    assert (out / "en" / "index.html").is_file() and (out / "downloads" / "SHA256SUMS").is_file()
