"""Typed views of the tables, the same in every export and in polars: a list cell as a list of strings, an
empty cell as null, integers, numbers and booleans as such, dates and durations as the strings they are
(a partial date keeps its precision: "2019-06" stays "2019-06")."""
from __future__ import annotations

from .schema import fields_of, kind_of, sensitive_fields


def converter(field: dict):
    """value -> typed value for one field of a Table Schema (values are known valid: the package was validated)."""
    ftype, kind = field.get("type", "string"), kind_of(field)
    if kind == "list":
        return lambda v: [x for x in v.split(";") if x] if v else []
    if ftype == "integer":
        return lambda v: int(v) if v else None
    if ftype == "number":
        return lambda v: (int(v) if v.lstrip("+-").isdigit() else float(v)) if v else None
    if ftype == "boolean":
        true = set(field.get("trueValues", ["true"]))
        return lambda v: (v in true) if v else None
    return lambda v: v if v else None


def columns(schema: dict, include_sensitive: bool = False) -> list[dict]:
    hidden = set() if include_sensitive else sensitive_fields(schema)
    return [f for f in fields_of(schema) if f["name"] not in hidden]


def typed_rows(schema: dict, rows: list[dict], include_sensitive: bool = False) -> list[dict]:
    fields = columns(schema, include_sensitive)
    conv = [(f["name"], converter(f)) for f in fields]
    return [{name: c(r.get(name, "") or "") for name, c in conv} for r in rows]


def polars_type(field: dict):
    import polars as pl

    ftype, kind = field.get("type", "string"), kind_of(field)
    if kind == "list":
        return pl.List(pl.String)
    return {"integer": pl.Int64, "number": pl.Float64, "boolean": pl.Boolean}.get(ftype, pl.String)


def to_polars(ds, table: str, include_sensitive: bool = False):
    import polars as pl

    schema = ds.schemas[table]
    fields = columns(schema, include_sensitive)
    rows = typed_rows(schema, ds.tables.get(table, []), include_sensitive)
    return pl.DataFrame(rows, schema={f["name"]: polars_type(f) for f in fields}, orient="row")
