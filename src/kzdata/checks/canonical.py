"""Check 10: every file is in the canonical form that `kzdata fmt` writes, so diffs stay minimal."""
from __future__ import annotations

import json
from typing import Iterable

from ..context import Context
from ..findings import Finding, make
from ..fmt import NotFormattable, canonical_json, format_csv, format_json
from ..package import DESCRIPTOR
from ..release import has_integrity, with_integrity


def check_canonical(ctx: Context) -> Iterable[Finding]:
    broken = {f.file for f in ctx.pkg.findings}  # files with a read problem are reported already
    schemas = {t.path: ctx.pkg.schemas[name] for name, t in ctx.pkg.tables.items()}
    formatted: dict[str, bytes] = {}
    for rel, data in sorted(ctx.pkg.raw.items(), key=lambda kv: kv[0] == DESCRIPTOR):
        if rel in broken:
            continue
        try:
            wanted = format_csv(data, schemas[rel]) if rel in schemas else format_json(data)
            if rel == DESCRIPTOR and has_integrity(ctx.pkg.descriptor):
                wanted = canonical_json(with_integrity(json.loads(wanted), formatted)).encode("utf-8")
        except NotFormattable:
            continue
        formatted[rel] = wanted
        if wanted != data:
            what = " (its checksums no longer match the files)" if rel == DESCRIPTOR and has_integrity(ctx.pkg.descriptor) else ""
            yield make("KZ018", rel, _first_difference(data, wanted), "",
                       f"{rel} is not in canonical form{what} (first difference on this line)")


def _first_difference(data: bytes, wanted: bytes) -> int:
    a, b = data.split(b"\n"), wanted.split(b"\n")
    for n, (x, y) in enumerate(zip(a, b), start=1):
        if x != y:
            return n
    return min(len(a), len(b))
