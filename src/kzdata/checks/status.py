"""Status: a person's status agrees with their sentences and events."""
from __future__ import annotations

from typing import Iterable

from ..context import Context, Row
from ..dates import DURATION_DIGITS, parse_duration
from ..findings import Finding
from ..vocab import ABSENTIA_STATUS, CUSTODY_EVENTS, HELD_STATUSES, LATER_CUSTODY, PRISON, RELEASE_EVENTS, SUPPORT


def _custody_points(ctx: Context, pid: str) -> list[tuple]:
    """(date, 'in' | 'out', row) for every custody start and end known for a person."""
    points = []
    for e in ctx.person_rows(pid, "events"):
        d, t = e.date("date"), e.rec.get("type")
        if d and t in CUSTODY_EVENTS:
            points.append((d, "in", e))
        elif d and t in RELEASE_EVENTS:
            points.append((d, "out", e))
    for s in ctx.person_rows(pid, "sentences"):
        d = s.date("verdict_date")
        if d and s.rec.get("kind") in PRISON and s.rec.get("in_absentia") != "true":
            points.append((d, "in", s))
    return points


def check_status(ctx: Context) -> Iterable[Finding]:
    for p in ctx.table("persons"):
        status, when = p.rec.get("status", ""), p.date("status_date")
        sentences, events = ctx.person_rows(p.id, "sentences"), ctx.person_rows(p.id, "events")
        if status in HELD_STATUSES and when:
            points = [x for x in _custody_points(ctx, p.id) if not x[0].after(when)]
            if points:
                latest = max(points, key=lambda x: (x[0].start, x[1] == "out"))
                if latest[1] == "out" and all(latest[0].after(x[0]) for x in points if x[1] == "in"):
                    row: Row = latest[2]
                    yield ctx.finding("KZ701", p, "status", f"status is {status} on {when}, but {row.table[:-1]} {row.id} records a release on {latest[0]} after the last custody",
                                      related=[(row, "date" if row.table == "events" else "verdict_date")])
        if status in SUPPORT:
            kinds, types = SUPPORT[status]
            ok = any(s.rec.get("kind") in kinds for s in sentences) or any(e.rec.get("type") in types for e in events)
            if not ok:
                yield ctx.finding("KZ702", p, "status", f"status is {status}, but no sentence or event of {p.id} supports it")
        if status == ABSENTIA_STATUS and not any(s.rec.get("in_absentia") == "true" for s in sentences):
            yield ctx.finding("KZ702", p, "status", f"status is convicted_in_absentia, but no sentence of {p.id} was given in absentia")
        if status == "in_prison" and when:
            yield from _term_over(ctx, p, sentences, events, when)


def _term_over(ctx, p, sentences, events, when) -> Iterable[Finding]:
    prison = [s for s in sentences if s.rec.get("kind") in PRISON and s.date("verdict_date")]
    if not prison or any(s.rec.get("kind") == "life_imprisonment" for s in prison):
        return
    ends = []
    for s in prison:
        dur = parse_duration(s.rec.get("term", ""))
        if dur is None:
            return  # an unknown term could be running still
        ends.append(dur.add_to(s.date("verdict_date").end))
    first_verdict = min(s.date("verdict_date").start for s in prison)
    # only a change after the verdict can explain a longer stay (a detention before the trial cannot)
    later = [e for e in events if e.date("date") and e.date("date").end > first_verdict and e.rec.get("type") in LATER_CUSTODY]
    if max(ends) < when.start and not later:
        yield ctx.finding("KZ703", p, "status_date",
                          f"status is in_prison on {when}, but the longest prison term ends by {max(ends)} even counted from the verdict",
                          related=[(s, "term") for s in prison])


# --- screen ----------------------------------------------------------------------------------------------

NEEDS = {"persons": ("status",), "sentences": ("kind", "in_absentia", "term"), "events": ("type",)}
_DURATION = "^P" + "".join(f"(?:([0-9]{{1,{n}}}){u})?" for u, n in DURATION_DIGITS.items()) + "$"   # as kzdata.dates


