"""What the dataset holds, in figures: `kzdata stats` and `kzdata.stats.compute()`.

    import kzdata
    from kzdata.stats import compute
    figures = compute(kzdata.load("."))
    figures["sentences"]["imprisonment"]["total_years"]

Every figure is counted from the rows as they are; nothing is estimated. The one rule that needs
stating is how prison terms are added up (see `imprisonment`).
"""
from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from .dataset import Dataset, Sentence
from .vocab import FIRST_INSTANCE, PRISON, RECORD_TABLES, TERM_LIMITS

NOT_STATED = "(not stated)"
TABLES = RECORD_TABLES
INSTANCE_ORDER = {FIRST_INSTANCE: 0, "retrial": 1, "appeal": 2, "cassation": 3, "supervisory": 4}
IMPRISONMENT_RULE = (
    "For each person and case, the main punishment of the latest verdict counts (an appeal or retrial "
    "that changed the sentence replaces the first one); parole, pardon or early release do not reduce "
    "the term imposed. Terms given in absentia and life terms are counted apart, not added in."
)


def _ranked(counter: Counter, key: str) -> list[dict]:
    return [{key: k, "count": n} for k, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))]


def _operative(sentences: Iterable[Sentence]) -> list[Sentence]:
    """The main punishment of the latest verdict for each (person, case)."""
    latest: dict[tuple[str, str], tuple] = {}
    for s in sentences:
        if s.role != "main":
            continue
        # an undated verdict counts only when no dated verdict exists for the same person and case
        rank = (s.verdict_date.start if s.verdict_date else dt.date.min, INSTANCE_ORDER.get(s.instance, 0))
        key = (s.person_id, s.case_id)
        if key not in latest or rank > latest[key][0]:
            latest[key] = (rank, [s])
        elif rank == latest[key][0]:
            latest[key][1].append(s)
    return [s for _, group in latest.values() for s in group]


def imprisonment(ds: Dataset) -> dict:
    """Prison terms imposed, added up by the rule in IMPRISONMENT_RULE."""
    present, absentia = [], []
    for s in _operative(ds.sentences.values()):
        if s.kind in PRISON:
            (absentia if s.in_absentia else present).append(s)

    def total(rows: list[Sentence]) -> dict:
        stated = [s for s in rows if s.kind == "imprisonment" and s.term is not None]
        # a term longer than the Code allows (KZ108) is a typing error, never added in: a sum stays a sum of real terms
        fixed = [s for s in stated if s.term.total_years <= TERM_LIMITS["imprisonment"][0]]
        return {
            "sentences": len(rows),
            "persons": len({s.person_id for s in rows}),
            "with_term": len(fixed),
            "total_years": round(sum(s.term.total_years for s in fixed), 1),
            "life": sum(1 for s in rows if s.kind == "life_imprisonment"),
            "term_not_stated": sum(1 for s in rows if s.kind == "imprisonment" and s.term is None),
            "term_beyond_limit": len(stated) - len(fixed),
        }

    return {**total(present), "in_absentia": total(absentia), "rule": IMPRISONMENT_RULE}


