"""Dates: none in the future (future); nothing before the person could be criminally responsible (age); the
dates within a person's case in a possible order (order)."""
from __future__ import annotations

import datetime as dt
from typing import Iterable

from ..context import Context, Dated, Row, earliest_dated
from ..findings import Finding
from ..vocab import (AGE_OF_RESPONSIBILITY, CUSTODY, DATE_COLUMNS, DIED, LISTED, ONLY_WHILE_ALIVE, PERSON_TABLES, POST_CONVICTION,
                     PRE_VERDICT, PRISON, RELEASES, REVIEW_INSTANCES, REVIEWS)


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
        if not (by.isascii() and by.isdigit() and len(by) <= 4):
            continue   # not a year (the value check reports it)
        limit = dt.date(max(1, int(by) + AGE_OF_RESPONSIBILITY), 1, 1) if int(by) + AGE_OF_RESPONSIBILITY <= 9999 else dt.date.max
        for table in PERSON_TABLES:
            for row in ctx.person_rows(person.id, table):
                for col in DATE_COLUMNS[table]:
                    d = row.date(col)
                    if d and d.end < limit:
                        yield ctx.finding("KZ402", row, col, f"{col} {d} is before {person.id} (born {by}) turned {AGE_OF_RESPONSIBILITY}",
                                          related=[(person, "birth_year")])


def _first_verdicts(ctx: Context, pid: str) -> dict[str, Dated]:
    cases = {r.rec.get("case", "") for t in ("sentences", "events") for r in ctx.person_rows(pid, t)}
    out = {}
    for case in cases:
        if case:
            v = earliest_dated(ctx.verdicts(pid, case))
            if v:
                out[case] = v
    return out


def check_order(ctx: Context) -> Iterable[Finding]:
    for person in ctx.table("persons"):
        pid = person.id
        verdicts = _first_verdicts(ctx, pid)
        first_conviction = earliest_dated(ctx.verdicts(pid, convictions_only=True) + [
            Dated(d, s, "verdict_date") for s in ctx.person_rows(pid, "sentences") if (d := s.date("verdict_date"))])
        custody = [Dated(d, e, "date") for e in ctx.person_rows(pid, "events") if e.rec.get("type") in CUSTODY and (d := e.date("date"))]
        custody += [Dated(d, s, "verdict_date") for s in ctx.person_rows(pid, "sentences")
                    if s.rec.get("kind") in PRISON and (d := s.date("verdict_date"))]
        first_custody = earliest_dated(custody)
        for e in ctx.person_rows(pid, "events"):
            d, etype, case = e.date("date"), e.rec.get("type", ""), e.rec.get("case", "")
            if d is None:
                continue
            v = verdicts.get(case)
            if v and etype in PRE_VERDICT and d.after(v.date):
                yield ctx.finding("KZ403", e, "date", f"{etype} on {d} is after the first-instance verdict of {v.date} in case {case}",
                                  related=[(v.row, v.column)])
            if v and etype in REVIEWS and d.before(v.date):
                yield ctx.finding("KZ404", e, "date", f"{etype} on {d} is before the first-instance verdict of {v.date} in case {case}",
                                  related=[(v.row, v.column)])
            if etype in POST_CONVICTION:
                ref = v or first_conviction
                if ref and d.before(ref.date):
                    yield ctx.finding("KZ405", e, "date", f"{etype} on {d} is before the verdict of {ref.date}", related=[(ref.row, ref.column)])
            if etype == LISTED and first_conviction and d.before(first_conviction.date):
                yield ctx.finding("KZ406", e, "date", f"listed on {d}, before the first conviction on {first_conviction.date}",
                                  related=[(first_conviction.row, first_conviction.column)])
            if etype in RELEASES and first_custody and d.before(first_custody.date):
                yield ctx.finding("KZ407", e, "date", f"{etype} on {d} is before the first detention or prison sentence on {first_custody.date}",
                                  related=[(first_custody.row, first_custody.column)])
        for s in ctx.person_rows(pid, "sentences"):
            d, case = s.date("verdict_date"), s.rec.get("case", "")
            v = verdicts.get(case)
            if d and v and s.rec.get("instance") in REVIEW_INSTANCES and d.before(v.date):
                yield ctx.finding("KZ404", s, "verdict_date", f"{s.rec.get('instance')} verdict on {d} is before the first-instance verdict of {v.date}",
                                  related=[(v.row, v.column)])
        for ch in ctx.person_rows(pid, "charges"):
            yield from _charge_order(ctx, ch, verdicts.get(ch.rec.get("case", "")))


def _charge_order(ctx: Context, ch: Row, verdict: Dated | None) -> Iterable[Finding]:
    af, at, cd = ch.date("acts_from"), ch.date("acts_to"), ch.date("charged_date")
    rel = [(verdict.row, verdict.column)] if verdict else []
    if af and at and af.after(at):
        yield ctx.finding("KZ409", ch, "acts_to", f"acts_to {at} is before acts_from {af}")
    if cd and verdict and cd.after(verdict.date):
        yield ctx.finding("KZ403", ch, "charged_date", f"charged on {cd}, after the first-instance verdict of {verdict.date}", related=rel)
    first_act = af or at
    if first_act:
        if cd and first_act.after(cd):
            yield ctx.finding("KZ408", ch, "acts_from" if af else "acts_to", f"acts dated {first_act} are after the charge on {cd}")
        if verdict and first_act.after(verdict.date):
            yield ctx.finding("KZ408", ch, "acts_from" if af else "acts_to", f"acts dated {first_act} are after the first-instance verdict of {verdict.date}",
                              related=rel)
        elif verdict and af and at and at.after(verdict.date):
            # the acts may start before the verdict, but a verdict cannot judge acts that had not yet ended
            yield ctx.finding("KZ408", ch, "acts_to", f"acts running to {at} end after the first-instance verdict of {verdict.date}", related=rel)


