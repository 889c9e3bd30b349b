"""The dialog and the QA pixel inspector, driven as a user would (pytest-qgis, offscreen)."""
import os
import time

import numpy as np
import pytest
from helpers import ROOT, read_band
from osgeo import gdal
from qgis.core import QgsMapRendererParallelJob, QgsMapSettings, QgsPointXY, QgsProject, QgsRasterLayer
from qgis.PyQt.QtCore import QCoreApplication, QSize
from qgis.PyQt.QtGui import QColor

from laiqa.core.modis_tiles import MODIS_SINUSOIDAL_WKT, tile_geotransform
from laiqa.plugin import LaiQaPlugin
from laiqa.ui.compare_dialog import RESULT_GROUP

ARTIFACTS = os.environ.get("LAIQA_TEST_ARTIFACTS", os.path.join(ROOT, ".build", "test-artifacts"))


@pytest.fixture
def plugin(qgis_iface, laiqa_provider, qgis_new_project):
    loaded = LaiQaPlugin(qgis_iface)
    loaded.provider = laiqa_provider  # the session's provider is registered already
    loaded.initGui()
    yield loaded
    loaded.provider = None  # keep the session's provider registered
    loaded.unload()


def wait_for(dialog, seconds=120):
    deadline = time.time() + seconds
    while dialog.task is not None and time.time() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    QCoreApplication.processEvents()
    assert dialog.task is None, "the run did not finish in time"


def run_batch_in_dialog(plugin, product_folder, reference_folder, output_folder, workers=None, cancel=False):
    """The batch tab filled in and run (cancelled at once with ``cancel``) as a user would."""
    dialog = plugin.show_dialog()
    dialog.tabs.setCurrentIndex(1)
    dialog.product_folder.setFilePath(str(product_folder))
    dialog.reference_folder.setFilePath(str(reference_folder))
    dialog.output_folder.setFilePath(str(output_folder))
    if workers is not None:
        dialog.workers.setValue(workers)
    assert dialog.validate() == ""
    dialog.run()
    if cancel:
        dialog.cancel()
    wait_for(dialog)
    return dialog


def test_dialog_opens_from_the_plugin_action(plugin):
    compare = next(action for action in plugin.actions if action.text() == "LAI QA Compare…")
    compare.trigger()
    assert plugin.dialog is not None and plugin.dialog.isVisible()


def test_run_stays_disabled_with_the_reason_shown(plugin):
    dialog = plugin.show_dialog()
    dialog.tabs.setCurrentIndex(0)
    assert not dialog.run_button.isEnabled()
    assert dialog.message.text() == "Choose the product LAI raster."
    dialog.product.file.setFilePath("/data/product.tif")
    dialog.reference.file.setFilePath("/data/glass.hdf")
    dialog.output.setFilePath("/tmp/difference.tif")
    dialog.rule.setText("qualty != 3")
    assert not dialog.run_button.isEnabled()
    assert dialog.message.text().startswith("QA rule: Unknown field 'qualty' at column 1")
    dialog.rule.setText("quality != failed")
    assert dialog.run_button.isEnabled() and dialog.message.text() == ""
    dialog.tabs.setCurrentIndex(1)
    assert not dialog.run_button.isEnabled()
    assert dialog.message.text() == "Choose an existing product folder."


def test_single_pair_from_project_layers_adds_styled_results(plugin, sample_dir, tmp_path):
    own_path, glass_path = sample_dir[1]["h12v03"]
    project = QgsProject.instance()
    product = QgsRasterLayer(own_path, "own product")
    reference = QgsRasterLayer(glass_path, "glass")
    project.addMapLayers([product, reference])
    dialog = plugin.show_dialog()
    dialog.tabs.setCurrentIndex(0)
    dialog.product.layers.setLayer(product)
    dialog.reference.layers.setLayer(reference)
    dialog.output.setFilePath(str(tmp_path / "h12v03_difference.tif"))
    assert dialog.validate() == ""
    dialog.run()
    wait_for(dialog)
    assert dialog.last_results is not None, dialog.message.text()
    group = project.layerTreeRoot().findGroup(RESULT_GROUP)
    layers = [node.layer() for node in group.findLayers()]
    assert [layer.name() for layer in layers] == ["h12v03_difference"]
    assert layers[0].renderer().type() == "singlebandpseudocolor"
    assert dialog.table.rowCount() == 5
    assert dialog.table.item(4, 0).text() == "all"
    assert os.path.exists(tmp_path / "h12v03_difference_histogram.png")
    assert os.path.exists(tmp_path / "h12v03_difference_scatter.png")
    assert dialog.histogram.has_plot() and dialog.scatter.has_plot()
    save_artifacts(dialog, layers[0], "single_pair")


