"""The masked difference against numpy worked out in the test, the article's own algorithm, and GDAL grids."""
import os

import numpy as np
import pytest
from helpers import read_band, run_difference
from osgeo import gdal, osr

from laiqa.core.difference import DIFFERENCE_NODATA
from laiqa.core.errors import Cancelled, LaiQaError
from laiqa.core.modis_tiles import MODIS_SINUSOIDAL_WKT, tile_geotransform
from laiqa.core.progress import Progress
from laiqa.core.qa.scheme import load_preset

OWN = load_preset("own_lai")
UTM50 = 32650


def srs_wkt(epsg):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    return srs.ExportToWkt()


def write(path, arrays, gdal_type, geotransform=None, wkt=None, scale=None, nodata=None):
    arrays = arrays if isinstance(arrays, list) else [arrays]
    height, width = arrays[0].shape
    driver = "HDF4Image" if str(path).endswith(".hdf") else "GTiff"
    dataset = gdal.GetDriverByName(driver).Create(str(path), width, height, len(arrays), gdal_type)
    if geotransform:
        dataset.SetGeoTransform(geotransform)
        dataset.SetProjection(wkt)
    for index, array in enumerate(arrays):
        band = dataset.GetRasterBand(index + 1)
        band.WriteArray(array)
        if scale is not None:
            band.SetScale(scale)
        if nodata is not None:
            band.SetNoDataValue(nodata)
    dataset = None
    return str(path)


@pytest.fixture
def pair(tmp_path):
    """A 6x9 own product (LAI x0.001, QA) and a GLASS-like reference (x0.01) on one UTM grid."""
    rng = np.random.default_rng(7)
    shape = (6, 9)
    own = rng.integers(0, 7000, shape).astype(np.int16)
    own[0, 0], own[1, 1] = 32767, 30001  # fill, and above the valid maximum
    glass = rng.integers(0, 700, shape).astype(np.int16)
    glass[2, 2], glass[3, 3] = 2550, -5  # fill above 1000, and below 0
    qa = rng.integers(0, 16, shape).astype(np.int16)
    geotransform = (400000.0, 500.0, 0.0, 3000000.0, 0.0, -500.0)
    product = write(tmp_path / "own_h25v05.tif", [own, qa], gdal.GDT_Int16, geotransform, srs_wkt(UTM50))
    reference = write(tmp_path / "glass.tif", glass, gdal.GDT_Int16, geotransform, srs_wkt(UTM50))
    return {"own": own, "glass": glass, "qa": qa, "product": product, "reference": reference,
            "geotransform": geotransform, "dir": tmp_path}


def expected_bands(own, glass, qa):
    """Worked out here: valid both sides, QA quality != 3, LAI = raw * scale, split by bits 2-3."""
    quality, algorithm = qa.astype(np.int64) & 3, (qa.astype(np.int64) >> 2) & 3
    keep = (own <= 30000) & (own != 32767) & (glass >= 0) & (glass <= 1000) & (quality != 3)
    difference = own * 0.001 - glass * 0.01
    bands = [np.where(keep & (algorithm == k), difference, DIFFERENCE_NODATA) for k in range(4)]
    return [*bands, np.where(keep, difference, DIFFERENCE_NODATA)], keep, algorithm


def test_bands_hold_the_difference_per_algorithm(pair):
    out = str(pair["dir"] / "diff.tif")
    result = run_difference(pair["product"], pair["reference"], out, OWN)
    expected, _, _ = expected_bands(pair["own"], pair["glass"], pair["qa"])
    dataset = gdal.Open(out)
    assert [dataset.GetRasterBand(i + 1).GetDescription() for i in range(5)] == ["DRT", "ECO", "WAT", "TIM", "all"]
    assert dataset.GetRasterBand(1).DataType == gdal.GDT_Float32
    assert dataset.GetRasterBand(1).GetNoDataValue() == DIFFERENCE_NODATA
    for index, band in enumerate(expected):
        np.testing.assert_allclose(read_band(out, index + 1), band, atol=1e-5)
    assert result.band_names == ["DRT", "ECO", "WAT", "TIM", "all"]


