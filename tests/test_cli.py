"""``python3 -m laiqa``: the algorithms' outputs without QGIS, one-line refusals, and ``pip install .``."""
import csv
import os
import subprocess
import sys

import numpy as np
import pytest
from helpers import PLUGIN_PATH, ROOT, read_band
from osgeo import gdal
from qgis.core import QgsProcessingContext, QgsProcessingFeedback

# Runs the command line in a fresh Python where `import qgis` fails, as on a cluster node without QGIS.
NO_QGIS = ("import runpy, sys; sys.modules['qgis'] = None; sys.argv = ['laiqa', *sys.argv[1:]]; "
           "runpy.run_module('laiqa', run_name='__main__', alter_sys=True)")


def laiqa(*args, path=PLUGIN_PATH, cwd=None):
    env = {**os.environ, "PYTHONPATH": path}
    return subprocess.run([sys.executable, "-c", NO_QGIS, *map(str, args)], env=env, cwd=cwd, capture_output=True,
                          text=True, timeout=600)


@pytest.fixture
def run(laiqa_provider):
    from qgis import processing

    return lambda alg_id, params: processing.run(alg_id, params, context=QgsProcessingContext(),
                                                 feedback=QgsProcessingFeedback())


def same_rasters(a, b):
    first, second = gdal.Open(str(a)), gdal.Open(str(b))
    assert first.RasterCount == second.RasterCount
    assert first.GetGeoTransform() == second.GetGeoTransform()
    for index in range(1, first.RasterCount + 1):
        np.testing.assert_array_equal(read_band(str(a), index), read_band(str(b), index))
        assert first.GetRasterBand(index).GetNoDataValue() == second.GetRasterBand(index).GetNoDataValue()
        assert first.GetRasterBand(index).GetDescription() == second.GetRasterBand(index).GetDescription()


def csv_rows(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_decode_and_mask_write_what_the_algorithms_write(run, sample_dir, tmp_path):
    own_path = sample_dir[1]["h12v03"][0]
    run("laiqa:decodeqabits", {"INPUT": own_path, "BAND": 2, "SCHEME": 0, "OUTPUT": str(tmp_path / "alg_fields.tif")})
    done = laiqa("decode", "--input", own_path, "--band", 2, "--scheme", "own_lai", "--output", tmp_path / "fields.tif")
    assert done.returncode == 0, done.stderr
    same_rasters(tmp_path / "alg_fields.tif", tmp_path / "fields.tif")
    rule = "quality != 3 and algorithm in (DRT, ECO)"
    run("laiqa:qamask", {"INPUT": own_path, "BAND": 2, "SCHEME": 0, "RULE": rule, "OUTPUT": str(tmp_path / "am.tif")})
    done = laiqa("mask", "--input", own_path, "--band", 2, "--scheme", 0, "--rule", rule, "--output",
                 tmp_path / "mask.tif")
    assert done.returncode == 0, done.stderr
    same_rasters(tmp_path / "am.tif", tmp_path / "mask.tif")
    qa = read_band(own_path, 2).astype(np.int64)
    kept = int((((qa & 3) != 3) & (((qa >> 2) & 3) <= 1)).sum())
    assert f"Kept {kept} of {qa.size} pixels with QA" in done.stdout


def test_difference_writes_the_algorithms_raster_and_statistics(run, sample_dir, tmp_path):
    own_path, glass_path = sample_dir[1]["h12v03"]
    run("laiqa:maskeddifference", {"PRODUCT": own_path, "REFERENCE": glass_path, "OUTPUT": str(tmp_path / "a.tif"),
                                   "OUTPUT_STATS": str(tmp_path / "a.csv")})
    done = laiqa("difference", "--product", own_path, "--reference", glass_path, "--output", tmp_path / "c.tif",
                 "--output-stats", tmp_path / "c.csv")
    assert done.returncode == 0, done.stderr
    same_rasters(tmp_path / "a.tif", tmp_path / "c.tif")
    algorithm_rows, cli_rows = csv_rows(tmp_path / "a.csv"), csv_rows(tmp_path / "c.csv")
    assert [row["class"] for row in cli_rows] == ["DRT", "ECO", "WAT", "TIM", "all"]
    for ours, theirs in zip(cli_rows, algorithm_rows):
        assert int(ours["n"]) == int(theirs["n"])
        for column in ("bias", "rmse", "r", "slope", "gcos_share"):
            assert float(ours[column]) == pytest.approx(float(theirs[column]), rel=1e-9)


def test_difference_with_strata_and_density_writes_what_the_algorithm_writes(run, sample_dir, tmp_path):
    from laiqa.core.density import read_density_file

    own_path, glass_path = sample_dir[1]["h12v03"]
    common = {"strata": own_path, "strata-band": 2}  # the QA band as strata
    run("laiqa:maskeddifference", {"PRODUCT": own_path, "REFERENCE": glass_path, "OUTPUT": str(tmp_path / "a.tif"),
                                   "STRATA": own_path, "STRATA_BAND": 2, "OUTPUT_STRATA": str(tmp_path / "a.csv"),
                                   "OUTPUT_DENSITY": str(tmp_path / "a.npz")})
    done = laiqa("difference", "--product", own_path, "--reference", glass_path, "--output", tmp_path / "c.tif",
                 *[item for key, value in common.items() for item in (f"--{key}", value)],
                 "--output-strata", tmp_path / "c.csv", "--output-density", tmp_path / "c.npz")
    assert done.returncode == 0, done.stderr
    algorithm_rows, cli_rows = csv_rows(tmp_path / "a.csv"), csv_rows(tmp_path / "c.csv")
    assert [(row["stratum"], row["class"], row["n"]) for row in cli_rows] == [
        (row["stratum"], row["class"], row["n"]) for row in algorithm_rows]
    qa, own, glass = read_band(own_path, 2).astype(np.int64), read_band(own_path, 1), read_band(glass_path)
    keep = (own <= 30000) & (glass >= 0) & (glass <= 1000) & ((qa & 3) != 3)
    # without labels the values 0-255 are the strata
    assert {row["stratum"] for row in cli_rows} == {str(value) for value in np.unique(qa[keep & (qa < 256)])}
    np.testing.assert_array_equal(read_density_file(tmp_path / "c.npz")["counts"],
                                  read_density_file(tmp_path / "a.npz")["counts"])


def test_difference_and_batch_write_the_report_without_qgis(sample_dir, tmp_path):
    own_path, glass_path = sample_dir[1]["h12v03"]
    done = laiqa("difference", "--product", own_path, "--reference", glass_path, "--output", tmp_path / "d.tif",
                 "--output-stats", tmp_path / "d.csv", "--output-report", tmp_path / "d.html")
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "d.html").read_text(encoding="utf-8")
    everything = csv_rows(tmp_path / "d.csv")[-1]
    assert f'data-column="n" data-value="{everything["n"]}"' in page and 'data-figure="density"' in page
    folder = sample_dir[0]
    done = laiqa("batch", "--product-folder", folder / "rt", "--reference-folder", folder / "glass",
                 "--output-folder", tmp_path / "batch", "--density", "--output-report", tmp_path / "b.html")
    assert done.returncode == 0, done.stderr
    pooled = [row for row in csv_rows(tmp_path / "batch" / "summary.csv") if row["key"] == "all pairs"][-1]
    page = (tmp_path / "b.html").read_text(encoding="utf-8")
    assert f'data-column="n" data-value="{pooled["n"]}"' in page and 'data-figure="time_series"' in page


