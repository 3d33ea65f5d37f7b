"""What changed between two versions of the package: `kzdata diff OLD NEW` and `kzdata.diff.diff()`.

Each side is a directory or a git revision of the repository. Records are matched by id (or primary key);
a change lists each field's old and new value. Schema changes list columns added, removed, renamed (a
column that disappeared while one with the same definition appeared), retyped, and constraints changed.

`apply(old_tables, result)` replays a diff onto the old rows and gives the new rows: the property tests
use it to show that the diff reports every change and nothing else.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .csvio import read_table
from .schema import primary_key, row_key
from .vocab import RECORD_TABLES

TABLES = list(RECORD_TABLES) + ["disputes", "exceptions", "retired"]


class DiffError(RuntimeError):
    """A side cannot be read (unknown revision, not a package)."""


@dataclass
class Side:
    """One version of the package: its descriptor, schemas and tables (header and rows keyed by id)."""

    label: str
    descriptor: dict = field(default_factory=dict)
    schemas: dict[str, dict] = field(default_factory=dict)
    tables: dict[str, tuple[list[str], dict[str, dict]]] = field(default_factory=dict)


def _rows(name: str, data: bytes, schema: dict) -> tuple[list[str], dict[str, dict]]:
    table, problems = read_table(name, name, data)
    if problems:
        raise DiffError(f"{name}: {problems[0].message} (line {problems[0].line})")
    pk = primary_key(schema, table.header)
    return table.header, {row_key(rec, pk): rec for _, rec in table.records()}


def _reader_for(spec: str, repo: Path):
    path = Path(spec)
    if path.is_dir() and (path / "datapackage.json").is_file():
        from .package import _inside

        def read_dir(rel: str) -> bytes | None:
            inside = _inside(path, rel)    # never a file outside the package, whatever the descriptor says
            try:
                return inside.read_bytes() if inside is not None and inside.is_file() else None
            except OSError:
                return None

        return spec, read_dir
    from .gitio import GitError, file_at, is_revision, repo_prefix, resolve

    try:
        if not is_revision(repo, spec):
            raise DiffError(f"{spec!r} is neither a package directory nor a git revision of {repo}")
        commit = resolve(repo, spec)   # git reads the commit's hash, never the name given
        prefix = repo_prefix(repo)
    except GitError as exc:
        raise DiffError(str(exc)) from None

    def read(rel: str) -> bytes | None:
        return file_at(repo, prefix, commit, rel)

    return spec, read


def load_side(spec: str, repo: str | Path = ".") -> Side:
    label, read = _reader_for(spec, Path(repo))
    raw = read("datapackage.json")
    if raw is None:
        raise DiffError(f"{spec}: no datapackage.json")
    from .jsonio import JsonProblem, loads

    try:
        desc = loads(raw)
    except JsonProblem as exc:
        raise DiffError(f"{spec}: datapackage.json cannot be read: {exc.message}") from None
    if not isinstance(desc, dict) or not isinstance(desc.get("resources"), list):
        raise DiffError(f"{spec}: datapackage.json is not an object with a list of resources")
    side = Side(label=label, descriptor=desc)
    for res in desc["resources"]:
        if not isinstance(res, dict):
            continue
        name = res.get("name")
        if name not in TABLES or not isinstance(res.get("path"), str):
            continue
        schema = res.get("schema")
        if isinstance(schema, str):
            sraw = read(schema)
            try:
                schema = loads(sraw) if sraw else {"fields": []}
            except JsonProblem as exc:
                raise DiffError(f"{spec}: {schema} cannot be read: {exc.message}") from None
        data = read(res["path"])
        if data is None:
            continue
        side.schemas[name] = schema
        side.tables[name] = _rows(name, data, schema)
    return side


def _field_changes(old: dict, new: dict) -> dict[str, list]:
    """Fields whose value differs. An empty cell in a column that only one side has is no change to the
    record (the schema change reports the column)."""
    return {c: [old.get(c), new.get(c)] for c in sorted(set(old) | set(new))
            if old.get(c) != new.get(c) and (old.get(c) or "") != (new.get(c) or "")}


def _schema_changes(old: dict, new: dict) -> dict:
    of = {f["name"]: f for f in old.get("fields", [])}
    nf = {f["name"]: f for f in new.get("fields", [])}
    added, removed = [c for c in nf if c not in of], [c for c in of if c not in nf]
    renamed = []
    for r in list(removed):
        twin = next((a for a in added if {k: v for k, v in nf[a].items() if k != "name"} == {k: v for k, v in of[r].items() if k != "name"}), None)
        if twin:
            renamed.append([r, twin])
            removed.remove(r)
            added.remove(twin)
    retyped = [[c, of[c].get("type", "string"), nf[c].get("type", "string")] for c in of if c in nf
               and of[c].get("type", "string") != nf[c].get("type", "string")]
    constraints = [{"column": c, "old": of[c].get("constraints", {}), "new": nf[c].get("constraints", {})} for c in of
                   if c in nf and of[c].get("constraints", {}) != nf[c].get("constraints", {})]
    out = {"added": added, "removed": removed, "renamed": renamed, "retyped": retyped, "constraints": constraints}
    if [f["name"] for f in old.get("fields", [])] != [f["name"] for f in new.get("fields", [])] and not any(out.values()):
        out["reordered"] = True
    if old.get("primaryKey") != new.get("primaryKey"):
        out["primary_key"] = [old.get("primaryKey"), new.get("primaryKey")]
    return {k: v for k, v in out.items() if v}


def diff_sides(old: Side, new: Side) -> dict:
    result: dict = {"old": old.label, "new": new.label,
                    "version": [old.descriptor.get("version", ""), new.descriptor.get("version", "")], "tables": {}}
    for name in TABLES:
        o_header, o_rows = old.tables.get(name, ([], {}))
        n_header, n_rows = new.tables.get(name, ([], {}))
        if name not in old.tables and name not in new.tables:
            continue
        entry = {
            "added": {k: n_rows[k] for k in n_rows if k not in o_rows},
            "removed": {k: o_rows[k] for k in o_rows if k not in n_rows},
            "changed": {k: ch for k in o_rows if k in n_rows and (ch := _field_changes(o_rows[k], n_rows[k]))},
            "schema": _schema_changes(old.schemas.get(name, {}), new.schemas.get(name, {})),
        }
        if name not in old.tables:
            entry["schema"]["table_added"] = True
        if name not in new.tables:
            entry["schema"]["table_removed"] = True
        if any(entry.values()):
            result["tables"][name] = entry
    return result


def diff(old: str, new: str, repo: str | Path = ".") -> dict:
    return diff_sides(load_side(old, repo), load_side(new, repo))


def is_empty(result: dict) -> bool:
    return not result["tables"]


def apply(old_tables: dict[str, dict[str, dict]], result: dict) -> dict[str, dict[str, dict]]:
    """Replay the record changes of a diff on OLD's rows (table -> key -> record)."""
    out = {name: {k: dict(v) for k, v in rows.items()} for name, rows in old_tables.items()}
    for name, entry in result["tables"].items():
        rows = out.setdefault(name, {})
        for k in entry["removed"]:
            rows.pop(k, None)
        for k, changes in entry["changed"].items():
            for col, (_, new_value) in changes.items():
                if new_value is None:
                    rows[k].pop(col, None)
                else:
                    rows[k][col] = new_value
        for k, rec in entry["added"].items():
            rows[k] = dict(rec)
    return out


