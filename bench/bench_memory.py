"""Peak memory of laiqa:maskeddifference in qgis_process: a big pair minus a tiny pair (QGIS's own share).

usage: /usr/bin/python3 bench/bench_memory.py [--size 8000]     (issue 3's claim: --size 20000 < 300 MB)

The pair is written window by window (the generator itself stays small), as an own-product GeoTIFF
(LAI, QA) and a GLASS-like reference GeoTIFF on the same grid.
"""
import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

import numpy as np
from osgeo import gdal

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_masked_difference import plugin_path  # noqa: E402

sys.path.insert(0, plugin_path())
from laiqa.core.modis_tiles import MODIS_SINUSOIDAL_WKT, tile_geotransform  # noqa: E402

CHUNK_ROWS = 512
OPTIONS = ["TILED=YES", "COMPRESS=ZSTD", "ZSTD_LEVEL=1", "BIGTIFF=YES", "NUM_THREADS=ALL_CPUS"]


def write_pair(folder: str, size: int):
    product = os.path.join(folder, f"Rc_Lai_A2018161_h12v03_{size}.tif")
    reference = os.path.join(folder, f"glass_h12v03_{size}.tif")
    driver = gdal.GetDriverByName("GTiff")
    own = driver.Create(product, size, size, 2, gdal.GDT_Int16, OPTIONS)
    glass = driver.Create(reference, size, size, 1, gdal.GDT_Int16, OPTIONS)
    for dataset in (own, glass):
        dataset.SetGeoTransform(tile_geotransform(12, 3, size))
        dataset.SetProjection(MODIS_SINUSOIDAL_WKT)
    rng = np.random.default_rng(1)
    for row in range(0, size, CHUNK_ROWS):
        rows = min(CHUNK_ROWS, size - row)
        truth = rng.gamma(2.0, 1.2, (rows, size)).astype(np.float32)
        own.GetRasterBand(1).WriteArray((truth * 1000).clip(0, 7000).astype(np.int16), 0, row)
        own.GetRasterBand(2).WriteArray(rng.integers(0, 4096, (rows, size)).astype(np.int16), 0, row)
        glass.GetRasterBand(1).WriteArray((truth * 100).clip(0, 1000).astype(np.int16), 0, row)
    own = glass = None
    return product, reference


def make_pair_in_child(folder: str, size: int):
    """Generate in a child process: Linux keeps a process's peak RSS across exec, so the generator's
    memory must not be in the process that later starts qgis_process."""
    code = f"import sys; sys.path.insert(0, {os.path.dirname(__file__)!r}); import bench_memory as b; " \
           f"print('\\n'.join(b.write_pair({folder!r}, {size})))"
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return done.stdout.split()


def peak_rss_mb(product: str, reference: str, folder: str, plugins: str, command=None) -> tuple:
    """Run qgis_process.bin in a child and read the child's peak resident set (ru_maxrss, KB)."""
    env = {**os.environ, "QGIS_PLUGINPATH": plugins, "QT_QPA_PLATFORM": "offscreen"}
    command = ["qgis_process.bin", "run", *(command or [
        "laiqa:maskeddifference", "--", f"PRODUCT={product}", f"REFERENCE={reference}", "REFERENCE_PRESET=1",
        f"OUTPUT={os.path.join(folder, 'out.tif')}", f"OUTPUT_STATS={os.path.join(folder, 'stats.csv')}"])]
    start = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            errors.seek(0)
            sys.exit(f"qgis_process failed: {errors.read().decode()[-2000:]}")
    return usage.ru_maxrss / 1024, seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=8000)
    args = parser.parse_args()
    plugins = os.path.join(ROOT, ".build", "plugins")
    os.makedirs(plugins, exist_ok=True)
    if not os.path.exists(os.path.join(plugins, "laiqa")):
        os.symlink(ROOT, os.path.join(plugins, "laiqa"))
    subprocess.run(["qgis_process.bin", "plugins", "enable", "laiqa"], capture_output=True,
                   env={**os.environ, "QGIS_PLUGINPATH": plugins, "QT_QPA_PLATFORM": "offscreen"})
    folder = tempfile.mkdtemp(prefix="laiqa-memory-")
    try:
        tiny_mb, _ = peak_rss_mb(*make_pair_in_child(folder, 64), folder, plugins)
        started = time.perf_counter()
        big = make_pair_in_child(folder, args.size)
        made = time.perf_counter() - started
        big_mb, seconds = peak_rss_mb(*big, folder, plugins)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"pair of {args.size}x{args.size} (made in {made:.0f} s), maskeddifference in {seconds:.1f} s")
    print(f"peak RSS: {big_mb:.0f} MB; tiny 64x64 pair: {tiny_mb:.0f} MB (QGIS itself)")
    print(f"growth with the raster: {big_mb - tiny_mb:.0f} MB (target: < 300 MB at 20000x20000)")
    print(f"(this script's own peak RSS, inherited by its children: "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)")


if __name__ == "__main__":
    main()
