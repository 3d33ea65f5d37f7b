"""Screens: vectorised tests that select every row that could have a finding (and, on clean data, few
others). A screen never decides a finding; the row engine's own check does, on the selected rows. So a
screen may be generous but never stingy: each is written as a condition implied by the check it serves,
with the reasoning beside it, and tests/test_columnar.py compares the two engines on planted errors.
"""
from __future__ import annotations

import re

import polars as pl

from ..checks.chronology import (CUSTODY, DATE_COLUMNS, POST_CONVICTION, PRE_VERDICT, RELEASES, REVIEWS)
from ..checks.duplicates import _CYR, _FOLDS, name_key
from ..checks.status import CUSTODY_EVENTS, PRISON, RELEASE_EVENTS, SUPPORT
from ..checks.text import STRUCTURED
from ..values import _field_checker
from .frames import date_end, date_odd, date_start, day

# ------------------------------------------------------------------------------------------ cell values

# A pattern is handed to polars (Rust regex) only when it uses nothing whose meaning differs from Python's
# re: no backslash classes (\s, \w, \d differ at the edges of Unicode), no lookaround, no flags.
_PORTABLE = re.compile(r"^[A-Za-z0-9^$()\[\]{}?*+|,;:_/.= -]*$")
DISTINCT_MIN_ROWS = 20_000  # below this, testing every cell is as quick as finding the distinct values


def values_mask(df: pl.DataFrame, schema: dict) -> pl.Series:
    """Rows where some cell may break its field's type, constraints or pattern (check_values)."""
    hits = []
    for f in schema.get("fields", []):
        col = df.get_column(f["name"])
        if (f.get("constraints") or {}).get("required"):
            hits.append((col == "").arg_true())
        ok = _vector_ok(f)
        if ok is None:
            bad = pl.Series(_bad_values(col, f), dtype=pl.String)
            hits.append(col.is_in(bad.implode()).arg_true())
        else:
            hits.append(_hits(col, lambda v, ok=ok: (v != "") & ~v.to_frame().select(ok).to_series()))
    return _mask(len(df), hits)


def _hits(col: pl.Series, test) -> pl.Series:
    """Positions where test(values) is true (or null). A column with few distinct values (dates, statuses,
    source ids) is tested once per distinct value."""
    if len(col) > DISTINCT_MIN_ROWS and col.head(2_000).n_unique() < 500:
        distinct = col.unique()
        if len(distinct) * 4 < len(col):
            bad = distinct.filter(test(distinct).fill_null(True))
            if not len(bad):
                return pl.Series([], dtype=pl.UInt32)
            return col.is_in(bad.implode()).arg_true()
    return test(col).fill_null(True).arg_true()


