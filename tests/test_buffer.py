"""Buffers around flagged pixels: the windowed dilation against a whole-raster one written out here, in the
mask, the difference and its completeness, and the refusals."""
import numpy as np
import pytest
from helpers import read_band, run_difference
from osgeo import gdal

from laiqa.core import readers
from laiqa.core.errors import LaiQaError
from laiqa.core.inputs import BufferSpec, OutputSpec, QaInput, RasterInput
from laiqa.core.qa.buffer import dilate
from laiqa.core.qa.rule import rule_for
from laiqa.core.qa.scheme import load_preset
from laiqa.core.qa_rasters import qa_mask_raster

OWN = load_preset("own_lai")


def dilated_by_shifts(mask, pixels):
    """Square dilation as the OR of every shift within ``pixels`` rows and columns (no running counts)."""
    height, width = mask.shape
    padded = np.zeros((height + 2 * pixels, width + 2 * pixels), bool)
    padded[pixels:pixels + height, pixels:pixels + width] = mask
    out = np.zeros_like(mask)
    for dy in range(2 * pixels + 1):
        for dx in range(2 * pixels + 1):
            out |= padded[dy:dy + height, dx:dx + width]
    return out


@pytest.mark.parametrize("pixels", [0, 1, 2, 5])
@pytest.mark.parametrize("shape", [(1, 1), (7, 3), (40, 61)])
def test_dilation_equals_the_or_of_shifts(pixels, shape):
    rng = np.random.default_rng(pixels * 100 + shape[0])
    mask = rng.random(shape) < 0.05
    np.testing.assert_array_equal(dilate(mask, pixels), dilated_by_shifts(mask, pixels))


def sparse_qa(shape, seed):
    """Own-product QA words, mostly good, a few failed (quality 3) and a few water (algorithm WAT = 2)."""
    rng = np.random.default_rng(seed)
    qa = np.zeros(shape, np.uint16)
    qa[rng.random(shape) < 0.003] |= 3
    qa[rng.random(shape) < 0.003] |= 2 << 2
    return qa


@pytest.fixture
def small_windows(monkeypatch):
    """Windows of 256 x 256 (one output tile): a 600 x 520 raster is read in 9 of them."""
    monkeypatch.setattr(readers, "TARGET_WINDOW_PIXELS", 256 * 16)


@pytest.mark.parametrize("pixels, flag_rule", [(3, None), (2, "algorithm == WAT"), (7, "quality == 3")])
def test_the_windowed_buffer_equals_the_whole_raster_dilation(write_raster, tmp_path, small_windows, pixels,
                                                               flag_rule):
    qa = sparse_qa((520, 600), pixels)
    qa[:5, :5] = 65535  # nodata: never flagged
    path = write_raster(qa, gdal.GDT_UInt16, nodata=65535, block_rows=16)
    rule = rule_for(OWN, None)
    summary = qa_mask_raster(QaInput(RasterInput(path), OWN), rule, OutputSpec(str(tmp_path / "m.tif")),
                             buffer_spec=BufferSpec(pixels, flag_rule))
    keep = (qa & 3) != 3
    valid = qa != 65535
    flagged = (((qa >> 2) & 3) == 2) if flag_rule == "algorithm == WAT" else ~keep
    expected = np.where(valid, keep & ~dilated_by_shifts(flagged & valid, pixels), 255)
    np.testing.assert_array_equal(read_band(str(tmp_path / "m.tif")), expected)
    assert summary.kept == int((expected == 1).sum())


def test_the_difference_drops_the_buffer_and_counts_it(tmp_path, sample_dir, small_windows):
    own_path, glass_path = sample_dir[1]["h12v03"]
    result = run_difference(own_path, glass_path, tmp_path / "d.tif", OWN, buffer=BufferSpec(1))
    own, qa, glass = read_band(own_path, 1), read_band(own_path, 2).astype(np.int64), read_band(glass_path)
    rule_keeps = (qa & 3) != 3
    in_buffer = dilated_by_shifts(~rule_keeps, 1)
    keep = rule_keeps & ~in_buffer & (own <= 30000) & (glass >= 0) & (glass <= 1000)
    expected = np.where(keep, own * 0.001 - glass * 0.01, -9999)
    np.testing.assert_allclose(read_band(str(tmp_path / "d.tif"), 5), expected, atol=1e-5)
    total = result.completeness[-1]
    assert total["within_buffer"] == int((rule_keeps & in_buffer).sum())
    assert total["kept"] == int(keep.sum()) == result.rows[-1]["n"]
    assert any("Buffer: pixels within 1 of a pixel where the keep rule fails are dropped too" in note
               for note in result.notes)


@pytest.mark.parametrize("spec, message", [
    (BufferSpec(101), "The buffer must be 0 to 100 pixels, got 101"),
    (BufferSpec(-1), "The buffer must be 0 to 100 pixels, got -1"),
    (BufferSpec(2, "cloud == 1"), "Unknown field 'cloud' at column 1"),
])
def test_a_bad_buffer_is_refused_before_anything_is_written(tmp_path, sample_dir, spec, message):
    own_path, glass_path = sample_dir[1]["h12v03"]
    with pytest.raises(LaiQaError) as raised:
        run_difference(own_path, glass_path, tmp_path / "d.tif", OWN, buffer=spec)
    assert message in str(raised.value)
    assert not (tmp_path / "d.tif").exists()


def test_buffer_parameters_through_processing(laiqa_provider, sample_dir, tmp_path):
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback

    own_path = sample_dir[1]["h12v03"][0]
    result = processing.run("laiqa:qamask", {"INPUT": own_path, "BAND": 2, "BUFFER": 2, "OUTPUT":
                                             str(tmp_path / "m.tif")},
                            context=QgsProcessingContext(), feedback=QgsProcessingFeedback())
    qa = read_band(own_path, 2).astype(np.int64)
    keep = (qa & 3) != 3
    np.testing.assert_array_equal(read_band(result["OUTPUT"]), keep & ~dilated_by_shifts(~keep, 2))
    with pytest.raises(QgsProcessingException) as raised:
        processing.run("laiqa:qamask", {"INPUT": own_path, "BAND": 2, "BUFFER": 2, "BUFFER_RULE": "quality ==",
                                        "OUTPUT": str(tmp_path / "n.tif")},
                       context=QgsProcessingContext(), feedback=QgsProcessingFeedback())
    assert "at column" in str(raised.value)
    assert not (tmp_path / "n.tif").exists()
