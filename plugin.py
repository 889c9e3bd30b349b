"""The plugin object QGIS creates: the Processing provider, the translations, the menu and toolbar."""
import os

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from .processing_provider.provider import LaiQaProvider
from .translation import install_translator, remove_translators, tr

ICON = os.path.join(os.path.dirname(__file__), "icon.svg")


class LaiQaPlugin:
    def __init__(self, iface):  # noqa: QGS105 - QGIS hands the interface to classFactory
        self.iface = iface
        self.provider = None
        self.actions = []
        self.dialog = self.dock = self.tool = None

    def initProcessing(self):  # noqa: N802 - QGIS calls this name, also from qgis_process
        if self.provider is not None:  # desktop may call it after initGui did
            return
        install_translator()
        self.provider = LaiQaProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802 - QGIS API name
        self.initProcessing()
        compare = QAction(QIcon(ICON), tr("LAI QA Compare…"), self.iface.mainWindow())
        compare.setObjectName("laiqa_compare")  # found by name whatever the language
        compare.triggered.connect(self.show_dialog)
        inspector = QAction(QIcon(ICON), tr("QA pixel inspector"), self.iface.mainWindow())
        inspector.setObjectName("laiqa_inspector")
        inspector.setCheckable(True)
        inspector.triggered.connect(self.toggle_inspector)
        for action in (compare, inspector):
            self.iface.addPluginToRasterMenu(tr("LAI QA Toolkit"), action)
            self.iface.addToolBarIcon(action)
            self.actions.append(action)

    def show_dialog(self):
        from .ui.compare_dialog import CompareDialog

        if self.dialog is None:
            self.dialog = CompareDialog(self.iface.mainWindow())
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def toggle_inspector(self, checked=True):
        from .ui.qa_inspector import QaInspectorDock, QaInspectorTool

        canvas = self.iface.mapCanvas()
        if self.dock is None:
            self.dock = QaInspectorDock(self.iface.mainWindow())
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
            self.tool = QaInspectorTool(canvas, self.dock, self.iface.activeLayer)
            self.tool.setAction(self.actions[1])
        if checked:
            self.dock.show()
            canvas.setMapTool(self.tool)
        elif canvas.mapTool() is self.tool:
            canvas.unsetMapTool(self.tool)
        return self.tool

    def unload(self):
        for action in self.actions:
            self.iface.removePluginRasterMenu(tr("LAI QA Toolkit"), action)
            self.iface.removeToolBarIcon(action)
        self.actions = []
        if self.tool is not None and self.iface.mapCanvas().mapTool() is self.tool:
            self.iface.mapCanvas().unsetMapTool(self.tool)
        if self.dock is not None:
            self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = self.dock = self.tool = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        remove_translators()
