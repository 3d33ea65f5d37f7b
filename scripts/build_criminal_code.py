"""Build data/criminal-code.json from the tables of contents in ../shared/reference/criminal-code/.

    python scripts/build_criminal_code.py [--reference DIR] [--check]

The inputs are the CSV tables of contents of the 1997 Code (edition of 28.06.2012) and of three
editions of the 2014 Code (07.11.2014, 01.01.2019, 26.06.2020), plus reference/article-parts.json
(part numbers of the articles the dataset cites). With --check the script exits 1 when the
committed JSON differs from what it would write.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REF = ROOT.parent / "shared" / "reference" / "criminal-code"
OUT = ROOT / "data" / "criminal-code.json"
PARTS = ROOT / "reference" / "article-parts.json"

REPO = "kazakhstan-law/codes"
EDITIONS_2014 = [
    ("2014-11-07", "cc2014-2014-11-07.csv",
     "02-codes/2014/0703-ugolovnyi-kodeks-respubliki-kazakhstan-81097/rus.md",
     "016484a40b816f031a580b9ce335c1225045c810"),
    ("2019-01-01", "cc2014-2019-01-01.csv",
     "02-codes/20140703-ugolovnyi-kodeks-respubliki-kazakhstan-81097/rus.md",
     "dc68d4cd24fde3892023f669133c9fb8ce65a9bb"),
    ("2020-06-26", "cc2014-2020-06-26.csv",
     "02-codes/20140703-ugolovnyi-kodeks-respubliki-kazakhstan-81097/rus.md",
     "99eeebd9e9056a7e0d394f0bdb91796287c4c7ab"),
]
EDITION_1997 = ("2012-06-28", "cc1997-toc.csv",
                "02-codes/1997/0715-ugolovnyi-kodeks-respubliki-kazakhstan-8/rus.md",
                "08420bb4f0ac81b0b7939faa97be4272086d847d")
# Repeals after the newest edition read, from the official footnotes (see the reference README).
LATER_REPEALS_2014 = {
    "373": ("23-VIII", "2023-07-12"),
    "374": ("23-VIII", "2023-07-12"),
}
MONTHS = {"января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
          "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12}
LAW_RE = re.compile(r"Закон\w*\s+РК\s+от\s+(?:(\d{2})\.(\d{2})\.(\d{4})|(\d{1,2})\s+(\w+)\s+(\d{4})\s+года)\s+№\s*([^\s(]+)")


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def parse_repeal(note: str) -> dict:
    m = LAW_RE.search(note)
    if not m:
        raise SystemExit(f"cannot parse repeal note: {note!r}")
    if m.group(1):
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        day, month, year = int(m.group(4)), MONTHS[m.group(5)], int(m.group(6))
    law_date = dt.date(year, month, day)
    ten_days = "десяти календарных дней" in note
    # A law that enters into force ten calendar days after its first official publication cannot be in
    # force before the eleventh day after it was signed; otherwise the signing date is the lower bound.
    not_before = law_date + dt.timedelta(days=11 if ten_days else 0)
    return {"law": m.group(7).rstrip(".,"), "law_date": law_date.isoformat(),
            "in_force_not_before": not_before.isoformat(), "note": note}


def build(ref: Path) -> dict:
    parts = json.loads(PARTS.read_text(encoding="utf-8"))
    out = {
        "description": "Articles of the Criminal Codes of the Republic of Kazakhstan, built by scripts/build_criminal_code.py from the tables of contents in the public repository kazakhstan-law/codes (official Russian texts from zan.gov.kz). Titles are as in the newest edition read.",
        "editions": [],
    }
    # 1997 Code
    date97, file97, path97, commit97 = EDITION_1997
    arts97 = []
    for row in read_csv(ref / file97):
        a = {"article": row["article"], "title_ru": row["title_ru"], "chapter": row["chapter"]}
        if row["repealed"] == "yes":
            a["repealed"] = parse_repeal(row["title_ru"])
            a["title_ru"] = None
        p = parts["1997"].get(row["article"])
        if p:
            a["parts"] = p
        if row["article"] in parts["banned_organisation_articles"]["1997"]:
            a["banned_organisation"] = True
        arts97.append(a)
    out["editions"].append({
        "code": "1997", "name_ru": "Уголовный кодекс Республики Казахстан от 16 июля 1997 года № 167-I",
        "in_force_from": "1998-01-01", "in_force_to": "2014-12-31",
        "texts": [{"edition": date97, "repository": REPO, "path": path97, "commit": commit97}],
        "coverage_note": "Articles added after the edition of 28.06.2012 are not in this list.",
        "articles": arts97,
    })
    # 2014 Code: merge the editions, dating additions, repeals and title changes by edition.
    editions = [(d, {r["article"]: r for r in read_csv(ref / f)}) for d, f, _, _ in EDITIONS_2014]
    order: list[str] = []
    for _, rows in editions:
        for art in rows:
            if art not in order:
                order.append(art)
    order.sort(key=lambda s: tuple(int(x) for x in s.split("-")) + ((0,) if "-" not in s else ()))
    arts14 = []
    first_date = editions[0][0]
    for art in order:
        present = [(d, rows[art]) for d, rows in editions if art in rows]
        newest = present[-1][1]
        a: dict = {"article": art, "title_ru": None, "chapter": newest["chapter"]}
        live = [(d, r) for d, r in present if r["repealed"] != "yes"]
        if live:
            a["title_ru"] = live[-1][1]["title_ru"]
        first_seen = present[0][0]
        if first_seen != first_date:
            prev = [d for d, _ in editions if d < first_seen][-1]
            a["added"] = {"absent_in_edition": prev, "first_seen_in_edition": first_seen}
        history = []
        for d, r in live:
            if not history or history[-1]["title_ru"] != r["title_ru"]:
                history.append({"from_edition": d, "title_ru": r["title_ru"]})
        if len(history) > 1:
            a["title_history"] = history
        if newest["repealed"] == "yes":
            rep = parse_repeal(newest["title_ru"])
            rep["first_seen_in_edition"] = [d for d, r in present if r["repealed"] == "yes"][0]
            a["repealed"] = rep
        elif art in LATER_REPEALS_2014:
            law, law_date = LATER_REPEALS_2014[art]
            a["repealed"] = {"law": law, "law_date": law_date, "in_force_not_before": law_date,
                             "note": "Repeal noted in the official footnotes of a later edition (not in the tables of contents read)."}
        p = parts["2014"].get(art)
        if p:
            a["parts"] = p
        if art in parts["banned_organisation_articles"]["2014"]:
            a["banned_organisation"] = True
        arts14.append(a)
    out["editions"].append({
        "code": "2014", "name_ru": "Уголовный кодекс Республики Казахстан от 3 июля 2014 года № 226-V",
        "in_force_from": "2015-01-01", "in_force_to": None,
        "texts": [{"edition": d, "repository": REPO, "path": p, "commit": c} for d, _, p, c in EDITIONS_2014],
        "coverage_note": "Additions and repeals are dated by the editions read; changes after 26.06.2020 are only those noted for cited articles.",
        "articles": arts14,
    })
    return out


def render(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"  # the canonical form of kzdata fmt


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reference", type=Path, default=DEFAULT_REF)
    ap.add_argument("--check", action="store_true", help="only compare with the committed file")
    args = ap.parse_args(argv)
    missing = [f for f in [EDITION_1997[1]] + [e[1] for e in EDITIONS_2014] if not (args.reference / f).is_file()]
    if missing:
        print(f"error: {args.reference} lacks {', '.join(missing)}; pass --reference DIR", file=sys.stderr)
        return 2
    text = render(build(args.reference))
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("criminal-code.json is up to date" if same else "criminal-code.json differs from a fresh build")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
