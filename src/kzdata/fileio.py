"""Writing files safely.

- A reader never sees half a file: the new bytes go to a temporary file beside the target (named
  `.NAME.XXXXXXXX.tmp`, which .gitignore ignores and kzdata validate reports as KZ007 if a killed process
  leaves one), which is then renamed over the target in one step; on any failure the old file is left as
  it was and the temporary file removed.
- The file keeps its permissions: a replaced file keeps its mode, a new one gets what the umask gives
  (0644 under the usual umask 022), as a file written by any editor would; never mkstemp's private 0600.
- A file that changed since it was read is not replaced: callers that read a file, compute its new form and
  write it back pass the bytes they read as `expect`, and FileChanged is raised (nothing written) when the
  file holds anything else just before the rename, so a row saved by an editor while kzdata ran is not lost.
  (The check and the rename are two steps, as in every editor that checks for outside changes; the window
  between them is microseconds, not the seconds a formatter spends.)
"""
from __future__ import annotations

import os
import re
import stat
import tempfile
import time
from pathlib import Path

__all__ = ["ABSENT", "STALE_SECONDS", "TEMP_FILE", "FileChanged", "is_stale", "new_file_mode", "remove_stale_siblings",
           "replace_atomically", "write_atomic"]

# The names replace_atomically gives its temporary files (tempfile.mkstemp: "." + name + "." + random + ".tmp"),
# as kzdata validate (KZ007), kzdata fmt and kzdata export recognise them.
TEMP_FILE = re.compile(r"\..+\.[A-Za-z0-9_]{6,12}\.tmp\Z")
STALE_SECONDS = 60   # a temporary file untouched this long belongs to no running write: it was interrupted


class _Absent:
    def __repr__(self) -> str:
        return "ABSENT"


ABSENT = _Absent()   # expect=ABSENT: the file must not exist yet


class FileChanged(Exception):
    """The file is no longer what the caller read: it was not replaced."""

    def __init__(self, path: Path, message: str):
        super().__init__(message)
        self.path, self.message = path, message


def new_file_mode() -> int:
    """The mode a new file gets under this process's umask: read from /proc on Linux, else by setting
    and restoring it (the only portable way to read it)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _mode_for(path: Path) -> int:
    try:
        st = os.stat(path)
    except OSError:
        return new_file_mode()
    return stat.S_IMODE(st.st_mode) if stat.S_ISREG(st.st_mode) else new_file_mode()


def _check_unchanged(path: Path, expect) -> None:
    try:
        current = path.read_bytes()
    except FileNotFoundError:
        current = ABSENT
    except OSError as exc:
        raise FileChanged(path, f"{path} cannot be read again before it is replaced ({exc.strerror or exc})") from None
    if expect is ABSENT and current is not ABSENT:
        raise FileChanged(path, f"{path} was created by something else while kzdata ran; nothing was written to it")
    if expect is not ABSENT and current is ABSENT:
        raise FileChanged(path, f"{path} was removed while kzdata ran; nothing was written")
    if expect is not ABSENT and current != expect:
        raise FileChanged(path, f"{path} changed while kzdata ran (saved by another program?); nothing was written, "
                                "so the change is kept: run the command again")


_UNCHECKED = object()


def is_stale(path: Path, now: float | None = None) -> bool:
    """The temporary file has not been written to for STALE_SECONDS: no write still running owns it."""
    try:
        return (now if now is not None else time.time()) - os.stat(path).st_mtime >= STALE_SECONDS
    except OSError:
        return False


def remove_stale_siblings(path: Path) -> list[Path]:
    """Remove the stale temporary files (.NAME.XXXXXXXX.tmp) that interrupted writes of `path` left beside it."""
    prefix = f".{path.name}."
    removed = []
    try:
        entries = list(path.parent.iterdir())
    except OSError:
        return removed
    for entry in entries:
        name = entry.name
        if (name.startswith(prefix) and TEMP_FILE.match(name) and "." not in name[len(prefix):-len(".tmp")]
                and not entry.is_symlink() and entry.is_file() and is_stale(entry)):
            try:
                entry.unlink()
                removed.append(entry)
            except OSError:
                pass
    return removed


def replace_atomically(path: Path, build, expect=_UNCHECKED) -> Path:
    """Let `build(tmp)` write a file next to `path`, then rename it over `path` in one step, with `path`'s
    mode (a new file: the umask's). With `expect` (the bytes the caller read, or ABSENT), FileChanged and
    nothing written when the file holds anything else by then. On any failure the old file is left untouched
    and the temporary file removed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        build(Path(tmp))
        os.chmod(tmp, mode)
        if expect is not _UNCHECKED:
            _check_unchanged(path, expect)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return path


def write_atomic(path: Path, data: bytes, expect=_UNCHECKED) -> None:
    """Replace `path` with `data` in one step (see replace_atomically); on any failure the old file is left
    untouched."""

    def build(tmp: Path) -> None:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())

    replace_atomically(path, build, expect)
