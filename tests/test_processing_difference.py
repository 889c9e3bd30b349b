"""laiqa:maskeddifference through Processing: outputs, statistics table, styling, models, qgis_process."""
import csv
import json
import os
import shutil
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from helpers import ROOT, model_child, model_output_name, read_band
from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelParameter,
    QgsProcessingParameterRasterLayer,
)
from test_processing_qa import qgis_process

from laiqa.core.difference import DIFFERENCE_NODATA


@pytest.fixture
def run(laiqa_provider):
    from qgis import processing

    def run_alg(params):
        return processing.run("laiqa:maskeddifference", params, context=QgsProcessingContext(),
                              feedback=QgsProcessingFeedback())

    return run_alg


def expected_all_band(own_path, glass_path):
    own, qa, glass = read_band(own_path, 1), read_band(own_path, 2).astype(np.int64), read_band(glass_path)
    keep = (own <= 30000) & (glass >= 0) & (glass <= 1000) & ((qa & 3) != 3)
    return np.where(keep, own * 0.001 - glass * 0.01, DIFFERENCE_NODATA), keep


def test_defaults_fit_the_article_product_against_glass(run, sample_dir, tmp_path):
    own_path, glass_path = sample_dir[1]["h12v03"]
    out, stats = str(tmp_path / "d.tif"), str(tmp_path / "stats.csv")
    result = run({"PRODUCT": own_path, "REFERENCE": glass_path, "OUTPUT": out, "OUTPUT_STATS": stats})
    expected, keep = expected_all_band(own_path, glass_path)
    np.testing.assert_allclose(read_band(out, 5), expected, atol=1e-5)
    with open(result["OUTPUT_STATS"], newline="") as handle:
        rows = {row["class"]: row for row in csv.DictReader(handle)}
    assert list(rows) == ["DRT", "ECO", "WAT", "TIM", "all"]
    assert int(rows["all"]["n"]) == keep.sum()
    d = expected[keep].astype(np.float64)
    assert float(rows["all"]["bias"]) == pytest.approx(d.mean(), rel=1e-4)
    assert float(rows["all"]["rmse"]) == pytest.approx(np.sqrt((d * d).mean()), rel=1e-5)


def test_difference_is_styled_with_a_symmetric_diverging_ramp(run, sample_dir, tmp_path):
    own_path, glass_path = sample_dir[1]["h12v04"]
    run({"PRODUCT": own_path, "REFERENCE": glass_path, "OUTPUT": str(tmp_path / "d.tif")})
    renderer = ET.parse(str(tmp_path / "d.qml")).getroot().find(".//rasterrenderer")
    assert renderer.get("type") == "singlebandpseudocolor" and renderer.get("band") == "5"
    values = [float(item.get("value")) for item in renderer.iter("item")]
    expected, keep = expected_all_band(own_path, glass_path)
    twice_rmse = 2 * np.sqrt((expected[keep].astype(np.float64) ** 2).mean())
    limit = min(nice for nice in (0.1, 0.2, 0.25, 0.5, 1.0, 2.0, 2.5, 5.0, 10.0) if nice >= twice_rmse)
    assert values[0] == -values[-1] == -limit  # twice the RMSE, rounded up to a round number
    assert 0.0 in values
    centre = next(item for item in renderer.iter("item") if float(item.get("value")) == 0.0)
    red, green, blue = (int(centre.get("color")[i:i + 2], 16) for i in (1, 3, 5))
    assert (red, green, blue) != (255, 255, 255) and min(red, green, blue) < 230  # not the canvas's white


def test_no_split_gives_one_band_and_scale_override_is_used(run, sample_dir, tmp_path):
    own_path, glass_path = sample_dir[1]["h12v04"]
    out = str(tmp_path / "d.tif")
    run({"PRODUCT": own_path, "REFERENCE": glass_path, "SPLIT_FIELD": "", "REFERENCE_SCALE": 0.02,
         "RULE": "algorithm != TIM", "OUTPUT": out})
    own, qa, glass = read_band(own_path, 1), read_band(own_path, 2).astype(np.int64), read_band(glass_path)
    keep = (own <= 30000) & (glass >= 0) & (glass <= 1000) & (((qa >> 2) & 3) != 3)
    np.testing.assert_allclose(read_band(out, 1), np.where(keep, own * 0.001 - glass * 0.02, DIFFERENCE_NODATA),
                               atol=1e-5)


