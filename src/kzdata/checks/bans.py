"""Banned organisations: participation in a banned organisation cannot be charged for acts before the ban."""
from __future__ import annotations

from typing import Iterable

from ..context import Context, earliest_dated
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
            yield ctx.finding("KZ603", ch, "case", f"article {ch.rec['article']} punishes participation in a banned organisation, but case {case.id} names none",
                              related=[(case, "banned_organisation")])
            continue
        org = orgs.get(org_id)
        if org is None:
            continue  # the dangling reference is reported by the key check
        ban = org.date("banned_date")
        if ban is None:
            yield ctx.finding("KZ604", case, "banned_organisation", f"organisation {org_id} has no banned_date",
                              related=[(org, "banned_date")])
            continue
        rel = [(org, "banned_date"), (case, "banned_organisation")]
        af, at = ch.date("acts_from"), ch.date("acts_to")
        if af or at:
            last, first = at or af, af or at
            if last.before(ban):
                yield ctx.finding("KZ601", ch, "acts_to" if at else "acts_from", f"all acts charged ({first} to {last}) are before {org_id} was banned ({ban})",
                                  related=rel)
            elif first.before(ban):
                yield ctx.finding("KZ602", ch, "acts_from", f"acts from {first} are before {org_id} was banned ({ban})", related=rel)
            continue
        verdict = earliest_dated(ctx.verdicts(ch.rec.get("person", ""), ch.rec.get("case", "")))
        for col, d, extra in (("charged_date", ch.date("charged_date"), []),
                              ("case", verdict.date if verdict else None, [(verdict.row, verdict.column)] if verdict else [])):
            if d and d.before(ban):
                what = "charged" if col == "charged_date" else "convicted"
                yield ctx.finding("KZ601", ch, col, f"{what} on {d}, before {org_id} was banned ({ban})", related=rel + extra)
                break


# --- screen ----------------------------------------------------------------------------------------------

NEEDS = {"charges": ("code", "article"), "cases": ("banned_organisation",), "organisations": ("id", "banned_date"),
         "sentences": ("instance",), "events": ("type",)}


def screen_bans(fr):
    """Persons with a charge under a banned-organisation article whose case names no organisation, whose
    organisation has no ban date, or with any date (acts, charge, verdict) ending before the ban."""
    import polars as pl

    from .screening import date_start, persons_where

    c, cases, orgs, ref = fr.charges_with_verdicts, fr.get("cases"), fr.get("organisations"), fr.reference
    if c is None or ref is None or cases is None:
        return None
    banned = ref.filter(pl.col("ban")).select(pl.col("code").cast(pl.Categorical), pl.col("article").cast(pl.Categorical))
    x = c.join(banned, on=["code", "article"], how="inner")
    first_cases = cases.unique("case", keep="first", maintain_order=True).select("case", "banned_organisation")
    x = x.join(first_cases, on="case", how="inner")
    if orgs is not None and "banned_date" in orgs.columns:
        o = orgs.unique("id", keep="first", maintain_order=True).select(
            pl.col("id").cast(pl.Categorical).alias("banned_organisation"), pl.lit(True).alias("org"), date_start("banned_date").alias("ban_s"))
    else:
        o = pl.DataFrame(schema={"banned_organisation": pl.Categorical, "org": pl.Boolean, "ban_s": pl.Int32})
    x = x.join(o, on="banned_organisation", how="left")
    earliest_end = pl.min_horizontal("acts_from__e", "acts_to__e", "charged_date__e", "v_e")
    cond = (pl.col("banned_organisation") == "") | (pl.col("org") & (pl.col("ban_s").is_null() | (earliest_end < pl.col("ban_s"))))
    return persons_where(x, cond)
