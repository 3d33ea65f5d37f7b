"""Check 7: a person's status agrees with their sentences and events."""
from __future__ import annotations

from typing import Iterable

from ..context import Context, Row
from ..dates import parse_duration
from ..findings import Finding

PRISON = {"imprisonment", "life_imprisonment"}
CUSTODY_EVENTS = {"detained", "pre_trial_detention", "house_arrest", "sentence_resumed"}
# Events that end custody. A parole or pardon decision is not itself a release (a parole grant can be
# overturned on appeal before the prisoner walks out): the release is its own event.
RELEASE_EVENTS = {"released", "released_from_custody", "acquitted"}
# What supports each status: sentence kinds, event types, or a predicate.
SUPPORT = {
    "in_prison": ({"imprisonment", "life_imprisonment"}, {"detained", "pre_trial_detention", "sentence_resumed", "extradited"}),
    "pre_trial_detention": (set(), {"detained", "pre_trial_detention", "extradited"}),
    "house_arrest": (set(), {"house_arrest"}),
    # a court can replace the rest of a prison term with restriction of freedom (an event, not a new verdict)
    "restricted_freedom": ({"restriction_of_freedom"}, {"sentence_replaced"}),
    "non_custodial_sentence": ({"fine", "activity_ban", "compulsory_labour", "community_service", "confiscation",
                                "victims_fund_payment"}, set()),
    "suspended_sentence": ({"suspended_imprisonment"}, set()),
    "under_investigation": (set(), {"charged", "case_opened", "detained", "pre_trial_detention", "house_arrest", "wanted_notice", "extradition_requested"}),
    "released": (set(), {"released", "released_from_custody", "acquitted", "pardoned", "parole_granted", "amnesty", "case_closed"}),
    "compulsory_psychiatric_treatment": ({"compulsory_psychiatric_treatment"}, {"compulsory_treatment_ordered", "compulsory_treatment_extended"}),
    "deceased": (set(), {"died"}),
}


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
        if status in ("in_prison", "pre_trial_detention", "house_arrest") and when:
            points = [x for x in _custody_points(ctx, p.id) if not x[0].after(when)]
            if points:
                latest = max(points, key=lambda x: (x[0].start, x[1] == "out"))
                if latest[1] == "out" and all(latest[0].after(x[0]) for x in points if x[1] == "in"):
                    row: Row = latest[2]
                    yield ctx.finding("KZ701", p, "status", f"status is {status} on {when}, but {row.table[:-1]} {row.id} records a release on {latest[0]} after the last custody")
        if status in SUPPORT:
            kinds, types = SUPPORT[status]
            ok = any(s.rec.get("kind") in kinds for s in sentences) or any(e.rec.get("type") in types for e in events)
            if status == "in_prison":
                ok = ok or any(s.rec.get("kind") in PRISON for s in sentences)
            if not ok:
                yield ctx.finding("KZ702", p, "status", f"status is {status}, but no sentence or event of {p.id} supports it")
        if status == "convicted_in_absentia" and not any(s.rec.get("in_absentia") == "true" for s in sentences):
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
    later = [e for e in events if e.date("date") and e.date("date").end > first_verdict
             and e.rec.get("type") in ("sentence_changed", "sentence_resumed", "detained", "pre_trial_detention")]
    if max(ends) < when.start and not later:
        yield ctx.finding("KZ703", p, "status_date",
                          f"status is in_prison on {when}, but the longest prison term ends by {max(ends)} even counted from the verdict")
