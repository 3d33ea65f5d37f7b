"""Checksums of the package's files as datapackage.json records them: `bytes`, `hash` ("sha256:…"), `rows`."""
from __future__ import annotations

import csv
import hashlib
import io
import json


def integrity(rel: str, data: bytes) -> dict:
    out = {"bytes": len(data), "hash": "sha256:" + hashlib.sha256(data).hexdigest()}
    if rel.endswith(".csv"):
        try:
            out["rows"] = max(0, sum(1 for _ in csv.reader(io.StringIO(data.decode("utf-8"), newline=""))) - 1)
        except (UnicodeDecodeError, csv.Error):
            pass
    return out


def with_integrity(descriptor: dict, contents: dict[str, bytes], known: dict[str, dict] | None = None) -> dict:
    """The descriptor with bytes, hash and rows of every resource whose file is in `contents` (or whose
    integrity entry is already `known`)."""
    desc = json.loads(json.dumps(descriptor))
    for res in desc.get("resources", []):
        rel = res.get("path")
        if isinstance(rel, str) and (rel in contents or rel in (known or {})):
            for k in ("bytes", "hash", "rows"):
                res.pop(k, None)
            res.update(known[rel] if known and rel in known else integrity(rel, contents[rel]))
    return desc


def has_integrity(descriptor: dict) -> bool:
    return any(isinstance(r, dict) and "hash" in r for r in descriptor.get("resources", []))