def test_statistics_equal_numpy_over_the_kept_pixels(pair):
    result = run_difference(pair["product"], pair["reference"],
                                                 str(pair["dir"] / "d.tif"), OWN)
    _, keep, algorithm = expected_bands(pair["own"], pair["glass"], pair["qa"])
    rows = {row["class"]: row for row in result.rows}
    for name, selected in [("ECO", keep & (algorithm == 1)), ("all", keep)]:
        p = pair["own"][selected] * 0.001
        r = pair["glass"][selected] * 0.01
        d = p - r
        slope, intercept = np.polyfit(r, p, 1)
        row = rows[name]
        assert row["n"] == selected.sum()
        assert row["mean_product"] == pytest.approx(p.mean(), rel=1e-6)
        assert row["mean_reference"] == pytest.approx(r.mean(), rel=1e-6)
        assert row["bias"] == pytest.approx(d.mean(), rel=1e-5, abs=1e-7)
        assert row["mae"] == pytest.approx(np.abs(d).mean(), rel=1e-6)
        assert row["rmse"] == pytest.approx(np.sqrt((d * d).mean()), rel=1e-6)
        assert row["sd"] == pytest.approx(np.std(d, ddof=1), rel=1e-5)
        assert row["r"] == pytest.approx(np.corrcoef(p, r)[0, 1], rel=1e-6)
        assert row["slope"] == pytest.approx(slope, rel=1e-5)
        assert row["intercept"] == pytest.approx(intercept, rel=1e-4, abs=1e-6)
        gcos = np.abs(d) <= np.maximum(0.5, 0.2 * r)
        assert row["gcos_share"] == pytest.approx(gcos.mean())


def test_user_values_override_file_metadata_which_overrides_the_preset(tmp_path, pair):
    own = pair["own"].clip(0, 7000)
    product = write(tmp_path / "scaled.tif", [own, np.zeros_like(own)], gdal.GDT_Int16, pair["geotransform"],
                    srs_wkt(UTM50), scale=0.002)
    result = run_difference(product, pair["reference"], str(tmp_path / "d.tif"), OWN, split_field="", rule="",
                            reference_overrides={"scale": 0.02})
    glass = pair["glass"]
    valid = (glass >= 0) & (glass <= 1000)
    expected = np.where(valid, own * 0.002 - glass * 0.02, DIFFERENCE_NODATA)
    np.testing.assert_allclose(read_band(str(tmp_path / "d.tif")), expected, atol=1e-5)
    assert "scale 0.002 (file metadata)" in result.notes[2]
    assert "scale 0.02 (user)" in result.notes[3]


def article_outputs(own, qa, glass):
    """The article's computation, as written (string decoding, its thresholds, x1000 storage)."""
    rt_fin = np.where(own > 30000, np.nan, own) * 0.001
    gl_fin = np.where(glass > 1000, np.nan, glass) * 0.01
    lai_dif = (rt_fin - gl_fin) * 1000
    b = qa.copy()
    for i in range(b.shape[0]):
        for j in range(b.shape[1]):
            b[i][j] = "{:012b}".format(b[i][j])[-4:]  # noqa: UP032 - the article's own code
    return {
        "DRT": np.where((b >= 100) | (b == 11), np.nan, lai_dif),
        "ECO": np.where((b < 100) | (b == 111), np.nan, lai_dif),
        "WAT": np.where((b < 1000) | (b == 1011), np.nan, lai_dif),
        "TIM": np.where((b < 1100) | (b == 1111), np.nan, lai_dif),
    }


def test_equals_the_article_on_sample_tiles_within_each_class(sample_dir, tmp_path):
    own_path, glass_path = sample_dir[1]["h12v03"]
    out = str(tmp_path / "d.tif")
    run_difference(own_path, glass_path, out, OWN)
    own, qa = read_band(own_path, 1), read_band(own_path, 2)
    article = article_outputs(own, qa, read_band(glass_path))
    algorithm = (qa.astype(np.int64) >> 2) & 3
    for index, name in enumerate(["DRT", "ECO", "WAT", "TIM"]):
        ours = read_band(out, index + 1).astype(np.float64)
        has_value = ours != DIFFERENCE_NODATA
        np.testing.assert_allclose(ours[has_value], article[name][has_value] * 0.001, atol=1e-5)
        # where the article has a value and we do not, it is the article's missing upper bound:
        # pixels of a later algorithm class (ECO keeps WAT and TIM, WAT keeps TIM), never of its own class
        extra = ~np.isnan(article[name]) & ~has_value
        assert not (extra & (algorithm == index)).any()
        assert (extra.any()) == (name in ("ECO", "WAT"))


