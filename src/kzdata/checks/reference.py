"""The Criminal Code reference (data/criminal-code.json) is exactly what its committed inputs build
(kzdata.reference_build from reference/criminal-code/): a hand edit, an article appended, a repeal date or a
banned-organisation flag dropped, is an error in every run, with no file outside the repository."""
from __future__ import annotations

from typing import Iterable

from .. import cache
from ..context import Context
from ..findings import Finding, make
from ..vocab import REFERENCE_INPUTS

HINT = ("Do not edit data/criminal-code.json by hand: change the inputs in reference/criminal-code/ (see its README) and run "
        "python scripts/build_criminal_code.py.")


def _first_difference(a, b, path: str = "") -> str:
    if type(a) is not type(b):
        return path or "(root)"
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b), key=str):
            if k not in a or k not in b:
                return f"{path}/{k}"
            if a[k] != b[k]:
                return _first_difference(a[k], b[k], f"{path}/{k}")
    if isinstance(a, list):
        for i, (x, y) in enumerate(zip(a, b)):
            if x != y:
                return _first_difference(x, y, f"{path}/{i}")
        if len(a) != len(b):
            return f"{path}/{min(len(a), len(b))}"
    return path or "(root)"


def check_reference(ctx: Context) -> Iterable[Finding]:
    pkg = ctx.pkg
    rel = pkg.reference_path
    if not rel or pkg.reference is None:
        return   # missing or invalid: the loader reports it
    from ..package import _inside
    from ..reference_build import INPUT_FILES, BuildError, build

    inputs = _inside(pkg.root, REFERENCE_INPUTS)
    if inputs is None or not inputs.exists():
        yield make("KZ020", rel, 0, "", f"{rel} cannot be proven: the package has no {REFERENCE_INPUTS}/ to build it from")
        return
    blobs = {}
    for name in INPUT_FILES:
        path = _inside(pkg.root, f"{REFERENCE_INPUTS}/{name}")
        try:
            if path is None or not path.is_file():
                raise OSError("missing, or a link out of the package")
            blobs[name] = path.read_bytes()
        except OSError as exc:
            yield make("KZ019", rel, 0, "", f"{rel} cannot be proven: its build input {REFERENCE_INPUTS}/{name} is unreadable "
                       f"({getattr(exc, 'strerror', None) or exc})", "Restore the file from the repository.")
            return
    committed = pkg.raw.get(rel, b"")
    ordered = [blobs[n] for n in INPUT_FILES]
    if cache.known(pkg.root, "reference-built", committed, *ordered):
        return
    try:
        built = build("", read=blobs.__getitem__)
    except (BuildError, KeyError, ValueError, UnicodeDecodeError) as exc:
        yield make("KZ019", rel, 0, "", f"{rel} cannot be proven: its inputs in {REFERENCE_INPUTS}/ do not build ({type(exc).__name__}: {exc})", HINT)
        return
    if built != pkg.reference:
        where = _first_difference(built, pkg.reference)
        yield make("KZ019", rel, 0, where, f"{rel} is not what {REFERENCE_INPUTS}/ builds: it differs at {where}", HINT)
        return
    cache.remember(pkg.root, "reference-built", committed, *ordered)
