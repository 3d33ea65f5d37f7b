"""Shared helpers: a scratch copy of the repository's package that tests mutate one cell at a time."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
from pathlib import Path

import pytest

import kzdata

REPO = Path(__file__).resolve().parent.parent


def _last_review() -> dt.date:
    """The latest day the data records a review or retirement on: the tests see the data as of then (a later
    `today` would not change a finding, an earlier one would put those reviews in the future)."""
    days = [dt.date(2026, 11, 22)]
    for table, column in (("exceptions", "reviewed"), ("retired", "retired")):
        with (REPO / "data" / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
            days += [dt.date.fromisoformat(r[column]) for r in csv.DictReader(fh) if len(r.get(column) or "") == 10]
    return max(days)


TODAY = _last_review()


class Pkg:
    """A copy of the package in a temporary directory, with helpers to change it."""

    def __init__(self, root: Path):
        self.root = root

    def path(self, table: str) -> Path:
        return self.root / "data" / f"{table}.csv"

    def read(self, table: str) -> tuple[list[str], list[dict]]:
        with self.path(table).open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            return list(reader.fieldnames or []), list(reader)

    def write(self, table: str, header: list[str], rows: list[dict]) -> None:
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=header, lineterminator="\n", extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow({k: r.get(k, "") for k in header})
        self.path(table).write_text(buf.getvalue(), encoding="utf-8")

    def set(self, table: str, rid: str, /, **values: str) -> None:
        header, rows = self.read(table)
        hits = [r for r in rows if r["id"] == rid]
        assert hits, f"no row {rid} in {table}"
        for r in hits:
            r.update(values)
        self.write(table, header, rows)

    def drop(self, table: str, keep) -> None:
        """Remove the rows for which keep(row) is false."""
        header, rows = self.read(table)
        self.write(table, header, [r for r in rows if keep(r)])

    def hold(self, pid: str, since: str = "2020") -> None:
        """The person in prison as of `since`, with no release recorded (later sources may report one)."""
        releasing = {"released", "released_from_custody", "acquitted", "pardoned", "parole_granted", "amnesty", "case_closed"}
        self.set("persons", pid, status="in_prison", status_date=since)
        self.drop("events", lambda r: not (r["person"] == pid and r["type"] in releasing))

    def set_where(self, table: str, /, value: str, **changes: str) -> None:
        """Change the rows of a table without an id column whose `value` cell is `value`."""
        header, rows = self.read(table)
        hits = [r for r in rows if r.get("value") == value]
        assert hits, f"no row with value {value} in {table}"
        for r in hits:
            r.update(changes)
        self.write(table, header, self._sorted(table, rows))

    def _sorted(self, table: str, rows: list[dict]) -> list[dict]:
        """Rows in canonical order (by primary key), as kzdata fmt leaves a table after an addition."""
        schema = json.loads((self.root / "schemas" / f"{table}.json").read_text(encoding="utf-8"))
        key = schema.get("primaryKey") or ["id"]
        key = [key] if isinstance(key, str) else key
        return sorted(rows, key=lambda r: tuple(r.get(k, "") for k in key))

    def add(self, table: str, /, **values: str) -> None:
        header, rows = self.read(table)
        rows.append(values)
        self.write(table, header, self._sorted(table, rows))

    def copy_row(self, table: str, rid: str, **changes: str) -> None:
        header, rows = self.read(table)
        src = next(r for r in rows if r["id"] == rid)
        rows.append({**src, **changes})
        self.write(table, header, self._sorted(table, rows))

    def line_of(self, table: str, rid: str) -> int:
        """Physical line on which the row with this id starts (files without multi-line cells)."""
        for n, line in enumerate(self.path(table).read_text(encoding="utf-8").split("\n"), start=1):
            if line.startswith(rid + ","):
                return n
        raise AssertionError(f"{rid} not found in {table}")

    def validate(self, today: dt.date = TODAY):
        return kzdata.validate(self.root, today=today)


def copy_package(root: Path) -> Pkg:
    """A copy of the repository's package (datapackage.json, data/, schemas/, reference/) in the new directory
    `root`."""
    root.mkdir()
    # A working copy before any release: no version (tests change files; test_release.py makes its own
    # releases and manifests). Descriptors before 1.1 also recorded checksums: none are kept.
    desc = json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))
    desc.pop("version", None)
    desc.pop("created", None)
    for res in desc["resources"]:
        for key in ("bytes", "hash", "rows"):
            res.pop(key, None)
    (root / "datapackage.json").write_text(json.dumps(desc, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    shutil.copytree(REPO / "data", root / "data")
    shutil.copytree(REPO / "schemas", root / "schemas")
    shutil.copytree(REPO / "reference", root / "reference")
    return Pkg(root)


@pytest.fixture
def pkg(tmp_path: Path) -> Pkg:
    return copy_package(tmp_path / "pkg")


def codes(report) -> list[str]:
    return [f.code for f in report.findings]


def only(report, code: str):
    """The single finding with this code (fails when there are none or several)."""
    hits = [f for f in report.findings if f.code == code]
    assert len(hits) == 1, f"expected one {code}, got {[(f.code, f.file, f.line, f.message) for f in report.findings]}"
    return hits[0]


def assert_at(finding, file: str, line: int, column: str | None = None) -> None:
    assert finding.file == file, finding
    assert finding.line == line, finding
    if column is not None:
        assert finding.column == column, finding
    assert finding.message and finding.hint, finding
