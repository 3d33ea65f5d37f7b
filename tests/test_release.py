"""Releases: version bumps by the Data Package recipe, refusals, the tag, checksums kept by fmt, `verify`,
and ids of a release that may not vanish without a retired row."""
from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess

import pytest
from click.testing import CliRunner
from conftest import REPO, codes, only

import kzdata
from kzdata.cli import main
from kzdata.fmt import fmt
from kzdata.release import (ReleaseError, check_version, last_release, release, required_level, verify)

DAY = dt.date(2026, 11, 22)


def git(root, *args):
    return subprocess.run(["git", "-C", str(root), "-c", "user.email=t@example.org", "-c", "user.name=t", *args],
                          check=True, capture_output=True, text=True).stdout


def commit_all(root, message="change"):
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)


def add_changelog(root, version):
    path = root / "CHANGELOG.md"
    path.write_text(path.read_text(encoding="utf-8").replace("## [Unreleased]", f"## [Unreleased]\n\n## [{version}] - {DAY}\n\n- Test release.", 1),
                    encoding="utf-8")


@pytest.fixture
def repo(pkg):
    shutil.copy(REPO / "CHANGELOG.md", pkg.root)
    git(pkg.root, "init", "-q")
    git(pkg.root, "config", "user.email", "t@example.org")
    git(pkg.root, "config", "user.name", "t")
    commit_all(pkg.root, "base")
    return pkg


@pytest.fixture
def released(repo):
    add_changelog(repo.root, "1.0.0")
    commit_all(repo.root, "changelog")
    assert release(repo.root, "1.0.0", today=DAY) == "v1.0.0"
    return repo


def test_the_first_release_makes_the_tag_and_records_checksums(released):
    root = released.root
    assert "v1.0.0" in git(root, "tag", "--list")
    assert "Release 1.0.0" in git(root, "log", "-1", "--format=%s")
    desc = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    assert desc["version"] == "1.0.0" and desc["created"] == f"{DAY}T00:00:00Z"
    persons = next(r for r in desc["resources"] if r["name"] == "persons")
    assert persons["hash"].startswith("sha256:") and persons["bytes"] > 0 and persons["rows"] == len(released.read("persons")[1])
    assert git(root, "status", "--porcelain") == ""
    assert verify(root) == ([], len(desc["resources"]))
    assert kzdata.validate(root).findings == []   # KZ018 included: the descriptor is canonical
    assert last_release(root) == ("v1.0.0", "1.0.0")


def test_a_tampered_copy_fails_verify(released):
    path = released.path("events")
    path.write_bytes(path.read_bytes().replace(b"transferred", b"transfered", 1))
    result = CliRunner().invoke(main, ["verify", str(released.root)])
    assert result.exit_code == 1 and "data/events.csv: hash is sha256:" in result.output


@pytest.mark.parametrize("prepare, message", [
    (lambda r: r.path("events").write_text("dirty", encoding="utf-8"), "uncommitted"),
    (lambda r: (r.set("persons", "bokayev-maks", status="flying"), commit_all(r.root)), "validate --strict"),
])
def test_release_refusals(repo, prepare, message):
    add_changelog(repo.root, "1.0.0")
    commit_all(repo.root, "changelog")
    prepare(repo)
    with pytest.raises(ReleaseError, match=message):
        release(repo.root, "1.0.0", today=DAY)
    assert git(repo.root, "tag", "--list") == ""


def test_release_needs_its_changelog_section(repo):
    with pytest.raises(ReleaseError, match=r"no section '## \[3.1.4\]'"):
        release(repo.root, "3.1.4", today=DAY)


def test_bumps_follow_the_recipe(released, monkeypatch):
    root = released.root
    released.set("persons", "bokayev-maks", notes="Corrected note.")
    fmt(root)
    commit_all(root)
    assert check_version(root, "1.0.1").ok and check_version(root, "1.0.1").level == "patch"
    released.copy_row("events", "bokayev-maks-2017-01-transferred", id="bokayev-maks-2017-02-transferred")
    fmt(root)
    commit_all(root)
    c = check_version(root, "1.0.1")
    assert not c.ok and c.level == "minor" and c.smallest == "1.1.0"
    add_changelog(root, "1.0.1")
    commit_all(root)
    with pytest.raises(ReleaseError, match="too small, use 1.1.0"):
        release(root, "1.0.1", today=DAY)
    monkeypatch.chdir(root)
    too_small = CliRunner().invoke(main, ["release", "1.0.1", "--check"])
    assert too_small.exit_code == 1 and "minor release" in too_small.output
    assert CliRunner().invoke(main, ["release", "1.1.0", "--check"]).exit_code == 0


