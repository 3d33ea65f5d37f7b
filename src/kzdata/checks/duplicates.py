"""Likely duplicates: two persons whose names or aliases match after transliteration-insensitive folding
(kzdata.names), unless each is listed in the other's distinct_from."""
from __future__ import annotations

from typing import Iterable

from ..context import Context
from ..findings import Finding
from ..names import CYRILLIC_TO_LATIN, FOLDS, name_key


def check_duplicates(ctx: Context) -> Iterable[Finding]:
    seen: dict[tuple, object] = {}
    reported: set[tuple[str, str]] = set()
    for p in ctx.table("persons"):
        names = [p.rec.get("name", ""), p.rec.get("name_cyrillic", "")] + p.items("aliases")
        keys = {k for k in (name_key(n) for n in names if n) if len(k) >= 2}
        for k in keys:
            other = seen.get(k)
            if other is None:
                seen[k] = p
                continue
            if other is p:
                continue
            pair = tuple(sorted((other.id, p.id)))
            if pair in reported:
                continue
            if other.id in p.items("distinct_from") or p.id in other.items("distinct_from"):
                continue
            reported.add(pair)
            yield ctx.finding("KZ801", p, "name", f"{p.id} ({p.rec.get('name')}) may be the same person as {other.id} on line {other.line} ({other.rec.get('name')})",
                              related=[(other, "name")])


# --- screen ----------------------------------------------------------------------------------------------

_NAME_SAFE = "^[A-Za-z '’.\\-–" + "".join(sorted(set(CYRILLIC_TO_LATIN) | {c.upper() for c in CYRILLIC_TO_LATIN})) + "]*$"
_DOUBLE = "|".join(ch + ch for ch in "abcdefghijklmnopqrstuvwxyz")


def _fold(tokens):
    """names.fold_token for tokens made of _NAME_SAFE characters (NFKD changes none of them)."""
    cyr = list(CYRILLIC_TO_LATIN)
    tok = tokens.str.to_lowercase().str.replace_many(cyr, [CYRILLIC_TO_LATIN[c] for c in cyr]).str.replace_all("[^a-z]", "")
    for a, b in FOLDS:
        tok = tok.str.replace_all(a, b, literal=True)
    double = tok.str.contains(_DOUBLE)  # a run of one letter becomes one letter: only these tokens have one
    if double.any():
        runs = tok.filter(double)
        for ch in "abcdefghijklmnopqrstuvwxyz":
            runs = runs.str.replace_all(f"{ch}{ch}+", ch)
        tok = tok.scatter(double.arg_true(), runs)
    return tok


def _name_keys(names):
    """(row, key) for rows of (row, name) whose name is made of safe characters."""
    import polars as pl

    toks = (names.with_columns(pl.col("name").str.replace_all("[ \\-–]+", " ").str.split(" ").alias("t"))
            .explode("t").filter(pl.col("t") != ""))
    unique = toks.get_column("t").unique()   # names share tokens
    folded = pl.DataFrame({"t": unique, "f": _fold(unique)})
    toks = toks.join(folded, on="t").select("row", "name", pl.col("f").alias("t")).filter(pl.col("t") != "")
    return (toks.group_by("row", "name", maintain_order=True).agg(pl.col("t").sort())
            .filter(pl.col("t").list.len() >= 2)
            .select("row", pl.col("t").list.join("|").alias("key")))


def name_keys(df, first_row: int):
    """(row, h) for each name key of the persons in df, rows numbered from first_row; h is a hash of the
    key. Equal keys have equal hashes; unequal keys that collide only select more."""
    import polars as pl

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
    if len(odd):  # the decider's own function, for the few names with other characters
        rows = [(r, "|".join(k)) for r, n in odd.iter_rows() for k in [name_key(n)] if len(k) >= 2]
        keys.append(pl.DataFrame(rows, schema={"row": pl.Int64, "key": pl.String}, orient="row"))
    return pl.concat(keys).select("row", pl.col("key").hash(seed=0).alias("h")).unique()


class _NameScreen:
    """Persons who share a name key with another person: keys of every chunk, compared once all are read."""

    def __init__(self):
        self.keys = []

    def exprs(self):
        return []

    def rows(self, d, first: int):
        import polars as pl

        self.keys.append(name_keys(d, first))
        return pl.Series([], dtype=pl.Int64)

    def later(self):
        import polars as pl

        if not self.keys:
            return pl.Series([], dtype=pl.Int64)
        allkeys = pl.concat(self.keys)
        shared = allkeys.group_by("h").agg(pl.col("row").n_unique().alias("n")).filter(pl.col("n") >= 2)
        return allkeys.join(shared, on="h").get_column("row").unique()


def screen_duplicates(env, table: str):
    from .screening import NOTHING

    return _NameScreen() if table == "persons" else NOTHING
