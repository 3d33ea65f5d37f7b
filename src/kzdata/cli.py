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


LOOKUP_FORMATS = ("text", "json")


def _load_or_exit(path: Path, command: str):
    from .dataset import InvalidPackage, load

    try:
        return load(path)
    except InvalidPackage as exc:
        _refuse_invalid(command, exc)


@main.command("show")
@click.argument("record_id", metavar="ID")
@package_argument()
@click.option("--format", "fmt", type=click.Choice(LOOKUP_FORMATS), default="text", show_default=True)
@click.option("--include-sensitive", is_flag=True, help="Also show the fields the schemas mark sensitive (never for publication).")
def show_command(record_id: str, path: Path, fmt: str, include_sensitive: bool) -> None:
    """Show the record of the person or case ID: names, status as of its date, a timeline of charges,
    verdicts, events and releases in date order, disputed facts, and every source with its address."""
    from .lookup import render_json, render_show_text, show

    ds = _load_or_exit(path, "show")
    rec = show(ds, record_id, include_sensitive=include_sensitive)
    if rec is None:
        import difflib

        near = difflib.get_close_matches(record_id, [*ds.persons, *ds.cases], n=3, cutoff=0.6)
        hint = f"; did you mean {' or '.join(repr(x) for x in near)}?" if near else "; kzdata find NAME looks a person up by name"
        click.echo(f"kzdata show: no person or case has the id {record_id!r}{hint}", err=True)
        sys.exit(1)
    click.echo(render_json(rec) if fmt == "json" else render_show_text(rec, ds), nl=False)


@main.command("find")
@click.argument("text")
@package_argument()
@click.option("--format", "fmt", type=click.Choice(LOOKUP_FORMATS), default="text", show_default=True)
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
def find_command(text: str, path: Path, fmt: str, limit: int) -> None:
    """Find persons by any spelling of their name or an alias: Latin or Cyrillic, transliteration- and
    word-order-insensitive (Zhylanbayev, Jylanbaev, Жыланбаев). Best matches first."""
    from .lookup import find, render_find_text, render_json

    hits = find(_load_or_exit(path, "find"), text, limit=limit)
    click.echo(render_json(hits) if fmt == "json" else render_find_text(hits), nl=False)
    sys.exit(0 if hits else 1)


