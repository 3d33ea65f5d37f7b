"""Exports of the dataset for other tools: `kzdata export` and `kzdata.export.export()`.

    from kzdata.export import export
    export("path/to/kzdata", "out/", fmt="csv", public=True)

Cells are written exactly as they are in the package (strings, never re-typed or re-formatted). With
public=True every field that a Table Schema marks sensitive (`"kzdata": {"sensitive": true}`) is left out.
Every file is written atomically: to a temporary file in the same directory, then renamed over the
target, so a reader never sees half a file and a failed export leaves the old file as it was.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

from .fileio import replace_atomically, write_atomic
from .schema import sensitive_fields
from .vocab import OPTIONAL_TABLES, PUBLISHED_TABLES

__all__ = ["FORMATS", "export", "replace_atomically", "sensitive_fields", "write_atomic"]

TABLES = list(PUBLISHED_TABLES)
FORMATS = ("csv", "json", "ndjson", "sqlite", "ftm")


def export(path: str | Path, out: str | Path, fmt: str = "csv", public: bool = False,
           today: dt.date | None = None) -> list[Path]:
    """Export the package at `path` into directory `out`; return the files written.

    Raises InvalidPackage when the package has validation errors: nothing is exported from bad data.
    """
    from .context import Context
    from .dataset import InvalidPackage
    from .engines.rows import check_context
    from .package import load_package

    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    ctx = Context.build(load_package(Path(path)), today or dt.date.today())
    report = check_context(ctx)
    if report.errors:
        raise InvalidPackage(report)
    return write_export(ctx, out, fmt, public)


def write_export(ctx, out: str | Path, fmt: str = "csv", public: bool = False) -> list[Path]:
    """Write the export of a built (and already validated) Context into `out`; return the files written.
    kzdata.site uses it to put the downloads of a release into the website without validating twice."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    out = Path(out)
    tables: dict[str, tuple[list[str], list[dict]]] = {}
    resources = []
    for name in TABLES:
        if name not in ctx.pkg.schemas and name in OPTIONAL_TABLES:   # a package of an earlier release
            continue
        schema = ctx.pkg.schemas[name]
        hidden = sensitive_fields(schema) if public else set()
        fields = [f for f in schema["fields"] if f["name"] not in hidden]
        columns = [f["name"] for f in fields]
        rows = [{c: row.rec.get(c, "") for c in columns} for row in ctx.table(name)]
        tables[name] = (columns, rows)
        resources.append({"name": name, "path": f"{name}.csv", "profile": "tabular-data-resource",
                          "schema": {**{k: v for k, v in schema.items() if k != "fields"}, "fields": fields}})
    written: list[Path] = []
    if fmt == "csv":
        for name, (columns, rows) in tables.items():
            buf = io.StringIO()
            writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
            written.append(_write(out / f"{name}.csv", buf.getvalue()))
        descriptor = {**{k: v for k, v in ctx.pkg.descriptor.items() if k != "resources"},
                      "description": _describe(ctx.pkg.descriptor, public), "resources": resources}
        written.append(_write(out / "datapackage.json", json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"))
    elif fmt == "json":
        for name, (_, rows) in tables.items():
            written.append(_write(out / f"{name}.json", json.dumps(rows, ensure_ascii=False, indent=2) + "\n"))
    elif fmt == "ndjson":
        for name, (_, rows) in tables.items():
            written.append(_write(out / f"{name}.ndjson", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)))
    elif fmt == "sqlite":
        from .export_sqlite import build_sqlite

        target = out / "kzdata.db"
        schemas = {n: ctx.pkg.schemas[n] for n in tables}

        def build(tmp: Path) -> None:
            tmp.unlink()  # sqlite3 creates the database itself, from no file
            build_sqlite(tmp, schemas, tables, public)

        written.append(replace_atomically(target, build))
    else:
        from .export_ftm import entities

        lines = "".join(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n" for e in entities(tables))
        written.append(_write(out / "entities.ftm.json", lines))
    return written


def _write(path: Path, text: str) -> Path:
    write_atomic(path, text.encode("utf-8"))
    return path


def _describe(descriptor: dict, public: bool) -> str:
    base = descriptor.get("description", "")
    note = " Public export: fields marked sensitive are left out." if public else " Full export, sensitive fields included."
    return (base + note).strip()
