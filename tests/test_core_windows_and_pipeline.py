"""Windows cover a raster exactly once on block and tile edges; the read/write threads pass errors on."""
import numpy as np
import pytest
from osgeo import gdal

from laiqa.core.pipeline import BackgroundWriter, prefetch
from laiqa.core.readers import windows


def band_of(tmp_path, width, height, options):
    dataset = gdal.GetDriverByName("GTiff").Create(str(tmp_path / "w.tif"), width, height, 1, gdal.GDT_Byte, options)
    return dataset, dataset.GetRasterBand(1)


def coverage(all_windows, width, height):
    hits = np.zeros((height, width), np.int32)
    for xoff, yoff, xsize, ysize in all_windows:
        hits[yoff:yoff + ysize, xoff:xoff + xsize] += 1
    return hits


@pytest.mark.parametrize(
    "width, height, options, target, align",
    [
        (1000, 700, ["TILED=YES", "BLOCKXSIZE=128", "BLOCKYSIZE=128"], 100_000, 256),
        (1000, 700, [], 100_000, 256),  # strips of one row
        (300, 50, ["TILED=YES"], 1 << 20, 256),
        (5000, 600, ["TILED=YES", "BLOCKXSIZE=512", "BLOCKYSIZE=512"], 600_000, 256),
    ],
)
def test_windows_tile_the_raster_once_on_aligned_edges(tmp_path, width, height, options, target, align):
    _dataset, band = band_of(tmp_path, width, height, options)  # the band needs its dataset alive
    block_width, block_height = band.GetBlockSize()
    all_windows = list(windows(band, target_pixels=target, align=align))
    assert (coverage(all_windows, width, height) == 1).all()
    for xoff, yoff, xsize, ysize in all_windows:
        assert yoff % block_height == 0 and yoff % align == 0
        assert xoff % block_width == 0 or block_width == width
        assert xsize * ysize <= max(target, xsize * max(block_height, align))


def test_wide_tiled_rasters_are_cut_across_columns(tmp_path):
    _dataset, band = band_of(tmp_path, 20000, 512, ["TILED=YES"])
    all_windows = list(windows(band, target_pixels=1 << 20, align=256))
    assert {w[2] for w in all_windows} == {4096, 20000 - 4 * 4096}
    assert max(w[2] * w[3] for w in all_windows) <= 1 << 20


def test_prefetch_keeps_order_and_raises_the_readers_error():
    assert [value for _, value in prefetch(range(5), lambda i: i * i)] == [0, 1, 4, 9, 16]

    def read(item):
        if item == 3:
            raise OSError("disk read failed at 3")
        return item

    seen = []
    with pytest.raises(OSError, match="disk read failed at 3"):
        for item, _ in prefetch(range(10), read):
            seen.append(item)
    assert seen == [0, 1, 2]


def test_prefetch_stops_its_thread_when_the_consumer_stops_early():
    for item, _ in prefetch(range(1000), lambda i: i):
        if item == 2:
            break  # the generator's cleanup must not hang on a full queue


def test_writer_runs_jobs_in_order_and_reports_the_first_failure():
    done = []
    with BackgroundWriter() as writer:
        for i in range(6):
            writer.submit(lambda i=i: done.append(i))
    assert done == list(range(6))

    def failing():
        raise OSError("no space left on device")

    with pytest.raises(OSError, match="no space left"):
        with BackgroundWriter() as writer:
            writer.submit(failing)
            writer.submit(lambda: done.append("after failure"))
    assert "after failure" not in done


class CountingBand:
    """A band of known values that counts the rows each read asks for (GDAL decodes whole blocks of them)."""

    def __init__(self, values, block):
        self.values, self.block, self.rows_read = values, block, 0
        self.YSize, self.XSize = values.shape

    def GetBlockSize(self):  # noqa: N802 - GDAL's name
        return list(self.block)

    def ReadAsArray(self, xoff, yoff, xsize, ysize, buf_obj=None):  # noqa: N802 - GDAL's name
        self.rows_read += ysize
        return self.values[yoff:yoff + ysize, xoff:xoff + xsize].copy()


