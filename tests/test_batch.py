"""The batch: pooled statistics, failures recorded, resume, cancel, headless and in a model."""
import csv
import json
import os
import shutil
import subprocess

import numpy as np
import pytest
from hdfeos_writer import mcd15a2h_granule
from helpers import batch_request, read_band, sample_folders
from osgeo import gdal, ogr
from qgis.core import (
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelParameter,
    QgsProcessingParameterFile,
)
from test_processing_qa import qgis_process

from laiqa.core.batch import BatchRequest, run_batch
from laiqa.core.difference import DIFFERENCE_NODATA
from laiqa.core.errors import Cancelled
from laiqa.core.inputs import DifferenceSettings, LaiSpec, QaSpec
from laiqa.core.modis_tiles import MODIS_SINUSOIDAL_WKT, tile_geotransform
from laiqa.core.progress import Progress
from laiqa.core.qa.scheme import load_preset

KEYS = ["A2018161_h12v03", "A2018161_h12v04", "A2018161_h13v03", "A2018161_h13v04"]


@pytest.fixture
def folders(tmp_path):
    return sample_folders(tmp_path, 96)


def request_for(folders, **changes):
    return batch_request(folders, **{"workers": 2, **changes})


def kept_pixels(own_path, glass_path):
    own, qa, glass = read_band(own_path, 1), read_band(own_path, 2).astype(np.int64), read_band(glass_path)
    keep = (own <= 30000) & (glass >= 0) & (glass <= 1000) & ((qa & 3) != 3)
    return own[keep] * 0.001, glass[keep] * 0.01, ((qa >> 2) & 3)[keep]


def summary_rows(path):
    with open(path, newline="") as handle:
        return list(csv.DictReader(handle))


def test_per_tile_and_pooled_statistics_equal_numpy_on_all_pixels(folders):
    result = run_batch(request_for(folders), log=lambda line: None)
    assert [pair.key for pair in result.pairs] == KEYS and result.failed == 0
    products, references, algorithms = [], [], []
    rows = summary_rows(result.summary_csv)
    for key in KEYS:
        own_path, glass_path = folders["tiles"][key.split("_")[1]]
        p, r, a = kept_pixels(own_path, glass_path)
        products.append(p)
        references.append(r)
        algorithms.append(a)
        tile_all = next(row for row in rows if row["key"] == key and row["class"] == "all")
        assert int(tile_all["n"]) == p.size
        assert float(tile_all["rmse"]) == pytest.approx(np.sqrt(((p - r) ** 2).mean()), rel=1e-5)
    p, r, a = np.concatenate(products), np.concatenate(references), np.concatenate(algorithms)
    pooled = {row["class"]: row for row in rows if row["key"] == "all pairs"}
    for name, selected in (("all", np.ones(p.size, bool)), ("WAT", a == 2)):
        d = p[selected] - r[selected]
        assert int(pooled[name]["n"]) == selected.sum()
        assert float(pooled[name]["bias"]) == pytest.approx(d.mean(), rel=1e-4, abs=1e-7)
        assert float(pooled[name]["sd"]) == pytest.approx(np.std(d, ddof=1), rel=1e-5)
        assert float(pooled[name]["r"]) == pytest.approx(np.corrcoef(p[selected], r[selected])[0, 1], rel=1e-6)
    # outputs: rasters per key, tile footprints (one feature per key and class), VRT mosaic per class
    footprints = ogr.Open(result.footprints)  # keep the dataset: its layer dies with it
    assert footprints.GetLayer("tiles").GetFeatureCount() == 4 * 5
    assert sorted(os.path.basename(m) for m in result.mosaics) == [
        f"mosaic_A2018161_{name}.vrt" for name in sorted(["DRT", "ECO", "WAT", "TIM", "all"])]
    mosaic = gdal.Open(os.path.join(folders["out"], "mosaic_A2018161_all.vrt"))
    assert (mosaic.RasterXSize, mosaic.RasterYSize) == (2 * 96, 2 * 96)
    # h12v03 is the north-west tile of the four, h13v04 the south-east one
    all_band = mosaic.GetRasterBand(1).ReadAsArray()
    np.testing.assert_array_equal(all_band[:96, :96], read_band(os.path.join(folders["out"], f"{KEYS[0]}.tif"), 5))
    np.testing.assert_array_equal(all_band[96:, 96:], read_band(os.path.join(folders["out"], f"{KEYS[3]}.tif"), 5))


