"""CONTRIBUTING.md's walk-through works as written: every shell command between the walkthrough markers runs,
in order, in a clone of a temporary git repository holding a copy of the package, and exits as its comment
says (`# exit N`; 0 when there is none); the output shown after a command is what it prints; the steps a
person does by hand (typing cells in the workbook, saving a table from a spreadsheet as CSV, removing
conflict markers, a colleague's pull request, a maintainer pressing "Merge") are done as the guide describes
them, with openpyxl and real git commands. The rows the guide shows are the rows the walk-through wrote.

How the guide is read (between `<!-- walkthrough:begin -->` and `<!-- walkthrough:end -->`):
- a ```sh block: commands, one a line, run in the contributor's clone;
- a ```text block right after a ```sh block: what the block's last command prints (stdout and stderr, as a
  terminal shows them). A line `…` stands for any number of lines, `…` inside a line for any text; every
  other line is printed as shown, next to its neighbours, and the first and last lines shown are the first
  and last printed unless `…` stands before or after them;
- `<!-- walkthrough:sheet FILE -->` and a table (sheet | row (id) | column | type): the cells typed into
  the workbook FILE, which is then saved;
- `<!-- walkthrough:save-as-csv FILE -->`: FILE saved by a spreadsheet as CSV, as Excel does in a Russian
  locale (a byte-order mark, semicolons, CRLF), with no value changed;
- `<!-- walkthrough:file FILE -->` and a ```text block: a passage of FILE as it now is (same rules as
  output);
- `<!-- walkthrough:resolve FILE -->`: the three conflict marker lines deleted from FILE, nothing else;
- `<!-- walkthrough:colleague -->`: the next ```sh block runs in a colleague's own clone;
- `<!-- walkthrough:merged BRANCH -->`: a maintainer merges the pull request of BRANCH as GitHub's button
  does (a merge commit on main), after the checks CI runs on it pass.
"""
from __future__ import annotations

import csv
import io
import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import REPO, TODAY, copy_package

import kzdata

GUIDE = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
ELLIPSIS = "…"
MARKERS = ("<<<<<<< ", "=======", ">>>>>>> ")

TOKEN = re.compile(
    r"<!-- walkthrough:(?P<marker>[a-z-]+)(?: (?P<arg>[^>]*?))? -->"
    r"|^```(?P<lang>\w+)\n(?P<code>.*?)^```[ \t]*$"
    r"|(?P<table>(?:^\|[^\n]*\|[ \t]*\n)+)",
    re.M | re.S)


def walkthrough() -> str:
    m = re.search(r"<!-- walkthrough:begin -->\n(.*?)<!-- walkthrough:end -->", GUIDE, re.S)
    assert m, "CONTRIBUTING.md lost its <!-- walkthrough:begin/end --> markers"
    return m.group(1)


@dataclass
class Token:
    kind: str            # a marker's name, "sh", "text", another fence language, or "table"
    arg: str = ""        # the marker's argument
    text: str = ""       # the block's or the table's content


def tokens(text: str) -> list[Token]:
    out = []
    for m in TOKEN.finditer(text):
        if m.group("marker"):
            out.append(Token(m.group("marker"), (m.group("arg") or "").strip()))
        elif m.group("lang"):
            out.append(Token(m.group("lang"), text=m.group("code")))
        else:
            out.append(Token("table", text=m.group("table")))
    return out


def commands(code: str) -> list[tuple[str, list[str], int]]:
    """(line, argv, expected exit status) of each command of a ```sh block."""
    out = []
    for line in code.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        argv = shlex.split(line, comments=True)
        expected = re.search(r"\s#\s*exit (\d+)", line)
        out.append((line, argv, int(expected.group(1)) if expected else 0))
    return out


def table_rows(table: str) -> list[list[str]]:
    """The body of a Markdown table (the header and the |---| line dropped), cell by cell."""
    rows = [[c.strip() for c in line.strip().strip("|").split("|")] for line in table.strip().splitlines()]
    return [r for r in rows[1:] if not all(set(c) <= set("-: ") for c in r)]


def _line_pattern(line: str) -> re.Pattern:
    return re.compile(".*".join(re.escape(p) for p in line.strip().split(ELLIPSIS)) + r"\Z")