@pytest.mark.parametrize("width, height, block, product_options", [
    (600, 1000, (600, 416), ["TILED=YES"]),  # an HDF4 reference's row bands under 256-row windows
    (1000, 700, (1000, 1), ["TILED=YES", "BLOCKXSIZE=128", "BLOCKYSIZE=128"]),  # strips under column windows
])
def test_rows_of_a_misfitting_input_are_read_once_and_served_to_every_window(tmp_path, width, height, block,
                                                                              product_options):
    from laiqa.core.blocks import RowsReadOnce, blocks_fit
    _dataset, product = band_of(tmp_path, width, height, product_options)
    all_windows = list(windows(product, target_pixels=100_000, align=256))
    values = np.arange(width * height, dtype=np.int32).reshape(height, width)
    band = CountingBand(values, block)
    assert not blocks_fit(band, all_windows) and blocks_fit(product, all_windows)
    reader = RowsReadOnce(band, np.int32)
    for xoff, yoff, xsize, ysize in all_windows:
        out = np.empty((ysize, xsize), np.int32)
        assert reader.read((xoff, yoff, xsize, ysize), out) is out
        np.testing.assert_array_equal(out, values[yoff:yoff + ysize, xoff:xoff + xsize])
    assert band.rows_read == height  # every row once, though windows and blocks cut the rows differently


@pytest.mark.parametrize("xoff, xsize, rows", [(0, 4096, 256), (4096, 3904, 256), (0, 1200, 768), (300, 700, 256),
                                               (0, 50, 10)])
def test_a_window_is_written_in_parts_of_whole_output_tiles(xoff, xsize, rows):
    from laiqa.core.blocks import column_chunks
    from laiqa.core.writers import OUTPUT_TILE

    parts = column_chunks(xoff, xsize, rows, pixels=1 << 18)
    assert parts[0][0] == 0 and parts[-1][1] == xsize
    assert all(stop == start for (_, stop), (start, _) in zip(parts, parts[1:]))  # each column once
    assert all((xoff + stop) % OUTPUT_TILE == 0 for _, stop in parts[:-1])  # cut only at tile edges
    assert all((stop - start) * rows <= max(1 << 18, OUTPUT_TILE * rows) for start, stop in parts)


@pytest.mark.parametrize("rows, columns", [(256, 4096), (768, 1200), (64, 3904), (3, 1 << 20), (1, 5)])
def test_a_window_is_computed_in_parts_of_whole_rows(rows, columns):
    from laiqa.core.difference import row_parts

    parts = row_parts(rows, columns, pixels=1 << 18)
    assert parts[0].start == 0 and parts[-1].stop == rows
    assert all(one.stop == two.start for one, two in zip(parts, parts[1:]))
    assert all((part.stop - part.start) * columns <= max(1 << 18, columns) for part in parts)


def test_a_file_opened_twice_is_read_through_one_dataset(tmp_path):
    """The product's LAI band and its QA band, opened one by one, are read through the first dataset (GDAL would
    decode each pixel-interleaved block once per dataset); a dataset without a file (a warped VRT) is left alone."""
    from laiqa.core.blocks import one_dataset_per_file
    path = str(tmp_path / "two.tif")
    values = np.arange(2 * 40 * 30, dtype=np.int16).reshape(2, 40, 30)
    dataset = gdal.GetDriverByName("GTiff").Create(path, 30, 40, 2, gdal.GDT_Int16, ["TILED=YES"])
    for index in range(2):
        dataset.GetRasterBand(index + 1).WriteArray(values[index])
    dataset = None
    first, second = gdal.Open(path), gdal.Open(path)
    unnamed = gdal.GetDriverByName("MEM").Create("", 30, 40, 1, gdal.GDT_Int16)
    bands, _owners = one_dataset_per_file([first.GetRasterBand(1), unnamed.GetRasterBand(1),
                                           second.GetRasterBand(2)])
    assert int(bands[2].GetDataset().this) == int(first.this) and bands[2].GetBand() == 2
    assert int(bands[1].GetDataset().this) == int(unnamed.this)
    np.testing.assert_array_equal(bands[2].ReadAsArray(), values[1])
