"""The batch on each executor, in one run: threads, local processes, a Dask LocalCluster of 2 workers, and a
separately started `dask scheduler` with 2 `dask worker` programs on 127.0.0.1. Prints wall time, pairs per
second, Dask's own cost per pair, and a projection for a year of global MODIS tiles.

usage: /usr/bin/python3 bench/bench_executors.py [--pairs 16] [--size 2400] [--storage-mbps 1000]
(needs dask[distributed]: run with .venv/bin/python, which scripts/setup.sh installs it into)
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_masked_difference import SHARED_BENCH, plugin_path

sys.path.insert(0, plugin_path())
from laiqa.core.batch import BatchRequest, run_batch
from laiqa.core.inputs import LaiSpec, QaSpec
from laiqa.core.qa.scheme import load_preset

GLOBAL_YEAR_PAIRS = 460 * 46  # MODIS land tiles x 8-day dates


def start_scheduler(work: str):
    """`dask scheduler` and two single-threaded `dask worker` programs; (address, programs)."""
    dask = os.path.join(os.path.dirname(sys.executable), "dask")
    env = {**os.environ, "PYTHONPATH": plugin_path()}
    address_file = os.path.join(work, "scheduler.json")
    programs = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                                  "--scheduler-file", address_file], env=env, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)]
    while not os.path.exists(address_file):
        time.sleep(0.1)
    time.sleep(0.2)
    with open(address_file, encoding="utf-8") as handle:
        address = json.load(handle)["address"]
    for _ in range(2):
        programs.append(subprocess.Popen([dask, "worker", address, "--host", "127.0.0.1", "--nworkers", "1",
                                          "--nthreads", "1", "--no-dashboard"], env=env,
                                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    from distributed import Client

    with Client(address) as client:
        client.wait_for_workers(2, timeout=60)
    return address, programs


def folder_bytes(folder: str) -> int:
    return sum(os.path.getsize(os.path.join(root, name)) for root, _, names in os.walk(folder) for name in names)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=16)
    parser.add_argument("--size", type=int, default=2400)
    parser.add_argument("--storage-mbps", type=float, default=1000.0,
                        help="shared storage bandwidth (MB/s) for the projection")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="laiqa-executors-")
    programs = []
    try:
        subprocess.run([sys.executable, os.path.join(SHARED_BENCH, "make_tiles.py"), work, str(args.pairs),
                        str(args.size)], check=True, capture_output=True)
        input_bytes = folder_bytes(os.path.join(work, "rt")) + folder_bytes(os.path.join(work, "glass"))
        address, programs = start_scheduler(work)
        rows = []
        for label, executor, scheduler in (("threads", "threads", None), ("local processes", "processes", None),
                                           ("Dask LocalCluster (2 workers)", "dask", None),
                                           ("dask scheduler + 2 dask workers", "dask", address)):
            out = os.path.join(work, executor + ("-scheduler" if scheduler else ""))
            request = BatchRequest(os.path.join(work, "rt"), os.path.join(work, "glass"), out, LaiSpec(),
                                   LaiSpec(preset="glass"), QaSpec(load_preset("own_lai")), workers=2,
                                   executor=executor, scheduler=scheduler)
            start = time.perf_counter()
            result = run_batch(request, log=lambda line: None)
            wall = time.perf_counter() - start
            pair_seconds = sum(pair.seconds for pair in result.pairs)
            rows.append((label, wall, len(result.pairs) / wall, pair_seconds / len(result.pairs),
                         (wall - pair_seconds / 2) * 2 / len(result.pairs), folder_bytes(out)))
    finally:
        for program in reversed(programs):
            program.terminate()
        shutil.rmtree(work, ignore_errors=True)
    print(f"{args.pairs} pairs of {args.size}x{args.size}, 2 workers, {os.cpu_count()} cores")
    print(f"{'':34s} {'wall s':>7s} {'pairs/s':>8s} {'pair s':>7s} {'cost/pair s':>12s} {'cost/pair':>10s}")
    for label, wall, rate, pair, cost, _ in rows:
        print(f"{label:34s} {wall:7.2f} {rate:8.2f} {pair:7.3f} {cost:12.3f} {cost / pair:9.1%}")
    print("(pair s: a pair's own run time where it ran; cost/pair: wall time beyond the pairs' own time "
          "on 2 workers, per pair: scheduling, transfer, idle workers)")
    label, wall, rate, pair, _, output_bytes = rows[2]
    moved_mb = (input_bytes + output_bytes) / args.pairs / 1e6
    per_worker_mbps = moved_mb / pair
    workers_at_limit = args.storage_mbps / per_worker_mbps
    print(f"\nprojection, a year of global MODIS tiles ({GLOBAL_YEAR_PAIRS} pairs), {pair:.2f} s per pair per "
          f"worker, {moved_mb:.0f} MB read and written per pair ({per_worker_mbps:.0f} MB/s per busy worker):")
    for workers in (2, 16, 64, 256):
        hours = GLOBAL_YEAR_PAIRS * pair / min(workers, workers_at_limit) / 3600
        limit = "storage-bound" if workers > workers_at_limit else "CPU-bound"
        print(f"  {workers:4d} workers: {hours:7.2f} h ({limit})")
    print(f"  shared storage at {args.storage_mbps:.0f} MB/s becomes the limit from about {workers_at_limit:.0f} "
          "workers on")


if __name__ == "__main__":
    main()
