"""Screens of single rows: vectorised tests, run on each chunk of a table, that select every row that
could have a finding (and, on clean data, few others). A screen never decides a finding; the row engine's
own check does, on the selected rows. So a screen may be generous but never stingy: each is written as a
condition implied by the check it serves, with the reasoning beside it, and tests/test_columnar.py
compares the two engines on planted errors. The screens that compare a person's rows are in people.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import polars as pl

from ..checks.chronology import DATE_COLUMNS
from ..checks.duplicates import _CYR, _FOLDS, name_key
from ..checks.text import STRUCTURED, TRACKING
from ..values import _field_checker
from .frames import date_end, date_start

# ------------------------------------------------------------------------------------------ cell values

# A pattern is handed to polars (Rust regex) only when it uses nothing whose meaning differs from Python's
# re: no backslash classes (\s, \w, \d differ at the edges of Unicode), no lookaround, no flags.
_PORTABLE = re.compile(r"^[A-Za-z0-9^$()\[\]{}?*+|,;:_/.= -]*$")


@dataclass
class LocalScreen:
    """The table-local screens of one table, prepared once and evaluated on each chunk in one pass:
    `flags` are true on rows where a cell may break a value rule (check_values) or hold private data
    (check_privacy); `near` on cells that may break a text rule (check_text), which text_rows then looks
    at closer; `python` lists the fields whose rules only the row engine's own cell checker can test
    (it runs once per distinct value)."""

    flags: list[pl.Expr] = field(default_factory=list)
    # (column, expr, script, structured, uri): for an address, every cell the expression selects goes to the checks
    near: list[tuple[str, pl.Expr, str | None, bool, bool]] = field(default_factory=list)
    python: list[dict] = field(default_factory=list)

    def exprs(self) -> list[pl.Expr]:
        out = [pl.any_horizontal(self.flags).fill_null(True).alias("__local") if self.flags else pl.lit(False).alias("__local")]
        return out + [e.fill_null(True).alias(f"__near{i}") for i, (_, e, _, _, _) in enumerate(self.near)]

    def rows(self, d: pl.DataFrame) -> pl.Series:
        """Row positions selected in d, a chunk with the columns of exprs() added."""
        found = [d.get_column("__local").arg_true()]
        for i, (col, _, script, structured, uri) in enumerate(self.near):
            near = d.get_column(f"__near{i}").arg_true()
            if uri:
                found.append(near)
            elif len(near):
                found.append(near.filter(_text_cells(d.get_column(col).gather(near), script, structured)))
        for f in self.python:
            col = d.get_column(f["name"])
            bad = pl.Series(_bad_values(col, f), dtype=pl.String)
            if len(bad):
                found.append(col.is_in(bad.implode()).arg_true())
        return pl.concat([x.cast(pl.Int64) for x in found]).unique().sort()


def local_screen(schema: dict) -> LocalScreen:
    screen = LocalScreen()
    for f in schema.get("fields", []):
        col = pl.col(f["name"])
        if (f.get("constraints") or {}).get("required"):
            screen.flags.append(col == "")
        ok = _vector_ok(f)
        if ok is None:
            screen.python.append(f)
        else:
            screen.flags.append((col != "") & ~ok)
        if f.get("type", "string") != "string":
            continue
        kz = f.get("kzdata") or {}
        structured = kz.get("kind") in STRUCTURED
        script = kz.get("script")
        if f.get("format") == "uri":  # every address goes to the checks, except the plainest ones
            plain = col.str.contains(_PLAIN_URL) & ~col.str.contains(_TRACKING) if script != "cyrillic" else pl.lit(False)
            screen.near.append((f["name"], (col != "") & ~plain, script, structured, True))
        else:
            wide = [_UNUSUAL, r"^[=+\-@ \n]", r"[ \n]$", "  "]
            if script == "cyrillic":
                wide.append(_ASCII_LETTER)
            elif script == "latin" or not structured:
                wide.append(_CYR_LETTER)
            screen.near.append((f["name"], col.str.contains("|".join(wide)), script, structured, False))
        if not structured:
            screen.flags.append(col.str.contains(_PRIVATE))
    return screen


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


# An address that check_text cannot fault: http(s), a host of lower-case letters, digits, dots and hyphens
# (so no user name, password or port), a path, query and fragment of unreserved characters (so nothing
# that urlsplit reads differently, no space, no percent-encoding that could hide a tracking parameter), no
# tracking parameter, nothing outside ASCII (so no script, invisible-character or NFC problem). Privacy
# looks only for e-mail addresses in a URL, and this has no '@'.
_PLAIN_URL = "^https?://[a-z0-9.-]+(/[A-Za-z0-9._~/-]*)?([?][A-Za-z0-9._~=&-]*)?(#[A-Za-z0-9._~/-]*)?$"
_TRACKING = "(?i)" + "|".join(re.escape(t) for t in TRACKING)


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


# ------------------------------------------------------------------------------------------ duplicates

_NAME_SAFE = "^[A-Za-z '’.\\-–" + "".join(sorted(set(_CYR) | {c.upper() for c in _CYR})) + "]*$"


_DOUBLE = "|".join(ch + ch for ch in "abcdefghijklmnopqrstuvwxyz")


def _fold(tokens: pl.Series) -> pl.Series:
    """duplicates.fold_token for tokens made of _NAME_SAFE characters (NFKD changes none of them)."""
    cyr = list(_CYR)
    tok = tokens.str.to_lowercase().str.replace_many(cyr, [_CYR[c] for c in cyr]).str.replace_all("[^a-z]", "")
    for a, b in _FOLDS:
        tok = tok.str.replace_all(a, b, literal=True)
    double = tok.str.contains(_DOUBLE)  # a run of one letter becomes one letter: only these tokens have one
    if double.any():
        runs = tok.filter(double)
        for ch in "abcdefghijklmnopqrstuvwxyz":
            runs = runs.str.replace_all(f"{ch}{ch}+", ch)
        tok = tok.scatter(double.arg_true(), runs)
    return tok


def _name_keys(names: pl.DataFrame) -> pl.DataFrame:
    """(row, key) for rows of (row, name) whose name is made of safe characters."""
    toks = (names.with_columns(pl.col("name").str.replace_all("[ \\-–]+", " ").str.split(" ").alias("t"))
            .explode("t").filter(pl.col("t") != ""))
    unique = toks.get_column("t").unique()   # names share tokens
    folded = pl.DataFrame({"t": unique, "f": _fold(unique)})
    toks = toks.join(folded, on="t").select("row", "name", pl.col("f").alias("t")).filter(pl.col("t") != "")
    return (toks.group_by("row", "name", maintain_order=True).agg(pl.col("t").sort())
            .filter(pl.col("t").list.len() >= 2)
            .select("row", pl.col("t").list.join("|").alias("key")))


def name_keys(df: pl.DataFrame, first_row: int) -> pl.DataFrame:
    """(row, h) for each name key (check_duplicates) of the persons in df, rows numbered from first_row;
    h is a hash of the key. Equal keys have equal hashes; unequal keys that collide only select more."""
    cols = [c for c in ("name", "name_cyrillic") if c in df.columns]
    row = (pl.int_range(pl.len(), dtype=pl.Int64) + first_row).alias("row")
    parts = [df.select(row, pl.col(c).alias("name")) for c in cols]
    if "aliases" in df.columns:
        parts.append(df.select(row, pl.col("aliases").str.split(";").alias("name")).explode("name"))
    if not parts:
        return pl.DataFrame(schema={"row": pl.Int64, "h": pl.UInt64})
    names = pl.concat(parts).filter(pl.col("name") != "")
    safe = names.get_column("name").str.contains(_NAME_SAFE)
    keys = [_name_keys(names.filter(safe))]
    odd = names.filter(~safe)
    if len(odd):  # the row engine's own function, for the few names with other characters
        rows = [(r, "|".join(k)) for r, n in odd.iter_rows() for k in [name_key(n)] if len(k) >= 2]
        keys.append(pl.DataFrame(rows, schema={"row": pl.Int64, "key": pl.String}, orient="row"))
    return pl.concat(keys).select("row", pl.col("key").hash(seed=0).alias("h")).unique()


def shared_names(keys: list[pl.DataFrame]) -> pl.Series:
    """Rows of persons who share a name key with another person (check_duplicates), from name_keys."""
    if not keys:
        return pl.Series([], dtype=pl.Int64)
    allkeys = pl.concat(keys)
    shared = allkeys.group_by("h").agg(pl.col("row").n_unique().alias("n")).filter(pl.col("n") >= 2)
    return allkeys.join(shared, on="h").get_column("row").unique()


# ------------------------------------------------------------------- the narrow columns of later checks

# The columns the cross-table checks compare, besides dates and the person and case of each row
COMPACT = {"persons": ["status", "birth_year"], "cases": ["banned_organisation"],
           "charges": ["code", "article", "part"],
           "sentences": ["instance", "in_absentia", "kind", "term"],
           "events": ["type"]}


# -------------------------------------------------------------------------------- row-local, late

def published(sources: pl.DataFrame) -> pl.DataFrame:
    """(id, pub): the last day of each source's publication date, for source_dates."""
    return sources.select("id", date_end("published").alias("pub")).unique("id", keep="last")