def compute(ds: Dataset) -> dict:
    """All figures as plain data (what `kzdata stats --format json` prints)."""
    persons = list(ds.persons.values())
    status_dates = sorted(p.status_date.text for p in persons if p.status_date)

    by_org: Counter = Counter()
    for p in persons:
        orgs = [ds.organisations[i].name for i in p.affiliation_ids if i in ds.organisations]
        by_org.update(orgs or ["(none stated)"])

    articles: dict[tuple[str, str], dict] = {}
    for c in ds.charges.values():
        ref = ds.article(c.code, c.article) or {}
        entry = articles.setdefault((c.code, c.article), {
            "code": c.code, "article": c.article, "title": ref.get("title_ru", ""), "charges": 0, "persons": set()})
        entry["charges"] += 1
        entry["persons"].add(c.person_id)
    by_article = sorted(articles.values(), key=lambda e: (-e["charges"], e["code"], _article_key(e["article"])))
    for e in by_article:
        e["persons"] = len(e["persons"])

    kinds: dict[str, dict] = defaultdict(lambda: {"sentences": 0, "persons": set()})
    for s in ds.sentences.values():
        kinds[s.kind]["sentences"] += 1
        kinds[s.kind]["persons"].add(s.person_id)
    by_kind = [{"kind": k, "sentences": v["sentences"], "persons": len(v["persons"])}
               for k, v in sorted(kinds.items(), key=lambda kv: (-kv[1]["sentences"], kv[0]))]

    per_source = []
    tables = {"persons": ds.persons, "organisations": ds.organisations, "cases": ds.cases, "charges": ds.charges,
              "sentences": ds.sentences, "events": ds.events}
    for src in ds.sources.values():
        rows = {name: sum(1 for r in recs.values() if src.id in r.source_ids) for name, recs in tables.items()}
        per_source.append({"id": src.id, "publisher": src.publisher,
                           "published": src.published.text if src.published else "", "rows": rows})

    return {
        "tables": {name: len(getattr(ds, name)) for name in TABLES},
        "persons": {
            "by_status": _ranked(Counter(p.status or NOT_STATED for p in persons), "status"),
            "status_dates": {"earliest": status_dates[0] if status_dates else "",
                             "latest": status_dates[-1] if status_dates else ""},
            "by_region": _ranked(Counter(p.region or NOT_STATED for p in persons), "region"),
            "by_organisation": _ranked(by_org, "organisation"),
        },
        "charges": {"by_article": by_article},
        "sentences": {"by_kind": by_kind, "imprisonment": imprisonment(ds)},
        "sources": per_source,
    }


def _article_key(article: str) -> tuple:
    head, _, tail = article.partition("-")
    return (int(head) if head.isdigit() else 0, int(tail) if tail.isdigit() else 0, article)


def render_json(figures: dict) -> str:
    return json.dumps(figures, ensure_ascii=False, indent=2) + "\n"


def render_text(figures: dict) -> str:
    out: list[str] = []
    t = figures["tables"]
    out.append("Rows: " + ", ".join(f"{t[name]} {name}" for name in TABLES))

    p = figures["persons"]
    sd = p["status_dates"]
    out.append("")
    out.append(f"Persons by status (each as of its status_date, {sd['earliest']} to {sd['latest']}):")
    out += [f"  {e['count']:>4}  {e['status']}" for e in p["by_status"]]
    out.append("")
    out.append("Persons by region:")
    out += [f"  {e['count']:>4}  {e['region']}" for e in p["by_region"]]
    out.append("")
    out.append("Persons by organisation (a person can belong to several):")
    out += [f"  {e['count']:>4}  {e['organisation']}" for e in p["by_organisation"]]

    out.append("")
    out.append("Charges by article (charges, persons, code edition and article, title):")
    for e in figures["charges"]["by_article"]:
        out.append(f"  {e['charges']:>4} {e['persons']:>4}  {e['code']} art. {e['article']}: {e['title'] or '(title not in the reference)'}")

    s = figures["sentences"]
    out.append("")
    out.append("Sentences by kind (punishments, persons):")
    out += [f"  {e['sentences']:>4} {e['persons']:>4}  {e['kind']}" for e in s["by_kind"]]
    i = s["imprisonment"]
    a = i["in_absentia"]
    out.append("")
    def line(x: dict) -> str:
        text = f"{x['total_years']} years in the {x['with_term']} prison sentence(s) whose term is stated"
        if x["term_not_stated"]:
            text += f", plus {x['term_not_stated']} with no term stated"
        if x["life"]:
            text += f", plus {x['life']} life sentence(s)"
        if x.get("term_beyond_limit"):
            text += f", leaving out {x['term_beyond_limit']} term(s) longer than the Criminal Code allows (kzdata validate: KZ108)"
        return text + f"; {x['persons']} person(s)"

    out.append("Imprisonment imposed: " + line(i))
    out.append("  in absentia, counted apart: " + line(a))
    out.append(f"  rule: {i['rule']}")

    out.append("")
    out.append("Rows citing each source (persons, cases, charges, sentences, events):")
    for e in figures["sources"]:
        r = e["rows"]
        counts = " ".join(f"{r[k]:>4}" for k in ("persons", "cases", "charges", "sentences", "events"))
        out.append(f"  {counts}  {e['id']} ({e['publisher']}, {e['published'] or 'undated'})")
    return "\n".join(out) + "\n"


RENDERER_BY_NAME = {"text": render_text, "json": render_json}
