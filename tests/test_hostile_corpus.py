"""The hostile-input corpus (tests/corpus/) and the ways out of the package: each file replaces one file of a
copy of the package and must give its finding code, exit status 1 from the CLI, and no traceback.
Nothing outside the package is read, and the validator never opens a network connection.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO, TODAY, only

import kzdata
from kzdata.catalogue import CODES
from kzdata.cli import main

CORPUS = REPO / "tests" / "corpus"
MANIFEST = json.loads((CORPUS / "MANIFEST.json").read_text(encoding="utf-8"))


def test_the_corpus_files_match_the_manifest():
    files = {p.name for p in CORPUS.iterdir() if p.name not in ("MANIFEST.json", "make_corpus.py", "__pycache__")}
    assert files == set(MANIFEST)


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_corpus_file_gives_its_finding(pkg, name):
    case = MANIFEST[name]
    target = pkg.root / case["replaces"]
    target.write_bytes((CORPUS / name).read_bytes())
    report = kzdata.validate(pkg.root, today=TODAY)
    codes = {f.code for f in report.findings}
    assert case["expect"] in codes, (name, sorted(codes))
    assert "KZ999" not in codes, [f.message for f in report.findings if f.code == "KZ999"]
    warning = CODES[case["expect"]].severity == "warning"  # fails the gate under --strict, as CI runs it
    assert not report.ok(strict=warning)
    hit = next(f for f in report.findings if f.code == case["expect"])
    assert hit.file and hit.message and hit.hint
    if case["replaces"].endswith(".csv") and case["expect"] not in ("KZ017",):
        assert hit.file == case["replaces"]

    result = CliRunner().invoke(main, ["validate", str(pkg.root), "--format", "json"] + (["--strict"] if warning else []))
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert json.loads(result.output)["valid"] is False


def test_a_cell_over_the_limit_is_reported_with_its_line(pkg):
    target = pkg.root / MANIFEST["huge-field.csv"]["replaces"]
    target.write_bytes((CORPUS / "huge-field.csv").read_bytes())
    f = only(kzdata.validate(pkg.root, today=TODAY), "KZ017")
    assert f.file == "data/organisations.csv" and f.line == 2 and "1000000" in f.message


def test_private_data_is_masked_in_the_message(pkg):
    target = pkg.root / "data" / "organisations.csv"
    target.write_bytes((CORPUS / "phone.csv").read_bytes())
    f = only(kzdata.validate(pkg.root, today=TODAY), "KZ111")
    assert "123 45" not in f.message and f.column == "notes"


# --- staying inside the package -------------------------------------------------------------------------

def _point(pkg, resource: str, path: str) -> None:
    desc = json.loads((pkg.root / "datapackage.json").read_text(encoding="utf-8"))
    next(r for r in desc["resources"] if r["name"] == resource)["path"] = path
    (pkg.root / "datapackage.json").write_text(json.dumps(desc), encoding="utf-8")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_a_symlink_leaving_the_package_is_refused_and_not_read(pkg, tmp_path):
    secret = tmp_path / "secret.csv"
    secret.write_text("id,name\nSECRET-CONTENT,x\n", encoding="utf-8")
    link = pkg.root / "data" / "events.csv"
    link.unlink()
    link.symlink_to(secret)
    report = kzdata.validate(pkg.root, today=TODAY)
    f = only(report, "KZ002")
    assert f.column == "events.path"
    assert all("SECRET" not in x.message for x in report.findings)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_a_linked_schema_outside_the_package_is_refused(pkg, tmp_path):
    outside = tmp_path / "schema.json"
    outside.write_text((REPO / "schemas" / "events.json").read_text(encoding="utf-8"), encoding="utf-8")
    (pkg.root / "schemas" / "events.json").unlink()
    (pkg.root / "schemas" / "events.json").symlink_to(outside)
    assert "KZ005" in {f.code for f in kzdata.validate(pkg.root, today=TODAY).findings}


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_a_linked_descriptor_outside_the_package_is_not_read(pkg, tmp_path):
    outside = tmp_path / "datapackage.json"
    outside.write_text((pkg.root / "datapackage.json").read_text(encoding="utf-8"), encoding="utf-8")
    (pkg.root / "datapackage.json").unlink()
    (pkg.root / "datapackage.json").symlink_to(outside)
    assert only(kzdata.validate(pkg.root, today=TODAY), "KZ001").file == "datapackage.json"


@pytest.mark.parametrize("path", ["C:/Windows/win.ini", "file:///etc/passwd", "data\\..\\..\\x.csv", "~/x.csv", ""])
def test_more_paths_leaving_the_package_are_refused(pkg, path):
    _point(pkg, "events", path)
    report = kzdata.validate(pkg.root, today=TODAY)
    assert any(f.code in ("KZ002", "KZ003") and f.column in ("events.path", "") for f in report.findings), report.findings
    assert not report.ok()


def test_a_resource_that_is_missing_is_reported(pkg):
    _point(pkg, "events", "data/no-such-file.csv")
    assert only(kzdata.validate(pkg.root, today=TODAY), "KZ003").file == "data/no-such-file.csv"


# --- no network -----------------------------------------------------------------------------------------

NO_NETWORK = textwrap.dedent("""
    import socket, sys
    attempts = []
    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network access is disabled in this test")
    socket.socket = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse
    import kzdata
    report = kzdata.validate(sys.argv[1])
    codes = sorted({f.code for f in report.findings})
    print(report.ok(strict=True), len(attempts), ",".join(codes))
""")


def _run_offline(root: Path) -> list[str]:
    env = {**os.environ, "no_proxy": "*", "http_proxy": "http://0.0.0.0:1", "https_proxy": "http://0.0.0.0:1"}
    proc = subprocess.run([sys.executable, "-c", NO_NETWORK, str(root)], capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.split()


def test_the_repository_validates_with_the_network_made_impossible():
    ok, attempts, *_ = _run_offline(REPO)
    assert ok == "True" and attempts == "0"


def test_a_remote_schema_reference_is_refused_without_a_connection(pkg):
    (pkg.root / "schemas" / "criminal-code.schema.json").write_bytes((CORPUS / "remote-ref.schema.json").read_bytes())
    ok, attempts, codes = _run_offline(pkg.root)
    assert ok == "False" and attempts == "0" and "KZ005" in codes.split(",")
