"""Releases: version bumps by the Data Package recipe, refusals, the tag, the manifest releases/X.Y.Z.json
that `kzdata verify` proves a copy against, no checksums in datapackage.json (so pull requests do not
conflict), and ids of a release that may not vanish without a retired row."""
from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess

import pytest
from click.testing import CliRunner
from conftest import REPO, codes, only

import kzdata
from kzdata.canonical_form import canonical_json
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


def manifest(root, version="1.0.0"):
    return json.loads((root / "releases" / f"{version}.json").read_text(encoding="utf-8"))


def statuses(result):
    return {d.path: d.status for d in result.differences}


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


# --- the release and its manifest -------------------------------------------------------------------------

def test_the_first_release_writes_a_manifest_commits_and_tags(released):
    root = released.root
    assert "v1.0.0" in git(root, "tag", "--list")
    assert "Release 1.0.0" in git(root, "log", "-1", "--format=%s")
    assert git(root, "status", "--porcelain") == ""
    desc = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    assert desc["version"] == "1.0.0" and desc["created"] == f"{DAY}T00:00:00Z"
    assert not any(k in r for r in desc["resources"] for k in ("bytes", "hash", "rows"))   # no checksums in the descriptor
    m = manifest(root)
    assert (root / "releases" / "1.0.0.json").read_text(encoding="utf-8") == canonical_json(m)
    assert m["version"] == "1.0.0" and m["date"] == str(DAY) and "commit" not in m
    persons = m["files"]["data/persons.csv"]
    data = released.path("persons").read_bytes()
    import hashlib

    assert persons == {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest(), "rows": len(released.read("persons")[1])}
    every = {p.relative_to(root).as_posix() for d in ("data", "schemas", "reference") for p in (root / d).rglob("*") if p.is_file()}
    assert set(m["files"]) == every | {"datapackage.json"}
    assert {"schemas/persons.json", "schemas/criminal-code.schema.json", "reference/criminal-code/cc1997-toc.csv"} <= set(m["files"])
    assert "rows" not in m["files"]["schemas/persons.json"]
    # the release commit is the commit that added the manifest, and the tag names it
    added = git(root, "log", "--diff-filter=A", "--format=%H", "--", "releases/1.0.0.json").split()
    assert added == [git(root, "rev-parse", "v1.0.0^{commit}").strip()]
    result = verify(root)
    assert result.intact and result.files == len(m["files"]) and result.summary() == f"intact: identical to release 1.0.0 ({len(m['files'])} files)"
    assert kzdata.validate(root).findings == []   # KZ018 included: the descriptor is canonical
    assert last_release(root) == ("v1.0.0", "1.0.0")
    cli = CliRunner().invoke(main, ["verify", str(root)])
    assert cli.exit_code == 0 and f"intact: identical to release 1.0.0 ({len(m['files'])} files)" in cli.output


def test_an_edit_formatted_with_fmt_makes_verify_say_differs(released):
    """fmt used to re-hash the descriptor after an edit, so verify said "intact" of data that was no release."""
    before = (released.root / "datapackage.json").read_bytes()
    released.set("persons", "bokayev-maks", notes="Corrected note.")
    fmt(released.root)
    assert (released.root / "datapackage.json").read_bytes() == before       # fmt writes no checksums
    assert kzdata.validate(released.root).findings == []
    result = verify(released.root)
    assert not result.intact and statuses(result) == {"data/persons.csv": "changed"}
    d = result.differences[0]
    assert d.expected["sha256"] != d.actual["sha256"] and d.expected["rows"] == d.actual["rows"]
    cli = CliRunner().invoke(main, ["verify", str(released.root)])
    assert cli.exit_code == 1
    assert "differs from release 1.0.0" in cli.output and "data/persons.csv changed (sha256 " in cli.output


