"""laiqa:decodeqabits and laiqa:qamask through Processing, as scripts, models and qgis_process use them."""
import json
import os
import subprocess
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from helpers import PLUGIN_PATH, model_child, model_output_name, read_band
from osgeo import gdal
from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelParameter,
    QgsProcessingParameterRasterLayer,
)

from laiqa.core.qa.scheme import PRESET_IDS

OWN_INDEX = PRESET_IDS.index("own_lai")
CUSTOM_INDEX = len(PRESET_IDS)


@pytest.fixture
def run(laiqa_provider):
    from qgis import processing

    def run_alg(alg_id, params):
        context = QgsProcessingContext()
        return processing.run(alg_id, params, context=context, feedback=QgsProcessingFeedback())

    return run_alg


def test_algorithms_are_registered_under_the_provider(laiqa_provider):
    assert sorted(a.id() for a in laiqa_provider.algorithms()) == [
        "laiqa:batchcompare", "laiqa:decodeqabits", "laiqa:explainrule", "laiqa:exportscheme", "laiqa:maskeddifference",
        "laiqa:qamask"]


def test_help_lists_preset_indices_by_name(laiqa_provider):
    help_text = laiqa_provider.algorithm("decodeqabits").shortHelpString()
    assert f"SCHEME={OWN_INDEX}</b>: Own LAI product (DRT/ECO/WAT/TIM)" in help_text
    assert f"SCHEME={CUSTOM_INDEX}</b>: Custom" in help_text
    assert "<code>SCF_QC</code> (bits 5-7)" in help_text


def test_decode_writes_fields_and_a_labelled_palette_sidecar(run, sample_dir, tmp_path):
    own_path = sample_dir[1]["h12v03"][0]
    out = str(tmp_path / "fields.tif")
    result = run("laiqa:decodeqabits", {"INPUT": own_path, "BAND": 2, "SCHEME": OWN_INDEX, "STYLE_FIELD": 2,
                                        "OUTPUT": out})
    assert result["OUTPUT"] == out
    qa = read_band(own_path, 2).astype(np.int64)
    assert (read_band(out, 2) == (qa >> 2) & 3).all()
    renderer = ET.parse(str(tmp_path / "fields.qml")).getroot().find(".//rasterrenderer")
    assert renderer.get("type") == "paletted" and renderer.get("band") == "2"
    labels = [entry.get("label") for entry in renderer.iter("paletteEntry")]
    assert labels == ["0 DRT", "1 ECO", "2 WAT", "3 TIM"]


def test_custom_fields_from_the_matrix(run, write_raster, tmp_path):
    qa = np.array([[0b1010_0110, 0b0000_1111]], dtype=np.uint8)
    source = write_raster(qa, gdal.GDT_Byte)
    out = str(tmp_path / "custom.tif")
    run("laiqa:decodeqabits", {"INPUT": source, "BAND": 1, "SCHEME": CUSTOM_INDEX,
                               "CUSTOM_FIELDS": ["low", 0, 3, "", "high", 5, 3, "5=five"], "OUTPUT": out})
    assert read_band(out, 1).tolist() == [[0b110, 0b111]]
    assert read_band(out, 2).tolist() == [[0b101, 0b000]]
    assert gdal.Open(out).GetRasterBand(2).GetDescription() == "high"


def test_mask_returns_kept_fraction(run, sample_dir, tmp_path):
    own_path = sample_dir[1]["h12v04"][0]
    out = str(tmp_path / "mask.tif")
    result = run("laiqa:qamask", {"INPUT": own_path, "BAND": 2, "SCHEME": OWN_INDEX,
                                  "RULE": "quality != 3 and algorithm in (DRT, ECO)", "OUTPUT": out})
    qa = read_band(own_path, 2).astype(np.int64)
    expected = ((qa & 3) != 3) & (((qa >> 2) & 3) <= 1)
    assert (read_band(out) == expected).all()
    assert result["KEPT_FRACTION"] == pytest.approx(expected.mean())
    renderer = ET.parse(str(tmp_path / "mask.qml")).getroot().find(".//rasterrenderer")
    assert [e.get("value") for e in renderer.iter("paletteEntry")] == ["0", "1"]


def test_empty_rule_uses_the_scheme_default(run, sample_dir, tmp_path):
    own_path = sample_dir[1]["h12v04"][0]
    result = run("laiqa:qamask", {"INPUT": own_path, "BAND": 2, "SCHEME": OWN_INDEX, "RULE": "",
                                  "OUTPUT": str(tmp_path / "m.tif")})
    qa = read_band(own_path, 2).astype(np.int64)
    assert result["KEPT_FRACTION"] == pytest.approx(((qa & 3) != 3).mean())  # own_lai default: quality != 3


