"""Plausibility: terms no Criminal Code allows (KZ108) and dates before the dataset's reach (KZ411 before 1900,
KZ412 before independence). The limits are in kzdata.vocab (TERM_LIMITS, EARLIEST_YEAR, INDEPENDENCE)."""
from __future__ import annotations

from typing import Iterable

from ..context import Context
from ..dates import parse_duration
from ..findings import Finding
from ..vocab import DATE_COLUMNS, EARLIEST_YEAR, INDEPENDENCE, TERM_LIMITS

DAYS_PER_YEAR = 365.2425


def term_days(years: int, months: int, days: int) -> float:
    return (12 * years + months) * DAYS_PER_YEAR / 12 + days


def _in_words(years: int, months: int, days: int) -> str:
    parts = [f"{n} {unit}{'s' if n != 1 else ''}" for n, unit in ((years, "year"), (months, "month"), (days, "day")) if n]
    return " ".join(parts) or "0 days"


def check_terms(ctx: Context) -> Iterable[Finding]:
    for s in ctx.table("sentences"):
        limit = TERM_LIMITS.get(s.rec.get("kind", ""))
        dur = parse_duration(s.rec.get("term", ""))
        if limit is None or dur is None:
            continue   # no limit for the kind, or no readable term (the value check reports a malformed one)
        if term_days(*dur) > limit[0] * DAYS_PER_YEAR + 0.5:
            yield ctx.finding("KZ108", s, "term", f"a term of {s.rec['term']} ({_in_words(*dur)}) of {s.rec['kind']} is longer than "
                                                  f"the Criminal Code allows: {limit[1]}")


def check_reach(ctx: Context) -> Iterable[Finding]:
    for table, cols in DATE_COLUMNS.items():
        for row in ctx.table(table):
            for col in cols:
                d = row.date(col)
                if d is None:
                    continue
                if d.start.year < EARLIEST_YEAR:
                    yield ctx.finding("KZ411", row, col, f"{col} {d} is before {EARLIEST_YEAR}: no fact of this dataset can be that old")
                elif d.end < INDEPENDENCE:
                    yield ctx.finding("KZ412", row, col, f"{col} {d} is before Kazakhstan's independence ({INDEPENDENCE.isoformat()})")
    for person in ctx.table("persons"):
        by = person.rec.get("birth_year", "")
        if by.isascii() and by.isdigit() and len(by) <= 4 and int(by) < EARLIEST_YEAR:
            yield ctx.finding("KZ411", person, "birth_year", f"birth_year {by} is before {EARLIEST_YEAR}: no one in this dataset "
                                                             "was born that early")


# --- screens ---------------------------------------------------------------------------------------------------

def screen_terms(env, table: str):
    """Sentences of a kind with a limit whose term may be longer than it: a lower bound of the limit in the
    months the term's years and months make (or any term the screen cannot read)."""
    import polars as pl

    from ..dates import DURATION_DIGITS
    from .screening import NOTHING, Flags

    if table != "sentences" or not {"kind", "term"} <= set(env.header(table)):
        return NOTHING
    pattern = "^P" + "".join(f"(?:([0-9]{{1,{n}}}){u})?" for u, n in DURATION_DIGITS.items()) + "$"
    term = pl.col("term").cast(pl.String)
    g = [term.str.extract(pattern, i).cast(pl.Int64).fill_null(0) for i in (1, 2, 3, 4)]
    days = (12 * g[0] + g[1]) * 31 + 7 * g[2] + g[3]   # an upper bound of the term's length in days
    flags = []
    for kind, (years, _) in TERM_LIMITS.items():
        flags.append((pl.col("kind").cast(pl.String) == kind) & (term != "")
                     & (~term.str.contains(pattern) | (days > int(years * DAYS_PER_YEAR))))
    return Flags("terms", flags)


def screen_reach(env, table: str):
    """Rows with a date whose year is before the year after independence, or a birth year before EARLIEST_YEAR
    (or one the screen cannot read)."""
    import polars as pl

    from .screening import NOTHING, Flags

    header = env.header(table)
    flags = [(pl.col(c).cast(pl.String) != "") & (pl.col(c).cast(pl.String).str.slice(0, 4) <= f"{INDEPENDENCE.year:04d}")
             for c in DATE_COLUMNS.get(table, []) if c in header]
    if table == "persons" and "birth_year" in header:
        by = pl.col("birth_year").cast(pl.String)
        flags.append((by != "") & (~by.str.contains(r"^[0-9]{1,4}$") | (by < f"{EARLIEST_YEAR}")))
    return Flags("reach", flags) if flags else NOTHING
