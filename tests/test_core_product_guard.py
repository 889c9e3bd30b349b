"""The preset guard: a QA file whose name or metadata names another product, collection or grid than the preset
describes gets one warning (never an error); a fitting preset, a custom scheme or an unnamed file gets none."""
import os
import shutil

import numpy as np
import pytest
from helpers import batch_request, qa_input, sample_folders
from osgeo import gdal

from laiqa.core.batch import run_batch
from laiqa.core.inputs import OutputSpec
from laiqa.core.qa.product_guard import preset_mismatch
from laiqa.core.qa.rule import rule_for
from laiqa.core.qa.scheme import load_preset, scheme_from_table
from laiqa.core.qa_rasters import decode_qa_raster, qa_mask_raster
from laiqa.core.readers import open_qa

C1_BQA = "/data/LC08_L1TP_047027_20201204_20201218_01_T1_BQA.TIF"
C2_QA_PIXEL = "/data/LC08_L2SP_047027_20201204_20210313_02_T1_QA_PIXEL.TIF"
C2_RADSAT = "/data/LC08_L2SP_047027_20201204_20210313_02_T1_QA_RADSAT.TIF"
MOD15_C6 = "/data/MOD15A2H.A2020001.h25v05.006.2020010000000.hdf"
MOD15_C61 = "/data/MOD15A2H.A2020001.h25v05.061.2020010000000.hdf"
MOD15_C4 = "/data/MOD15A2.A2004001.h25v05.004.2004010000000.hdf"
MOD13 = "/data/MOD13Q1.A2020001.h25v05.061.2020010000000.hdf"
MOD11 = "/data/MOD11A1.A2020001.h25v05.061.2020010000000.hdf"


def grid_of(path, grid):
    return f'HDF4_EOS:EOS_GRID:"{path}":MOD_Grid_MOD15A2H:{grid}'


@pytest.mark.parametrize("preset_id, path, metadata, expected", [
    ("landsat_c2_qa_pixel", C1_BQA, {},
     "QA 'LC08_L1TP_047027_20201204_20201218_01_T1_BQA.TIF' is a Landsat Collection 1 BQA band, but the QA preset "
     "landsat_c2_qa_pixel is the Collection 2 QA_PIXEL layout: the bits differ (bit 4 is cloud in BQA, cloud "
     "shadow in QA_PIXEL)"),
    ("landsat_c2_qa_pixel", "/data/LC08_L1TP_047027_20201204_20201218_01_T1_B4.TIF", {}, "Collection 1 BQA band"),
    ("landsat_c2_qa_pixel", "/data/scene_BQA.TIF", {}, "is a Landsat Collection 1 BQA band"),
    ("landsat_c2_qa_pixel", C2_RADSAT, {}, "is the Landsat QA_RADSAT band, but the QA preset landsat_c2_qa_pixel "
                                            "describes the QA_PIXEL band"),
    ("mod15_fparlai_qc", C2_QA_PIXEL, {}, "is a Landsat Collection 2 QA_PIXEL band, but the QA preset is "
                                          "mod15_fparlai_qc; its preset is landsat_c2_qa_pixel"),
    ("mod15_fparlai_qc", MOD15_C4, {}, "QA 'MOD15A2.A2004001.h25v05.004.2004010000000.hdf' is MOD15A2 collection 4; "
                                       "the QA preset mod15_fparlai_qc follows collections 5-6.1"),
    ("mod13_vi_quality", MOD15_C61, {}, "is MODIS MOD15A2H, but the QA preset mod13_vi_quality is for MODIS "
                                        "MOD13/MYD13; presets for it: mod15_fparlai_qc, mod15_fparextra_qc"),
    ("mod11_qc", MOD13, {}, "is MODIS MOD13Q1, but the QA preset mod11_qc is for MODIS MOD11/MYD11; presets for it: "
                            "mod13_vi_quality"),
    ("mod15_fparextra_qc", MOD11, {}, "presets for it: mod11_qc"),
    ("own_lai", MOD15_C61, {}, "is MODIS MOD15A2H, but the QA preset own_lai is for Own LAI product"),
    ("mod15_fparlai_qc", "/data/MOD09GA.A2020001.h25v05.061.2020010000000.hdf", {}, "no preset describes it"),
    ("mod15_fparlai_qc", "/data/qa.tif", {"SHORTNAME": "MOD13Q1", "VERSIONID": "61"}, "is MODIS MOD13Q1"),
    ("mod15_fparlai_qc", "/data/qa.tif", {"LOCALGRANULEID": "MOD11A2.A2020001.h25v05.061.2020.hdf"}, "MOD11A2"),
    ("mod15_fparlai_qc", grid_of(MOD15_C61, "FparExtra_QC"), {},
     "QA 'MOD15A2H.A2020001.h25v05.061.2020010000000.hdf': grid FparExtra_QC is not laid out as the QA preset "
     "mod15_fparlai_qc; its preset is mod15_fparextra_qc"),
    ("mod15_fparextra_qc", grid_of(MOD15_C61, "FparLai_QC"), {}, "its preset is mod15_fparlai_qc"),
    ("mod15_fparlai_qc", grid_of(MOD15_C61, "Lai_500m"), {}, "grid Lai_500m is not laid out as the QA preset "
                                                             "mod15_fparlai_qc; the preset's QA grids: FparLai_QC"),
])
def test_a_preset_that_does_not_fit_the_file_is_named(preset_id, path, metadata, expected):
    warning = preset_mismatch(preset_id, path, metadata)
    assert warning is not None and expected in warning and "\n" not in warning


