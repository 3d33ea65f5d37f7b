"""Articles: each charge cites an article that exists in the cited Criminal Code, in an edition in force at
the date, not repealed, already added, with that part."""
from __future__ import annotations

import datetime as dt
from typing import Iterable, NamedTuple

from ..context import Context, Row, earliest_dated
from ..dates import PartialDate, parse_partial
from ..findings import Finding
from ..vocab import CODE_1997_START, CODE_2014_START, REPEAL_MARGIN_DAYS


class Judged(NamedTuple):
    """The date an article is judged at, what it is (verdict, charge, acts) and the cell it comes from."""

    date: PartialDate | None
    basis: str
    row: Row | None = None
    column: str = ""


def judged_at(ctx: Context, charge: Row) -> Judged:
    """The first-instance verdict in the charge's case, else the charge date, else the acts."""
    pid, case = charge.rec.get("person", ""), charge.rec.get("case", "")
    verdict = earliest_dated(ctx.verdicts(pid, case))
    if verdict:
        return Judged(verdict.date, "verdict", verdict.row, verdict.column)
    for col, label in (("charged_date", "charge"), ("acts_to", "acts"), ("acts_from", "acts")):
        d = charge.date(col)
        if d:
            return Judged(d, label, charge, col)
    return Judged(None, "")


def relevant_date(ctx: Context, charge: Row) -> tuple[PartialDate | None, str]:
    j = judged_at(ctx, charge)
    return j.date, j.basis


def _parts_at(entry: dict, when: PartialDate | None) -> list[str] | None:
    for period in entry.get("parts", []):
        lo = parse_partial(period["valid_from"]) if period.get("valid_from") else None
        hi = parse_partial(period["valid_to"]) if period.get("valid_to") else None
        if when is None:
            if lo is None and hi is None:
                return period["parts"]
            continue
        if (lo is None or when.start >= lo.start) and (hi is None or when.end <= hi.end):
            return period["parts"]
    return None


def check_articles(ctx: Context) -> Iterable[Finding]:
    if not ctx.pkg.reference:
        return
    for ch in ctx.table("charges"):
        code, art = ch.rec.get("code", ""), ch.rec.get("article", "")
        book = ctx.articles.get(code)
        if book is None or not art:
            continue  # an invalid edition is reported by the schema check
        entry = book["articles"].get(art)
        edition = book["edition"]
        if entry is None:
            note = edition.get("coverage_note", "")
            yield ctx.finding("KZ301", ch, "article", f"article {art} does not exist in the {code} Criminal Code. {note}".strip())
            continue
        judged = judged_at(ctx, ch)
        when, basis = judged.date, judged.basis
        rel = [(judged.row, judged.column)] if judged.row is not None and judged.row is not ch else []
        title = entry.get("title_ru") or "repealed"
        if when is not None:
            acts = ch.date("acts_to") or ch.date("acts_from")
            if code == "2014" and when.end < CODE_2014_START:
                yield ctx.finding("KZ302", ch, "code", f"the 2014 Code came into force on 2015-01-01, but the {basis} is dated {when}",
                                  "Acts before 2015 were tried under the 1997 Code: use code 1997 and its article number.", related=rel)
            elif code == "1997" and when.end < CODE_1997_START:
                yield ctx.finding("KZ302", ch, "code", f"the 1997 Code came into force on 1998-01-01, but the {basis} is dated {when}", related=rel)
            elif code == "1997" and when.start >= CODE_2014_START:
                if acts is not None and acts.start >= CODE_2014_START:
                    yield ctx.finding("KZ302", ch, "code", f"the acts ({acts}) and the {basis} ({when}) are after the 1997 Code was replaced on 2015-01-01",
                                      "Use code 2014 and its article number.", related=rel)
                else:
                    yield ctx.finding("KZ303", ch, "code", f"charge under the 1997 Code with a {basis} dated {when}, after the 2014 Code came into force", related=rel)
            elif code == "2014" and acts is not None and acts.end < CODE_2014_START:
                yield ctx.finding("KZ303", ch, "code", f"acts dated {acts}, before 2015, charged under the 2014 Code ({basis} {when})", related=rel)
            rep = entry.get("repealed")
            if rep:
                nb = dt.date.fromisoformat(rep["in_force_not_before"])
                if when.start > nb + dt.timedelta(days=REPEAL_MARGIN_DAYS):
                    yield ctx.finding("KZ304", ch, "article", f"article {art} of the {code} Code was repealed by Law No. {rep['law']} of {rep['law_date']}, before the {basis} ({when})", related=rel)
                elif when.end >= nb:
                    yield ctx.finding("KZ305", ch, "article", f"article {art} of the {code} Code was repealed by Law No. {rep['law']} of {rep['law_date']}, in force from {nb} at the earliest; the {basis} is dated {when}", related=rel)
            added = entry.get("added")
            if added and added.get("in_force_not_before"):   # the adding law is known
                nb = dt.date.fromisoformat(added["in_force_not_before"])
                law = f"was added by Law No. {added['law']} of {added['law_date']}, in force from {nb} at the earliest"
                if when.end < nb:
                    yield ctx.finding("KZ306", ch, "article", f"article {art} of the {code} Code {law}, yet the {basis} is dated {when}", related=rel)
                elif when.start < nb + dt.timedelta(days=REPEAL_MARGIN_DAYS):
                    yield ctx.finding("KZ307", ch, "article", f"article {art} of the {code} Code {law}; the {basis} ({when}) falls in the weeks after", related=rel)
            elif added:
                absent = dt.date.fromisoformat(added["absent_in_edition"])
                seen = dt.date.fromisoformat(added["first_seen_in_edition"])
                if when.end <= absent:
                    yield ctx.finding("KZ306", ch, "article", f"article {art} of the {code} Code is not in the edition of {absent}, yet the {basis} is dated {when}", related=rel)
                elif when.start < seen:
                    yield ctx.finding("KZ307", ch, "article", f"article {art} of the {code} Code first appears in the edition of {seen}; the {basis} ({when}) is before that", related=rel)
        part = ch.rec.get("part", "")
        if part:
            parts = _parts_at(entry, when)
            if parts is not None and part not in parts:
                have = ", ".join(parts) if parts else "no numbered parts"
                yield ctx.finding("KZ308", ch, "part", f"article {art} ({title}) of the {code} Code has {have}, not part {part}",
                                  "Check the part against the source; leave it empty when the source does not give it.", related=rel)


