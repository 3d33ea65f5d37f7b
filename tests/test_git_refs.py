"""A revision a user gives never reaches git as an option: `load(git_ref=...)`, the kzdata.gitio readers,
`kzdata diff REV`, `validate --changed-since REV` and `verify --against` refuse a name that is not a commit
with a clear message, and no file is written or truncated."""
from __future__ import annotations

import shutil
import subprocess

import pytest
from click.testing import CliRunner
from conftest import REPO

import kzdata
from kzdata import gitio
from kzdata.cli import main

HOSTILE = ["--output={file}", "--output={file}:datapackage.json", "-o{file}", "--help", "-h", "--exec=touch {file}",
           "HEAD\n--output={file}", "HEAD --output={file}", "", " ", "HEAD:datapackage.json", "--end-of-options"]


@pytest.fixture
def repo(pkg):
    run = lambda *a: subprocess.run(["git", "-C", str(pkg.root), "-c", "user.email=t@example.org", "-c", "user.name=t", *a],
                                    check=True, capture_output=True)
    run("init", "-q")
    run("add", "-A")
    run("commit", "-q", "-m", "base")
    return pkg.root


@pytest.fixture
def victim(tmp_path):
    """A file an option smuggled in as a revision would truncate or overwrite."""
    path = tmp_path / "victim.txt"
    path.write_text("keep me\n", encoding="utf-8")
    return path


def untouched(repo, victim):
    assert victim.read_text(encoding="utf-8") == "keep me\n"
    assert subprocess.run(["git", "-C", str(repo), "status", "--porcelain"], capture_output=True, text=True).stdout == ""


@pytest.mark.parametrize("ref", HOSTILE)
def test_load_never_passes_a_ref_as_an_option(repo, victim, ref):
    """load(git_ref="--output=FILE") used to reach `git archive` and truncate FILE."""
    ref = ref.format(file=victim)
    with pytest.raises(ValueError) as exc:
        kzdata.load(git_ref=ref, repo=repo)
    untouched(repo, victim)
    assert isinstance(exc.value, kzdata.PinError)
    assert "is not a commit" in str(exc.value) and repr(ref) in str(exc.value)


def test_a_relative_output_file_is_not_created_in_the_repository(repo):
    with pytest.raises(ValueError) as exc:
        kzdata.load(git_ref="--output=FILE", repo=repo)
    assert not (repo / "FILE").exists()
    assert "'--output=FILE' is not a commit" in str(exc.value)


@pytest.mark.parametrize("ref", HOSTILE)
def test_the_git_readers_never_pass_a_ref_as_an_option(repo, victim, ref):
    ref = ref.format(file=victim)
    assert not gitio.is_revision(repo, ref)
    assert gitio.file_at(repo, "", ref, "datapackage.json") is None
    assert gitio.files_at(repo, "", ref, ["datapackage.json", "data/persons.csv"]) == {"datapackage.json": None, "data/persons.csv": None}
    assert gitio.version_at(repo, ref) == ""
    untouched(repo, victim)
    assert not any(p.name.startswith("victim.txt:") for p in victim.parent.iterdir())   # `git show --output=F:path`
    with pytest.raises(gitio.GitError, match="is not a commit"):
        gitio.resolve(repo, ref)
    with pytest.raises(gitio.GitError):
        gitio.tree_files(repo, ref, ["data"])


def test_the_git_readers_still_read_revisions(repo):
    head = gitio.resolve(repo, "HEAD")
    assert len(head) == 40 and gitio.resolve(repo, head[:10]) == head
    assert gitio.file_at(repo, "", "HEAD", "datapackage.json") == (repo / "datapackage.json").read_bytes()
    assert "data/persons.csv" in gitio.tree_files(repo, "HEAD", ["data"])


@pytest.mark.parametrize("ref", ["--output={file}", "-o{file}", "HEAD\n--output={file}"])
def test_diff_refuses_an_option_for_a_revision(repo, victim, monkeypatch, ref):
    monkeypatch.chdir(repo)
    ref = ref.format(file=victim)
    runner = CliRunner()
    as_option = runner.invoke(main, ["diff", ref])                 # click reads it as an option of diff
    assert as_option.exit_code == 2 and "Traceback" not in as_option.output
    as_argument = runner.invoke(main, ["diff", "--", ref])         # past click: a revision that is none
    assert as_argument.exit_code == 2 and "is neither a package directory nor a git revision" in as_argument.output
    assert runner.invoke(main, ["diff", "HEAD", "--", ref]).exit_code == 2
    untouched(repo, victim)


@pytest.mark.parametrize("ref", ["--output={file}", "-o{file}", "HEAD\n--output={file}"])
def test_changed_since_refuses_an_option_for_a_revision(repo, victim, ref):
    ref = ref.format(file=victim)
    result = CliRunner().invoke(main, ["validate", str(repo), f"--changed-since={ref}"])
    assert result.exit_code == 2 and "--changed-since" in result.output and "not a known git revision" in result.output
    with pytest.raises(gitio.GitError):
        kzdata.validate(repo, changed_since=ref)
    untouched(repo, victim)


def test_a_clone_of_the_repository_is_safe_too(tmp_path, victim):
    """The same on a clone of this repository, where the real history is."""
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--no-tags", str(REPO), str(clone)], check=True)
    for ref in ("--output=" + str(victim), "--output=FILE"):
        with pytest.raises(kzdata.PinError):
            kzdata.load(git_ref=ref, repo=clone)
    assert not (clone / "FILE").exists()
    untouched(clone, victim)
    shutil.rmtree(clone)
