"""The pre-commit hook definitions (for other repositories and for this one) and the CI workflows run the
commands they name, and those commands pass on the repository and fail on a broken package."""
from __future__ import annotations

import re
import shlex
import subprocess
import sys

import pytest
import yaml
from conftest import REPO

CLI = [sys.executable, "-c", "import sys; from kzdata.cli import main; sys.argv[0] = 'kzdata'; main()"]


def hooks() -> list[dict]:
    published = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    local = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    return published + [h for repo in local["repos"] for h in repo["hooks"]]


def run_entry(entry: str, cwd) -> subprocess.CompletedProcess:
    argv = shlex.split(entry)
    if argv[:2] == ["python", "scripts/kzdata_hook.py"]:   # this repository's hooks run its own checkout
        return subprocess.run([sys.executable, str(REPO / "scripts" / "kzdata_hook.py"), *argv[2:]], cwd=cwd,
                              capture_output=True, text=True, timeout=300)
    assert argv[0] == "kzdata"
    return subprocess.run(CLI + argv[1:], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_both_hooks_are_published_and_used_here():
    ids = [h["id"] for h in hooks()]
    assert ids.count("kzdata-validate") == 2 and ids.count("kzdata-fmt") == 2
    for h in hooks():
        assert h["pass_filenames"] is False and h["name"]
        assert h["entry"].startswith(("kzdata ", "python scripts/kzdata_hook.py "))


def test_every_hook_lets_pre_commit_install_the_tool():
    """language: python everywhere (never system, which needs an active virtual environment); the local hooks
    list exactly the project's dependencies, so that pre-commit's environment can run this checkout."""
    import tomllib

    deps = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    for h in hooks():
        assert h["language"] == "python", h["id"]
        if h["entry"].startswith("python scripts/"):
            assert sorted(h["additional_dependencies"]) == sorted(deps), h["id"]


@pytest.mark.parametrize("path, runs", [("data/persons.csv", True), ("schemas/events.json", True),
                                        ("datapackage.json", True), ("README.md", False), ("src/kzdata/cli.py", False)])
def test_hooks_run_on_data_changes_only(path, runs):
    for h in hooks():
        assert bool(re.search(h["files"], path)) == runs


@pytest.mark.parametrize("hook", [h for h in hooks()], ids=lambda h: f"{h['id']}")
def test_each_hook_passes_on_a_clean_copy(pkg, hook):
    proc = run_entry(hook["entry"], pkg.root)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_validate_hook_fails_on_a_broken_package(pkg):
    pkg.set("persons", "bokayev-maks", status="flying")
    entry = next(h["entry"] for h in hooks() if h["id"] == "kzdata-validate")
    proc = run_entry(entry, pkg.root)
    assert proc.returncode == 1 and "KZ103" in proc.stdout


def test_the_fmt_hook_repairs_what_it_finds(pkg):
    header, rows = pkg.read("organisations")
    pkg.write("organisations", header, rows[::-1])
    entry = next(h["entry"] for h in hooks() if h["id"] == "kzdata-fmt")
    assert run_entry(entry, pkg.root).returncode == 0
    assert run_entry("kzdata fmt --check", pkg.root).returncode == 0


def test_the_workflows_run_the_documented_commands():
    validate = yaml.safe_load((REPO / ".github" / "workflows" / "validate.yml").read_text(encoding="utf-8"))
    steps = [s.get("run", "") for job in validate["jobs"].values() for s in job["steps"]]
    assert any("--format github" in s and "--changed-since" in s for s in steps)
    assert "bash .ci/run" in steps and "kzdata fmt --check" in steps
    release = yaml.safe_load((REPO / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8"))
    assert release[True]["push"]["tags"] == ["v*"]   # YAML 1.1 reads the key 'on' as True
