"""The science of one window as pure functions on 4x4 arrays, the typed inputs, and one opened-band shape."""
import dataclasses
import pickle

import numpy as np
import pytest
from osgeo import gdal

from laiqa.core.difference import DIFFERENCE_NODATA, BlockContext, difference_block
from laiqa.core.inputs import (
    DifferenceSettings,
    EncodingOverrides,
    LaiInput,
    LaiSpec,
    OutputSpec,
    QaInput,
    QaSpec,
    RasterInput,
)
from laiqa.core.lai_encoding import LaiEncoding
from laiqa.core.modis_tiles import MODIS_SINUSOIDAL_WKT, tile_geotransform
from laiqa.core.qa.rule import rule_for
from laiqa.core.qa.scheme import load_preset
from laiqa.core.qa_rasters import MASK_NODATA, decode_block, mask_block
from laiqa.core.readers import open_lai, open_qa

OWN = load_preset("own_lai")  # quality bits 0-1 (3 = failed), algorithm bits 2-3 (DRT, ECO, WAT, TIM)

# QA words written out bit by bit: algorithm << 2 | quality
QA = np.array([[0b0000, 0b0100, 0b1000, 0b1100],
               [0b0011, 0b0111, 0b1001, 0b1110],
               [0b0001, 0b0101, 0b1010, 0b1111],
               [0b0010, 0b0110, 0b1011, 0b0000]], dtype=np.uint8)


def test_decode_block_splits_each_field_and_marks_missing_pixels():
    missing = np.zeros((4, 4), bool)
    missing[3, 3] = True
    quality, algorithm = decode_block(QA, OWN, np.uint8, 255, missing)
    expected_quality = QA.astype(int) % 4
    expected_algorithm = QA.astype(int) // 4
    expected_quality[3, 3] = expected_algorithm[3, 3] = 255
    np.testing.assert_array_equal(quality, expected_quality)
    np.testing.assert_array_equal(algorithm, expected_algorithm)


def test_mask_block_keeps_what_the_rule_names():
    missing = QA == 0b1111
    mask = mask_block(QA, OWN, rule_for(OWN, "quality != 3 and algorithm in (DRT, ECO)"), missing)
    words = QA.astype(int)
    expected = (((words & 3) != 3) & ((words >> 2) <= 1)).astype(np.uint8)
    expected[missing] = MASK_NODATA
    np.testing.assert_array_equal(mask, expected)


def test_difference_block_on_four_by_four():
    product_raw = np.array([[1000, 2000, 3000, 4000]] * 4, dtype=np.int16)
    product_raw[0, 0] = 32767  # fill
    reference_raw = np.array([[50, 150, 250, 350]] * 4, dtype=np.int16)
    reference_raw[1, 2] = 2000  # above the valid range
    product = LaiEncoding(scale=0.001, valid_max=30000, fill_values=(32767,))
    reference = LaiEncoding(scale=0.01, valid_min=0, valid_max=1000)
    split = OWN.field("algorithm")
    lookup = np.arange(4, dtype=np.uint8)
    context = BlockContext(OWN, rule_for(OWN, None), product, reference, 4, split, lookup, None, None)
    block = difference_block(product_raw, reference_raw, QA, context)

    keep = ((QA.astype(int) & 3) != 3) & (product_raw != 32767) & (reference_raw <= 1000)
    difference = np.where(keep, product_raw * 0.001 - reference_raw * 0.01, DIFFERENCE_NODATA)
    algorithm = QA.astype(int) >> 2
    bands = block.bands(context)
    assert len(bands) == 5
    for k in range(4):
        expected = np.where(algorithm == k, difference, DIFFERENCE_NODATA)
        np.testing.assert_allclose(bands[k], expected, atol=1e-6)
        assert bands[k].dtype == np.float32
    np.testing.assert_allclose(bands[4], difference, atol=1e-6)
    np.testing.assert_array_equal(block.kept_classes, algorithm[keep])
    np.testing.assert_array_equal(block.kept_product, product_raw[keep] * 0.001)
    np.testing.assert_array_equal(block.kept_reference, reference_raw[keep] * 0.01)


def test_inputs_are_frozen_picklable_values_and_a_spec_makes_the_input_of_a_file():
    spec = LaiSpec(band=1, subdataset="Lai_500m", preset="mcd15a2h", overrides=EncodingOverrides(scale=0.1))
    lai = spec.at("granule.hdf")
    assert lai == LaiInput(RasterInput("granule.hdf", 1, "Lai_500m"), "mcd15a2h", EncodingOverrides(scale=0.1))
    qa = QaSpec(OWN, band=2).at("product.tif")
    assert qa == QaInput(RasterInput("product.tif", 2), OWN)
    values = (lai, qa, DifferenceSettings(rule="quality != 3"), OutputSpec("d.tif", ("COMPRESS=LZW",)))
    assert pickle.loads(pickle.dumps(values)) == values
    with pytest.raises(dataclasses.FrozenInstanceError):
        lai.preset = "glass"


def test_rule_for_none_is_the_schemes_default_and_empty_keeps_all():
    assert rule_for(OWN, None).text == OWN.default_rule
    assert rule_for(OWN, "").text == ""


def test_lai_and_qa_bands_agree_on_the_modis_tile_of_a_file_without_georeference(tmp_path):
    path = str(tmp_path / "GLASS01E01.V50.A2018161.h12v03.2020323.tif")
    gdal.GetDriverByName("GTiff").Create(path, 8, 8, 2, gdal.GDT_Int16)  # closed at once: no georeference
    lai = open_lai(LaiInput(RasterInput(path), "glass"), "Reference")
    qa = open_qa(QaInput(RasterInput(path, 2), OWN))
    assert lai.grid == qa.grid
    assert lai.grid.geotransform == tile_geotransform(12, 3, 8) and lai.grid.wkt == MODIS_SINUSOIDAL_WKT


def test_the_buffer_pool_reuses_memory_by_size_and_only_its_own():
    from laiqa.core.blocks import BufferPool

    pool = BufferPool()
    wide = pool.take((4, 8), np.float32)
    pool.give(wide)
    narrow = pool.take((4, 6), np.int16)  # fits in the wide one's 128 bytes: the same memory again
    assert narrow.shape == (4, 6) and narrow.dtype == np.int16 and np.shares_memory(narrow, wide)
    other = pool.take((4, 8), np.float32)  # the only buffer is in use: a new one
    assert not np.shares_memory(other, narrow)
    foreign = np.zeros((4, 8), np.float32)
    pool.give(foreign, narrow[:2], other)  # views give back their buffer; a foreign array is not taken in
    taken = [pool.take((4, 8), np.float32) for _ in range(3)]
    assert not any(np.shares_memory(array, foreign) for array in taken)
    assert sum(np.shares_memory(array, wide) for array in taken) == 1
