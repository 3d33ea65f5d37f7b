"""Shared by the website's tests: copies of the package, built sites, an HTML reader that sees every element,
attribute and text node, and spellings of names made at test time from the data (never hard-coded persons)."""
from __future__ import annotations

import html.parser
import json
import os
import re
import shutil
from pathlib import Path

from conftest import REPO, TODAY

import kzdata
from kzdata.names import name_key

SITE_DEPS = ("jinja2", "altair", "vl_convert")
# The package the site tests build (default: the repository). Point it at another copy to try the site on other
# data: KZDATA_SITE_TEST_PACKAGE=/path/to/package python -m pytest tests/test_site*.py
PACKAGE = Path(os.environ.get("KZDATA_SITE_TEST_PACKAGE") or REPO)


def copy_package(dst: Path) -> Path:
    """A copy of the package under test (descriptor, data, schemas, reference inputs) with the repository's CITATION.cff."""
    dst.mkdir(parents=True, exist_ok=True)
    shutil.copy(PACKAGE / "datapackage.json", dst / "datapackage.json")
    for d in ("data", "schemas", "reference"):
        shutil.copytree(PACKAGE / d, dst / d)
    if (REPO / "CITATION.cff").exists():
        shutil.copy(REPO / "CITATION.cff", dst / "CITATION.cff")
    # a copy changes files: the recorded checksums would no longer match
    desc = json.loads((dst / "datapackage.json").read_text(encoding="utf-8"))
    for res in desc["resources"]:
        for key in ("bytes", "hash", "rows"):
            res.pop(key, None)
    (dst / "datapackage.json").write_text(json.dumps(desc, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return dst


def build_site(src: Path, out: Path, **kw) -> list[Path]:
    from kzdata.site import build

    return build(src, out, today=TODAY, repository_url=kw.pop("repository_url", "https://github.com/example/kzdata"), **kw)


class Page(html.parser.HTMLParser):
    """Every element with its attributes and ancestors, and every text node with its ancestors."""

    VOID = {"meta", "link", "br", "input", "img", "hr", "wbr", "source", "area", "base", "col", "embed", "param", "track"}

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict, tuple]] = []
        self.texts: list[tuple[str, tuple]] = []
        self.stack: list[tuple[str, dict]] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        self.elements.append((tag, a, tuple(self.stack)))
        if tag not in self.VOID:
            self.stack.append((tag, a))

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, {k: (v or "") for k, v in attrs}, tuple(self.stack)))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if data:
            self.texts.append((data, tuple(self.stack)))


def pages(site: Path):
    for f in sorted(site.rglob("*.html")):
        yield f, f.read_text(encoding="utf-8")


# --- spellings of names, made from the data ---------------------------------------------------------------------
LAT_TO_CYR = [("shch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"), ("yu", "ю"), ("ya", "я"),
              ("ye", "е"), ("yo", "ё"), ("a", "а"), ("b", "б"), ("v", "в"), ("g", "г"), ("d", "д"), ("e", "е"), ("z", "з"),
              ("i", "и"), ("y", "й"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"),
              ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"), ("h", "х"), ("q", "қ"), ("j", "дж"), ("c", "ц"), ("w", "в"),
              ("x", "кс")]
VARIANTS = [("dzh", "j"), ("zh", "j"), ("kh", "h"), ("iy", "i"), ("ye", "e"), ("y", "i"), ("i", "y"), ("ch", "tch"),
            ("ks", "x"), ("k", "q"), ("v", "w"), ("j", "dzh")]


def to_cyrillic(name: str) -> str:
    out, s = [], name.lower()
    i = 0
    while i < len(s):
        for lat, cyr in LAT_TO_CYR:
            if s.startswith(lat, i):
                out.append(cyr)
                i += len(lat)
                break
        else:
            out.append(s[i])
            i += 1
    return "".join(out).title()


def cyrillic_spelling(p) -> str | None:
    """The person's Cyrillic name, else a Cyrillic transliteration of the Latin name that the folding matches."""
    if p.name_cyrillic:
        return p.name_cyrillic
    cyr = to_cyrillic(p.name)
    return cyr if name_key(cyr) == name_key(p.name) and re.search("[а-я]", cyr.lower()) else None


def variant_spelling(p) -> str | None:
    """A Latin spelling of the person's name that none of their recorded spellings is, but folds the same."""
    spelled = {p.name.lower(), *(a.lower() for a in p.aliases)}
    for a, b in VARIANTS:
        if a in p.name.lower():
            v = p.name.lower().replace(a, b, 1).title()
            if v.lower() not in spelled and name_key(v) == name_key(p.name):
                return v
    return None


def pick_searchable(ds, others_too: bool = True):
    """A person whose names give a Cyrillic and a variant Latin spelling that find only persons of the same name key."""
    keys: dict = {}
    for p in ds.persons.values():
        for n in [p.name, p.name_cyrillic, *p.aliases]:
            if n:
                keys.setdefault(name_key(n), set()).add(p.id)
    for p in sorted(ds.persons.values(), key=lambda p: (not p.name_cyrillic, p.id)):
        cyr, var = cyrillic_spelling(p), variant_spelling(p)
        if cyr and var:
            return p, cyr, var
    return None


def browser_required() -> bool:
    return bool(os.environ.get("CI")) or bool(os.environ.get("KZDATA_REQUIRE_BROWSER"))


def load_repo():
    return kzdata.load(REPO)