def test_a_corrupt_file_fails_its_pair_and_the_others_finish(folders):
    broken = folders["tiles"]["h12v04"][1]
    with open(broken, "wb") as handle:
        handle.write(b"\x0e\x03\x13\x01 truncated download")
    result = run_batch(request_for(folders), log=lambda line: None)
    status = {pair.key: (pair.status, pair.reason) for pair in result.pairs}
    assert status["A2018161_h12v04"][0] == "failed"
    assert "Reference: cannot open" in status["A2018161_h12v04"][1]
    assert all(status[key][0] == "done" for key in KEYS if key != "A2018161_h12v04")
    assert result.failed == 1
    failed_rows = [row for row in summary_rows(result.summary_csv) if row["status"] == "failed"]
    assert [row["key"] for row in failed_rows] == ["A2018161_h12v04"]
    assert not os.path.exists(os.path.join(folders["out"], "A2018161_h12v04.tif"))
    # the failed tile is in the footprints, where its product lies (the MODIS tile, from the grid's formula)
    footprints = ogr.Open(result.footprints)
    tiles = footprints.GetLayer("tiles")
    tiles.SetAttributeFilter("status = 'failed'")
    failed = [(feature.GetField("key"), feature.GetField("class"), feature.GetGeometryRef().GetEnvelope())
              for feature in tiles]
    size, x0, y0 = 1111950.5197665, -20015109.354, 10007554.677
    assert [(key, name) for key, name, _ in failed] == [("A2018161_h12v04", "all")]
    assert failed[0][2] == pytest.approx((x0 + 12 * size, x0 + 13 * size, y0 - 5 * size, y0 - 4 * size), abs=1e-3)


def test_second_run_skips_complete_pairs_and_overwrite_redoes_them(folders):
    run_batch(request_for(folders), log=lambda line: None)
    outputs = [os.path.join(folders["out"], f"{key}.tif") for key in KEYS]
    first = [os.stat(path).st_mtime_ns for path in outputs]
    again = run_batch(request_for(folders), log=lambda line: None)
    assert [pair.status for pair in again.pairs] == ["skipped"] * 4
    assert [os.stat(path).st_mtime_ns for path in outputs] == first
    assert int(summary_rows(again.summary_csv)[-1]["n"]) > 0  # pooled from the saved sums
    redone = run_batch(request_for(folders, overwrite=True), log=lambda line: None)
    assert [pair.status for pair in redone.pairs] == ["done"] * 4
    assert all(os.stat(path).st_mtime_ns > before for path, before in zip(outputs, first))


def test_an_incomplete_earlier_output_is_redone(folders):
    run_batch(request_for(folders), log=lambda line: None)
    os.remove(os.path.join(folders["out"], "A2018161_h13v03.sums.json"))  # as if stopped before the end
    again = run_batch(request_for(folders), log=lambda line: None)
    assert {pair.key: pair.status for pair in again.pairs}["A2018161_h13v03"] == "done"


def test_cancel_mid_batch_leaves_only_complete_outputs(folders):
    calls = {"n": 0}

    def cancel_after_a_while():
        calls["n"] += 1
        return calls["n"] > 3

    with pytest.raises(Cancelled):
        run_batch(request_for(folders, workers=1), Progress(is_cancelled=cancel_after_a_while), log=lambda line: None)
    for name in os.listdir(folders["out"]):
        assert not name.endswith(".partial"), name
        if name.endswith(".tif"):
            assert os.path.exists(os.path.join(folders["out"], name[:-4] + ".sums.json"))
            assert gdal.Open(os.path.join(folders["out"], name)) is not None