def test_non_square_rasters_keep_width_and_height(tmp_path):
    rows, cols = 5, 8
    own = np.full((rows, cols), 2000, np.int16)
    glass = np.full((rows, cols), 150, np.int16)
    geotransform = (0.0, 10.0, 0.0, 0.0, 0.0, -10.0)
    product = write(tmp_path / "p.tif", [own, np.zeros_like(own)], gdal.GDT_Int16, geotransform, srs_wkt(UTM50))
    reference = write(tmp_path / "r.tif", glass, gdal.GDT_Int16, geotransform, srs_wkt(UTM50))
    out = str(tmp_path / "d.tif")
    run_difference(product, reference, out, OWN)
    dataset = gdal.Open(out)
    # The article's driver.Create(path, row, col, ...) would make this 5 wide and 8 tall.
    assert (dataset.RasterXSize, dataset.RasterYSize) == (cols, rows)
    np.testing.assert_allclose(read_band(out, 5), np.full((rows, cols), 0.5), atol=1e-6)


def grid_pair(tmp_path, reference, reference_geotransform, reference_wkt=None, product_size=8):
    own = (np.arange(product_size * product_size).reshape(product_size, product_size) * 50).astype(np.int16)
    product = write(tmp_path / "p.tif", [own, np.zeros_like(own)], gdal.GDT_Int16,
                    (1000.0, 10.0, 0.0, 2000.0, 0.0, -10.0), srs_wkt(UTM50))
    ref_path = write(tmp_path / "r.tif", reference, gdal.GDT_Int16, reference_geotransform,
                     reference_wkt or srs_wkt(UTM50))
    out = str(tmp_path / "d.tif")
    return own, product, ref_path, out


def test_coarser_reference_takes_nearest_parent_pixel(tmp_path):
    reference = (np.arange(16).reshape(4, 4) * 10).astype(np.int16)
    own, product, ref_path, out = grid_pair(tmp_path, reference, (1000.0, 20.0, 0.0, 2000.0, 0.0, -20.0))
    result = run_difference(product, ref_path, out, OWN, split_field="", rule="")
    parent = np.repeat(np.repeat(reference, 2, axis=0), 2, axis=1)
    np.testing.assert_allclose(read_band(out), own * 0.001 - parent * 0.01, atol=1e-5)
    assert "GDAL warp (nearest)" in result.notes[-1]


def test_finer_reference_is_averaged_without_its_fill_values(tmp_path):
    reference = (np.arange(256).reshape(16, 16) % 97 * 5).astype(np.int16)
    reference[0, 0] = 2550  # fill: the first product pixel averages the other three
    own, product, ref_path, out = grid_pair(tmp_path, reference, (1000.0, 5.0, 0.0, 2000.0, 0.0, -5.0))
    result = run_difference(product, ref_path, out, OWN, split_field="", rule="")
    blocks = reference.reshape(8, 2, 8, 2).astype(np.float64)
    mean = blocks.mean(axis=(1, 3))
    mean[0, 0] = (reference[0, 1] + reference[1, 0] + reference[1, 1]) / 3
    np.testing.assert_allclose(read_band(out), own * 0.001 - mean * 0.01, atol=1e-4)
    assert "GDAL warp (average)" in result.notes[-1]


