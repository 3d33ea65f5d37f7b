"""Screens of a person's rows: the persons that may have a finding of the checks that compare several rows
about one person (order, age, status, articles, bans). They work on the compact frames that the scans keep
(kzdata.fast.scan): codes for persons and cases, integer day numbers for partial dates, and
categorical columns for the facts compared. As with the other screens, each condition is implied by the
check it serves, so a person with a finding is always selected; the check itself then decides.
"""
from __future__ import annotations

import polars as pl

from ..checks.chronology import CUSTODY, DATE_COLUMNS, POST_CONVICTION, PRE_VERDICT, RELEASES, REVIEWS
from ..checks.status import CUSTODY_EVENTS, PRISON, RELEASE_EVENTS, SUPPORT
from .frames import date_start, day


def _earliest(df: pl.DataFrame, by: list[str], prefix: str) -> pl.DataFrame:
    """Per group, the earliest (by start, then end) of the ranges (s, e): context.earliest. A range is at
    most 366 days long, so (start, length) packs into one integer whose minimum is the earliest range."""
    k = (pl.col("s").cast(pl.Int64) + 1_000_000) * 1024 + (pl.col("e") - pl.col("s")).cast(pl.Int64)
    g = df.group_by(by).agg(k.min().alias("k"))
    start = pl.col("k") // 1024 - 1_000_000
    return g.select(*by, start.cast(pl.Int32).alias(f"{prefix}_s"), (start + pl.col("k") % 1024).cast(pl.Int32).alias(f"{prefix}_e"))


def _ranges(df: pl.DataFrame, cond: pl.Expr, col: str, keep: list[str]) -> pl.DataFrame:
    return df.filter(cond & pl.col(f"{col}__s").is_not_null()).select(
        *keep, pl.col(f"{col}__s").alias("s"), pl.col(f"{col}__e").alias("e"))


PART_ROWS = 250_000  # rows of the person tables screened at a time: the joins below hold a few copies of them


