"""Reading JSON strictly: what Python's json module accepts but a data package must not hold.

RFC 8259 leaves some things to the reader, and Python's json module reads them in ways that hide a problem:
a repeated key keeps only its last value (one of two contradictory values silently wins), NaN and Infinity
are not JSON at all, a lone surrogate escape ("\\ud800") gives a string that cannot be written back as UTF-8,
and an integer of thousands of digits costs quadratic time to convert and then fails far from where it was
read. `loads` refuses all of them with a JsonProblem that says what and where (line and column), and the
nesting depth is checked before parsing, so that no input can exhaust the stack.
"""
from __future__ import annotations

import json
import math
import re
from itertools import accumulate

__all__ = ["JsonProblem", "loads", "MAX_DEPTH", "MAX_NUMBER_CHARS"]

MAX_DEPTH = 64           # nesting levels; the package's files use fewer than 10
MAX_NUMBER_CHARS = 40    # digits (and sign, point, exponent) of one number; the package's numbers have fewer than 10


class JsonProblem(ValueError):
    """The text is not strict JSON. `line` and `column` are 1-based (0 when unknown)."""

    def __init__(self, message: str, line: int = 0, column: int = 0, kind: str = "syntax"):
        super().__init__(message)
        self.message, self.line, self.column, self.kind = message, line, column, kind


_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.S)
_NOT_BRACKET = bytes(b for b in range(256) if b not in b"[]{}")
_DEPTH_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def max_depth(data: bytes) -> int:
    """Deepest bracket nesting in JSON text, counted without parsing (strings are skipped)."""
    brackets = _JSON_STRING.sub(b"", data).translate(None, _NOT_BRACKET)
    return max(accumulate(_DEPTH_STEP[b] for b in brackets), default=0)


def _line_col(text: str, pos: int) -> tuple[int, int]:
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1


def _number_hook(kind: str):
    def parse(token: str):
        if len(token) > MAX_NUMBER_CHARS:
            raise _Refused(f"a number of {len(token)} characters (more than {MAX_NUMBER_CHARS}); write it as a string if it is an identifier",
                           "number", token[:12])
        value = int(token) if kind == "int" else float(token)
        if kind == "float" and not math.isfinite(value):
            raise _Refused(f"the number {token} is too large to be represented", "number", token[:12])
        return value
    return parse


class _Refused(Exception):
    def __init__(self, message: str, kind: str, needle: str):
        self.message, self.kind, self.needle = message, kind, needle


def _refuse_constant(name: str):
    raise _Refused(f"{name} is not a JSON value (JSON has no NaN or Infinity); write null or a number", "constant", name)


def _pairs(pairs: list[tuple[str, object]]) -> dict:
    out = {}
    for key, value in pairs:
        if key in out:
            raise _Refused(f'the key "{key}" appears twice in one object (a reader would silently keep only one of the values)',
                           "duplicate-key", f'"{key}"')
        out[key] = value
    return out


def _has_lone_surrogate(value: object) -> str | None:
    stack = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, str):
            try:
                v.encode("utf-8")
            except UnicodeEncodeError as exc:
                return v[max(0, exc.start - 20):exc.start]
        elif isinstance(v, dict):
            stack.extend(v.keys())
            stack.extend(v.values())
        elif isinstance(v, list):
            stack.extend(v)
    return None


def loads(data: bytes, max_depth_allowed: int = MAX_DEPTH) -> object:
    """Parse UTF-8 JSON bytes strictly; JsonProblem says what is wrong and where."""
    if data.startswith(b"\xef\xbb\xbf"):
        raise JsonProblem("the file starts with a UTF-8 byte-order mark; save it without one", 1, 1, "bom")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise JsonProblem(f"not valid UTF-8 (byte {exc.start})", line, 0, "encoding") from None
    from .csvio import conflict_markers, conflict_text

    conflict = conflict_markers(text) if "<<<<<<<" in text else None
    if conflict:
        raise JsonProblem(conflict_text(conflict), conflict[0], 1, "conflict")
    depth = max_depth(data)
    if depth > max_depth_allowed:
        raise JsonProblem(f"nests {depth} levels deep, more than the {max_depth_allowed} levels kzdata reads", 0, 0, "depth")
    try:
        value = json.loads(text, object_pairs_hook=_pairs, parse_constant=_refuse_constant,
                           parse_int=_number_hook("int"), parse_float=_number_hook("float"))
    except _Refused as exc:
        pos = _locate(text, exc)
        line, col = _line_col(text, pos) if pos >= 0 else (0, 0)
        raise JsonProblem(exc.message, line, col, exc.kind) from None
    except json.JSONDecodeError as exc:
        raise JsonProblem(f"not valid JSON: {exc.msg}", exc.lineno, exc.colno) from None
    except RecursionError:
        raise JsonProblem(f"nests too deeply to be read (more than {max_depth_allowed} levels)", 0, 0, "depth") from None
    if _SURROGATE_ESCAPE.search(data):
        before = _has_lone_surrogate(value)
        if before is not None:
            m = _SURROGATE_ESCAPE.search(data)
            line, col = _line_col(text, m.start()) if m else (0, 0)
            raise JsonProblem(f"a \\u escape gives a lone surrogate (half of a character, after {before!r}), which cannot be "
                              "written as UTF-8; write the character itself", line, col, "surrogate")
    return value


def _locate(text: str, exc: _Refused) -> int:
    """Where the refused token is: the second occurrence of a repeated key, else the first of the token."""
    if exc.kind == "duplicate-key":
        found = [m.start() for m in re.finditer(re.escape(exc.needle) + r"\s*:", text)]
        return found[1] if len(found) > 1 else (found[0] if found else -1)
    return text.find(exc.needle)
