"""Loading a data package from disk: descriptor, schemas, tables and reference data.

Everything read is inside the package directory: resource and schema paths must be relative, without
`..`, and may not resolve (through symlinks) outside it. Problems become findings, never exceptions.
"""
from __future__ import annotations

import errno
import json
import os
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from .csvio import Table, read_table
from .fileio import TEMP_FILE
from .findings import Finding, make
from .vocab import OPTIONAL_TABLES, PACKAGE_TABLES, REFERENCE

DESCRIPTOR = "datapackage.json"
MAX_FILE_BYTES = 200 * 1024 * 1024
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
    if (not isinstance(rel, str) or not rel or "\x00" in rel or "://" in rel or rel.startswith(("/", "\\"))
            or ":" in rel.split("/")[0]):
        return None   # a NUL byte is in no file name (and os functions raise ValueError for it)
    parts = rel.replace("\\", "/").split("/")
    if ".." in parts:
        return None
    path = (root / rel)
    try:
        resolved = path.resolve()
        resolved.relative_to(root.resolve())
    except (ValueError, OSError, RuntimeError):   # RuntimeError: a symlink loop (Python < 3.13)
        return None
    return path


PACKAGE_DIRS = ("data", "schemas", "reference")   # where a package's files live (and links and leftovers are looked for)


def link_problem(root: Path, path: Path) -> str | None:
    """Why a symbolic link in the package cannot be read: it loops, leads nowhere, or leads out of the package."""
    try:
        target = os.readlink(path)
    except (OSError, ValueError):   # not a link; ValueError: a NUL byte in the name
        return None
    try:
        resolved = path.resolve(strict=True)
    except RuntimeError:
        return f"a symbolic link that loops (to {target!r})"
    except FileNotFoundError:
        return f"a symbolic link to {target!r}, which does not exist"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return f"a symbolic link that loops (to {target!r})"
        return f"a symbolic link to {target!r}, which cannot be read ({exc.strerror or exc})"
    try:
        resolved.relative_to(root.resolve())
    except ValueError:
        return f"a symbolic link to {target!r}, outside the package"
    return None


def _scan_tree(pkg: Package) -> None:
    """Links that cannot be followed (KZ006) and temporary files an interrupted write left behind (KZ007), at
    the top of the package (temporary files only: a checkout's own links, such as a virtualenv, are its business)
    and anywhere under data/, schemas/ and reference/ (links are never followed)."""
    root = pkg.root
    for rel, path in _walk(root):   # one pass over the tree for both
        if _is_leftover(path):
            pkg.findings.append(_leftover(rel))
        elif (rel.endswith("/") or "/" in rel) and path.is_symlink():
            problem = link_problem(root, path)
            if problem:
                pkg.findings.append(make("KZ006", rel, 0, "", f"{rel} is {problem}"))


def _walk(root: Path):
    """(relative path, path) of every entry at the package root (but its directories) and under data/, schemas/
    and reference/, without following links; a linked directory itself is given with a trailing slash."""
    for path in _entries(root):
        yield path.name, path
    for name in PACKAGE_DIRS:
        d = root / name
        if d.is_symlink():
            yield f"{name}/", d
            continue
        if not d.is_dir():
            continue
        for dirpath, dirnames, filenames in os.walk(d, followlinks=False):
            for entry in sorted(list(dirnames) + list(filenames)):
                path = Path(dirpath) / entry
                yield path.relative_to(root).as_posix(), path


def _is_leftover(path: Path) -> bool:
    return TEMP_FILE.match(path.name) is not None and not path.is_symlink() and path.is_file()


def leftover_files(root: Path) -> list[str]:
    """The temporary files of interrupted writes (kzdata.fileio names them .NAME.XXXXXXXX.tmp) in the package."""
    return [rel for rel, path in _walk(root) if _is_leftover(path)]


def _leftover(rel: str) -> Finding:
    return make("KZ007", rel, 0, "", f"{rel} is a temporary file left by a write that was interrupted "
                                     "(kzdata fmt, import or new stopped before it finished)")


def _entries(d: Path) -> list[Path]:
    try:
        return sorted(p for p in d.iterdir() if p.name not in PACKAGE_DIRS)
    except OSError:
        return []


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
    from . import cache
    from .jsonio import JsonProblem, loads

    try:
        if cache.known(pkg.root, "json-strict-ok", data):
            return json.loads(data)
        value = loads(data)
    except JsonProblem as exc:
        kz = {"depth": "KZ017", "conflict": "KZ008"}.get(exc.kind, code)
        where = f" (line {exc.line}, column {exc.column})" if exc.line and exc.column else ""
        pkg.findings.append(make(kz, rel, exc.line, "", f"{rel}: {exc.message}{where}"))
        return None
    cache.remember(pkg.root, "json-strict-ok", data)
    return value


