"""Run inside QGIS desktop (``qgis --code``) by test_desktop.py: the plugin as a user meets it.

Opens the compare dialog from the plugin's own menu action and, one step after the other, runs the sample
pair with a separate single-band QA file, runs it again to the same file, runs a batch of the sample
folders and cancels a second batch at once. It records what the window shows after each step and keeps
screenshots in $LAIQA_DESKTOP_OUT, then leaves at once (no "save project?" question).
"""
import json
import os
import traceback

from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication
from qgis.utils import plugins

OUT = os.environ["LAIQA_DESKTOP_OUT"]
report = {"errors": [], "loaded": "laiqa" in plugins}
state = {}


def remember(message, tag, level):
    if tag in ("Python error", "LAI QA Toolkit") or "laiqa" in message:
        report["errors"].append(f"{tag}: {message}")


QgsApplication.messageLog().messageReceived.connect(remember)


def finish():
    with open(os.path.join(OUT, "desktop.json"), "w", encoding="utf-8") as handle:
        json.dump(report, handle)
    os._exit(0)


def table_rows(dialog):
    table = dialog.table
    return [[table.item(row, column).text() if table.item(row, column) else ""
             for column in range(table.columnCount())] for row in range(table.rowCount())]


def result_layers():
    group = QgsProject.instance().layerTreeRoot().findGroup("LAI QA results")
    return [node.layer().name() for node in group.findLayers()] if group else []


def single_pair(dialog):
    dialog.tabs.setCurrentIndex(0)
    dialog.product.file.setFilePath(os.environ["LAIQA_DESKTOP_PRODUCT"])
    dialog.qa.file.setFilePath(os.environ["LAIQA_DESKTOP_QA"])  # a separate single-band QA file
    dialog.reference.file.setFilePath(os.environ["LAIQA_DESKTOP_REFERENCE"])
    dialog.output.setFilePath(os.path.join(OUT, "difference.tif"))
    report["qa_band"] = dialog.qa_band.value()
    report["validate"] = dialog.validate()
    dialog.run()


def after_single_pair(dialog):
    report["message"] = dialog.message.text()
    report["rows"] = table_rows(dialog)
    QApplication.processEvents()
    dialog.grab().save(os.path.join(OUT, "desktop_dialog.png"))
    QApplication.primaryScreen().grabWindow(0).save(os.path.join(OUT, "desktop_screen.png"))
    dialog.results.setCurrentIndex(1)  # the plots, at a laptop's window size
    dialog.resize(1000, 650)
    QApplication.processEvents()
    hint = dialog.minimumSizeHint()
    report["minimum_size"] = [hint.width(), hint.height()]
    dialog.grab().save(os.path.join(OUT, "desktop_plots.png"))
    report["report_enabled"] = dialog.report_button.isEnabled()


def rerun(dialog):
    dialog.run()


def after_rerun(dialog):
    report["layers_after_rerun"] = result_layers()
    report["rows_after_rerun"] = table_rows(dialog)


def batch(dialog, output="batch"):
    dialog.tabs.setCurrentIndex(1)
    dialog.product_folder.setFilePath(os.path.join(os.environ["LAIQA_DESKTOP_FOLDER"], "rt"))
    dialog.reference_folder.setFilePath(os.path.join(os.environ["LAIQA_DESKTOP_FOLDER"], "glass"))
    dialog.output_folder.setFilePath(os.path.join(OUT, output))
    report[f"{output}_validate"] = dialog.validate()
    dialog.run()


def after_batch(dialog):
    report["batch_rows"] = table_rows(dialog)
    report["batch_failed"] = dialog.failed.count()
    report["batch_message"] = dialog.message.text()
    report["batch_plots"] = [dialog.histogram.has_plot(), dialog.scatter.has_plot()]
    dialog.results.setCurrentIndex(1)
    QApplication.processEvents()
    dialog.grab().save(os.path.join(OUT, "desktop_batch.png"))


def cancelled_batch(dialog):
    batch(dialog, "cancelled")
    dialog.cancel()


def after_cancel(dialog):
    report["cancel_message"] = dialog.message.text()
    report["cancel_rows"] = dialog.table.rowCount()
    dialog.grab().save(os.path.join(OUT, "desktop_cancelled.png"))


STEPS = [(single_pair, after_single_pair), (rerun, after_rerun), (batch, after_batch),
         (cancelled_batch, after_cancel)]


def start():
    try:
        plugin = plugins["laiqa"]
        action = next(action for action in plugin.actions if action.objectName() == "laiqa_compare")
        report["menu_text"] = action.text()
        action.trigger()
        dialog = state["dialog"] = plugin.dialog
        report["dialog_visible"] = dialog.isVisible()
        report["run_button"] = dialog.run_button.text()
        report["results_tab"] = dialog.results.tabText(0)
        state["step"] = 0
        next_step()
    except Exception:
        report["errors"].append(traceback.format_exc())
        finish()


def next_step():
    if state["step"] == len(STEPS):
        finish()
        return
    begin, _ = STEPS[state["step"]]
    begin(state["dialog"])
    QTimer.singleShot(200, poll)


def poll():
    dialog = state["dialog"]
    if dialog.task is not None:
        QTimer.singleShot(200, poll)
        return
    try:
        _, after = STEPS[state["step"]]
        after(dialog)
        state["step"] += 1
        next_step()
    except Exception:
        report["errors"].append(traceback.format_exc())
        finish()


QTimer.singleShot(500, start)