def flag_persons(fr: dict[str, pl.DataFrame], reference: dict | None, today, code: pl.DataType) -> pl.Series:
    """person_flags, over ranges of person codes in turn: every screen compares rows of one person (and
    their cases), so a range holds all it needs, and only one range's joins are in memory at a time.
    `code` is the type of the person and case codes (scan.encode)."""
    ref = _reference_frame(reference)
    tables = [n for n in ("persons", "charges", "sentences", "events") if n in fr]
    rows = sum(len(fr[n]) for n in tables)
    top = max([fr[n].get_column("person").to_physical().max() or 0 for n in tables] or [0]) + 1
    step = -(-top // max(1, -(-rows // PART_ROWS)))
    out = []
    for lo in range(0, top, step):
        part = dict(fr)
        for n in tables:
            part[n] = fr[n].filter(pl.col("person").to_physical().is_between(lo, lo + step - 1))
        out.append(person_flags(part, ref, today, code))
        del part
    return pl.concat(out).unique() if out else pl.Series([], dtype=code)


def person_flags(fr: dict[str, pl.DataFrame], ref: pl.DataFrame | None, today, code: pl.DataType) -> pl.Series:
    """Codes of the persons (as in the person column, or of persons.id) that may have a finding of the
    person-local checks: order, age, status, articles and bans. `ref` is _reference_frame."""
    empty = pl.DataFrame(schema={"person": code, "case": code, "s": pl.Int32, "e": pl.Int32})
    ev = fr.get("events")
    se = fr.get("sentences")
    ch = fr.get("charges")
    pe = fr.get("persons")
    flagged: list[pl.Series] = []

    def flag(df: pl.DataFrame, cond: pl.Expr, col: str = "person"):
        flagged.append(df.filter(cond.fill_null(False)).get_column(col))

    # verdicts per person and case (context.verdict_dates), first conviction and first custody per person
    vc = [empty]
    fc = [empty.drop("case")]
    cu = [empty.drop("case")]
    if se is not None:
        vc.append(_ranges(se, pl.col("instance") == "first_instance", "verdict_date", ["person", "case"]))
        fc.append(_ranges(se, pl.lit(True), "verdict_date", ["person"]))
        cu.append(_ranges(se, pl.col("kind").is_in(["imprisonment", "life_imprisonment"]), "verdict_date", ["person"]))
    if ev is not None:
        vc.append(_ranges(ev, pl.col("type").is_in(["convicted", "acquitted"]), "date", ["person", "case"]))
        fc.append(_ranges(ev, pl.col("type") == "convicted", "date", ["person"]))
        cu.append(_ranges(ev, pl.col("type").is_in(list(CUSTODY)), "date", ["person"]))
    v = _earliest(pl.concat(vc), ["person", "case"], "v")
    first_conv = _earliest(pl.concat(fc), ["person"], "fc")
    first_cust = _earliest(pl.concat(cu), ["person"], "cu")

    if ev is not None:  # check_order on events
        e = ev.join(v, on=["person", "case"], how="left").join(first_conv, on="person", how="left").join(
            first_cust, on="person", how="left")
        t, ds, de = pl.col("type"), pl.col("date__s"), pl.col("date__e")
        ref_s = pl.when(pl.col("v_s").is_not_null()).then(pl.col("v_s")).otherwise(pl.col("fc_s"))
        flag(e, (t.is_in(list(PRE_VERDICT)) & (ds > pl.col("v_e")))
             | (t.is_in(list(REVIEWS)) & (de < pl.col("v_s")))
             | (t.is_in(list(POST_CONVICTION)) & (de < ref_s))
             | ((t == "listed") & (de < pl.col("fc_s")))
             | (t.is_in(list(RELEASES)) & (de < pl.col("cu_s"))))
    if se is not None:  # check_order on later instances
        s = se.join(v, on=["person", "case"], how="left")
        flag(s, pl.col("instance").is_in(["appeal", "cassation", "supervisory", "retrial"])
             & (pl.col("verdict_date__e") < pl.col("v_s")))
    if ch is not None:
        c = ch.join(v, on=["person", "case"], how="left")
        af_s, af_e, at_s, at_e = (pl.col(x) for x in ("acts_from__s", "acts_from__e", "acts_to__s", "acts_to__e"))
        cd_s, cd_e = pl.col("charged_date__s"), pl.col("charged_date__e")
        fa_s = pl.when(af_s.is_not_null()).then(af_s).otherwise(at_s)
        flag(c, (af_s > at_e) | (cd_s > pl.col("v_e")) | (fa_s > cd_e) | (fa_s > pl.col("v_e"))
             | (at_s > pl.col("v_e")))                                      # _charge_order
        flagged.extend(_article_flags(c, ref))                              # check_articles, check_bans
        flagged.extend(_ban_flags(c, fr, ref))
    if pe is not None:
        flagged.extend(_age_flags(pe, fr))
        flagged.extend(_status_flags(pe, fr, today, code))
    return pl.concat(flagged).drop_nulls().unique() if flagged else pl.Series([], dtype=code)


def _age_flags(pe: pl.DataFrame, fr: dict[str, pl.DataFrame]) -> list[pl.Series]:
    """check_age: a date ends before 1 January of birth year + 14, i.e. its year is below that."""
    by = pl.col("birth_year").cast(pl.String)
    odd = pe.filter((by != "") & ~by.str.contains(r"^[0-9]{1,4}$")).get_column("person")
    persons = pe.filter(by.str.contains(r"^[0-9]{1,4}$") & pl.col("person").is_not_null()).select(
        "person", (by.cast(pl.Int32) + 14).alias("limit"))
    out = [odd]
    for name in ("charges", "sentences", "events"):
        df = fr.get(name)
        if df is None:
            continue
        ends = [pl.col(f"{c}__e") for c in DATE_COLUMNS[name]]
        j = df.select("person", *[f"{c}__e" for c in DATE_COLUMNS[name]]).join(persons, on="person", how="inner")
        cond = pl.any_horizontal([e.cast(pl.Date).dt.year() < pl.col("limit") for e in ends]).fill_null(False)
        out.append(j.filter(cond).get_column("person"))
    return out


_DURATION = r"^P(?:([0-9]{1,4})Y)?(?:([0-9]{1,4})M)?(?:([0-9]{1,4})W)?(?:([0-9]{1,5})D)?$"


def _status_flags(pe: pl.DataFrame, fr: dict[str, pl.DataFrame], today, code: pl.DataType) -> list[pl.Series]:
    ev, se = fr.get("events"), fr.get("sentences")
    ev = ev if ev is not None else pl.DataFrame(schema={"person": code, "type": pl.Categorical, "date__s": pl.Int32, "date__e": pl.Int32})
    se = se if se is not None else pl.DataFrame(schema={"person": code, "kind": pl.Categorical, "in_absentia": pl.Categorical,
                                                        "term": pl.Categorical, "verdict_date__s": pl.Int32, "verdict_date__e": pl.Int32})
    st, when = pl.col("status"), pl.col("status_date__s")
    out = [pe.filter(pl.col("__odd")).get_column("person")]
    # KZ701: in custody by status, but the latest custody point up to the status date is a release that
    # starts after every custody start ends. Selected: some release not after the status date whose start
    # is later than the end of every custody start not after it (or with no such custody start).
    held = pe.filter(st.is_in(["in_prison", "pre_trial_detention", "house_arrest"]) & when.is_not_null()).select(
        "person", pl.col("status_date__e").alias("w"))
    outs = ev.filter(pl.col("type").is_in(list(RELEASE_EVENTS))).select("person", pl.col("date__s").alias("s"))
    ins = pl.concat([
        ev.filter(pl.col("type").is_in(list(CUSTODY_EVENTS))).select("person", pl.col("date__s").alias("s"), pl.col("date__e").alias("e")),
        se.filter(pl.col("kind").is_in(list(PRISON)) & (pl.col("in_absentia") != "true")).select(
            "person", pl.col("verdict_date__s").alias("s"), pl.col("verdict_date__e").alias("e"))])
    last_out = (held.join(outs, on="person").filter(pl.col("s") <= pl.col("w"))
                .group_by("person").agg(pl.col("s").max().alias("o")))
    last_in = (held.join(ins, on="person").filter(pl.col("s") <= pl.col("w"))
               .group_by("person").agg(pl.col("e").max().alias("i")))
    j = last_out.join(last_in, on="person", how="left")
    out.append(j.filter(pl.col("i").is_null() | (pl.col("o") > pl.col("i"))).get_column("person"))
    # KZ702: a status with no supporting sentence or event
    for status, (kinds, types) in SUPPORT.items():
        kinds = set(kinds) | (PRISON if status == "in_prison" else set())
        ok = pl.concat([se.filter(pl.col("kind").is_in(list(kinds))).get_column("person"),
                        ev.filter(pl.col("type").is_in(list(types))).get_column("person")])
        out.append(pe.filter((st == status) & ~pl.col("person").is_in(ok.implode())).get_column("person"))
    absentia = se.filter(pl.col("in_absentia") == "true").get_column("person")
    out.append(pe.filter((st == "convicted_in_absentia") & ~pl.col("person").is_in(absentia.implode())).get_column("person"))
    # KZ703: every prison term would have ended before the status date. A term of Y years, M months, W weeks
    # and D days lasts at least 28*(12Y+M) + 7W + D days (a calendar month has 28 days or more, and clamping
    # to the month's end costs no more than the difference), so the test below selects a superset.
    prison = se.filter(pl.col("kind").is_in(list(PRISON)) & pl.col("verdict_date__s").is_not_null())
    g = [pl.col("term").cast(pl.String).str.extract(_DURATION, i).cast(pl.Int64).fill_null(0) for i in (1, 2, 3, 4)]
    prison = prison.with_columns(
        pl.col("term").cast(pl.String).str.contains(_DURATION).alias("parsed"),
        (pl.col("verdict_date__e").cast(pl.Int64) + 28 * (12 * g[0] + g[1]) + 7 * g[2] + g[3]).alias("lb"))
    per = prison.group_by("person").agg(pl.col("parsed").all().alias("parsed"), pl.col("lb").max().alias("lb"))
    j = pe.filter((st == "in_prison") & when.is_not_null()).join(per, on="person", how="inner")
    out.append(j.filter(~pl.col("parsed") | (pl.col("lb") < when)).get_column("person"))
    return out


def _reference_frame(reference: dict | None) -> pl.DataFrame | None:
    """One row per (code, article) of the reference, with what check_articles and check_bans compare."""
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
                         "absent": day(add["absent_in_edition"]) if add else None,
                         "seen": day(add["first_seen_in_edition"]) if add else None,
                         "parts": list(periods[0]["parts"]) if simple else [],
                         "mode": "none" if not periods else "simple" if simple else "complex",
                         "ban": bool(a.get("banned_organisation"))})
    return pl.DataFrame(rows, schema={"code": pl.String, "article": pl.String, "rep_nb": pl.Int32, "absent": pl.Int32,
                                      "seen": pl.Int32, "parts": pl.List(pl.String), "mode": pl.String, "ban": pl.Boolean})