@pytest.mark.parametrize(
    "params, message",
    [
        ({"RULE": "algorithm == GLASS"}, "Unknown label 'GLASS' for field 'algorithm' at column 14"),
        ({"RULE": "quality =! 3"}, "Syntax error at column 10: unexpected '!'"),
        ({"BAND": 1, "SCHEME": CUSTOM_INDEX, "CUSTOM_FIELDS": ["a", 0, 2, "", "b", 1, 2, ""]},
         "Fields 'a' and 'b' overlap at bit 1"),
        ({"SCHEME": PRESET_IDS.index("mod13_vi_quality"), "RULE": ""}, None),
    ],
)
def test_bad_parameters_raise_processing_errors(run, sample_dir, tmp_path, params, message):
    own_path = sample_dir[1]["h12v03"][0]
    out = tmp_path / "m.tif"
    full = {"INPUT": own_path, "BAND": 2, "SCHEME": OWN_INDEX, "RULE": "", "OUTPUT": str(out), **params}
    if message is None:  # a 16-bit layout on an Int16 band is fine
        run("laiqa:qamask", full)
        return
    with pytest.raises(QgsProcessingException, match=message):
        run("laiqa:qamask", full)
    assert not out.exists()


def test_band_out_of_range_is_a_processing_error(run, sample_dir, tmp_path):
    own_path = sample_dir[1]["h12v03"][0]
    with pytest.raises(QgsProcessingException, match="QA raster: band 3 does not exist; .* has 2 bands"):
        run("laiqa:decodeqabits", {"INPUT": own_path, "BAND": 3, "SCHEME": OWN_INDEX,
                                   "OUTPUT": str(tmp_path / "d.tif")})


def test_missing_file_is_a_processing_error(run, tmp_path):
    with pytest.raises(QgsProcessingException, match="INPUT"):
        run("laiqa:decodeqabits", {"INPUT": str(tmp_path / "nothing.tif"), "BAND": 1, "SCHEME": OWN_INDEX,
                                   "OUTPUT": str(tmp_path / "d.tif")})


def test_model_decode_then_mask_runs(laiqa_provider, sample_dir, tmp_path):
    """Decode the article's QA, then mask the decoded algorithm band with a one-field custom scheme."""
    model = QgsProcessingModelAlgorithm("decode then mask", "tests")
    model.addModelParameter(QgsProcessingParameterRasterLayer("qa"), QgsProcessingModelParameter("qa"))

    model.addChildAlgorithm(model_child(
        "laiqa:decodeqabits", "decode", static={"BAND": 2, "SCHEME": OWN_INDEX, "OUTPUT": str(tmp_path / "fields.tif")},
        from_model={"INPUT": "qa"}))
    model.addChildAlgorithm(model_child(
        "laiqa:qamask", "mask",
        static={"BAND": 2, "SCHEME": CUSTOM_INDEX, "CUSTOM_FIELDS": ["algorithm", 0, 2, "0=DRT;1=ECO;2=WAT;3=TIM"],
                "RULE": "algorithm == ECO"},
        from_child={"INPUT": ("decode", "OUTPUT")}, output=("eco", "OUTPUT")))
    model.updateDestinationParameters()
    valid, issues = model.validate()
    assert valid, issues

    own_path = sample_dir[1]["h13v03"][0]
    out = str(tmp_path / "eco.tif")
    context = QgsProcessingContext()
    _results, ok = model.run({"qa": own_path, model_output_name(model, "mask", "eco"): out}, context,
                             QgsProcessingFeedback())
    assert ok
    qa = read_band(own_path, 2).astype(np.int64)
    assert (read_band(out) == (((qa >> 2) & 3) == 1)).all()