def test_modis_granule_folder_as_reference_with_subdataset(tmp_path):
    product_dir, granule_dir = tmp_path / "rt", tmp_path / "mcd"
    product_dir.mkdir()
    granule_dir.mkdir()
    expected = {}
    for h in (12, 13):
        size = 48
        lai = mcd15a2h_granule(str(granule_dir / f"MCD15A2H.A2018161.h{h}v03.061.2021180000000.hdf"), h, 3, size,
                               seed=h)["lai"]
        own = np.full((size, size), 3000, np.int16)
        path = str(product_dir / f"Rc_Lai_A2018161_h{h}v03.tif")
        dataset = gdal.GetDriverByName("GTiff").Create(path, size, size, 2, gdal.GDT_Int16)
        dataset.SetGeoTransform(tile_geotransform(h, 3, size))
        dataset.SetProjection(MODIS_SINUSOIDAL_WKT)
        dataset.GetRasterBand(1).WriteArray(own)
        dataset.GetRasterBand(2).WriteArray(np.zeros_like(own))
        dataset = None
        expected[f"A2018161_h{h}v03"] = np.where(lai <= 100, 3.0 - lai * 0.1, DIFFERENCE_NODATA)
    request = BatchRequest(str(product_dir), str(granule_dir), str(tmp_path / "out"), LaiSpec(preset="own_lai"),
                           LaiSpec(preset="mcd15a2h", subdataset="Lai_500m"), QaSpec(load_preset("own_lai")),
                           DifferenceSettings(split_field=""))
    result = run_batch(request, log=lambda line: None)
    assert [pair.key for pair in result.pairs] == sorted(expected)
    for key, values in expected.items():
        np.testing.assert_allclose(read_band(str(tmp_path / "out" / f"{key}.tif"), 1), values, atol=1e-5)


def test_qgis_process_runs_the_batch_on_the_sample_folders(folders, tmp_path):
    done = qgis_process("--json", "run", "laiqa:batchcompare", "--", f"PRODUCT_FOLDER={folders['rt']}",
                        f"REFERENCE_FOLDER={folders['glass']}", f"OUTPUT_FOLDER={folders['out']}", "WORKERS=2",
                        cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)["results"]
    assert results["PAIRED"] == 4 and results["FAILED"] == 0
    assert [row["key"] for row in summary_rows(results["SUMMARY"]) if row["class"] == "all"][:4] == KEYS
    assert results["TILES"].endswith("tiles.gpkg|layername=tiles")


def test_qgis_process_batch_with_strata_and_density_keeps_provenance_in_the_geopackage(folders, tmp_path):
    from laiqa.core.density import read_density

    world = gdal.GetDriverByName("GTiff").Create(str(tmp_path / "lc.tif"), 400, 200, 1, gdal.GDT_Byte)
    world.SetGeoTransform((-2e7, 1e5, 0, 1e7, 0, -1e5))  # the MODIS sinusoidal world at 100 km, all stratum 7
    world.SetProjection(MODIS_SINUSOIDAL_WKT)
    world.GetRasterBand(1).Fill(7)
    world = None
    done = qgis_process("--json", "run", "laiqa:batchcompare", "--", f"PRODUCT_FOLDER={folders['rt']}",
                        f"REFERENCE_FOLDER={folders['glass']}", f"OUTPUT_FOLDER={folders['out']}", "WORKERS=2",
                        f"STRATA={tmp_path / 'lc.tif'}", "STRATA_LABELS=7=Seven", "DENSITY=true",
                        f"OUTPUT_REPORT={tmp_path / 'report.html'}", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)["results"]
    pooled = {row["class"]: row for row in summary_rows(results["SUMMARY"]) if row["key"] == "all pairs"}
    strata = {row["class"]: row for row in summary_rows(results["OUTPUT_STRATA"])
              if row["key"] == "all pairs" and row["stratum"] == "Seven"}
    assert {name: strata[name]["n"] for name in pooled} == {name: pooled[name]["n"] for name in pooled}
    assert read_density(results["OUTPUT_DENSITY"]).counts.sum() == int(pooled["all"]["n"])
    report = (tmp_path / "report.html").read_text(encoding="utf-8")
    strata_table = report[report.index('<table id="strata">'):]
    strata_table = strata_table[:strata_table.index("</table>")]
    assert '<td data-column="stratum" data-value="Seven"' in strata_table
    assert strata_table.count("<tr data-class=") == len(pooled)  # the pooled strata rows: one per class and 'all'
    source = ogr.Open(os.path.join(folders["out"], "tiles.gpkg"))
    record = json.loads(source.GetLayerByName("tiles").GetMetadataItem("LAI_QA_TOOLKIT_PROVENANCE"))
    source = None
    assert record["product_folder"] == folders["rt"] and record["settings"]["density"] is True


