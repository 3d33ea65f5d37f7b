"""The public website: a static site built from a release of the package, in English and Russian.

    from kzdata.site import build
    files = build("path/to/kzdata", "site/")     # -> every file written, as paths

The package is validated first (nothing is built from data with errors), and only public fields reach the
pages: every column a schema marks sensitive is read as empty (kzdata.site.data.public_dataset). The site needs
no server and makes no request to any other site; it works from file:// and from any static host.

Modules: data (the public view and its indexes), i18n (every word in both languages), render (templates,
escaping, the writer), charts (SVG drawn at build time), pages (what each page holds), assets (styles, scripts,
the search index, the downloads).
"""
from __future__ import annotations

from pathlib import Path

__all__ = ["build", "SiteError"]

MARKER = ".kzdata-site"


class SiteError(Exception):
    """The site cannot be built into the directory given (it holds other files, or the package itself)."""


def build(path: str | Path, out: str | Path, *, check: bool = True, today=None, repository_url: str | None = None,
          downloads: bool = True, progress=None) -> list[Path]:
    """Build the site of the package at `path` into directory `out`; return the files written.

    `out` is replaced as a whole once every page is written (a failed build leaves it as it was); a
    directory that holds anything but an earlier site is refused (SiteError). Raises kzdata.InvalidPackage
    when the package has validation errors. check=False builds without validating (only for tests that prove
    the pages stay safe with hostile values no valid package can hold).
    """
    import datetime as dt
    import shutil
    import tempfile

    from ..context import Context
    from ..dataset import InvalidPackage
    from ..engines.rows import check_context
    from ..package import load_package
    from . import pages

    root = Path(path)
    out = Path(out)
    _check_target(root, out)
    ctx = Context.build(load_package(root), today or dt.date.today())
    report = None
    if check:
        if progress:
            progress("validating the package")
        report = check_context(ctx)
        if report.errors:
            raise InvalidPackage(report)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent))
    try:
        files = pages.build_all(ctx, report, staging, repository_url=_repository_url(root, repository_url),
                                downloads=downloads, progress=progress)
        (staging / MARKER).write_text("built by kzdata site; this directory is replaced by the next build\n", encoding="utf-8")
        old = None
        if out.exists():
            old = out.with_name(f".{out.name}.old-{staging.name.rsplit('.', 2)[-2]}")
            out.rename(old)
        staging.rename(out)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return [out / f for f in files]


def _check_target(root: Path, out: Path) -> None:
    if not out.exists():
        return
    if not out.is_dir():
        raise SiteError(f"{out} exists and is not a directory")
    r, o = root.resolve(), out.resolve()
    if o == r or r.is_relative_to(o):
        raise SiteError(f"{out} holds the package itself: choose another directory")
    if any(out.iterdir()) and not (out / MARKER).is_file():
        raise SiteError(f"{out} is not empty and holds no earlier site ({MARKER}): choose an empty or new directory")


def _repository_url(root: Path, given: str | None) -> str:
    """Where CONTRIBUTING.md is read on GitHub: as given, else from GitHub Actions' variables, else the
    checkout's origin when it is on GitHub; '' when unknown."""
    import os
    import re
    import subprocess

    from .data import safe_url

    if given:
        return safe_url(given.rstrip("/"))
    server, repo = os.environ.get("GITHUB_SERVER_URL"), os.environ.get("GITHUB_REPOSITORY")
    if server and repo:
        return safe_url(f"{server.rstrip('/')}/{repo}")
    try:
        proc = subprocess.run(["git", "-C", str(root), "remote", "get-url", "origin"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return ""
    m = re.fullmatch(r"(?:https://github\.com/|git@github\.com:)([\w.-]+/[\w.-]+?)(?:\.git)?/?", proc.stdout.strip())
    return f"https://github.com/{m.group(1)}" if proc.returncode == 0 and m else ""
