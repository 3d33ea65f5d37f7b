"""Structure: what the loader found (missing, unreadable or undescribed files, invalid descriptor, schemas and
reference), and each table's header and row widths against its schema."""
from __future__ import annotations

from typing import Iterable

from ..context import Context
from ..findings import Finding, make
from ..schema import field_names


def check_files(ctx: Context) -> Iterable[Finding]:
    """The findings of reading the package (kzdata.package.load_package): the loader records them, this
    check reports them."""
    return list(ctx.pkg.findings)


def check_headers(ctx: Context) -> Iterable[Finding]:
    for name, table in ctx.pkg.tables.items():
        expected = field_names(ctx.pkg.schemas[name])
        path = table.path
        if not table.header:
            continue  # an empty or unreadable file is already reported
        counts: dict[str, int] = {}
        for col in table.header:
            counts[col] = counts.get(col, 0) + 1
        for col, n in counts.items():
            if n > 1:
                yield make("KZ012", path, 1, col, f"column {col!r} appears {n} times in the header", "Keep one column of each name.", table=name)
        for col in expected:
            if col not in counts:
                yield make("KZ011", path, 1, col, f"column {col!r} is missing from the header of {path}", table=name)
        for col in counts:
            if col == "":
                yield make("KZ012", path, 1, "", f"the header of {path} has a column with an empty name",
                           "Name every column as the schema does, or remove the empty one (check for a trailing comma).", table=name)
            elif col not in expected:
                yield make("KZ012", path, 1, col, f"column {col!r} is not in the schema of {name}", table=name)
        present = [c for c in table.header if c in expected]
        if present != [c for c in expected if c in counts] and len(set(present)) == len(present):
            yield make("KZ013", path, 1, "", f"columns of {path} are not in schema order: expected {', '.join(expected)}", table=name)
        width = len(table.header)
        id_i = table.index.get("id")
        for line, row in zip(table.lines, table.rows):
            if len(row) != width:
                rid = row[id_i] if id_i is not None and id_i < len(row) else ""
                yield make("KZ014", path, line, "", f"row has {len(row)} cells but the header has {width}", table=name, record=rid)