def test_batch_with_a_failed_pair_exits_1_and_writes_the_algorithms_summary(run, sample_dir, tmp_path):
    folder = sample_dir[0]
    run("laiqa:batchcompare", {"PRODUCT_FOLDER": str(folder / "rt"), "REFERENCE_FOLDER": str(folder / "glass"),
                               "OUTPUT_FOLDER": str(tmp_path / "alg")})
    done = laiqa("batch", "--product-folder", folder / "rt", "--reference-folder", folder / "glass",
                 "--output-folder", tmp_path / "cli", "--executor", "processes", "--workers", 2)
    assert done.returncode == 0, done.stderr
    assert "executor: 2 local processes" in done.stdout
    strip = [{key: value for key, value in row.items() if key not in ("product", "reference")}
             for row in csv_rows(tmp_path / "alg" / "summary.csv")]
    assert [{key: value for key, value in row.items() if key not in ("product", "reference")}
            for row in csv_rows(tmp_path / "cli" / "summary.csv")] == strip
    broken = tmp_path / "broken"
    (broken / "glass").mkdir(parents=True)
    for name in os.listdir(folder / "glass"):
        (broken / "glass" / name).write_bytes(b"not an HDF file")
    done = laiqa("batch", "--product-folder", folder / "rt", "--reference-folder", broken / "glass",
                 "--output-folder", tmp_path / "failing")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "3 pairs, 3 failed" in done.stdout


@pytest.mark.parametrize("args, message", [
    (["batch", "--product-folder", "a"], "the following arguments are required: --reference-folder, "
                                         "--output-folder"),
    (["mask", "--input", "x.tif", "--output", "m.tif", "--scheme", "mod99"], "argument --scheme: 'mod99' is none "
                                                                             "of own_lai, mod15_fparlai_qc"),
    (["frobnicate"], "argument command: invalid choice: 'frobnicate'"),
    (["mask", "--input", "MISSING.tif", "--output", "m.tif"], "QA raster: cannot open 'MISSING.tif' as a raster"),
    (["mask", "--input", "MISSING.tif", "--output", "m.tif", "--rule", "qualty == 1"],
     "Unknown field 'qualty' at column 1"),
    (["decode", "--input", "x.tif", "--output", "d.tif", "--creation-options", "DEFLATE"],
     "--creation-options: 'DEFLATE' is not KEY=VALUE"),
    (["difference", "--product", "p.tif", "--reference", "r.hdf", "--output", "d.tif", "--strata", "lc.tif",
      "--strata-labels", "1=Grass;Crops"], "Strata labels must look like 1=Grasslands;2=Shrublands"),
])
def test_bad_arguments_are_one_line_and_exit_2(tmp_path, args, message):
    done = laiqa(*args, cwd=tmp_path)
    assert done.returncode == 2, done.stdout + done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("laiqa: error: "), done.stderr
    assert message in lines[0]
    assert "Traceback" not in done.stderr


