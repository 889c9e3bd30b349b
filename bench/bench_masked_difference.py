"""Speed of laiqa:maskeddifference on one tile pair, as ratios against baselines run in the same process.

usage: /usr/bin/python3 bench/bench_masked_difference.py [--size 2400] [--skip-article]

Baselines (../shared/bench): the article's algorithm as written, gdal_calc.py once per class,
and the I/O floor: GDAL reading both inputs and writing an output of the same size, type,
tiling and compression as ours from memory (best of 5). Ours runs through processing.run
in-process (time_alg.py, best of 3, QGIS start-up excluded).
Targets (issue 3): >= 40x faster than the article, <= 1.5x the I/O floor.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

from osgeo import gdal

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED_BENCH = os.path.join(os.path.dirname(ROOT), "shared", "bench")


def plugin_path() -> str:
    """The folder holding this checkout as ``laiqa``: QGIS finds the plugin there, and we import it from there.
    LAIQA_BENCH_CHECKOUT names another checkout to measure (bench_floor.py --before: an earlier commit)."""
    checkout = os.environ.get("LAIQA_BENCH_CHECKOUT") or ROOT
    folder = os.path.join(checkout, ".build", "plugins")
    os.makedirs(folder, exist_ok=True)
    if not os.path.exists(os.path.join(folder, "laiqa")):
        os.symlink(checkout, os.path.join(folder, "laiqa"))
    return folder


sys.path.insert(0, plugin_path())
from laiqa.core.writers import default_creation_options  # noqa: E402


def make_pair(work: str, size: int):
    subprocess.run([sys.executable, os.path.join(SHARED_BENCH, "make_tiles.py"), work, "1", str(size)],
                   check=True, capture_output=True)
    own = os.path.join(work, "rt", os.listdir(os.path.join(work, "rt"))[0])
    glass = os.path.join(work, "glass", os.listdir(os.path.join(work, "glass"))[0])
    return own, glass


def wall(command, **kwargs) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, **kwargs)
    return time.perf_counter() - start


def ours(own: str, glass: str, runs: int = 3) -> float:
    env = {**os.environ, "QGIS_PLUGINPATH": plugin_path(), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, os.path.join(SHARED_BENCH, "time_alg.py"), "laiqa:maskeddifference", str(runs),
         f"PRODUCT={own}", f"REFERENCE={glass}", "OUTPUT_STATS=stats.csv"],
        capture_output=True, text=True, env=env)
    last = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr
    if done.returncode != 0 or last.startswith("ERROR"):
        sys.exit(f"our algorithm failed: {last}")
    seconds, output = last.split()
    return float(seconds), output


def io_floor(own: str, glass: str, our_output: str, work: str, runs: int = 5) -> float:
    """Read both inputs and write our output's own values from memory: nothing serial can be faster."""
    options = default_creation_options("GTiff")
    ours_dataset = gdal.Open(our_output)
    bands = [ours_dataset.GetRasterBand(i + 1).ReadAsArray() for i in range(ours_dataset.RasterCount)]
    ours_dataset = None
    best = float("inf")
    for run in range(runs):
        start = time.perf_counter()
        gdal.Open(own).ReadAsArray()
        gdal.Open(glass).ReadAsArray()
        height, width = bands[0].shape
        out = gdal.GetDriverByName("GTiff").Create(os.path.join(work, f"floor{run}.tif"), width, height,
                                                   len(bands), gdal.GDT_Float32, options)
        for index, values in enumerate(bands):
            out.GetRasterBand(index + 1).SetNoDataValue(-9999.0)
            out.GetRasterBand(index + 1).WriteArray(values)
        out = None
        best = min(best, time.perf_counter() - start)
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=2400)
    parser.add_argument("--skip-article", action="store_true", help="the article's loop takes ~10 s per tile")
    args = parser.parse_args()
    if not os.path.isdir(SHARED_BENCH):
        sys.exit(f"needs the shared baselines in {SHARED_BENCH}")
    work = tempfile.mkdtemp(prefix="laiqa-bench-")
    try:
        own, glass = make_pair(work, args.size)
        ours_time, our_output = ours(own, glass)
        rows = [("I/O floor (read inputs, write our 5-band output)", io_floor(own, glass, our_output, work)),
                ("laiqa:maskeddifference (processing.run, best of 3)", ours_time)]
        rows.append(("gdal_calc.py x4 classes", wall(["sh", os.path.join(SHARED_BENCH, "gdal_calc_4class.sh"),
                                                     own, glass, os.path.join(work, "calc")])))
        if not args.skip_article:
            rows.append(("article's algorithm", wall([sys.executable, os.path.join(SHARED_BENCH,
                                                      "article_baseline.py"), os.path.dirname(own) + "/",
                                                      os.path.dirname(glass) + "/", work + "/article/"])))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"one {args.size}x{args.size} tile pair, {os.cpu_count()} cores, GDAL {gdal.__version__}")
    print(f"{'':52s} {'seconds':>8s} {'vs ours':>8s}")
    for name, seconds in rows:
        print(f"{name:52s} {seconds:8.3f} {seconds / ours_time:7.2f}x")
    print(f"ours / I/O floor = {ours_time / rows[0][1]:.2f} (target <= 1.5)")
    if not args.skip_article:
        print(f"article / ours = {rows[-1][1] / ours_time:.1f} (target >= 40)")


if __name__ == "__main__":
    main()
