"""The one block engine: every raster operation is a pure function of one window's arrays, run here.

``run_blocks`` owns what every pass needs and no operation should write again: the windows
(on input blocks and output tiles), the reader thread that fetches the next window while this
one is computed, the writer thread that writes and compresses the last one, dropping GDAL's
cached blocks once used, progress and cancel. An operation gives the bands to read, the output
bands to write and ``compute(window, *blocks) -> arrays``; its statistics stay in its own hands.
"""
from __future__ import annotations

import os
import threading

import numpy as np

from .pipeline import BackgroundWriter, prefetch
from .progress import SILENT
from .readers import numpy_type, read_window, windows
from .writers import OUTPUT_TILE, flush_written, release_blocks, write_window

WRITER_DEPTH = 1  # windows computed ahead of the one being written: each one more is a window of every band
WRITE_PIXELS = 1 << 18  # pixels of a window written and compressed at once: GDAL caches them in every output band


class BufferPool:
    """Window arrays handed back once used, for the next window of any shape that fits in one of them.

    A fresh array of a few MB is new memory the kernel must fault in and zero page by page (measured: a
    fifth of a pair's CPU time); a reused one is not. Buffers are kept by size, not shape, so the narrower
    last column of windows reuses the wide ones' memory. Thread-safe: the writer hands arrays back.
    """

    def __init__(self):
        self._free = []  # flat uint8 buffers nobody uses
        self._made = {}  # id -> every buffer this pool made (held, so ids stay theirs)
        self._lock = threading.Lock()

    @property
    def held_bytes(self) -> int:
        """Memory of every buffer this pool made (in use or free): its share of a run's memory."""
        with self._lock:
            return sum(buffer.nbytes for buffer in self._made.values())

    def take(self, shape, dtype) -> np.ndarray:
        """An uninitialised C-contiguous array of this shape and type, in a used buffer when one is large enough."""
        dtype = np.dtype(dtype)
        size = int(np.prod(shape)) * dtype.itemsize
        with self._lock:
            fitting = [index for index, free in enumerate(self._free) if free.nbytes >= size]
            buffer = None
            if fitting:  # the smallest that fits; taken out by position (list.remove would compare arrays)
                buffer = self._free.pop(min(fitting, key=lambda index: self._free[index].nbytes))
        if buffer is None:
            buffer = np.empty(size, np.uint8)
            with self._lock:
                self._made[id(buffer)] = buffer
        return buffer[:size].view(dtype).reshape(shape)

    def give(self, *arrays, keep=()) -> None:
        """Arrays nobody uses any more, but for those in the buffers of ``keep``; only buffers this pool made go
        back into it."""
        kept = {id(_owner(array)) for array in keep}
        owners = {id(owner): owner for owner in map(_owner, arrays) if id(owner) not in kept}
        with self._lock:
            free = {id(buffer) for buffer in self._free}
            self._free.extend(owner for key, owner in owners.items()
                              if self._made.get(key) is owner and key not in free)


def _owner(array):
    """The array whose memory ``array`` views (itself when it owns its memory)."""
    while isinstance(array, np.ndarray) and array.base is not None:
        array = array.base
    return array


def halo_window(window, pixels: int, width: int, height: int):
    """(the window grown by ``pixels`` on every side within the raster, (rows, columns) it grew above and left):
    what an operation over neighbourhoods (a buffer) reads to give the same result as on the whole raster."""
    xoff, yoff, xsize, ysize = window
    x0, y0 = max(0, xoff - pixels), max(0, yoff - pixels)
    x1, y1 = min(width, xoff + xsize + pixels), min(height, yoff + ysize + pixels)
    return (x0, y0, x1 - x0, y1 - y0), (yoff - y0, xoff - x0)