def test_verify_catches_schema_and_reference_edits(released):
    root = released.root
    schema = root / "schemas" / "events.json"
    desc = json.loads(schema.read_text(encoding="utf-8"))
    desc["description"] = "Edited."
    schema.write_text(canonical_json(desc), encoding="utf-8")
    toc = root / "reference" / "criminal-code" / "cc1997-toc.csv"
    toc.write_bytes(toc.read_bytes().replace(b"\n", b"\n\n", 1))
    (root / "reference" / "criminal-code" / "README.md").unlink()
    (root / "schemas" / "x.json").write_text("{}\n", encoding="utf-8")
    result = verify(root)
    assert statuses(result) == {"schemas/events.json": "changed", "reference/criminal-code/cc1997-toc.csv": "changed",
                                "reference/criminal-code/README.md": "missing", "schemas/x.json": "added"}
    out = CliRunner().invoke(main, ["verify", str(root)]).output
    assert "schemas/x.json added" in out and "reference/criminal-code/README.md missing" in out
    # what editors and Python leave behind is no part of a release
    (root / "reference" / "criminal-code" / "__pycache__").mkdir()
    (root / "reference" / "criminal-code" / "__pycache__" / "x.pyc").write_bytes(b"\0")
    (root / "data" / ".DS_Store").write_bytes(b"\0")
    assert statuses(verify(root)) == statuses(result)


def test_a_hand_edited_manifest_is_detected(released, tmp_path):
    root = released.root
    m = manifest(root)
    m["files"]["data/persons.csv"]["sha256"] = "0" * 64
    # a copy without git: the edited hash no longer matches the file
    copy = tmp_path / "copy"
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns(".git"))
    (copy / "releases" / "1.0.0.json").write_text(canonical_json(m), encoding="utf-8")
    result = verify(copy)
    assert statuses(result) == {"data/persons.csv": "changed"} and result.differences[0].expected["sha256"] == "0" * 64
    # in the repository, git also knows the manifest as the release committed it
    (root / "releases" / "1.0.0.json").write_text(canonical_json(m), encoding="utf-8")
    result = verify(root)
    assert statuses(result) == {"releases/1.0.0.json": "changed", "data/persons.csv": "changed"}
    assert "edited after the release" in result.differences[0].detail
    commit_all(root, "edit the manifest")                           # committing the edit does not hide it
    assert "releases/1.0.0.json" in statuses(verify(root))
    with pytest.raises(kzdata.ReleaseMismatch, match="data/persons.csv changed"):
        kzdata.load(version="1.0.0", repo=root)


def test_verify_names_what_it_cannot_compare(released, tmp_path):
    """No version stated, no manifest, a manifest that is no manifest, a version that is no version: exit 2."""
    runner = CliRunner()
    unreleased = tmp_path / "unreleased"
    shutil.copytree(released.root, unreleased, ignore=shutil.ignore_patterns(".git"))
    desc = json.loads((unreleased / "datapackage.json").read_text(encoding="utf-8"))
    del desc["version"]
    (unreleased / "datapackage.json").write_text(canonical_json(desc), encoding="utf-8")
    no_version = runner.invoke(main, ["verify", str(unreleased)])
    assert no_version.exit_code == 2 and "states no version" in no_version.output and "--against" in no_version.output
    assert runner.invoke(main, ["verify", str(unreleased), "--against", "1.0.0"]).exit_code == 1   # the descriptor differs
    (tmp_path / "empty").mkdir()
    empty = runner.invoke(main, ["verify", str(tmp_path / "empty")])
    assert empty.exit_code == 2 and "has no datapackage.json" in empty.output
    no_manifest = runner.invoke(main, ["verify", str(released.root), "--against", "2.0.0"])
    assert no_manifest.exit_code == 2 and "no manifest of release 2.0.0" in no_manifest.output and "1.0.0" in no_manifest.output
    for bad in ("../../etc/passwd", "--output=x", "1.0"):
        out = runner.invoke(main, ["verify", str(released.root), f"--against={bad}"])
        assert out.exit_code == 2 and "is not a version of the form MAJOR.MINOR.PATCH" in out.output, bad
    (released.root / "releases" / "1.0.0.json").write_text('{"version": "1.0.0", "files": [', encoding="utf-8")
    broken = runner.invoke(main, ["verify", str(released.root)])
    assert broken.exit_code == 2 and "releases/1.0.0.json is not a valid release manifest" in broken.output
    assert "Traceback" not in broken.output
    (released.root / "releases" / "1.0.0.json").write_text('{"version": "9.9.9"}', encoding="utf-8")
    assert "manifest of version '9.9.9'" in runner.invoke(main, ["verify", str(released.root)]).output


