"""The website in a real browser: Debian's chromium, headless, driven by Playwright (never `playwright install`).

From file:// and from a local server: the index lists every person, filters and sorting work, search finds a
person by a Cyrillic and by a variant Latin spelling, a person page shows its timeline in date order, no console
errors, no request outside the site, axe-core finds no serious or critical violation (also at a phone's width),
and hostile cells run no script. Skipped when chromium is missing, except in CI (CI=true), where it must be there.
"""
from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path

import pytest
from conftest import REPO
from site_support import PACKAGE, browser_required, build_site, pick_searchable

import kzdata

CHROMIUM = os.environ.get("KZDATA_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
AXE_PATHS = [os.environ.get("KZDATA_AXE", ""), str(REPO / ".ci" / "node_modules" / "axe-core" / "axe.min.js"),
             "/usr/share/nodejs/axe-core/axe.min.js"]


def _need(what: str, ok: bool):
    if not ok:
        if browser_required():
            pytest.fail(f"{what} is needed for the browser tests in CI (.ci/run installs it)")
        pytest.skip(f"{what} is not installed")


@pytest.fixture(scope="module")
def browser():
    _need("chromium", Path(CHROMIUM).is_file())
    playwright = pytest.importorskip("playwright.sync_api") if not browser_required() else __import__("playwright.sync_api").sync_api
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("bsite") / "site"
    build_site(PACKAGE, out)
    return out


@pytest.fixture(scope="module")
def server(site):
    handler = functools.partial(_Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def ds():
    return kzdata.load(PACKAGE)


class Watch:
    """A page whose console messages, page errors, dialogs and requests are all recorded."""

    def __init__(self, browser, base: str, width: int = 1280, **ctx):
        self.context = browser.new_context(viewport={"width": width, "height": 900}, **ctx)
        self.page = self.context.new_page()
        self.base = base
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.errors.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def open(self, rel: str):
        self.page.goto(self.base + rel)
        self.page.wait_for_load_state("load")
        return self.page

    def outside(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(self.base)]

    def close(self):
        self.context.close()


@pytest.fixture(params=["file", "http"])
def watch(request, browser, site, server):
    base = site.as_uri() + "/" if request.param == "file" else server
    w = Watch(browser, base)
    yield w
    assert w.errors == [], w.errors
    assert w.outside() == [], w.outside()
    assert w.dialogs == []
    w.close()


def _rows(page) -> list[str]:
    return page.eval_on_selector_all("#kz-persons tbody tr td:first-child a", "els => els.map(a => a.getAttribute('href'))")


def _ids(hrefs):
    return {h.split("/")[-1][:-len(".html")] for h in hrefs}


def _ids_once_shown(page, expected: set) -> set:
    """The persons listed, read once the table shows as many rows as expected (or after 5 s): the script
    redraws the table after a filter changes, and reading at once could catch the table of a moment before."""
    try:
        page.wait_for_function(f"document.querySelectorAll('#kz-persons tbody tr').length === {len(expected)}", timeout=5000)
    except Exception:  # noqa: BLE001  (a timeout: the assertion that follows says what is listed instead)
        pass
    return _ids(_rows(page))


def test_index_lists_every_person(watch, ds):
    for lang in ("en", "ru"):
        page = watch.open(f"{lang}/index.html")
        assert _ids(_rows(page)) == set(ds.persons)
        assert page.is_visible("#kz-filter")


def test_index_lists_every_person_with_javascript_off(browser, site, ds):
    w = Watch(browser, site.as_uri() + "/", java_script_enabled=False)
    try:
        page = w.open("en/index.html")
        assert _ids(_rows(page)) == set(ds.persons)
        assert not page.is_visible("#kz-filter")          # no controls that cannot work
        assert w.outside() == []
    finally:
        w.close()


def test_filters_select_the_right_persons(watch, ds):
    page = watch.open("en/index.html")
    statuses = sorted({p.status for p in ds.persons.values()})
    for status in statuses[:4]:
        page.select_option("#kz-status", status)
        want = {p.id for p in ds.persons.values() if p.status == status}
        assert _ids_once_shown(page, want) == want, status
    page.select_option("#kz-status", "")
    # region: the option's label names the region
    regions = page.eval_on_selector_all("#kz-region option", "os => os.map(o => [o.value, o.textContent])")[1:]
    value, text = regions[0]
    page.select_option("#kz-region", value)
    region = text.rsplit(" (", 1)[0].strip("\u2068\u2069")
    want = {p.id for p in ds.persons.values() if p.region == region}
    assert _ids_once_shown(page, want) == want
    page.select_option("#kz-region", "")
    # article and organisation together
    articles = page.eval_on_selector_all("#kz-article option", "os => os.map(o => o.value)")[1:]
    page.select_option("#kz-article", articles[0])
    first = _ids(_rows(page))
    assert first and all(any(c.person_id == pid for c in ds.charges.values()) for pid in first)
    page.click("#kz-reset")
    assert _ids_once_shown(page, set(ds.persons)) == set(ds.persons)


def test_year_filter(watch, ds, site):
    page = watch.open("en/index.html")
    years = page.eval_on_selector_all("#kz-year option", "os => os.map(o => o.value)")[1:]
    page.select_option("#kz-year", years[-1])
    got = _ids(_rows(page))
    assert got
    listed = (site / "en" / "list" / f"year-{years[-1]}.html").read_text(encoding="utf-8")
    assert all(f"person/{pid}.html" in listed for pid in got)   # the same persons as the static list for that year


def test_search_by_cyrillic_and_by_a_variant_latin_spelling(watch, ds):
    picked = pick_searchable(ds)
    assert picked, "no person in the data gives a Cyrillic and a variant Latin spelling"
    person, cyrillic, variant = picked
    for lang in ("en", "ru"):
        page = watch.open(f"{lang}/index.html")
        for query in (cyrillic, variant, person.name.split()[-1][:4].lower()):
            page.fill("#kz-q", query)
            found = _ids(_rows(page))
            assert person.id in found, (query, found)
            assert len(found) < len(ds.persons), query
        page.fill("#kz-q", "")
        assert len(_rows(page)) == len(ds.persons)


def test_search_state_is_kept_in_the_address(watch, ds):
    person, cyrillic, _ = pick_searchable(ds)
    page = watch.open("en/index.html#q=" + cyrillic)
    assert person.id in _ids(_rows(page))
    assert page.input_value("#kz-q") == cyrillic


def test_sorting_by_status_date(watch, ds):
    page = watch.open("en/index.html")
    page.click("th[data-col=date] button")
    assert page.get_attribute("th[data-col=date]", "aria-sort") == "ascending"
    dates = page.eval_on_selector_all("#kz-persons tbody tr td:nth-child(3)", "tds => tds.map(td => (td.querySelector('time') || {}).dateTime || '')")
    dated = [d for d in dates if d]
    assert dated == sorted(dated) and dates[:len(dated)] == dated
    page.click("th[data-col=date] button")
    assert page.get_attribute("th[data-col=date]", "aria-sort") == "descending"
    dates = page.eval_on_selector_all("#kz-persons tbody tr td:nth-child(3) time", "ts => ts.map(t => t.dateTime)")
    assert dates == sorted(dates, reverse=True)


def test_person_page_shows_the_timeline_in_date_order(watch, ds):
    def facts(pid):
        return sum(1 for t in (ds.charges, ds.sentences, ds.events) for r in t.values() if r.person_id == pid)

    pid = max(ds.persons, key=facts)
    for lang in ("en", "ru"):
        page = watch.open(f"{lang}/person/{pid}.html")
        items = page.eval_on_selector_all("#kz-timeline > li", "lis => lis.map(li => [li.dataset.start, li.getBoundingClientRect().top])")
        assert len(items) >= facts(pid)
        tops = [t for _, t in items]
        assert tops == sorted(tops)                      # shown top to bottom in the order of the list
        starts = [s for s, _ in items]
        dated = [s for s in starts if s]
        assert dated == sorted(dated) and starts[:len(dated)] == dated


def test_links_from_the_index_open_person_pages(watch, ds):
    page = watch.open("ru/index.html")
    href = _rows(page)[0]
    page.click(f"#kz-persons a[href='{href}']")
    page.wait_for_load_state("load")
    assert page.url.endswith(href) and page.locator("h1").count() == 1
    page.click("a[hreflang=en]")
    page.wait_for_load_state("load")
    assert "/en/person/" in page.url


PAGES = ["en/index.html", "ru/index.html", "index.html", "en/browse.html", "ru/charts.html", "en/charts.html", "ru/about.html",
         "en/articles.html", "en/sources.html", "ru/organisations.html", "en/cases.html"]


def _sample_pages(ds, site):
    pid = max(ds.persons, key=lambda p: len(ds.persons[p].aliases) + len(ds.persons[p].source_ids))
    case = next(iter(ds.cases))
    charge = next(iter(ds.charges.values()))
    src = next(iter(ds.sources))
    org = next(iter(ds.organisations))
    lst = sorted((site / "en" / "list").glob("status-*.html"))[0].relative_to(site).as_posix()
    return PAGES + [f"en/person/{pid}.html", f"ru/person/{pid}.html", f"en/case/{case}.html", f"ru/article/{charge.code}-{charge.article}.html",
                    f"en/source/{src}.html", f"ru/organisation/{org}.html", lst]


def _axe_source():
    for p in AXE_PATHS:
        if p and Path(p).is_file():
            return Path(p).read_text(encoding="utf-8")
    return None


@pytest.mark.parametrize("width", [1280, 375])
def test_axe_finds_no_serious_or_critical_violation(browser, site, ds, width):
    axe = _axe_source()
    _need("axe-core (npm install --prefix .ci axe-core)", axe is not None)
    # axe is injected through the DevTools protocol: the pages' own policy allows no inline script
    w = Watch(browser, site.as_uri() + "/", width=width, bypass_csp=True)
    found = {}
    try:
        for rel in _sample_pages(ds, site):
            page = w.open(rel)
            page.evaluate(axe)
            result = page.evaluate("axe.run(document, {resultTypes: ['violations'], preload: false})")
            bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]
                   if v["impact"] in ("serious", "critical")]
            if bad:
                found[rel] = bad
        assert found == {}
        assert w.outside() == [] and w.errors == []
    finally:
        w.close()


