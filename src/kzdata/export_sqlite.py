"""The SQLite export, for Datasette, DB Browser or the sqlite3 shell:

- one table per CSV table with typed values (kzdata.typed: empty is NULL, integers and numbers typed,
  booleans 0/1), primary and foreign keys, indexes on the foreign keys;
- a join table per list cell (`persons_sources`, `persons_affiliations`, `charges_sources`, …: the row's key,
  the item and its position), with a foreign key to the table the items name;
- `criminal_code`: every article of the reference (code, article, title, chapter, added, repealed);
- `_metadata`: title, version, release date, commit, licence, whether sensitive fields are included;
- full-text search (FTS5) on the names and notes of persons and the titles and summaries of cases;
- views a journalist can browse (person_overview, sentences_with_names, charges_by_article, timeline).

datasette_metadata() gives the metadata.json that Datasette reads beside the database (title, licence,
source, column descriptions, the full-text tables).
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from .schema import fields_of, kz_of, primary_key, references
from .typed import converter
from .vocab import PACKAGE_TABLES

VIEWS = {
    "person_overview": """
        SELECT p.id, p.name, p.name_cyrillic, p.status, p.status_date, p.region,
               (SELECT count(*) FROM charges c WHERE c.person = p.id) AS charges,
               (SELECT group_concat(DISTINCT c.code || ' art. ' || c.article) FROM charges c WHERE c.person = p.id) AS articles,
               (SELECT count(*) FROM sentences s WHERE s.person = p.id) AS punishments,
               (SELECT count(*) FROM events e WHERE e.person = p.id) AS events
        FROM persons p""",
    "sentences_with_names": """
        SELECT s.id, p.name AS person, k.title AS case_title, s.verdict_date, s.instance, s.kind, s.term, s.amount,
               s.currency, s.role, s.in_absentia, s.court, s.person AS person_id, s."case" AS case_id
        FROM sentences s JOIN persons p ON p.id = s.person JOIN cases k ON k.id = s."case" """,
    "charges_by_article": """
        SELECT c.code, c.article, cc.title_ru, count(*) AS charges, count(DISTINCT c.person) AS persons
        FROM charges c LEFT JOIN criminal_code cc ON cc.code = c.code AND cc.article = c.article
        GROUP BY c.code, c.article ORDER BY charges DESC""",
    "timeline": """
        SELECT e.date, p.name AS person, e.type, e.authority, e.reference, e.place, e.person AS person_id, e."case" AS case_id
        FROM events e JOIN persons p ON p.id = e.person ORDER BY e.date""",
}
FTS = {"persons": ["name", "name_cyrillic", "aliases", "notes"], "cases": ["title", "summary", "notes"]}


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sql_type(field: dict) -> str:
    return {"integer": "INTEGER", "number": "REAL", "boolean": "INTEGER"}.get(field.get("type", "string"), "TEXT")


def build_sqlite(path: Path, schemas: dict[str, dict], tables: dict[str, tuple[list[str], list[dict]]], include_sensitive: bool,
                 reference: dict | None = None, meta: dict | None = None) -> None:
    db = sqlite3.connect(path)
    try:
        db.execute("PRAGMA foreign_keys = ON")
        _criminal_code(db, reference or {})
        order = [n for n in PACKAGE_TABLES if n in tables]
        for name in order:
            columns, rows = tables[name]
            schema = schemas[name]
            fields = {f["name"]: f for f in fields_of(schema)}
            pk = primary_key(schema, columns)
            defs = [f"{_quote(c)} {_sql_type(fields.get(c, {}))}" for c in columns]
            defs.append(f"PRIMARY KEY ({', '.join(map(_quote, pk))})")
            fk_cols = []
            for col, target, is_list in references(schema, name):
                if not is_list and target in tables and col in columns:
                    defs.append(f"FOREIGN KEY ({_quote(col)}) REFERENCES {_quote(target)} (id)")
                    fk_cols.append(col)
            db.execute(f"CREATE TABLE {_quote(name)} ({', '.join(defs)})")
            for col in fk_cols:
                db.execute(f"CREATE INDEX {_quote(f'idx_{name}_{col}')} ON {_quote(name)} ({_quote(col)})")
            conv = [converter(fields.get(c, {})) for c in columns]
            lists = [c for c in columns if kz_of(fields.get(c, {})).get("kind") == "list"]

            def value(c, f, v):
                if c in lists:
                    return v or None   # the list as written; its items are in the join table
                x = f(v)
                return int(x) if isinstance(x, bool) else x

            marks = ", ".join("?" for _ in columns)
            db.executemany(f"INSERT INTO {_quote(name)} VALUES ({marks})",
                           ([value(c, f, r[c]) for c, f in zip(columns, conv)] for r in rows))
            for col in lists:
                _join_table(db, name, pk, col, rows, kz_of(fields[col]).get("reference", {}).get("resource"), tables)
        for name, cols in FTS.items():
            if name in tables:
                present = [c for c in cols if c in tables[name][0]]
                db.execute(f"CREATE VIRTUAL TABLE {_quote(name + '_fts')} USING fts5({', '.join(map(_quote, present))}, "
                           f"content={_quote(name)}, content_rowid='rowid')")
                db.execute(f"INSERT INTO {_quote(name + '_fts')} ({_quote(name + '_fts')}) VALUES ('rebuild')")
        for view, sql in VIEWS.items():
            db.execute(f"CREATE VIEW {_quote(view)} AS {sql}")
        db.execute("CREATE TABLE _metadata (key TEXT PRIMARY KEY, value TEXT)")
        items = dict(meta or {})
        items["public"] = "false" if include_sensitive else "true"
        db.executemany("INSERT INTO _metadata VALUES (?, ?)", sorted((k, str(v)) for k, v in items.items()))
        db.commit()
    finally:
        db.close()


def _join_table(db, name: str, pk: list[str], col: str, rows: list[dict], target: str | None, tables: dict) -> None:
    """<table>_<column>: one row per item of a list cell, with its position, keyed like the table."""
    join = f"{name}_{col}"
    keys = [f"{_quote(k)} TEXT NOT NULL" for k in pk]
    defs = keys + ["item TEXT NOT NULL", "position INTEGER NOT NULL", f"PRIMARY KEY ({', '.join(map(_quote, pk))}, position)",
                   f"FOREIGN KEY ({', '.join(map(_quote, pk))}) REFERENCES {_quote(name)} ({', '.join(map(_quote, pk))})"]
    if target in tables:
        defs.append(f"FOREIGN KEY (item) REFERENCES {_quote(target)} (id)")
    db.execute(f"CREATE TABLE {_quote(join)} ({', '.join(defs)})")
    db.execute(f"CREATE INDEX {_quote(f'idx_{join}_item')} ON {_quote(join)} (item)")
    db.executemany(f"INSERT INTO {_quote(join)} VALUES ({', '.join('?' for _ in pk)}, ?, ?)",
                   ([*(r[k] for k in pk), item, n] for r in rows
                    for n, item in enumerate(x for x in (r.get(col) or "").split(";") if x)))


def _criminal_code(db, reference: dict) -> None:
    db.execute("""CREATE TABLE criminal_code (code TEXT NOT NULL, article TEXT NOT NULL, title_ru TEXT, chapter TEXT,
                  added_law TEXT, added_in_force_not_before TEXT, repealed_law TEXT, repealed_in_force_not_before TEXT,
                  banned_organisation INTEGER NOT NULL, PRIMARY KEY (code, article))""")
    rows = []
    for ed in reference.get("editions", []):
        for a in ed.get("articles", []):
            add, rep = a.get("added") or {}, a.get("repealed") or {}
            rows.append((ed["code"], a["article"], a.get("title_ru"), a.get("chapter"), add.get("law"), add.get("in_force_not_before"),
                         rep.get("law"), rep.get("in_force_not_before"), int(bool(a.get("banned_organisation")))))
    db.executemany("INSERT INTO criminal_code VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


def datasette_metadata(schemas: dict[str, dict], meta: dict, include_sensitive: bool) -> dict:
    """Datasette's metadata.json for kzdata.db: title, licence, source, column descriptions, full-text tables."""
    tables = {}
    for name, schema in schemas.items():
        columns = {f["name"]: f.get("description", "") for f in fields_of(schema)
                   if include_sensitive or not kz_of(f).get("sensitive")}
        entry: dict = {"description": schema.get("description", ""), "columns": columns}
        if name in FTS:
            entry.update(fts_table=f"{name}_fts", fts_pk="rowid")
        tables[name] = entry
    tables["criminal_code"] = {"description": "Articles of the Criminal Codes of Kazakhstan (1997 and 2014), with the laws that added "
                                              "or repealed them, from the official texts"}
    return {"title": meta.get("title", "kzdata"),
            "description": (meta.get("description", "") + f" Version {meta.get('version') or '(unreleased)'}.").strip(),
            "license": meta.get("licence", ""), "license_url": meta.get("licence_url", ""),
            "source": "kzdata" + (f" {meta['version']}" if meta.get("version") else ""), "source_url": meta.get("source_url", ""),
            "databases": {"kzdata": {"tables": tables}}}