def test_help_lists_the_subcommands():
    done = laiqa("--help")
    assert done.returncode == 0
    for command in ("decode", "mask", "difference", "batch"):
        assert command in done.stdout
    assert "--executor" in laiqa("batch", "--help").stdout


def test_pip_install_gives_the_package_and_the_command_without_qgis(tmp_path):
    target = tmp_path / "site"
    built = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target),
                            ROOT], capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    for part in ("laiqa/cli.py", "laiqa/core/qa/presets/own_lai.json", "laiqa/processing_provider/provider.py",
                 "bin/laiqa"):
        assert (target / part).exists(), part
    assert not (target / "laiqa" / "tests").exists()
    done = laiqa("decode", "--input", "MISSING.tif", "--output", "d.tif", path=str(target), cwd=tmp_path)
    assert done.returncode == 2 and "cannot open 'MISSING.tif'" in done.stderr


def test_the_python_package_and_the_plugin_carry_one_version():
    import configparser

    import tomllib

    metadata = configparser.ConfigParser()
    metadata.read(os.path.join(ROOT, "metadata.txt"), encoding="utf-8")
    with open(os.path.join(ROOT, "pyproject.toml"), "rb") as handle:
        project = tomllib.load(handle)["project"]
    assert project["version"] == metadata["general"]["version"]
    with open(os.path.join(ROOT, "requirements-dev.txt"), encoding="utf-8") as handle:
        pins = [line.split("#")[0].strip() for line in handle if line.startswith("dask")]
    assert pins == project["optional-dependencies"]["dask"]


def test_explain_prints_what_explainrule_returns(run, tmp_path):
    values = "0, 2, 24, 26, 32, 34, 56, 58"
    done = laiqa("explain", "--scheme", "mod15_fparlai_qc", "--values", f"c({values})")
    assert done.returncode == 0, done.stderr
    lines = dict(line.split(": ", 1) for line in done.stdout.splitlines())
    result = run("laiqa:explainrule", {"SCHEME": 1, "VALUES": values})
    for name in ("KEPT_VALUES", "RULE_FROM_VALUES", "EE_JS", "EE_PYTHON", "NUMPY", "GDAL_CALC",
                 "QGIS_RASTER_CALCULATOR"):
        assert lines[name] == result[name]
    assert (int(lines["KEPT_COUNT"]), int(lines["DROPPED_COUNT"])) == (8, 248)
    assert lines["KEPT_VALUES"] == values


def test_explain_refuses_a_rule_and_values_together_and_bad_values_in_one_line():
    done = laiqa("explain", "--rule", "quality == 1", "--values", "1")
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert "argument --values: not allowed with argument --rule" in done.stderr
    done = laiqa("explain", "--values", "1, x")
    assert (done.returncode, done.stderr) == (2, "laiqa: error: 'x' in the value list is not a whole number\n")


def test_scheme_files_of_every_format_and_the_preset_guard(tmp_path):
    qa = np.arange(256, dtype=np.uint16).reshape(16, 16) << 2
    path = str(tmp_path / "LC08_L1TP_047027_20201204_20201218_01_T1_BQA.TIF")
    dataset = gdal.GetDriverByName("GTiff").Create(path, 16, 16, 1, gdal.GDT_UInt16)
    dataset.SetGeoTransform((500000.0, 30.0, 0.0, 4000000.0, 0.0, -30.0))
    dataset.GetRasterBand(1).WriteArray(qa)
    dataset = None
    (tmp_path / "s.yaml").write_text("mine:\n  flag_info:\n    middle bits: [2, 3, 4]\n  num_bits: 16\n")
    done = laiqa("mask", "--input", path, "--scheme-file", tmp_path / "s.yaml", "--rule", "middle_bits == 5",
                 "--output", tmp_path / "m.tif")
    assert done.returncode == 0, done.stderr
    assert (read_band(str(tmp_path / "m.tif")) == (((qa.astype(np.int64) >> 2) & 7) == 5)).all()
    assert "warning" not in done.stdout  # a scheme from a file is the user's own: no preset to doubt
    done = laiqa("decode", "--input", path, "--scheme", "landsat_c2_qa_pixel", "--output", tmp_path / "d.tif")
    assert done.returncode == 0, done.stderr
    assert "warning: QA 'LC08_L1TP_047027_20201204_20201218_01_T1_BQA.TIF' is a Landsat Collection 1 BQA" \
        in done.stdout
    (tmp_path / "bad.json").write_text("[{\"name\": \"a\", \"offset\": 60, \"length\": 8}]")
    done = laiqa("decode", "--input", path, "--scheme-file", tmp_path / "bad.json", "--output", tmp_path / "x.tif")
    assert done.returncode == 2
    assert "bad.json: Field 'a' ends at bit 67, beyond the 64 bits" in done.stderr.strip()
