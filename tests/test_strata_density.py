"""Strata and the exact density against numpy worked out here: per stratum and class, on another grid, pooled
over the pairs of a batch, and their messages."""
import csv

import numpy as np
import pytest
from helpers import batch_request, read_band, run_difference, sample_folders
from osgeo import gdal

from laiqa.core.batch import run_batch
from laiqa.core.density import read_density, read_density_file
from laiqa.core.errors import LaiQaError
from laiqa.core.inputs import DifferenceSettings, RasterInput
from laiqa.core.qa.scheme import load_preset
from laiqa.core.strata import LC_TYPE3, StrataInput, parse_strata_labels

OWN = load_preset("own_lai")
CLASSES = ["DRT", "ECO", "WAT", "TIM"]


def write_strata(path, values, geotransform, wkt, gdal_type=gdal.GDT_Byte, nodata=255):
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), values.shape[1], values.shape[0], 1, gdal_type)
    dataset.SetGeoTransform(geotransform)
    dataset.SetProjection(wkt)
    dataset.GetRasterBand(1).WriteArray(values)
    if nodata is not None:
        dataset.GetRasterBand(1).SetNoDataValue(nodata)
    dataset = None
    return str(path)


def kept(own_path, glass_path):
    """LAI, class and keep mask of every pixel, worked out from the raw values (own product against GLASS)."""
    own, qa, glass = read_band(own_path, 1), read_band(own_path, 2).astype(np.int64), read_band(glass_path)
    keep = (own <= 30000) & (own != 32767) & (glass >= 0) & (glass <= 1000) & ((qa & 3) != 3)
    return own * 0.001, glass * 0.01, (qa >> 2) & 3, keep


