"""Decoding and masking whole rasters: values, nodata, blocks, and nothing left behind on failure."""
import os

import numpy as np
import pytest
from helpers import qa_input, read_band
from osgeo import gdal

from laiqa.core import readers
from laiqa.core.errors import Cancelled, LaiQaError
from laiqa.core.inputs import OutputSpec
from laiqa.core.progress import Progress
from laiqa.core.qa.rule import parse_rule
from laiqa.core.qa.scheme import load_preset
from laiqa.core.qa_rasters import decode_qa_raster, qa_mask_raster

OWN = load_preset("own_lai")


def qa_pattern(height=40, width=24, dtype=np.uint16):
    values = (np.arange(height * width) * 7919) % 4096
    return values.reshape(height, width).astype(dtype)


def test_decoded_bands_hold_the_fields_and_keep_nodata(write_raster, tmp_path):
    qa = qa_pattern()
    qa[0, :5] = 4095  # the band's nodata value
    source = write_raster(qa, gdal.GDT_UInt16, nodata=4095)
    out = str(tmp_path / "decoded.tif")
    summary = decode_qa_raster(qa_input(source, 1, OWN), OutputSpec(out))
    dataset = gdal.Open(out)
    assert dataset.RasterCount == 2
    assert [dataset.GetRasterBand(i).GetDescription() for i in (1, 2)] == ["quality", "algorithm"]
    assert dataset.GetRasterBand(1).DataType == gdal.GDT_Byte
    assert dataset.GetRasterBand(1).GetNoDataValue() == 255
    assert dataset.GetGeoTransform() == (500000.0, 30.0, 0.0, 4000000.0, 0.0, -30.0)
    valid = qa != 4095
    quality, algorithm = read_band(out, 1), read_band(out, 2)
    assert (quality[valid] == qa[valid] % 4).all()
    assert (algorithm[valid] == (qa[valid] // 4) % 4).all()
    assert (quality[~valid] == 255).all() and (algorithm[~valid] == 255).all()
    assert summary.nodata_pixels == 5
    assert summary.value_counts["algorithm"][2] == int(((qa[valid] // 4) % 4 == 2).sum())


def test_many_windows_give_the_same_result_as_one(write_raster, tmp_path, monkeypatch):
    qa = qa_pattern(height=96, width=32)
    source = write_raster(qa, gdal.GDT_UInt16, block_rows=16)
    monkeypatch.setattr(readers, "TARGET_WINDOW_PIXELS", 32 * 16)
    assert len(list(readers.windows(gdal.Open(source).GetRasterBand(1)))) == 6
    out = str(tmp_path / "decoded.tif")
    decode_qa_raster(qa_input(source, 1, OWN), OutputSpec(out))
    assert (read_band(out, 2) == (qa >> 2) & 3).all()


def test_int16_qa_band_of_the_sample_product_decodes(sample_dir, tmp_path):
    _, tiles = sample_dir
    own_path = tiles["h12v03"][0]
    qa = read_band(own_path, 2).astype(np.int64)
    out = str(tmp_path / "decoded.tif")
    decode_qa_raster(qa_input(own_path, 2, OWN), OutputSpec(out))
    assert (read_band(out, 1) == qa % 4).all()
    assert (read_band(out, 2) == (qa // 4) % 4).all()


def test_mask_is_one_zero_and_255_for_nodata(write_raster, tmp_path):
    qa = qa_pattern()
    qa[3, 3] = 9999
    source = write_raster(qa, gdal.GDT_UInt16, nodata=9999)
    out = str(tmp_path / "mask.tif")
    rule = parse_rule("quality != 3 and algorithm in (DRT, ECO)", OWN)
    summary = qa_mask_raster(qa_input(source, 1, OWN), rule, OutputSpec(out))
    expected = (((qa & 3) != 3) & (((qa >> 2) & 3) <= 1)).astype(np.uint8)
    expected[3, 3] = 255
    assert (read_band(out) == expected).all()
    assert summary.kept == int((expected == 1).sum())
    assert summary.kept_fraction == pytest.approx((expected == 1).sum() / (qa.size - 1))


def test_cancel_leaves_no_file(write_raster, tmp_path):
    source = write_raster(qa_pattern(), gdal.GDT_UInt16)
    out = tmp_path / "cancelled.tif"
    with pytest.raises(Cancelled):
        decode_qa_raster(qa_input(source, 1, OWN), OutputSpec(str(out)), Progress(is_cancelled=lambda: True))
    assert os.listdir(tmp_path) == ["qa.tif"]


def test_error_mid_run_leaves_no_file_and_keeps_an_old_one(write_raster, tmp_path, monkeypatch):
    source = write_raster(qa_pattern(), gdal.GDT_UInt16)
    out = tmp_path / "out.tif"
    out.write_bytes(b"previous result")

    def broken_read(band, window, out=None):
        raise LaiQaError("disk went away")

    monkeypatch.setattr("laiqa.core.blocks.read_window", broken_read)
    with pytest.raises(LaiQaError, match="disk went away"):
        decode_qa_raster(qa_input(source, 1, OWN), OutputSpec(str(out)))
    assert sorted(os.listdir(tmp_path)) == ["out.tif", "qa.tif"]
    assert out.read_bytes() == b"previous result"


@pytest.mark.parametrize(
    "make_source, band, message",
    [
        (lambda w, t: str(t / "missing.tif"), 1, "QA raster: cannot open '{t}/missing.tif' as a raster"),
        (lambda w, t: w(qa_pattern(), gdal.GDT_UInt16), 3,
         "QA raster: band 3 does not exist; '{t}/qa.tif' has 1 band (1-1)"),
        (lambda w, t: w(qa_pattern().astype(np.float32), gdal.GDT_Float32), 1,
         "QA raster band 1 is Float32; bit fields need an integer band"),
        (lambda w, t: w(qa_pattern().astype(np.uint8), gdal.GDT_Byte), 1, None),
    ],
)
def test_bad_inputs_are_refused_with_a_message(write_raster, tmp_path, make_source, band, message):
    source = make_source(write_raster, tmp_path)
    scheme = OWN if message else load_preset("mod13_vi_quality")
    expected = message.format(t=tmp_path) if message else (
        "Field 'ADJACENT_CLOUD' uses bit 8, but the QA band is Byte with only 8 bits (0-7)")
    with pytest.raises(LaiQaError) as raised:
        decode_qa_raster(qa_input(source, band, scheme), OutputSpec(str(tmp_path / "out.tif")))
    assert str(raised.value).startswith(expected)
    assert not os.path.exists(tmp_path / "out.tif")


def test_unreadable_file_is_refused(tmp_path):
    junk = tmp_path / "junk.tif"
    junk.write_bytes(b"this is not a tiff")
    with pytest.raises(LaiQaError, match="QA raster: cannot open .*junk.tif' as a raster"):
        decode_qa_raster(qa_input(str(junk), 1, OWN), OutputSpec(str(tmp_path / "out.tif")))
