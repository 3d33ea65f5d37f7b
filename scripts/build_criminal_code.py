"""Build data/criminal-code.json from its inputs in reference/criminal-code/ (kzdata.reference_build).

    python scripts/build_criminal_code.py [--check]

With --check the script exits 1 when the committed JSON differs from what it would write. `kzdata validate`
makes the same comparison itself (KZ019), so a hand edit of the JSON never passes CI.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from kzdata.reference_build import INPUT_FILES, build, render  # noqa: E402

INPUTS = ROOT / "reference" / "criminal-code"
OUT = ROOT / "data" / "criminal-code.json"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="only compare with the committed file")
    args = ap.parse_args(argv)
    missing = [f for f in INPUT_FILES if not (INPUTS / f).is_file()]
    if missing:
        print(f"error: {INPUTS} lacks {', '.join(missing)}", file=sys.stderr)
        return 2
    text = render(build(INPUTS))
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("criminal-code.json is up to date" if same else "criminal-code.json differs from a fresh build")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
