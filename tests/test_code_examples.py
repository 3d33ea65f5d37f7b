"""Every finding code has a worked example for contributors and an owning check in the registry, and every
registered check owns codes that the catalogue names with the same owner."""
from __future__ import annotations

from kzdata.catalogue import CODES
from kzdata.checks import REGISTRY


def test_every_code_has_an_example():
    missing = sorted(code for code, c in CODES.items() if not c.example.strip())
    assert not missing, f"add an example to kzdata/catalogue.py for: {', '.join(missing)}"


def test_examples_are_short_plain_text():
    for code, c in CODES.items():
        assert len(c.example) < 300, f"{code}: example is {len(c.example)} characters, keep it under 300"
        assert "`" not in c.example and "**" not in c.example, f"{code}: write plain text, not Markdown"


def test_every_code_is_owned_by_exactly_one_registered_check():
    owners = {code: [c.name for c in REGISTRY if code in c.codes] for code in CODES}
    assert {code: names for code, names in owners.items() if len(names) != 1} == {}
    assert {code: (CODES[code].check, names[0]) for code, names in owners.items() if CODES[code].check != names[0]} == {}


def test_no_check_owns_an_unknown_code():
    assert sorted({code for c in REGISTRY for code in c.codes} - set(CODES)) == []


def test_every_check_below_package_scope_has_a_screen():
    assert [c.name for c in REGISTRY if c.scope != "package" and c.screen is None] == []
    assert [c.name for c in REGISTRY if c.scope == "person" and not c.needs] == []
