"""Benchmark `kzdata validate` against `frictionless validate` on synthetic packages.

    python benchmarks/run.py [--sizes 1000,10000,100000] [--runs 3] [--no-frictionless] [--plant-row 700000]
                             [--crossover 250,500,1000,2000,4000]

For each size N (persons) it generates a package with benchmarks/generate.py (seed 1, cached under
benchmarks/.cache/), then runs each validator as a separate process several times and prints the median
wall time, the ratio and the peak memory (max resident set size of the process). Needs the test extras
(frictionless). Both validators must find the generated package valid; the script says so if not.
Then it plants an error in the largest package at its --plant-row'th data row (counting the tables in
package order), validates that copy, and checks that the finding names the right file and line.
Finally it times both engines (`--engine rows` and `--engine columnar`, whole processes) on packages of the
--crossover sizes, and says where the columnar engine becomes faster: kzdata.validator.COLUMNAR_MIN_BYTES
is set from that measurement.
"""
from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402

BIN = Path(sys.executable).parent
GENERATION = 2   # bump when generate.py or the repository's schemas change what a package holds: the cache is rebuilt


def package(n: int) -> tuple[Path, int]:
    """The cached generated package of n persons, and its number of rows."""
    root = HERE / ".cache" / f"g{GENERATION}-n{n}"
    if not (root / "datapackage.json").is_file():
        counts = generate(root, n, seed=1)
    else:
        counts = {p.stem: sum(1 for _ in open(p, encoding="utf-8")) - 1 for p in (root / "data").glob("*.csv")}
    return root, sum(counts.values())


def measure(argv: list[str], cwd: Path, env: dict | None = None) -> tuple[float, int, int]:
    """(seconds, peak RSS in MB, exit status) of one run, in a fresh process."""
    wrapper = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
               "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
               "e = time.perf_counter() - t; "
               "print(e, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, p.returncode)")
    # Python's default: byte code is cached (this machine's shells set PYTHONDONTWRITEBYTECODE, which would make every
    # run compile every module again)
    base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    out = subprocess.run([sys.executable, "-c", wrapper, *argv], cwd=cwd, capture_output=True, text=True, check=True,
                         env={**base, **(env or {})})
    seconds, rss_kb, status = out.stdout.split()
    return float(seconds), int(rss_kb) // 1024, int(status)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--no-frictionless", action="store_true")
    ap.add_argument("--plant-row", type=int, default=700_000)
    ap.add_argument("--crossover", default="250,500,1000,2000,4000")
    args = ap.parse_args()
    kzdata_cmd = [str(BIN / "kzdata"), "validate", "--strict", "."]
    fl = shutil.which("frictionless", path=str(BIN)) or shutil.which("frictionless")
    print(f"machine: {platform.platform()}, {os.cpu_count()} CPU(s), Python {platform.python_version()}")
    print(f"runs per measurement: {args.runs} (median)\n")
    header = (f"{'persons':>8} {'rows':>9} | {'engine':>8} {'kzdata s':>9} {'MB':>6} | {'frictionless s':>14} {'MB':>6} "
              f"| {'ratio':>6}")
    print(header)
    print("-" * len(header))
    for n in (int(x) for x in args.sizes.split(",")):
        root, rows = package(n)
        kz = [measure(kzdata_cmd, root) for _ in range(args.runs)]
        if any(status != 0 for *_, status in kz):
            print(f"kzdata found problems in the generated package of {n} persons")
        k_time, k_mem = statistics.median(t for t, _, _ in kz), max(m for _, m, _ in kz)
        engine = engine_of(root)
        if fl and not args.no_frictionless:
            fr = [measure([fl, "validate", "datapackage.json"], root) for _ in range(args.runs)]
            if any(status != 0 for *_, status in fr):
                print(f"frictionless found problems in the generated package of {n} persons")
            f_time, f_mem = statistics.median(t for t, _, _ in fr), max(m for _, m, _ in fr)
            print(f"{n:>8} {rows:>9} | {engine:>8} {k_time:>9.2f} {k_mem:>6} | {f_time:>14.2f} {f_mem:>6} | {f_time / k_time:>5.1f}x")
        else:
            print(f"{n:>8} {rows:>9} | {engine:>8} {k_time:>9.2f} {k_mem:>6} | {'-':>14} {'-':>6} | {'-':>6}")
    largest, _ = package(max(int(x) for x in args.sizes.split(",")))
    # kzdata validate sets polars' allocator to one arena and a short decay (kzdata.cli.JEMALLOC), unless the
    # variable is already set: an empty value keeps jemalloc's defaults
    plain = [measure(kzdata_cmd, largest, {"_RJEM_MALLOC_CONF": ""}) for _ in range(args.runs)]
    print(f"\n{largest.name.split('-n')[1]} persons with polars' default allocator settings: median "
          f"{statistics.median(t for t, _, _ in plain):.2f} s, peak {max(m for _, m, _ in plain)} MB")
    plant_check(largest, args.plant_row)
    repo = HERE.parent
    measure(kzdata_cmd, repo)   # a first run writes the byte code
    own = [measure(kzdata_cmd, repo)[0] for _ in range(max(5, args.runs))]
    print(f"\nthe repository's own data: whole kzdata validate process, start-up included: median {statistics.median(own):.2f} s")
    if args.crossover:
        crossover([int(x) for x in args.crossover.split(",")], max(3, args.runs))
    return 0


