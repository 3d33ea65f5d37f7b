"""Rendering: the Jinja2 environment (autoescape on, always), the helpers templates call, and the writer that
puts every page of the site into a staging directory.

Every value from the data reaches a page through Jinja2's escaping; values that go into the page's scripts go
through `script_json`, which escapes `<`, `>`, `&` and the line separators so that no cell can close a script
element. Links to sources are made only from plain http(s) addresses (`data.safe_url`).
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

from . import i18n
from .data import SiteData, safe_id, safe_url, slug

LROOT = "\ue000lroot\ue000"   # stands for the way back to the language's root in rows reused across pages
TEMPLATES = Path(__file__).resolve().parent / "templates"


def make_env():
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True, trim_blocks=True,
                             lstrip_blocks=True, auto_reload=False)
    return env


def script_json(value) -> str:
    """JSON that is safe inside a <script> element and a .js file: no '</script>', no HTML comment opener, no
    line separators that end a JavaScript string."""
    from markupsafe import Markup

    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
    return Markup(text)


def isolate(text: str) -> str:
    """Text between first-strong-isolate and pop-directional-isolate marks, for places where no <bdi> can go (a
    page's title, an option of a select): a bidirectional control inside cannot reorder what follows."""
    return f"\u2068{text}\u2069" if text and any(ord(c) > 0x7f for c in text) else (text or "")


class Helpers:
    """What templates call, for one language."""

    def __init__(self, sd: SiteData, lang: str, raw: dict):
        self.sd, self.ds, self.lang, self.raw = sd, sd.ds, lang, raw

    # pieces of markup used on every page, made here rather than as template macros (a macro call costs more
    # than the whole piece): every value goes through markupsafe's escaping
    def d(self, date):
        from markupsafe import Markup

        if not date:
            return Markup('<span class="muted">%s</span>') % i18n.ui("undated", self.lang)
        return Markup('<time datetime="%s">%s</time>') % (date.text, self.date(date))

    def person_link(self, p, lroot):
        from markupsafe import Markup

        out = Markup('<a href="%sperson/%s.html"><bdi>%s</bdi></a>') % (lroot, safe_id(p.id), p.name or p.id)
        if p.name_cyrillic:
            out += Markup(' <bdi class="cyr" lang="ru">%s</bdi>') % p.name_cyrillic
        return out

    def case_link(self, c, lroot):
        from markupsafe import Markup

        return Markup('<a href="%scase/%s.html"><bdi>%s</bdi></a>') % (lroot, safe_id(c.id), c.title or c.id)

    def source_link(self, s, lroot):
        from markupsafe import Markup

        when = Markup(", %s") % self.date(s.published) if s.published else ""
        return Markup('<a href="%ssource/%s.html"><bdi>%s</bdi>%s</a>') % (lroot, safe_id(s.id), s.publisher, when)

    def cites(self, rec, lroot):
        from markupsafe import Markup

        srcs = rec.sources
        if not srcs:
            return ""
        return Markup('<span class="cites">%s: %s</span>') % (i18n.ui("cites", self.lang),
                                                              Markup("; ").join(self.source_link(s, lroot) for s in srcs))

    def disputed_html(self, table, rec, fieldname, lroot):
        """A disputed field: every value the sources give, with its sources; the record's own value marked."""
        from markupsafe import Markup

        values = self.disputed(table, rec.id, fieldname)
        if not values:
            return ""
        items = []
        for dv in values:
            mine = Markup(' <span class="muted">(%s)</span>') % i18n.ui("record_value", self.lang) if self.is_record_value(table, rec, fieldname, dv.value) else ""
            notes = Markup(' <span dir="auto" lang="en">%s</span>') % dv.notes if dv.notes else ""
            srcs = Markup("; ").join(self.source_link(s, lroot) for s in self.sources_of(dv))
            items.append(Markup("<li><bdi>%s</bdi>%s: %s%s</li>") % (self.value(table, fieldname, dv.value), mine, srcs, notes))
        return Markup('<details class="disputed" open><summary><span class="badge">%s</span> %s</summary><p class="help">%s</p>'
                      '<ul>%s</ul></details>') % (i18n.ui("disputed", self.lang), self.field(fieldname),
                                                  i18n.ui("disputed_help", self.lang), Markup("").join(items))

    def any_disputed(self, table, rec, lroot):
        from markupsafe import Markup

        return Markup("").join(self.disputed_html(table, rec, f, lroot) for f in self.disputed_fields(table, rec.id))

    # words
    def iso(self, text):
        return isolate(text)

    def date(self, d):
        return i18n.fmt_date(d, self.lang)

    def date_text(self, text: str):
        from ..dates import parse_partial

        return i18n.fmt_date(parse_partial(text), self.lang) if text else ""

    def label(self, group, value):
        return i18n.label(group, value, self.lang)

    def field(self, name):
        return i18n.field_label(name, self.lang)

    def region(self, value):
        return i18n.region(value, self.lang)

    def region_known(self, value):
        return i18n.region_known(value, self.lang)

    def int(self, n):
        return i18n.fmt_int(int(n), self.lang)

    def sentence(self, s):
        return i18n.sentence_words(s.kind, s.term, self.lang, s.amount, s.currency, s.scope)

    def article(self, c):
        return i18n.article_words(c.code, c.article, c.part, c.paragraph, self.lang)

    def article_parts(self, c):
        bits = [i18n.ui("article_n", self.lang, article=c.article)]
        if c.part:
            bits.append(i18n.ui("part_n", self.lang, part=c.part))
        if c.paragraph:
            bits.append(i18n.ui("paragraph_n", self.lang, p=c.paragraph))
        return " ".join(bits)

    def article_short(self, code, article):
        return i18n.ui("article_short", self.lang, article=article, code=code)

    def article_title(self, c):
        ref = self.ds.article(c.code, c.article) if hasattr(c, "code") else None
        return (ref or {}).get("title_ru", "")

    # links and records
    def quote(self, text):
        from urllib.parse import quote

        return quote(text, safe="")

    def fid(self, rid):
        return safe_id(rid)

    def slug(self, text):
        return slug(text)

    def css(self, token):
        return re.sub(r"[^a-z0-9_-]", "", token or "")

    def url(self, u):
        return safe_url(u or "")

    def archive(self, s):
        return self.raw.get(("sources", s.id), {}).get("archive_url", "")

    def orgs(self, p):
        return [self.ds.organisations[i] for i in p.affiliation_ids if i in self.ds.organisations]

    def org(self, oid):
        return self.ds.organisations.get(oid) if oid else None

    def person(self, pid):
        from ..dataset import Person

        return self.ds.persons.get(pid) or Person(id=pid, _ds=self.ds, name=pid)

    def persons(self, ids):
        return [self.ds.persons[i] for i in ids if i in self.ds.persons]

    def person_articles(self, pid):
        return self.sd.person_articles.get(pid, [])

    # disputed facts
    def disputed(self, table, rid, fieldname):
        return self.sd.disputes.get((table, rid), {}).get(fieldname, [])

    def disputed_fields(self, table, rid):
        return sorted(self.sd.disputes.get((table, rid), {}))

    def sources_of(self, d):
        return [self.ds.sources[s] for s in d.source_ids if s in self.ds.sources]

    def value(self, table, fieldname, value):
        """A disputed value written as the page writes that field."""
        from ..dates import parse_duration, parse_partial

        group = i18n.ENUM_COLUMNS.get((table, fieldname))
        if group:
            return ", ".join(i18n.label(group, v, self.lang) for v in value.split(";") if v) if value else ""
        if fieldname in {"status_date", "banned_date", "opened", "charged_date", "acts_from", "acts_to", "verdict_date", "date",
                         "published"} and parse_partial(value):
            return i18n.fmt_date(parse_partial(value), self.lang)
        if fieldname == "term" and parse_duration(value):
            return i18n.term_words(parse_duration(value), self.lang)
        if fieldname == "region":
            return i18n.region(value, self.lang)
        return value

    def is_record_value(self, table, rec, fieldname, value):
        return self.raw.get((table, rec.id), {}).get(fieldname) == value


class Writer:
    """Writes the pages into the staging directory and remembers every file (relative paths)."""

    def __init__(self, root: Path):
        self.root = root
        self.files: list[str] = []
        self._dirs: set[str] = set()

    def write(self, rel: str, text: str) -> None:
        self.write_bytes(rel, text.encode("utf-8"))

    def write_bytes(self, rel: str, data: bytes) -> None:
        parent = rel.rpartition("/")[0]
        if parent not in self._dirs:
            os.makedirs(self.root / parent, exist_ok=True)
            self._dirs.add(parent)
        with open(self.root / rel, "wb") as fh:
            fh.write(data)
        self.files.append(rel)


def paginate(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


def page_paths(base: str, n: int, first: str | None = None) -> list[str]:
    """Paths (from the language's root) of the n pages of a listing: base.html, base-2.html, …"""
    return [(first if (i == 0 and first) else (f"{base}.html" if i == 0 else f"{base}-{i + 1}.html")) for i in range(n)]


def article_file(code: str, article: str) -> str:
    return f"{code}-{safe_id(article)}"

