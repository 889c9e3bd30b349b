"""QGIS desktop itself, on a virtual X server: the plugin loads, its dialog runs the sample pair and shows
the statistics. Runs on every QGIS leg; the screenshots stay in the test artifacts for a person to see."""
import json
import os
import shutil
import subprocess

import numpy as np
import pytest
from helpers import PLUGIN_PATH, ROOT, read_band
from osgeo import gdal

ARTIFACTS = os.environ.get("LAIQA_TEST_ARTIFACTS", os.path.join(ROOT, ".build", "test-artifacts"))


# The locale settings QGIS really writes: none (the system's, English here), and 简体中文 chosen in
# Settings ▸ Options (zh-Hans); the screenshots of each are kept, suffixed with the locale.
LOCALES = {"": ("LAI QA Compare…", "Run", "Statistics"), "zh-Hans": ("LAI QA 对比…", "运行", "统计")}
CANCELLED = {"": "Cancelled: the pairs finished before were kept", "zh-Hans": "已取消：此前已完成的配对已保留"}


@pytest.mark.skipif(not (shutil.which("xvfb-run") and shutil.which("qgis")), reason="needs xvfb-run and qgis")
@pytest.mark.parametrize("locale", list(LOCALES))
def test_desktop_qgis_runs_a_pair_with_a_qa_file_a_rerun_a_batch_and_a_cancel(sample_dir, tmp_path, locale):
    own_path, glass_path = sample_dir[1]["h12v03"]
    qa_path = str(tmp_path / "qa_h12v03.tif")  # the QA band as its own single-band file, as MODIS users have it
    gdal.Translate(qa_path, own_path, bandList=[2])
    profiles = tmp_path / "profiles"
    settings = profiles / "profiles" / "default" / "QGIS"
    settings.mkdir(parents=True)
    chosen = f"\n[locale]\noverrideFlag=true\nuserLocale={locale}\n" if locale else ""
    (settings / "QGIS3.ini").write_text("[PythonPlugins]\nlaiqa=true\n\n[qgis]\ncheckVersion=false\n"
                                        "showTips=false\n" + chosen, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    os.makedirs(ARTIFACTS, exist_ok=True)
    env = {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
    env.update(QGIS_PLUGINPATH=PLUGIN_PATH, LAIQA_DESKTOP_OUT=str(out), LAIQA_DESKTOP_PRODUCT=own_path,
               LAIQA_DESKTOP_REFERENCE=glass_path, LAIQA_DESKTOP_QA=qa_path, LAIQA_DESKTOP_FOLDER=str(sample_dir[0]))
    done = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "qgis", "--nologo", "--noversioncheck",
         "--profiles-path", str(profiles), "--code", os.path.join(ROOT, "tests", "desktop_session.py")],
        env=env, capture_output=True, text=True, timeout=600)
    assert (out / "desktop.json").exists(), done.stdout[-3000:] + done.stderr[-3000:]
    suffix = f"_{locale}" if locale else ""
    with open(os.path.join(ARTIFACTS, f"desktop_qgis{suffix}.log"), "w", encoding="utf-8") as log:
        log.write(done.stdout + done.stderr)
    report = json.loads((out / "desktop.json").read_text(encoding="utf-8"))
    for name in ("desktop_dialog.png", "desktop_screen.png", "desktop_plots.png", "desktop_batch.png",
                 "desktop_cancelled.png"):
        if (out / name).exists():
            shutil.copy(out / name, os.path.join(ARTIFACTS, name.replace(".png", f"{suffix}.png")))
    assert (report["menu_text"], report["run_button"], report["results_tab"]) == LOCALES[locale], report
    assert report["errors"] == [] and report["loaded"] and report["dialog_visible"], report
    assert report["validate"] == "" and report["qa_band"] == 1, report  # a single-band QA file: band 1
    rows = {row[0]: row for row in report["rows"]}
    assert list(rows) == ["DRT", "ECO", "WAT", "TIM", "all"], report
    # N of 'all' as GDAL counts the written difference's valid pixels, independently of the dialog
    difference = read_band(str(out / "difference.tif"), 5)
    assert int(rows["all"][1].replace(",", "")) == int(np.count_nonzero(difference != -9999.0))
    assert (out / "desktop_screen.png").stat().st_size > 10000
    assert report["minimum_size"][0] <= 1366 and report["minimum_size"][1] <= 768, report  # fits a laptop
    assert report["report_enabled"], report
    # the same run again replaces its layer and shows the same figures
    assert report["layers_after_rerun"] == ["difference"] and report["rows_after_rerun"] == report["rows"], report
    # the batch of the three sample pairs: each pair's classes and the pooled ones, its plots
    assert report["batch_validate"] == "" and report["batch_failed"] == 0, report
    assert len(report["batch_rows"]) == 3 * 5 + 5 and report["batch_plots"] == [True, True], report
    # a batch cancelled at once says its finished pairs were kept and leaves no earlier figures up
    assert report["cancel_message"].startswith(CANCELLED[locale]) and report["cancel_rows"] == 0, report