def screen_status(fr):
    """Persons whose status the decider may fault: held, with a release after every custody start up to the
    status date (KZ701); a status no sentence or event of theirs could support (KZ702); in prison with every
    term over before the status date, by a lower bound on each term's length (KZ703)."""
    import polars as pl

    pe = fr.get("persons")
    if pe is None:
        return None
    code = fr.code
    ev, se = fr.get("events"), fr.get("sentences")
    ev = ev if ev is not None else pl.DataFrame(schema={"person": code, "type": pl.Categorical, "date__s": pl.Int32, "date__e": pl.Int32})
    se = se if se is not None else pl.DataFrame(schema={"person": code, "kind": pl.Categorical, "in_absentia": pl.Categorical,
                                                        "term": pl.Categorical, "verdict_date__s": pl.Int32, "verdict_date__e": pl.Int32})
    st, when = pl.col("status"), pl.col("status_date__s")
    out = []
    # KZ701: some release not after the status date starts later than the end of every custody start not after it
    held = pe.filter(st.is_in(list(HELD_STATUSES)) & when.is_not_null()).select("person", pl.col("status_date__e").alias("w"))
    outs = ev.filter(pl.col("type").is_in(list(RELEASE_EVENTS))).select("person", pl.col("date__s").alias("s"))
    ins = pl.concat([
        ev.filter(pl.col("type").is_in(list(CUSTODY_EVENTS))).select("person", pl.col("date__s").alias("s"), pl.col("date__e").alias("e")),
        se.filter(pl.col("kind").is_in(list(PRISON)) & (pl.col("in_absentia") != "true")).select(
            "person", pl.col("verdict_date__s").alias("s"), pl.col("verdict_date__e").alias("e"))])
    last_out = held.join(outs, on="person").filter(pl.col("s") <= pl.col("w")).group_by("person").agg(pl.col("s").max().alias("o"))
    last_in = held.join(ins, on="person").filter(pl.col("s") <= pl.col("w")).group_by("person").agg(pl.col("e").max().alias("i"))
    j = last_out.join(last_in, on="person", how="left")
    out.append(j.filter(pl.col("i").is_null() | (pl.col("o") > pl.col("i"))).get_column("person"))
    # KZ702
    for status, (kinds, types) in SUPPORT.items():
        ok = pl.concat([se.filter(pl.col("kind").is_in(list(kinds))).get_column("person"),
                        ev.filter(pl.col("type").is_in(list(types))).get_column("person")])
        out.append(pe.filter((st == status) & ~pl.col("person").is_in(ok.implode())).get_column("person"))
    absentia = se.filter(pl.col("in_absentia") == "true").get_column("person")
    out.append(pe.filter((st == ABSENTIA_STATUS) & ~pl.col("person").is_in(absentia.implode())).get_column("person"))
    # KZ703: a term of Y years, M months, W weeks and D days lasts at least 28*(12Y+M) + 7W + D days (a month has
    # 28 days or more, and clamping to the month's end costs no more than the difference)
    prison = se.filter(pl.col("kind").is_in(list(PRISON)) & pl.col("verdict_date__s").is_not_null())
    g = [pl.col("term").cast(pl.String).str.extract(_DURATION, i).cast(pl.Int64).fill_null(0) for i in (1, 2, 3, 4)]
    prison = prison.with_columns(
        pl.col("term").cast(pl.String).str.contains(_DURATION).alias("parsed"),
        (pl.col("verdict_date__e").cast(pl.Int64) + 28 * (12 * g[0] + g[1]) + 7 * g[2] + g[3]).alias("lb"))
    per = prison.group_by("person").agg(pl.col("parsed").all().alias("parsed"), pl.col("lb").max().alias("lb"))
    j = pe.filter((st == "in_prison") & when.is_not_null()).join(per, on="person", how="inner")
    out.append(j.filter(~pl.col("parsed") | (pl.col("lb") < when)).get_column("person"))
    return pl.concat(out)
