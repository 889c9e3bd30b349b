"""The dialog and the QA pixel inspector, driven as a user would (pytest-qgis, offscreen)."""
import csv
import os
import re
import time

import numpy as np
import pytest
from helpers import ROOT, read_band
from osgeo import gdal
from qgis.core import (
    QgsApplication,
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsRasterLayer,
    QgsRenderContext,
)
from qgis.gui import QgsFileWidget, QgsGui
from qgis.PyQt.QtCore import QCoreApplication, QSize, Qt
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidgetSelectionRange,
)

from laiqa.core.modis_tiles import MODIS_SINUSOIDAL_WKT, tile_geotransform
from laiqa.core.qa.scheme import PRESET_IDS
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


def test_the_rule_shows_the_raw_qa_values_it_keeps_as_it_is_typed(plugin):
    dialog = plugin.show_dialog()
    dialog.scheme.setCurrentIndex(PRESET_IDS.index("own_lai"))  # quality bits 0-1, algorithm bits 2-3
    dialog.rule.setText("quality != failed and algorithm == ECO")
    kept = [v for v in range(16) if (v & 3) != 3 and (v >> 2) == 1]
    assert dialog.rule_values.text() == f"Keeps 3 QA values: {', '.join(map(str, kept))} (13 dropped)"
    dialog.rule.setText("quality != failed and algorithm ==")
    assert dialog.rule_values.text() == ""
    dialog.rule.setText("")  # the default rule, quality != 3
    kept = [v for v in range(16) if (v & 3) != 3]
    assert dialog.rule_values.text() == f"Keeps 12 QA values: {', '.join(map(str, kept))} (4 dropped)"
    # Landsat QA_PIXEL, default rule: Fill, Dilated_Cloud, Cloud, Cloud_Shadow, Snow (bits 0, 1, 3-5) all 0
    dialog.scheme.setCurrentIndex(PRESET_IDS.index("landsat_c2_qa_pixel"))
    kept = [v for v in range(1 << 16) if not v & 0b111011][:12]
    assert dialog.rule_values.text() == f"Keeps 2,048 QA values: {', '.join(map(str, kept))}, … (63,488 dropped)"


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
    assert dialog.message.text() == ("Cancelled: the pairs finished before were kept; a run with the same settings "
                                     "skips them and does the rest.")  # the batch's own words, once
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
    keys = [dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())]
    assert keys[-5:] == ["all pairs"] * 5 and dialog.table.headers()[:2] == ["Pair", "Class"]
    pooled, single = dialog.table.item(len(keys) - 2, 3), dialog.table.item(0, 3)  # a pooled class, a pair's DRT
    assert pooled.font().bold() and pooled.background().color() != single.background().color()
    assert not single.font().bold()
    # bias and RMSE against date (one date: one point per class) and the pooled density of the two good pairs
    bias_axes = dialog.histogram.figure.axes[0]
    pooled_all = {row: dialog.table.item(row, 1).text() for row in range(len(keys) - 5, len(keys))}
    all_row = next(row for row, name in pooled_all.items() if name == "all")
    assert {line.get_label() for line in bias_axes.get_lines()} >= {"DRT", "ECO", "WAT", "TIM", "all"}
    n_pooled = int(dialog.table.item(all_row, 2).text().replace(",", ""))
    assert int(np.ma.sum(dialog.scatter.figure.axes[0].collections[0].get_array())) == n_pooled
    assert dialog.report_path().endswith("report.html") and os.path.getsize(dialog.report_path()) > 10000
    # the failed tile shows on the map: hatched in the renderer's 'failed' class, labelled with its tile id
    tiles = next(node.layer() for node in QgsProject.instance().layerTreeRoot().findGroup(RESULT_GROUP).findLayers())
    failed = next(feature for feature in tiles.getFeatures() if feature["status"] == "failed")
    assert tiles.featureCount() == 3 and failed["key"] == "A2018161_h12v04"
    context = QgsRenderContext()
    expression_context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(tiles))
    expression_context.setFeature(failed)
    context.setExpressionContext(expression_context)
    renderer = tiles.renderer().clone()
    renderer.startRender(context, tiles.fields())
    assert renderer.symbolForFeature(failed, context) is not None
    assert renderer.symbolForFeature(failed, context).symbolLayer(0).brushStyle() != Qt.BrushStyle.SolidPattern
    renderer.stopRender(context)
    label = QgsExpression(tiles.labeling().settings().fieldName).evaluate(expression_context)
    assert label == "h12v04\nfailed"


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
    plugin.dock.band.setValue(1)  # a choice, then back to the QA band (the default for two bands)
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