def shown_in(shown: str, actual: str) -> str | None:
    """None when `actual` is what `shown` shows (see the module's docstring), else why not."""
    want = shown.rstrip("\n").split("\n")
    have = actual.rstrip().split("\n")
    groups, current = [], []
    for line in want:
        if line.strip() == ELLIPSIS:
            groups.append(current)
            current = []
        else:
            current.append((line, _line_pattern(line)))
    groups.append(current)
    anchored_start, anchored_end = bool(groups[0]), bool(groups[-1])
    position = 0
    for n, group in enumerate(groups):
        if not group:
            continue
        last = n == len(groups) - 1
        starts = [position] if (n == 0 and anchored_start) else range(position, len(have) - len(group) + 1)
        for start in starts:
            if all(p.match(have[start + i].strip()) for i, (_, p) in enumerate(group)) and \
                    (not (last and anchored_end) or start + len(group) == len(have)):
                position = start + len(group)
                break
        else:
            where = "at the start" if n == 0 and anchored_start else "at the end" if last and anchored_end else "in order"
            return f"these lines, one after the other, are not printed {where}:\n" + "\n".join(line for line, _ in group)
    return None


@dataclass
class Run:
    who: str
    line: str
    status: int
    output: str


@dataclass
class Walk:
    tmp: Path
    env: dict
    clones: dict[str, Path] = field(default_factory=dict)
    runs: list[Run] = field(default_factory=list)

    def git(self, who: str, *args: str) -> str:
        proc = subprocess.run(["git", *args], cwd=self.clones[who], env=self.env, capture_output=True, text=True)
        assert proc.returncode == 0, f"git {' '.join(args)} ({who}):\n{proc.stdout}{proc.stderr}"
        return proc.stdout

    def clone(self, who: str) -> Path:
        if who not in self.clones:
            where = self.tmp / who / "kzdata"
            where.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run(["git", "clone", "-q", str(self.tmp / "origin.git"), str(where)], env=self.env, check=True)
            self.clones[who] = where
            self.git(who, "config", "user.name", who.capitalize())
            self.git(who, "config", "user.email", f"{who}@example.org")
        return self.clones[who]

    def run(self, who: str, line: str, argv: list[str], expected: int) -> Run:
        assert argv[0] in ("kzdata", "git"), f"CONTRIBUTING.md: the walk-through runs only kzdata and git: {line}"
        program = [sys.executable, "-m", "kzdata.cli", *argv[1:]] if argv[0] == "kzdata" else argv
        refusal = argv[:2] in (["kzdata", "new"], ["kzdata", "import"]) and expected == 1
        before = self.data(who) if refusal else None
        proc = subprocess.run(program, cwd=self.clone(who), env=self.env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, encoding="utf-8", timeout=120)
        run = Run(who, line, proc.returncode, proc.stdout)
        self.runs.append(run)
        assert "Traceback" not in proc.stdout, f"{line}\n{proc.stdout}"
        assert proc.returncode == expected, (
            f"CONTRIBUTING.md says this exits {expected}, it exited {proc.returncode}:\n{line}\n{proc.stdout}")
        if refusal:
            assert self.data(who) == before, f"refused, but data/ changed: {line}"
        return run

    def data(self, who: str) -> dict[str, bytes]:
        return {p.name: p.read_bytes() for p in sorted((self.clones[who] / "data").iterdir())}

    def find(self, start: str, who: str = "you") -> Run:
        hits = [r for r in self.runs if r.who == who and r.line.startswith(start)]
        assert hits, f"the walk-through has no command {start!r}"
        return hits[-1]


