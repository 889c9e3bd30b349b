"""MODIS HDF-EOS granules as inputs: subdataset strings, containers, metadata, headless and in models."""
import json

import numpy as np
import pytest
from hdfeos_writer import GRID, mcd15a2h_granule
from helpers import model_child, model_output_name, qa_input, read_band, run_difference
from osgeo import gdal
from qgis.core import (
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelParameter,
    QgsProcessingParameterString,
)
from test_processing_qa import qgis_process

from laiqa.core.difference import DIFFERENCE_NODATA
from laiqa.core.errors import LaiQaError
from laiqa.core.inputs import OutputSpec
from laiqa.core.modis_tiles import MODIS_SINUSOIDAL_WKT, tile_geotransform
from laiqa.core.qa.scheme import PRESET_IDS, load_preset
from laiqa.core.qa_rasters import decode_qa_raster
from laiqa.core.readers import resolve_source

MOD15 = PRESET_IDS.index("mod15_fparlai_qc")
SIZE = 240


def subdataset(path, field):
    return f'HDF4_EOS:EOS_GRID:"{path}":{GRID}:{field}'


@pytest.fixture(scope="module")
def granule(tmp_path_factory):
    folder = tmp_path_factory.mktemp("modis")
    path = str(folder / "MCD15A2H.A2018161.h12v03.061.2021180000000.hdf")
    arrays = mcd15a2h_granule(path, 12, 3, SIZE)
    rng = np.random.default_rng(11)
    own = rng.integers(0, 7000, (SIZE, SIZE)).astype(np.int16)
    qa = rng.integers(0, 16, (SIZE, SIZE)).astype(np.int16)
    product = str(folder / "Rc_Lai_A2018161_h12v03.tif")
    dataset = gdal.GetDriverByName("GTiff").Create(product, SIZE, SIZE, 2, gdal.GDT_Int16)
    dataset.SetGeoTransform(tile_geotransform(12, 3, SIZE))
    dataset.SetProjection(MODIS_SINUSOIDAL_WKT)
    dataset.GetRasterBand(1).WriteArray(own)
    dataset.GetRasterBand(2).WriteArray(qa)
    dataset = None
    return {"path": path, "product": product, "own": own, "qa": qa, "folder": folder, **arrays}


def test_gdal_reads_the_written_granule_as_hdf_eos(granule):
    dataset = gdal.Open(subdataset(granule["path"], "Lai_500m"))
    assert dataset.GetGeoTransform() == pytest.approx(tile_geotransform(12, 3, SIZE), abs=1e-3)
    band = dataset.GetRasterBand(1)
    assert band.GetScale() == pytest.approx(0.1) and band.GetNoDataValue() == 255
    np.testing.assert_array_equal(band.ReadAsArray(), granule["lai"])


def test_container_resolves_to_the_grid_a_preset_names_or_lists_its_grids(granule):
    name, note = resolve_source(granule["path"], "QA raster", ("FparLai_QC",))
    assert name == subdataset(granule["path"], "FparLai_QC")
    assert note == f"QA raster: '{granule['path']}' holds 4 grids; using FparLai_QC"
    with pytest.raises(LaiQaError) as raised:
        resolve_source(granule["path"], "Product")
    assert str(raised.value).startswith(
        f"Product: '{granule['path']}' is a container of 4 grids (pick one): Fpar_500m, Lai_500m, FparLai_QC, "
        "FparExtra_QC. Full names: HDF4_EOS:EOS_GRID:")
    with pytest.raises(LaiQaError, match="no grid named Lai_1km; pick one"):
        resolve_source(granule["path"], "Reference", ("Lai_1km",), required=True)