# --- screen ----------------------------------------------------------------------------------------------

NEEDS = {"charges": ("code", "article", "part"), "sentences": ("instance",), "events": ("type",)}


def reference_frame(reference: dict | None):
    """One row per (code, article) of the reference, with what check_articles and check_bans compare."""
    import polars as pl

    from .screening import day

    if not reference:
        return None
    rows = []
    for ed in reference.get("editions", []):
        for a in ed.get("articles", []):
            rep, add = a.get("repealed") or {}, a.get("added") or {}
            periods = a.get("parts") or []
            simple = len(periods) == 1 and not periods[0].get("valid_from") and not periods[0].get("valid_to")
            rows.append({"code": ed.get("code"), "article": a.get("article"),
                         "rep_nb": day(rep["in_force_not_before"]) if rep else None,
                         "add_nb": day(add["in_force_not_before"]) if add.get("in_force_not_before") else None,
                         "absent": day(add["absent_in_edition"]) if add else None,
                         "seen": day(add["first_seen_in_edition"]) if add else None,
                         "parts": list(periods[0]["parts"]) if simple else [],
                         "mode": "none" if not periods else "simple" if simple else "complex",
                         "ban": bool(a.get("banned_organisation"))})
    return pl.DataFrame(rows, schema={"code": pl.String, "article": pl.String, "rep_nb": pl.Int32, "add_nb": pl.Int32, "absent": pl.Int32,
                                      "seen": pl.Int32, "parts": pl.List(pl.String), "mode": pl.String, "ban": pl.Boolean})


def screen_articles(fr):
    """Persons with a charge that may break an article rule: an article not in the reference, a judging date
    outside its edition, after a repeal or before an addition, or a part not in a simple part list."""
    import polars as pl

    from .screening import day, persons_where

    c, ref = fr.charges_with_verdicts, fr.reference
    if c is None or ref is None:
        return None
    codes = ref.get_column("code").unique().cast(pl.Categorical)
    ref = ref.with_columns(pl.col("code").cast(pl.Categorical), pl.col("article").cast(pl.Categorical))
    x = c.filter(pl.col("code").is_in(codes.implode()) & (pl.col("article") != "")).join(ref, on=["code", "article"], how="left")
    # the date the article is judged at: the verdict, else the charge, else the acts (judged_at)
    pick = [("v_s", "v_e"), ("charged_date__s", "charged_date__e"), ("acts_to__s", "acts_to__e"), ("acts_from__s", "acts_from__e")]
    ws = pl.coalesce([pl.col(a) for a, _ in pick])
    we = pl.when(pl.col("v_s").is_not_null()).then(pl.col("v_e")).when(pl.col("charged_date__s").is_not_null()).then(
        pl.col("charged_date__e")).when(pl.col("acts_to__s").is_not_null()).then(pl.col("acts_to__e")).otherwise(pl.col("acts_from__e"))
    acts_e = pl.when(pl.col("acts_to__s").is_not_null()).then(pl.col("acts_to__e")).otherwise(pl.col("acts_from__e"))
    y2015, y1998 = day(CODE_2014_START), day(CODE_1997_START)
    code = pl.col("code")
    cond = (pl.col("mode").is_null()                                                      # KZ301
            | ((code == "2014") & ((we < y2015) | (acts_e < y2015)))                      # KZ302, KZ303
            | ((code == "1997") & ((we < y1998) | (ws >= y2015)))
            | (ws > pl.col("rep_nb") + REPEAL_MARGIN_DAYS) | (we >= pl.col("rep_nb"))      # KZ304, KZ305
            | (we <= pl.col("absent")) | (ws < pl.col("seen"))                             # KZ306, KZ307
            | (ws < pl.col("add_nb") + REPEAL_MARGIN_DAYS)
            | ((pl.col("part") != "") & ((pl.col("mode") == "complex")                     # KZ308
                                         | ((pl.col("mode") == "simple") & ~pl.col("parts").list.contains(pl.col("part").cast(pl.String))))))
    return persons_where(x, cond)
