"""`kzdata new person|case|source`: add one row with a fresh id, so contributors never invent ids by hand.

The id follows the naming rules (person `surname-givenname`, case `<place>-<year>-<slug>`, source
`<publisher>-<year>-<slug>`), gets a `-2`, `-3`… suffix when taken, and is never an id retired in
data/retired.csv. The row is inserted where `kzdata fmt` would put it, and the file is written atomically.
"""
from __future__ import annotations

import csv
import io
import re
import unicodedata
from pathlib import Path

from .canonical_form import format_csv
from .fileio import write_atomic
from .package import load_package


class ScaffoldError(ValueError):
    """The row cannot be made: say why in words a contributor understands."""


def slug(text: str, words: int | None = None) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    parts = [p for p in re.split(r"[^a-z0-9]+", ascii_text.lower()) if p]
    if words:
        parts = [p for p in parts if p not in ("the", "a", "an", "of", "in", "and", "for", "on")][:words]
    if not parts:
        raise ScaffoldError(f"{text!r} has no Latin letters or digits to make an id from; give the Latin spelling")
    return "-".join(parts)


def _taken(root: Path, table: str) -> tuple[set[str], object]:
    pkg = load_package(root)
    if table not in pkg.tables or table not in pkg.schemas:
        raise ScaffoldError(f"the package has no readable {table} table; run kzdata validate first")
    ids = set(pkg.tables[table].column("id"))
    if "retired" in pkg.tables:
        t = pkg.tables["retired"]
        ids |= {i for i, tab in zip(t.column("id"), t.column("table")) if tab == table}
    return ids, pkg


def fresh_id(base: str, taken: set[str]) -> str:
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def _append(root: Path, pkg, table: str, row: dict) -> None:
    t = pkg.tables[table]
    schema = pkg.schemas[table]
    data = pkg.raw[t.path]
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow([row.get(c, "") for c in t.header])
    text = data.decode("utf-8")
    if text and not text.endswith("\n"):
        text += "\n"
    write_atomic(root / t.path, format_csv((text + buf.getvalue()).encode("utf-8"), schema))


def _source_exists(pkg, source: str) -> None:
    known = set(pkg.tables["sources"].column("id")) if "sources" in pkg.tables else set()
    if source not in known:
        raise ScaffoldError(f"there is no source {source!r} in data/sources.csv: add it first with kzdata new source")


def new_source(root: str | Path, publisher: str, title: str, published: str, url: str, kind: str = "other",
               language: str = "", sid: str | None = None) -> str:
    root = Path(root)
    taken, pkg = _taken(root, "sources")
    base = sid or f"{slug(publisher, 2)}-{published[:4]}-{slug(title, 3)}"
    if sid and sid in taken:
        raise ScaffoldError(f"the id {sid!r} is already used (or retired) in sources")
    new = fresh_id(base, taken)
    _append(root, pkg, "sources", {"id": new, "publisher": publisher, "title": title, "published": published, "url": url,
                                       "kind": kind, "language": language})
    return new


def new_person(root: str | Path, name: str, source: str, status: str = "unknown", status_date: str = "") -> str:
    root = Path(root)
    taken, pkg = _taken(root, "persons")
    _source_exists(pkg, source)
    words = name.split()
    if len(words) < 2:
        raise ScaffoldError("give the name as 'Given Surname' (at least two words)")
    new = fresh_id(f"{slug(words[-1])}-{slug(' '.join(words[:-1]))}", taken)
    if not status_date:
        sources = pkg.tables["sources"]
        published = dict(zip(sources.column("id"), sources.column("published")))
        status_date = published.get(source, "")
    _append(root, pkg, "persons", {"id": new, "name": name, "status": status, "status_date": status_date, "sources": source})
    return new


def new_case(root: str | Path, place: str, year: str, slug_text: str, title: str, source: str) -> str:
    root = Path(root)
    taken, pkg = _taken(root, "cases")
    _source_exists(pkg, source)
    if not re.fullmatch(r"[0-9]{4}", year):
        raise ScaffoldError(f"the year must have four digits, got {year!r}")
    new = fresh_id(f"{slug(place)}-{year}-{slug(slug_text)}", taken)
    _append(root, pkg, "cases", {"id": new, "title": title, "sources": source})
    return new