def test_average_is_the_mean_of_the_valid_fine_pixels_and_nodata_only_where_none_is_valid(tmp_path):
    # A reference with no valid range of its own (preset "file"): a leaked warp sentinel would show as
    # differences of about 1e35 LAI instead of being dropped by the range test.
    reference = (np.arange(256).reshape(16, 16) % 89 * 7).astype(np.int16)
    reference[0:2, 2:4] = 2550  # all four fine pixels of product pixel (0, 1) are fill
    reference[5, 6] = 2550  # one of four under product pixel (2, 3)
    reference[8, 8] = reference[9, 9] = 2550  # two of four under product pixel (4, 4)
    own, product, ref_path, out = grid_pair(tmp_path, reference, (1000.0, 5.0, 0.0, 2000.0, 0.0, -5.0))
    write(ref_path, reference, gdal.GDT_Int16, (1000.0, 5.0, 0.0, 2000.0, 0.0, -5.0), srs_wkt(UTM50), nodata=2550)
    run_difference(product, ref_path, out, OWN, split_field="", rule="",
                                        reference_preset="file", resampling="average")
    blocks = np.ma.masked_equal(reference.reshape(8, 2, 8, 2).swapaxes(1, 2).reshape(8, 8, 4), 2550)
    mean = blocks.astype(np.float64).mean(axis=2)  # mean of the valid fine pixels only
    expected = np.where(mean.mask, DIFFERENCE_NODATA, own * 0.001 - mean.filled(0))
    assert expected[0, 1] == DIFFERENCE_NODATA
    np.testing.assert_allclose(read_band(out), expected, atol=1e-4)


def test_bilinear_weighs_only_the_valid_neighbours(tmp_path):
    # The reference is shifted half a pixel: each product centre sits on the corner of four reference
    # pixels, so bilinear is their plain mean; fill among them is left out, not mixed in. A centre on a
    # corner lies in the pixel below and to the right: where that one is fill, there is no value.
    reference = (np.arange(100).reshape(10, 10) * 9 % 700).astype(np.int16)
    reference[3, 4] = 2550
    reference[6, 6] = reference[6, 7] = reference[7, 6] = reference[7, 7] = 2550
    own, product, ref_path, out = grid_pair(tmp_path, reference, (985.0, 10.0, 0.0, 2015.0, 0.0, -10.0))
    run_difference(product, ref_path, out, OWN, split_field="", rule="",
                                        resampling="bilinear")
    expected = np.full((8, 8), DIFFERENCE_NODATA)
    for row in range(8):
        for col in range(8):
            neighbours = reference[row + 1:row + 3, col + 1:col + 3].ravel()
            valid = neighbours[neighbours != 2550]
            if reference[row + 2, col + 2] != 2550:
                expected[row, col] = own[row, col] * 0.001 - valid.mean() * 0.01
    assert expected[1, 2] == DIFFERENCE_NODATA and expected[2, 3] != DIFFERENCE_NODATA
    np.testing.assert_allclose(read_band(out), expected, atol=1e-4)


def test_nearest_takes_fill_as_nodata_not_a_neighbour(tmp_path):
    reference = (np.arange(16).reshape(4, 4) * 10).astype(np.int16)
    reference[1, 2] = 2550
    own, product, ref_path, out = grid_pair(tmp_path, reference, (1000.0, 20.0, 0.0, 2000.0, 0.0, -20.0))
    run_difference(product, ref_path, out, OWN, split_field="", rule="", resampling="nearest")
    parent = np.repeat(np.repeat(reference, 2, axis=0), 2, axis=1)
    expected = np.where(parent == 2550, DIFFERENCE_NODATA, own * 0.001 - parent * 0.01)
    np.testing.assert_allclose(read_band(out), expected, atol=1e-5)


def test_shifted_reference_leaves_uncovered_pixels_nodata(tmp_path):
    reference = (np.arange(64).reshape(8, 8) * 3).astype(np.int16)
    # one pixel to the east: product column c sees reference column c - 1
    own, product, ref_path, out = grid_pair(tmp_path, reference, (1010.0, 10.0, 0.0, 2000.0, 0.0, -10.0))
    run_difference(product, ref_path, out, OWN, split_field="", rule="",
                                        resampling="nearest")
    expected = np.full((8, 8), DIFFERENCE_NODATA)
    expected[:, 1:] = own[:, 1:] * 0.001 - reference[:, :-1] * 0.01
    np.testing.assert_allclose(read_band(out), expected, atol=1e-5)