def run_single_in_dialog(plugin, sample_dir, tmp_path, name="d.tif"):
    own_path, glass_path = sample_dir[1]["h12v03"]
    dialog = plugin.show_dialog()
    dialog.tabs.setCurrentIndex(0)
    dialog.product.file.setFilePath(own_path)
    dialog.reference.file.setFilePath(glass_path)
    dialog.output.setFilePath(str(tmp_path / name))
    dialog.run()
    wait_for(dialog)
    assert dialog.last_results is not None, dialog.message.text()
    return dialog


def test_statistics_table_has_units_paper_formats_and_copies_with_headers(plugin, sample_dir, tmp_path):
    dialog = run_single_in_dialog(plugin, sample_dir, tmp_path)
    with open(tmp_path / "d_stats.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    table = dialog.table
    headers = table.headers()
    for header in ("Class", "N", "Mean product (LAI)", "Mean reference (LAI)", "Bias (LAI)", "RMSE (LAI)", "r",
                   "GCOS share (%)"):
        assert header in headers
    for column in range(table.columnCount()):
        assert table.horizontalHeaderItem(column).toolTip()
    all_row = rows[-1]
    assert all_row["class"] == "all" and table.item(4, 0).font().bold()
    # what a paper prints: N with thousands separators, LAI to 3 decimals, r to 3, shares as % to 1 decimal
    wanted = {"Class": "all", "N": f"{int(all_row['n']):,}", "Bias (LAI)": f"{float(all_row['bias']):.3f}",
              "RMSE (LAI)": f"{float(all_row['rmse']):.3f}", "r": f"{float(all_row['r']):.3f}",
              "GCOS share (%)": f"{100 * float(all_row['gcos_share']):.1f}"}
    columns = [headers.index(name) for name in wanted]
    for name, column in zip(wanted, columns):
        assert table.item(4, column).text() == wanted[name]
    table.clearSelection()
    for column in columns:
        table.setRangeSelected(QTableWidgetSelectionRange(3, column, 4, column), True)
    drt_row = rows[-2]
    expected = "\t".join(wanted) + "\n" + "\t".join([
        drt_row["class"], f"{int(drt_row['n']):,}", f"{float(drt_row['bias']):.3f}", f"{float(drt_row['rmse']):.3f}",
        f"{float(drt_row['r']):.3f}", f"{100 * float(drt_row['gcos_share']):.1f}"]) + "\n" + "\t".join(
        wanted.values()) + "\n"
    assert table.as_tsv() == expected
    exported = dialog.export_table(str(tmp_path / "table.csv"))
    with open(exported, newline="", encoding="utf-8") as handle:
        written = list(csv.reader(handle))
    assert written[0] == headers and written[5][columns[2]] == wanted["Bias (LAI)"] and len(written) == 6


def test_the_dialog_fits_a_laptop_screen_and_plots_follow_its_size(plugin, sample_dir, tmp_path):
    dialog = run_single_in_dialog(plugin, sample_dir, tmp_path)
    dialog.results.setCurrentIndex(1)
    dialog.resize(1000, 650)
    QCoreApplication.processEvents()
    hint = dialog.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 768, hint
    assert (dialog.width(), dialog.height()) == (1000, 650)
    small = dialog.scatter.canvas.width()
    dialog.resize(1360, 760)
    QCoreApplication.processEvents()
    assert dialog.scatter.canvas.width() > small  # the plot grows with the window
    for panel, name in ((dialog.histogram, "h.svg"), (dialog.scatter, "s.png")):
        path = panel.save(str(tmp_path / name))
        assert os.path.getsize(path) > 5000
    with open(tmp_path / "h.svg", encoding="utf-8") as handle:
        assert "<svg" in handle.read(2000)
    texts = [dialog.scatter.figure.axes[0].get_legend().get_title().get_text()]
    with open(tmp_path / "d_stats.csv", newline="", encoding="utf-8") as handle:
        everything = list(csv.DictReader(handle))[-1]
    assert texts == [f"N = {int(everything['n']):,}\nBias = {float(everything['bias']):.3f} LAI\n"
                     f"RMSE = {float(everything['rmse']):.3f} LAI"]
    # the scatter counts every kept pixel (the density), with the OLS and RMA lines of the 'all' row
    scatter = dialog.scatter.figure.axes[0]
    assert int(np.ma.sum(scatter.collections[0].get_array())) == int(everything["n"])
    labels = [line.get_label() for line in scatter.get_lines()]
    assert f"OLS: y = {float(everything['slope']):.3f}x {float(everything['intercept']):+.3f}" in labels
    assert f"RMA: y = {float(everything['slope_rma']):.3f}x {float(everything['intercept_rma']):+.3f}" in labels
    # one histogram line per class, with its pixels
    histogram = {line.get_label().split(" (")[0] for line in dialog.histogram.figure.axes[0].get_lines()}
    assert {"DRT", "ECO", "WAT", "TIM", "all"} <= histogram
    assert dialog.report_button.isEnabled() and os.path.exists(dialog.report_path())


def test_common_settings_serve_both_tabs_and_the_batch_passes_its_advanced_settings(plugin, sample_dir, tmp_path):
    dialog = plugin.show_dialog()
    dialog.tabs.setCurrentIndex(1)
    folder = sample_dir[0]
    dialog.product_folder.setFilePath(str(folder / "rt"))
    dialog.reference_folder.setFilePath(str(folder / "glass"))
    dialog.output_folder.setFilePath(str(tmp_path / "out"))
    dialog.rule.setText("qualty != 3")
    assert dialog.message.text().startswith("QA rule: Unknown field 'qualty'")  # checked in batch mode too
    dialog.rule.setText("quality != failed")
    dialog.key_pattern.setText("h\\d{2}v(\\d{2}")
    assert dialog.message.text().startswith("Key pattern: Key pattern part 'h\\d{2}v(\\d{2}' is not a valid")
    dialog.key_pattern.setText("A\\d{7};h\\d{2}v\\d{2}")
    dialog.recursive.setChecked(True)
    dialog.overwrite.setChecked(True)
    dialog.class_folders.setChecked(True)
    dialog.product_subdataset.setText("Lai_500m")
    dialog.qa_subdataset.setText("FparLai_QC")
    dialog.reference_subdataset.setText("LAI")
    dialog.scheme.setCurrentIndex(PRESET_IDS.index("mod15_fparlai_qc"))
    dialog.rule.setText("MODLAND_QC == 0")
    dialog.reference_preset.setCurrentIndex(0)
    assert dialog.validate() == ""
    algorithm_id, parameters = dialog.parameters()
    assert algorithm_id == "laiqa:batchcompare"
    assert {name: parameters[name] for name in ("KEY_PATTERN", "RECURSIVE", "OVERWRITE", "CLASS_FOLDERS",
                                                "PRODUCT_SUBDATASET", "QA_SUBDATASET", "REFERENCE_SUBDATASET",
                                                "SCHEME", "RULE", "REFERENCE_PRESET")} == {
        "KEY_PATTERN": "A\\d{7};h\\d{2}v\\d{2}", "RECURSIVE": True, "OVERWRITE": True, "CLASS_FOLDERS": True,
        "PRODUCT_SUBDATASET": "Lai_500m", "QA_SUBDATASET": "FparLai_QC", "REFERENCE_SUBDATASET": "LAI",
        "SCHEME": PRESET_IDS.index("mod15_fparlai_qc"), "RULE": "MODLAND_QC == 0", "REFERENCE_PRESET": 0}
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
    names = {definition.name() for definition in algorithm.parameterDefinitions()}
    assert set(parameters) <= names
    ok, message = algorithm.checkParameterValues(parameters, QgsProcessingContext())
    assert ok, message
    dialog.tabs.setCurrentIndex(0)
    _, single = dialog.parameters()  # the same common settings in the other mode
    assert (single["SCHEME"], single["RULE"], single["REFERENCE_PRESET"]) == (
        PRESET_IDS.index("mod15_fparlai_qc"), "MODLAND_QC == 0", 0)


def test_every_control_has_a_tooltip_and_help_opens_the_readme_section(plugin):
    dialog = plugin.show_dialog()
    controls = [widget for kind in (QLineEdit, QComboBox, QSpinBox, QCheckBox, QPushButton, QgsFileWidget)
                for widget in dialog.findChildren(kind)]
    inner = [widget for widget in controls if isinstance(widget.parent(), (QgsFileWidget, QAbstractSpinBox))]
    missing = [f"{type(widget).__name__} {widget.text() if hasattr(widget, 'text') else ''}"
               for widget in controls if widget not in inner and not widget.toolTip()]
    assert missing == []
    url = dialog.help_url()
    assert url.isLocalFile() and os.path.samefile(url.toLocalFile(), os.path.join(ROOT, "README.md"))
    with open(url.toLocalFile(), encoding="utf-8") as handle:
        headings = [line.lstrip("#").strip() for line in handle if line.startswith("#")]
    # GitHub's anchors: lower case, punctuation dropped, spaces as hyphens
    anchors = {re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-") for heading in headings}
    assert url.fragment() in anchors


def test_dialog_runs_enter_the_processing_history(plugin, sample_dir, tmp_path, monkeypatch):
    if hasattr(QgsGui, "historyProviderRegistry"):  # QGIS >= 3.24
        before = {entry.id for entry in QgsGui.historyProviderRegistry().queryEntries()}  # earlier sessions' too
        run_single_in_dialog(plugin, sample_dir, tmp_path)
        entries = [entry.entry for entry in QgsGui.historyProviderRegistry().queryEntries() if entry.id not in before]
        mine = [entry for entry in entries if str(tmp_path / "d.tif") in entry.get("python_command", "")]
        assert len(mine) == 1 and mine[0]["algorithm_id"] == "laiqa:maskeddifference"
        assert mine[0]["python_command"].startswith("processing.run(\"laiqa:maskeddifference\"")
        return
    from processing.core.ProcessingLog import ProcessingLog  # QGIS 3.22: Processing's log file

    log = tmp_path / "processing.log"
    monkeypatch.setattr(ProcessingLog, "logFilename", staticmethod(lambda: str(log)))
    run_single_in_dialog(plugin, sample_dir, tmp_path)
    entries = ProcessingLog.getLogEntries()
    assert len(entries) == 1 and entries[0].text.startswith("processing.run(\"laiqa:maskeddifference\"")
    assert str(tmp_path / "d.tif") in entries[0].text


def inspect_at(plugin, qgis_iface, layer, row, column):
    QgsProject.instance().addMapLayer(layer)
    qgis_iface.setActiveLayer(layer)
    tool = plugin.toggle_inspector(True)
    x0, pixel, _, y0, _, _ = tile_geotransform(12, 3, 4)
    qgis_iface.mapCanvas().setDestinationCrs(layer.crs())
    point = QgsPointXY(x0 + (column + 0.5) * pixel, y0 - (row + 0.5) * pixel)
    return tool, point, tool.inspect(point)


def test_inspector_starts_at_the_qa_band_labels_every_value_and_marks_the_pixel(plugin, qgis_iface, tmp_path):
    value = 0b0110_0101  # quality bits 0-1 = 01 (no label), algorithm bits 2-3 = 01 (ECO)
    tool, point, described = inspect_at(plugin, qgis_iface, qa_layer(tmp_path, value), 1, 2)
    assert plugin.dock.band.value() == 2  # the product raster's QA band, chosen without being asked
    assert described["raw"] == value
    table = plugin.dock.table
    assert [table.item(row, 3).text() for row in range(2)] == [f"value {value & 3}", "ECO"]
    assert tool.marker is not None and tool.marker.isVisible()
    assert (tool.marker.center().x(), tool.marker.center().y()) == (point.x(), point.y())
    assert plugin.dock.where.text() == f"x {point.x():.3f}, y {point.y():.3f} (map); row 1, column 2"
    single = str(tmp_path / "qa_only_h12v03.tif")
    gdal.Translate(single, str(tmp_path / "qa_h12v03.tif"), bandList=[2])
    plugin.dock.set_layer(QgsRasterLayer(single, "qa only"))
    assert plugin.dock.band.value() == 1  # a separate QA file: band 1


def test_inspector_refuses_bands_that_hold_no_qa_bits(plugin, qgis_iface, laiqa_provider, tmp_path):
    from qgis import processing

    floats = str(tmp_path / "lai_h12v03.tif")
    gdal.Translate(floats, qa_layer(tmp_path, 5).source(), outputType=gdal.GDT_Float32)
    _, _, described = inspect_at(plugin, qgis_iface, QgsRasterLayer(floats, "lai"), 1, 2)
    assert described is None
    assert plugin.dock.raw.text() == ("Band 2 holds Float32 values: not a QA band (QA bands hold integers whose "
                                      "bits are flags)")
    assert plugin.dock.table.rowCount() == 0
    decoded = str(tmp_path / "fields_h12v03.tif")
    processing.run("laiqa:decodeqabits", {"INPUT": str(tmp_path / "qa_h12v03.tif"), "BAND": 2,
                                          "SCHEME": PRESET_IDS.index("own_lai"), "OUTPUT": decoded},
                   context=QgsProcessingContext(), feedback=QgsProcessingFeedback())
    layer = QgsRasterLayer(decoded, "fields")
    layer.setCustomProperty("laiqa/qa_band", 1)
    _, _, described = inspect_at(plugin, qgis_iface, layer, 1, 2)
    assert described is None
    assert plugin.dock.raw.text() == ("This raster holds the decoded fields of Own LAI product (DRT/ECO/WAT/TIM) "
                                      "(quality, algorithm), not QA bits: inspect the QA raster they were decoded "
                                      "from")


def test_a_glass_file_is_added_on_the_modis_grid(plugin, sample_dir, tmp_path):
    own_path, glass_path = sample_dir[1]["h12v03"]
    dialog = plugin.show_dialog()
    dialog.reference.file.setFilePath(glass_path)
    layer = dialog.add_on_modis_grid(dialog.reference_source())
    assert layer is not None and layer.isValid(), dialog.message.text()
    h, v, width = 12, 3, gdal.Open(glass_path).RasterXSize
    size = 1111950.5197665
    ulx, uly = -20015109.354 + h * size, 10007554.677 - v * size
    extent = layer.extent()
    assert extent.xMinimum() == pytest.approx(ulx, abs=1e-3) and extent.yMaximum() == pytest.approx(uly, abs=1e-3)
    assert extent.width() == pytest.approx(size, abs=1e-3) and layer.width() == width
    assert "Sinusoidal" in layer.crs().toWkt()
    assert layer in [node.layer() for node in QgsProject.instance().layerTreeRoot().findGroup(
        RESULT_GROUP).findLayers()]
    assert dialog.add_on_modis_grid(own_path) is None
    assert dialog.message.text() == (f"Reference: '{own_path}' has a georeference of its own; add it to the map "
                                     "as it is")


def test_inspector_shows_the_granules_other_qa_grid_at_the_pixel(plugin, qgis_iface, tmp_path):
    from hdfeos_writer import GRID, mcd15a2h_granule

    from laiqa.ui.qa_inspector import SCHEME_PROPERTY

    path = str(tmp_path / "MCD15A2H.A2018161.h12v03.061.2021180000000.hdf")
    arrays = mcd15a2h_granule(path, 12, 3, 4, seed=11)
    row, column = next((r, c) for r in range(4) for c in range(4)
                       if arrays["qc"][r, c] != 255 and arrays["extra"][r, c] != 255)
    layer = QgsRasterLayer(f'HDF4_EOS:EOS_GRID:"{path}":{GRID}:FparLai_QC', "FparLai_QC")
    layer.setCustomProperty(SCHEME_PROPERTY, "mod15_fparlai_qc")
    _, _, described = inspect_at(plugin, qgis_iface, layer, row, column)
    values = {field["field"]: field["value"] for field in described["fields"]}
    qc, extra = int(arrays["qc"][row, column]), int(arrays["extra"][row, column])
    assert values["MODLAND_QC"] == qc & 1 and values["SCF_QC"] == qc >> 5
    assert values["FparExtra_QC.LANDSEA"] == extra & 3
    assert values["FparExtra_QC.SNOW_ICE"] == (extra >> 2) & 1
    assert values["FparExtra_QC.CLOUD_SHADOW"] == (extra >> 6) & 1
