"""Long fuzz run: the suite's mutation and JSON fuzz tests with many more generated inputs.

    python scripts/fuzz.py [EXAMPLES]     # default 2000 mutated files (and half as many generated JSON files,
                                          # JSON tokens Python accepts, and schema patterns)

Prints, per test, how many generated inputs were tried and how many failed (an exception or a KZ999
finding fails). Needs the test extras (pytest, hypothesis).
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    examples = int(argv[0]) if argv else 2000
    env = {**os.environ, "KZDATA_FUZZ_EXAMPLES": str(examples)}
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(ROOT / "tests" / "test_fuzz.py"),
                           "-k", "mutated or generated_json or python_accepts or any_schema_pattern", "--hypothesis-show-statistics", "--hypothesis-seed=0"],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    out = proc.stdout + proc.stderr
    for test, passing, failing in re.findall(r"(test_\w+):.*?(\d+) passing, (\d+) failing", out, re.S):
        print(f"{test}: {passing} generated inputs, {failing} failing")
    print(f"pytest exit status {proc.returncode}, {elapsed:.0f} s")
    if proc.returncode:
        print(out[-4000:])
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