def test_reference_in_another_crs_is_reprojected(tmp_path):
    # product: 8x8 UTM 50N pixels of 10 m; reference: a constant field in geographic degrees around it
    transform = osr.CoordinateTransformation(
        osr.SpatialReference(srs_wkt(UTM50)), osr.SpatialReference(srs_wkt(4326)))
    lat, lon = transform.TransformPoint(1040.0 + 500000.0 - 500000.0, 1960.0)[:2]
    reference = np.full((40, 40), 300, np.int16)
    step = 0.0001
    geographic = (lon - 20 * step, step, 0.0, lat + 20 * step, 0.0, -step)
    wkt = srs_wkt(4326)
    srs = osr.SpatialReference(wkt)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    own, product, ref_path, out = grid_pair(tmp_path, reference, geographic, srs.ExportToWkt())
    run_difference(product, ref_path, out, OWN, split_field="", rule="")
    np.testing.assert_allclose(read_band(out), own * 0.001 - 3.0, atol=1e-5)


def test_no_overlap_names_both_extents(tmp_path):
    reference = np.zeros((4, 4), np.int16)
    _, product, ref_path, out = grid_pair(tmp_path, reference, (900000.0, 10.0, 0.0, 2000.0, 0.0, -10.0))
    with pytest.raises(LaiQaError) as raised:
        run_difference(product, ref_path, out, OWN)
    message = str(raised.value)
    assert message.startswith("The reference does not overlap the product: reference")
    assert "900000.000, 1960.000 - 900040.000, 2000.000" in message
    assert "1000.000, 1920.000 - 1080.000, 2000.000" in message
    assert not os.path.exists(out)


def test_glass_hdf_without_georeference_takes_the_tile_grid(tmp_path):
    size = 24
    own = np.full((size, size), 1500, np.int16)
    product = write(tmp_path / "Rc_Lai_A2018161_h12v03.tif", [own, np.zeros_like(own)], gdal.GDT_Int16,
                    tile_geotransform(12, 3, size), MODIS_SINUSOIDAL_WKT)
    glass = write(tmp_path / "GLASS01E01.V50.A2018161.h12v03.2020323.hdf", np.full((size, size), 100, np.int16),
                  gdal.GDT_Int16)
    out = str(tmp_path / "d.tif")
    result = run_difference(product, glass, out, OWN, split_field="", rule="")
    assert "using MODIS sinusoidal tile h12v03" in result.notes[1]
    assert "identical to the product grid" in result.notes[-1]
    np.testing.assert_allclose(read_band(out), np.full((size, size), 0.5), atol=1e-6)

    anonymous = write(tmp_path / "glass_without_tile.hdf", np.full((size, size), 100, np.int16), gdal.GDT_Int16)
    with pytest.raises(LaiQaError, match=r"Reference: '.*glass_without_tile.hdf' has no georeference and its "
                                         r"name carries no MODIS tile id \(hXXvYY\)"):
        run_difference(product, anonymous, out, OWN)


def test_cancel_leaves_neither_output_nor_class_files(pair):
    out = pair["dir"] / "d.tif"
    with pytest.raises(Cancelled):
        run_difference(pair["product"], pair["reference"], str(out), OWN, Progress(is_cancelled=lambda: True),
                       class_folder=str(pair["dir"] / "classes"))
    assert not out.exists()
    leftovers = [f for _, _, files in os.walk(pair["dir"] / "classes") for f in files]
    assert leftovers == []


def test_class_folder_gets_one_file_per_class_like_the_article(pair):
    out = str(pair["dir"] / "h25v05.tif")
    result = run_difference(pair["product"], pair["reference"], out, OWN, class_folder=str(pair["dir"] / "classes"))
    assert sorted(result.class_files) == ["DRT", "ECO", "TIM", "WAT"]
    for index, name in enumerate(["DRT", "ECO", "WAT", "TIM"]):
        path = pair["dir"] / "classes" / name / "h25v05.tif"
        np.testing.assert_array_equal(read_band(str(path)), read_band(out, index + 1))


