"""Looking records up: `kzdata show ID` (a person's or a case's record, with its timeline and sources) and
`kzdata find TEXT` (persons by any spelling of their name: Latin or Cyrillic, transliteration-insensitive,
folded as the duplicate check folds names, kzdata.names).

    import kzdata
    from kzdata.lookup import find, show
    ds = kzdata.load()
    find(ds, "Жыланбаев")[0]["id"]        # 'zhylanbayev-marat'
    show(ds, "zhylanbayev-marat")["timeline"]

Both return plain data (dicts and lists) that render_* turn into text or JSON. Fields the schemas mark
sensitive are left out unless include_sensitive=True.
"""
from __future__ import annotations

import difflib
import json
from typing import Any

from .dataset import Case, Dataset, Person
from .names import WORD_BREAK, fold_token, name_key

# --- find --------------------------------------------------------------------------------------------------


def _spellings(p: Person) -> list[str]:
    return [s for s in [p.name, p.name_cyrillic, *p.aliases] if s]


def find(ds: Dataset, text: str, limit: int = 20) -> list[dict]:
    """Persons whose name or an alias matches `text` in any spelling, best first. Scores: 3 when every word of
    the name is in the query and the reverse (word order aside), 2 when every query word is a word of the
    name, 1 when every query word begins a word of the name; ties by closeness of the folded spellings."""
    query = [t for t in (fold_token(w) for w in WORD_BREAK.split(text.strip())) if t]
    if not query:
        return []
    qkey = tuple(sorted(query))
    hits = []
    for p in ds.persons.values():
        best = None
        for spelling in _spellings(p):
            key = name_key(spelling)
            words = set(key)
            if key == qkey:
                score = 3
            elif all(q in words for q in query):
                score = 2
            elif all(any(w.startswith(q) for w in words) for q in query):
                score = 1
            else:
                continue
            closeness = difflib.SequenceMatcher(None, " ".join(qkey), " ".join(key)).ratio()
            if best is None or (score, closeness) > best[:2]:
                best = (score, closeness, spelling)
        if best:
            hits.append({"id": p.id, "name": p.name, "name_cyrillic": p.name_cyrillic, "matched": best[2],
                         "score": best[0], "closeness": round(best[1], 3), "status": p.status,
                         "status_date": p.status_date.text if p.status_date else ""})
    hits.sort(key=lambda h: (-h["score"], -h["closeness"], h["id"]))
    return hits[:limit]


def render_find_text(hits: list[dict]) -> str:
    if not hits:
        return "no person matches\n"
    lines = []
    for h in hits:
        other = f" ({h['name_cyrillic']})" if h["name_cyrillic"] else ""
        via = f" [matched {h['matched']!r}]" if h["matched"] not in (h["name"], h["name_cyrillic"]) else ""
        lines.append(f"{h['id']}: {h['name']}{other}, {h['status']} as of {h['status_date'] or '?'}{via}")
    return "\n".join(lines) + "\n"


# --- show --------------------------------------------------------------------------------------------------

def _sources(ds: Dataset, ids: list[str]) -> list[dict]:
    out = []
    for sid in ids:
        s = ds.sources.get(sid)
        if s is not None:
            out.append({"id": s.id, "publisher": s.publisher, "title": s.title,
                        "published": s.published.text if s.published else "", "url": s.url})
    return out


def _term(sentence) -> str:
    from .dates import Duration

    t = sentence.term
    if not isinstance(t, Duration):
        return ""
    parts = [(t.years, "year"), (t.months, "month"), (t.days, "day")]
    return " ".join(f"{n} {w}{'s' if n != 1 else ''}" for n, w in parts if n)


def _timeline(ds: Dataset, charges, sentences, events) -> list[dict]:
    items = []
    for c in charges:
        when = c.charged_date or c.acts_to or c.acts_from
        part = f" part {c.part}" if c.part else ""
        title = (c.article_ref or {}).get("title_ru") or ""
        items.append({"date": when.text if when else "", "sort": when.start.isoformat() if when else "9999",
                      "kind": "charge", "id": c.id, "case": c.case_id, "person": c.person_id,
                      "what": f"charged under the {c.code} Criminal Code, article {c.article}{part}"
                              + (f" ({title})" if title else "") + f"; outcome: {c.outcome or 'not stated'}",
                      "sources": c.source_ids})
    for s in sentences:
        d = s.verdict_date
        amount = f" {s.amount:g} {s.currency}".rstrip() if s.amount is not None else ""
        term = _term(s)
        what = f"{s.instance.replace('_', ' ')} verdict: {s.kind.replace('_', ' ')}" + (f", {term}" if term else "") + amount
        if s.role == "additional":
            what += " (additional punishment)" + (f": {s.scope}" if s.scope else "")
        if s.in_absentia:
            what += ", in absentia"
        items.append({"date": d.text if d else "", "sort": d.start.isoformat() if d else "9999", "kind": "sentence",
                      "id": s.id, "case": s.case_id, "person": s.person_id, "what": what, "sources": s.source_ids})
    for e in events:
        d = e.date
        what = e.type.replace("_", " ") + (f" ({e.authority})" if e.authority else "") + (f", {e.place}" if e.place else "")
        items.append({"date": d.text if d else "", "sort": d.start.isoformat() if d else "9999", "kind": "event",
                      "id": e.id, "case": e.case_id, "person": e.person_id, "what": what, "sources": e.source_ids})
    items.sort(key=lambda x: (x["sort"], {"charge": 0, "event": 1, "sentence": 2}[x["kind"]], x["id"]))
    for x in items:
        del x["sort"]
    return items


