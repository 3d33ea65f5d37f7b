"""Check 6: participation in a banned organisation cannot be charged for acts before the ban."""
from __future__ import annotations

from typing import Iterable

from ..context import Context, earliest
from ..findings import Finding


def check_bans(ctx: Context) -> Iterable[Finding]:
    if not ctx.pkg.reference:
        return
    cases, orgs = ctx.by_id.get("cases", {}), ctx.by_id.get("organisations", {})
    for ch in ctx.table("charges"):
        entry = ctx.articles.get(ch.rec.get("code", ""), {}).get("articles", {}).get(ch.rec.get("article", ""))
        if not entry or not entry.get("banned_organisation"):
            continue
        case = cases.get(ch.rec.get("case", ""))
        if case is None:
            continue
        org_id = case.rec.get("banned_organisation", "")
        if not org_id:
            yield ctx.finding("KZ603", ch, "case", f"article {ch.rec['article']} punishes participation in a banned organisation, but case {case.id} names none")
            continue
        org = orgs.get(org_id)
        if org is None:
            continue  # the dangling reference is reported by the key check
        ban = org.date("banned_date")
        if ban is None:
            yield ctx.finding("KZ604", case, "banned_organisation", f"organisation {org_id} has no banned_date")
            continue
        af, at = ch.date("acts_from"), ch.date("acts_to")
        if af or at:
            last, first = at or af, af or at
            if last.before(ban):
                yield ctx.finding("KZ601", ch, "acts_to" if at else "acts_from", f"all acts charged ({first} to {last}) are before {org_id} was banned ({ban})")
            elif first.before(ban):
                yield ctx.finding("KZ602", ch, "acts_from", f"acts from {first} are before {org_id} was banned ({ban})")
            continue
        for col, d in (("charged_date", ch.date("charged_date")),
                       ("case", earliest(ctx.verdict_dates(ch.rec.get("person", ""), ch.rec.get("case", ""))))):
            if d and d.before(ban):
                what = "charged" if col == "charged_date" else "convicted"
                yield ctx.finding("KZ601", ch, col, f"{what} on {d}, before {org_id} was banned ({ban})")
                break
