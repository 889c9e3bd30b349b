"""One rule over several QA layers (FparLai_QC and FparExtra_QC): the packed word against each layer decoded on
its own, and masks, differences and a batch on generated MCD15A2H-like granules against bit arithmetic here."""
import json

import numpy as np
import pytest
from hdfeos_writer import mcd15a2h_granule
from helpers import read_band
from osgeo import gdal
from test_processing_qa import qgis_process

from laiqa.core.batch import BatchRequest, run_batch
from laiqa.core.difference import DIFFERENCE_NODATA, masked_difference
from laiqa.core.errors import LaiQaError, RuleError, SchemeError
from laiqa.core.inputs import (
    DifferenceSettings,
    LaiInput,
    LaiSpec,
    OutputSpec,
    QaInput,
    QaLayerSpec,
    QaSpec,
    RasterInput,
)
from laiqa.core.modis_tiles import MODIS_SINUSOIDAL_WKT, tile_geotransform
from laiqa.core.qa.decode import decode
from laiqa.core.qa.layers import composite_scheme, pack_layers
from laiqa.core.qa.rule import rule_for
from laiqa.core.qa.scheme import PRESET_IDS, Field, Scheme, load_preset
from laiqa.core.qa_rasters import MASK_NODATA, qa_mask_raster

LAI_QC, EXTRA_QC, OWN = (load_preset(name) for name in ("mod15_fparlai_qc", "mod15_fparextra_qc", "own_lai"))
RULE = "FparExtra_QC.Snow_Ice == 0 and SCF_QC in (main, main_saturated)"
SIZE = 96


def kept_by_rule(qc, extra):
    """RULE in bits: FparExtra_QC bit 2 (snow/ice) clear, FparLai_QC bits 5-7 (SCF_QC) 0 or 1."""
    qc, extra = qc.astype(np.int64), extra.astype(np.int64)
    return (((extra >> 2) & 1) == 0) & (((qc >> 5) & 7) <= 1)


def write_tif(path, array, h=12, v=3):
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), array.shape[1], array.shape[0], 1,
                                                   gdal.GDT_Int16 if array.dtype == np.int16 else gdal.GDT_Byte)
    dataset.SetGeoTransform(tile_geotransform(h, v, array.shape[1]))
    dataset.SetProjection(MODIS_SINUSOIDAL_WKT)
    dataset.GetRasterBand(1).WriteArray(array)
    dataset = None
    return str(path)


def both_layers(source, extra_source=None, extra_band=1):
    return QaSpec(LAI_QC, 1, extra=(QaLayerSpec(EXTRA_QC, extra_band, None, extra_source),)).at(source)


@pytest.fixture(scope="module")
def granule(tmp_path_factory):
    folder = tmp_path_factory.mktemp("multiqa")
    path = str(folder / "MCD15A2H.A2018161.h12v03.061.2021180000000.hdf")
    return {"path": path, "folder": folder, **mcd15a2h_granule(path, 12, 3, SIZE, seed=5)}


# --- the composite scheme and the packed word (pure) ---

def test_composite_fields_sit_above_the_layers_before_them():
    scheme = composite_scheme([("FparLai_QC", LAI_QC), ("FparExtra_QC", EXTRA_QC)])
    snow = scheme.field("FparExtra_QC.SNOW_ICE")
    assert (snow.first_bit, snow.bit_count) == (8 + 2, 1)  # FparLai_QC's fields end at bit 7
    assert scheme.field("FparLai_QC.SCF_QC").first_bit == 5
    assert scheme.field("SNOW_ICE") is snow  # unqualified: only one layer has it
    assert scheme.field_names[:1] == ["FparLai_QC.MODLAND_QC"] and len(scheme.fields) == 5 + 7


def test_each_layers_field_decodes_from_the_packed_word_as_from_its_own_layer():
    rng = np.random.default_rng(1)
    first = rng.integers(-32768, 32767, (7, 9)).astype(np.int16)  # own_lai's fields end at bit 3: bits above drop
    second = rng.integers(0, 256, (7, 9)).astype(np.uint8)
    third = rng.integers(0, 256, (7, 9)).astype(np.uint8)
    layers = [("own", OWN), ("FparLai_QC", LAI_QC), ("FparExtra_QC", EXTRA_QC)]
    scheme = composite_scheme(layers)
    word = pack_layers([first, second, third], [4, 8, 8])
    assert word.dtype == np.uint32
    for (name, layer_scheme), block in zip(layers, (first, second, third)):
        own = decode(block, layer_scheme)
        packed = decode(word, scheme, names=[f"{name}.{field}" for field in layer_scheme.field_names])
        for field in layer_scheme.field_names:
            np.testing.assert_array_equal(packed[f"{name}.{field}"], own[field])
    expected = (first.view(np.uint16).astype(np.int64) & 15) | (second.astype(np.int64) << 4) | (
        third.astype(np.int64) << 12)
    np.testing.assert_array_equal(word, expected)


