"""`kzdata import FILE.xlsx [PATH]`: write the edits made in a workbook of `kzdata export --to xlsx` back into
data/, in canonical form, after proving that the result validates.

Rows are matched by their key. A changed cell replaces the cell; a row added in a sheet is added; a row
deleted from a sheet is removed (the validator then asks for a retired.csv row if the id was released).
Columns the workbook does not hold (the sensitive ones, left out of exports by default) keep their values.
Values come back as the text they were, with the inverse of what a spreadsheet does to them: list items
shown as "a; b" become "a;b", a cell the spreadsheet turned into a date becomes YYYY-MM-DD, a number
typed into a text column becomes its digits, TRUE/FALSE become true/false. Each such conversion is reported.
Nothing is written when the workbook cannot be read, holds a formula, or when the result has validation
errors: the findings are returned instead. An unedited workbook imports as no change.
"""
from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .canonical_form import canonical_csv
from .schema import field_names, fields_of, kz_of, primary_key, row_key
from .spreadsheet import read_workbook
from .vocab import PUBLISHED_TABLES


@dataclass
class ImportResult:
    written: list[str] = field(default_factory=list)      # files changed in data/
    problems: list[str] = field(default_factory=list)     # why nothing was written
    conversions: list[str] = field(default_factory=list)  # what was turned back from spreadsheet forms
    report: object = None                                 # the validation report of the result
    diff: dict | None = None                              # kzdata.diff of the change


def _cell_text(value, column: str, is_list: bool, where: str, notes: list[str]) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        notes.append(f"{where}: {value} read as {str(value).lower()}")
        return str(value).lower()
    if isinstance(value, dt.datetime):
        text = value.date().isoformat() if value.time() == dt.time() else value.isoformat()
        notes.append(f"{where}: a date the spreadsheet made, written as {text}")
        return text
    if isinstance(value, dt.date):
        notes.append(f"{where}: a date the spreadsheet made, written as {value.isoformat()}")
        return value.isoformat()
    if isinstance(value, float):
        text = str(int(value)) if value.is_integer() else repr(value)
        notes.append(f"{where}: the number {value!r} written as {text}")
        return text
    if isinstance(value, int):
        return str(value)
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    if is_list:
        items = [x.strip() for x in text.split(";")]
        return ";".join(x for x in items if x)
    return text


def import_workbook(xlsx: str | Path, root: str | Path, today: dt.date | None = None, write: bool = True) -> ImportResult:
    from .diff import diff_sides, load_side
    from .fileio import write_atomic
    from .package import load_package
    from .validator import validate

    xlsx, root = Path(xlsx), Path(root)
    result = ImportResult()
    sheets, result.problems = read_workbook(xlsx)
    pkg = load_package(root, defer=[])
    new_files: dict[str, bytes] = {}
    for sheet, (header, body) in sheets.items():
        if sheet not in PUBLISHED_TABLES or sheet not in pkg.tables:
            result.problems.append(f"sheet {sheet!r} is not a table of the package (tables: {', '.join(PUBLISHED_TABLES)})")
            continue
        schema, table = pkg.schemas[sheet], pkg.tables[sheet]
        known = field_names(schema)
        unknown = [c for c in header if c not in known]
        pk = primary_key(schema, table.header)
        if unknown:
            result.problems.append(f"sheet {sheet!r}: columns {', '.join(map(repr, unknown))} are not in the schema of {sheet}")
            continue
        if not all(k in header for k in pk):
            result.problems.append(f"sheet {sheet!r}: the key column(s) {', '.join(pk)} are missing")
            continue
        fields = {f["name"]: f for f in fields_of(schema)}
        lists = {c for c in header if kz_of(fields[c]).get("kind") == "list"}
        current = {row_key(rec, pk): rec for _, rec in table.records()}
        rows = []
        for number, cells in body:
            values = {c: _cell_text(v, c, c in lists, f"sheet {sheet}, row {number}, {c}", result.conversions)
                      for c, v in zip(header, cells + [None] * (len(header) - len(cells)))}
            key = row_key(values, pk)
            base = dict(current.get(key, {c: "" for c in table.header}))
            base.update(values)
            rows.append([base.get(c, "") for c in table.header])
        data = canonical_csv(list(table.header), rows, schema)
        if data != pkg.raw.get(table.path):
            new_files[table.path] = data
    if result.problems:
        return result
    with tempfile.TemporaryDirectory(prefix="kzdata-import-") as tmp:
        copy = Path(tmp) / "pkg"
        copy.mkdir()
        for name in ("datapackage.json",):
            shutil.copy2(root / name, copy / name)
        for d in ("data", "schemas", "reference"):
            if (root / d).is_dir():
                shutil.copytree(root / d, copy / d, symlinks=True)
        for rel, data in new_files.items():
            (copy / rel).write_bytes(data)
        result.report = validate(copy, today=today, engine="rows")
        result.report.path = f"{root} with the edits of {xlsx.name}"   # not the temporary copy's path
        result.diff = diff_sides(load_side(str(root), root), load_side(str(copy), root))
        result.diff["old"], result.diff["new"] = "data/", xlsx.name
    if result.report.errors:
        result.problems.append(f"the edits would leave {len(result.report.errors)} validation error(s)")
        return result
    if write:
        from .fileio import ABSENT, FileChanged

        for rel, data in new_files.items():
            try:
                write_atomic(root / rel, data, expect=pkg.raw.get(rel, ABSENT))
            except FileChanged as exc:
                done = f" ({', '.join(result.written)} already written)" if result.written else ""
                result.problems.append(f"{rel} changed since kzdata import read it, so it was not written{done}: "
                                       "the other change is kept; run kzdata import again")
                return result
            result.written.append(rel)
    return result
