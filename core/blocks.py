"""The one block engine: every raster operation is a pure function of one window's arrays, run here.

``run_blocks`` owns what every pass needs and no operation should write again: the windows
(on input blocks and output tiles), the reader thread that fetches the next window while this
one is computed, the writer thread that writes and compresses the last one, dropping GDAL's
cached blocks once used, progress and cancel. An operation gives the bands to read, the output
bands to write and ``compute(window, *blocks) -> arrays``; its statistics stay in its own hands.
"""
from __future__ import annotations

from .pipeline import BackgroundWriter, prefetch
from .progress import SILENT
from .readers import read_window, windows
from .writers import OUTPUT_TILE, flush_written, release_blocks, write_window


def run_blocks(inputs, outputs, compute, progress=SILENT) -> None:
    """Read ``inputs`` (GDAL bands on one pixel grid) window by window and write ``compute``'s arrays.

    ``outputs`` lists (GDAL band, index): band receives ``compute(...)[index]`` of each window, so one
    computed array may go to several files (a class band and its own class file).
    Each GDAL dataset is used by one thread: inputs by the reader, outputs by the writer.
    """
    all_windows = list(windows(inputs[0], align=OUTPUT_TILE))
    input_datasets = _datasets(inputs)
    output_datasets = _datasets(band for band, _ in outputs)

    def read(window):
        blocks = [read_window(band, window) for band in inputs]
        release_blocks(*input_datasets)  # each block is read once
        return blocks

    def write_job(arrays, window):
        def job():
            for band, index in outputs:
                write_window(band, arrays[index], window[0], window[1])
            flush_written(*output_datasets)  # finished tile rows are compressed and written now, errors checked

        return job

    with BackgroundWriter() as writer:
        for done, (window, blocks) in enumerate(prefetch(all_windows, read)):
            progress.check()
            arrays = compute(window, *blocks)
            if outputs:
                writer.submit(write_job(arrays, window))
            progress.report((done + 1) / len(all_windows))


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