def _vector_ok(f: dict) -> pl.Expr | None:
    """An expression true only for cells check_values accepts, or None when it cannot be written safely."""
    ftype = f.get("type", "string")
    c = f.get("constraints") or {}
    kz = f.get("kzdata") or {}
    kind = kz.get("kind")
    s = pl.col(f["name"])
    parts = []
    if kind not in (None, "id", "reference", "partial-date") and not (kind == "list" and "enum" not in kz):
        return None
    enum = c.get("enum")
    if enum is not None:
        if not all(isinstance(e, str) for e in enum):
            return None
        parts.append(s.is_in(pl.Series(enum, dtype=pl.String).implode()))
    pattern = c.get("pattern")
    if pattern is not None:
        if not isinstance(pattern, str) or not _PORTABLE.match(pattern):
            return None
        try:
            re.compile(pattern)
        except re.error:
            return None
        parts.append(s.str.contains(f"^(?:{pattern})$"))
    if kind == "partial-date":
        parts.append(date_start(f["name"]).is_not_null())
    if ftype == "string":
        pass
    elif ftype == "integer":
        parts.append(s.str.contains(r"^[0-9]{1,9}$"))
        num = s.cast(pl.Int64, strict=False)
        parts += _bounds(num, c)
    elif ftype == "number":
        parts.append(s.str.contains(r"^[0-9]{1,12}(\.[0-9]{1,6})?$"))
        parts += _bounds(s.cast(pl.Float64, strict=False), c)
    elif ftype == "boolean":
        values = list(f.get("trueValues", ["true"])) + list(f.get("falseValues", ["false"]))
        parts.append(s.is_in(pl.Series([str(v) for v in values], dtype=pl.String).implode()))
    elif ftype == "date":
        parts.append(s.str.contains(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$") & date_start(f["name"]).is_not_null())
    else:
        return None
    if c.get("maxLength") is not None:
        if not isinstance(c["maxLength"], int):
            return None
        parts.append(s.str.len_chars() <= c["maxLength"])
    return pl.all_horizontal(parts) if parts else pl.lit(True)


def _bounds(num: pl.Expr, c: dict) -> list[pl.Expr]:
    out = []
    if isinstance(c.get("minimum"), (int, float)):
        out.append(num >= c["minimum"])
    if isinstance(c.get("maximum"), (int, float)):
        out.append(num <= c["maximum"])
    return out


def _bad_values(column: pl.Series, f: dict) -> list[str]:
    """Distinct non-empty values that the row engine's own cell checker rejects."""
    try:
        check = _field_checker(f)
    except re.error:
        return []  # the check reports the broken pattern itself (KZ005)
    values = column.filter(column != "").unique()
    return [v for v in values.to_list() if check(v)]


# --------------------------------------------------------------------------------------- text, privacy

_CYRILLIC = "А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі"
# Outside printable ASCII, newline and these Cyrillic letters lie every invisible, control or decomposed
# character, every other script, and every whitespace that str.strip() knows but a space is not.
_UNUSUAL = f"[^\\x20-\\x7e\\n{_CYRILLIC}]"
_ASCII_LETTER = "[A-Za-z]"
_CYR_LETTER = f"[{_CYRILLIC}]"


def text_privacy_masks(df: pl.DataFrame, schema: dict) -> tuple[pl.Series, pl.Series]:
    """Rows where some string cell may break a text rule (check_text), and rows where some text cell may
    hold private data (check_privacy). Each is one regular-expression pass per column; the text screen
    then looks closer at the few cells that pass."""
    n = len(df)
    text_rows: list[pl.Series] = []
    private_rows: list[pl.Series] = []
    for f in schema.get("fields", []):
        if f.get("type", "string") != "string":
            continue
        col = df.get_column(f["name"])
        kz = f.get("kzdata") or {}
        structured = kz.get("kind") in STRUCTURED
        script = kz.get("script")
        if f.get("format") == "uri":
            text_rows.append((col != "").arg_true())
        else:
            wide = [_UNUSUAL, r"^[=+\-@ \n]", r"[ \n]$", "  "]
            if script == "cyrillic":
                wide.append(_ASCII_LETTER)
            elif script == "latin" or not structured:
                wide.append(_CYR_LETTER)
            near = _hits(col, lambda v, pattern="|".join(wide): v.str.contains(pattern))
            if len(near):
                text_rows.append(near.filter(_text_cells(col.gather(near), script, structured)))
        if not structured:
            private_rows.append(_hits(col, lambda v: v.str.contains(_PRIVATE)))
    return _mask(n, text_rows), _mask(n, private_rows)


def _text_cells(s: pl.Series, script: str | None, structured: bool) -> pl.Series:
    m = (s.str.contains(_UNUSUAL) | s.str.contains(r"^[=+\-@ \n]") | s.str.contains(r"[ \n]$")
         | s.str.contains("  ", literal=True))
    if script == "latin":
        m = m | s.str.contains(_CYR_LETTER)
    elif script == "cyrillic":
        m = m | s.str.contains(_ASCII_LETTER)
    elif not structured:
        m = m | (s.str.contains(_CYR_LETTER) & s.str.contains(_ASCII_LETTER))
    return m.fill_null(True)


# Every address pattern in kzdata.privacy needs a house or flat number (ASCII digits) and one of these
# street or flat words; each word here is a prefix or part of the words in those patterns.
_STREET_WORDS = ("ul|pr|mkr|per|bul|micro|mikro|st|av|rd|road|lane|blvd|koshesi|dangyly|apt|apart|flat|kv|"
                 "ул|пр|мкр|пер|б-р|бул|микро|көшесі|даңғ|шағын|ықшам|к-сі|кв|пәтер")
# A cell may hold private data only if it has an '@' (e-mail), at least 8 digits (IIN, phone number), or a
# digit and a street or flat word (address). A cell with a digit and an unusual character goes to the
# full check too, since case folding of unusual letters could differ between regex engines.
_PRIVATE = (f"(?s)@|[0-9](?:[^0-9]*[0-9]){{7}}|(?i:[0-9].*(?:{_STREET_WORDS})|(?:{_STREET_WORDS}).*[0-9])"
            f"|[0-9].*{_UNUSUAL}|{_UNUSUAL}.*[0-9]")


def _mask(n: int, positions: list[pl.Series]) -> pl.Series:
    if not positions:
        return pl.Series([False] * n, dtype=pl.Boolean)
    hit = pl.concat([p.cast(pl.Int64) for p in positions]).unique()
    return pl.int_range(0, n, dtype=pl.Int64, eager=True).is_in(hit.implode())


# ------------------------------------------------------------------------------------------ duplicates

_NAME_SAFE = "^[A-Za-z '’.\\-–" + "".join(sorted(set(_CYR) | {c.upper() for c in _CYR})) + "]*$"


def _fold(tok: pl.Expr) -> pl.Expr:
    """duplicates.fold_token for tokens made of _NAME_SAFE characters (NFKD changes none of them)."""
    cyr = list(_CYR)
    tok = tok.str.to_lowercase().str.replace_many(cyr, [_CYR[c] for c in cyr])
    tok = tok.str.replace_all("[^a-z]", "")
    for a, b in _FOLDS:
        tok = tok.str.replace_all(a, b, literal=True)
    for ch in "abcdefghijklmnopqrstuvwxyz":
        tok = tok.str.replace_all(f"{ch}{ch}+", ch)
    return tok


def _name_keys(names: pl.DataFrame) -> pl.DataFrame:
    """(row, key) for rows of (row, name) whose name is made of safe characters."""
    toks = (names.with_columns(pl.col("name").str.replace_all("[ \\-–]+", " ").str.split(" ").alias("t"))
            .explode("t").filter(pl.col("t") != ""))
    folded = toks.select(pl.col("t").unique()).with_columns(_fold(pl.col("t")).alias("f"))  # names share tokens
    toks = toks.join(folded, on="t").select("row", "name", pl.col("f").alias("t")).filter(pl.col("t") != "")
    return (toks.group_by("row", "name", maintain_order=True).agg(pl.col("t").sort())
            .filter(pl.col("t").list.len() >= 2)
            .select("row", pl.col("t").list.join("|").alias("key")))


def duplicates_mask(df: pl.DataFrame) -> pl.Series:
    """Persons who share a name key with another person (check_duplicates)."""
    cols = [c for c in ("name", "name_cyrillic") if c in df.columns]
    parts = [df.select(pl.int_range(pl.len(), dtype=pl.Int64).alias("row"), pl.col(c).alias("name")) for c in cols]
    if "aliases" in df.columns:
        parts.append(df.select(pl.int_range(pl.len(), dtype=pl.Int64).alias("row"),
                               pl.col("aliases").str.split(";").alias("name")).explode("name"))
    if not parts:
        return pl.Series([False] * len(df))
    names = pl.concat(parts).filter(pl.col("name") != "")
    safe = names.get_column("name").str.contains(_NAME_SAFE)
    keys = [_name_keys(names.filter(safe))]
    odd = names.filter(~safe)
    if len(odd):  # the row engine's own function, for the few names with other characters
        rows = [(r, "|".join(k)) for r, n in odd.iter_rows() for k in [name_key(n)] if len(k) >= 2]
        keys.append(pl.DataFrame(rows, schema={"row": pl.Int64, "key": pl.String}, orient="row"))
    allkeys = pl.concat(keys).unique()
    shared = allkeys.group_by("key").agg(pl.col("row").n_unique().alias("n")).filter(pl.col("n") >= 2)
    rows = allkeys.join(shared, on="key").get_column("row").unique()
    return _mask(len(df), [rows])


def _any(df: pl.DataFrame, masks: list[pl.Expr]) -> pl.Series:
    if not masks:
        return pl.Series([False] * len(df), dtype=pl.Boolean)
    return df.select(pl.any_horizontal(masks).fill_null(True).alias("m")).get_column("m")


# ------------------------------------------------------------------- the narrow columns of later checks

NARROW = {"persons": ["status", "birth_year"], "cases": ["banned_organisation"],
          "charges": ["person", "case", "code", "article", "part"],
          "sentences": ["person", "case", "instance", "in_absentia", "kind", "term"],
          "events": ["person", "case", "type"]}
SMALL = ("sources", "organisations", "exceptions", "retired")


def narrow_columns(name: str, schema: dict) -> list[str]:
    """The columns the later checks read: keys, references and lists, dates, and the facts they compare."""
    fields = [f["name"] for f in schema.get("fields", [])]
    keep = set(NARROW.get(name, [])) | set(DATE_COLUMNS.get(name, []))
    pk = schema.get("primaryKey") or []
    keep |= set([pk] if isinstance(pk, str) else pk)
    for fk in schema.get("foreignKeys") or []:
        fl = fk.get("fields")
        keep |= set([fl] if isinstance(fl, str) else fl or [])
    for f in schema.get("fields", []):
        if (f.get("kzdata") or {}).get("kind") in ("list", "reference"):
            keep.add(f["name"])
    return [c for c in fields if c in keep]


def with_dates(df: pl.DataFrame, name: str, today) -> pl.DataFrame:
    """Add <col>__s and <col>__e (days since 1970) for each date column, and two row flags: __odd (a date
    cell that is not a plain partial date: its row goes to the checks whole) and __future (check_future:
    a date can start after today only if its year is this year or later)."""
    cols = [c for c in DATE_COLUMNS.get(name, []) if c in df.columns]
    flags = [pl.any_horizontal([date_odd(c) for c in cols]).fill_null(True).alias("__odd"),
             pl.any_horizontal([pl.col(c).str.slice(0, 4) >= f"{today.year:04d}" for c in cols]).fill_null(True).alias("__future")
             ] if cols else [pl.lit(False).alias("__odd"), pl.lit(False).alias("__future")]
    return df.with_columns([date_start(c).alias(f"{c}__s") for c in cols] + [date_end(c).alias(f"{c}__e") for c in cols] + flags)


# -------------------------------------------------------------------------------- row-local, late

def source_dates_mask(df: pl.DataFrame, name: str, sources: pl.DataFrame) -> pl.Series:
    """check_source_dates: a date starts after the latest publication among the cited sources (unknown
    or undated sources are ignored here, which can only select more rows)."""
    cols = [c for c in DATE_COLUMNS.get(name, []) if c in df.columns]
    if not cols or "sources" not in df.columns or "published" not in sources.columns:
        return pl.Series([False] * len(df), dtype=pl.Boolean)
    pub = (sources.select("id", date_end("published").alias("pub")).unique("id", keep="last"))
    items = (df.select(pl.int_range(pl.len(), dtype=pl.Int64).alias("row"), pl.col("sources").cast(pl.String).str.split(";").alias("sid"))
             .explode("sid").join(pub, left_on="sid", right_on="id", how="inner")
             .group_by("row").agg(pl.col("pub").max()))
    starts = df.select(pl.int_range(pl.len(), dtype=pl.Int64).alias("row"),
                       pl.max_horizontal([pl.col(f"{c}__s") for c in cols]).alias("d"))
    return _mask(len(df), [starts.join(items, on="row").filter(pl.col("d") > pl.col("pub")).get_column("row")])


# ------------------------------------------------------------------------------------------- keys

def key_masks(frames: dict[str, pl.DataFrame], schemas: dict[str, dict]) -> dict[str, pl.Series]:
    """check_keys: repeated keys (every occurrence), references and list items that name no id, and
    list cells with an item twice."""
    ids = {n: df.get_column("id").cast(pl.Categorical) for n, df in frames.items() if "id" in df.columns}
    out = {}
    for name, df in frames.items():
        schema = schemas[name]
        masks = []
        pk = schema.get("primaryKey") or []
        pk = [pk] if isinstance(pk, str) else pk
        if pk and all(k in df.columns for k in pk):
            masks.append(pl.all_horizontal([pl.col(k).cast(pl.String) != "" for k in pk]) & pl.struct(pk).is_duplicated())
        for fk in schema.get("foreignKeys") or []:
            fl = fk.get("fields")
            fl = [fl] if isinstance(fl, str) else fl
            target = (fk.get("reference") or {}).get("resource") or name
            if fl and len(fl) == 1 and target in ids and fl[0] in df.columns:
                fkcol = pl.col(fl[0])
                masks.append((fkcol != "") & ~fkcol.is_in(ids[target].implode()))
        for f in schema.get("fields", []):
            kz = f.get("kzdata") or {}
            if kz.get("kind") != "list" or f["name"] not in df.columns:
                continue
            s = pl.col(f["name"])
            target = (kz.get("reference") or {}).get("resource")
            single = ~s.cast(pl.String).str.contains(";", literal=True)
            if target in ids:
                masks.append(single & (s != "") & ~s.is_in(ids[target].implode()))
            masks.append(_multi_items(df, f["name"], ids.get(target)))
        out[name] = _any(df, masks)
    return out


def _multi_items(df: pl.DataFrame, col: str, target_ids: pl.Series | None) -> pl.Expr:
    """Cells of several items: one named twice, or one that is not an id of the target table."""
    items = (df.select(pl.int_range(pl.len(), dtype=pl.Int64).alias("row"), pl.col(col).cast(pl.String).alias("item"))
             .filter(pl.col("item").str.contains(";", literal=True))
             .with_columns(pl.col("item").str.split(";")).explode("item").filter(pl.col("item") != ""))
    bad = items.is_duplicated()
    if target_ids is not None:
        bad = bad | ~items.get_column("item").is_in(target_ids.cast(pl.String).implode())
    rows = items.filter(bad).get_column("row").unique()
    return pl.int_range(pl.len(), dtype=pl.Int64).is_in(rows.implode())


# -------------------------------------------------------------------------------- person-local, late

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


def person_flags(fr: dict[str, pl.DataFrame], reference: dict | None, today) -> pl.Series:
    """Person ids (as written in the person column, or persons.id) that may have a finding of the
    person-local checks: order, age, status, articles and bans."""
    empty = pl.DataFrame(schema={"person": pl.Categorical, "case": pl.Categorical, "s": pl.Int32, "e": pl.Int32})
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
        ref = _reference_frame(reference)
        flagged.extend(_article_flags(c, ref))                              # check_articles, check_bans
        flagged.extend(_ban_flags(c, fr, ref))
    if pe is not None:
        flagged.extend(_age_flags(pe, fr))
        flagged.extend(_status_flags(pe, fr, today))
    return pl.concat([f.cast(pl.String) for f in flagged]).unique() if flagged else pl.Series([], dtype=pl.String)


def _age_flags(pe: pl.DataFrame, fr: dict[str, pl.DataFrame]) -> list[pl.Series]:
    """check_age: a date ends before 1 January of birth year + 14, i.e. its year is below that."""
    by = pl.col("birth_year").cast(pl.String)
    odd = pe.filter((by != "") & ~by.str.contains(r"^[0-9]{1,4}$")).get_column("id")
    persons = pe.filter(by.str.contains(r"^[0-9]{1,4}$")).select(
        pl.col("id").cast(pl.String).alias("person"), (by.cast(pl.Int32) + 14).alias("limit"))
    out = [odd]
    for name in ("charges", "sentences", "events"):
        df = fr.get(name)
        if df is None:
            continue
        ends = [pl.col(f"{c}__e") for c in DATE_COLUMNS[name]]
        j = df.select(pl.col("person").cast(pl.String), *[f"{c}__e" for c in DATE_COLUMNS[name]]).join(persons, on="person", how="inner")
        cond = pl.any_horizontal([e.cast(pl.Date).dt.year() < pl.col("limit") for e in ends]).fill_null(False)
        out.append(j.filter(cond).get_column("person"))
    return out


_DURATION = r"^P(?:([0-9]{1,4})Y)?(?:([0-9]{1,4})M)?(?:([0-9]{1,4})W)?(?:([0-9]{1,5})D)?$"


def _status_flags(pe: pl.DataFrame, fr: dict[str, pl.DataFrame], today) -> list[pl.Series]:
    ev, se = fr.get("events"), fr.get("sentences")
    ev = ev if ev is not None else pl.DataFrame(schema={"person": pl.Categorical, "type": pl.Categorical, "date__s": pl.Int32})
    se = se if se is not None else pl.DataFrame(schema={"person": pl.Categorical, "kind": pl.Categorical, "in_absentia": pl.Categorical,
                                                        "term": pl.Categorical, "verdict_date__s": pl.Int32, "verdict_date__e": pl.Int32})
    st, when = pl.col("status"), pl.col("status_date__s")
    out = [pe.filter(pl.col("__odd")).get_column("id")]
    # KZ701: in custody by status, but the latest custody point up to the status date is a release that
    # starts after every custody start ends. Selected: some release not after the status date whose start
    # is later than the end of every custody start not after it (or with no such custody start).
    held = pe.filter(st.is_in(["in_prison", "pre_trial_detention", "house_arrest"]) & when.is_not_null()).select(
        pl.col("id").alias("person"), pl.col("status_date__e").alias("w"))
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
        out.append(pe.filter((st == status) & ~pl.col("id").is_in(ok.implode())).get_column("id"))
    absentia = se.filter(pl.col("in_absentia") == "true").get_column("person")
    out.append(pe.filter((st == "convicted_in_absentia") & ~pl.col("id").is_in(absentia.implode())).get_column("id"))
    # KZ703: every prison term would have ended before the status date. A term of Y years, M months, W weeks
    # and D days lasts at least 28*(12Y+M) + 7W + D days (a calendar month has 28 days or more, and clamping
    # to the month's end costs no more than the difference), so the test below selects a superset.
    prison = se.filter(pl.col("kind").is_in(list(PRISON)) & pl.col("verdict_date__s").is_not_null())
    g = [pl.col("term").cast(pl.String).str.extract(_DURATION, i).cast(pl.Int64).fill_null(0) for i in (1, 2, 3, 4)]
    prison = prison.with_columns(
        pl.col("term").cast(pl.String).str.contains(_DURATION).alias("parsed"),
        (pl.col("verdict_date__e").cast(pl.Int64) + 28 * (12 * g[0] + g[1]) + 7 * g[2] + g[3]).alias("lb"))
    per = prison.group_by("person").agg(pl.col("parsed").all().alias("parsed"), pl.col("lb").max().alias("lb"))
    j = pe.filter((st == "in_prison") & when.is_not_null()).join(per, left_on="id", right_on="person", how="inner")
    out.append(j.filter(~pl.col("parsed") | (pl.col("lb") < when)).get_column("id"))
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
    first_cases = cases.unique("id", keep="first", maintain_order=True).select(pl.col("id").alias("case"), "banned_organisation")
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
