"""The pre-commit hooks' entry point for this repository: runs the kzdata of this checkout (src/), with the
dependencies that pre-commit installs in its own environment (.pre-commit-config.yaml, language: python),
so the hooks work from any shell or Git GUI, with no virtual environment active.

    python scripts/kzdata_hook.py fmt
    python scripts/kzdata_hook.py validate --strict
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from kzdata.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.argv[0] = "kzdata"
    main()
