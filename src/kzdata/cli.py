"""The command-line interface: a thin layer over kzdata.validate and kzdata.load."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .diff import RENDERER_BY_NAME as DIFF_RENDERER_BY_NAME
from .export import FORMATS as EXPORT_FORMATS
from .reporters import REPORTER_BY_NAME
from .stats import RENDERER_BY_NAME as STATS_RENDERER_BY_NAME
from .validator import ENGINES


def find_root(start: Path) -> Path:
    """The nearest directory at or above `start` holding datapackage.json (else `start`)."""
    for d in [start, *start.parents]:
        if (d / "datapackage.json").is_file():
            return d
    return start


class PackagePath(click.Path):
    """A package directory: PATH as given, or the repository around the current directory. With
    need_descriptor, the directory must hold datapackage.json."""

    name = "path"

    def __init__(self, need_descriptor: bool = False):
        super().__init__(file_okay=False, path_type=Path)
        self.need_descriptor = need_descriptor

    def convert(self, value, param, ctx):
        root = super().convert(value, param, ctx)
        if not root.is_dir():
            self.fail(f"{root} is not a directory", param, ctx)
        if self.need_descriptor and not (root / "datapackage.json").is_file():
            self.fail(f"{root} has no datapackage.json", param, ctx)
        return root


def package_argument(need_descriptor: bool = False):
    """The PATH argument every command that reads a package takes (default: the repository around the
    current directory)."""
    return click.argument("path", required=False, default=lambda: str(find_root(Path.cwd())),
                          type=PackagePath(need_descriptor))


def format_option(renderers: dict, default: str = "text", help: str = "How to print the result."):
    return click.option("--format", "fmt", type=click.Choice(list(renderers)), default=default, show_default=True, help=help)


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


def _refuse_invalid(command: str, exc) -> None:
    from .reporters import render_text

    click.echo(render_text(exc.report), nl=False, err=True)
    what = {"stats": "no figures are given", "export": "nothing was exported", "site": "no site was built"}.get(command, "nothing was done")
    click.echo(f"kzdata {command}: the package has errors, so {what}; fix them first.", err=True)
    sys.exit(1)


@main.command()
@package_argument()
@format_option(REPORTER_BY_NAME, help="How to print the findings (github = workflow annotations).")
@click.option("--strict", is_flag=True, help="Count warnings as errors.")
@click.option("--changed-since", "changed_since", metavar="REF",
              help="Check everything, but report only findings about rows added, changed or removed since git REF.")
@click.option("--engine", type=click.Choice(ENGINES), default="auto", show_default=True,
              help="rows: the row engine; columnar: the polars engine (fails on a package it cannot read exactly); "
                   "auto: columnar for large packages in canonical form. Both give the same findings.")
def validate(path: Path, fmt: str, strict: bool, changed_since: str | None, engine: str) -> None:
    """Check the data package at PATH (default: the repository around the current directory).

    Exit status: 0 when there are no errors (no findings at all with --strict), 1 when there are,
    2 for usage problems.
    """
    from .gitio import GitError
    from .validator import EngineError
    from .validator import validate as run

    _tune_allocator()
    try:
        report = run(path, changed_since=changed_since, progress=_progress() if fmt == "text" else None, engine=engine)
    except GitError as exc:
        raise click.UsageError(f"--changed-since: {exc}") from None
    except EngineError as exc:
        raise click.UsageError(f"--engine columnar: {exc}; run kzdata fmt, or use --engine auto") from None
    finally:
        if fmt == "text" and _on_terminal():
            click.echo("\r\033[K", nl=False, err=True)
    click.echo(REPORTER_BY_NAME[fmt](report, strict), nl=False)
    sys.exit(0 if report.ok(strict) else 1)


@main.command()
@package_argument()
@format_option(STATS_RENDERER_BY_NAME, help="Print a readable summary or the figures as JSON.")
def stats(path: Path, fmt: str) -> None:
    """Summarise what the dataset at PATH holds: persons by status, region and organisation, charges by
    article, sentences by kind with the years of imprisonment imposed, and rows per source.

    The package is validated first: figures are not computed from data with errors (exit status 1).
    """
    from .dataset import InvalidPackage, load
    from .stats import compute

    try:
        ds = load(path)
    except InvalidPackage as exc:
        _refuse_invalid("stats", exc)
    click.echo(STATS_RENDERER_BY_NAME[fmt](compute(ds)), nl=False)


@main.command("fmt")
@package_argument(need_descriptor=True)
@click.option("--check", is_flag=True, help="Change nothing; list the files that are not in canonical form (exit 1 if any).")
def fmt_command(path: Path, check: bool) -> None:
    """Rewrite the package's files in canonical form, without changing any value.

    CSV: UTF-8 without BOM, LF, columns in schema order, rows sorted by id, minimal quoting, final newline.
    JSON: two-space indentation, sorted keys. A file that cannot be read safely is reported and left as it is.
    Exit status: 0 when every file is (now) canonical, 1 when --check finds files to change or a file
    cannot be formatted.
    """
    from .fmt import fmt

    results = fmt(path, check=check)
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
@package_argument()
@click.option("--output", "-o", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Directory to write into (created if needed).")
@click.option("--format", "--to", "fmt", type=click.Choice(list(EXPORT_FORMATS)), default="csv",
              show_default=True, help="csv: a data package; json/ndjson: a file per table; sqlite: kzdata.db with keys, "
              "indexes and views; ftm: FollowTheMoney entities (entities.ftm.json).")
@click.option("--public", is_flag=True, help="Leave out every field the schemas mark sensitive (see DATA_POLICY.md).")
def export(path: Path, out: Path, fmt: str, public: bool) -> None:
    """Export the dataset at PATH for other tools, cell values unchanged, each file written atomically.

    Refuses (exit status 1) when the package has validation errors. Use --public for anything published.
    """
    from .dataset import InvalidPackage
    from .export import export as run

    try:
        files = run(path, out, fmt=fmt, public=public)
    except InvalidPackage as exc:
        _refuse_invalid("export", exc)
    except OSError as exc:
        click.echo(f"kzdata export: cannot write to {out}: {exc.strerror or exc}", err=True)
        sys.exit(1)
    except Exception as exc:  # e.g. sqlite3.Error: report, never a traceback
        click.echo(f"kzdata export: the {fmt} export failed: {type(exc).__name__}: {exc}", err=True)
        sys.exit(1)
    for f in files:
        click.echo(str(f))


@main.command("site")
@package_argument()
@click.option("--output", "-o", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Directory to build the site in (replaced as a whole; refused if it holds anything but an earlier site).")
@click.option("--repository-url", metavar="URL", help="The GitHub repository the about page links to for CONTRIBUTING.md "
              "(default: from GitHub Actions, or the checkout's origin).")
def site_command(path: Path, out: Path, repository_url: str | None) -> None:
    """Build the public website of the dataset at PATH into DIR: static pages in English and Russian, only public
    fields, no request to any other site; open DIR/index.html or put DIR on any static host.

    Refuses (exit status 1) when the package has validation errors. Needs the [site] extra.
    """
    import time

    from .dataset import InvalidPackage

    try:
        from .site import SiteError, build
        import jinja2, altair, vl_convert  # noqa: E401,F401
    except ImportError as exc:
        click.echo(f"kzdata site: {exc.name} is missing; install the site extra: pip install 'kzdata[site]'", err=True)
        sys.exit(1)
    start = time.perf_counter()

    def show(message: str) -> None:   # large packages, on a terminal only
        click.echo(f"\rkzdata site: {message}\033[K", nl=False, err=True)

    try:
        files = build(path, out, repository_url=repository_url, progress=show if _on_terminal() else None)
    except InvalidPackage as exc:
        _refuse_invalid("site", exc)
    except SiteError as exc:
        click.echo(f"kzdata site: {exc}", err=True)
        sys.exit(1)
    except OSError as exc:
        click.echo(f"kzdata site: cannot write to {out}: {exc.strerror or exc}", err=True)
        sys.exit(1)
    except Exception as exc:  # report, never a traceback; the earlier site is left as it was
        click.echo(f"kzdata site: the build failed: {type(exc).__name__}: {exc}", err=True)
        sys.exit(1)
    if _on_terminal():
        click.echo("\r\033[K", nl=False, err=True)
    size = sum(f.stat().st_size for f in files)
    click.echo(f"{out}: {len(files):,} files, {size / 1e6:.1f} MB, in {time.perf_counter() - start:.1f} s; open {out / 'index.html'}")


@main.command("diff")
@click.argument("old")
@click.argument("new", required=False)
@format_option(DIFF_RENDERER_BY_NAME, help="markdown is ready to paste into CHANGELOG.md.")
def diff_command(old: str, new: str | None, fmt: str) -> None:
    """Show what changed from OLD to NEW (default: the working tree). Each is a git revision or a package directory.

    Records are matched by id; changes list each field's old and new value; schema changes list columns
    added, removed, renamed and retyped and constraints changed.
    """
    from .diff import DiffError, diff

    repo = find_root(Path.cwd())
    try:
        result = diff(old, new or str(repo), repo=repo)
    except DiffError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(DIFF_RENDERER_BY_NAME[fmt](result), nl=False)


@main.command("release")
@click.argument("version")
@click.option("--check", "only_check", is_flag=True, help="Only check that VERSION is a large enough bump since the last release.")
@click.option("--draft", is_flag=True, help="Print a draft CHANGELOG section for VERSION from the diff, and stop.")
def release_command(version: str, only_check: bool, draft: bool) -> None:
    """Release VERSION: check the bump, validate strictly, require a CHANGELOG section, write version, date
    and checksums into datapackage.json, commit, and make the annotated tag vVERSION."""
    from .release import ReleaseError, check_version, draft_changelog, release

    repo = find_root(Path.cwd())
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
@package_argument()
def verify_command(path: Path) -> None:
    """Check a copy of the data against the sizes, sha256 hashes and row counts in its datapackage.json."""
    from .release import verify

    problems, checked = verify(path)
    for p in problems:
        click.echo(f"{p.path}: {p.message}")
    click.echo(f"{path}: {checked} file(s) checked, {'intact' if not problems else f'{len(problems)} problem(s)'}")
    sys.exit(1 if problems else 0)


@main.group()
def new() -> None:
    """Add a row with a fresh id (never an existing or retired one) and print the id."""


def _scaffold(make, **kwargs) -> None:
    from .scaffold import ScaffoldError

    root = find_root(Path.cwd())
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
