"""Regenerate the generated documentation: README.md's finding-code table and `kzdata stats` output, and
docs/codes.md (every finding code: what it means, an example, how to fix it).

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


def codes_page() -> str:
    out = ["# Finding codes", "",
           "Generated from `src/kzdata/catalogue.py` by `python scripts/update_readme.py`;",
           "do not edit by hand. Codes are stable: a code is never reused for a different problem. Errors fail",
           "`kzdata validate`; warnings fail it only with `--strict` (as CI runs it) unless a reviewed exception in",
           "`data/exceptions.csv` accepts them. Errors can never be accepted.", ""]
    for code, c in CODES.items():
        out += [f"## {code}: {c.title}", "", f"- **Severity:** {c.severity}", f"- **Example:** {c.example}", f"- **Reported by:** the `{c.check}` check",
                f"- **How to fix it:** {c.hint}", ""]
    return "\n".join(out)


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
    readme = ROOT / "README.md"
    docs = ROOT / "docs" / "codes.md"
    current = readme.read_text(encoding="utf-8")
    targets = {readme: (current, render(current)),
               docs: (docs.read_text(encoding="utf-8") if docs.exists() else "", codes_page())}
    stale = [p for p, (old, new) in targets.items() if old != new]
    if "--check" in argv:
        for p in stale:
            print(f"{p.relative_to(ROOT)} is out of date: run python scripts/update_readme.py")
        return 1 if stale else 0
    for p in stale:
        p.parent.mkdir(exist_ok=True)
        p.write_text(targets[p][1], encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