def source_dates(df: pl.DataFrame, name: str, pub: pl.DataFrame | None) -> pl.Series:
    """Rows where check_source_dates may report: a date starts after the latest publication among the
    cited sources (unknown or undated sources are ignored here, which can only select more rows)."""
    cols = [c for c in DATE_COLUMNS.get(name, []) if c in df.columns]
    if not cols or "sources" not in df.columns or pub is None:
        return pl.Series([], dtype=pl.Int64)
    items = (df.select(pl.int_range(pl.len(), dtype=pl.Int64).alias("row"), pl.col("sources").str.split(";").alias("sid"))
             .explode("sid").join(pub, left_on="sid", right_on="id", how="inner")
             .group_by("row").agg(pl.col("pub").max()))
    starts = df.select(pl.int_range(pl.len(), dtype=pl.Int64).alias("row"),
                       pl.max_horizontal([pl.col(f"{c}__s") for c in cols]).alias("d"))
    return starts.join(items, on="row").filter(pl.col("d") > pl.col("pub")).get_column("row")


# ------------------------------------------------------------------------------------------- keys

def references(schema: dict, name: str) -> list[tuple[str, str, bool]]:
    """(column, target table, is a list) for every reference check_keys tests."""
    out = []
    for fk in schema.get("foreignKeys") or []:
        fl = fk.get("fields")
        fl = [fl] if isinstance(fl, str) else fl
        if fl and len(fl) == 1:
            out.append((fl[0], (fk.get("reference") or {}).get("resource") or name, False))
    for f in schema.get("fields", []):
        kz = f.get("kzdata") or {}
        if kz.get("kind") == "list":
            out.append((f["name"], (kz.get("reference") or {}).get("resource"), True))
    return out


def items(df: pl.DataFrame, col: str, is_list: bool) -> pl.DataFrame:
    """(row, item): every non-empty reference, or item of a list cell, in column col."""
    row = pl.int_range(pl.len(), dtype=pl.Int64).alias("row")
    out = df.select(row, pl.col(col).alias("item"))
    if is_list:
        out = out.with_columns(pl.col("item").str.split(";")).explode("item")
    return out.filter(pl.col("item") != "")


def repeated_items(df: pl.DataFrame, col: str) -> pl.Series:
    """Rows whose list cell names an item twice (check_keys, KZ203)."""
    multi = (df.select(pl.int_range(pl.len(), dtype=pl.Int64).alias("row"), pl.col(col).alias("item"))
             .filter(pl.col("item").str.contains(";", literal=True))
             .with_columns(pl.col("item").str.split(";")).explode("item").filter(pl.col("item") != ""))
    return multi.filter(multi.is_duplicated()).get_column("row").unique()


def unknown(found: pl.DataFrame, ids: pl.Series) -> pl.Series:
    """Rows of (row, item) pairs with an item that is not one of ids (check_keys, KZ202)."""
    return found.filter(~pl.col("item").is_in(ids.implode())).get_column("row").unique()
