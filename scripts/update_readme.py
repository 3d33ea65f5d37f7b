"""Regenerate the generated blocks of README.md: the finding-code table and the `kzdata stats` output.

    python scripts/update_readme.py          # rewrite the blocks
    python scripts/update_readme.py --check  # exit 1 if README.md is out of date (the tests run this check)
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import kzdata  # noqa: E402
from kzdata.catalogue import CODES  # noqa: E402
from kzdata.stats import compute, render_text  # noqa: E402


def codes_table() -> str:
    rows = ["| code | severity | what it means | how to fix it |", "|---|---|---|---|"]
    rows += [f"| {code} | {c.severity} | {c.title} | {c.hint} |" for code, c in CODES.items()]
    return "\n".join(rows) + "\n"


def stats_block() -> str:
    return "```text\n" + render_text(compute(kzdata.load(ROOT))) + "```\n"


def render(readme: str) -> str:
    for name, body in (("codes", codes_table()), ("stats", stats_block())):
        pattern = re.compile(rf"(<!-- {name}:start -->\n).*?(<!-- {name}:end -->)", re.S)
        if not pattern.search(readme):
            raise SystemExit(f"README.md has no <!-- {name}:start --> ... <!-- {name}:end --> block")
        readme = pattern.sub(lambda m: m.group(1) + body + m.group(2), readme)
    return readme


def main(argv: list[str]) -> int:
    path = ROOT / "README.md"
    current = path.read_text(encoding="utf-8")
    wanted = render(current)
    if "--check" in argv:
        if current != wanted:
            print("README.md is out of date: run python scripts/update_readme.py")
            return 1
        return 0
    path.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