def test_cancel_stops_a_batch_and_leaves_no_partial_output(plugin, sample_dir, tmp_path):
    folder = sample_dir[0]
    dialog = run_batch_in_dialog(plugin, folder / "rt", folder / "glass", tmp_path / "batch", workers=1, cancel=True)
    assert dialog.last_results is None
    assert dialog.message.text().startswith("Stopped: the pairs finished before were kept, and a run with the "
                                            "same settings skips them")
    written = os.listdir(tmp_path / "batch") if os.path.isdir(tmp_path / "batch") else []
    assert [name for name in written if name.endswith((".partial", ".tif")) and not os.path.exists(
        tmp_path / "batch" / (name[:-4] + ".sums.json"))] == []


def test_batch_shows_the_summary_and_the_failed_pairs(plugin, sample_dir, tmp_path):
    folder = tmp_path / "inputs"
    for sub in ("rt", "glass"):
        (folder / sub).mkdir(parents=True)
        for name in os.listdir(sample_dir[0] / sub):
            os.symlink(sample_dir[0] / sub / name, folder / sub / name)
    broken = next(name for name in os.listdir(folder / "glass") if "h12v04" in name)
    os.remove(folder / "glass" / broken)
    (folder / "glass" / broken).write_bytes(b"not an HDF file")
    dialog = run_batch_in_dialog(plugin, folder / "rt", folder / "glass", tmp_path / "batch")
    assert dialog.last_results is not None, dialog.message.text()
    assert dialog.failed.count() == 1
    assert dialog.failed.item(0).text().startswith("A2018161_h12v04: Reference: cannot open")
    assert dialog.table.rowCount() == 2 * 5 + 5  # two good tiles and the pooled rows


def qa_layer(tmp_path, value):
    path = str(tmp_path / "qa_h12v03.tif")
    dataset = gdal.GetDriverByName("GTiff").Create(path, 4, 4, 2, gdal.GDT_Int16)
    dataset.SetGeoTransform(tile_geotransform(12, 3, 4))
    dataset.SetProjection(MODIS_SINUSOIDAL_WKT)
    dataset.GetRasterBand(1).WriteArray(np.zeros((4, 4), np.int16))
    qa = np.zeros((4, 4), np.int16)
    qa[1, 2] = value
    dataset.GetRasterBand(2).WriteArray(qa)
    dataset = None
    return QgsRasterLayer(path, "qa")


def test_inspector_decodes_the_clicked_pixel(plugin, qgis_iface, tmp_path):
    value = 0b1010_0111_1101  # quality bits 0-1 = 01, algorithm bits 2-3 = 11 (TIM)
    layer = qa_layer(tmp_path, value)
    QgsProject.instance().addMapLayer(layer)
    qgis_iface.setActiveLayer(layer)
    tool = plugin.toggle_inspector(True)
    plugin.dock.set_layer(layer)
    plugin.dock.band.setValue(2)
    x0, pixel, _, y0, _, _ = tile_geotransform(12, 3, 4)
    qgis_iface.mapCanvas().setDestinationCrs(layer.crs())
    described = tool.inspect(QgsPointXY(x0 + 2.5 * pixel, y0 - 1.5 * pixel))
    assert described["raw"] == value
    assert described["binary"] == format(value, "016b")
    fields = {row["field"]: (row["value"], row["label"]) for row in described["fields"]}
    assert fields == {"quality": (value & 3, ""), "algorithm": ((value >> 2) & 3, "TIM")}
    assert plugin.dock.table.item(1, 3).text() == "TIM"
    assert layer.customProperty("laiqa/qa_band") == 2  # the choice stays with the layer


def save_artifacts(dialog, layer, name):
    """PNG of the dialog and of the map with the result, for a reviewer (not compared to anything)."""
    os.makedirs(ARTIFACTS, exist_ok=True)
    dialog.resize(1000, 800)
    dialog.grab().save(os.path.join(ARTIFACTS, f"{name}_dialog.png"))
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setExtent(layer.extent())
    settings.setOutputSize(QSize(600, 600))
    settings.setBackgroundColor(QColor("white"))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    job.renderedImage().save(os.path.join(ARTIFACTS, f"{name}_map.png"))


