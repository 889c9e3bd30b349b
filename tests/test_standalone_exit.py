"""A standalone PyQGIS script exits cleanly after each kind of failure (no GDAL object outlives QGIS)."""
import os
import subprocess
import sys

import pytest
from helpers import PLUGIN_PATH

SCRIPT = r'''
import os, sys
from qgis.core import QgsApplication, QgsProcessingException, QgsProcessingFeedback
app = QgsApplication([], False)
app.initQgis()
sys.path.append("/usr/share/qgis/python/plugins")
from processing.core.Processing import Processing
Processing.initialize()
import processing
import qgis.utils
qgis.utils.plugin_paths = [os.environ["QGIS_PLUGINPATH"]]
sys.path.insert(0, os.environ["QGIS_PLUGINPATH"])
assert qgis.utils.loadPlugin("laiqa") and qgis.utils.startProcessingPlugin("laiqa")
algorithm, parameters, cancel = sys.argv[1], eval(sys.argv[2]), sys.argv[3] == "cancel"
feedback = QgsProcessingFeedback()
if cancel:
    from qgis.PyQt.QtCore import Qt
    feedback.progressChanged.connect(lambda value: feedback.cancel() if value > 0 else None,
                                     Qt.ConnectionType.DirectConnection)  # progress comes from worker threads
try:
    results = processing.run(algorithm, parameters, feedback=feedback)
    print("finished", results.get("FAILED", ""))
except QgsProcessingException as error:
    print("refused:", str(error)[:300])
app.exitQgis()
print("exit ok")
'''


def truncated_copy(path, folder):
    target = os.path.join(folder, os.path.basename(path))
    with open(path, "rb") as source, open(target, "wb") as copy:
        data = source.read()
        copy.write(data[: int(len(data) * 0.6)])
    return target


@pytest.mark.parametrize("kind", ["fails_mid_pass", "batch_with_failed_pairs", "cancelled_batch", "bad_rule"])
def test_script_exits_cleanly_after_a_failure(sample_dir, tmp_path, kind):
    folder, tiles = sample_dir
    own_path, glass_path = tiles["h12v03"]
    broken = tmp_path / "broken_glass"
    broken.mkdir()
    for name in os.listdir(folder / "glass"):
        (broken / name).write_bytes(b"\x0e\x03\x13\x01 not HDF")
    cases = {
        "fails_mid_pass": ("laiqa:maskeddifference", {"PRODUCT": truncated_copy(own_path, str(tmp_path)),
                                                      "REFERENCE": glass_path, "OUTPUT": str(tmp_path / "d.tif")}),
        "batch_with_failed_pairs": ("laiqa:batchcompare", {"PRODUCT_FOLDER": str(folder / "rt"),
                                                           "REFERENCE_FOLDER": str(broken),
                                                           "OUTPUT_FOLDER": str(tmp_path / "b")}),
        "cancelled_batch": ("laiqa:batchcompare", {"PRODUCT_FOLDER": str(folder / "rt"),
                                                   "REFERENCE_FOLDER": str(folder / "glass"),
                                                   "OUTPUT_FOLDER": str(tmp_path / "c"), "WORKERS": 1}),
        "bad_rule": ("laiqa:qamask", {"INPUT": own_path, "BAND": 2, "RULE": "quality ==", "OUTPUT":
                                      str(tmp_path / "m.tif")}),
    }
    algorithm, parameters = cases[kind]
    script = tmp_path / "script.py"
    script.write_text(SCRIPT, encoding="utf-8")
    env = {**os.environ, "QGIS_PLUGINPATH": PLUGIN_PATH, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, str(script), algorithm, repr(parameters),
                           "cancel" if kind == "cancelled_batch" else ""], env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, (done.returncode, done.stdout[-2000:], done.stderr[-2000:])
    assert done.stdout.strip().endswith("exit ok"), done.stdout
    expected = {"fails_mid_pass": "refused: Cannot read rows", "batch_with_failed_pairs": "finished 3",
                "cancelled_batch": "refused: Cancelled", "bad_rule": "refused: Syntax error at column 11"}[kind]
    assert expected in done.stdout, done.stdout
