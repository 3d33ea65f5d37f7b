"""Every finding code has a worked example for contributors, and every example belongs to a real code."""
from __future__ import annotations

from kzdata.catalogue import CODES
from kzdata.code_examples import EXAMPLES


def test_every_code_has_an_example():
    missing = sorted(code for code in CODES if not EXAMPLES.get(code, "").strip())
    assert not missing, f"add an example to kzdata/code_examples.py for: {', '.join(missing)}"


def test_no_example_for_an_unknown_code():
    unknown = sorted(set(EXAMPLES) - set(CODES))
    assert not unknown, f"examples for codes not in the catalogue: {', '.join(unknown)}"


def test_examples_are_short_plain_text():
    for code, text in EXAMPLES.items():
        assert len(text) < 300, f"{code}: example is {len(text)} characters, keep it under 300"
        assert "`" not in text and "**" not in text, f"{code}: write plain text, not Markdown"
