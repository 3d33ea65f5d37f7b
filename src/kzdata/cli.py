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
def validate(path: Path | None, fmt: str, strict: bool, changed_since: str | None) -> None:
    """Check the data package at PATH (default: the repository around the current directory).

    Exit status: 0 when there are no errors (no findings at all with --strict), 1 when there are,
    2 for usage problems.
    """
    from .reporters import RENDERERS
    from .validator import validate as run

    root = path if path is not None else _find_root(Path.cwd())
    if not root.is_dir():
        raise click.UsageError(f"{root} is not a directory")
    from .changes import GitError

    try:
        report = run(root, changed_since=changed_since)
    except GitError as exc:
        raise click.UsageError(f"--changed-since: {exc}") from None
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
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True,
              help="csv: one file per table plus a datapackage.json; json: one kzdata.json.")
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
    for f in files:
        click.echo(str(f))


if __name__ == "__main__":
    main()
