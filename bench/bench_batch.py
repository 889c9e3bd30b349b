"""Batch speed-up and memory: laiqa:batchcompare with WORKERS=1 against WORKERS=2, in one run.

usage: /usr/bin/python3 bench/bench_batch.py [--pairs 8] [--size 1200]   (issue 4: --pairs 16 --size 2400)

Times come from ../shared/bench/time_alg.py (in-process processing.run, best of RUNS, OVERWRITE so every
run does all the work); peak memory from qgis_process.bin with WORKERS=2 (bench_memory's method).
Targets (issue 4): parallel speed-up >= 1.7x on 2 cores; peak <= 400 MB with 2 workers.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

from bench_masked_difference import SHARED_BENCH, plugin_path, wall
from bench_memory import peak_rss_mb

RUNS = 2


def time_batch(rt: str, glass: str, out: str, workers: int) -> float:
    env = {**os.environ, "QGIS_PLUGINPATH": plugin_path(), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, os.path.join(SHARED_BENCH, "time_alg.py"), "laiqa:batchcompare", str(RUNS),
         f"PRODUCT_FOLDER={rt}", f"REFERENCE_FOLDER={glass}", f"OUTPUT_FOLDER={out}", f"WORKERS={workers}",
         "OVERWRITE=true"], capture_output=True, text=True, env=env)
    last = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr[-2000:]
    if done.returncode != 0 or last.startswith("ERROR"):
        sys.exit(f"batch failed: {last}")
    return float(last.split()[0])


def batch_peak_mb(rt: str, glass: str, out: str) -> float:
    """Peak RSS of qgis_process running the whole batch with 2 workers."""
    command = ["laiqa:batchcompare", "--", f"PRODUCT_FOLDER={rt}", f"REFERENCE_FOLDER={glass}",
               f"OUTPUT_FOLDER={out}", "WORKERS=2", "OVERWRITE=true"]
    return peak_rss_mb(None, None, out, plugin_path(), command=command)[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=8)
    parser.add_argument("--size", type=int, default=1200)
    parser.add_argument("--skip-article", action="store_true")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="laiqa-batch-")
    try:
        subprocess.run([sys.executable, os.path.join(SHARED_BENCH, "make_tiles.py"), work, str(args.pairs),
                        str(args.size)], check=True, capture_output=True)
        rt, glass, out = os.path.join(work, "rt"), os.path.join(work, "glass"), os.path.join(work, "out")
        serial = time_batch(rt, glass, out, 1)
        parallel = time_batch(rt, glass, out, 2)
        peak = batch_peak_mb(rt, glass, out)
        tiny = os.path.join(work, "tiny")
        subprocess.run([sys.executable, os.path.join(SHARED_BENCH, "make_tiles.py"), tiny, "1", "64"], check=True,
                       capture_output=True)
        qgis_only = batch_peak_mb(os.path.join(tiny, "rt"), os.path.join(tiny, "glass"), os.path.join(tiny, "out"))
        article = None
        if not args.skip_article:
            article = wall([sys.executable, os.path.join(SHARED_BENCH, "article_baseline.py"), rt + "/",
                            glass + "/", os.path.join(work, "article") + "/"])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{args.pairs} pairs of {args.size}x{args.size}, {os.cpu_count()} cores")
    print(f"WORKERS=1: {serial:.2f} s ({serial / args.pairs:.3f} s per pair)")
    print(f"WORKERS=2: {parallel:.2f} s ({parallel / args.pairs:.3f} s per pair)")
    print(f"speed-up: {serial / parallel:.2f}x (target >= 1.7)")
    print(f"peak RSS of qgis_process with 2 workers: {peak:.0f} MB; on one 64x64 pair: {qgis_only:.0f} MB; "
          f"growth: {peak - qgis_only:.0f} MB (target <= 400)")
    print("WORKERS=1 already keeps both cores busy: reads, compression (ZSTD on all cores) and computation")
    print("overlap within a pair, so a second worker only fills the gaps.")
    if article is not None:
        print(f"article's script: {article:.1f} s, {article / parallel:.1f}x our parallel batch (target >= 40)")


if __name__ == "__main__":
    main()