def coarse_strata_under(product_path, factor, values):
    """The stratum under each product pixel's centre of a raster ``factor`` times coarser from the same origin."""
    height, width = read_band(product_path).shape
    rows, cols = np.indices((height, width))
    return values[rows // factor, cols // factor]


def figures(product, reference):
    """n, bias, RMSE, the RMA slope and the GCOS share written out."""
    d = product - reference
    sxx = ((reference - reference.mean()) ** 2).sum()
    syy = ((product - product.mean()) ** 2).sum()
    sxy = ((reference - reference.mean()) * (product - product.mean())).sum()
    return {"n": len(d), "bias": d.mean(), "rmse": np.sqrt((d ** 2).mean()),
            "slope_rma": np.sign(sxy) * np.sqrt(syy / sxx),
            "gcos_share": np.mean(np.abs(d) <= np.maximum(0.5, 0.2 * reference))}


def check_rows(rows, stratum_of_pixel, names, product, reference, classes, keep):
    by_key = {(row["stratum"], row["class"]): row for row in rows}
    expected_keys = set()
    for value, name in names.items():
        in_stratum = keep & (stratum_of_pixel == value)
        if not in_stratum.any():
            continue
        for index, class_name in [*enumerate(CLASSES), (None, "all")]:
            chosen = in_stratum if index is None else in_stratum & (classes == index)
            if not chosen.any():
                continue
            expected_keys.add((name, class_name))
            row = by_key[(name, class_name)]
            for figure, value_expected in figures(product[chosen], reference[chosen]).items():
                assert float(row[figure]) == pytest.approx(value_expected, rel=1e-9, abs=1e-12), (name, class_name)
    assert {key for key, row in by_key.items() if int(row["n"])} == expected_keys


@pytest.fixture(scope="module")
def tile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("strata")
    made = sample_folders(folder, 96, tiles=1)
    own_path, glass_path = next(iter(made["tiles"].values()))
    return folder, own_path, glass_path


def test_a_window_computed_and_written_in_parts_gives_the_same_bits(tile, monkeypatch):
    """Parts change only the memory: every sum, count, sample and pixel is that of whole windows."""
    import laiqa.core.blocks
    import laiqa.core.difference
    from laiqa.core.inputs import BufferSpec

    folder, own_path, glass_path = tile
    product = gdal.Open(own_path)
    x0, dx, _, y0, _, dy = product.GetGeoTransform()
    values = np.random.default_rng(4).integers(0, 11, (48, 48)).astype(np.uint8)
    strata_path = write_strata(folder / "parts.tif", values, (x0, 2 * dx, 0, y0, 0, 2 * dy), product.GetProjection())

    def run(name):
        return run_difference(own_path, glass_path, folder / name / "d.tif", OWN, class_folder=folder / name,
                              strata=StrataInput(RasterInput(strata_path), preset="mcd12q1_lc_type3"),
                              sample_points=500, density=True, buffer=BufferSpec(1))

    whole = run("whole")
    monkeypatch.setattr(laiqa.core.difference, "PART_PIXELS", 1000)  # parts of 4 rows, some with no kept pixel
    monkeypatch.setattr(laiqa.core.blocks, "WRITE_PIXELS", 16)
    parts = run("parts")
    assert parts.accumulator.sums.tobytes() == whole.accumulator.sums.tobytes()
    assert parts.strata_accumulator.sums.tobytes() == whole.strata_accumulator.sums.tobytes()
    assert (parts.density.counts == whole.density.counts).all()
    assert (parts.completeness_counts == whole.completeness_counts).all()
    for key in whole.sample:
        assert (parts.sample[key] == whole.sample[key]).all(), key
    for path in [whole.output, *whole.class_files.values()]:
        written = gdal.Open(path)
        again = gdal.Open(path.replace(str(folder / "whole"), str(folder / "parts")))
        for band in range(1, written.RasterCount + 1):
            assert written.GetRasterBand(band).ReadRaster() == again.GetRasterBand(band).ReadRaster()


def test_strata_on_a_coarser_grid_give_every_stratum_and_class_the_figures_of_its_pixels(tile):
    folder, own_path, glass_path = tile
    product = gdal.Open(own_path)
    x0, dx, _, y0, _, dy = product.GetGeoTransform()
    rng = np.random.default_rng(3)
    values = rng.integers(0, 13, (48, 48)).astype(np.uint8)  # 11 and 12 are no LC_Type3 class
    values[:4, :4] = 255  # nodata
    strata_path = write_strata(folder / "lc.tif", values, (x0, 2 * dx, 0, y0, 0, 2 * dy), product.GetProjection())
    result = run_difference(own_path, glass_path, folder / "d.tif", OWN,
                            strata=StrataInput(RasterInput(strata_path), preset="mcd12q1_lc_type3"))
    lai, reference, classes, keep = kept(own_path, glass_path)
    check_rows(result.strata_rows, coarse_strata_under(own_path, 2, values), LC_TYPE3, lai, reference, classes, keep)
    assert all(np.isnan(row["median_abs_difference"]) for row in result.strata_rows)
    assert any("nearest neighbour onto the product grid" in note for note in result.notes)
    # the figures without strata are those of a run without them
    plain = run_difference(own_path, glass_path, folder / "plain.tif", OWN)
    assert repr(result.rows) == repr(plain.rows)  # bit for bit (repr: NaN equals NaN)


def test_without_labels_each_value_is_a_stratum_named_by_it(tile):
    folder, own_path, glass_path = tile
    product = gdal.Open(own_path)
    values = (np.arange(96 * 96).reshape(96, 96) % 3 + 40).astype(np.int16)
    strata_path = write_strata(folder / "plain.tif", values, product.GetGeoTransform(), product.GetProjection(),
                               gdal.GDT_Int16, nodata=None)
    result = run_difference(own_path, glass_path, folder / "d2.tif", OWN,
                            strata=StrataInput(RasterInput(strata_path)))
    lai, reference, classes, keep = kept(own_path, glass_path)
    check_rows(result.strata_rows, values, {40: "40", 41: "41", 42: "42"}, lai, reference, classes, keep)
    assert "same grid" in " ".join(result.notes)


def test_the_density_counts_every_kept_pixel_in_its_bin_pair(tile):
    folder, own_path, glass_path = tile
    result = run_difference(own_path, glass_path, folder / "d3.tif", OWN, density=True)
    path = str(folder / "density.npz")
    result.density.save(path)
    saved = read_density_file(path)
    lai, reference, classes, keep = kept(own_path, glass_path)
    bins = 300  # own product's 30 LAI maximum, capped at 15 LAI, in 0.05 LAI bins
    assert saved["classes"] == [*CLASSES, "all"]
    np.testing.assert_allclose(saved["edges"], np.arange(bins + 1) * 0.05)
    product_bin = np.clip(np.floor(lai * 20), 0, bins - 1).astype(int)
    reference_bin = np.clip(np.floor(reference * 20), 0, bins - 1).astype(int)
    for index, name in [*enumerate(CLASSES), (None, "all")]:
        chosen = keep if index is None else keep & (classes == index)
        expected = np.zeros((bins, bins), np.int64)
        np.add.at(expected, (product_bin[chosen], reference_bin[chosen]), 1)
        np.testing.assert_array_equal(saved["counts"][saved["classes"].index(name)], expected)
    assert saved["counts"][-1].sum() == result.rows[-1]["n"]


def test_a_batch_pools_strata_and_density_over_its_pairs(tmp_path):
    folders = sample_folders(tmp_path, 64, tiles=2)
    tiles = list(folders["tiles"].values())
    first = gdal.Open(tiles[0][0])
    _, dx, _, _, _, dy = first.GetGeoTransform()
    # one strata raster over both tiles (they lie side by side or one above the other), 4x coarser
    bounds = [gdal.Open(own).GetGeoTransform() for own, _ in tiles]
    left, top = min(g[0] for g in bounds), max(g[3] for g in bounds)
    right = max(g[0] + 64 * g[1] for g in bounds)
    bottom = min(g[3] + 64 * g[5] for g in bounds)
    width, height = round((right - left) / (4 * dx)), round((top - bottom) / (-4 * dy))
    values = np.random.default_rng(9).integers(0, 4, (height, width)).astype(np.uint8)
    strata_path = write_strata(tmp_path / "lc.tif", values, (left, 4 * dx, 0, top, 0, 4 * dy),
                               first.GetProjection())
    labels = parse_strata_labels("0=Bare;1=Grass;2=Crops;3=Forest")
    result = run_batch(batch_request(folders, workers=2, settings=DifferenceSettings(density=True),
                                     strata=StrataInput(RasterInput(strata_path), labels)), log=lambda line: None)
    assert result.failed == 0
    every = {"lai": [], "reference": [], "classes": [], "keep": [], "strata": []}
    for (own_path, glass_path), geotransform in zip(tiles, bounds):
        lai, reference, classes, keep = kept(own_path, glass_path)
        rows, cols = np.indices(lai.shape)
        # the strata pixel under each product pixel's centre
        column = np.floor((geotransform[0] + (cols + 0.5) * geotransform[1] - left) / (4 * dx)).astype(int)
        row = np.floor((geotransform[3] + (rows + 0.5) * geotransform[5] - top) / (4 * dy)).astype(int)
        for name, array in (("lai", lai), ("reference", reference), ("classes", classes), ("keep", keep),
                            ("strata", values[row, column])):
            every[name].append(array.ravel())
    every = {name: np.concatenate(arrays) for name, arrays in every.items()}
    with open(result.strata_csv, newline="", encoding="utf-8") as handle:
        pooled = [row for row in csv.DictReader(handle) if row["key"] == "all pairs"]
    check_rows(pooled, every["strata"], dict(labels), every["lai"], every["reference"], every["classes"],
               every["keep"])
    density = read_density(result.density)
    chosen = every["keep"]
    expected = np.zeros((300, 300), np.int64)
    np.add.at(expected, (np.floor(every["lai"][chosen] * 20).astype(int),
                         np.floor(every["reference"][chosen] * 20).astype(int)), 1)
    np.testing.assert_array_equal(density.counts.sum(axis=0), expected)
    per_pair = [read_density(pair.density_path).counts for pair in result.pairs]
    np.testing.assert_array_equal(density.counts, per_pair[0] + per_pair[1])
    # a second run reuses both pairs, densities included, and pools the same
    again = run_batch(batch_request(folders, workers=2, settings=DifferenceSettings(density=True),
                                    strata=StrataInput(RasterInput(strata_path), labels)), log=lambda line: None)
    assert [pair.status for pair in again.pairs] == ["skipped", "skipped"]
    np.testing.assert_array_equal(read_density(again.density).counts, density.counts)
    # a rewritten strata raster redoes every pair
    write_strata(strata_path, values[::-1].copy(), (left, 4 * dx, 0, top, 0, 4 * dy), first.GetProjection())
    lines = []
    third = run_batch(batch_request(folders, workers=2, settings=DifferenceSettings(density=True),
                                    strata=StrataInput(RasterInput(strata_path), labels)), log=lines.append)
    assert [pair.status for pair in third.pairs] == ["done", "done"]
    assert sum("its product, reference or strata file changed since" in line for line in lines) == 2


def test_a_damaged_density_file_makes_its_pair_run_again(tmp_path):
    folders = sample_folders(tmp_path, 32, tiles=1)
    request = batch_request(folders, workers=1, settings=DifferenceSettings(density=True))
    first = run_batch(request, log=lambda line: None)
    with open(first.pairs[0].density_path, "r+b") as handle:
        handle.seek(40)
        handle.write(b"\0\0\0\0")
    lines = []
    again = run_batch(request, log=lines.append)
    assert again.pairs[0].status == "done"
    assert any("density.npz' is not the file the earlier run wrote" in line for line in lines)


@pytest.mark.parametrize("text, message", [
    ("1=Grass;2", "Strata labels must look like 1=Grasslands;2=Shrublands with values 0-65535, got '2'"),
    ("x=Grass", "Strata labels must look like 1=Grasslands;2=Shrublands with values 0-65535, got 'x=Grass'"),
    ("70000=Grass", "with values 0-65535, got '70000=Grass'"),
    ("1=Grass;1=Crops", "Strata labels: value 1 has two labels, 'Grass' and 'Crops'"),
])
def test_bad_strata_labels_are_refused_with_their_reason(text, message):
    with pytest.raises(LaiQaError, match=None) as raised:
        parse_strata_labels(text)
    assert message in str(raised.value)


def test_labels_may_hold_spaces():
    assert parse_strata_labels(" 5=Evergreen broadleaf forests ; 1=Grasslands") == (
        (1, "Grasslands"), (5, "Evergreen broadleaf forests"))


def test_a_float_or_far_away_strata_raster_is_refused(tile):
    folder, own_path, glass_path = tile
    product = gdal.Open(own_path)
    floats = write_strata(folder / "float.tif", np.zeros((8, 8), np.float32), product.GetGeoTransform(),
                          product.GetProjection(), gdal.GDT_Float32, nodata=None)
    with pytest.raises(LaiQaError) as raised:
        run_difference(own_path, glass_path, folder / "x.tif", OWN, strata=StrataInput(RasterInput(floats)))
    assert str(raised.value) == (f"Strata band 1 of '{floats}' is Float32; strata need an integer class raster "
                                 "(Byte, UInt16, Int16, UInt32, Int32)")
    x0, dx, _, y0, _, dy = product.GetGeoTransform()
    far = write_strata(folder / "far.tif", np.zeros((8, 8), np.uint8), (x0 + 1e7, dx, 0, y0, 0, dy),
                       product.GetProjection())
    with pytest.raises(LaiQaError) as raised:
        run_difference(own_path, glass_path, folder / "y.tif", OWN, strata=StrataInput(RasterInput(far)))
    assert "does not overlap the product" in str(raised.value)
    assert not (folder / "x.tif").exists() and not (folder / "y.tif").exists()
