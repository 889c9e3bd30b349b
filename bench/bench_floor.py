"""Speed and memory against the floor, in one run (issue 15's figures and targets).

usage: /usr/bin/python3 bench/bench_floor.py [--skip-20000] [--before REVISION]

1. one 2400x2400 pair through processing.run (best of 3, in each of ROUNDS rounds) / the I/O floor (GDAL reads
   both inputs and writes our output from memory with the same creation options, best of 5);
2. a batch of 8 pairs of 1200x1200 (default WORKERS, and WORKERS=1) / the batch's serial I/O floor (the sum
   of its pairs' floors);
3. peak resident memory of qgis_process above the same run on a tiny pair: one pair of 8000x8000 and of
   20000x20000, and the 2-worker batch;
4. where a pair's time goes (bench/profile_pair.py's stages).
With --before REVISION, every figure of that commit too, measured in the same run on the same data (the
speed rounds take the two in turn).
"""
import argparse
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_batch import batch_peak_mb, time_batch
from bench_masked_difference import ROOT, SHARED_BENCH, io_floor, make_pair, ours
from bench_memory import make_pair_in_child, peak_rss_mb, plugin_path

TARGETS = {"pair": 1.3, "batch": 1.3, "memory": 150.0}
ROUNDS = 3  # speed: each checkout's best of this many rounds, the checkouts taken in turn


def make_tiles(folder: str, pairs: int, size: int):
    subprocess.run([sys.executable, os.path.join(SHARED_BENCH, "make_tiles.py"), folder, str(pairs), str(size)],
                   check=True, capture_output=True)
    rt, glass = os.path.join(folder, "rt"), os.path.join(folder, "glass")
    return rt, glass, sorted(os.listdir(rt)), sorted(os.listdir(glass))


def batch_floor(rt, glass, products, references, work) -> float:
    """Each pair's I/O floor, added up: reading its inputs and writing its output serially."""
    total = 0.0
    for index, (product, reference) in enumerate(zip(products, references)):
        pair_work = os.path.join(work, f"floor{index}")
        os.makedirs(pair_work)
        _, output = ours(os.path.join(rt, product), os.path.join(glass, reference), runs=1)
        total += io_floor(os.path.join(rt, product), os.path.join(glass, reference), output, pair_work)
    return total


def memory_growth(size: int, folder: str) -> float:
    plugins = plugin_path()
    tiny_mb, _ = peak_rss_mb(*make_pair_in_child(folder, 64), folder, plugins)
    big_mb, _ = peak_rss_mb(*make_pair_in_child(folder, size), folder, plugins)
    for name in os.listdir(folder):
        os.remove(os.path.join(folder, name))
    return big_mb - tiny_mb


def verdict(value: float, target: float) -> str:
    return f"target <= {target:g}: {'met' if value <= target else 'NOT met'}"


def measure_checkout(checkout):
    """Have ``plugin_path()`` name this checkout (None: this one) in the process this runs in."""
    if checkout:
        os.environ["LAIQA_BENCH_CHECKOUT"] = checkout
    else:
        os.environ.pop("LAIQA_BENCH_CHECKOUT", None)


def speed(data: dict, work: str, checkouts) -> dict:
    """{checkout: (pair seconds, batch seconds with default WORKERS, with WORKERS=1)}: each the best of ROUNDS
    rounds that take the checkouts in turn (times on this machine drift between minutes: a checkout measured
    only after another would be judged by the drift)."""
    best = {checkout: [float("inf")] * 3 for checkout in checkouts}
    rt, glass_dir, _, _ = data["batch"]
    for _ in range(ROUNDS):
        for checkout in checkouts:
            measure_checkout(checkout)
            subprocess.run(["qgis_process.bin", "plugins", "enable", "laiqa"], capture_output=True,
                           env={**os.environ, "QGIS_PLUGINPATH": plugin_path(), "QT_QPA_PLATFORM": "offscreen"})
            times = (ours(*data["pair"])[0], time_batch(rt, glass_dir, os.path.join(work, "batch_out"), 0),
                     time_batch(rt, glass_dir, os.path.join(work, "batch_out"), 1))
            best[checkout] = [min(pair) for pair in zip(best[checkout], times)]
    measure_checkout(None)
    return best


def memory(data: dict, work: str, sizes, launcher) -> dict:
    """Peak memory figures of the checkout ``launcher``'s process names, measured from that small process: a
    child inherits its parent's peak resident set across exec, and this process holds the floor's rasters."""
    rt, glass_dir, _, _ = data["batch"]
    tiny_rt, tiny_glass, _, _ = data["tiny"]
    figures = {"batch_memory": launcher.submit(batch_peak_mb, rt, glass_dir, os.path.join(work, "batch_out")).result()
               - launcher.submit(batch_peak_mb, tiny_rt, tiny_glass, os.path.join(work, "tiny_out")).result()}
    memory_folder = tempfile.mkdtemp(dir=work)
    figures["memory"] = {size: launcher.submit(memory_growth, size, memory_folder).result() for size in sizes}
    return figures