def test_verify_reads_the_manifest_from_git_when_the_working_tree_has_none(released):
    root = released.root
    released.copy_row("events", "bokayev-maks-2017-01-transferred", id="bokayev-maks-2017-02-transferred")
    add_changelog(root, "1.1.0")
    commit_all(root)
    release(root, "1.1.0", today=DAY)
    assert verify(root).intact and verify(root).version == "1.1.0"
    (root / "releases" / "1.0.0.json").unlink()
    commit_all(root, "drop the old manifest")
    result = verify(root, against="1.0.0")
    assert result.manifest == "git v1.0.0:releases/1.0.0.json"
    assert statuses(result) == {"data/events.csv": "changed", "datapackage.json": "changed"}
    events = next(d for d in result.differences if d.path == "data/events.csv")
    assert events.actual["rows"] == events.expected["rows"] + 1
    as_json = CliRunner().invoke(main, ["verify", str(root), "--against", "1.0.0", "--format", "json"])
    doc = json.loads(as_json.output)
    assert as_json.exit_code == 1 and doc["status"] == "differs" and doc["version"] == "1.0.0"
    assert {d["path"] for d in doc["differences"]} == {"data/events.csv", "datapackage.json"}


def test_a_link_out_of_the_copy_is_not_taken_for_a_file(released, tmp_path):
    secret = tmp_path / "secret.csv"
    secret.write_bytes(released.path("retired").read_bytes())
    released.path("retired").unlink()
    released.path("retired").symlink_to(secret)
    assert statuses(verify(released.root)) == {"data/retired.csv": "unreadable"}
    assert "link to a file outside the copy" in verify(released.root).differences[0].detail


# --- no checksums in datapackage.json -------------------------------------------------------------------

def test_two_pull_requests_editing_the_same_table_do_not_conflict(released):
    root = released.root
    base = (root / "datapackage.json").read_bytes()
    header, rows = released.read("persons")
    first, last = rows[0]["id"], rows[-1]["id"]
    git(root, "checkout", "-q", "-b", "one")
    released.set("persons", first, notes="Edited on branch one.")
    fmt(root)
    commit_all(root, "one")
    git(root, "checkout", "-q", "-b", "two", "v1.0.0")
    released.set("persons", last, notes="Edited on branch two.")
    fmt(root)
    commit_all(root, "two")
    merge = subprocess.run(["git", "-C", str(root), "-c", "user.email=t@example.org", "-c", "user.name=t", "merge",
                            "--no-edit", "one"], capture_output=True, text=True)
    assert merge.returncode == 0, merge.stdout + merge.stderr
    assert "CONFLICT" not in merge.stdout and git(root, "diff", "--name-only", "--diff-filter=U") == ""
    assert (root / "datapackage.json").read_bytes() == base
    notes = {r["id"]: r["notes"] for r in released.read("persons")[1]}
    assert notes[first] == "Edited on branch one." and notes[last] == "Edited on branch two."
    assert kzdata.validate(root).findings == []
    assert statuses(verify(root)) == {"data/persons.csv": "changed"}


def test_fmt_removes_checksums_an_old_descriptor_still_records(pkg):
    path = pkg.root / "datapackage.json"
    desc = json.loads(path.read_text(encoding="utf-8"))
    desc["resources"][0].update(bytes=1, hash="sha256:" + "0" * 64, rows=1)
    path.write_text(canonical_json(desc), encoding="utf-8")
    f = only(kzdata.validate(pkg.root), "KZ018")
    assert f.file == "datapackage.json" and "checksums" in f.message and "releases/" in f.message
    results = {r.path: r for r in fmt(pkg.root)}
    assert results["datapackage.json"].changed and "bytes, hash and rows" in results["datapackage.json"].notes[0]
    assert "KZ018" not in codes(kzdata.validate(pkg.root))
    assert not any(k in r for r in json.loads(path.read_text(encoding="utf-8"))["resources"] for k in ("bytes", "hash", "rows"))


# --- refusals and versions ------------------------------------------------------------------------------

