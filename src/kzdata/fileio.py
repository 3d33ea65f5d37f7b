"""Writing files safely: a reader never sees half a file, and a failed write leaves the old file as it was."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def replace_atomically(path: Path, build) -> Path:
    """Let `build(tmp)` write a file next to `path`, then rename it over `path` in one step: a reader never
    sees half a file, and on any failure the old file is left untouched and the temporary file removed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        build(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return path


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one step; on any failure the old file is left untouched."""

    def build(tmp: Path) -> None:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())

    replace_atomically(path, build)
