"""Check 3: each charge cites an article that exists, in an edition in force, not repealed, with that part."""
from __future__ import annotations

import datetime as dt
from typing import Iterable

from ..context import Context, Row, earliest
from ..dates import PartialDate, parse_partial
from ..findings import Finding

CODE_2014_START = dt.date(2015, 1, 1)
CODE_1997_START = dt.date(1998, 1, 1)
# The repealing law's entry into force is only known not to precede this date; beyond this many days
# after it, the repeal is taken as certainly in force (laws are published within days of signing).
REPEAL_MARGIN_DAYS = 30


def relevant_date(ctx: Context, charge: Row) -> tuple[PartialDate | None, str]:
    """The date an article is judged at: the first-instance verdict, else the charge, else the acts."""
    pid, case = charge.rec.get("person", ""), charge.rec.get("case", "")
    verdict = earliest(ctx.verdict_dates(pid, case))
    if verdict:
        return verdict, "verdict"
    for col, label in (("charged_date", "charge"), ("acts_to", "acts"), ("acts_from", "acts")):
        d = charge.date(col)
        if d:
            return d, label
    return None, ""


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
        when, basis = relevant_date(ctx, ch)
        title = entry.get("title_ru") or "repealed"
        if when is not None:
            acts = ch.date("acts_to") or ch.date("acts_from")
            if code == "2014" and when.end < CODE_2014_START:
                yield ctx.finding("KZ302", ch, "code", f"the 2014 Code came into force on 2015-01-01, but the {basis} is dated {when}",
                                  "Acts before 2015 were tried under the 1997 Code: use code 1997 and its article number.")
            elif code == "1997" and when.end < CODE_1997_START:
                yield ctx.finding("KZ302", ch, "code", f"the 1997 Code came into force on 1998-01-01, but the {basis} is dated {when}")
            elif code == "1997" and when.start >= CODE_2014_START:
                if acts is not None and acts.start >= CODE_2014_START:
                    yield ctx.finding("KZ302", ch, "code", f"the acts ({acts}) and the {basis} ({when}) are after the 1997 Code was replaced on 2015-01-01",
                                      "Use code 2014 and its article number.")
                else:
                    yield ctx.finding("KZ303", ch, "code", f"charge under the 1997 Code with a {basis} dated {when}, after the 2014 Code came into force")
            elif code == "2014" and acts is not None and acts.end < CODE_2014_START:
                yield ctx.finding("KZ303", ch, "code", f"acts dated {acts}, before 2015, charged under the 2014 Code ({basis} {when})")
            rep = entry.get("repealed")
            if rep:
                nb = dt.date.fromisoformat(rep["in_force_not_before"])
                if when.start > nb + dt.timedelta(days=REPEAL_MARGIN_DAYS):
                    yield ctx.finding("KZ304", ch, "article", f"article {art} of the {code} Code was repealed by Law No. {rep['law']} of {rep['law_date']}, before the {basis} ({when})")
                elif when.end >= nb:
                    yield ctx.finding("KZ305", ch, "article", f"article {art} of the {code} Code was repealed by Law No. {rep['law']} of {rep['law_date']}, in force from {nb} at the earliest; the {basis} is dated {when}")
            added = entry.get("added")
            if added:
                absent = dt.date.fromisoformat(added["absent_in_edition"])
                seen = dt.date.fromisoformat(added["first_seen_in_edition"])
                if when.end <= absent:
                    yield ctx.finding("KZ306", ch, "article", f"article {art} of the {code} Code is not in the edition of {absent}, yet the {basis} is dated {when}")
                elif when.start < seen:
                    yield ctx.finding("KZ307", ch, "article", f"article {art} of the {code} Code first appears in the edition of {seen}; the {basis} ({when}) is before that")
        part = ch.rec.get("part", "")
        if part:
            parts = _parts_at(entry, when)
            if parts is not None and part not in parts:
                have = ", ".join(parts) if parts else "no numbered parts"
                yield ctx.finding("KZ308", ch, "part", f"article {art} ({title}) of the {code} Code has {have}, not part {part}",
                                  "Check the part against the source; leave it empty when the source does not give it.")