def test_missing_pixels_get_the_bit_above_every_layer():
    missing = np.array([[True, False]])
    word = pack_layers([np.array([[255, 3]], np.uint8), np.array([[1, 255]], np.uint8)], [8, 8], missing)
    assert word.dtype == np.uint32 and word.tolist() == [[1 << 16, 3 | 255 << 8]]


def test_a_rule_names_fields_qualified_or_unqualified_and_reads_the_layers_it_names():
    scheme = composite_scheme([("FparLai_QC", LAI_QC), ("FparExtra_QC", EXTRA_QC)])
    rule = rule_for(scheme, RULE)
    assert rule.fields == ("FparExtra_QC.SNOW_ICE", "FparLai_QC.SCF_QC")
    assert rule_for(scheme, "fparlai_qc.scf_qc == 0").fields == ("FparLai_QC.SCF_QC",)
    assert rule_for(scheme, None).text == LAI_QC.default_rule  # the main layer's default rule


@pytest.mark.parametrize("make, text, message", [
    (lambda: composite_scheme([("A", OWN), ("B", OWN)]), "quality == 0",
     "Field 'quality' is in several QA layers; write one of A.quality, B.quality (column 1)"),
    (lambda: composite_scheme([("A", OWN), ("B", OWN)]), "C.quality == 0", "Unknown field 'C.quality' at column 1"),
])
def test_rule_refusals_over_layers(make, text, message):
    with pytest.raises(RuleError) as raised:
        rule_for(make(), text)
    assert str(raised.value).startswith(message)


def test_scheme_refusals_over_layers():
    wide = Scheme("wide", "Wide", (Field("w", 0, 40),))
    with pytest.raises(SchemeError, match="^The QA layers need 80 bits together \\(A 40, B 40\\); at most 64 fit in "
                                          "one QA word$"):
        composite_scheme([("A", wide), ("B", wide)])
    with pytest.raises(SchemeError, match="^Two QA layers are both named OWN; give each its own grid"):
        composite_scheme([("own", OWN), ("OWN", OWN)])
    with pytest.raises(SchemeError, match="^QA layer name 'a-b' is not usable in rules"):
        composite_scheme([("own", OWN), ("a-b", OWN)])
    with pytest.raises(SchemeError, match="^Field 'quality' is in several QA layers; write one of A.quality, "
                                          "B.quality$"):
        composite_scheme([("A", OWN), ("B", OWN)]).field("quality")


# --- on granules with both QC grids ---

def test_mask_over_both_qc_grids_of_a_granule_equals_bit_arithmetic(granule, tmp_path):
    qa = both_layers(granule["path"])
    out = str(tmp_path / "mask.tif")
    summary = qa_mask_raster(qa, rule_for(qa.rule_scheme, RULE), OutputSpec(out))
    qc, extra = granule["qc"], granule["extra"]
    missing = (qc == 255) | (extra == 255)  # each grid's _FillValue
    expected = np.where(missing, MASK_NODATA, kept_by_rule(qc, extra).astype(np.uint8))
    np.testing.assert_array_equal(read_band(out), expected)
    assert (summary.kept, summary.valid) == (int((expected == 1).sum()), int((~missing).sum()))
    assert any("using FparExtra_QC" in note for note in summary.notes)


def test_masked_difference_over_both_qc_grids_counts_what_numpy_counts(granule, tmp_path):
    reference = write_tif(tmp_path / "ref.tif", np.full((SIZE, SIZE), 200, np.int16))  # GLASS x0.01: LAI 2
    out = str(tmp_path / "d.tif")
    result = masked_difference(
        LaiInput(RasterInput(granule["path"], 1), "mcd15a2h"), LaiInput(RasterInput(reference, 1), "glass"),
        both_layers(granule["path"]), DifferenceSettings(rule=RULE, split_field="SCF_QC"), OutputSpec(out))
    lai, qc, extra = granule["lai"], granule["qc"], granule["extra"]
    keep = kept_by_rule(qc, extra) & (qc != 255) & (extra != 255) & (lai <= 100)
    all_band = result.band_names.index("all") + 1
    np.testing.assert_allclose(read_band(out, all_band), np.where(keep, lai * 0.1 - 2.0, DIFFERENCE_NODATA),
                               atol=1e-5)
    rows = {row["class"]: row for row in result.rows}
    assert rows["all"]["n"] == int(keep.sum())
    assert rows["main"]["n"] == int((keep & ((qc.astype(np.int64) >> 5) == 0)).sum())
    extra_layers = result.provenance["qa"]["extra_layers"]
    assert [layer["scheme"] for layer in extra_layers] == ["mod15_fparextra_qc"]


