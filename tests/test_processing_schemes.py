"""SCHEME_FILE in every algorithm that takes a scheme, laiqa:exportscheme, and the preset guard's warnings in the
Processing log."""
import json
import os
import shutil

import numpy as np
import pytest
import yaml
from helpers import read_band, sample_folders
from osgeo import gdal
from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback

from laiqa.core.qa.scheme import PRESET_IDS, load_preset
from laiqa.core.qa.scheme_files import read_scheme_file

LANDSAT_INDEX = PRESET_IDS.index("landsat_c2_qa_pixel")
CUSTOM_INDEX = len(PRESET_IDS)


class Recorder(QgsProcessingFeedback):
    """Keeps what the algorithm says, infos and warnings apart."""

    def __init__(self):
        super().__init__()
        self.infos, self.warnings = [], []

    def pushInfo(self, info):  # noqa: N802 - QGIS API name
        self.infos.append(info)
        super().pushInfo(info)

    def pushWarning(self, warning):  # noqa: N802 - QGIS API name
        self.warnings.append(warning)
        super().pushWarning(warning)


@pytest.fixture
def run(laiqa_provider):
    from qgis import processing

    def run_alg(alg_id, params, feedback=None):
        return processing.run(alg_id, params, context=QgsProcessingContext(), feedback=feedback or Recorder())

    return run_alg


def stac_file(tmp_path, bitfields, name="scheme.json"):
    path = tmp_path / name
    path.write_text(json.dumps({"classification:bitfields": bitfields}), encoding="utf-8")
    return str(path)


CLOUD_FIELDS = [
    {"name": "cloud state", "offset": 3, "length": 2,
     "classes": [{"value": 0, "name": "clear", "description": "Clear"}, {"value": 1, "name": "cloudy",
                                                                         "description": "Cloudy"}]},
    {"name": "algorithm path", "offset": 5, "length": 3},
]


def test_qamask_takes_its_scheme_from_a_stac_file(run, write_raster, tmp_path):
    qa = np.arange(256, dtype=np.uint8).reshape(16, 16)
    source = write_raster(qa, gdal.GDT_Byte)
    out = str(tmp_path / "mask.tif")
    feedback = Recorder()
    result = run("laiqa:qamask", {"INPUT": source, "SCHEME": 0, "SCHEME_FILE": stac_file(tmp_path, CLOUD_FIELDS),
                                  "RULE": "cloud_state == clear and algorithm_path <= 1", "OUTPUT": out}, feedback)
    values = qa.astype(np.int64)
    expected = (((values >> 3) & 3) == 0) & (((values >> 5) & 7) <= 1)
    assert (read_band(out) == expected).all()
    assert result["KEPT_FRACTION"] == pytest.approx(expected.mean())
    assert feedback.warnings == []


def test_decode_and_the_difference_take_the_scheme_file(run, sample_dir, tmp_path):
    own_path, glass_path = sample_dir[1]["h12v03"]
    scheme_path = tmp_path / "own.yaml"  # the own product's layout as unpackqa writes it
    scheme_path.write_text("own:\n  flag_info:\n    quality: [0, 1]\n    algorithm: [2, 3]\n  num_bits: 16\n")
    out = str(tmp_path / "fields.tif")
    run("laiqa:decodeqabits", {"INPUT": own_path, "BAND": 2, "SCHEME_FILE": str(scheme_path), "OUTPUT": out})
    qa = read_band(own_path, 2).astype(np.int64)
    assert (read_band(out, 2) == (qa >> 2) & 3).all()
    assert gdal.Open(out).GetRasterBand(2).GetDescription() == "algorithm"
    stats = str(tmp_path / "stats.csv")
    run("laiqa:maskeddifference", {"PRODUCT": own_path, "REFERENCE": glass_path, "QA_BAND": 2,
                                   "SCHEME_FILE": str(scheme_path), "RULE": "quality != 3", "SPLIT_FIELD": "",
                                   "OUTPUT": str(tmp_path / "d.tif"), "OUTPUT_STATS": stats})
    provenance = json.load(open(os.path.splitext(stats)[0] + ".json", encoding="utf-8"))
    assert provenance["qa"]["scheme"] == "own" and provenance["rule"] == "quality != 3"


