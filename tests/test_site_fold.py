"""The website's search folds names in JavaScript (src/kzdata/site/assets/fold.js) exactly as kzdata.names does in
Python for the duplicate check: hypothesis generates names and both sides must give the same key. Node runs the
JavaScript here; test_site_browser.py checks the same file in Chromium."""
from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from conftest import REPO
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from site_support import browser_required

from kzdata.names import CYRILLIC_TO_LATIN, name_key

FOLD_JS = REPO / "src" / "kzdata" / "site" / "assets" / "fold.js"
NODE = shutil.which("node") or shutil.which("nodejs")

SERVER = r"""
const f = require(process.argv[1]);
const rl = require('readline').createInterface({input: process.stdin});
rl.on('line', (line) => {
  const names = JSON.parse(line);
  process.stdout.write(JSON.stringify(names.map((n) => [f.nameKey(n), f.tokens(n).map(f.foldToken)])) + '\n');
});
"""


class Node:
    def __init__(self):
        self.proc = subprocess.Popen([NODE, "-e", SERVER, str(FOLD_JS)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                     encoding="utf-8")

    def keys(self, names: list[str]) -> list[list[str]]:
        self.proc.stdin.write(json.dumps(names, ensure_ascii=True) + "\n")
        self.proc.stdin.flush()
        return [k for k, _ in json.loads(self.proc.stdout.readline())]

    def close(self):
        self.proc.stdin.close()
        self.proc.wait(timeout=10)


@pytest.fixture(scope="module")
def node():
    if not NODE:
        if browser_required():
            pytest.fail("node is needed for the fold test in CI (.ci/run installs it)")
        pytest.skip("node is not installed")
    n = Node()
    yield n
    n.close()


def py_keys(names):
    return [list(name_key(n)) for n in names]


def test_the_names_of_the_data_fold_alike(node):
    import kzdata

    ds = kzdata.load(REPO)
    names = [n for p in ds.persons.values() for n in [p.name, p.name_cyrillic, *p.aliases] if n]
    names += [o.name for o in ds.organisations.values()]
    assert node.keys(names) == py_keys(names)


EXAMPLES = ["Zhaksylyk Zhylanbayev", "Жаксылык Жыланбаев", "Jaksylyk Jylanbaev", "Dzhumayev Ablovas", "Джумаев", "Igor Sichev",
            "Сычёв Игорь", "Әлия Құрманғали", "Нұрлан Үсенов", "Yerzhan Yesimkhanov", "Ержан Есимханов", "O'Brien", "Müller-Lüdenscheidt",
            "  lots   of\tspace ", "Ṡtrange Ǆ ligature ﬁ", "İstanbul", "ΣΊΣΥΦΟΣ", "\u0438\u0306", "x\u00a0y\u2003z\u3000w", "a\x1cb\x1fc\x85d\ufeffe",
            "Шчукин Щукин", "Khrapunov Хрѓпунов", "Qaharman Kaharman", "Wiktor Viktor", "Alex Aleks", "", "–", "a–b-c—d"]


def test_examples_fold_alike(node):
    assert node.keys(EXAMPLES) == py_keys(EXAMPLES)


def test_word_breaks_are_pythons_whitespace():
    """fold.js spells out the characters Python's \\s matches (they differ from JavaScript's \\s)."""
    python_ws = "".join(chr(c) for c in range(0x110000) if re.match(r"\s", chr(c)))
    js = FOLD_JS.read_text(encoding="utf-8")
    cls = re.search(r"var WORD_BREAK = /\[(.*?)\]\+/;", js).group(1)
    expanded = {"-"} if "\\-" in cls else set()
    i = 0
    text = cls.replace("\\-", "").encode().decode("unicode_escape")
    while i < len(text):
        if text[i] == "\\":
            expanded.add(text[i + 1])
            i += 2
        elif i + 2 < len(text) and text[i + 1] == "-":
            expanded.update(chr(c) for c in range(ord(text[i]), ord(text[i + 2]) + 1))
            i += 3
        else:
            expanded.add(text[i])
            i += 1
    assert expanded == set(python_ws) | {"-", "\u2013"}


def test_the_letter_table_is_the_same():
    js = FOLD_JS.read_text(encoding="utf-8")
    cyr = re.search(r'var CYR = "(.*?)";', js).group(1)
    lat = json.loads("[" + re.search(r"var LAT = \[(.*?)\];", js, re.S).group(1) + "]")
    assert dict(zip(cyr, lat)) == CYRILLIC_TO_LATIN


LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ" + "".join(CYRILLIC_TO_LATIN) + "".join(CYRILLIC_TO_LATIN).upper()
name_text = st.text(alphabet=st.sampled_from(list(LETTERS + "  -–'.’ʼ\u00a0\t")), max_size=40)
# anything below the planes whose case and decomposition tables changed between Unicode versions
any_text = st.text(alphabet=st.characters(max_codepoint=0x2FFF, exclude_categories=("Cs",)), max_size=30)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(name_text, min_size=1, max_size=40))
def test_generated_names_fold_alike(node, names):
    assert node.keys(names) == py_keys(names)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(any_text, min_size=1, max_size=20))
def test_generated_text_folds_alike(node, names):
    assert node.keys(names) == py_keys(names)
