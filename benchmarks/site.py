"""Time `kzdata site` on the repository and on a synthetic package of N persons (benchmarks/generate.py).

    python benchmarks/site.py [--persons 100000] [--seed 1] [--keep DIR]

Prints the wall time of a whole `kzdata site` process, the peak memory, the number of files and their total size.
Results: docs/performance.md, "The website".
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))


def measure(package: Path, out: Path) -> dict:
    kz = Path(sys.executable).with_name("kzdata")
    start = time.perf_counter()
    proc = subprocess.run([str(kz), "site", "-o", str(out), str(package)], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode:
        raise SystemExit(proc.stderr)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    files = [p for p in out.rglob("*") if p.is_file()]
    size = sum(p.stat().st_size for p in files)
    du = subprocess.run(["du", "-sm", str(out)], capture_output=True, text=True).stdout.split()[0]
    return {"seconds": seconds, "peak_mb": peak, "files": len(files), "mb": size / 1e6, "disk_mb": int(du),
            "largest": max(files, key=lambda p: p.stat().st_size).relative_to(out).as_posix(),
            "index_js_mb": (out / "assets" / "persons-index.js").stat().st_size / 1e6}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--persons", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", type=Path, help="build the large site here and keep it")
    args = ap.parse_args()
    from generate import generate

    with tempfile.TemporaryDirectory(prefix="kzsite-") as tmp:
        tmp = Path(tmp)
        r = measure(REPO, tmp / "repo-site")
        print(f"repository: {r['seconds']:.1f} s, {r['files']:,} files, {r['mb']:.1f} MB, peak {r['peak_mb']:.0f} MB")
        pkg = tmp / "pkg"
        generate(pkg, args.persons, seed=args.seed)
        out = args.keep or tmp / "big-site"
        if args.keep and out.exists():
            shutil.rmtree(out)
        r = measure(pkg, out)
        print(f"{args.persons:,} persons: {r['seconds']:.1f} s, {r['files']:,} files, {r['mb']:.0f} MB "
              f"({r['disk_mb']:,} MB on disk), peak {r['peak_mb']:.0f} MB; search index {r['index_js_mb']:.1f} MB; "
              f"largest file {r['largest']}")


if __name__ == "__main__":
    main()
