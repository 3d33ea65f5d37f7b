"""`kzdata fmt` and `kzdata fmt --check`: put every file of the package in the canonical form
(kzdata.canonical_form).

Formatting never changes a cell's value or drops a row or column: a file that cannot be read safely
(bad encoding, broken quoting, ragged rows, repeated column names) is reported and left untouched.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .canonical_form import NotFormattable, canonical_json, format_csv, format_json, package_files, reformat_csv
from .fileio import write_atomic
from .integrity import without_checksums
from .package import DESCRIPTOR


@dataclass
class FileResult:
    path: str              # relative to the package root
    changed: bool = False
    problem: str = ""      # why the file was left as it is
    notes: list = None     # what changed besides order and quoting (a spreadsheet's dialect, booleans…)

    def __post_init__(self):
        self.notes = list(self.notes or [])


def fmt(root: str | Path, check: bool = False) -> list[FileResult]:
    """Put every file of the package in canonical form (or, with check=True, only say which are not)."""
    root = Path(root)
    results = []
    refused: list[tuple[str, str]] = []
    files = package_files(root, refused)
    results += [FileResult(rel, problem=f"not read: {why}") for rel, why in dict(refused).items()]
    for rel, schema in files:
        path = root / rel
        result = FileResult(rel)
        try:
            data = path.read_bytes()
        except OSError as exc:
            result.problem = f"cannot read: {exc.strerror or exc}"
            results.append(result)
            continue
        try:
            if schema is None:
                wanted = format_json(data)
            else:
                wanted, result.notes = reformat_csv(data, schema)
            if rel == DESCRIPTOR:   # checksums live in releases/X.Y.Z.json, not in the descriptor
                desc = json.loads(wanted)
                if without_checksums(desc) is not desc:
                    wanted = canonical_json(without_checksums(desc)).encode("utf-8")
                    result.notes.append("removed the resources' bytes, hash and rows: the manifest of each release "
                                        "(releases/X.Y.Z.json) records them")
        except NotFormattable as exc:
            result.problem = str(exc)
            results.append(result)
            continue
        result.changed = wanted != data
        if result.changed and not check:
            write_atomic(path, wanted)
        results.append(result)
    return results
