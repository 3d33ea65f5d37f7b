"""What this repository's own checkout has already verified, so that an unchanged file is not checked again.

A fact is remembered under a hash of kzdata's version, the kind of check and the exact bytes checked, in
the repository's .git directory, which a pull request cannot write to (a fresh clone, as in CI, always
checks in full). A read-only checkout just checks in full every time.
"""
from __future__ import annotations

import hashlib
from pathlib import Path


def _entry(root: Path, kind: str, blobs: tuple[bytes, ...]) -> Path | None:
    from . import __version__

    git = root / ".git"
    if not git.is_dir():
        return None
    h = hashlib.sha256(__version__.encode() + b"\0" + kind.encode())
    for b in blobs:
        h.update(b"\0" + hashlib.sha256(b).digest())
    return git / "kzdata-cache" / f"{kind}-{h.hexdigest()}"


def known(root: Path, kind: str, *blobs: bytes) -> bool:
    path = _entry(root, kind, blobs)
    return path is not None and path.is_file()


def remember(root: Path, kind: str, *blobs: bytes) -> None:
    path = _entry(root, kind, blobs)
    if path is None:
        return
    try:
        path.parent.mkdir(exist_ok=True)
        path.touch()
    except OSError:
        pass
