"""The command-line interface: a thin layer over kzdata.validate and kzdata.load."""
from __future__ import annotations

import sys
from pathlib import Path

import click


def _find_root(start: Path) -> Path:
    """The nearest directory at or above `start` holding datapackage.json (else `start`)."""
    for d in [start, *start.parents]:
        if (d / "datapackage.json").is_file():
            return d
    return start


def _on_terminal() -> bool:
    import os

    return sys.stderr.isatty() and not os.environ.get("CI")


def _progress():
    """A one-line progress indicator on a terminal, for packages of more than 50,000 rows (never in CI logs,
    JSON or annotations)."""
    if not _on_terminal():
        return None

    def show(n: int, total: int, name: str, rows: int) -> None:
        if rows > 50_000:
            click.echo(f"\rkzdata validate: check {n}/{total} ({name}) on {rows:,} rows\033[K", nl=False, err=True)

    return show


# polars allocates with jemalloc, which by default gives each of several arenas its own freed pages and keeps
# them for ten seconds. A validation run frees chunk after chunk as fast as it allocates, so it asks for one
# arena and a short decay: the same speed, and about 50 MB less peak memory on the 100,000-person benchmark
# (docs/performance.md). It only takes effect before polars is loaded, and never overrides the user's own.
JEMALLOC = "narenas:1,dirty_decay_ms:300,muzzy_decay_ms:0"


def _tune_allocator() -> None:
    import os

    if "polars" not in sys.modules:
        os.environ.setdefault("_RJEM_MALLOC_CONF", JEMALLOC)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kzdata")
def main() -> None:
    """kzdata: validate and use the dataset of political prosecutions in Kazakhstan."""


@main.command()
@click.argument("path", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text", show_default=True,
              help="How to print the findings (github = workflow annotations).")
@click.option("--strict", is_flag=True, help="Count warnings as errors.")
@click.option("--changed-since", "changed_since", metavar="REF",
              help="Check everything, but report only findings about rows added, changed or removed since git REF.")
@click.option("--engine", type=click.Choice(["auto", "rows", "columnar"]), default="auto", show_default=True,
              help="rows: the row engine; columnar: the polars engine (fails on a package it cannot read exactly); "
                   "auto: columnar for large packages in canonical form. Both give the same findings.")
def validate(path: Path | None, fmt: str, strict: bool, changed_since: str | None, engine: str) -> None:
    """Check the data package at PATH (default: the repository around the current directory).

    Exit status: 0 when there are no errors (no findings at all with --strict), 1 when there are,
    2 for usage problems.
    """
    from .reporters import RENDERERS
    from .validator import validate as run

    _tune_allocator()

    root = path if path is not None else _find_root(Path.cwd())
    if not root.is_dir():
        raise click.UsageError(f"{root} is not a directory")
    from .changes import GitError

    try:
        report = run(root, changed_since=changed_since, progress=_progress() if fmt == "text" else None, engine=engine)
    except GitError as exc:
        raise click.UsageError(f"--changed-since: {exc}") from None
    except ValueError as exc:
        raise click.UsageError(f"--engine columnar: {exc}; run kzdata fmt, or use --engine auto") from None
    finally:
        if fmt == "text" and _on_terminal():
            click.echo("\r\033[K", nl=False, err=True)
    click.echo(RENDERERS[fmt](report, strict), nl=False)
    sys.exit(0 if report.ok(strict) else 1)