def test_batch_reads_both_qc_grids_from_each_granule(tmp_path):
    granules, references = tmp_path / "mcd", tmp_path / "ref"
    granules.mkdir()
    references.mkdir()
    expected = {}
    for h in (12, 13):
        arrays = mcd15a2h_granule(str(granules / f"MCD15A2H.A2018161.h{h}v03.061.2021180000000.hdf"), h, 3, 48,
                                  seed=h)
        write_tif(references / f"GLASS01B01.V60.A2018161.h{h}v03.tif", np.full((48, 48), 100, np.int16), h)
        lai, qc, extra = arrays["lai"], arrays["qc"], arrays["extra"]
        keep = kept_by_rule(qc, extra) & (qc != 255) & (extra != 255) & (lai <= 100)
        expected[f"A2018161_h{h}v03"] = np.where(keep, lai * 0.1 - 1.0, DIFFERENCE_NODATA)
    qa = QaSpec(LAI_QC, 1, extra=(QaLayerSpec(EXTRA_QC),))  # no grid, no file: the preset's grid in each granule
    request = BatchRequest(str(granules), str(references), str(tmp_path / "out"), LaiSpec(preset="mcd15a2h"),
                           LaiSpec(preset="glass"), qa, DifferenceSettings(rule=RULE, split_field=""),
                           product_pattern="*.hdf", reference_pattern="*.tif")
    result = run_batch(request, log=lambda line: None)
    assert [pair.status for pair in result.pairs] == ["done", "done"]
    for key, values in expected.items():
        np.testing.assert_allclose(read_band(str(tmp_path / "out" / f"{key}.tif"), 1), values, atol=1e-5)
    assert result.pairs[0].rows[-1]["n"] == int((expected["A2018161_h12v03"] != DIFFERENCE_NODATA).sum())


def test_layer_refusals_name_the_layer(granule, tmp_path):
    with pytest.raises(LaiQaError, match="^QA layer FparExtra_QC: band 2 does not exist; "):
        qa_mask_raster(both_layers(granule["path"], extra_band=2), rule_for(LAI_QC, ""),
                       OutputSpec(str(tmp_path / "a.tif")))
    small = write_tif(tmp_path / "small.tif", np.zeros((10, 12), np.uint8))
    with pytest.raises(LaiQaError, match="^QA layer FparExtra_QC is 12x10 pixels but the QA raster is 96x96; every "
                                         "QA layer must share the QA grid$"):
        qa_mask_raster(both_layers(granule["path"], small), rule_for(LAI_QC, ""), OutputSpec(str(tmp_path / "b.tif")))
    assert not (tmp_path / "a.tif").exists() and not (tmp_path / "b.tif").exists()


def test_a_word_without_room_for_nodata_is_refused(tmp_path):
    wide = Scheme("wide", "Wide", (Field("w", 0, 32),))
    path = str(tmp_path / "qa.tif")
    dataset = gdal.GetDriverByName("GTiff").Create(path, 4, 4, 1, gdal.GDT_UInt32)
    dataset.GetRasterBand(1).SetNoDataValue(0)
    dataset = None
    qa = QaInput(RasterInput(path, 1, "A"), wide, (QaInput(RasterInput(path, 1, "B"), wide),))
    with pytest.raises(LaiQaError, match="^The QA layers fill all 64 bits of a QA word, leaving none to mark their "
                                         "nodata pixels; drop a layer$"):
        qa_mask_raster(qa, rule_for(qa.rule_scheme, ""), OutputSpec(str(tmp_path / "m.tif")))


# --- front ends ---