def test_a_removed_column_is_major():
    result = {"tables": {"persons": {"added": {}, "removed": {}, "changed": {}, "schema": {"removed": ["region"]}}}}
    assert required_level(result) == "major"
    tightened = {"tables": {"persons": {"added": {}, "removed": {}, "changed": {}, "schema": {"constraints": [
        {"column": "status", "old": {"enum": ["a", "b"]}, "new": {"enum": ["a"]}}]}}}}
    loosened = {"tables": {"persons": {"added": {}, "removed": {}, "changed": {}, "schema": {"constraints": [
        {"column": "status", "old": {"enum": ["a"]}, "new": {"enum": ["a", "b"]}}]}}}}
    assert required_level(tightened) == "major" and required_level(loosened) == "minor"


def test_fmt_keeps_checksums_in_step_after_a_release(released):
    released.set("persons", "bokayev-maks", notes="Corrected note.")
    f = only(kzdata.validate(released.root), "KZ018")
    assert f.file == "datapackage.json" and "checksums" in f.message
    fmt(released.root)
    assert kzdata.validate(released.root).findings == [] and verify(released.root)[0] == []


def test_a_released_id_may_not_vanish(released):
    header, rows = released.read("events")
    released.write("events", header, [r for r in rows if r["id"] != "bokayev-maks-2017-01-transferred"])
    f = only(kzdata.validate(released.root), "KZ205")
    assert f.record == "bokayev-maks-2017-01-transferred" and f.file == "data/events.csv"
    released.add("retired", id="bokayev-maks-2017-01-transferred", table="events", merged_into="", retired="2026-11-22",
                 reason="duplicate of another event")
    assert "KZ205" not in codes(kzdata.validate(released.root))


def test_last_release_without_tags(released, tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--no-tags", str(released.root), str(clone)], check=True)
    assert git(clone, "tag", "--list") == ""
    rev, version = last_release(clone)
    assert version == "1.0.0" and git(clone, "log", "-1", "--format=%s", rev).strip() == "Release 1.0.0"


def test_a_release_gives_the_python_package_the_data_version(repo):
    (repo.root / "pyproject.toml").write_text('[project]\nname = "kzdata"\nversion = "0.1.0.dev0"\n', encoding="utf-8")
    (repo.root / "src" / "kzdata").mkdir(parents=True)
    (repo.root / "src" / "kzdata" / "__init__.py").write_text('__version__ = "0.1.0.dev0"\n', encoding="utf-8")
    add_changelog(repo.root, "1.0.0")
    commit_all(repo.root, "code")
    release(repo.root, "1.0.0", today=DAY)
    assert 'version = "1.0.0"' in (repo.root / "pyproject.toml").read_text(encoding="utf-8")
    assert '__version__ = "1.0.0"' in (repo.root / "src" / "kzdata" / "__init__.py").read_text(encoding="utf-8")
    assert git(repo.root, "status", "--porcelain") == ""


def test_the_repository_versions_agree():
    """The installed package bundles the data of its own version."""
    import re

    desc = json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))
    pyproject = re.search(r'^version = "([^"]*)"', (REPO / "pyproject.toml").read_text(encoding="utf-8"), re.M).group(1)
    assert pyproject == kzdata.__version__
    if "hash" in json.dumps(desc):
        assert desc["version"] == pyproject


def test_load_bundled_path_and_git_ref(tmp_path):
    from kzdata.dataset import bundled_path

    assert (bundled_path() / "datapackage.json").is_file()
    assert len(kzdata.load().persons) == len(kzdata.load(REPO).persons)
    at_head = kzdata.load(git_ref="HEAD", repo=REPO)
    assert set(at_head.persons) <= set(kzdata.load(REPO).persons) | set(at_head.persons)
    with pytest.raises(ValueError, match="cannot read"):
        kzdata.load(git_ref="no-such-ref", repo=REPO)