def test_errors_reach_the_user_as_processing_errors(run, sample_dir, tmp_path):
    own_path, _ = sample_dir[1]["h12v03"]
    _, other_glass = sample_dir[1]["h13v03"]  # h13v03 grid lies beside h12v03: no overlap
    with pytest.raises(QgsProcessingException, match="The reference does not overlap the product"):
        run({"PRODUCT": own_path, "REFERENCE": other_glass, "OUTPUT": str(tmp_path / "d.tif")})
    assert not (tmp_path / "d.tif").exists()


def test_model_feeds_the_difference_to_a_qgis_algorithm(laiqa_provider, sample_dir, tmp_path):
    model = QgsProcessingModelAlgorithm("difference then statistics", "tests")
    for name in ("product", "reference"):
        model.addModelParameter(QgsProcessingParameterRasterLayer(name), QgsProcessingModelParameter(name))
    difference = model_child(
        "laiqa:maskeddifference", "difference",
        static={"SCHEME": 0, "PRODUCT_PRESET": 0, "REFERENCE_PRESET": 1, "RESAMPLING": 0,
                "SPLIT_FIELD": "algorithm", "OUTPUT": str(tmp_path / "d.tif")},
        from_model={"PRODUCT": "product", "REFERENCE": "reference"})
    model.addChildAlgorithm(difference)
    statistics = model_child("native:rasterlayerstatistics", "statistics", static={"BAND": 5},
                             from_child={"INPUT": ("difference", "OUTPUT")}, output=("stats", "OUTPUT_HTML_FILE"))
    model.addChildAlgorithm(statistics)
    model.updateDestinationParameters()
    valid, issues = model.validate()
    assert valid, issues

    own_path, glass_path = sample_dir[1]["h12v03"]
    context = QgsProcessingContext()
    stats_output = model_output_name(model, "statistics", "stats")
    results, ok = model.run({"product": own_path, "reference": glass_path, stats_output: str(tmp_path / "s.html")},
                            context, QgsProcessingFeedback())
    assert ok
    expected, keep = expected_all_band(own_path, glass_path)
    child = context.modelResult().childResults()["statistics"].outputs() if hasattr(context, "modelResult") \
        else results["CHILD_RESULTS"]["statistics"]
    assert child["MEAN"] == pytest.approx(expected[keep].astype(np.float64).mean(), rel=1e-4)


