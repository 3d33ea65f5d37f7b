"""What the pages are made of: the public view of the dataset and the indexes the pages need, each built in
one pass over the records (the navigation properties of kzdata.dataset scan whole tables per call, which a
100,000-person site cannot afford).

Nothing a schema marks sensitive reaches a page: `public_dataset` reads those columns as empty before any
record is made (DATA_POLICY.md: anything published must be made from a public export).
"""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..dates import PartialDate
from ..schema import sensitive_fields
from ..vocab import FIRST_INSTANCE, PRE_VERDICT, VERDICT_EVENTS

YEAR_EVENTS = PRE_VERDICT | frozenset(VERDICT_EVENTS)


def hidden_columns(ctx) -> dict[str, set[str]]:
    """table -> the columns its schema marks sensitive."""
    return {name: sensitive_fields(schema) for name, schema in ctx.pkg.schemas.items() if isinstance(schema, dict)}


def public_dataset(ctx, report=None):
    from ..dataset import from_context

    return from_context(ctx, report, hidden=hidden_columns(ctx))


def article_key(article: str) -> tuple:
    head, _, tail = article.partition("-")
    return (int(head) if head.isdigit() else 10 ** 6, int(tail) if tail.isdigit() else 0, article)


def date_key(d: PartialDate | None) -> tuple:
    """Dated before undated; by first day, then last day."""
    return (0, d.start, d.end) if d else (1, dt.date.max, dt.date.max)


@dataclass
class SiteData:
    ds: object
    charges_by_person: dict[str, list] = field(default_factory=lambda: defaultdict(list))
    sentences_by_person: dict[str, list] = field(default_factory=lambda: defaultdict(list))
    events_by_person: dict[str, list] = field(default_factory=lambda: defaultdict(list))
    cases_by_person: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    charges_by_case: dict[str, list] = field(default_factory=lambda: defaultdict(list))
    sentences_by_case: dict[str, list] = field(default_factory=lambda: defaultdict(list))
    events_by_case: dict[str, list] = field(default_factory=lambda: defaultdict(list))
    defendants: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    members: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    cases_by_org: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    charges_by_article: dict[tuple[str, str], list] = field(default_factory=lambda: defaultdict(list))
    citing: dict[str, dict[str, list]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(list)))
    disputes: dict[tuple[str, str], dict[str, list]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(list)))
    person_years: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    person_articles: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    charge_dates: dict[str, PartialDate | None] = field(default_factory=dict)
    persons_sorted: list[str] = field(default_factory=list)
    articles_sorted: list[tuple[str, str]] = field(default_factory=list)
    regions_sorted: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    years_sorted: list[int] = field(default_factory=list)