@main.command("fmt")
@package_argument(need_descriptor=True)
@click.option("--check", is_flag=True, help="Change nothing; list the files that are not in canonical form (exit 1 if any).")
def fmt_command(path: Path, check: bool) -> None:
    """Rewrite the package's files in canonical form, without changing any value.

    CSV: UTF-8 without BOM, LF, columns in schema order, rows sorted by id, minimal quoting, final newline.
    A file a spreadsheet saved (semicolons or tabs, a byte-order mark, UTF-16, CRLF) is converted, and every
    change besides order and quoting is listed. JSON: two-space indentation, sorted keys. A file that cannot
    be read safely is reported and left as it is.
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
        elif r.leftover:
            bad = bad or check
            click.echo(f"{r.path}: {'would be removed' if check else 'removed'}: a temporary file left by an interrupted write "
                       "(the file it was replacing is intact)")
        elif r.changed:
            bad = bad or check
            click.echo(f"{r.path}: {'would be reformatted' if check else 'reformatted'}")
        for note in r.notes:
            click.echo(f"    {note}")
    changed = sum(r.changed and not r.leftover for r in results)
    click.echo(f"{sum(not r.leftover for r in results)} file(s) checked, {changed} {'to reformat' if check else 'reformatted'}", err=True)
    sys.exit(1 if bad else 0)


@main.command()
@package_argument()
@click.option("--output", "-o", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Directory to write into (created if needed).")
@click.option("--format", "--to", "fmt", type=click.Choice(list(EXPORT_FORMATS)), default="csv",
              show_default=True, help="csv: a data package; json/ndjson: a file per table, typed values; sqlite: kzdata.db "
              "(keys, join tables, the Criminal Code, full-text search, views) with Datasette's metadata.json; xlsx: a "
              "workbook for spreadsheets (kzdata import reads it back); ftm: FollowTheMoney entities.")
@click.option("--include-sensitive", is_flag=True,
              help="Also export the fields the schemas mark sensitive (never for publication; see DATA_POLICY.md).")
@click.option("--public", is_flag=True, hidden=True, help="The default: sensitive fields are left out.")
def export(path: Path, out: Path, fmt: str, include_sensitive: bool, public: bool) -> None:
    """Export the dataset at PATH for other tools, each file written atomically. Fields the schemas mark
    sensitive are left out unless --include-sensitive is given.

    Refuses (exit status 1) when the package has validation errors.
    """
    from .dataset import InvalidPackage
    from .export import export as run

    if include_sensitive and public:
        raise click.UsageError("--public and --include-sensitive contradict each other")
    try:
        files = run(path, out, fmt=fmt, include_sensitive=include_sensitive)
    except ModuleNotFoundError as exc:
        click.echo(f"kzdata export: the {fmt} export needs {exc.name}: pip install 'kzdata[{fmt}]'", err=True)
        sys.exit(1)
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


@main.command("import")
@click.argument("workbook", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@package_argument(need_descriptor=True)
@click.option("--check", is_flag=True, help="Show what would change; write nothing.")
def import_command(workbook: Path, path: Path, check: bool) -> None:
    """Write the edits made in WORKBOOK (a kzdata export --to xlsx) back into data/ of PATH, in canonical form.

    The result is validated first: with errors nothing is written (exit status 1) and the findings are
    printed. Prints what changed as kzdata diff does, and every value turned back from a spreadsheet form.
    """
    from .diff import is_empty, render_text
    from .importer import import_workbook
    from .reporters import render_text as render_findings

    try:
        result = import_workbook(workbook, path, write=not check)
    except ModuleNotFoundError as exc:
        click.echo(f"kzdata import: needs {exc.name}: pip install 'kzdata[xlsx]'", err=True)
        sys.exit(1)
    for line in result.conversions:
        click.echo(f"converted: {line}", err=True)
    if result.report is not None and result.report.findings:
        click.echo(render_findings(result.report), nl=False, err=True)
    if result.problems:
        for p in result.problems:
            click.echo(f"kzdata import: {p}", err=True)
        click.echo("kzdata import: nothing was written.", err=True)
        sys.exit(1)
    if result.diff is None or is_empty(result.diff):
        click.echo("no change: the workbook holds what data/ holds")
        return
    click.echo(render_text(result.diff), nl=False)
    click.echo(("would write " if check else "wrote ") + ", ".join(result.written or
               sorted(t for t in result.diff["tables"])), err=True)


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
    if new is None:
        result["new"] = "working tree"   # not the folder's path, which would end up in pull requests
    click.echo(DIFF_RENDERER_BY_NAME[fmt](result), nl=False)


@main.command("release")
@click.argument("version")
@click.option("--check", "only_check", is_flag=True, help="Only check that VERSION is a large enough bump since the last release.")
@click.option("--draft", is_flag=True, help="Print a draft CHANGELOG section for VERSION from the diff, and stop.")
def release_command(version: str, only_check: bool, draft: bool) -> None:
    """Release VERSION: check the bump, validate strictly, require a CHANGELOG section, write the version and
    date into datapackage.json and the manifest releases/VERSION.json (every file's bytes, sha256 and rows),
    commit, and make the annotated tag vVERSION."""
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
    click.echo(f"released {version}: releases/{version}.json written, commit and tag {tag} made; "
               f"push them with: git push && git push origin {tag}")


def _verify_text(result) -> str:
    if result.problem or result.intact:
        return f"{result.path}: {result.summary()}\n"
    lines = [f"{result.path}: differs from release {result.version} ({result.manifest}, {result.files} files):"]
    lines += [f"  {d.describe()}" for d in result.differences]
    counts: dict[str, int] = {}
    for d in result.differences:
        counts[d.status] = counts.get(d.status, 0) + 1
    lines.append(f"{len(result.differences)} difference(s): " + ", ".join(f"{n} {s}" for s, n in sorted(counts.items())))
    return "\n".join(lines) + "\n"


def _verify_json(result) -> str:
    import json

    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"


VERIFY_RENDERERS = {"text": _verify_text, "json": _verify_json}


@main.command("verify")
@package_argument()
@click.option("--against", metavar="VERSION",
              help="The release to compare with (default: the version datapackage.json states). Its manifest is "
                   "releases/VERSION.json, from the working tree or, when it is not there, from git.")
@format_option(VERIFY_RENDERERS)
def verify_command(path: Path, against: str | None, fmt: str) -> None:
    """Prove that the copy at PATH is a release: every file's size, sha256 and row count as the release's
    manifest (releases/VERSION.json) records them, and no file more or less.

    Exit status: 0 when the copy is identical to the release, 1 when it differs (every file that differs
    is named), 2 when it cannot be verified (no version stated and no --against, no manifest of that
    version, a manifest that cannot be read).
    """
    from .release import verify

    result = verify(path, against=against)
    click.echo(VERIFY_RENDERERS[fmt](result), nl=False)
    sys.exit(0 if result.intact else 2 if result.problem else 1)


@main.group()
def new() -> None:
    """Add a row with a fresh id (never an existing or retired one) and print the id. The row is checked by
    the validator's rules first: a row with an error is refused, nothing is written, exit status 1."""


def _scaffold(make, **kwargs) -> None:
    from .reporters import _where
    from .scaffold import ScaffoldError

    root = find_root(Path.cwd())
    if not (root / "datapackage.json").is_file():
        raise click.UsageError("run this inside the kzdata repository (no datapackage.json found)")
    try:
        rid, notes = make(root, **kwargs)
    except ScaffoldError as exc:
        if exc.findings:
            for f in exc.findings:
                click.echo(f"refused: {f.severity} {f.code}: {f.message}", err=True)
                if f.suggestion:
                    click.echo(f"    did you mean: {f.suggestion}", err=True)
                if f.hint:
                    click.echo(f"    hint: {f.hint}", err=True)
                for loc in f.related:
                    click.echo(f"    see also: {_where(loc)}", err=True)
            if any(f.code == "KZ801" for f in exc.findings):
                click.echo("If they are different people, add --distinct-from with the other id.", err=True)
        else:
            click.echo(f"refused: {exc}", err=True)
        click.echo("Nothing was written.", err=True)
        sys.exit(1)
    click.echo(rid)
    for n in notes:
        click.echo(f"note: {n.message if hasattr(n, 'message') else n}", err=True)
    click.echo("Fill in the other columns, then run kzdata validate.", err=True)


@new.command("source")
@click.option("--publisher", required=True)
@click.option("--title", required=True)
@click.option("--published", required=True, help="Publication date: YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--url", required=True)
@click.option("--kind", required=True, help="ngo_report, press_statement, public_statement, news_article, court_document, "
              "un_decision, government_statement or other.")
@click.option("--language", required=True, help="ISO 639-1 code of the document's language, e.g. en, ru, kk.")
@click.option("--id", "sid", help="Id to use instead of the one made from publisher, year and title.")
def new_source(publisher: str, title: str, published: str, url: str, kind: str, language: str, sid: str | None) -> None:
    """Add a source to data/sources.csv."""
    from .scaffold import new_source as make

    _scaffold(make, publisher=publisher, title=title, published=published, url=url, kind=kind, language=language, sid=sid)


@new.command("person")
@click.argument("name", required=False, default="")
@click.option("--name-cyrillic", default="", help="The name in Cyrillic, as a source writes it.")
@click.option("--source", required=True, help="Id of the source that names the person.")
@click.option("--status", default="unknown", show_default=True)
@click.option("--status-date", default="", help="Date of the status (default: the source's publication date).")
@click.option("--distinct-from", "distinct_from", default="",
              help="Id(s) of persons with a similar name who are other people (';'-separated).")
def new_person(name: str, name_cyrillic: str, source: str, status: str, status_date: str, distinct_from: str) -> None:
    """Add a person named NAME ('Given Surname'; or only --name-cyrillic: a Latin spelling is proposed) to
    data/persons.csv. A person who may already be in the data is refused unless --distinct-from names them."""
    from .scaffold import new_person as make

    if not name and not name_cyrillic:
        raise click.UsageError("give NAME, --name-cyrillic, or both")
    _scaffold(make, name=name, source=source, status=status, status_date=status_date, name_cyrillic=name_cyrillic,
              distinct_from=distinct_from)


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


@new.command("charge")
@click.option("--person", required=True)
@click.option("--case", required=True)
@click.option("--code", required=True, help="The Criminal Code edition: 2014 (acts from 2015) or 1997.")
@click.option("--article", required=True, help="The article number only, e.g. 405 or 380-1 (the part goes in --part).")
@click.option("--part", default="")
@click.option("--outcome", default="pending", show_default=True)
@click.option("--label", default="", help="The offence as the source names it.")
@click.option("--charged-date", default="")
@click.option("--year", default="", help="Year for the id (default: of --charged-date, else of the case id).")
@click.option("--source", required=True)
def new_charge(**kwargs) -> None:
    """Add a charge to data/charges.csv (id <person>-<year>-<article>[-<part>])."""
    from .scaffold import new_charge as make

    _scaffold(make, **kwargs)


@new.command("sentence")
@click.option("--person", required=True)
@click.option("--case", required=True)
@click.option("--kind", required=True, help="imprisonment, restriction_of_freedom, suspended_imprisonment, fine, activity_ban…")
@click.option("--verdict-date", default="")
@click.option("--instance", default="first_instance", show_default=True)
@click.option("--term", default="", help="ISO 8601 duration: P7Y, P1Y6M, P6M.")
@click.option("--amount", default="")
@click.option("--currency", default="")
@click.option("--role", default="main", show_default=True, help="main, or additional (a ban or fine beside the main punishment).")
@click.option("--in-absentia", default="false", show_default=True)
@click.option("--court", default="")
@click.option("--scope", default="", help="What an activity ban covers.")
@click.option("--year", default="", help="Year for the id (default: of --verdict-date, else of the case id).")
@click.option("--source", required=True)
def new_sentence(**kwargs) -> None:
    """Add a punishment to data/sentences.csv (id <person>-<year>-<kind-word>)."""
    from .scaffold import new_sentence as make

    _scaffold(make, **kwargs)


@new.command("event")
@click.option("--person", required=True)
@click.option("--type", "type_", required=True, help="detained, released, appeal_rejected, pardoned, listed, died…")
@click.option("--date", required=True, help="YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source.")
@click.option("--case", default="")
@click.option("--authority", default="")
@click.option("--place", default="")
@click.option("--reference", default="")
@click.option("--source", required=True)
def new_event(**kwargs) -> None:
    """Add an event to data/events.csv (id <person>-<date>-<type>)."""
    from .scaffold import new_event as make

    _scaffold(make, **kwargs)


if __name__ == "__main__":
    main()
