"""Check 4: dates within a person's case are in a possible order; none in the future or before age 14."""
from __future__ import annotations

import datetime as dt
from typing import Iterable

from ..context import Context, Row, earliest
from ..dates import PartialDate
from ..findings import Finding

# Every column that dates a fact, per table.
DATE_COLUMNS = {
    "persons": ["status_date"],
    "organisations": ["banned_date"],
    "cases": ["opened"],
    "charges": ["charged_date", "acts_from", "acts_to"],
    "sentences": ["verdict_date"],
    "events": ["date"],
    "sources": ["published", "accessed"],
}
PRE_VERDICT = {"detained", "pre_trial_detention", "house_arrest", "charged", "case_opened", "case_sent_to_court"}
REVIEWS = {"appeal_rejected", "appeal_granted", "cassation_rejected", "cassation_granted"}
POST_CONVICTION = {"parole_granted", "parole_denied", "pardoned", "amnesty", "sentence_replaced", "sentence_resumed"}
CUSTODY = {"detained", "pre_trial_detention", "house_arrest"}
RELEASES = {"released", "released_from_custody"}
AGE_OF_RESPONSIBILITY = 14


def check_future(ctx: Context) -> Iterable[Finding]:
    for table, cols in DATE_COLUMNS.items():
        for row in ctx.table(table):
            for col in cols:
                d = row.date(col)
                if d and d.start > ctx.today:
                    yield ctx.finding("KZ401", row, col, f"{col} {d} is after today ({ctx.today})")


def check_age(ctx: Context) -> Iterable[Finding]:
    for person in ctx.table("persons"):
        by = person.rec.get("birth_year", "")
        if not by.isdigit():
            continue
        limit = dt.date(int(by) + AGE_OF_RESPONSIBILITY, 1, 1) if int(by) + AGE_OF_RESPONSIBILITY <= 9999 else dt.date.max
        for table in ("charges", "sentences", "events"):
            for row in ctx.person_rows(person.id, table):
                for col in DATE_COLUMNS[table]:
                    d = row.date(col)
                    if d and d.end < limit:
                        yield ctx.finding("KZ402", row, col, f"{col} {d} is before {person.id} (born {by}) turned {AGE_OF_RESPONSIBILITY}")


def _first_verdicts(ctx: Context, pid: str) -> dict[str, PartialDate]:
    cases = {r.rec.get("case", "") for t in ("sentences", "events") for r in ctx.person_rows(pid, t)}
    out = {}
    for case in cases:
        if case:
            v = earliest(ctx.verdict_dates(pid, case))
            if v:
                out[case] = v
    return out


def check_order(ctx: Context) -> Iterable[Finding]:
    for person in ctx.table("persons"):
        pid = person.id
        verdicts = _first_verdicts(ctx, pid)
        first_conviction = earliest(ctx.verdict_dates(pid, convictions_only=True) + [
            d for s in ctx.person_rows(pid, "sentences") if (d := s.date("verdict_date"))])
        custody = [d for e in ctx.person_rows(pid, "events") if e.rec.get("type") in CUSTODY and (d := e.date("date"))]
        custody += [d for s in ctx.person_rows(pid, "sentences")
                    if s.rec.get("kind") in ("imprisonment", "life_imprisonment") and (d := s.date("verdict_date"))]
        first_custody = earliest(custody)
        for e in ctx.person_rows(pid, "events"):
            d, etype, case = e.date("date"), e.rec.get("type", ""), e.rec.get("case", "")
            if d is None:
                continue
            v = verdicts.get(case)
            if v and etype in PRE_VERDICT and d.after(v):
                yield ctx.finding("KZ403", e, "date", f"{etype} on {d} is after the first-instance verdict of {v} in case {case}")
            if v and etype in REVIEWS and d.before(v):
                yield ctx.finding("KZ404", e, "date", f"{etype} on {d} is before the first-instance verdict of {v} in case {case}")
            if etype in POST_CONVICTION:
                ref = v or first_conviction
                if ref and d.before(ref):
                    yield ctx.finding("KZ405", e, "date", f"{etype} on {d} is before the verdict of {ref}")
            if etype == "listed" and first_conviction and d.before(first_conviction):
                yield ctx.finding("KZ406", e, "date", f"listed on {d}, before the first conviction on {first_conviction}")
            if etype in RELEASES and first_custody and d.before(first_custody):
                yield ctx.finding("KZ407", e, "date", f"{etype} on {d} is before the first detention or prison sentence on {first_custody}")
        for s in ctx.person_rows(pid, "sentences"):
            d, case = s.date("verdict_date"), s.rec.get("case", "")
            v = verdicts.get(case)
            if d and v and s.rec.get("instance") in ("appeal", "cassation", "supervisory", "retrial") and d.before(v):
                yield ctx.finding("KZ404", s, "verdict_date", f"{s.rec.get('instance')} verdict on {d} is before the first-instance verdict of {v}")
        for ch in ctx.person_rows(pid, "charges"):
            yield from _charge_order(ctx, ch, verdicts.get(ch.rec.get("case", "")))


def _charge_order(ctx: Context, ch: Row, verdict: PartialDate | None) -> Iterable[Finding]:
    af, at, cd = ch.date("acts_from"), ch.date("acts_to"), ch.date("charged_date")
    if af and at and af.after(at):
        yield ctx.finding("KZ409", ch, "acts_to", f"acts_to {at} is before acts_from {af}")
    if cd and verdict and cd.after(verdict):
        yield ctx.finding("KZ403", ch, "charged_date", f"charged on {cd}, after the first-instance verdict of {verdict}")
    first_act = af or at
    if first_act:
        if cd and first_act.after(cd):
            yield ctx.finding("KZ408", ch, "acts_from" if af else "acts_to", f"acts dated {first_act} are after the charge on {cd}")
        if verdict and first_act.after(verdict):
            yield ctx.finding("KZ408", ch, "acts_from" if af else "acts_to", f"acts dated {first_act} are after the first-instance verdict of {verdict}")
        elif verdict and af and at and at.after(verdict):
            # the acts may start before the verdict, but a verdict cannot judge acts that had not yet ended
            yield ctx.finding("KZ408", ch, "acts_to", f"acts running to {at} end after the first-instance verdict of {verdict}")