def test_qgis_process_runs_pairs_in_local_processes_with_the_threads_summary(folders, tmp_path):
    """QGIS's embedded Python reports the first python3 on PATH as its interpreter: workers must not use it."""
    runs = {}
    for executor in ("0", "1"):
        out = tmp_path / f"executor{executor}"
        done = qgis_process("--json", "run", "laiqa:batchcompare", "--", f"PRODUCT_FOLDER={folders['rt']}",
                            f"REFERENCE_FOLDER={folders['glass']}", f"OUTPUT_FOLDER={out}", f"EXECUTOR={executor}",
                            "WORKERS=2", cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["results"]["FAILED"] == 0, done.stdout
        runs[executor] = [{key: value for key, value in row.items() if key not in ("product", "reference")}
                          for row in summary_rows(str(out / "summary.csv"))]
    assert runs["1"] == runs["0"]


def test_choosing_dask_where_it_is_not_installed_says_how_to_install_it(folders, tmp_path):
    probe = subprocess.run(["/usr/bin/python3", "-c", "import distributed"], capture_output=True)
    if probe.returncode == 0:
        pytest.skip("Dask is installed for QGIS's own Python here")
    done = qgis_process("run", "laiqa:batchcompare", "--", f"PRODUCT_FOLDER={folders['rt']}",
                        f"REFERENCE_FOLDER={folders['glass']}", f"OUTPUT_FOLDER={folders['out']}", "EXECUTOR=2",
                        cwd=tmp_path)
    assert done.returncode == 1
    assert "The Dask executor needs Dask's distributed scheduler: pip install 'dask[distributed]'" in done.stderr
    assert "Traceback" not in done.stdout + done.stderr


def test_model_with_folder_inputs_runs_the_batch(laiqa_provider, folders):
    model = QgsProcessingModelAlgorithm("batch", "tests")
    for name in ("products", "references"):
        model.addModelParameter(QgsProcessingParameterFile(name, name, QgsProcessingParameterFile.Behavior.Folder),
                                QgsProcessingModelParameter(name))
    batch = QgsProcessingModelChildAlgorithm("laiqa:batchcompare")
    batch.setChildId("batch")
    batch.addParameterSources("PRODUCT_FOLDER", [QgsProcessingModelChildParameterSource.fromModelParameter(
        "products")])
    batch.addParameterSources("REFERENCE_FOLDER", [QgsProcessingModelChildParameterSource.fromModelParameter(
        "references")])
    for name, value in (("PRODUCT_PATTERN", "*.tif"), ("REFERENCE_PATTERN", "*.hdf"), ("KEY_PATTERN",
                        r"A\d{7};h\d{2}v\d{2}"), ("SCHEME", 0), ("PRODUCT_PRESET", 0), ("REFERENCE_PRESET", 1),
                        ("RESAMPLING", 0), ("WORKERS", 1), ("RECURSIVE", False), ("OVERWRITE", False),
                        ("CLASS_FOLDERS", True), ("OUTPUT_FOLDER", folders["out"])):
        batch.addParameterSources(name, [QgsProcessingModelChildParameterSource.fromStaticValue(value)])
    model.addChildAlgorithm(batch)
    valid, issues = model.validate()
    assert valid, issues
    results, ok = model.run({"products": folders["rt"], "references": folders["glass"]}, QgsProcessingContext(),
                            QgsProcessingFeedback())
    assert ok
    assert results["CHILD_RESULTS"]["batch"]["PAIRED"] == 4
    assert os.path.exists(os.path.join(folders["out"], "DRT", "A2018161_h12v03.tif"))
    shutil.rmtree(folders["out"])


@pytest.mark.parametrize(
    "change, message",
    [
        ({"PRODUCT_FOLDER": "/nonexistent/rt"}, "Product folder '/nonexistent/rt' does not exist"),
        ({"KEY_PATTERN": r"h(\d{2}"}, r"Key pattern part 'h\(\\d\{2\}' is not a valid regular expression"),
        ({"RULE": "algorithm == GLASS"}, "Unknown label 'GLASS' for field 'algorithm'"),
    ],
)
def test_bad_batch_parameters_are_processing_errors(laiqa_provider, folders, change, message):
    from qgis import processing
    from qgis.core import QgsProcessingException

    parameters = {"PRODUCT_FOLDER": folders["rt"], "REFERENCE_FOLDER": folders["glass"],
                  "OUTPUT_FOLDER": folders["out"], **change}
    with pytest.raises(QgsProcessingException, match=message):
        processing.run("laiqa:batchcompare", parameters, context=QgsProcessingContext(),
                       feedback=QgsProcessingFeedback())
    written = os.listdir(folders["out"]) if os.path.isdir(folders["out"]) else []
    assert [name for name in written if name.endswith(".tif")] == []