def test_pickers_start_empty_follow_one_source_and_never_switch_to_results(plugin, sample_dir, tmp_path):
    own_path, glass_path = sample_dir[1]["h12v03"]
    project = QgsProject.instance()
    product, reference = QgsRasterLayer(own_path, "own product"), QgsRasterLayer(glass_path, "glass")
    project.addMapLayers([product, reference])
    dialog = plugin.show_dialog()
    dialog.tabs.setCurrentIndex(0)
    assert dialog.product.value() == "" and dialog.reference.value() == ""  # no layer guessed
    dialog.product.file.setFilePath(own_path)
    dialog.product.layers.setLayer(product)  # the layer chosen last is the one used; the file is cleared
    assert dialog.product.file.filePath() == "" and dialog.product.value() == product.id()
    dialog.reference.layers.setLayer(reference)
    dialog.reference.file.setFilePath(glass_path)  # and the other way round
    assert dialog.reference.layers.currentLayer() is None and dialog.reference.value() == glass_path
    dialog.output.setFilePath(str(tmp_path / "d.tif"))
    for _ in range(2):  # the same output twice: one result layer, and the pickers keep their choice
        dialog.run()
        wait_for(dialog)
        assert dialog.last_results is not None, dialog.message.text()
    results = [node.layer() for node in project.layerTreeRoot().findGroup(RESULT_GROUP).findLayers()]
    assert [layer.name() for layer in results] == ["d"]
    assert dialog.product.layers.currentLayer() is product and dialog.reference.layers.currentLayer() is None
    assert dialog.qa.layers.currentLayer() is None


def test_a_separate_single_band_qa_file_is_read_from_band_1(plugin, sample_dir, tmp_path):
    own_path, glass_path = sample_dir[1]["h12v03"]
    qa_only = str(tmp_path / "qa_h12v03.tif")
    gdal.Translate(qa_only, own_path, bandList=[2])  # the QA band alone, as MODIS users have it
    dialog = plugin.show_dialog()
    dialog.tabs.setCurrentIndex(0)
    dialog.product.file.setFilePath(own_path)
    dialog.reference.file.setFilePath(glass_path)
    dialog.qa.file.setFilePath(qa_only)
    assert dialog.qa_band.value() == 1
    dialog.output.setFilePath(str(tmp_path / "d.tif"))
    dialog.run()
    wait_for(dialog)
    assert dialog.last_results is not None, dialog.message.text()
    # N of 'all' as GDAL counts it in the written raster, which kept pixels by the QA file's band 1
    own, qa, glass = read_band(own_path, 1), read_band(qa_only, 1).astype(np.int64), read_band(glass_path)
    kept = (own <= 30000) & (glass >= 0) & (glass <= 1000) & ((qa & 3) != 3)
    assert dialog.table.item(4, 1).text() == f"{int(kept.sum()):,}"
    assert int((read_band(str(tmp_path / "d.tif"), 5) != -9999.0).sum()) == int(kept.sum())
    dialog.qa.file.setFilePath("")
    assert dialog.qa_band.value() == 2  # back to the product's own QA band


def test_batch_footprints_show_one_polygon_per_tile(plugin, sample_dir, tmp_path):
    folder = sample_dir[0]
    dialog = run_batch_in_dialog(plugin, folder / "rt", folder / "glass", tmp_path / "batch")
    assert dialog.last_results is not None, dialog.message.text()
    tiles = [node.layer() for node in QgsProject.instance().layerTreeRoot().findGroup(RESULT_GROUP).findLayers()]
    assert len(tiles) == 1 and tiles[0].featureCount() == 3  # three tiles, not three times five classes


def test_after_a_run_the_dialog_says_where_and_copies_the_run_as_a_script(plugin, sample_dir, tmp_path):
    own_path, glass_path = sample_dir[1]["h12v03"]
    dialog = plugin.show_dialog()
    dialog.tabs.setCurrentIndex(0)
    dialog.product.file.setFilePath(own_path)
    dialog.reference.file.setFilePath(glass_path)
    dialog.output.setFilePath(str(tmp_path / "d.tif"))
    assert not dialog.copy_python_button.isEnabled()
    dialog.run()
    wait_for(dialog)
    assert dialog.where.text() == f"Outputs in {tmp_path}"
    assert dialog.copy_python_button.isEnabled() and dialog.copy_command_button.isEnabled()
    # what the buttons put on the clipboard (the offscreen test platform's clipboard crashes at exit)
    python = dialog.as_python()
    assert python.startswith("processing.run('laiqa:maskeddifference', {") and f"'PRODUCT': '{own_path}'" in python
    command = dialog.as_command()
    assert command.startswith("qgis_process run laiqa:maskeddifference -- ")
    assert f"PRODUCT={own_path}" in command and f"OUTPUT={tmp_path / 'd.tif'}" in command