@pytest.mark.parametrize(
    "change, message",
    [
        ({"split_field": "sensor"}, "Unknown field 'sensor'; fields of Own LAI product"),
        ({"resampling": "cubic"}, "Unknown resampling 'cubic'; use one of auto, nearest, bilinear, average"),
        ({"qa_band": 3}, "QA raster: band 3 does not exist"),
        ({"qa_band": 1, "qa": "QA_SMALL"}, "The QA raster is 3x2 pixels but the product is 9x6"),
        ({"reference_overrides": {"valid_min": 10, "valid_max": 5}}, "The valid range 10-5 is empty"),
        ({"reference": "MISSING"}, "Reference: cannot open"),
    ],
)
def test_bad_requests_are_refused_with_a_message(pair, change, message):
    small = write(pair["dir"] / "small_qa.tif", np.zeros((2, 3), np.uint8), gdal.GDT_Byte)
    values = {"MISSING": str(pair["dir"] / "missing.tif"), "QA_SMALL": small}
    change = {key: values.get(value, value) if isinstance(value, str) else value for key, value in change.items()}
    request = {"product": pair["product"], "reference": pair["reference"], "output": str(pair["dir"] / "d.tif"),
               "scheme": OWN, **change}
    with pytest.raises(LaiQaError) as raised:
        run_difference(**request)
    assert str(raised.value).startswith(message)
    assert not (pair["dir"] / "d.tif").exists()


def test_completeness_counts_every_pixel_once_under_its_first_reason(pair):
    product_qa = pair["qa"].copy()
    product_qa[4, 4] = 15  # QA nodata below (and quality 3: the nodata reason comes first)
    product = write(pair["dir"] / "qa_nodata.tif", [pair["own"], product_qa], gdal.GDT_Int16, pair["geotransform"],
                    srs_wkt(UTM50), nodata=15)
    result = run_difference(product, pair["reference"], str(pair["dir"] / "d.tif"), OWN)
    own, glass, qa = pair["own"], pair["glass"], product_qa.astype(np.int64)
    qa_missing = qa == 15
    dropped_by_rule = ~qa_missing & ((qa & 3) == 3)
    product_invalid = ~qa_missing & ~dropped_by_rule & ((own > 30000) | (own == 32767))
    reference_invalid = ~qa_missing & ~dropped_by_rule & ~product_invalid & ((glass < 0) | (glass > 1000))
    kept = ~(qa_missing | dropped_by_rule | product_invalid | reference_invalid)
    algorithm = (qa >> 2) & 3
    rows = {row["class"]: row for row in result.completeness}
    assert list(rows) == ["DRT", "ECO", "WAT", "TIM", "all"]
    for k, name in enumerate(["DRT", "ECO", "WAT", "TIM"]):
        here = algorithm == k
        assert rows[name]["pixels"] == int(here.sum())
        assert rows[name]["kept"] == int((kept & here).sum())
        assert rows[name]["qa_nodata"] == int((qa_missing & here).sum())
        assert rows[name]["dropped_by_rule"] == int((dropped_by_rule & here).sum())
        assert rows[name]["product_fill_or_out_of_range"] == int((product_invalid & here).sum())
        assert rows[name]["reference_fill_or_out_of_range"] == int((reference_invalid & here).sum())
        assert rows[name]["reference_missing_after_alignment"] == 0
    assert rows["all"]["pixels"] == own.size
    assert sum(rows["all"][column] for column in ("kept", "qa_nodata", "dropped_by_rule",
                                                    "product_fill_or_out_of_range", "reference_missing_after_alignment",
                                                    "reference_fill_or_out_of_range")) == own.size
    assert [row["kept"] for row in result.completeness] == [row["n"] for row in result.rows]


def test_pixels_beyond_the_reference_are_missing_after_alignment(tmp_path, pair):
    """A reference covering the left half of the product: the right half has no reference after warping, nor
    have its fill values (resampling turns them into "nothing valid here" before it averages)."""
    half = pair["glass"][:, :4]
    reference = write(tmp_path / "half.tif", half, gdal.GDT_Int16, pair["geotransform"], srs_wkt(UTM50))
    result = run_difference(pair["product"], reference, str(tmp_path / "d.tif"), OWN, rule="", split_field="")
    own = pair["own"]
    product_invalid = (own > 30000) | (own == 32767)
    beyond = np.zeros(own.shape, bool)
    beyond[:, 4:] = True
    beyond[:, :4] |= (half < 0) | (half > 1000)
    row = result.completeness[-1]
    assert row["class"] == "all" and row["pixels"] == own.size
    assert row["product_fill_or_out_of_range"] == int(product_invalid.sum())
    assert row["reference_missing_after_alignment"] == int((beyond & ~product_invalid).sum())
