"""Check 10: every file is in the canonical form that `kzdata fmt` writes, so diffs stay minimal."""
from __future__ import annotations

import json
from typing import Iterable

from ..context import Context
from ..findings import Finding, make
from ..fmt import NotFormattable, canonical_json, format_csv, format_json
from ..package import DESCRIPTOR
from ..release import has_integrity, with_integrity


def check_canonical_reference(ctx: Context) -> Iterable[Finding]:
    """Every file formatted in full (tests compare the fast path with it)."""
    return check_canonical(ctx, quick=False)


def check_canonical(ctx: Context, quick: bool = True) -> Iterable[Finding]:
    broken = {f.file for f in ctx.pkg.findings}  # files with a read problem are reported already
    schemas = {t.path: ctx.pkg.schemas[name] for name, t in ctx.pkg.tables.items()}
    tables = {t.path: t for t in ctx.pkg.tables.values()}
    formatted: dict[str, bytes] = {}
    for rel, data in sorted(ctx.pkg.raw.items(), key=lambda kv: kv[0] == DESCRIPTOR):
        if rel in broken:
            continue
        if rel in ctx.known_canonical:
            continue
        try:
            if quick and rel in schemas and _already_canonical(tables[rel], schemas[rel], data):
                formatted[rel] = data
                continue
            wanted = format_csv(data, schemas[rel]) if rel in schemas else format_json(data)
            if rel == DESCRIPTOR and has_integrity(ctx.pkg.descriptor):
                wanted = canonical_json(with_integrity(json.loads(wanted), formatted, ctx.known_canonical)).encode("utf-8")
        except NotFormattable:
            continue
        formatted[rel] = wanted
        if wanted != data:
            what = " (its checksums no longer match the files)" if rel == DESCRIPTOR and has_integrity(ctx.pkg.descriptor) else ""
            yield make("KZ018", rel, _first_difference(data, wanted), "",
                       f"{rel} is not in canonical form{what} (first difference on this line)")


def _already_canonical(table, schema: dict, data: bytes) -> bool:
    """A quick yes for the usual case, from the rows already read: header in schema order, rows in key
    order, and writing them back gives the same bytes. Anything else goes through format_csv."""
    import csv
    import io

    known = [f["name"] for f in schema.get("fields", [])]
    if table.header != [c for c in known if c in table.header] + [c for c in table.header if c not in known]:
        return False
    pk = schema.get("primaryKey") or (["id"] if "id" in table.header else [])
    pk = [pk] if isinstance(pk, str) else pk
    idx = [table.index[c] for c in pk if c in table.index]
    keys = [tuple(r[i] if i < len(r) else "" for i in idx) for r in table.rows]
    if any(keys[n] > keys[n + 1] for n in range(len(keys) - 1)):
        return False
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(table.header)
    writer.writerows(table.rows)
    return buf.getvalue().encode("utf-8") == data


def _first_difference(data: bytes, wanted: bytes) -> int:
    a, b = data.split(b"\n"), wanted.split(b"\n")
    for n, (x, y) in enumerate(zip(a, b), start=1):
        if x != y:
            return n
    return min(len(a), len(b))
