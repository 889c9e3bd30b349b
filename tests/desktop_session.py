"""Run inside QGIS desktop (``qgis --code``) by test_desktop.py: the plugin as a user meets it.

Opens the compare dialog from the plugin's own menu action, runs the sample pair, records the statistics
table and screenshots into $LAIQA_DESKTOP_OUT, then leaves at once (no "save project?" question).
"""
import json
import os
import traceback

from qgis.core import QgsApplication
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
        dialog.tabs.setCurrentIndex(0)
        dialog.product.file.setFilePath(os.environ["LAIQA_DESKTOP_PRODUCT"])
        dialog.reference.file.setFilePath(os.environ["LAIQA_DESKTOP_REFERENCE"])
        dialog.output.setFilePath(os.path.join(OUT, "difference.tif"))
        report["validate"] = dialog.validate()
        dialog.run()
        QTimer.singleShot(200, poll)
    except Exception:
        report["errors"].append(traceback.format_exc())
        finish()


def poll():
    dialog = state["dialog"]
    if dialog.task is not None:
        QTimer.singleShot(200, poll)
        return
    try:
        table = dialog.table
        report["message"] = dialog.message.text()
        report["rows"] = [[table.item(row, column).text() if table.item(row, column) else ""
                           for column in range(table.columnCount())] for row in range(table.rowCount())]
        QApplication.processEvents()
        dialog.grab().save(os.path.join(OUT, "desktop_dialog.png"))
        QApplication.primaryScreen().grabWindow(0).save(os.path.join(OUT, "desktop_screen.png"))
        dialog.results.setCurrentIndex(1)  # the plots, at a laptop's window size
        dialog.resize(1000, 650)
        QApplication.processEvents()
        hint = dialog.minimumSizeHint()
        report["minimum_size"] = [hint.width(), hint.height()]
        dialog.grab().save(os.path.join(OUT, "desktop_plots.png"))
    except Exception:
        report["errors"].append(traceback.format_exc())
    finish()


QTimer.singleShot(500, start)
