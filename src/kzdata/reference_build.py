"""Building the Criminal Code reference (data/criminal-code.json) from its inputs in reference/criminal-code/.

The inputs are transcriptions of the official Russian texts in the public repository kazakhstan-law/codes
(from zan.gov.kz), at the commits named in EDITIONS: the tables of contents of the 1997 Code (edition of
28.06.2012) and of three editions of the 2014 Code (07.11.2014, 01.01.2019, 26.06.2020), the article
headings, parts and footnotes of its edition of 16.09.2025, and article-parts.json (part numbers of cited
articles, by period, read from the texts). reference/criminal-code/README.md says how each was made.

build(inputs) is deterministic: the validator rebuilds the reference and compares it with the committed
file (KZ019), so that a hand edit of data/criminal-code.json is always caught; scripts/build_criminal_code.py
writes the file. Pure Python, no network, nothing read outside `inputs`.
"""
from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

from .vocab import CODE_2014_START

REPO = "kazakhstan-law/codes"
PATH_2014_OLD = "02-codes/2014/0703-ugolovnyi-kodeks-respubliki-kazakhstan-81097/rus.md"
PATH_2014 = "02-codes/20140703-ugolovnyi-kodeks-respubliki-kazakhstan-81097/rus.md"
# (edition date, input file, path in the repository, commit)
EDITIONS_2014 = [
    ("2014-11-07", "cc2014-2014-11-07.csv", PATH_2014_OLD, "016484a40b816f031a580b9ce335c1225045c810"),
    ("2019-01-01", "cc2014-2019-01-01.csv", PATH_2014, "dc68d4cd24fde3892023f669133c9fb8ce65a9bb"),
    ("2020-06-26", "cc2014-2020-06-26.csv", PATH_2014, "99eeebd9e9056a7e0d394f0bdb91796287c4c7ab"),
    ("2025-09-16", "cc2014-2025-09-16.csv", PATH_2014.replace("rus.md", "rus/"), "006d21b1c6f40a5a32cbf79b650b9cf72cba4aa8"),
]
EDITION_1997 = ("2012-06-28", "cc1997-toc.csv", "02-codes/1997/0715-ugolovnyi-kodeks-respubliki-kazakhstan-8/rus.md",
                "08420bb4f0ac81b0b7939faa97be4272086d847d")
PARTS_FILE = "article-parts.json"
# Every file build() reads, relative to the inputs directory.
INPUT_FILES = [EDITION_1997[1]] + [e[1] for e in EDITIONS_2014] + [PARTS_FILE]
# After a dated amendment that may have changed an article's parts, its newest part list is taken as certain
# only this many days after the amending law's earliest entry into force (laws are published within days).
MARGIN_DAYS = 30

