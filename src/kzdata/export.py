"""Exports of the dataset for other tools: `kzdata export` and `kzdata.export.export()`.

    from kzdata.export import export
    export("path/to/kzdata", "out/", fmt="sqlite")

- `csv`: a Frictionless data package, cells exactly as they are in the package;
- `json`, `ndjson`: a file per table with typed values (kzdata.typed): lists as arrays, empty as null,
  numbers and booleans typed, dates as the strings they are;
- `sqlite`: the same typed values in tables with primary and foreign keys, join tables for list cells, the
  Criminal Code, a metadata table and full-text search, plus a Datasette metadata.json;
- `xlsx`: a workbook for spreadsheets, a sheet per table (kzdata.spreadsheet; `kzdata import` reads it back);
- `ftm`: FollowTheMoney entities for Aleph and OpenSanctions tooling.

Fields the schemas mark sensitive are left out unless include_sensitive=True. Every file is written
atomically: to a temporary file in the same directory, then renamed over the target, so a reader never
sees half a file and a failed export leaves the old file as it was.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

from .fileio import remove_stale_siblings, replace_atomically, write_atomic
from .schema import sensitive_fields
from .vocab import PUBLISHED_TABLES

__all__ = ["FORMATS", "export", "release_metadata", "replace_atomically", "sensitive_fields", "write_atomic", "write_export"]

TABLES = list(PUBLISHED_TABLES)
FORMATS = ("csv", "json", "ndjson", "sqlite", "xlsx", "ftm")


def release_metadata(root: Path, descriptor: dict) -> dict:
    """What an export says about where it came from: title, version, release date, commit and licence."""
    from .gitio import git_text

    licences = descriptor.get("licenses") or [{}]
    return {"title": descriptor.get("title", ""), "name": descriptor.get("name", ""), "version": descriptor.get("version", ""),
            "created": descriptor.get("created", ""), "commit": git_text(root, "rev-parse", "HEAD") if (root / ".git").exists() else "",
            "licence": licences[0].get("name", ""), "licence_url": licences[0].get("path", ""),
            "description": descriptor.get("description", ""),
            "source_url": descriptor.get("homepage", "")}


def export(path: str | Path, out: str | Path, fmt: str = "csv", include_sensitive: bool = False,
           today: dt.date | None = None, public: bool | None = None) -> list[Path]:
    """Export the package at `path` into directory `out`; return the files written.

    Leaves out every field the schemas mark sensitive unless include_sensitive=True (public=False, the
    earlier spelling, means the same). Raises InvalidPackage when the package has validation errors:
    nothing is exported from bad data.
    """
    from .context import Context
    from .dataset import InvalidPackage
    from .engines.rows import check_context
    from .package import load_package

    if public is not None:
        include_sensitive = not public
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    root = Path(path)
    ctx = Context.build(load_package(root), today or dt.date.today())
    report = check_context(ctx)
    if report.errors:
        raise InvalidPackage(report)
    return write_export(ctx, out, fmt, include_sensitive)


def write_export(ctx, out: str | Path, fmt: str = "csv", include_sensitive: bool = False) -> list[Path]:
    """Write the export of a built (and already validated) Context into `out`; return the files written.
    kzdata.site uses it to put the downloads of a release into the website without validating twice."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    root = Path(ctx.pkg.root)
    out = Path(out)
    schemas = {name: ctx.pkg.schemas[name] for name in TABLES if name in ctx.pkg.schemas}
    tables: dict[str, tuple[list[str], list[dict]]] = {}
    resources = []
    for name, schema in schemas.items():
        hidden = set() if include_sensitive else sensitive_fields(schema)
        fields = [f for f in schema["fields"] if f["name"] not in hidden]
        columns = [f["name"] for f in fields]
        rows = [{c: row.rec.get(c, "") for c in columns} for row in ctx.table(name)]
        tables[name] = (columns, rows)
        resources.append({"name": name, "path": f"{name}.csv", "profile": "tabular-data-resource",
                          "schema": {**{k: v for k, v in schema.items() if k != "fields"}, "fields": fields}})
    meta = release_metadata(root, ctx.pkg.descriptor)
    meta["sensitive_fields"] = "included" if include_sensitive else "left out"
    written: list[Path] = []
    if fmt == "csv":
        for name, (columns, rows) in tables.items():
            buf = io.StringIO()
            writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
            written.append(_write(out / f"{name}.csv", buf.getvalue()))
        descriptor = {**{k: v for k, v in ctx.pkg.descriptor.items() if k != "resources"},
                      "description": _describe(ctx.pkg.descriptor, include_sensitive), "resources": resources}
        written.append(_write(out / "datapackage.json", json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"))
    elif fmt in ("json", "ndjson"):
        from .typed import typed_rows

        for name, (_, rows) in tables.items():
            typed = typed_rows(schemas[name], rows, include_sensitive)
            text = (json.dumps(typed, ensure_ascii=False, indent=2) + "\n" if fmt == "json"
                    else "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in typed))
            written.append(_write(out / f"{name}.{fmt}", text))
    elif fmt == "sqlite":
        from .export_sqlite import build_sqlite, datasette_metadata

        target = out / "kzdata.db"

        def build(tmp: Path) -> None:
            tmp.unlink()  # sqlite3 creates the database itself, from no file
            build_sqlite(tmp, schemas, tables, include_sensitive, ctx.pkg.reference or {}, meta)

        written.append(replace_atomically(target, build))
        written.append(_write(out / "metadata.json", json.dumps(datasette_metadata(schemas, meta, include_sensitive),
                                                               ensure_ascii=False, indent=2) + "\n"))
    elif fmt == "xlsx":
        from .spreadsheet import write_workbook

        target = out / "kzdata.xlsx"
        written.append(replace_atomically(target, lambda tmp: write_workbook(tmp, schemas, tables, meta)))
    else:
        from .export_ftm import entities

        lines = "".join(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n" for e in entities(tables))
        written.append(_write(out / "entities.ftm.json", lines))
    for target in written:   # what an earlier export, killed while it wrote, left beside its files
        remove_stale_siblings(target)
    return written


def _write(path: Path, text: str) -> Path:
    write_atomic(path, text.encode("utf-8"))
    return path


def _describe(descriptor: dict, include_sensitive: bool) -> str:
    base = descriptor.get("description", "")
    note = " Full export, sensitive fields included: not for publication." if include_sensitive else \
        " Public export: fields marked sensitive are left out."
    return (base + note).strip()
