"""Reviewed exceptions (data/exceptions.csv) must carry a real review: a reason that says what was checked, and
the day it was reviewed, not a day to come (KZ902). Who may approve one is for git to say (.github/CODEOWNERS
makes a maintainer's approval necessary); `--changed-since` names every exception a change adds or alters (KZ903,
kzdata.changes)."""
from __future__ import annotations

import re
from typing import Iterable

from ..context import Context
from ..dates import parse_partial
from ..findings import Finding

TABLE = "exceptions"
MIN_REASON_CHARS = 40
MIN_REASON_WORDS = 6     # different words of two or more letters
_WORD = re.compile(r"[^\W\d_]{2,}")


def reason_problem(reason: str) -> str | None:
    text = reason.strip()
    words = {w.lower() for w in _WORD.findall(text)}
    if len(text) < MIN_REASON_CHARS or len(words) < MIN_REASON_WORDS:
        shown = text if len(text) <= 40 else text[:40] + "…"
        return (f"the reason {shown!r} is too short to say what was checked: write at least {MIN_REASON_CHARS} characters and "
                f"{MIN_REASON_WORDS} different words")
    return None


def check_reviews(ctx: Context) -> Iterable[Finding]:
    for row in ctx.table(TABLE):
        problem = reason_problem(row.rec.get("reason", ""))
        if problem:
            yield ctx.finding("KZ902", row, "reason", problem)
        reviewed = row.rec.get("reviewed", "")
        d = parse_partial(reviewed) if reviewed else None
        if d is not None and len(reviewed) != 10:
            yield ctx.finding("KZ902", row, "reviewed", f"reviewed {reviewed} is not a day: give the day of the review (YYYY-MM-DD)")
        elif d is not None and d.start > ctx.today:
            yield ctx.finding("KZ902", row, "reviewed", f"reviewed {reviewed} is after today ({ctx.today}): a review cannot be dated ahead")


def screen_reviews(env, table: str):
    """Every row of the exceptions table (a few dozen rows; the decider reads them all)."""
    from .screening import NOTHING, Everything

    return Everything() if table == TABLE else NOTHING
