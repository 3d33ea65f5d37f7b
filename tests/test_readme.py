"""README's pinning examples work as written, on a fresh clone of this repository without tags (as a clone
of a fork, or a CI checkout, may be): the Python blocks run, and each shell line exits as its comment says."""
from __future__ import annotations

import re
import shlex
import subprocess
import sys

import pytest
from conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def examples() -> list[tuple[str, str]]:
    """(language, code) of each fenced block between the pinning-examples markers, unindented."""
    m = re.search(r"<!-- pinning-examples:begin -->\n(.*?)<!-- pinning-examples:end -->", README, re.S)
    assert m, "README.md lost its <!-- pinning-examples:begin/end --> markers"
    blocks = re.findall(r"^( *)```(\w+)\n(.*?)^\1```", m.group(1), re.S | re.M)
    return [(lang, "\n".join(line[len(indent):] for line in code.splitlines())) for indent, lang, code in blocks]


@pytest.fixture(scope="module")
def clone(tmp_path_factory):
    """A directory holding `kzdata`, a clone of this repository with its full history and no tags."""
    where = tmp_path_factory.mktemp("readme")
    subprocess.run(["git", "clone", "-q", "--no-tags", str(REPO), str(where / "kzdata")], check=True)
    assert subprocess.run(["git", "-C", str(where / "kzdata"), "tag"], capture_output=True, text=True).stdout == ""
    return where


def test_there_are_examples_of_each_kind():
    langs = [lang for lang, _ in examples()]
    assert "python" in langs and "sh" in langs


def test_the_python_examples_run_as_written(clone, monkeypatch, capsys):
    monkeypatch.chdir(clone)
    for lang, code in examples():
        if lang == "python":
            exec(compile(code, "README.md", "exec"), {"__name__": "readme"})
    assert "changed 96 -> 168" in capsys.readouterr().out


def test_the_shell_examples_exit_as_documented(clone):
    lines = [line for lang, code in examples() if lang == "sh" for line in code.splitlines() if line.strip()]
    assert lines
    for line in lines:
        command, _, comment = line.partition("#")
        expected = re.match(r"\s*exit (\d)", comment)
        assert expected, f"README.md: say which exit status this line gives (# exit N): {line}"
        args = shlex.split(command)
        assert args[0] == "kzdata", line
        proc = subprocess.run([sys.executable, "-m", "kzdata.cli", *args[1:]], cwd=clone, capture_output=True, text=True)
        assert proc.returncode == int(expected.group(1)), f"{line}\n{proc.stdout}{proc.stderr}"
        assert "Traceback" not in proc.stderr


def test_the_tag_is_used_where_a_clone_has_it(clone, tmp_path):
    """With the tag v1.0.0 (on the release commit) git_ref goes through it; a tag moved elsewhere is refused."""
    import kzdata
    from kzdata.release import find_manifest

    tagged = tmp_path / "tagged"
    subprocess.run(["git", "clone", "-q", "--no-tags", str(clone / "kzdata"), str(tagged)], check=True)
    git = ["git", "-C", str(tagged), "-c", "user.email=t@example.org", "-c", "user.name=t"]
    commit = find_manifest(tagged, "1.0.0").commit
    subprocess.run([*git, "tag", "-a", "v1.0.0", "-m", "kzdata 1.0.0", commit], check=True)
    assert len(kzdata.load(git_ref="v1.0.0", repo=tagged).persons) == 96
    subprocess.run([*git, "tag", "-f", "-a", "v1.0.0", "-m", "moved", "HEAD"], check=True, capture_output=True)
    with pytest.raises(kzdata.ReleaseMismatch, match="is not release 1.0.0"):
        kzdata.load(git_ref="v1.0.0", repo=tagged)