def prepare(ds, status_order: list[str]) -> SiteData:
    """Every index the pages need, in one pass per table."""
    sd = SiteData(ds)
    for c in ds.charges.values():
        sd.charges_by_person[c.person_id].append(c)
        sd.charges_by_case[c.case_id].append(c)
        sd.charges_by_article[(c.code, c.article)].append(c)
    for s in ds.sentences.values():
        sd.sentences_by_person[s.person_id].append(s)
        sd.sentences_by_case[s.case_id].append(s)
    for e in ds.events.values():
        sd.events_by_person[e.person_id].append(e)
        if e.case_id:
            sd.events_by_case[e.case_id].append(e)
    seen_case: set[tuple[str, str]] = set()
    for table in (ds.charges, ds.sentences, ds.events):
        for r in table.values():
            if r.case_id and r.case_id in ds.cases and (r.person_id, r.case_id) not in seen_case:
                seen_case.add((r.person_id, r.case_id))
                sd.cases_by_person[r.person_id].append(r.case_id)
                if table is not ds.events:
                    sd.defendants[r.case_id].append(r.person_id)
    for pid in sd.cases_by_person:
        sd.cases_by_person[pid].sort(key=lambda cid: (date_key(ds.cases[cid].opened), cid))
    for cid in sd.defendants:
        sd.defendants[cid].sort()
    for p in ds.persons.values():
        for o in p.affiliation_ids:
            sd.members[o].append(p.id)
    for c in ds.cases.values():
        if c.banned_organisation_id:
            sd.cases_by_org[c.banned_organisation_id].append(c.id)
    for name in ("persons", "organisations", "cases", "charges", "sentences", "events"):
        for r in getattr(ds, name).values():
            for s in r.source_ids:
                sd.citing[s][name].append(r)
    for d in ds.disputes:
        sd.disputes[(d.table, d.record)][d.field].append(d)

    # first-instance verdict per (person, case): dates a charge without its own date, and a person's years
    first_verdict: dict[tuple[str, str], PartialDate] = {}
    for s in ds.sentences.values():
        if s.verdict_date and s.instance == FIRST_INSTANCE:
            k = (s.person_id, s.case_id)
            if k not in first_verdict or s.verdict_date.start < first_verdict[k].start:
                first_verdict[k] = s.verdict_date
    for c in ds.charges.values():
        case = ds.cases.get(c.case_id)
        sd.charge_dates[c.id] = c.charged_date or first_verdict.get((c.person_id, c.case_id)) or (case.opened if case else None)
        if (c.code, c.article) not in sd.person_articles[c.person_id]:
            sd.person_articles[c.person_id].append((c.code, c.article))
    for pid, arts in sd.person_articles.items():
        arts.sort(key=lambda a: (a[0], article_key(a[1])))
    years = sd.person_years
    for c in ds.charges.values():
        if sd.charge_dates[c.id] and c.charged_date:
            years[c.person_id].add(c.charged_date.start.year)
    for s in ds.sentences.values():
        if s.verdict_date:
            years[s.person_id].add(s.verdict_date.start.year)
    for e in ds.events.values():
        if e.date and e.type in YEAR_EVENTS:
            years[e.person_id].add(e.date.start.year)
    for pid, cids in sd.cases_by_person.items():
        for cid in cids:
            opened = ds.cases[cid].opened
            if opened:
                years[pid].add(opened.start.year)

    sd.persons_sorted = sorted(ds.persons)   # ids are surname first: the order of a printed list
    sd.articles_sorted = sorted(sd.charges_by_article, key=lambda a: (a[0], article_key(a[1])))
    sd.regions_sorted = sorted({p.region for p in ds.persons.values() if p.region})
    present = Counter(p.status for p in ds.persons.values())
    sd.statuses = [s for s in status_order if present[s]] + sorted(s for s in present if s not in status_order)
    sd.years_sorted = sorted({y for ys in years.values() for y in ys})
    return sd


# --- the timeline of a person ------------------------------------------------------------------------------------
KIND_ORDER = {"case": 0, "event": 1, "charge": 2, "sentence": 3}


def timeline(sd: SiteData, pid: str) -> list[dict]:
    """Every dated fact about a person in date order (undated ones last): cases opened, events, charges
    (dated by the charge itself only), verdicts with their sentences."""
    ds = sd.ds
    items = []
    for cid in sd.cases_by_person.get(pid, []):
        case = ds.cases[cid]
        if case.opened:
            items.append({"kind": "case", "date": case.opened, "rec": case, "id": cid})
    for e in sd.events_by_person.get(pid, []):
        items.append({"kind": "event", "date": e.date, "rec": e, "id": e.id})
    for c in sd.charges_by_person.get(pid, []):
        items.append({"kind": "charge", "date": c.charged_date, "rec": c, "id": c.id})
    for s in sd.sentences_by_person.get(pid, []):
        items.append({"kind": "sentence", "date": s.verdict_date, "rec": s, "id": s.id})
    items.sort(key=lambda it: (date_key(it["date"]), KIND_ORDER[it["kind"]], getattr(it["rec"], "role", "") == "additional", it["id"]))
    return items


def safe_url(url: str) -> str:
    """The address when it is a plain http(s) web address; '' otherwise (javascript:, data:, relative…)."""
    from urllib.parse import urlsplit

    if not url or any(c.isspace() or ord(c) < 32 for c in url):
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or "@" in parts.netloc:
        return ""
    return url


def slug(text: str) -> str:
    """A file name for a value that is not an id (a region): ASCII letters, digits and hyphens, with a short
    hash so that different values never meet."""
    import hashlib
    import re

    base = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "x"
    return f"{base}-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:6]}"


def safe_id(rid: str) -> str:
    """Ids are validated slugs; anything else (a package read without validation) gets a slug."""
    import re

    return rid if re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rid or "") and len(rid) < 120 else slug(rid)


def package_info(root: Path, descriptor: dict) -> dict:
    lic = (descriptor.get("licenses") or [{}])[0] if isinstance(descriptor.get("licenses"), list) else {}
    created = str(descriptor.get("created") or "")[:10]
    return {"version": str(descriptor.get("version") or ""), "date": created, "title": str(descriptor.get("title") or ""),
            "licence": str(lic.get("name") or ""), "licence_url": safe_url(str(lic.get("path") or "")),
            "licence_title": str(lic.get("title") or "")}