def _environment(tmp: Path) -> dict:
    """Git and kzdata as a contributor has them, without this machine's git settings or the git of a hook that
    runs the tests (GIT_DIR and the like), in English, with output in the order a terminal shows it."""
    home = tmp / "home"
    home.mkdir()
    (home / ".gitconfig").write_text("[init]\n\tdefaultBranch = main\n[advice]\n\tdetachedHead = false\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(HOME=str(home), GIT_CONFIG_GLOBAL=str(home / ".gitconfig"), GIT_CONFIG_NOSYSTEM="1",
               GIT_TERMINAL_PROMPT="0", GIT_EDITOR="true", GIT_MERGE_AUTOEDIT="no", LC_ALL="C", LANGUAGE="C",
               PYTHONUNBUFFERED="1", PYTHONUTF8="1", PYTHONIOENCODING="utf-8",
               PYTHONPATH=os.pathsep.join([str(REPO / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]))
    env.pop("CI", None)
    return env


def _type_cells(workbook: Path, rows: list[list[str]]) -> None:
    """Type each value into its cell (sheet, the row whose id is given, column), as text, and save."""
    from openpyxl import load_workbook

    wb = load_workbook(workbook)
    for sheet, rid, column, value in rows:
        assert sheet in wb.sheetnames, f"CONTRIBUTING.md: the workbook has no sheet {sheet!r}"
        ws = wb[sheet]
        header = [c.value for c in ws[1]]
        assert column in header, f"CONTRIBUTING.md: sheet {sheet} has no column {column!r}"
        hits = [row for row in ws.iter_rows(min_row=2) if row[header.index("id")].value == rid]
        assert len(hits) == 1, f"CONTRIBUTING.md: sheet {sheet} has no row {rid!r}"
        hits[0][header.index(column)].value = value
    wb.save(workbook)


def _save_as_spreadsheet_csv(path: Path) -> None:
    """The file as Excel saves "CSV UTF-8" where the list separator is ';': a byte-order mark, semicolons,
    CRLF line endings; every value as it was."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    buf = io.StringIO()
    csv.writer(buf, delimiter=";", lineterminator="\r\n").writerows(rows)
    path.write_bytes(buf.getvalue().encode("utf-8-sig"))


def _resolve(path: Path) -> None:
    """Delete the three marker lines of each conflict, and nothing else."""
    lines = path.read_text(encoding="utf-8").split("\n")
    kept = [line for line in lines if not line.startswith(MARKERS)]
    assert len(lines) - len(kept) == 3, f"expected one conflict (three marker lines) in {path.name}"
    path.write_text("\n".join(kept), encoding="utf-8")


def _merge_pull_request(walk: Walk, branch: str) -> None:
    """What happens when a maintainer presses "Merge pull request": CI's checks pass on the branch (the
    annotations step, the whole package, the canonical form), then main gets a merge commit."""
    who = "maintainer"
    walk.clone(who)
    walk.git(who, "fetch", "-q", "origin")
    walk.git(who, "switch", "-q", "--detach", f"origin/{branch}")
    for line in ("kzdata validate --strict --format github --changed-since origin/main", "kzdata validate --strict",
                 "kzdata fmt --check"):
        walk.run(who, line, shlex.split(line), 0)
    walk.git(who, "switch", "-q", "-C", "main", "origin/main")
    walk.git(who, "merge", "-q", "--no-ff", "-m", f"Merge pull request from {branch}", f"origin/{branch}")
    walk.git(who, "push", "-q", "origin", "main")


def follow(tmp: Path) -> Walk:
    """Do everything the walk-through says, checking each step as it goes."""
    walk = Walk(tmp, _environment(tmp))
    seed = copy_package(tmp / "seed").root
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["-c", "user.name=Maintainer", "-c",
                 "user.email=maintainer@example.org", "commit", "-q", "-m", "The dataset"],
                 ["init", "-q", "--bare", "-b", "main", str(tmp / "origin.git")],
                 ["push", "-q", str(tmp / "origin.git"), "main"]):
        subprocess.run(["git", *args], cwd=seed, env=walk.env, check=True)
    walk.clone("you")

    steps = tokens(walkthrough())
    previous, who, last_run, workbook, excerpt_of = None, "you", None, None, None
    for token in steps:
        if token.kind == "sh":
            for line, argv, expected in commands(token.text):
                last_run = walk.run(who, line, argv, expected)
            who = "you"
        elif token.kind == "text":
            if excerpt_of:
                actual = (walk.clones["you"] / excerpt_of).read_text(encoding="utf-8")
                what, excerpt_of = f"the passage of {excerpt_of}", None
            else:
                assert previous is not None and previous.kind == "sh", (
                    f"CONTRIBUTING.md: a ```text block in the walk-through follows no command:\n{token.text}")
                actual, what = last_run.output, f"the output of: {last_run.line}"
            problem = shown_in(token.text, actual)
            assert problem is None, f"CONTRIBUTING.md shows {what}\nbut {problem}\nIt printed:\n{actual}"
        elif token.kind == "colleague":
            who = "colleague"
        elif token.kind == "merged":
            _merge_pull_request(walk, token.arg)
        elif token.kind == "sheet":
            workbook = (walk.clones["you"] / token.arg).resolve()
            assert workbook.is_file(), f"CONTRIBUTING.md: no workbook {token.arg} to type into"
        elif token.kind == "table":
            assert workbook is not None, f"CONTRIBUTING.md: a table in the walk-through with no sheet marker:\n{token.text}"
            rows = table_rows(token.text)
            assert rows and all(len(r) == 4 for r in rows), token.text
            _type_cells(workbook, rows)
            workbook = None
        elif token.kind == "save-as-csv":
            _save_as_spreadsheet_csv(walk.clones["you"] / token.arg)
        elif token.kind == "file":
            excerpt_of = token.arg
        elif token.kind == "resolve":
            _resolve(walk.clones["you"] / token.arg)
        else:
            raise AssertionError(f"CONTRIBUTING.md: unknown walk-through step {token.kind!r}")
        previous = token
    return walk


@pytest.fixture(scope="module")
def walk(tmp_path_factory) -> Walk:
    return follow(tmp_path_factory.mktemp("contributing"))


def test_the_walkthrough_has_every_part_the_guide_promises():
    steps = tokens(walkthrough())
    kinds = [t.kind for t in steps]
    for kind in ("sh", "text", "sheet", "table", "save-as-csv", "file", "resolve", "colleague", "merged"):
        assert kind in kinds, f"the walk-through lost its {kind} step"
    lines = [line for t in steps if t.kind == "sh" for line, _, _ in commands(t.text)]
    for start in ("kzdata find", "kzdata show", "git switch -c", "kzdata new source", "kzdata new person",
                  "kzdata new case", "kzdata new charge", "kzdata new sentence", "kzdata new event",
                  "kzdata export --to xlsx", "kzdata import", "kzdata fmt", "kzdata validate --strict",
                  "kzdata validate --strict --changed-since origin/main", "git commit", "git push", "git merge"):
        assert any(line.startswith(start) for line in lines), f"the walk-through no longer runs {start}"


def test_output_matching_fails_on_what_the_guide_does_not_show():
    assert shown_in("a\n…\nc", "a\nb\nc") is None
    assert shown_in("a\nc", "a\nb\nc") is not None                 # a line left out without …
    assert shown_in("b", "a\nb") is not None                       # not the first line printed
    assert shown_in("…\nb", "a\nb\nc") is not None                 # not the last line printed
    assert shown_in("x: … (y)", "x: 12 (y)") is None
    assert shown_in("x: … (y)", "x: 12 (z)") is not None


def test_every_command_exits_as_the_guide_says(walk):
    """follow() asserts each exit status, and that a refused kzdata new or import left data/ as it was."""
    documented = [line for t in tokens(walkthrough()) if t.kind == "sh" for line, argv, status in commands(t.text)
                  if argv[:2] == ["kzdata", "new"] and status == 1]
    refused = [r for r in walk.runs if r.line.startswith("kzdata new") and r.status == 1]
    assert documented and [r.line for r in refused] == documented
    assert all(r.output.rstrip().endswith("Nothing was written.") for r in refused)
    assert walk.find("kzdata find \"Aygerim Testova\"").status == 1
    persons = (walk.clones["you"] / "data" / "persons.csv").read_text(encoding="utf-8")
    assert "\ntestova-aygerim," not in persons and "\ntestova-aigerim," in persons


def test_find_finds_the_new_person_by_the_cyrillic_spelling(walk):
    before = walk.find("kzdata find \"Айгерим Тестова\"")
    after = walk.find("kzdata find Тестова")
    assert before.status == 1 and "testova-aigerim" not in before.output
    assert after.status == 0 and after.output.startswith("testova-aigerim: Aigerim Testova (Айгерим Тестова)")


def test_import_reports_the_edited_cells_and_writes_them(walk):
    refused, done = [r for r in walk.runs if r.line.startswith("kzdata import")]
    assert refused.status == 1 and "'12.2022'" in refused.output and "nothing was written" in refused.output
    assert "opened: '' -> '2022-12'" in done.output and "roles: '' -> 'activist;blogger'" in done.output
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO((walk.clones["you"] / "data/cases.csv").read_text(encoding="utf-8")))}
    assert rows["uralsk-2022-testova"]["opened"] == "2022-12"


def test_the_reference_finding_is_the_one_the_walkthrough_shows(walk):
    m = re.search(r"### Reading a finding\n.*?```text\n(.*?)```", GUIDE, re.S)
    assert m, "CONTRIBUTING.md lost the example of Reading a finding"
    refused = next(r for r in walk.runs if r.line.startswith("kzdata import"))
    line_number = re.compile(r"^(data/\w+\.csv):\d+")
    shown = [line_number.sub(r"\1:N", line) for line in m.group(1).rstrip("\n").split("\n")]
    printed = [line_number.sub(r"\1:N", line) for line in refused.output.split("\n")]
    assert printed[:len(shown)] == shown


def test_the_conflict_is_resolved_into_a_valid_package_on_main(walk):
    merge = walk.find("git merge origin/main")
    assert "CONFLICT (content): Merge conflict in data/persons.csv" in merge.output
    log = walk.git("you", "log", "--format=%s", "-3", "origin/main")
    assert log.startswith("Merge pull request from add-testova-aigerim")
    root = walk.clones["you"]
    assert walk.git("you", "rev-parse", "HEAD") == walk.git("you", "rev-parse", "origin/main")
    text = "".join((root / "data" / f).read_text(encoding="utf-8") for f in ("persons.csv", "sources.csv"))
    assert not any(line.startswith(MARKERS) for line in text.split("\n"))
    report = kzdata.validate(root, today=TODAY)
    assert report.ok(strict=True), [(f.code, f.file, f.line, f.message) for f in report.findings]
    ds = kzdata.load(root)
    assert {"testova-aigerim", "testov-daniyar"} <= set(ds.persons)
    assert walk.find("kzdata find Testov").output.split("\n")[:2] == [
        "testov-daniyar: Daniyar Testov, unknown as of 2023-06-02",
        "testova-aigerim: Aigerim Testova (Айгерим Тестова), restricted_freedom as of 2023-05-20"]


def _csv_blocks() -> list[tuple[str, list[str]]]:
    """(file, lines) of each ```csv block under "The rows of the walk-through"."""
    m = re.search(r"### The rows of the walk-through\n(.*?)\n## ", GUIDE, re.S)
    assert m, "CONTRIBUTING.md lost the section The rows of the walk-through"
    return [(path, code.rstrip("\n").split("\n")) for path, code in re.findall(r"`(data/\w+\.csv)`\n```csv\n(.*?)```", m.group(1), re.S)]


def test_the_rows_shown_are_the_rows_the_walkthrough_wrote(walk):
    blocks = _csv_blocks()
    assert {path for path, _ in blocks} == {f"data/{t}.csv" for t in ("sources", "persons", "cases", "charges", "sentences", "events")}
    for path, (header, *rows) in blocks:
        lines = (walk.clones["you"] / path).read_text(encoding="utf-8").split("\n")
        assert header == lines[0], path
        for row in rows:
            assert row in lines, f"CONTRIBUTING.md shows a row that {path} does not hold after the walk-through:\n{row}"


def test_every_csv_example_has_the_header_of_a_table():
    headers = {(REPO / "data" / f"{t}.csv").read_text(encoding="utf-8").split("\n", 1)[0]
               for t in ("sources", "organisations", "persons", "cases", "charges", "sentences", "events", "disputes", "exceptions")}
    blocks = re.findall(r"^```csv\n(.*?)\n", GUIDE, re.M)
    assert len(blocks) >= 8
    for header in blocks:
        assert header in headers, f"CONTRIBUTING.md: {header!r} is not the header of a table"