def crossover(sizes: list[int], runs: int) -> None:
    """Both engines, whole processes, on packages of growing size: where does the columnar engine win?"""
    sys.path.insert(0, str(HERE.parent / "src"))
    from kzdata.validator import COLUMNAR_MIN_BYTES, csv_bytes

    print("\ncrossover of the engines (kzdata validate --strict --engine rows|columnar, median of", runs, "runs):")
    head = f"{'persons':>8} {'CSV bytes':>11} | {'rows s':>7} {'MB':>5} | {'columnar s':>10} {'MB':>5} | faster"
    print(head)
    print("-" * len(head))
    first = None
    for n in sizes:
        root, _ = package(n)
        size = csv_bytes(root)
        r = [measure([str(BIN / "kzdata"), "validate", "--strict", "--engine", "rows", "."], root) for _ in range(runs)]
        c = [measure([str(BIN / "kzdata"), "validate", "--strict", "--engine", "columnar", "."], root) for _ in range(runs)]
        rt, ct = statistics.median(t for t, _, _ in r), statistics.median(t for t, _, _ in c)
        faster = "columnar" if ct < rt else "rows"
        if faster == "columnar" and first is None:
            first = size
        print(f"{n:>8} {size:>11,} | {rt:>7.2f} {max(m for _, m, _ in r):>5} | {ct:>10.2f} {max(m for _, m, _ in c):>5} | {faster}")
    where = f"first faster at {first:,} bytes" if first else "not faster at any size measured"
    print(f"columnar engine {where}; kzdata.validator.COLUMNAR_MIN_BYTES = {COLUMNAR_MIN_BYTES:,}")


def engine_of(root: Path) -> str:
    """Which engine kzdata validate used on the package (from its JSON report)."""
    import json

    p = subprocess.run([str(BIN / "kzdata"), "validate", "--format", "json", "."], cwd=root, capture_output=True, text=True)
    try:
        return json.loads(p.stdout).get("engine", "?")
    except ValueError:
        return "?"


def plant_check(root: Path, row: int) -> None:
    """Copy the package, break the sources cell of its row-th data row, and check where kzdata reports it."""
    import csv
    import io
    import json

    desc = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    copy = root.with_name(root.name + "-planted")
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(root, copy)
    seen = 0
    for res in desc["resources"]:
        path = copy / res["path"]
        if not res["path"].endswith(".csv"):
            continue
        lines = path.read_text(encoding="utf-8").split("\n")
        if seen + len(lines) - 2 < row:
            seen += len(lines) - 2
            continue
        line = row - seen + 1                      # the header is line 1; generated cells hold no line breaks
        cells = next(csv.reader(io.StringIO(lines[line - 1])))
        header = lines[0].split(",")
        cells[header.index("sources")] = "no-such-source"
        out = io.StringIO()
        csv.writer(out, lineterminator="").writerow(cells)
        lines[line - 1] = out.getvalue()
        path.write_text("\n".join(lines), encoding="utf-8")
        t = time.perf_counter()
        p = subprocess.run([str(BIN / "kzdata"), "validate", "--format", "json", str(copy)], capture_output=True, text=True)
        took = time.perf_counter() - t
        report = json.loads(p.stdout)
        found = [(f["file"], f["line"], f["code"]) for f in report["findings"]]
        ok = found == [(res["path"], line, "KZ202")]
        print(f"\nplanted error at data row {row:,} ({res['path']} line {line:,}): found {found} in {took:.2f} s "
              f"({report.get('engine')} engine): {'right file and line' if ok else 'WRONG'}")
        shutil.rmtree(copy, ignore_errors=True)
        return
    print(f"\nthe package has fewer than {row:,} data rows; no error planted")


if __name__ == "__main__":
    sys.exit(main())
