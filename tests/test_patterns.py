"""kzdata.patterns answers exactly as RE2's public fullmatch does: through the binding's own RE2 object, and
from its memo of earlier answers (values repeat within a column)."""
from __future__ import annotations

import re2
from hypothesis import given, settings
from hypothesis import strategies as st

from kzdata import patterns
from kzdata.patterns import compile_pattern

SCHEMA_LIKE = ["^[a-z0-9]+(?:-[a-z0-9]+)*$", "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$", "^P(?:[0-9]+Y)?(?:[0-9]+M)?$",
               "[A-Za-zА-Яа-яЁё ]+", "^(a|aa)+$", "^\\d+$", "^[^;]+(;[^;]+)*$", ""]
TEXT = st.text(alphabet=st.sampled_from("aAzZ09-; ЖжЁ\u00a0\u200b١２\ud800"), max_size=40) | st.text(max_size=20)


@settings(max_examples=300, deadline=None)
@given(pattern=st.sampled_from(SCHEMA_LIKE), values=st.lists(TEXT, min_size=1, max_size=30))
def test_fullmatch_is_re2s_answer(pattern, values):
    ours = compile_pattern(pattern)
    public = re2.compile(pattern)
    for value in values + values:            # the second time from the memo
        try:
            expected = public.fullmatch(value) is not None
        except UnicodeEncodeError:             # the public wrapper cannot encode a lone surrogate at all
            expected = None
        if expected is not None:
            assert ours.fullmatch(value) == expected, (pattern, value)


def test_the_memo_is_bounded(monkeypatch):
    monkeypatch.setattr(patterns, "MEMO_SIZE", 8)
    p = patterns.Pattern("^[0-9]+$", re2.compile("^[0-9]+$"))
    assert [p.fullmatch(str(i)) for i in range(50)] == [True] * 50 and len(p._memo) <= 8
    assert p.fullmatch("x1") is False and p.fullmatch("x1") is False


def test_the_direct_path_is_used_only_when_it_agrees():
    compiled = re2.compile("^[a-z]+$")
    assert patterns._direct_fullmatch(compiled).__name__ == "direct"     # this binding: the fast path

    class Changed:                          # a binding whose compiled pattern no longer holds an RE2 object
        fullmatch = staticmethod(compiled.fullmatch)

    fallback = patterns._direct_fullmatch(Changed())
    assert fallback.__name__ != "direct" and fallback("abc") and not fallback("ab1")

    class Disagrees:                        # one whose RE2 object answers differently: not trusted
        fullmatch = staticmethod(compiled.fullmatch)
        _regexp = type("R", (), {"Match": staticmethod(lambda anchor, data, a, b: ((0, 0),))})()

    assert patterns._direct_fullmatch(Disagrees()).__name__ != "direct"