@pytest.mark.parametrize("prepare, message", [
    (lambda r: r.path("events").write_text("dirty", encoding="utf-8"), "uncommitted"),
    (lambda r: (r.set("persons", "bokayev-maks", status="flying"), commit_all(r.root)), "validate --strict"),
    (lambda r: git(r.root, "tag", "v1.0.0"), "the tag v1.0.0 already exists"),
    (lambda r: ((r.root / "releases").mkdir(), (r.root / "releases" / "1.0.0.json").write_text("{}", encoding="utf-8"),
                commit_all(r.root)), "not a valid release manifest"),
])
def test_release_refusals(repo, prepare, message):
    add_changelog(repo.root, "1.0.0")
    commit_all(repo.root, "changelog")
    prepare(repo)
    head = git(repo.root, "rev-parse", "HEAD")
    with pytest.raises(ReleaseError, match=message):
        release(repo.root, "1.0.0", today=DAY)
    assert git(repo.root, "rev-parse", "HEAD") == head and git(repo.root, "tag", "--list") in ("", "v1.0.0\n")


def test_a_release_that_exists_is_refused(released):
    git(released.root, "tag", "-d", "v1.0.0")
    with pytest.raises(ReleaseError, match=r"release 1.0.0 exists already \(releases/1.0.0.json\)"):
        release(released.root, "1.0.0", today=DAY)


def test_release_needs_its_changelog_section(repo):
    with pytest.raises(ReleaseError, match=r"no section '## \[3.1.4\]'"):
        release(repo.root, "3.1.4", today=DAY)
    with pytest.raises(ReleaseError, match="not a version"):
        release(repo.root, "--output=x", today=DAY)
    assert not (repo.root / "x").exists()


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


def test_a_new_table_is_minor_whatever_its_key():
    """disputes.csv, added after 1.0.0 with a primary key and constraints, made kzdata ask for 2.0.0."""
    result = {"tables": {"disputes": {"added": {"a": {}}, "removed": {}, "changed": {}, "schema": {
        "table_added": True, "added": ["table", "record"], "primary_key": [None, ["table", "record"]],
        "constraints": [{"column": "table", "old": {}, "new": {"required": True, "enum": ["persons"]}}]}}}}
    assert required_level(result) == "minor"


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
    assert verify(clone).intact


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
    assert set(git(repo.root, "show", "--name-only", "--format=", "HEAD").split()) == {
        "datapackage.json", "pyproject.toml", "src/kzdata/__init__.py", "releases/1.0.0.json"}


# --- pinning: load(version=...), load(git_ref=...) -------------------------------------------------------

def test_load_a_version_proves_its_bytes(released):
    root = released.root
    released.set("persons", "bokayev-maks", notes="After the release.")
    commit_all(root)
    ds = kzdata.load(version="1.0.0", repo=root)
    assert ds.persons["bokayev-maks"].notes != "After the release."
    proved = verify(ds.path)                        # the checkout keeps the manifest beside the files it proves
    assert proved.intact and proved.files == len(manifest(root)["files"])
    # a moved tag is not release 1.0.0
    git(root, "tag", "-f", "-a", "v1.0.0", "-m", "moved", "HEAD")
    with pytest.raises(kzdata.ReleaseMismatch, match="data/persons.csv changed") as exc:
        kzdata.load(git_ref="v1.0.0", repo=root)
    assert [d.path for d in exc.value.differences] == ["data/persons.csv"]
    with pytest.raises(kzdata.PinError, match="no manifest of release 2.0.0"):
        kzdata.load(version="2.0.0", repo=root)
    with pytest.raises(kzdata.PinError, match="not a version"):
        kzdata.load(version="../1.0.0", repo=root)
    with pytest.raises(kzdata.PinError, match="one of path, git_ref and version"):
        kzdata.load(root, version="1.0.0")


