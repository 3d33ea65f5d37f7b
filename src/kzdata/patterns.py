"""Schema patterns, matched in time linear in the cell's length, whatever the pattern.

A Table Schema pattern comes from a file a pull request can change. Python's `re` backtracks: `^(a|aa)+$`
against sixty letters a and one b runs for hours. Patterns are therefore compiled with RE2 (google-re2,
Google's own binding of the library Go and Rust regular expressions descend from), which never backtracks:
its matching time is linear in the input for every pattern it accepts. A pattern RE2 refuses (a
backreference, a lookaround: features with no linear-time algorithm) or one too large to compile within a
fixed memory budget is reported as an invalid schema (KZ005), never run.

RE2 reads the syntax the schemas use (character classes, groups, alternation, counted repetition, ^ and $).
Its classes \\d, \\w and \\s are ASCII, as the schemas mean them ([0-9]: a full-width or Arabic-Indic digit in an
id or a date is not accepted).
"""
from __future__ import annotations

from functools import lru_cache

__all__ = ["PatternError", "compile_pattern", "MAX_PATTERN_CHARS"]

MAX_PATTERN_CHARS = 1000         # the schemas' longest pattern has under 100
MAX_PROGRAM_BYTES = 1 << 20      # memory RE2 may use for one compiled pattern


class PatternError(ValueError):
    """The pattern cannot be run in bounded time; the message says why."""


MEMO_SIZE = 4096   # results remembered per pattern: a column repeats its values (dates, kinds, source ids)


class Pattern:
    __slots__ = ("text", "_re", "_match", "_memo")

    def __init__(self, text: str, compiled):
        self.text, self._re, self._memo = text, compiled, {}
        self._match = _direct_fullmatch(compiled)

    def fullmatch(self, value: str) -> bool:
        memo = self._memo
        hit = memo.get(value)
        if hit is None:
            hit = self._match(value)
            if len(memo) >= MEMO_SIZE:
                memo.clear()
            memo[value] = hit
        return hit

    def search(self, value: str) -> bool:
        return self._re.search(value) is not None


def _direct_fullmatch(compiled):
    """A full match through the binding's RE2 object itself: the wrapper's fullmatch also works out character
    offsets of the match, which a yes-or-no answer does not need (a third of the validator's time on this
    repository). Falls back to the public method if the binding has changed."""
    import re2

    regexp, anchor = getattr(compiled, "_regexp", None), getattr(getattr(re2, "_Anchor", None), "ANCHOR_BOTH", None)
    null = getattr(re2, "_NULL_SPAN", None)
    public = lambda value: compiled.fullmatch(value) is not None  # noqa: E731

    if regexp is None or anchor is None or null is None:
        return public

    def direct(value: str) -> bool:
        data = value.encode("utf-8", "surrogatepass")
        return regexp.Match(anchor, data, 0, len(data))[0] != null

    try:   # the two must agree, or the binding is not what this was written for
        if all(direct(v) == public(v) for v in ("", "a", "2019-06", "ж1", "x" * 70)):
            return direct
    except Exception:  # noqa: BLE001  (any failure of the private path: use the public one)
        pass
    return public


def _options():
    import re2

    options = re2.Options()
    options.log_errors = False          # RE2 would write its own message to stderr; ours is the finding
    options.max_mem = MAX_PROGRAM_BYTES
    return options


@lru_cache(maxsize=512)
def compile_pattern(text: str) -> Pattern:
    """The compiled pattern; PatternError when RE2 cannot run it in linear time or it is too large."""
    if not isinstance(text, str):
        raise PatternError("a pattern must be a string")
    if len(text) > MAX_PATTERN_CHARS:
        raise PatternError(f"the pattern is {len(text)} characters long, more than the {MAX_PATTERN_CHARS} kzdata accepts")
    import re2

    try:
        return Pattern(text, re2.compile(text, options=_options()))
    except re2.error as exc:
        raise PatternError(f"it cannot be matched in linear time or is not valid ({_reason(exc)}); patterns may not use "
                           "backreferences or lookaround") from None
    except (TypeError, ValueError, MemoryError) as exc:
        raise PatternError(f"it cannot be compiled within kzdata's limits ({exc})") from None


def _reason(exc: Exception) -> str:
    msg = exc.args[0] if exc.args else str(exc)
    return msg.decode("utf-8", "replace") if isinstance(msg, bytes) else str(msg)