def load_package(root: str | Path, read_tables: bool | Collection[str] = True, defer: list | None = None) -> Package:
    """Read the package at root. read_tables may name the tables to read; the CSV files of the others
    (all, with False) are only located (pkg.files) and size-checked: the columnar engine (kzdata.engines.columnar)
    reads them itself. With a list as `defer`, the JSON Schema check of the Criminal Code reference is
    not run but appended to it (a function of no arguments): pkg.reference is set when it passes."""
    root = Path(root)
    pkg = Package(root=root)
    _scan_tree(pkg)
    dpath = root / DESCRIPTOR
    if dpath.is_symlink() and _inside(root, DESCRIPTOR) is None:
        why = link_problem(root, dpath) or "a link to a file outside the package"
        pkg.findings.append(make("KZ001", DESCRIPTOR, 0, "", f"{DESCRIPTOR} is {why}; it is not read"))
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
        if res["name"] in seen:
            pkg.findings.append(make("KZ002", DESCRIPTOR, 0, f"resources[{i}]", f"two resources are named '{res['name']}'; the second is not read",
                                     "Give every resource its own name: remove the repeated one from datapackage.json."))
            continue
        problem = _declared_format_problem(res)
        if problem:
            pkg.findings.append(make("KZ002", DESCRIPTOR, 0, f"{res['name']}.{problem[0]}", f"resource '{res['name']}' declares {problem[1]}",
                                     problem[2]))
        seen[res["name"]] = res
    paths: dict[str, str] = {}
    for name, res in seen.items():
        rel = res.get("path")
        if isinstance(rel, str) and rel in paths:
            pkg.findings.append(make("KZ002", DESCRIPTOR, 0, f"{name}.path", f"resources '{paths[rel]}' and '{name}' both point to {rel}",
                                     "Give every resource its own file."))
        elif isinstance(rel, str):
            paths[rel] = name
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
        schema_rel = seen.get(name, {}).get("schema")
        _check_patterns(pkg, name, schema, schema_rel if isinstance(schema_rel, str) else pkg.files.get(name, ""))
    _unlisted_files(pkg, seen)
    return pkg


_DEFAULT_DIALECT = {"delimiter": ",", "quoteChar": '"', "doubleQuote": True, "header": True, "skipInitialSpace": False,
                    "lineTerminator": ("\n", "\r\n"), "headerRow": 1, "commentChar": None, "csvddfVersion": ("1.0", "1.2", 1.0, 1.2)}


def _declared_format_problem(res: dict) -> tuple[str, str, str] | None:
    """kzdata reads every table as UTF-8 CSV with commas and a header; a resource that declares anything else would be
    read wrongly (or by other tools differently), so it is refused rather than ignored: (property, what, fix)."""
    encoding = res.get("encoding")
    if encoding is not None and (not isinstance(encoding, str) or encoding.strip().lower().replace("_", "-") not in ("utf-8", "utf8")):
        return ("encoding", f"the encoding {encoding!r}; kzdata reads every file as UTF-8",
                "Remove the encoding from datapackage.json and save the file as UTF-8 (kzdata fmt converts a file a spreadsheet saved).")
    scheme = res.get("scheme")
    if scheme not in (None, "file"):
        return ("scheme", f"the scheme {scheme!r}; kzdata reads only files inside the package", 'Remove the scheme, or write "file".')
    fmt = res.get("format")
    path = res.get("path") if isinstance(res.get("path"), str) else ""
    if fmt is not None and path.endswith(".csv") and fmt != "csv":
        return ("format", f"the format {fmt!r} for a .csv file", "Remove the format, or write \"csv\".")
    for key in ("compression", "mediatype"):
        value = res.get(key)
        if key == "compression" and value not in (None, "no"):
            return (key, f"compression {value!r}; kzdata reads plain files", "Remove the compression and commit the file uncompressed.")
        if key == "mediatype" and value is not None and path.endswith(".csv") and value != "text/csv":
            return (key, f"the media type {value!r} for a .csv file", 'Remove the mediatype, or write "text/csv".')
    dialect = res.get("dialect")
    if dialect is None:
        return None
    if not isinstance(dialect, dict):
        return ("dialect", f"a dialect {dialect!r} that kzdata cannot read", "Remove the dialect: the tables are CSV with commas and a header.")
    for key, value in dialect.items():
        allowed = _DEFAULT_DIALECT.get(key, "(unknown)")
        ok = value in allowed if isinstance(allowed, tuple) else value == allowed
        if not ok:
            return ("dialect", f"the dialect {key}={value!r}; kzdata reads every table as CSV with commas, double quotes and one header line",
                    "Remove the dialect from datapackage.json and convert the file with kzdata fmt.")
    return None


def _check_patterns(pkg: Package, name: str, schema: dict, path: str) -> None:
    """Every constraint the value check uses must have the type Table Schema gives it, and every pattern must be
    one RE2 runs (KZ005)."""
    from .patterns import PatternError, compile_pattern
    from .schema import constraint_problem, constraints_of, fields_of, kz_of

    for f in fields_of(schema):
        for key, value in constraints_of(f).items():
            problem = constraint_problem(key, value)
            if problem:
                pkg.findings.append(make("KZ005", path, 0, f["name"], f"the schema's constraint {key} of {f['name']} {problem}",
                                         "Restore the schema from the repository: a constraint of the wrong type is not applied.",
                                         table=name))
        pattern, kz = constraints_of(f).get("pattern"), kz_of(f)
        if not isinstance(pattern, str) or (kz.get("kind") == "list" and "enum" in kz):
            continue
        try:
            compile_pattern(pattern)
        except PatternError as exc:
            pkg.findings.append(make("KZ005", path, 0, f["name"], f"the schema's pattern for {f['name']} is refused: {exc}",
                                     "Write the pattern without backreferences or lookaround (kzdata matches patterns with RE2, in "
                                     "time linear in the cell's length), or restore the schema from the repository.", table=name))


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