def test_readable_on_a_phone(browser, site, ds):
    w = Watch(browser, site.as_uri() + "/", width=375)
    try:
        for rel in _sample_pages(ds, site):
            page = w.open(rel)
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 1, (rel, overflow)
        assert w.errors == []
    finally:
        w.close()


def test_no_request_leaves_the_site_on_any_sampled_page(watch, ds, site):
    for rel in _sample_pages(ds, site):
        watch.open(rel)
    assert watch.requests and watch.outside() == []


def test_hostile_cells_run_no_script(browser, tmp_path):
    from test_site import _hostile_copy

    src, pid = _hostile_copy(tmp_path)
    out = tmp_path / "site"
    build_site(src, out, check=False, downloads=False)
    w = Watch(browser, out.as_uri() + "/")
    try:
        for rel in ("en/index.html", f"en/person/{pid}.html", f"ru/person/{pid}.html", "en/sources.html", "en/organisations.html",
                    "en/cases.html", "en/browse.html"):
            page = w.open(rel)
            for sel in ("img", "iframe", "object", "svg[onload]", "b[onmouseover]", "i", "style"):
                assert page.locator(f"main {sel}").count() == 0, (rel, sel)
        page = w.open("en/index.html")
        page.fill("#kz-q", "evil")
        assert pid in _ids(_rows(page))
        assert page.locator("#kz-persons img").count() == 0
        text = page.inner_text("#kz-persons tbody")
        assert '<script>alert("n")</script>' in text                         # shown as text
        assert w.dialogs == [] and w.outside() == []
        assert [e for e in w.errors if "alert" in e] == []
    finally:
        w.close()