def report(now: dict, before: dict | None, revision: str) -> list:
    """Each figure, its target, and the same figure of ``revision`` measured in this run."""
    def was(value_of, unit=""):
        return f" (before, {revision}: {value_of(before):{unit}})" if before else ""

    def pair_ratio(figures):
        return figures["pair"][0] / figures["pair"][1]

    def batch_ratio(figures):
        return figures["batch"][0] / figures["batch"][2]

    pair_seconds, floor = now["pair"]
    default, one, floor_sum = now["batch"]
    lines = [f"one 2400x2400 pair: {pair_seconds:.3f} s / I/O floor {floor:.3f} s = {pair_ratio(now):.2f}x"
             f"{was(pair_ratio, '.2f')} ({verdict(pair_ratio(now), TARGETS['pair'])})",
             f"batch of 8 pairs of 1200x1200: WORKERS=0 (one per core) {default:.2f} s, WORKERS=1 {one:.2f} s / "
             f"serial I/O floor {floor_sum:.2f} s = {batch_ratio(now):.2f}x{was(batch_ratio, '.2f')} "
             f"({verdict(batch_ratio(now), TARGETS['batch'])})"]
    for size, megabytes in now["memory"].items():
        lines.append(f"memory, one pair of {size}x{size}: {megabytes:.0f} MB above qgis_process on a 64x64 pair"
                     f"{was(lambda figures, size=size: figures['memory'][size], '.0f')} "
                     f"({verdict(megabytes, TARGETS['memory'])})")
    if 20000 in now["memory"]:
        def growth(figures):
            return figures["memory"][20000] / figures["memory"][8000]
        lines.append(f"memory, 20000x20000 / 8000x8000: {growth(now):.2f}{was(growth, '.2f')} "
                     f"({verdict(growth(now), 1.10)})")
    lines.append(f"memory, batch of 8 pairs with 2 workers: {now['batch_memory']:.0f} MB"
                 f"{was(lambda figures: figures['batch_memory'], '.0f')} "
                 f"({verdict(now['batch_memory'], TARGETS['memory'])})")
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-20000", action="store_true", help="the 20000x20000 pair takes about a minute")
    parser.add_argument("--before", metavar="REVISION",
                        help="also measure this git revision (e.g. main~3), in the same run, on the same data")
    args = parser.parse_args()
    sizes = (8000,) if args.skip_20000 else (8000, 20000)
    # started now, while this process is small; its workers start qgis_process for the memory figures
    launcher = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("forkserver"))
    launcher.submit(plugin_path).result()
    work = tempfile.mkdtemp(prefix="laiqa-floor-")
    try:
        data = {"pair": make_pair(os.path.join(work, "pair"), 2400),
                "batch": make_tiles(os.path.join(work, "batch"), 8, 1200),
                "tiny": make_tiles(os.path.join(work, "tiny"), 1, 64)}
        checkouts = [None]
        if args.before:
            checkout = os.path.join(work, "before")
            os.makedirs(checkout)
            archive = subprocess.run(["git", "-C", ROOT, "archive", args.before], check=True, capture_output=True)
            subprocess.run(["tar", "-x", "-C", checkout], input=archive.stdout, check=True)
            checkouts.insert(0, checkout)
        times = speed(data, work, checkouts)
        _, output = ours(*data["pair"], runs=1)
        pair_floor = io_floor(*data["pair"], output, work)
        rt, glass_dir, products, references = data["batch"]
        batch_floor_seconds = batch_floor(rt, glass_dir, products, references, tempfile.mkdtemp(dir=work))
        figures = {}
        for checkout in checkouts:
            launcher.submit(measure_checkout, checkout).result()
            pair, batch_default, batch_one = times[checkout]
            figures[checkout] = {"pair": (pair, pair_floor), "batch": (batch_default, batch_one, batch_floor_seconds),
                                 **memory(data, tempfile.mkdtemp(dir=work), sizes, launcher)}
        now, before = figures[None], figures.get(checkouts[0]) if args.before else None
    finally:
        launcher.shutdown()
        shutil.rmtree(work, ignore_errors=True)
    print("\n".join(report(now, before, args.before)))
    print("\nwhere a pair's time goes:")
    profile = subprocess.run([sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                           "profile_pair.py")], capture_output=True, text=True)
    print(profile.stdout.rstrip() or profile.stderr[-2000:])


if __name__ == "__main__":
    main()