def test_the_batch_takes_the_scheme_file(run, tmp_path):
    folders = sample_folders(tmp_path, 16, tiles=1)
    scheme_path = tmp_path / "layout.json"
    scheme_path.write_text(json.dumps({"id": "my_layout", "name": "My layout", "fields": [
        {"name": "quality", "first_bit": 0, "bit_count": 2},
        {"name": "algorithm", "first_bit": 2, "bit_count": 2, "labels": {"0": "DRT", "1": "ECO"}}]}))
    run("laiqa:batchcompare", {"PRODUCT_FOLDER": folders["rt"], "REFERENCE_FOLDER": folders["glass"],
                               "OUTPUT_FOLDER": folders["out"], "SCHEME_FILE": str(scheme_path),
                               "RULE": "quality != 3"})
    provenance = json.load(open(os.path.join(folders["out"], "summary.json"), encoding="utf-8"))
    assert (provenance["qa"]["scheme"], provenance["qa"]["scheme_name"]) == ("my_layout", "My layout")


def test_a_file_with_several_sets_says_which_it_took(run, write_raster, tmp_path):
    item = {"type": "Feature", "assets": {
        "first": {"classification:bitfields": CLOUD_FIELDS},
        "second": {"classification:bitfields": [{"name": "low", "offset": 0, "length": 1}]}}}
    path = tmp_path / "item.json"
    path.write_text(json.dumps(item))
    feedback = Recorder()
    run("laiqa:decodeqabits", {"INPUT": write_raster(np.zeros((2, 2), np.uint8), gdal.GDT_Byte),
                               "SCHEME_FILE": f"{path}#second", "OUTPUT": str(tmp_path / "a.tif")}, feedback)
    assert gdal.Open(str(tmp_path / "a.tif")).RasterCount == 1
    run("laiqa:decodeqabits", {"INPUT": write_raster(np.zeros((2, 2), np.uint8), gdal.GDT_Byte),
                               "SCHEME_FILE": str(path), "OUTPUT": str(tmp_path / "b.tif")}, feedback)
    assert any("holds 2 bit field sets (asset first, asset second); using the first" in info
               for info in feedback.infos)


@pytest.mark.parametrize("params, message", [
    ({"SCHEME": CUSTOM_INDEX, "CUSTOM_FIELDS": ["a", 0, 1, ""]}, "Give the QA scheme as CUSTOM_FIELDS or as "
                                                                  "SCHEME_FILE, not both"),
    ({"SCHEME_FILE": "BROKEN"}, r"QA scheme file .*broken\.json is not valid JSON"),
])
def test_scheme_file_mistakes_are_processing_errors(run, write_raster, tmp_path, params, message):
    (tmp_path / "broken.json").write_text("{ nope")
    params = {key: str(tmp_path / "broken.json") if value == "BROKEN" else value for key, value in params.items()}
    with pytest.raises(QgsProcessingException, match=message):
        run("laiqa:qamask", {"INPUT": write_raster(np.zeros((2, 2), np.uint8), gdal.GDT_Byte),
                             "SCHEME_FILE": stac_file(tmp_path, CLOUD_FIELDS), "OUTPUT": str(tmp_path / "m.tif"),
                             **params})
    assert not os.path.exists(tmp_path / "m.tif")


@pytest.mark.parametrize("file_format, name", [(0, "s.json"), (1, "s.yaml"), (2, "s.json")])
def test_exportscheme_writes_what_the_scheme_files_read_back(run, tmp_path, file_format, name):
    out = str(tmp_path / name)
    result = run("laiqa:exportscheme", {"SCHEME": PRESET_IDS.index("mod15_fparlai_qc"), "FORMAT": file_format,
                                        "OUTPUT": out})
    assert result["OUTPUT"] == out and result["SCHEME_NAME"] == "MODIS MOD15A2H/MCD15A2H FparLai_QC"
    text = open(out, encoding="utf-8").read()
    data = yaml.safe_load(text) if name.endswith(".yaml") else json.loads(text)
    if file_format == 0:
        assert data["classification:bitfields"][3]["offset"] == 3 and data["classification:bitfields"][3][
            "length"] == 2
    elif file_format == 1:
        assert data["mod15_fparlai_qc"]["flag_info"]["SCF_QC"] == [5, 6, 7]
    else:
        assert data["fields"][4] == {**data["fields"][4], "name": "SCF_QC", "first_bit": 5, "bit_count": 3}
    back = read_scheme_file(out).scheme
    preset = load_preset("mod15_fparlai_qc")
    assert [(f.name, f.first_bit, f.bit_count) for f in back.fields] == [
        ("MODLAND_QC", 0, 1), ("SENSOR", 1, 1), ("DEADDETECTOR", 2, 1), ("CLOUDSTATE", 3, 2), ("SCF_QC", 5, 3)]
    if file_format != 1:
        assert back == preset