@pytest.mark.parametrize("preset_id, path, metadata", [
    ("landsat_c2_qa_pixel", C2_QA_PIXEL, {}),
    ("mod15_fparlai_qc", MOD15_C6, {}),  # collections 6 and 6.1 share the MOD15 QA layout
    ("mod15_fparlai_qc", MOD15_C61, {}),
    ("mod15_fparlai_qc", "/data/MCD15A3H.A2020001.h25v05.061.2020010000000.hdf", {}),
    ("mod15_fparlai_qc", grid_of(MOD15_C6, "FparLai_QC"), {}),
    ("mod15_fparextra_qc", grid_of(MOD15_C61, "FparExtra_QC"), {}),
    ("mod13_vi_quality", MOD13.replace(".061.", ".006."), {}),
    ("mod13_vi_quality", MOD13, {}),
    ("mod11_qc", MOD11, {}),
    ("mod11_qc", "/data/qa.tif", {"SHORTNAME": "MOD11A1", "VERSIONID": "6"}),
    ("mod15_fparlai_qc", "/data/Rc_Lai_A2018161_h12v03.tif", {}),  # names no product: nothing to say
    ("custom", MOD13, {}),  # the user's own layout is never second-guessed
])
def test_a_fitting_preset_or_an_unnamed_file_gets_no_warning(preset_id, path, metadata):
    assert preset_mismatch(preset_id, path, metadata) is None


def landsat_qa(write_raster, name, metadata=None):
    path = write_raster(np.array([[1 << 4, 0]], dtype=np.uint16), gdal.GDT_UInt16, name=name)
    if metadata:
        dataset = gdal.Open(path, gdal.GA_Update)
        dataset.SetMetadata(metadata)
        dataset = None
    return path


def test_opening_the_qa_carries_the_warning_into_mask_and_decode(write_raster, tmp_path):
    scheme = load_preset("landsat_c2_qa_pixel")
    bqa = qa_input(landsat_qa(write_raster, "LC08_L1TP_047027_20201204_20201218_01_T1_BQA.TIF"), 1, scheme)
    assert "Collection 1 BQA" in open_qa(bqa).warning
    mask = qa_mask_raster(bqa, rule_for(scheme, None), OutputSpec(str(tmp_path / "m.tif")))
    decoded = decode_qa_raster(bqa, OutputSpec(str(tmp_path / "d.tif")))
    assert len(mask.warnings) == 1 and mask.warnings == decoded.warnings and "BQA" in mask.warnings[0]
    fitting = qa_input(landsat_qa(write_raster, "LC08_L2SP_047027_20201204_20210313_02_T1_QA_PIXEL.TIF"), 1, scheme)
    assert open_qa(fitting).warning == ""
    assert open_qa(qa_input(fitting.raster.source, 1, scheme_from_table([["a", 0, 16, ""]]))).warning == ""


def test_gdal_metadata_names_the_product(write_raster):
    path = landsat_qa(write_raster, "qa.tif", {"SHORTNAME": "MOD13Q1", "VERSIONID": "61"})
    assert "is MODIS MOD13Q1, but the QA preset mod15_fparlai_qc" in open_qa(
        qa_input(path, 1, load_preset("mod15_fparlai_qc"))).warning


def test_the_batch_warns_once_per_pair(tmp_path):
    folders = sample_folders(tmp_path, 16, tiles=2)
    for name in os.listdir(folders["rt"]):  # the same files, named as MOD13 granules
        date, tile = name[len("Rc_Lai_"):-len(".tif")].split("_")
        shutil.move(os.path.join(folders["rt"], name),
                    os.path.join(folders["rt"], f"MOD13Q1.{date}.{tile}.061.2020000000000.tif"))
    warnings, lines = [], []
    result = run_batch(batch_request(folders, workers=1), log=lines.append, warn=warnings.append)
    assert result.failed == 0
    assert sorted(warning.split(":")[0] for warning in warnings) == ["A2018161_h12v03", "A2018161_h12v04"]
    assert all("is MODIS MOD13Q1, but the QA preset own_lai" in warning for warning in warnings)
    assert not any("MOD13Q1, but" in line for line in lines)  # warnings go to warn, not to the log