def test_decoding_a_container_uses_the_schemes_grid(granule, tmp_path):
    out = str(tmp_path / "qc.tif")
    summary = decode_qa_raster(qa_input(granule["path"], 1, load_preset("mod15_fparlai_qc")), OutputSpec(out))
    assert "using FparLai_QC" in summary.notes[0]
    qc = granule["qc"].astype(np.int64)
    valid = qc != 255  # the SDS's _FillValue is the band's nodata
    for band, (first_bit, bit_count) in enumerate([(0, 1), (1, 1), (2, 1), (3, 2), (5, 3)], start=1):
        expected = np.where(valid, (qc >> first_bit) & ((1 << bit_count) - 1), 255)
        np.testing.assert_array_equal(read_band(out, band), expected)


def expected_against_modis(granule):
    own, qa, lai = granule["own"], granule["qa"].astype(np.int64), granule["lai"]
    keep = (own <= 30000) & (lai <= 100) & ((qa & 3) != 3)  # 250 and 255 are fill classes
    return np.where(keep, own * 0.001 - lai * 0.1, DIFFERENCE_NODATA), keep


def test_modis_granule_as_reference_reads_scale_fill_and_range_from_the_file(granule, tmp_path):
    out = str(tmp_path / "d.tif")
    result = run_difference(granule["product"], granule["path"], out, load_preset("own_lai"),
                                                 reference_preset="mcd15a2h")
    expected, _ = expected_against_modis(granule)
    np.testing.assert_allclose(read_band(out, 5), expected, atol=1e-5)
    reference_note = result.notes[3]
    assert "scale 0.1 (file metadata)" in reference_note
    assert "valid min 0 (file metadata); valid max 100 (file metadata); fill values 255 (file metadata)" in \
        reference_note
    assert "using Lai_500m" in result.notes[1]
    assert "identical to the product grid" in result.notes[-1]


def test_modis_granule_as_product_takes_its_qa_from_the_same_granule(granule, tmp_path):
    reference = str(tmp_path / "ref.tif")
    dataset = gdal.GetDriverByName("GTiff").Create(reference, SIZE, SIZE, 1, gdal.GDT_Int16)
    dataset.SetGeoTransform(tile_geotransform(12, 3, SIZE))
    dataset.SetProjection(MODIS_SINUSOIDAL_WKT)
    glass = np.full((SIZE, SIZE), 200, np.int16)
    dataset.GetRasterBand(1).WriteArray(glass)
    dataset = None
    out = str(tmp_path / "d.tif")
    result = run_difference(granule["path"], reference, out, load_preset("mod15_fparlai_qc"),
                                                 product_preset="mcd15a2h", qa_band=1, split_field="")
    lai, qc = granule["lai"], granule["qc"].astype(np.int64)
    good = ((qc & 1) == 0) & (((qc >> 5) & 7) <= 1) & (qc != 255)  # MODLAND_QC good, SCF_QC main (+saturated)
    keep = good & (lai <= 100)
    np.testing.assert_allclose(read_band(out, 1), np.where(keep, lai * 0.1 - 2.0, DIFFERENCE_NODATA), atol=1e-5)
    assert any("using FparLai_QC" in note for note in result.notes)