def check_death(ctx: Context) -> Iterable[Finding]:
    """Nothing that only a living person undergoes (detention, release, transfer, parole, ill-treatment…) is
    dated after the person's death."""
    for person in ctx.table("persons"):
        deaths = [Dated(d, e, "date") for e in ctx.person_rows(person.id, "events") if e.rec.get("type") == DIED and (d := e.date("date"))]
        death = earliest_dated(deaths)
        if death is None:
            continue
        for e in ctx.person_rows(person.id, "events"):
            d, etype = e.date("date"), e.rec.get("type", "")
            if d and etype in ONLY_WHILE_ALIVE and d.after(death.date):
                yield ctx.finding("KZ410", e, "date", f"{etype} on {d} is after {person.id} died ({death.date})",
                                  related=[(death.row, death.column)])


# --- screens ---------------------------------------------------------------------------------------------


DEATH_NEEDS = {"events": ("type",)}


def screen_death(fr):
    """Persons with an event that only the living undergo dated after the start of a death event."""
    import polars as pl

    from .screening import persons_where

    ev = fr.get("events")
    if ev is None:
        return None
    deaths = ev.filter((pl.col("type") == DIED) & pl.col("date__s").is_not_null()).group_by("person").agg(pl.col("date__s").min().alias("died"))
    return persons_where(ev.join(deaths, on="person"), pl.col("type").is_in(list(ONLY_WHILE_ALIVE)) & (pl.col("date__s") > pl.col("died")))

def screen_future(env, table: str):
    """Rows with a date whose year is this year or later (a date can start after today only then)."""
    import polars as pl

    from .screening import NOTHING, Flags

    cols = [c for c in DATE_COLUMNS.get(table, []) if c in env.header(table)]
    if not cols:
        return NOTHING
    return Flags("future", [pl.col(c).str.slice(0, 4) >= f"{env.today.year:04d}" for c in cols])


AGE_NEEDS = {"persons": ("birth_year",)}


def screen_age(fr):
    """Persons with a date whose year is below birth year + 14, or a birth year the screen cannot read."""
    import polars as pl

    pe = fr.get("persons")
    if pe is None:
        return None
    by = pl.col("birth_year").cast(pl.String)
    out = [pe.filter((by != "") & ~by.str.contains(r"^[0-9]{1,4}$")).get_column("person")]
    persons = pe.filter(by.str.contains(r"^[0-9]{1,4}$") & pl.col("person").is_not_null()).select(
        "person", (by.cast(pl.Int32) + AGE_OF_RESPONSIBILITY).alias("limit"))
    for name in PERSON_TABLES:
        df = fr.get(name)
        if df is None:
            continue
        ends = [pl.col(f"{c}__e") for c in DATE_COLUMNS[name]]
        j = df.select("person", *[f"{c}__e" for c in DATE_COLUMNS[name]]).join(persons, on="person", how="inner")
        cond = pl.any_horizontal([e.cast(pl.Date).dt.year() < pl.col("limit") for e in ends]).fill_null(False)
        out.append(j.filter(cond).get_column("person"))
    return pl.concat(out)


ORDER_NEEDS = {"sentences": ("instance", "kind"), "events": ("type",)}


def screen_order(fr):
    """Persons with an event, later verdict or charge whose date is out of order against the verdict of its
    case, the first conviction or the first custody, by the comparisons of check_order on day ranges."""
    import polars as pl

    from .screening import persons_where

    out = []
    v = fr.verdicts
    ev, se, ch = fr.get("events"), fr.get("sentences"), fr.charges_with_verdicts
    if ev is not None:
        e = ev.join(v, on=["person", "case"], how="left").join(fr.first_conviction, on="person", how="left").join(
            fr.first_custody, on="person", how="left")
        t, ds, de = pl.col("type"), pl.col("date__s"), pl.col("date__e")
        ref_s = pl.when(pl.col("v_s").is_not_null()).then(pl.col("v_s")).otherwise(pl.col("fc_s"))
        out.append(persons_where(e, (t.is_in(list(PRE_VERDICT)) & (ds > pl.col("v_e")))
                                 | (t.is_in(list(REVIEWS)) & (de < pl.col("v_s")))
                                 | (t.is_in(list(POST_CONVICTION)) & (de < ref_s))
                                 | ((t == LISTED) & (de < pl.col("fc_s")))
                                 | (t.is_in(list(RELEASES)) & (de < pl.col("cu_s")))))
    if se is not None:
        s = se.join(v, on=["person", "case"], how="left")
        out.append(persons_where(s, pl.col("instance").is_in(list(REVIEW_INSTANCES)) & (pl.col("verdict_date__e") < pl.col("v_s"))))
    if ch is not None:
        af_s, at_s, at_e = (pl.col(x) for x in ("acts_from__s", "acts_to__s", "acts_to__e"))
        cd_s, cd_e = pl.col("charged_date__s"), pl.col("charged_date__e")
        fa_s = pl.when(af_s.is_not_null()).then(af_s).otherwise(at_s)
        out.append(persons_where(ch, (af_s > at_e) | (cd_s > pl.col("v_e")) | (fa_s > cd_e) | (fa_s > pl.col("v_e"))
                                 | (at_s > pl.col("v_e"))))
    return pl.concat(out) if out else None