def test_qgis_process_runs_the_difference_headless(sample_dir, tmp_path):
    own_path, glass_path = sample_dir[1]["h12v03"]
    out, stats = str(tmp_path / "d.tif"), str(tmp_path / "stats.csv")
    done = qgis_process("--json", "run", "laiqa:maskeddifference", "--", f"PRODUCT={own_path}",
                        f"REFERENCE={glass_path}", f"OUTPUT={out}", f"OUTPUT_STATS={stats}", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["results"]["OUTPUT"] == out
    log = "\n".join(result["log"]["info"])
    assert "using MODIS sinusoidal tile h12v03" in log
    assert "scale 0.01 (preset glass)" in log
    expected, _ = expected_all_band(own_path, glass_path)
    np.testing.assert_allclose(read_band(out, 5), expected, atol=1e-5)


def test_input_files_are_not_loaded_as_layers(sample_dir, tmp_path):
    """A layer would have QGIS compute the whole input's statistics and histogram first (memory and time that
    grow with the raster) and write them beside the input as .aux.xml: the core opens a file itself."""
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    for path in sample_dir[1]["h12v03"]:
        shutil.copy(path, inputs)
    own_path, glass_path = (str(inputs / os.path.basename(path)) for path in sample_dir[1]["h12v03"])
    done = qgis_process("run", "laiqa:maskeddifference", "--", f"PRODUCT={own_path}", f"REFERENCE={glass_path}",
                        f"OUTPUT={tmp_path / 'd.tif'}", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert sorted(os.listdir(inputs)) == sorted(os.path.basename(path) for path in sample_dir[1]["h12v03"])


def test_cog_option_writes_a_cloud_optimized_geotiff_with_the_same_values(run, sample_dir, tmp_path):
    from osgeo import gdal

    own_path, glass_path = sample_dir[1]["h12v03"]
    out = str(tmp_path / "d.tif")
    run({"PRODUCT": own_path, "REFERENCE": glass_path, "OUTPUT": out, "COG": True})
    dataset = gdal.Open(out)
    assert dataset.GetMetadataItem("LAYOUT", "IMAGE_STRUCTURE") == "COG"
    assert dataset.GetRasterBand(5).GetDescription() == "all"
    assert dataset.GetRasterBand(1).GetNoDataValue() == DIFFERENCE_NODATA
    expected, _ = expected_all_band(own_path, glass_path)
    np.testing.assert_allclose(read_band(out, 5), expected, atol=1e-5)
    assert [name for name in os.listdir(tmp_path) if "partial" in name or "cog" in name] == []


@pytest.mark.parametrize("spelling", ["same", "relative", "dotdot", "symlink"])
@pytest.mark.parametrize("target", ["PRODUCT", "REFERENCE", "QA"])
def test_an_output_that_is_an_input_is_refused_and_the_input_kept(run, sample_dir, tmp_path, monkeypatch, spelling,
                                                                   target):
    own_path, glass_path = sample_dir[1]["h12v03"]
    product = shutil.copy(own_path, tmp_path / "p.tif")
    reference = shutil.copy(glass_path, tmp_path / os.path.basename(glass_path))  # its name carries the tile
    qa = shutil.copy(own_path, tmp_path / "qa.tif")
    victim = {"PRODUCT": product, "REFERENCE": reference, "QA": qa}[target]
    monkeypatch.chdir(tmp_path)
    os.makedirs(tmp_path / "sub")
    os.symlink(victim, tmp_path / "link.tif")
    output = {"same": str(victim), "relative": os.path.basename(victim),
              "dotdot": os.path.join("sub", "..", os.path.basename(victim)), "symlink": str(tmp_path / "link.tif")}
    with open(victim, "rb") as handle:
        before = handle.read()
    role = {"PRODUCT": "product", "REFERENCE": "reference", "QA": "QA"}[target]
    with pytest.raises(QgsProcessingException, match=f"The output '.*' is the {role} file '.*': writing it would "
                                                     "destroy an input; choose another output file"):
        run({"PRODUCT": str(product), "REFERENCE": str(reference), "QA": str(qa), "OUTPUT": output[spelling]})
    with open(victim, "rb") as handle:
        assert handle.read() == before


def test_a_class_file_that_is_an_input_is_refused(run, sample_dir, tmp_path):
    own_path, glass_path = sample_dir[1]["h12v03"]
    (tmp_path / "DRT").mkdir()
    product = shutil.copy(own_path, tmp_path / "DRT" / "d.tif")
    with open(product, "rb") as handle:
        before = handle.read()
    with pytest.raises(QgsProcessingException, match="The class file of DRT '.*d.tif' is the product file"):
        run({"PRODUCT": str(product), "REFERENCE": glass_path, "OUTPUT": str(tmp_path / "out" / "d.tif"),
             "CLASS_FOLDER": str(tmp_path)})
    with open(product, "rb") as handle:
        assert handle.read() == before
    assert not (tmp_path / "out" / "d.tif").exists()


def test_a_failing_table_output_leaves_no_raster_behind(run, sample_dir, tmp_path):
    own_path, glass_path = sample_dir[1]["h12v03"]
    (tmp_path / "a_file").write_text("not a folder")
    out = tmp_path / "d.tif"
    with pytest.raises(QgsProcessingException, match="sample.csv"):
        run({"PRODUCT": own_path, "REFERENCE": glass_path, "OUTPUT": str(out),
             "OUTPUT_SAMPLE": str(tmp_path / "a_file" / "sample.csv")})
    assert sorted(os.listdir(tmp_path)) == ["a_file"]  # no raster, no style, no temporary


def test_completeness_table_and_the_deming_line(run, sample_dir, tmp_path):
    own_path, glass_path = sample_dir[1]["h12v03"]
    stats, completeness = str(tmp_path / "stats.csv"), str(tmp_path / "completeness.csv")
    run({"PRODUCT": own_path, "REFERENCE": glass_path, "OUTPUT": str(tmp_path / "d.tif"), "OUTPUT_STATS": stats,
         "OUTPUT_COMPLETENESS": completeness, "DEMING_LAMBDA": 2.0})
    _, keep = expected_all_band(own_path, glass_path)
    with open(completeness, newline="") as handle:
        rows = {row["class"]: row for row in csv.DictReader(handle)}
    reasons = ("kept", "qa_nodata", "dropped_by_rule", "product_fill_or_out_of_range",
               "reference_missing_after_alignment", "reference_fill_or_out_of_range")
    assert int(rows["all"]["pixels"]) == keep.size == sum(int(rows["all"][reason]) for reason in reasons)
    assert int(rows["all"]["kept"]) == int(keep.sum())
    own, glass = read_band(own_path, 1)[keep] * 0.001, read_band(glass_path)[keep] * 0.01
    sxx, syy = ((glass - glass.mean()) ** 2).sum(), ((own - own.mean()) ** 2).sum()
    sxy = ((glass - glass.mean()) * (own - own.mean())).sum()
    deming = (syy - 2 * sxx + np.sqrt((syy - 2 * sxx) ** 2 + 8 * sxy ** 2)) / (2 * sxy)
    with open(stats, newline="") as handle:
        all_row = next(row for row in csv.DictReader(handle) if row["class"] == "all")
    assert float(all_row["slope_deming"]) == pytest.approx(deming, rel=1e-9)
    assert float(all_row["intercept_deming"]) == pytest.approx(own.mean() - deming * glass.mean(), rel=1e-9)


def test_a_deming_ratio_of_zero_is_refused(run, sample_dir, tmp_path):
    own_path, glass_path = sample_dir[1]["h12v03"]
    with pytest.raises(QgsProcessingException, match="The Deming error-variance ratio must be a positive number, "
                                                     "got 0"):
        run({"PRODUCT": own_path, "REFERENCE": glass_path, "OUTPUT": str(tmp_path / "d.tif"), "DEMING_LAMBDA": 0})
    assert not (tmp_path / "d.tif").exists()


def test_statistics_carry_their_provenance(run, sample_dir, tmp_path):
    import configparser
    import dataclasses
    import hashlib

    from osgeo import gdal
    from qgis.core import Qgis

    from laiqa.core.qa.scheme import load_preset

    own_path, glass_path = sample_dir[1]["h12v03"]
    stats = str(tmp_path / "stats.csv")
    run({"PRODUCT": own_path, "REFERENCE": glass_path, "OUTPUT": str(tmp_path / "d.tif"), "OUTPUT_STATS": stats,
         "RULE": "quality != 3 and algorithm != TIM"})
    with open(tmp_path / "stats.json", encoding="utf-8") as handle:
        record = json.load(handle)
    scheme = load_preset("own_lai")
    digest = hashlib.sha256(json.dumps(dataclasses.asdict(scheme), sort_keys=True, default=str).encode()).hexdigest()
    assert record["qa"] == {"source": own_path, "band": 2, "scheme": "own_lai", "scheme_name": scheme.name,
                            "scheme_sha256": digest}
    assert record["rule"] == "quality != 3 and algorithm != TIM" and record["split_field"] == "algorithm"
    assert record["product"]["source"] == own_path and record["reference"]["source"] == glass_path
    assert record["product"]["encoding"]["scale"] == {"value": 0.001, "from": "preset own_lai"}
    assert record["reference"]["encoding"]["valid_max"] == {"value": 1000, "from": "preset glass"}
    assert record["resampling"] == "none (the same pixel grid)"
    metadata = configparser.ConfigParser()
    metadata.read(os.path.join(ROOT, "metadata.txt"), encoding="utf-8")
    assert record["software"]["lai_qa_toolkit"] == metadata["general"]["version"]
    assert record["software"]["qgis"] == Qgis.QGIS_VERSION and record["software"]["gdal"] == gdal.__version__
    assert record["created"].endswith("+00:00")


def test_qgis_process_writes_strata_rows_density_and_geopackage_provenance(sample_dir, tmp_path):
    from osgeo import gdal, ogr

    from laiqa.core.density import read_density_file

    own_path, glass_path = sample_dir[1]["h12v03"]
    product = gdal.Open(own_path)
    values = (np.indices((240, 240)).sum(axis=0) % 4).astype(np.uint8)  # biomes 0-3 in diagonal stripes
    strata_path = str(tmp_path / "lc.tif")
    dataset = gdal.GetDriverByName("GTiff").Create(strata_path, 240, 240, 1, gdal.GDT_Byte)
    dataset.SetGeoTransform(product.GetGeoTransform())
    dataset.SetProjection(product.GetProjection())
    dataset.GetRasterBand(1).WriteArray(values)
    dataset = None
    strata_table, density, stats = str(tmp_path / "strata.csv"), str(tmp_path / "d.npz"), str(tmp_path / "s.gpkg")
    done = qgis_process("--json", "run", "laiqa:maskeddifference", "--", f"PRODUCT={own_path}",
                        f"REFERENCE={glass_path}", f"OUTPUT={tmp_path / 'd.tif'}", f"STRATA={strata_path}",
                        "STRATA_PRESET=1", f"OUTPUT_STRATA={strata_table}", f"OUTPUT_DENSITY={density}",
                        f"OUTPUT_STATS={stats}", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    _, keep = expected_all_band(own_path, glass_path)
    own, glass = read_band(own_path, 1) * 0.001, read_band(glass_path) * 0.01
    with open(strata_table, newline="", encoding="utf-8") as handle:
        rows = {row["stratum"]: row for row in csv.DictReader(handle) if row["class"] == "all"}
    names = ["Water bodies", "Grasslands", "Shrublands", "Broadleaf croplands"]
    assert set(rows) == set(names)
    for value, name in enumerate(names):
        chosen = keep & (values == value)
        assert int(rows[name]["n"]) == chosen.sum()
        assert float(rows[name]["bias"]) == pytest.approx((own[chosen] - glass[chosen]).mean(), rel=1e-9)
    assert read_density_file(density)["counts"][-1].sum() == keep.sum()
    source = ogr.Open(stats)  # held while its layer is read
    record = json.loads(source.GetLayer(0).GetMetadataItem("LAI_QA_TOOLKIT_PROVENANCE"))
    source = None
    assert record["product"]["source"] == own_path and record["strata"]["source"] == strata_path
    assert record["strata"]["labels"]["1"] == "Grasslands" and record["rule"] == "quality != 3"


def test_bad_strata_labels_are_a_processing_error(run, sample_dir, tmp_path):
    own_path, glass_path = sample_dir[1]["h12v03"]
    with pytest.raises(QgsProcessingException) as raised:
        run({"PRODUCT": own_path, "REFERENCE": glass_path, "OUTPUT": str(tmp_path / "d.tif"), "STRATA": own_path,
             "STRATA_LABELS": "1=Grass;two=Shrubs"})
    assert str(raised.value) == ("STRATA_LABELS: Strata labels must look like 1=Grasslands;2=Shrublands with values "
                                 "0-65535, got 'two=Shrubs'")
    assert not (tmp_path / "d.tif").exists()
