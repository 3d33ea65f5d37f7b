"""Canonical form: every file is in the form that `kzdata fmt` writes (kzdata.canonical_form), so that
diffs stay minimal."""
from __future__ import annotations

import json
from typing import Iterable

from .. import cache
from ..canonical_form import NotFormattable, canonical_csv, canonical_json, format_json
from ..context import Context
from ..findings import Finding, make
from ..integrity import without_checksums
from ..package import DESCRIPTOR


def check_canonical(ctx: Context) -> Iterable[Finding]:
    broken = {f.file for f in ctx.pkg.findings}  # files with a read problem are reported already
    tables = {t.path: (name, t) for name, t in ctx.pkg.tables.items()}
    root = ctx.pkg.root
    stale = without_checksums(ctx.pkg.descriptor) is not ctx.pkg.descriptor
    for rel, data in sorted(ctx.pkg.raw.items(), key=lambda kv: kv[0] == DESCRIPTOR):
        if rel in broken or rel in ctx.known_canonical:
            continue
        try:
            if rel in tables:
                name, table = tables[rel]
                wanted = canonical_csv(table.header, table.rows, ctx.pkg.schemas[name])
            elif rel == DESCRIPTOR and stale:
                wanted = canonical_json(without_checksums(json.loads(format_json(data)))).encode("utf-8")
            elif cache.known(root, "canonical-json", data):
                wanted = data
            else:
                wanted = format_json(data)
                if wanted == data:
                    cache.remember(root, "canonical-json", data)
        except NotFormattable:
            continue
        if wanted != data:
            what = (" (it records checksums of the resources, which releases/X.Y.Z.json holds now)"
                    if rel == DESCRIPTOR and stale else "")
            yield make("KZ018", rel, _first_difference(data, wanted), "",
                       f"{rel} is not in canonical form{what} (first difference on this line)")


def _first_difference(data: bytes, wanted: bytes) -> int:
    a, b = data.split(b"\n"), wanted.split(b"\n")
    for n, (x, y) in enumerate(zip(a, b), start=1):
        if x != y:
            return n
    return min(len(a), len(b))