def test_qgis_process_takes_subdataset_strings_for_every_raster_input(granule, tmp_path):
    qc_name = subdataset(granule["path"], "FparLai_QC")
    decoded, mask, difference = (str(tmp_path / name) for name in ("fields.tif", "mask.tif", "diff.tif"))
    done = qgis_process("--json", "run", "laiqa:decodeqabits", "--", f"INPUT={qc_name}", f"SCHEME={MOD15}",
                        f"OUTPUT={decoded}", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    qc = granule["qc"].astype(np.int64)
    np.testing.assert_array_equal(read_band(decoded, 5), np.where(qc != 255, qc >> 5, 255))

    done = qgis_process("--json", "run", "laiqa:qamask", "--", f"INPUT={qc_name}", f"SCHEME={MOD15}",
                        "RULE=MODLAND_QC == 0 and SCF_QC in (0, 1)", f"OUTPUT={mask}", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    good = ((qc & 1) == 0) & ((qc >> 5) <= 1)
    np.testing.assert_array_equal(read_band(mask), np.where(qc == 255, 255, good.astype(np.uint8)))

    done = qgis_process("--json", "run", "laiqa:maskeddifference", "--", f"PRODUCT={granule['product']}",
                        f"REFERENCE={subdataset(granule['path'], 'Lai_500m')}", "REFERENCE_PRESET=2",
                        f"OUTPUT={difference}", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    expected, _ = expected_against_modis(granule)
    np.testing.assert_allclose(read_band(difference, 5), expected, atol=1e-5)
    log = "\n".join(json.loads(done.stdout)["log"]["info"])
    assert "scale 0.1 (file metadata)" in log


def test_qgis_process_names_the_grids_of_a_container_it_cannot_choose_from(granule, tmp_path):
    done = qgis_process("run", "laiqa:decodeqabits", "--", f"INPUT={granule['path']}", "SCHEME=0",
                        f"OUTPUT={tmp_path / 'x.tif'}", cwd=tmp_path)
    output = done.stdout + done.stderr
    assert done.returncode != 0
    assert "is a container of 4 grids (pick one): Fpar_500m, Lai_500m, FparLai_QC, FparExtra_QC" in output
    assert "Traceback" not in output


def test_model_with_a_subdataset_input_is_saved_reloaded_and_run(laiqa_provider, granule, tmp_path):
    """Model inputs of QGIS's raster type refuse subdataset strings; a text input carries them."""
    model = QgsProcessingModelAlgorithm("decode a MODIS grid", "tests")
    model.addModelParameter(QgsProcessingParameterString("qa"), QgsProcessingModelParameter("qa"))
    decode = model_child("laiqa:decodeqabits", "decode", static={"SCHEME": MOD15}, from_model={"INPUT": "qa"},
                         output=("fields", "OUTPUT"))
    model.addChildAlgorithm(decode)
    model.updateDestinationParameters()
    saved = str(tmp_path / "decode_modis.model3")
    assert model.toFile(saved)

    reloaded = QgsProcessingModelAlgorithm()
    assert reloaded.fromFile(saved)
    out = str(tmp_path / "fields.tif")
    parameters = {"qa": subdataset(granule["path"], "FparLai_QC"), model_output_name(reloaded, "decode", "fields"): out}
    context = QgsProcessingContext()
    assert reloaded.checkParameterValues(parameters, context)[0]
    _, ok = reloaded.run(parameters, context, QgsProcessingFeedback())
    assert ok
    qc = granule["qc"].astype(np.int64)
    np.testing.assert_array_equal(read_band(out, 1), np.where(qc != 255, qc & 1, 255))


def test_qgis_process_difference_with_subdatasets_for_product_qa_and_reference(granule, tmp_path):
    other = str(tmp_path / "MCD15A2H.A2018161.h12v03.061.2022000000000.hdf")  # a reprocessed granule
    other_lai = mcd15a2h_granule(other, 12, 3, SIZE, seed=99)["lai"]
    out = str(tmp_path / "modis_vs_modis.tif")
    done = qgis_process("--json", "run", "laiqa:maskeddifference", "--",
                        f"PRODUCT={subdataset(granule['path'], 'Lai_500m')}", "PRODUCT_PRESET=2",
                        f"QA={subdataset(granule['path'], 'FparLai_QC')}", "QA_BAND=1", f"SCHEME={MOD15}",
                        "SPLIT_FIELD=", f"REFERENCE={subdataset(other, 'Lai_500m')}", "REFERENCE_PRESET=2",
                        f"OUTPUT={out}", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    lai, qc = granule["lai"].astype(np.int64), granule["qc"].astype(np.int64)
    good = ((qc & 1) == 0) & (((qc >> 5) & 7) <= 1) & (qc != 255)  # the preset's default rule
    keep = good & (lai <= 100) & (other_lai <= 100)
    expected = np.where(keep, lai * 0.1 - other_lai * 0.1, DIFFERENCE_NODATA)
    np.testing.assert_allclose(read_band(out, 1), expected, atol=1e-5)
