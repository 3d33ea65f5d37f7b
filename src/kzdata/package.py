"""Loading a data package from disk: descriptor, schemas, tables and reference data.

Everything read is inside the package directory: resource and schema paths must be relative, without
`..`, and may not resolve (through symlinks) outside it. Problems become findings, never exceptions.
"""
from __future__ import annotations

import json
import re
from collections.abc import Collection
from itertools import accumulate
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from .csvio import Table, read_table
from .findings import Finding, make
from .vocab import OPTIONAL_TABLES, PACKAGE_TABLES, REFERENCE

DESCRIPTOR = "datapackage.json"
MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_DEPTH = 64  # JSON nesting levels; the real files use fewer than 10
TABLES = list(PACKAGE_TABLES)


@dataclass
class Package:
    root: Path
    descriptor: dict = field(default_factory=dict)
    schemas: dict[str, dict] = field(default_factory=dict)  # table name -> Table Schema
    tables: dict[str, Table] = field(default_factory=dict)
    reference: dict | None = None
    reference_path: str = ""
    findings: list[Finding] = field(default_factory=list)
    raw: dict[str, bytes] = field(default_factory=dict)  # bytes of every file read, by relative path
    files: dict[str, str] = field(default_factory=dict)  # table name -> relative path of its CSV file


def _inside(root: Path, rel: str) -> Path | None:
    """Resolve a relative path inside root; None when it is absolute, a URL, or escapes root."""
    if not isinstance(rel, str) or not rel or "://" in rel or rel.startswith(("/", "\\")) or ":" in rel.split("/")[0]:
        return None
    parts = rel.replace("\\", "/").split("/")
    if ".." in parts:
        return None
    path = (root / rel)
    try:
        resolved = path.resolve()
        resolved.relative_to(root.resolve())
    except (ValueError, OSError):
        return None
    return path