def _disputed(record) -> dict[str, list[dict]]:
    return {f: [{"value": d.value, "sources": d.source_ids, "notes": d.notes} for d in values]
            for f, values in record.disputed.items()}


def show(ds: Dataset, rid: str, include_sensitive: bool = False) -> dict | None:
    """The record of a person or a case (None when the id is neither)."""
    if rid in ds.persons:
        p = ds.persons[rid]
        out: dict[str, Any] = {
            "type": "person", "id": p.id, "name": p.name, "name_cyrillic": p.name_cyrillic, "aliases": p.aliases,
            "sex": p.sex, "birth_year": p.birth_year, "place": p.place, "region": p.region, "roles": p.roles,
            "organisations": [o.name for o in p.affiliations], "status": p.status,
            "status_date": p.status_date.text if p.status_date else "", "notes": p.notes,
            "cases": [{"id": c.id, "title": c.title} for c in p.cases],
            "timeline": _timeline(ds, p.charges, p.sentences, p.events),
            "disputed": _disputed(p), "sources": _sources(ds, p.source_ids)}
        if include_sensitive:
            out["sensitive_notes"] = getattr(p, "sensitive_notes", "")
        return out
    if rid in ds.cases:
        c: Case = ds.cases[rid]
        sentences = [s for s in ds.sentences.values() if s.case_id == rid]
        events = [e for e in ds.events.values() if e.case_id == rid]
        return {"type": "case", "id": c.id, "title": c.title, "place": c.place, "court": c.court,
                "opened": c.opened.text if c.opened else "", "banned_organisation": c.banned_organisation_id,
                "summary": c.summary, "notes": c.notes,
                "defendants": [{"id": p.id, "name": p.name, "status": p.status,
                                "status_date": p.status_date.text if p.status_date else ""} for p in c.defendants],
                "timeline": _timeline(ds, c.charges, sentences, events), "disputed": _disputed(c),
                "sources": _sources(ds, c.source_ids)}
    return None


def render_show_text(rec: dict, ds: Dataset) -> str:
    lines = []
    if rec["type"] == "person":
        names = ", ".join(x for x in [rec["name_cyrillic"], *rec["aliases"]] if x)
        lines.append(f"{rec['name']} ({rec['id']})" + (f": also {names}" if names else ""))
        facts = [x for x in [rec["sex"], f"born {rec['birth_year']}" if rec["birth_year"] else "", rec["place"], rec["region"],
                             ", ".join(rec["roles"])] if x]
        if facts:
            lines.append("  " + "; ".join(facts))
        if rec["organisations"]:
            lines.append("  organisations: " + ", ".join(rec["organisations"]))
        lines.append(f"  status: {rec['status']} as of {rec['status_date'] or '?'}")
        if rec["cases"]:
            lines.append("  cases: " + ", ".join(f"{c['id']} ({c['title']})" for c in rec["cases"]))
    else:
        lines.append(f"{rec['title']} ({rec['id']})")
        facts = [x for x in [rec["place"], rec["court"], f"opened {rec['opened']}" if rec["opened"] else ""] if x]
        if facts:
            lines.append("  " + "; ".join(facts))
        for d in rec["defendants"]:
            lines.append(f"  defendant: {d['name']} ({d['id']}), {d['status']} as of {d['status_date'] or '?'}")
    if rec.get("notes"):
        lines.append(f"  notes: {rec['notes']}")
    lines.append("")
    lines.append("timeline:")
    for x in rec["timeline"]:
        lines.append(f"  {x['date'] or '(undated)':<10}  {x['what']}  [{x['id']}; sources: {', '.join(x['sources'])}]")
    if rec["disputed"]:
        lines.append("")
        lines.append("disputed:")
        for field, values in rec["disputed"].items():
            lines.append(f"  {field}: " + "; ".join(f"{v['value']} ({', '.join(v['sources'])})" for v in values))
    lines.append("")
    lines.append("sources:")
    cited = {sid for x in rec["timeline"] for sid in x["sources"]} | {s["id"] for s in rec["sources"]}
    for s in _sources(ds, sorted(cited)):
        lines.append(f"  {s['id']}: {s['publisher']}, {s['title']} ({s['published'] or 'undated'}) {s['url']}".rstrip())
    return "\n".join(lines) + "\n"


def render_json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