def column_chunks(xoff: int, xsize: int, rows: int, pixels: int | None = None) -> list:
    """(start, stop) columns of a window written at once: about ``pixels``, cut at whole output tiles (counted
    from the raster's edge), so GDAL caches a part of the window's output tiles, not all of them."""
    width = max(OUTPUT_TILE, (pixels or WRITE_PIXELS) // max(rows, 1) // OUTPUT_TILE * OUTPUT_TILE)
    cuts = range((xoff // width + 1) * width, xoff + xsize, width)
    edges = [xoff, *cuts, xoff + xsize]
    return [(start - xoff, stop - xoff) for start, stop in zip(edges, edges[1:])]


def run_blocks(inputs, outputs, compute, progress=SILENT, pool=None, prepare=None, halos=None) -> None:
    """Read ``inputs`` (GDAL bands on one pixel grid) window by window and write ``compute``'s arrays.

    ``outputs`` lists (GDAL band, index): band receives ``compute(...)[index]`` of each window, so one
    computed array may go to several files (a class band and its own class file).
    Each GDAL dataset is used by one thread: inputs by the reader, outputs by the writer. With a ``pool``,
    input blocks are read into its arrays and given back after ``compute``, and the arrays ``compute``
    returns are given back once written: ``compute`` must keep no reference to either.
    ``prepare(arrays, pool)``, when given, runs in the writer thread and turns what ``compute`` returned into
    the arrays ``outputs`` index: bands cheap to derive (class bands from the difference and the class index)
    then take memory only while their window is written, not while it waits in the queue. A window is written
    in parts of whole output tiles (``column_chunks``): ``prepare`` gets the parts of the arrays, one at a time.
    ``halos`` {input index: pixels}: that input's blocks are read grown by ``halo_window``.
    """
    pool = pool or BufferPool()
    inputs, _owners = one_dataset_per_file(inputs)  # the owners stay alive as long as the bands are read
    all_windows = list(windows(inputs[0], align=OUTPUT_TILE))
    input_datasets = _datasets(inputs)
    output_datasets = _datasets(band for band, _ in outputs)
    input_types = [numpy_type(band) for band in inputs]

    halos = halos or {}
    size = (inputs[0].XSize, inputs[0].YSize)
    row_readers = {index: RowsReadOnce(band, dtype) for index, (band, dtype) in enumerate(zip(inputs, input_types))
                   if index not in halos and not blocks_fit(band, all_windows)}

    def read(window):
        blocks = []
        for index, (band, dtype) in enumerate(zip(inputs, input_types)):
            part = halo_window(window, halos[index], *size)[0] if index in halos else window
            out = pool.take((part[3], part[2]), dtype)
            blocks.append(row_readers[index].read(part, out) if index in row_readers else read_window(band, part, out))
        release_blocks(*input_datasets)  # each block is read once
        return blocks

    def write_job(arrays, window):
        def job():
            for start, stop in column_chunks(window[0], window[2], window[3]):
                part = [array[:, start:stop] for array in arrays]
                bands = prepare(part, pool) if prepare else part
                for band, index in outputs:
                    write_window(band, bands[index], window[0] + start, window[1])
                flush_written(*output_datasets)  # finished tiles are compressed and written now, errors checked
                pool.give(*bands, keep=arrays)  # the class bands; the computed arrays once all is written
            pool.give(*arrays)

        return job

    with BackgroundWriter(depth=WRITER_DEPTH) as writer:
        for done, (window, blocks) in enumerate(prefetch(all_windows, read)):
            progress.check()
            arrays = compute(window, *blocks)
            pool.give(*blocks)
            if outputs:
                writer.submit(write_job(arrays, window))
            progress.report((done + 1) / len(all_windows))


def blocks_fit(band, all_windows) -> bool:
    """Whether every window covers whole blocks of ``band`` (or reaches its edge): then no block is read twice."""
    block_width, block_height = band.GetBlockSize()
    width, height = band.XSize, band.YSize
    for xoff, yoff, xsize, ysize in all_windows:
        if yoff % block_height or ((yoff + ysize) % block_height and yoff + ysize != height):
            return False
        if block_width >= width and xsize < width:  # strips under windows cut across columns
            return False
        if block_width < width and (xoff % block_width or ((xoff + xsize) % block_width and xoff + xsize != width)):
            return False
    return True


class RowsReadOnce:
    """Full-width rows of an input whose blocks do not fit the windows (an HDF4 reference read by GDAL in row
    bands of 416 under windows of 256, strips under windows cut across columns), read once each.

    Rows are read up to the end of a block row and those a later window needs are kept: otherwise GDAL decodes a
    block again for every window it meets, and an HDF4 dataset compressed as a whole restarts from its first row
    each time (measured: 4.7x the time of one read of the whole band). Holds at most a window's rows and one block
    row, full width.
    """

    def __init__(self, band, dtype):
        self.band, self.block_height = band, max(1, band.GetBlockSize()[1])
        self.first, self.rows = 0, np.empty((0, band.XSize), dtype)

    def read(self, window, out: np.ndarray) -> np.ndarray:
        xoff, yoff, xsize, ysize = window
        end, held_end = yoff + ysize, self.first + len(self.rows)
        if not self.first <= yoff <= end <= held_end:
            kept = self.rows[yoff - self.first:] if self.first <= yoff <= held_end else self.rows[:0]
            start = yoff + len(kept)
            stop = min(self.band.YSize, -(-end // self.block_height) * self.block_height)
            new = read_window(self.band, (0, start, self.band.XSize, stop - start))
            self.rows, self.first = (np.concatenate([kept, new]) if len(kept) else new), yoff
        np.copyto(out, self.rows[yoff - self.first:end - self.first, xoff:xoff + xsize])
        return out


def one_dataset_per_file(bands) -> tuple:
    """(the bands, each read through the first dataset opened on its file; the datasets they were taken from).

    A file opened twice (the product's LAI band and its QA band, each opened by itself) would have GDAL decode
    every block once per dataset, and a pixel-interleaved block holds both bands (measured: the product's DEFLATE
    decoded twice, 0.08 s of a 2400x2400 pair). Datasets without a name (a warped VRT) are left as they are. The
    caller keeps the datasets while it uses the bands: GDAL 3.8+ invalidates a band once the Python dataset it
    came from is gone."""
    first, shared = {}, []
    for band in bands:
        dataset = band.GetDataset()
        name = dataset.GetDescription()
        key = (dataset.GetDriver().ShortName, name)
        owner = first.setdefault(key, dataset) if name and os.path.exists(name) else dataset
        shared.append(band if owner is dataset else owner.GetRasterBand(band.GetBand()))
    return shared, list(first.values())


def every_band(dataset, first_index: int = 0) -> list:
    """``outputs`` entries writing computed array ``first_index + k`` into band k + 1 of ``dataset``."""
    return [(dataset.GetRasterBand(k + 1), first_index + k) for k in range(dataset.RasterCount)]


def _datasets(bands) -> list:
    """Each band's dataset once, in order."""
    found = {}
    for band in bands:
        dataset = band.GetDataset()
        found.setdefault(int(dataset.this), dataset)  # each GetDataset() is a new Python wrapper
    return list(found.values())