@main.command()
@click.argument("path", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Print a readable summary or the figures as JSON.")
def stats(path: Path | None, fmt: str) -> None:
    """Summarise what the dataset at PATH holds: persons by status, region and organisation, charges by
    article, sentences by kind with the years of imprisonment imposed, and rows per source.

    The package is validated first: figures are not computed from data with errors (exit status 1).
    """
    from .dataset import InvalidPackage, load
    from .reporters import render_text as render_findings
    from .stats import compute, render_json, render_text

    root = path if path is not None else _find_root(Path.cwd())
    if not root.is_dir():
        raise click.UsageError(f"{root} is not a directory")
    try:
        ds = load(root)
    except InvalidPackage as exc:
        click.echo(render_findings(exc.report), nl=False, err=True)
        click.echo("kzdata stats: the package has errors, so no figures are given; fix them first.", err=True)
        sys.exit(1)
    figures = compute(ds)
    click.echo(render_json(figures) if fmt == "json" else render_text(figures), nl=False)


@main.command("fmt")
@click.argument("path", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--check", is_flag=True, help="Change nothing; list the files that are not in canonical form (exit 1 if any).")
def fmt_command(path: Path | None, check: bool) -> None:
    """Rewrite the package's files in canonical form, without changing any value.

    CSV: UTF-8 without BOM, LF, columns in schema order, rows sorted by id, minimal quoting, final newline.
    JSON: two-space indentation, sorted keys. A file that cannot be read safely is reported and left as it is.
    Exit status: 0 when every file is (now) canonical, 1 when --check finds files to change or a file
    cannot be formatted.
    """
    from .fmt import fmt

    root = path if path is not None else _find_root(Path.cwd())
    if not (root / "datapackage.json").is_file():
        raise click.UsageError(f"{root} has no datapackage.json")
    results = fmt(root, check=check)
    bad = False
    for r in results:
        if r.problem:
            bad = True
            click.echo(f"{r.path}: left as it is: {r.problem} (run kzdata validate for details)", err=True)
        elif r.changed:
            bad = bad or check
            click.echo(f"{r.path}: {'would be reformatted' if check else 'reformatted'}")
    changed = sum(r.changed for r in results)
    click.echo(f"{len(results)} file(s) checked, {changed} {'to reformat' if check else 'reformatted'}", err=True)
    sys.exit(1 if bad else 0)


@main.command()
@click.argument("path", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--output", "-o", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Directory to write into (created if needed).")
@click.option("--format", "--to", "fmt", type=click.Choice(["csv", "json", "ndjson", "sqlite", "ftm"]), default="csv",
              show_default=True, help="csv: a data package; json/ndjson: a file per table; sqlite: kzdata.db with keys, "
              "indexes and views; ftm: FollowTheMoney entities (entities.ftm.json).")
@click.option("--public", is_flag=True, help="Leave out every field the schemas mark sensitive (see DATA_POLICY.md).")
def export(path: Path | None, out: Path, fmt: str, public: bool) -> None:
    """Export the dataset at PATH for other tools, cell values unchanged, each file written atomically.

    Refuses (exit status 1) when the package has validation errors. Use --public for anything published.
    """
    from .dataset import InvalidPackage
    from .export import export as run
    from .reporters import render_text as render_findings

    root = path if path is not None else _find_root(Path.cwd())
    if not root.is_dir():
        raise click.UsageError(f"{root} is not a directory")
    try:
        files = run(root, out, fmt=fmt, public=public)
    except InvalidPackage as exc:
        click.echo(render_findings(exc.report), nl=False, err=True)
        click.echo("kzdata export: the package has errors, so nothing was exported; fix them first.", err=True)
        sys.exit(1)
    except OSError as exc:
        click.echo(f"kzdata export: cannot write to {out}: {exc.strerror or exc}", err=True)
        sys.exit(1)
    except Exception as exc:  # e.g. sqlite3.Error: report, never a traceback
        click.echo(f"kzdata export: the {fmt} export failed: {type(exc).__name__}: {exc}", err=True)
        sys.exit(1)
    for f in files:
        click.echo(str(f))


@main.command("diff")
@click.argument("old")
@click.argument("new", required=False)
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json"]), default="text", show_default=True,
              help="markdown is ready to paste into CHANGELOG.md.")
def diff_command(old: str, new: str | None, fmt: str) -> None:
    """Show what changed from OLD to NEW (default: the working tree). Each is a git revision or a package directory.

    Records are matched by id; changes list each field's old and new value; schema changes list columns
    added, removed, renamed and retyped and constraints changed.
    """
    from .diff import RENDERERS, DiffError, diff

    repo = _find_root(Path.cwd())
    try:
        result = diff(old, new or str(repo), repo=repo)
    except DiffError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(RENDERERS[fmt](result), nl=False)


@main.command("release")
@click.argument("version")
@click.option("--check", "only_check", is_flag=True, help="Only check that VERSION is a large enough bump since the last release.")
@click.option("--draft", is_flag=True, help="Print a draft CHANGELOG section for VERSION from the diff, and stop.")
def release_command(version: str, only_check: bool, draft: bool) -> None:
    """Release VERSION: check the bump, validate strictly, require a CHANGELOG section, write version, date
    and checksums into datapackage.json, commit, and make the annotated tag vVERSION."""
    from .release import ReleaseError, check_version, draft_changelog, release

    repo = _find_root(Path.cwd())
    try:
        if draft:
            import datetime as dt

            click.echo(draft_changelog(repo, version, dt.date.today()), nl=False)
            return
        if only_check:
            result = check_version(repo, version)
            click.echo(result.message)
            sys.exit(0 if result.ok else 1)
        tag = release(repo, version)
    except ReleaseError as exc:
        click.echo(f"kzdata release: {exc}", err=True)
        sys.exit(1)
    click.echo(f"released {version}: commit and tag {tag} made; push them with: git push && git push origin {tag}")


@main.command("verify")
@click.argument("path", required=False, type=click.Path(file_okay=False, path_type=Path))
def verify_command(path: Path | None) -> None:
    """Check a copy of the data against the sizes, sha256 hashes and row counts in its datapackage.json."""
    from .release import verify

    root = path if path is not None else _find_root(Path.cwd())
    problems, checked = verify(root)
    for p in problems:
        click.echo(f"{p.path}: {p.message}")
    click.echo(f"{root}: {checked} file(s) checked, {'intact' if not problems else f'{len(problems)} problem(s)'}")
    sys.exit(1 if problems else 0)


@main.group()
def new() -> None:
    """Add a row with a fresh id (never an existing or retired one) and print the id."""


def _scaffold(make, **kwargs) -> None:
    from .scaffold import ScaffoldError

    root = _find_root(Path.cwd())
    if not (root / "datapackage.json").is_file():
        raise click.UsageError("run this inside the kzdata repository (no datapackage.json found)")
    try:
        rid = make(root, **kwargs)
    except ScaffoldError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(rid)
    click.echo("Fill in the other columns, then run kzdata validate.", err=True)


@new.command("source")
@click.option("--publisher", required=True)
@click.option("--title", required=True)
@click.option("--published", required=True, help="Publication date: YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--url", required=True)
@click.option("--kind", required=True, type=click.Choice(["ngo_report", "press_statement", "public_statement", "news_article",
                                                          "court_document", "un_decision", "government_statement", "other"]))
@click.option("--language", required=True, help="ISO 639-1 code of the document's language, e.g. en, ru, kk.")
@click.option("--id", "sid", help="Id to use instead of the one made from publisher, year and title.")
def new_source(publisher: str, title: str, published: str, url: str, kind: str, language: str, sid: str | None) -> None:
    """Add a source to data/sources.csv."""
    from .scaffold import new_source as make

    _scaffold(make, publisher=publisher, title=title, published=published, url=url, kind=kind, language=language, sid=sid)


@new.command("person")
@click.argument("name")
@click.option("--source", required=True, help="Id of the source that names the person.")
@click.option("--status", default="unknown", show_default=True)
@click.option("--status-date", default="", help="Date of the status (default: the source's publication date).")
def new_person(name: str, source: str, status: str, status_date: str) -> None:
    """Add a person named NAME ('Given Surname') to data/persons.csv."""
    from .scaffold import new_person as make

    _scaffold(make, name=name, source=source, status=status, status_date=status_date)


@new.command("case")
@click.option("--place", required=True, help="Town for the id (fill the place column only if a source says where the case was tried).")
@click.option("--year", required=True)
@click.option("--slug", "slug_text", required=True, help="A word or two for the id, e.g. the defendant's surname.")
@click.option("--title", required=True)
@click.option("--source", required=True)
def new_case(place: str, year: str, slug_text: str, title: str, source: str) -> None:
    """Add a case to data/cases.csv."""
    from .scaffold import new_case as make

    _scaffold(make, place=place, year=year, slug_text=slug_text, title=title, source=source)


if __name__ == "__main__":
    main()