def _readable(pkg: Package, path: Path, rel: str) -> bool:
    """The file can be read and is within MAX_FILE_BYTES; otherwise a finding says why."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        pkg.findings.append(make("KZ003", rel, 0, "", f"cannot read {rel}: {exc.strerror or exc}"))
        return False
    if size > MAX_FILE_BYTES:
        pkg.findings.append(make("KZ017", rel, 0, "", f"{rel} is {size} bytes, over the {MAX_FILE_BYTES}-byte limit kzdata reads",
                                 "Split the table or raise the limit in kzdata.package.MAX_FILE_BYTES."))
        return False
    return True


def _read_bytes(pkg: Package, path: Path, rel: str) -> bytes | None:
    if not _readable(pkg, path, rel):
        return None
    try:
        data = path.read_bytes()
        pkg.raw[rel] = data
        return data
    except OSError as exc:
        pkg.findings.append(make("KZ003", rel, 0, "", f"cannot read {rel}: {exc.strerror or exc}"))
        return None


def _load_json(pkg: Package, path: Path, rel: str, code: str) -> object | None:
    data = _read_bytes(pkg, path, rel)
    if data is None:
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        pkg.findings.append(make(code, rel, 1, "", f"{rel} starts with a UTF-8 byte-order mark; save it without one"))
        return None
    from . import cache

    depth = 0 if cache.known(pkg.root, "json-depth-ok", data) else _max_depth(data)
    if depth <= MAX_DEPTH:
        cache.remember(pkg.root, "json-depth-ok", data)
    if depth > MAX_DEPTH:
        pkg.findings.append(make("KZ017", rel, 0, "", f"{rel} nests {depth} levels deep, more than the {MAX_DEPTH} levels kzdata reads"))
        return None
    try:
        return json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        pkg.findings.append(make(code, rel, data.count(b"\n", 0, exc.start) + 1, "", f"{rel} is not valid UTF-8"))
    except RecursionError:
        pkg.findings.append(make("KZ017", rel, 0, "", f"{rel} nests too deeply to be read (more than {MAX_DEPTH} levels)"))
    except json.JSONDecodeError as exc:
        pkg.findings.append(make(code, rel, exc.lineno, "", f"{rel} is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"))
    return None


_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.S)
_NOT_BRACKET = bytes(b for b in range(256) if b not in b"[]{}")
_DEPTH_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}


def _max_depth(data: bytes) -> int:
    """Deepest bracket nesting in JSON text, counted without parsing (strings are skipped)."""
    brackets = _JSON_STRING.sub(b"", data).translate(None, _NOT_BRACKET)
    return max(accumulate(_DEPTH_STEP[b] for b in brackets), default=0)


def load_package(root: str | Path, read_tables: bool | Collection[str] = True, defer: list | None = None) -> Package:
    """Read the package at root. read_tables may name the tables to read; the CSV files of the others
    (all, with False) are only located (pkg.files) and size-checked: the columnar engine (kzdata.engines.columnar)
    reads them itself. With a list as `defer`, the JSON Schema check of the Criminal Code reference is
    not run but appended to it (a function of no arguments): pkg.reference is set when it passes."""
    root = Path(root)
    pkg = Package(root=root)
    dpath = root / DESCRIPTOR
    if dpath.is_symlink() and _inside(root, DESCRIPTOR) is None:
        pkg.findings.append(make("KZ001", DESCRIPTOR, 0, "", f"{DESCRIPTOR} is a link to a file outside the package; it is not read"))
        return pkg
    if not dpath.is_file():
        pkg.findings.append(make("KZ001", DESCRIPTOR, 0, "", f"no {DESCRIPTOR} in {root}"))
        return pkg
    desc = _load_json(pkg, dpath, DESCRIPTOR, "KZ001")
    if desc is None:
        return pkg
    if not isinstance(desc, dict) or not isinstance(desc.get("resources"), list):
        pkg.findings.append(make("KZ002", DESCRIPTOR, 1, "resources", "datapackage.json must be an object with a list of resources"))
        return pkg
    pkg.descriptor = desc
    seen: dict[str, dict] = {}
    for i, res in enumerate(desc["resources"]):
        if not isinstance(res, dict) or not isinstance(res.get("name"), str):
            pkg.findings.append(make("KZ002", DESCRIPTOR, 0, f"resources[{i}]", f"resource {i} has no name"))
            continue
        seen[res["name"]] = res
    for name in TABLES + [REFERENCE]:
        if name not in seen and name not in OPTIONAL_TABLES:
            pkg.findings.append(make("KZ002", DESCRIPTOR, 0, "resources", f"the package has no resource named '{name}'",
                                     f"Add the '{name}' resource to datapackage.json."))
    for name, res in seen.items():
        if name not in TABLES and name != REFERENCE:
            pkg.findings.append(make("KZ002", DESCRIPTOR, 0, "resources", f"unknown resource '{name}'",
                                     "kzdata knows the tables " + ", ".join(TABLES) + f" and '{REFERENCE}'; remove the resource or extend kzdata."))
            continue
        rel = res.get("path")
        path = _inside(root, rel)
        if path is None:
            pkg.findings.append(make("KZ002", DESCRIPTOR, 0, f"{name}.path", f"resource '{name}' has path {rel!r}, which is not a relative path inside the package",
                                     "Use a relative path such as data/persons.csv; absolute paths, '..', URLs and links leaving the package are refused."))
            continue
        if not path.is_file():
            pkg.findings.append(make("KZ003", rel, 0, "", f"resource '{name}' points to {rel}, which does not exist"))
            continue
        if name == REFERENCE:
            pkg.reference_path = rel
            schema_rel = res.get("jsonSchema")
            data = _load_json(pkg, path, rel, "KZ015")
            if data is None:
                continue
            spath = _inside(root, schema_rel) if schema_rel else None
            if spath is None or not spath.is_file():
                pkg.findings.append(make("KZ005", DESCRIPTOR, 0, f"{name}.jsonSchema", f"resource '{name}' needs a jsonSchema file inside the package, got {schema_rel!r}"))
                continue
            schema = _load_json(pkg, spath, schema_rel, "KZ005")
            if schema is None:
                continue
            check = partial(_check_reference, pkg, data, schema, rel, schema_rel)
            if defer is None:
                check()
            else:
                defer.append(check)
            continue
        schema = res.get("schema")
        if isinstance(schema, str):
            spath = _inside(root, schema)
            if spath is None or not spath.is_file():
                pkg.findings.append(make("KZ005", DESCRIPTOR, 0, f"{name}.schema", f"schema {schema!r} of resource '{name}' is missing or outside the package"))
                continue
            schema = _load_json(pkg, spath, schema, "KZ005")
        if not isinstance(schema, dict) or not isinstance(schema.get("fields"), list) or not all(
                isinstance(f, dict) and isinstance(f.get("name"), str) for f in schema["fields"]):
            if schema is not None:
                pkg.findings.append(make("KZ005", DESCRIPTOR, 0, f"{name}.schema", f"resource '{name}' has no valid Table Schema (a list of named fields)"))
            continue
        if read_tables is False or (read_tables is not True and name not in read_tables):
            if not _readable(pkg, path, rel):
                continue
            pkg.schemas[name] = schema
            pkg.files[name] = rel
            continue
        data = _read_bytes(pkg, path, rel)
        if data is None:
            continue
        from .schema import field_names

        table, problems = read_table(name, rel, data, expected=field_names(schema))
        for p in problems:
            pkg.findings.append(make(p.code, rel, p.line, "", p.message, table=name))
        pkg.schemas[name] = schema
        pkg.tables[name] = table
        pkg.files[name] = rel
    for name, schema in pkg.schemas.items():
        _check_patterns(pkg, name, schema)
    _unlisted_files(pkg, seen)
    return pkg


def _check_patterns(pkg: Package, name: str, schema: dict) -> None:
    """Every pattern the value check uses must be a valid regular expression (KZ005)."""
    from .schema import constraints_of, fields_of, kz_of

    path = pkg.files.get(name, "")
    for f in fields_of(schema):
        pattern, kz = constraints_of(f).get("pattern"), kz_of(f)
        if not isinstance(pattern, str) or (kz.get("kind") == "list" and "enum" in kz):
            continue
        try:
            re.compile(pattern)
        except re.error as exc:
            pkg.findings.append(make("KZ005", path, 0, f["name"], f"the schema's pattern for {f['name']} is not a valid regular expression: {exc}",
                                     table=name))


def _unlisted_files(pkg: Package, resources: dict[str, dict]) -> None:
    data_dir = pkg.root / "data"
    if not data_dir.is_dir():
        return
    listed = {str(r.get("path", "")).replace("\\", "/") for r in resources.values()}
    for p in sorted(data_dir.iterdir()):
        rel = f"data/{p.name}"
        if p.is_file() and rel not in listed and not p.name.startswith("."):
            pkg.findings.append(make("KZ004", rel, 0, "", f"{rel} is not a resource of the package"))


def _check_reference(pkg: Package, data: object, schema: object, rel: str, schema_rel: str) -> None:
    from . import cache

    blobs = (pkg.raw.get(schema_rel, b""), pkg.raw.get(rel, b""))
    if cache.known(pkg.root, "json-schema-ok", *blobs) or _check_json_schema(pkg, data, schema, rel):
        pkg.reference = data
        cache.remember(pkg.root, "json-schema-ok", *blobs)


def _check_json_schema(pkg: Package, data: object, schema: object, rel: str) -> bool:
    import jsonschema  # only needed for the reference file

    try:
        validator_cls = jsonschema.validators.validator_for(schema)
        validator_cls.check_schema(schema)
        # No remote references: a registry with nothing in it resolves only local '#' pointers.
        validator = validator_cls(schema, registry=_empty_registry())
        errors = list(validator.iter_errors(data))
    except jsonschema.exceptions.SchemaError as exc:
        pkg.findings.append(make("KZ005", rel, 0, "", f"the JSON Schema for {rel} is invalid: {exc.message}"))
        return False
    except Exception as exc:  # unresolvable $ref and similar
        pkg.findings.append(make("KZ005", rel, 0, "", f"the JSON Schema for {rel} cannot be used: {exc}"))
        return False
    for err in errors[:50]:
        where = "/".join(str(p) for p in err.absolute_path) or "(root)"
        pkg.findings.append(make("KZ015", rel, 0, where, f"{where}: {err.message}"))
    return not errors


def _empty_registry():
    from referencing import Registry

    def retrieve(uri: str):
        raise LookupError(f"remote $ref {uri!r} is not allowed")

    return Registry(retrieve=retrieve)