def qgis_process(*args, cwd):
    env = {**os.environ, "QGIS_PLUGINPATH": PLUGIN_PATH, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run(["qgis_process.bin", "plugins", "enable", "laiqa"], env=env, cwd=cwd, capture_output=True)
    return subprocess.run(["qgis_process.bin", *args], env=env, cwd=cwd, capture_output=True, text=True,
                          timeout=300)


def test_qgis_process_runs_decode_headless(sample_dir, tmp_path):
    own_path = sample_dir[1]["h12v03"][0]
    out = str(tmp_path / "headless.tif")
    listed = qgis_process("list", cwd=tmp_path)
    assert "laiqa:decodeqabits" in listed.stdout and "laiqa:qamask" in listed.stdout
    done = qgis_process("--json", "run", "laiqa:decodeqabits", "--", f"INPUT={own_path}", "BAND=2",
                        f"SCHEME={OWN_INDEX}", f"OUTPUT={out}", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["results"]["OUTPUT"] == out
    assert any(line.startswith("algorithm: 0 DRT=") for line in result["log"]["info"])
    qa = read_band(own_path, 2).astype(np.int64)
    assert (read_band(out, 1) == qa & 3).all()
    assert os.path.exists(str(tmp_path / "headless.qml"))


def test_qgis_process_reports_a_bad_rule_without_traceback(sample_dir, tmp_path):
    own_path = sample_dir[1]["h12v03"][0]
    done = qgis_process("run", "laiqa:qamask", "--", f"INPUT={own_path}", "BAND=2", f"SCHEME={OWN_INDEX}",
                        "RULE=qualty != 3", f"OUTPUT={tmp_path / 'm.tif'}", cwd=tmp_path)
    assert done.returncode != 0
    assert "Unknown field 'qualty' at column 1" in done.stdout + done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert not (tmp_path / "m.tif").exists()


def test_toolbox_layer_gets_the_style_through_a_post_processor(laiqa_provider, sample_dir, tmp_path):
    """The Toolbox loads outputs itself and runs layer post-processors (processing.run does not)."""
    from qgis import processing
    from qgis.core import QgsProject, QgsRasterLayer

    own_path = sample_dir[1]["h12v03"][0]
    out = str(tmp_path / "toolbox.tif")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    context.addLayerToLoadOnCompletion(out, QgsProcessingContext.LayerDetails("fields", QgsProject.instance(),
                                                                              "OUTPUT"))
    processing.run("laiqa:decodeqabits", {"INPUT": own_path, "BAND": 2, "SCHEME": OWN_INDEX, "OUTPUT": out},
                   context=context, feedback=QgsProcessingFeedback())
    post_processor = context.layerToLoadOnCompletionDetails(out).postProcessor()
    assert post_processor is not None
    layer = QgsRasterLayer(out, "plain", "gdal", QgsRasterLayer.LayerOptions(loadDefaultStyle=False))
    assert layer.renderer().type() != "paletted"
    post_processor.postProcessLayer(layer, context, QgsProcessingFeedback())
    assert layer.renderer().type() == "paletted"
    assert layer.name() == "QA fields (quality)"


def test_creation_options_reach_gdal_and_a_malformed_one_is_refused(run, sample_dir, tmp_path):
    own_path = sample_dir[1]["h12v03"][0]
    out = str(tmp_path / "mask.tif")
    run("laiqa:qamask", {"INPUT": own_path, "BAND": 2, "SCHEME": OWN_INDEX, "OUTPUT": out,
                         "CREATION_OPTIONS": "TILED=YES|COMPRESS=DEFLATE|BLOCKXSIZE=128|BLOCKYSIZE=128"})
    dataset = gdal.Open(out)
    assert dataset.GetMetadata("IMAGE_STRUCTURE")["COMPRESSION"] == "DEFLATE"
    assert dataset.GetRasterBand(1).GetBlockSize() == [128, 128]
    with pytest.raises(QgsProcessingException) as raised:
        run("laiqa:decodeqabits", {"INPUT": own_path, "BAND": 2, "SCHEME": OWN_INDEX, "OUTPUT": str(tmp_path / "d.tif"),
                                   "CREATION_OPTIONS": "COMPRESS=DEFLATE|DEFLATE"})
    assert "CREATION_OPTIONS: 'DEFLATE' is not KEY=VALUE (separate options with |)" in str(raised.value)
    assert not os.path.exists(tmp_path / "d.tif")


@pytest.mark.parametrize("algorithm", ["laiqa:decodeqabits", "laiqa:qamask"])
def test_writing_over_the_qa_input_is_refused(run, sample_dir, tmp_path, algorithm):
    qa = str(tmp_path / "qa.tif")
    with open(sample_dir[1]["h12v03"][0], "rb") as source, open(qa, "wb") as copy:
        copy.write(source.read())
    with open(qa, "rb") as handle:
        before = handle.read()
    with pytest.raises(QgsProcessingException, match="The output '.*qa.tif' is the QA file"):
        run(algorithm, {"INPUT": qa, "BAND": 2, "SCHEME": OWN_INDEX,
                        "OUTPUT": os.path.join(str(tmp_path), ".", "qa.tif")})
    with open(qa, "rb") as handle:
        assert handle.read() == before