# --- rendering -------------------------------------------------------------------------------------------

def _summary(entry: dict) -> str:
    return f"{len(entry['added'])} added, {len(entry['removed'])} removed, {len(entry['changed'])} changed"


def render_json(result: dict) -> str:
    return json.dumps(result, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _schema_lines(schema: dict) -> list[str]:
    if schema.get("table_added"):
        key = (schema.get("primary_key") or [None, None])[1]
        return [f"new table, columns {', '.join(schema.get('added', []))}" + (f"; key {', '.join(key)}" if key else "")]
    if schema.get("table_removed"):
        return ["table removed"]
    lines = []
    for k, v in schema.items():
        if k == "constraints":
            lines += [f"constraints of {c['column']} changed: {json.dumps(c['old'], ensure_ascii=False)} -> "
                      f"{json.dumps(c['new'], ensure_ascii=False)}" for c in v]
        elif k == "renamed":
            lines += [f"column renamed: {a} -> {b}" for a, b in v]
        elif k == "retyped":
            lines += [f"column {c} retyped: {a} -> {b}" for c, a, b in v]
        elif k in ("added", "removed"):
            lines += [f"column {k}: {c}" for c in v]
        else:
            lines.append(f"{k.replace('_', ' ')}: {v}")
    return lines


def render_text(result: dict) -> str:
    out = [f"kzdata diff {result['old']} {result['new']}"]
    if is_empty(result):
        return out[0] + "\nno differences\n"
    for name, e in result["tables"].items():
        out.append(f"\n{name}: {_summary(e)}")
        out += [f"  schema: {line}" for line in _schema_lines(e["schema"])]
        out += [f"  + {k}" for k in e["added"]]
        out += [f"  - {k}" for k in e["removed"]]
        for k, changes in e["changed"].items():
            out.append(f"  ~ {k}")
            out += [f"      {col}: {old!r} -> {new!r}" for col, (old, new) in changes.items()]
    return "\n".join(out) + "\n"


def render_markdown(result: dict) -> str:
    out = [f"Changes from `{result['old']}` to `{result['new']}`:", ""]
    if is_empty(result):
        return out[0] + " none.\n"
    for name, e in result["tables"].items():
        out.append(f"- **{name}**: {_summary(e)}")
        out += [f"  - schema: {line}" for line in _schema_lines(e["schema"])]
        if e["added"]:
            out.append("  - added: " + ", ".join(f"`{k}`" for k in e["added"]))
        if e["removed"]:
            out.append("  - removed: " + ", ".join(f"`{k}`" for k in e["removed"]))
        for k, changes in e["changed"].items():
            out.append(f"  - `{k}`: " + "; ".join(f"{col} `{old}` → `{new}`" for col, (old, new) in changes.items()))
    return "\n".join(out) + "\n"


RENDERER_BY_NAME = {"text": render_text, "markdown": render_markdown, "json": render_json}
