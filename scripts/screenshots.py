"""Screenshots of the website for README: the index of persons and one person's page (Russian), and the index at
a phone's width, taken in Debian's chromium through Playwright from a site built of the repository's data.

    python scripts/screenshots.py            # writes docs/screenshot-index.png, -person.png, -phone.png
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def main() -> None:
    import kzdata
    from kzdata.site import build
    from playwright.sync_api import sync_playwright

    ds = kzdata.load(REPO)
    # the person with the most facts: a page that shows what a person page holds
    facts = lambda pid: sum(1 for t in (ds.charges, ds.sentences, ds.events) for r in t.values() if r.person_id == pid)  # noqa: E731
    pid = max(sorted(ds.persons), key=facts)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build(REPO, site, downloads=False)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            for rel, out, width, height in (("en/index.html", "screenshot-index.png", 1280, 900),
                                            (f"ru/person/{pid}.html", "screenshot-person.png", 1280, 1100),
                                            ("ru/index.html#q=" + ds.persons[pid].name.split()[-1][:4], "screenshot-phone.png", 390, 844)):
                page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=1)
                page.goto((site / rel.split("#")[0]).as_uri() + ("#" + rel.split("#")[1] if "#" in rel else ""))
                page.wait_for_load_state("load")
                if width < 600:   # a phone: the search and its first results
                    page.screenshot(path=str(REPO / "docs" / out), full_page=True, clip={"x": 0, "y": 0, "width": width, "height": 1300})
                else:
                    page.screenshot(path=str(REPO / "docs" / out))
                page.close()
                print(f"docs/{out}")
            browser.close()


if __name__ == "__main__":
    main()
