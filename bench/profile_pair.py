"""Where the time of one masked difference goes: each stage alone, serially, on one 2400x2400 pair.

usage: /usr/bin/python3 bench/profile_pair.py [--size 2400] [--runs 3]

Stages (best of --runs each, one core unless GDAL compresses on all): reading and decompressing the three
input bands; the QA mask, the difference and the kept pixels (``difference_block``); the float64 running sums
(``Accumulator.add``); the class bands (built in the writer thread) and writing and compressing the five
output bands; and the whole run as users run it (reads, compute and compression overlapped on both cores).
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

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_masked_difference import SHARED_BENCH, plugin_path

sys.path.insert(0, plugin_path())
from laiqa.core.blocks import BufferPool, RowsReadOnce, blocks_fit, column_chunks, one_dataset_per_file
from laiqa.core.difference import (
    BlockContext,
    check_settings,
    difference_block,
    masked_difference,
    row_parts,
    window_bands,
)
from laiqa.core.inputs import DifferenceSettings, LaiInput, OutputSpec, QaInput, RasterInput
from laiqa.core.qa.scheme import load_preset
from laiqa.core.readers import open_lai, open_qa, read_window, windows
from laiqa.core.stats import Accumulator
from laiqa.core.writers import OUTPUT_TILE, AtomicRaster, default_creation_options


def best(function, runs, cpu=None):
    """The best wall time of ``runs``; ``cpu`` (a list), when given, gets the CPU seconds of every thread in that
    best run (getrusage of this process)."""
    times = []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), _cpu_seconds()
        function()
        times.append((time.perf_counter() - start, _cpu_seconds() - start_cpu))
    wall, seconds = min(times)
    if cpu is not None:
        cpu.append(seconds)
    return wall


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def memory_budget(size: int) -> str:
    """Where a run's memory goes, measured in this process on a size x size pair (bench_memory's generator):
    numpy's peak (tracemalloc), of it the engine's reused window buffers, and GDAL's block cache limit."""
    import tracemalloc

    import bench_memory

    import laiqa.core.difference as difference
    from laiqa.core.blocks import BufferPool

    pools = []

    class CountedPool(BufferPool):
        def __init__(self):  # the pass's pool, the first made (a part's own short-lived pools are not kept alive)
            super().__init__()
            if not pools:
                pools.append(self)

    work = tempfile.mkdtemp(prefix="laiqa-budget-")
    try:
        product, reference = bench_memory.write_pair(work, size)
        difference.BufferPool = CountedPool
        tracemalloc.start()
        masked_difference(LaiInput(RasterInput(product)), LaiInput(RasterInput(reference), "glass"),
                          QaInput(RasterInput(product, 2), load_preset("own_lai")), DifferenceSettings(),
                          OutputSpec(os.path.join(work, "d.tif")))
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    finally:
        difference.BufferPool = BufferPool
        shutil.rmtree(work, ignore_errors=True)
    megabyte = 1 << 20
    return (f"memory of one {size}x{size} pair in this process: numpy's peak {peak / megabyte:.0f} MB, of which "
            f"the reused window buffers {pools[0].held_bytes / megabyte:.0f} MB (inputs read ahead, the window "
            f"computed, the one queued and the one written) and per-window temporaries the rest; GDAL's block "
            f"cache may hold up to {gdal.GetCacheMax() / megabyte:.0f} MB but holds a window's tiles at most")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=2400)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--memory-size", type=int, default=8000, help="pair size of the memory budget (0: none)")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="laiqa-profile-")
    try:
        subprocess.run([sys.executable, os.path.join(SHARED_BENCH, "make_tiles.py"), work, "1", str(args.size)],
                       check=True, capture_output=True)
        own = os.path.join(work, "rt", os.listdir(os.path.join(work, "rt"))[0])
        glass = os.path.join(work, "glass", os.listdir(os.path.join(work, "glass"))[0])
        scheme = load_preset("own_lai")
        product, reference = LaiInput(RasterInput(own)), LaiInput(RasterInput(glass), "glass")
        qa = QaInput(RasterInput(own, 2), scheme)
        settings = DifferenceSettings()
        opened = [open_lai(product, "Product"), open_lai(reference, "Reference"), open_qa(qa)]
        bands = [band.band for band in opened]
        all_windows = list(windows(bands[0], align=OUTPUT_TILE))
        blocks = [[read_window(band, window) for band in bands] for window in all_windows]

        def read():  # as the block engine reads: a file through one dataset, rows of misfitting blocks once each
            shared, _owners = one_dataset_per_file(bands)
            readers = {k: RowsReadOnce(band, blocks[0][k].dtype) for k, band in enumerate(shared)
                       if not blocks_fit(band, all_windows)}
            for window, window_blocks in zip(all_windows, blocks):
                for k, band in enumerate(shared):
                    out = np.empty_like(window_blocks[k])
                    readers[k].read(window, out) if k in readers else read_window(band, window, out)
                for band in opened:
                    band.dataset.FlushCache()

        rule, (split, values, names) = check_settings(settings, scheme)
        lookup = np.full(split.max_value + 1, len(values), np.uint8)
        lookup[values] = np.arange(len(values), dtype=np.uint8)
        context = BlockContext(scheme, rule, opened[0].encoding, opened[1].encoding, len(names), split, lookup,
                               None, opened[2].nodata)
        pool = BufferPool()

        def parts_of(window_blocks):  # the pass computes each window in parts of whole rows
            return [[block[rows] for block in window_blocks] for rows in row_parts(*window_blocks[0].shape)]

        results = [[difference_block(*part, context) for part in parts_of(window_blocks)] for window_blocks in blocks]

        def compute():
            for window_blocks in blocks:
                for part in parts_of(window_blocks):
                    difference_block(*part, context)

        def sums():
            accumulator = Accumulator.for_bands([*names, "all"])
            for window_parts in results:
                for number, block in enumerate(window_parts):
                    accumulator.add(block.kept_classes, block.kept_product, block.kept_reference,
                                    last=number == len(window_parts) - 1)

        def write():  # as the writer thread writes: class bands and compression in parts of whole output tiles
            grid = opened[0].grid
            with AtomicRaster(os.path.join(work, "out.tif"), band_count=len(names) + 1, numpy_dtype=np.float32,
                              nodata=-9999.0, creation_options=default_creation_options("GTiff"),
                              **grid.creation_geo()) as out:
                for window, window_parts in zip(all_windows, results):
                    difference = np.concatenate([block.difference for block in window_parts])
                    class_index = np.concatenate([block.class_index for block in window_parts])
                    for start, stop in column_chunks(window[0], window[2], window[3]):
                        bands_ = window_bands(difference[:, start:stop], class_index[:, start:stop], context, pool)
                        for index, values_ in enumerate(bands_):
                            out.GetRasterBand(index + 1).WriteArray(values_, window[0] + start, window[1])
                        out.FlushCache()
                        pool.give(*bands_[:-1])

        def whole():
            masked_difference(product, reference, qa, settings, OutputSpec(os.path.join(work, "whole.tif")))

        stages = [("read and decompress 3 input bands", best(read, args.runs)),
                  ("QA mask, difference, kept pixels", best(compute, args.runs)),
                  ("float64 running sums", best(sums, args.runs)),
                  ("class bands; write, compress 5 bands (ZSTD)", best(write, args.runs))]
        whole_cpu, io_cpu = [], []
        overlapped = best(whole, args.runs, whole_cpu)
        best(read, args.runs, io_cpu)
        best(write, args.runs, io_cpu)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    serial = sum(seconds for _, seconds in stages)
    print(f"one {args.size}x{args.size} pair, {len(all_windows)} windows, GDAL {gdal.__version__}, "
          f"numpy {np.__version__}, {os.cpu_count()} cores")
    for name, seconds in stages:
        print(f"  {name:48s} {seconds:6.3f} s  {seconds / serial:5.1%}")
    print(f"  {'sum of the stages (serial)':48s} {serial:6.3f} s")
    print(f"  {'the whole run, overlapped (masked_difference)':48s} {overlapped:6.3f} s")
    cores = os.cpu_count() or 1
    print(f"CPU of every thread: the whole run {whole_cpu[0]:.3f} s, so at least {whole_cpu[0] / cores:.3f} s on "
          f"{cores} cores however well it overlaps; the reading and writing stages alone (what an I/O floor does, "
          f"with the class bands) {sum(io_cpu):.3f} s")
    if args.memory_size:
        print(memory_budget(args.memory_size))


if __name__ == "__main__":
    main()
