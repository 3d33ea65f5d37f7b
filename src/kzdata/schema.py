"""What a Table Schema says, read in one place: its key, its references, its kinds of fields.

The schemas in schemas/ are Frictionless Table Schemas with a `kzdata` block per field for what the
standard cannot say (a field's kind: id, reference, list, partial-date, duration; its script; whether it
is sensitive; the allowed items of a list).
"""
from __future__ import annotations


def primary_key(schema: dict, header: list[str] | None = None) -> list[str]:
    """The columns that identify a row: the schema's primaryKey (a name or a list of names); without one,
    `id` when the table has that column (header None: assume it has)."""
    pk = schema.get("primaryKey") if isinstance(schema, dict) else None
    if isinstance(pk, str):
        return [pk]
    if isinstance(pk, list) and pk and all(isinstance(c, str) for c in pk):
        return list(pk)
    return ["id"] if header is None or "id" in header else []


def row_key(rec, pk: list[str]) -> str:
    """The key of a record (a mapping of column to cell) as one string: cells joined by '/'."""
    return "/".join(rec.get(k, "") or "" for k in pk)


def references(schema: dict, name: str) -> list[tuple[str, str | None, bool]]:
    """(column, target table, is a list) for every reference the key check tests: single-column foreign
    keys (the target defaults to the table itself) and list cells whose items name rows of a table
    (`kzdata.reference`; target None for a list of plain values)."""
    out: list[tuple[str, str | None, bool]] = []
    for fk in schema.get("foreignKeys") or []:
        if not isinstance(fk, dict):
            continue
        fields = fk.get("fields")
        fields = [fields] if isinstance(fields, str) else fields
        if isinstance(fields, list) and len(fields) == 1 and isinstance(fields[0], str):
            out.append((fields[0], (fk.get("reference") or {}).get("resource") or name, False))
    for f in fields_of(schema):
        kz = kz_of(f)
        if kz.get("kind") == "list":
            out.append((f["name"], (kz.get("reference") or {}).get("resource"), True))
    return out


def fields_of(schema: dict) -> list[dict]:
    fields = schema.get("fields") if isinstance(schema, dict) else None
    return [f for f in fields if isinstance(f, dict) and isinstance(f.get("name"), str)] if isinstance(fields, list) else []


def field_names(schema: dict) -> list[str]:
    return [f["name"] for f in fields_of(schema)]


def kz_of(field: dict) -> dict:
    """The field's kzdata block ({} when it has none)."""
    kz = field.get("kzdata")
    return kz if isinstance(kz, dict) else {}


def constraints_of(field: dict) -> dict:
    c = field.get("constraints")
    return c if isinstance(c, dict) else {}


CONSTRAINT_TYPES = {   # what a Table Schema constraint must be to be applied (bool is not a number here)
    "minimum": "a number", "maximum": "a number", "minLength": "a whole number", "maxLength": "a whole number",
    "enum": "a list", "pattern": "a string", "required": "true or false", "unique": "true or false",
}


def constraint_problem(key: str, value: object) -> str | None:
    """Why the constraint `key` cannot be applied with this value (its type is wrong), or None."""
    import math

    want = CONSTRAINT_TYPES.get(key)
    if want == "a number":
        ok = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
    elif want == "a whole number":
        ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
    elif want == "a list":
        ok = isinstance(value, list)
    elif want == "a string":
        ok = isinstance(value, str)
    elif want == "true or false":
        ok = isinstance(value, bool)
    else:
        return None
    shown = repr(value)
    return None if ok else f"is {shown if len(shown) <= 40 else shown[:40] + '…'}, not {want}"


def well_typed(constraints: dict) -> dict:
    """The constraints that have the right type (the others are reported, KZ005, and not applied)."""
    return {k: v for k, v in constraints.items() if constraint_problem(k, v) is None}


def usable_constraints(field: dict) -> dict:
    """The field's well-typed constraints: the ones the value check and its screen apply."""
    return well_typed(constraints_of(field))


def kind_of(field: dict) -> str | None:
    return kz_of(field).get("kind")


def is_sensitive(field: dict) -> bool:
    return bool(kz_of(field).get("sensitive"))


def sensitive_fields(schema: dict) -> set[str]:
    """Fields the schema marks sensitive: left out of public exports and the website."""
    return {f["name"] for f in fields_of(schema) if is_sensitive(f)}


def list_columns(schema: dict) -> list[str]:
    """Columns that hold ';'-separated lists."""
    return [f["name"] for f in fields_of(schema) if kind_of(f) == "list"]
