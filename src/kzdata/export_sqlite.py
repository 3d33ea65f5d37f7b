"""The SQLite export: one table per CSV with primary and foreign keys and indexes, and views a journalist
can browse (in Datasette, DB Browser or the sqlite3 shell). Cells keep their text; integer columns are
stored as integers."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from .schema import primary_key
from .vocab import PACKAGE_TABLES

VIEWS = {
    "person_overview": """
        SELECT p.id, p.name, p.status, p.status_date, p.region,
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
        SELECT code, article, count(*) AS charges, count(DISTINCT person) AS persons
        FROM charges GROUP BY code, article ORDER BY charges DESC""",
    "timeline": """
        SELECT e.date, p.name AS person, e.type, e.authority, e.reference, e.place, e.person AS person_id, e."case" AS case_id
        FROM events e JOIN persons p ON p.id = e.person ORDER BY e.date""",
}


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def build_sqlite(path: Path, schemas: dict[str, dict], tables: dict[str, tuple[list[str], list[dict]]], public: bool) -> None:
    db = sqlite3.connect(path)
    try:
        db.execute("PRAGMA foreign_keys = ON")
        order = [n for n in PACKAGE_TABLES if n in tables]
        for name in order:
            columns, rows = tables[name]
            fields = {f["name"]: f for f in schemas[name]["fields"]}
            pk = primary_key(schemas[name], columns)
            defs = [f"{_quote(c)} {'INTEGER' if fields.get(c, {}).get('type') == 'integer' else 'TEXT'}" for c in columns]
            defs.append(f"PRIMARY KEY ({', '.join(map(_quote, pk))})")
            fks = []
            for fk in schemas[name].get("foreignKeys") or []:
                cols = fk["fields"] if isinstance(fk["fields"], list) else [fk["fields"]]
                ref = fk["reference"]
                rcols = ref["fields"] if isinstance(ref["fields"], list) else [ref["fields"]]
                target = ref.get("resource") or name
                if target in tables and all(c in columns for c in cols):
                    defs.append(f"FOREIGN KEY ({', '.join(map(_quote, cols))}) REFERENCES {_quote(target)} ({', '.join(map(_quote, rcols))})")
                    fks.extend(cols)
            db.execute(f"CREATE TABLE {_quote(name)} ({', '.join(defs)})")
            for col in fks:
                db.execute(f"CREATE INDEX {_quote(f'idx_{name}_{col}')} ON {_quote(name)} ({_quote(col)})")
            marks = ", ".join("?" for _ in columns)

            def value(c, v):
                if v == "":
                    return None
                return int(v) if fields.get(c, {}).get("type") == "integer" else v

            db.executemany(f"INSERT INTO {_quote(name)} VALUES ({marks})", ([value(c, r[c]) for c in columns] for r in rows))
        for view, sql in VIEWS.items():
            db.execute(f"CREATE VIEW {_quote(view)} AS {sql}")
        db.execute("CREATE TABLE _metadata (key TEXT PRIMARY KEY, value TEXT)")
        db.execute("INSERT INTO _metadata VALUES ('public', ?)", ("true" if public else "false",))
        db.commit()
    finally:
        db.close()