def test_load_a_version_needs_a_git_clone(released, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(released.root, copy, ignore=shutil.ignore_patterns(".git"))
    with pytest.raises(kzdata.PinError, match="is not a git clone.*load\\(path\\)"):
        kzdata.load(version="1.0.0", repo=copy)
    assert verify(copy).intact                     # a copy of the files is proved by verify instead


def test_the_release_command(repo, monkeypatch):
    add_changelog(repo.root, "1.0.0")
    commit_all(repo.root, "changelog")
    monkeypatch.chdir(repo.root)
    result = CliRunner().invoke(main, ["release", "1.0.0"])
    assert result.exit_code == 0 and "releases/1.0.0.json written" in result.output and "v1.0.0" in result.output
    assert CliRunner().invoke(main, ["verify"]).exit_code == 0
    again = CliRunner().invoke(main, ["release", "1.0.0"])
    assert again.exit_code == 1 and "kzdata release: the tag v1.0.0 already exists" in again.output
    bad = CliRunner().invoke(main, ["release", "--", "--output=x"])
    assert bad.exit_code == 1 and "is not a version" in bad.output and not (repo.root / "x").exists()


def test_a_release_tag_a_clone_lacks_is_found_through_its_manifest(released, tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--no-tags", str(released.root), str(clone)], check=True)
    assert git(clone, "tag", "--list") == ""
    assert len(kzdata.load(git_ref="v1.0.0", repo=clone).persons) == len(released.read("persons")[1])
    with pytest.raises(kzdata.PinError, match="v9.9.9"):
        kzdata.load(git_ref="v9.9.9", repo=clone)


def test_load_bundled_path_and_git_ref(tmp_path):
    from kzdata.dataset import bundled_path

    assert (bundled_path() / "datapackage.json").is_file()
    assert len(kzdata.load().persons) == len(kzdata.load(REPO).persons)
    at_head = kzdata.load(git_ref="HEAD", repo=REPO)
    assert set(at_head.persons) <= set(kzdata.load(REPO).persons) | set(at_head.persons)
    with pytest.raises(ValueError, match="'no-such-ref' is not a commit of the git repository"):
        kzdata.load(git_ref="no-such-ref", repo=REPO)
    with pytest.raises(kzdata.PinError, match="is not inside a git repository"):
        kzdata.load(git_ref="HEAD", repo=tmp_path)


# --- the repository's own releases ------------------------------------------------------------------------

RELEASE_1_0_0 = "bf50b46b7f3ebb0375bc46f480694d74f3b9f6fc"


def test_the_repository_records_release_1_0_0():
    """releases/1.0.0.json is what the files of the release commit give, and agrees with the checksums that
    the 1.0.0 descriptor itself recorded."""
    from kzdata.release import manifest_at

    m = manifest(REPO)
    assert m["commit"] == RELEASE_1_0_0 and m["version"] == "1.0.0" and m["date"] == "2026-11-22"
    assert git(REPO, "log", "-1", "--format=%s", RELEASE_1_0_0).strip() == "Release 1.0.0"
    assert (REPO / "releases" / "1.0.0.json").read_text(encoding="utf-8") == canonical_json(manifest_at(REPO, RELEASE_1_0_0).to_json())
    old = json.loads(git(REPO, "show", f"{RELEASE_1_0_0}:datapackage.json"))
    for res in old["resources"]:
        entry = m["files"][res["path"]]
        assert ("sha256:" + entry["sha256"], entry["bytes"], entry.get("rows")) == (res["hash"], res["bytes"], res.get("rows"))
    assert m["files"]["data/persons.csv"]["rows"] == 96
    assert {"schemas/persons.json", "schemas/criminal-code.schema.json", "reference/article-parts.json"} <= set(m["files"])


def test_the_repository_descriptor_records_no_checksums():
    desc = json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))
    assert desc["version"] and not any(k in r for r in desc["resources"] for k in ("bytes", "hash", "rows"))


def test_the_repository_differs_from_1_0_0_by_its_new_data():
    result = verify(REPO, against="1.0.0")
    found = statuses(result)
    assert not result.intact and result.files == len(manifest(REPO)["files"])
    assert found["data/persons.csv"] == "changed" and found["data/disputes.csv"] == "added"
    assert found["reference/article-parts.json"] == "missing"          # moved to reference/criminal-code/ in 1.1
    persons = next(d for d in result.differences if d.path == "data/persons.csv")
    assert persons.expected["rows"] == 96 and persons.actual["rows"] == len(kzdata.load(REPO, check=False).persons) == 168
    cli = CliRunner().invoke(main, ["verify", str(REPO), "--against", "1.0.0"])
    assert cli.exit_code == 1 and "differs from release 1.0.0" in cli.output and "168 rows, release 96" in cli.output


def test_the_repository_versions_agree():
    """The installed package bundles the data of its own version."""
    import re

    desc = json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))
    pyproject = re.search(r'^version = "([^"]*)"', (REPO / "pyproject.toml").read_text(encoding="utf-8"), re.M).group(1)
    assert pyproject == kzdata.__version__ == desc["version"]
    assert (REPO / "releases" / f"{desc['version']}.json").is_file()