def test_qgis_process_mask_and_difference_take_extra_qa(granule, tmp_path):
    mask, difference = str(tmp_path / "mask.tif"), str(tmp_path / "diff.tif")
    extra = f"EXTRA_QA=,1,{PRESET_IDS.index('mod15_fparextra_qc')},FparExtra_QC"
    done = qgis_process("--json", "run", "laiqa:qamask", "--", f"INPUT={granule['path']}", "BAND=1",
                        f"SCHEME={PRESET_IDS.index('mod15_fparlai_qc')}", extra, f"RULE={RULE}", f"OUTPUT={mask}",
                        cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    qc, extra_qc = granule["qc"], granule["extra"]
    missing = (qc == 255) | (extra_qc == 255)
    np.testing.assert_array_equal(read_band(mask), np.where(missing, 255, kept_by_rule(qc, extra_qc)))

    reference = write_tif(tmp_path / "ref.tif", np.full((SIZE, SIZE), 300, np.int16))
    done = qgis_process("--json", "run", "laiqa:maskeddifference", "--", f"PRODUCT={granule['path']}",
                        "PRODUCT_PRESET=2", "QA_BAND=1", "SCHEME=1", "EXTRA_QA=,1,mod15_fparextra_qc,",
                        f"RULE={RULE}", "SPLIT_FIELD=", f"REFERENCE={reference}", "REFERENCE_PRESET=1",
                        f"OUTPUT={difference}", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    keep = kept_by_rule(qc, extra_qc) & ~missing & (granule["lai"] <= 100)
    np.testing.assert_allclose(read_band(difference), np.where(keep, granule["lai"] * 0.1 - 3.0, DIFFERENCE_NODATA),
                               atol=1e-5)
    log = "\n".join(json.loads(done.stdout)["log"]["info"])
    assert "FparLai_QC + FparExtra_QC" in log


@pytest.mark.parametrize("extra, message", [
    (",1,nonesuch,", "EXTRA_QA row 1: Unknown QA preset 'nonesuch'; presets: own_lai"),
    (",x,2,", "EXTRA_QA row 1: the band must be a whole number from 1, got 'x'"),
    (",1,,FparExtra_QC", "EXTRA_QA row 1: give the layer's scheme"),
    (",1,2", "EXTRA_QA has 3 cells, not a multiple of 4 (raster, band, scheme, grid)"),
])
def test_processing_refuses_bad_extra_qa_rows(laiqa_provider, granule, tmp_path, extra, message):
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback

    with pytest.raises(QgsProcessingException) as raised:
        processing.run("laiqa:qamask", {"INPUT": granule["path"], "BAND": 1, "SCHEME": 1, "EXTRA_QA": extra.split(","),
                                        "OUTPUT": str(tmp_path / "m.tif")},
                       context=QgsProcessingContext(), feedback=QgsProcessingFeedback())
    assert str(raised.value).startswith(message)


def test_processing_batch_refuses_a_raster_in_extra_qa(laiqa_provider, granule, tmp_path):
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback

    with pytest.raises(QgsProcessingException) as raised:
        processing.run("laiqa:batchcompare", {
            "PRODUCT_FOLDER": str(granule["folder"]), "REFERENCE_FOLDER": str(granule["folder"]),
            "EXTRA_QA": [granule["path"], 1, "mod15_fparextra_qc", ""], "OUTPUT_FOLDER": str(tmp_path / "out")},
            context=QgsProcessingContext(), feedback=QgsProcessingFeedback())
    assert str(raised.value) == ("EXTRA_QA row 1: in a batch every QA layer is read from each product file; leave "
                                 "the raster empty")


def test_command_line_mask_with_extra_qa_and_its_refusals(granule, tmp_path, capsys):
    from laiqa.cli import main

    out = str(tmp_path / "m.tif")
    assert main(["mask", "--input", granule["path"], "--band", "1", "--scheme", "mod15_fparlai_qc", "--extra-qa",
                 "mod15_fparextra_qc:FparExtra_QC", "--rule", RULE, "--output", out]) == 0
    qc, extra = granule["qc"], granule["extra"]
    np.testing.assert_array_equal(read_band(out), np.where((qc == 255) | (extra == 255), 255,
                                                           kept_by_rule(qc, extra)))
    assert main(["mask", "--input", granule["path"], "--band", "1", "--scheme", "1", "--extra-qa", "2::0",
                 "--output", str(tmp_path / "n.tif")]) == 2
    assert "the band must be a whole number from 1, got '0'" in capsys.readouterr().err
    assert main(["batch", "--product-folder", str(tmp_path), "--reference-folder", str(tmp_path), "--scheme", "1",
                 "--extra-qa", f"2:FparExtra_QC:1:{granule['path']}", "--output-folder", str(tmp_path / "o")]) == 2
    assert capsys.readouterr().err.strip() == ("laiqa: error: --extra-qa mod15_fparextra_qc: in a batch every QA layer "
                                               "is read from each product file; give no PATH")