def _article_flags(c: pl.DataFrame, ref: pl.DataFrame | None) -> list[pl.Series]:
    """check_articles. `c` is charges joined with the first-instance verdicts (v_s, v_e); `ref` is
    _reference_frame."""
    if ref is None:
        return []
    codes = ref.get_column("code").unique().cast(pl.Categorical)
    ref = ref.with_columns(pl.col("code").cast(pl.Categorical), pl.col("article").cast(pl.Categorical))
    x = c.filter(pl.col("code").is_in(codes.implode()) & (pl.col("article") != "")).join(
        ref, on=["code", "article"], how="left")
    # the date the article is judged at: the verdict, else the charge, else the acts (relevant_date)
    pick = [("v_s", "v_e"), ("charged_date__s", "charged_date__e"), ("acts_to__s", "acts_to__e"), ("acts_from__s", "acts_from__e")]
    ws = pl.coalesce([pl.col(a) for a, _ in pick])
    we = pl.when(pl.col("v_s").is_not_null()).then(pl.col("v_e")).when(pl.col("charged_date__s").is_not_null()).then(
        pl.col("charged_date__e")).when(pl.col("acts_to__s").is_not_null()).then(pl.col("acts_to__e")).otherwise(pl.col("acts_from__e"))
    acts_e = pl.when(pl.col("acts_to__s").is_not_null()).then(pl.col("acts_to__e")).otherwise(pl.col("acts_from__e"))
    y2015, y1998 = day("2015-01-01"), day("1998-01-01")
    code = pl.col("code")
    cond = (pl.col("mode").is_null()                                                      # KZ301
            | ((code == "2014") & ((we < y2015) | (acts_e < y2015)))                      # KZ302, KZ303
            | ((code == "1997") & ((we < y1998) | (ws >= y2015)))
            | (ws > pl.col("rep_nb") + 30) | (we >= pl.col("rep_nb"))                      # KZ304, KZ305
            | (we <= pl.col("absent")) | (ws < pl.col("seen"))                             # KZ306, KZ307
            | ((pl.col("part") != "") & ((pl.col("mode") == "complex")                     # KZ308
                                         | ((pl.col("mode") == "simple") & ~pl.col("parts").list.contains(pl.col("part").cast(pl.String))))))
    return [x.filter(cond.fill_null(False)).get_column("person")]


def _ban_flags(c: pl.DataFrame, fr: dict[str, pl.DataFrame], ref: pl.DataFrame | None) -> list[pl.Series]:
    """check_bans: a charge under a banned-organisation article whose case names no organisation, whose
    organisation has no ban date, or with any date (acts, charge, verdict) ending before the ban."""
    cases, orgs = fr.get("cases"), fr.get("organisations")
    if ref is None or cases is None:
        return []
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
    return [x.filter(cond.fill_null(False)).get_column("person")]
