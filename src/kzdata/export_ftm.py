"""The FollowTheMoney export: entities that Aleph and OpenSanctions tooling can ingest.

Person, Organization, CourtCase, CourtCaseParty (a person's part in a case: charges and punishments in its
description) and Membership (a person's affiliation). Every entity carries the addresses and publishers
of the sources its row cites. Ids are `kzdata-<table>-<id>`, stable across releases like the rows' ids.
"""
from __future__ import annotations

from typing import Iterator


def _items(value: str) -> list[str]:
    return [x for x in value.split(";") if x] if value else []


def _entity(schema: str, eid: str, **props: list[str] | str) -> dict:
    clean = {}
    for key, values in props.items():
        values = [values] if isinstance(values, str) else values
        values = [v for v in dict.fromkeys(values) if v]
        if values:
            clean[key] = values
    return {"id": eid, "schema": schema, "properties": clean}


def entities(tables: dict[str, tuple[list[str], list[dict]]]) -> Iterator[dict]:
    rows = {name: rs for name, (_, rs) in tables.items()}
    sources = {s["id"]: s for s in rows["sources"]}

    def cited(r: dict) -> dict[str, list[str]]:
        srcs = [sources[i] for i in _items(r.get("sources", "")) if i in sources]
        return {"sourceUrl": [s.get("url", "") for s in srcs], "publisher": [s.get("publisher", "") for s in srcs]}

    for o in rows["organisations"]:
        yield _entity("Organization", f"kzdata-organisation-{o['id']}", name=o["name"], alias=_items(o.get("aliases", "")),
                      notes=o.get("notes", ""), dissolutionDate=o.get("banned_date", ""), country="kz", **cited(o))
    for p in rows["persons"]:
        yield _entity("Person", f"kzdata-person-{p['id']}", name=p["name"],
                      alias=[*_items(p.get("aliases", "")), p.get("name_cyrillic", "")], gender=p.get("sex", ""),
                      birthDate=p.get("birth_year", ""), notes=p.get("notes", ""), country="kz",
                      description=f"status: {p['status']} as of {p['status_date']}" if p.get("status") else "", **cited(p))
        for org in _items(p.get("affiliations", "")):
            yield _entity("Membership", f"kzdata-membership-{p['id']}-{org}", member=f"kzdata-person-{p['id']}",
                          organization=f"kzdata-organisation-{org}", role="affiliated", **cited(p))
    parts: dict[tuple[str, str], list[str]] = {}
    part_sources: dict[tuple[str, str], list[dict]] = {}
    for c in rows["charges"]:
        key = (c["case"], c["person"])
        part = f" part {c['part']}" if c.get("part") else ""
        parts.setdefault(key, []).append(f"charged under the {c['code']} Criminal Code, article {c['article']}{part} ({c.get('outcome') or 'outcome not stated'})")
        part_sources.setdefault(key, []).append(c)
    for s in rows["sentences"]:
        key = (s["case"], s["person"])
        what = " ".join(x for x in (s["kind"].replace("_", " "), s.get("term", ""), s.get("amount", ""), s.get("currency", "")) if x)
        parts.setdefault(key, []).append(f"sentenced{' on ' + s['verdict_date'] if s.get('verdict_date') else ''}"
                                         f"{' in absentia' if s.get('in_absentia') == 'true' else ''}: {what}")
        part_sources.setdefault(key, []).append(s)
    for k in rows["cases"]:
        yield _entity("CourtCase", f"kzdata-case-{k['id']}", name=k["title"], court=k.get("court", ""),
                      fileDate=k.get("opened", ""), summary=k.get("summary", ""), notes=k.get("notes", ""), country="kz",
                      **cited(k))
    for (case, person), lines in sorted(parts.items()):
        merged = {"sourceUrl": [], "publisher": []}
        for r in part_sources[(case, person)]:
            for key, values in cited(r).items():
                merged[key] += values
        yield _entity("CourtCaseParty", f"kzdata-party-{case}-{person}", case=f"kzdata-case-{case}",
                      party=f"kzdata-person-{person}", role="defendant", description="; ".join(lines), **merged)