MONTHS = {"января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
          "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12}
LAW_RE = re.compile(r"Закон\w*\s+РК\s+от\s+(?:(\d{2})\.(\d{2})\.(\d{4})|(\d{1,2})\s+(\w+)\s+(\d{4})\s+года)\s+№\s*([^\s(]+)")
# one law in a footnote: "от 11.07.2022 № 136-VII (вводится в действие …)"
FOOTNOTE_LAW = re.compile(r"от\s+(\d{2})\.(\d{2})\.(\d{4})\s*№\s*([0-9]+-[IVXLІ]+)\s*\((вводится в действие[^)]*)\)")
IN_FORCE_DAYS = {"десяти календарных дней": 11, "двадцати одного календарного дня": 22, "шестидесяти календарных дней": 61}
IN_FORCE_MONTHS = {"двух месяцев": 2, "шести месяцев": 6}


class BuildError(ValueError):
    """An input cannot be read as the build expects."""


def _read_csv(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def _add_months(d: dt.date, months: int) -> dt.date:
    m = d.month - 1 + months
    year, month = d.year + m // 12, m % 12 + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def in_force_not_before(law_date: dt.date, rule: str) -> dt.date:
    """The earliest day a law can be in force, from its entry-into-force clause: N days or months after its
    first official publication (which is not before the day it was signed), or a fixed date."""
    fixed = re.search(r"с\s+(\d{2})\.(\d{2})\.(\d{4})", rule)
    if fixed and "по истечении" not in rule.split("за исключением")[0]:
        return dt.date(int(fixed.group(3)), int(fixed.group(2)), int(fixed.group(1)))
    for words, days in IN_FORCE_DAYS.items():
        if words in rule:
            return law_date + dt.timedelta(days=days)
    for words, months in IN_FORCE_MONTHS.items():
        if words in rule:
            return _add_months(law_date, months) + dt.timedelta(days=1)
    return law_date


def parse_repeal(note: str) -> dict:
    m = LAW_RE.search(note)
    if not m:
        raise BuildError(f"cannot parse repeal note: {note!r}")
    if m.group(1):
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        day, month, year = int(m.group(4)), MONTHS[m.group(5)], int(m.group(6))
    law_date = dt.date(year, month, day)
    rule = note[m.end():]
    rule = rule[rule.find("(") + 1:rule.find(")")] if "(" in rule else ""
    return {"law": m.group(7).rstrip(".,"), "law_date": law_date.isoformat(),
            "in_force_not_before": in_force_not_before(law_date, rule).isoformat(), "note": note}


def footnote_laws(footnote: str) -> list[dict]:
    """Every law a footnote names, in order: (law, date, earliest entry into force, what it did)."""
    out = []
    for m in FOOTNOTE_LAW.finditer(footnote):
        law_date = dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        before = footnote[:m.start()]
        clause = before[max(before.rfind(";"), before.rfind("Сноска.")):]
        kind = ("added" if re.search(r"дополнен\w*\s+стать", clause) else "repealed" if "исключен" in clause
                else "title" if "Заголовок" in clause else "rewritten" if "в редакции" in clause else "amended")
        out.append({"law": m.group(4), "law_date": law_date, "in_force_not_before": in_force_not_before(law_date, m.group(5)),
                    "kind": kind, "clause": (clause + footnote[m.start():m.end()]).strip(" ;.")})
    return out


def _article_key(s: str) -> tuple:
    return tuple(int(x) for x in s.split("-")) + ((0,) if "-" not in s else ())


def build(inputs: str | Path, read=None) -> dict:
    """The reference built from the inputs directory (or from `read(name) -> bytes` when given)."""
    inputs = Path(inputs)
    read = read or (lambda name: (inputs / name).read_bytes())
    parts = json.loads(read(PARTS_FILE).decode("utf-8"))
    out = {
        "description": "Articles of the Criminal Codes of the Republic of Kazakhstan, built by kzdata.reference_build "
                       "(python scripts/build_criminal_code.py) from transcriptions of the official Russian texts in the "
                       "public repository kazakhstan-law/codes (from zan.gov.kz), kept in reference/criminal-code/. "
                       "Titles are as in the newest edition read.",
        "editions": [_code_1997(read, parts), _code_2014(read, parts)],
    }
    return out


def _code_1997(read, parts: dict) -> dict:
    date97, file97, path97, commit97 = EDITION_1997
    arts = []
    for row in _read_csv(read(file97)):
        a = {"article": row["article"], "title_ru": row["title_ru"], "chapter": row["chapter"]}
        if row["repealed"] == "yes":
            a["repealed"] = parse_repeal(row["title_ru"])
            a["title_ru"] = None
        p = parts["1997"].get(row["article"])
        if p:
            a["parts"] = p
        if row["article"] in parts["banned_organisation_articles"]["1997"]:
            a["banned_organisation"] = True
        arts.append(a)
    return {"code": "1997", "name_ru": "Уголовный кодекс Республики Казахстан от 16 июля 1997 года № 167-I",
            "in_force_from": "1998-01-01", "in_force_to": "2014-12-31",
            "texts": [{"edition": date97, "repository": REPO, "path": path97, "commit": commit97}],
            "coverage_note": "Articles added after the edition of 28.06.2012 are not in this list.",
            "articles": arts}


def _code_2014(read, parts: dict) -> dict:
    editions = [(d, {r["article"]: r for r in _read_csv(read(f))}) for d, f, _, _ in EDITIONS_2014]
    newest_date, newest = editions[-1]
    order = sorted({art for _, rows in editions for art in rows}, key=_article_key)
    first_date = editions[0][0]
    arts = []
    for art in order:
        present = [(d, rows[art]) for d, rows in editions if art in rows]
        latest = present[-1][1]
        a: dict = {"article": art, "title_ru": None, "chapter": latest["chapter"]}
        live = [(d, r) for d, r in present if r["repealed"] != "yes"]
        if live:
            a["title_ru"] = live[-1][1]["title_ru"]
        laws = footnote_laws(newest[art].get("footnote", "")) if art in newest else []
        first_seen = present[0][0]
        if first_seen != first_date:
            prev = [d for d, _ in editions if d < first_seen][-1]
            a["added"] = {"absent_in_edition": prev, "first_seen_in_edition": first_seen}
            adding = [x for x in laws if x["kind"] == "added"]
            if adding:
                a["added"].update(law=adding[-1]["law"], law_date=adding[-1]["law_date"].isoformat(),
                                  in_force_not_before=adding[-1]["in_force_not_before"].isoformat())
        history = []
        for d, r in live:
            if not history or history[-1]["title_ru"] != r["title_ru"]:
                history.append({"from_edition": d, "title_ru": r["title_ru"]})
        if len(history) > 1:
            a["title_history"] = history
        if latest["repealed"] == "yes":
            repeal = [x for x in laws if x["kind"] == "repealed"]
            note = repeal[-1]["clause"] if repeal else latest["title_ru"]
            rep = parse_repeal(note)
            rep["first_seen_in_edition"] = [d for d, r in present if r["repealed"] == "yes"][0]
            a["repealed"] = rep
        p = parts["2014"].get(art)
        if p:
            a["parts"] = p
        elif art in newest and newest[art]["repealed"] != "yes":
            a["parts"] = [_newest_parts(newest_date, newest[art], laws)]
        if art in parts["banned_organisation_articles"]["2014"]:
            a["banned_organisation"] = True
        arts.append(a)
    return {"code": "2014", "name_ru": "Уголовный кодекс Республики Казахстан от 3 июля 2014 года № 226-V",
            "in_force_from": "2015-01-01", "in_force_to": None,
            "texts": [{"edition": d, "repository": REPO, "path": p, "commit": c} for d, _, p, c in EDITIONS_2014],
            "coverage_note": "Additions and repeals are dated by the editions read and by the footnotes of the edition of "
                             "16.09.2025, which name every amending law.",
            "articles": arts}


def _newest_parts(edition: str, row: dict, laws: list[dict]) -> dict:
    """The parts of the newest edition, taken as known from the weeks after the last law that amended the
    article (any amendment may have changed its parts); before that, unknown (no part is checked)."""
    parts = [p for p in row.get("parts", "").split(";") if p]
    changing = [x for x in laws if x["kind"] != "title"]
    since = max((x["in_force_not_before"] for x in changing), default=None)
    if since is not None and since <= CODE_2014_START:
        since = None
    if since is None:
        evidence = f"edition of {edition}; its footnote names no later change of the text"
        return {"parts": parts, "valid_from": None, "valid_to": None, "evidence": evidence}
    last = max(changing, key=lambda x: x["in_force_not_before"])
    start = since + dt.timedelta(days=MARGIN_DAYS)
    return {"parts": parts, "valid_from": start.isoformat(), "valid_to": None,
            "evidence": f"edition of {edition}; the last amendment is Law No. {last['law']} of {last['law_date'].isoformat()}, "
                        f"in force from {since.isoformat()} at the earliest"}


def render(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"  # the canonical form of kzdata fmt