def test_exportscheme_saves_a_custom_scheme_to_load_again(run, tmp_path):
    out = str(tmp_path / "custom.json")
    run("laiqa:exportscheme", {"SCHEME": CUSTOM_INDEX, "CUSTOM_FIELDS": ["algorithm", 2, 2, "0=DRT;1=ECO"],
                               "FORMAT": 2, "OUTPUT": out})
    again = str(tmp_path / "again.json")
    run("laiqa:exportscheme", {"SCHEME_FILE": out, "FORMAT": 0, "OUTPUT": again})
    scheme = read_scheme_file(again).scheme
    assert scheme.field("algorithm").labels == {0: "DRT", 1: "ECO"}
    assert (scheme.field("algorithm").first_bit, scheme.field("algorithm").bit_count) == (2, 2)


def test_exportscheme_refuses_a_yaml_file_named_json(run, tmp_path):
    with pytest.raises(QgsProcessingException, match=r"A unpackqa scheme file must end in \.yaml or \.yml"):
        run("laiqa:exportscheme", {"SCHEME": 0, "FORMAT": 1, "OUTPUT": str(tmp_path / "s.json")})
    assert os.listdir(tmp_path) == []


def bqa_raster(write_raster, name):
    return write_raster(np.array([[1 << 4, 0]], dtype=np.uint16), gdal.GDT_UInt16, name=name)


@pytest.mark.parametrize("algorithm", ["laiqa:qamask", "laiqa:decodeqabits"])
def test_a_landsat_collection_1_file_with_the_qa_pixel_preset_warns_once(run, write_raster, tmp_path, algorithm):
    source = bqa_raster(write_raster, "LC08_L1TP_047027_20201204_20201218_01_T1_BQA.TIF")
    feedback = Recorder()
    run(algorithm, {"INPUT": source, "SCHEME": LANDSAT_INDEX, "OUTPUT": str(tmp_path / "o.tif")}, feedback)
    assert len(feedback.warnings) == 1
    assert "is a Landsat Collection 1 BQA band, but the QA preset landsat_c2_qa_pixel" in feedback.warnings[0]
    fitting = bqa_raster(write_raster, "LC08_L2SP_047027_20201204_20210313_02_T1_QA_PIXEL.TIF")
    quiet = Recorder()
    run(algorithm, {"INPUT": fitting, "SCHEME": LANDSAT_INDEX, "OUTPUT": str(tmp_path / "p.tif")}, quiet)
    assert quiet.warnings == []


def test_the_difference_and_the_batch_warn_in_the_log(run, sample_dir, tmp_path):
    own_path, glass_path = sample_dir[1]["h12v03"]
    product = str(tmp_path / "MOD13Q1.A2018161.h12v03.061.2020000000000.tif")  # named as another product
    shutil.copy(own_path, product)
    feedback = Recorder()
    run("laiqa:maskeddifference", {"PRODUCT": product, "REFERENCE": glass_path, "QA_BAND": 2, "SCHEME": 0,
                                   "OUTPUT": str(tmp_path / "d.tif")}, feedback)
    assert len(feedback.warnings) == 1 and "is MODIS MOD13Q1, but the QA preset own_lai" in feedback.warnings[0]
    folders = sample_folders(tmp_path / "batch", 16, tiles=1)
    for name in os.listdir(folders["rt"]):
        os.rename(os.path.join(folders["rt"], name),
                  os.path.join(folders["rt"], "MOD13Q1.A2018161.h12v03.061.2020000000000.tif"))
    batch_feedback = Recorder()
    run("laiqa:batchcompare", {"PRODUCT_FOLDER": folders["rt"], "REFERENCE_FOLDER": folders["glass"],
                               "OUTPUT_FOLDER": folders["out"]}, batch_feedback)
    assert len(batch_feedback.warnings) == 1
    assert batch_feedback.warnings[0].startswith("A2018161_h12v03: QA 'MOD13Q1.A2018161.h12v03.061")
