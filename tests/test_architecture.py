"""The layers of the library (docs/architecture.md): a module imports only modules of its own layer or below,
so the core never imports the commands built on it and no import circle can form. Imports inside functions
count too. The registry is the one list both engines run."""
from __future__ import annotations

import ast
from pathlib import Path

from conftest import REPO

SRC = REPO / "src" / "kzdata"

# Lowest first. A module not listed fails the test: every new module takes a place here.
LAYERS = [
    ("leaves", ["catalogue", "dates", "vocab", "schema", "names", "privacy", "suggestions", "fileio", "cache", "integrity", "gitio", "jsonio", "patterns",
                "csvio"]),
    ("findings", ["findings"]),
    ("reading", ["package", "canonical_form", "reference_build"]),
    ("context", ["context"]),
    ("checks", ["checks", "checks.*", "runner"]),
    ("engines", ["engines", "engines.*"]),
    ("validation", ["changes", "validator"]),
    ("commands", ["dataset", "reporters", "stats", "fmt", "release", "export", "export_sqlite", "export_ftm", "diff",
                  "scaffold", "lookup", "typed", "spreadsheet", "importer", "site", "site.*", "cli", "__init__", "__main__"]),
]


def layer_of(module: str) -> int:
    for n, (_, names) in enumerate(LAYERS):
        for name in names:
            if module == name or (name.endswith(".*") and module.startswith(name[:-1])):
                return n
    raise AssertionError(f"kzdata.{module} has no layer in tests/test_architecture.py: give it one")


def modules() -> dict[str, Path]:
    out = {}
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__" and len(parts) > 1:
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def imports(module: str, path: Path) -> set[str]:
    """kzdata modules imported anywhere in the file (as names relative to kzdata)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    if module == "__init__":
        package = []
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - node.level + 1] if node.level > 1 else package
                target = base + (node.module.split(".") if node.module else [])
            elif node.module and node.module.startswith("kzdata"):
                target = node.module.split(".")[1:]
            else:
                continue
            names = [".".join(target)] if target else []
            known = modules()
            for alias in node.names:   # `from . import dataset` imports a module
                candidate = ".".join(target + [alias.name])
                if candidate in known:
                    names.append(candidate)
            found.update(n for n in names if n)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("kzdata."):
                    found.add(alias.name[len("kzdata."):])
    return found


def test_every_module_imports_only_its_layer_or_below():
    wrong = []
    for module, path in sorted(modules().items()):
        mine = layer_of(module)
        for target in sorted(imports(module, path)):
            if target and layer_of(target) > mine:
                wrong.append(f"kzdata.{module} ({LAYERS[mine][0]}) imports kzdata.{target} ({LAYERS[layer_of(target)][0]})")
    assert wrong == []


def test_the_layer_test_sees_lazy_imports():
    """A guard for the test itself: the validator imports the columnar engine inside a function."""
    assert "engines.columnar" in imports("validator", SRC / "validator.py")
    assert "checks" in imports("runner", SRC / "runner.py")


def test_both_engines_run_the_registry():
    """Neither engine keeps a list of checks of its own: both take them from kzdata.checks.REGISTRY."""
    for path in [SRC / "engines" / "rows.py", *sorted((SRC / "engines" / "columnar").glob("*.py"))]:
        text = path.read_text(encoding="utf-8")
        assert "check_" not in text.replace("check_context", ""), f"{path.name} names a check itself"
    from kzdata.checks import REGISTRY, deciders

    assert [c.name for c in deciders()] == [c.name for c in REGISTRY if c.decide is not None]
