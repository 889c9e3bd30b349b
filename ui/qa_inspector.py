"""QA pixel inspector: click a QA layer, read the raw value, its bits, and every field with its label.

The scheme and band are chosen once per layer and kept on the layer (custom properties), so they
survive in the project. Decoding is the core's, so the inspector shows what the algorithms use.
"""
from qgis.core import QgsCoordinateTransform, QgsProject, QgsRasterLayer
from qgis.gui import QgsMapToolEmitPoint
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFormLayout,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..callbacks import answers
from ..core.errors import LaiQaError
from ..core.qa.decode import describe_value
from ..core.qa.scheme import PRESET_IDS, load_preset, presets
from ..core.readers import numpy_type_of
from ..translation import tr

SCHEME_PROPERTY, BAND_PROPERTY = "laiqa/qa_scheme", "laiqa/qa_band"


class QaInspectorDock(QDockWidget):
    def __init__(self, parent=None):
        super().__init__(tr("QA pixel inspector"), parent)
        self.setObjectName("LaiQaInspector")
        self.layer = None
        body = QWidget()
        form = QFormLayout()
        self.layer_label = QLabel(tr("Click a QA layer with the inspector tool"))
        self.scheme = QComboBox()
        self.scheme.addItems([scheme.name for scheme in presets()])
        self.band = QSpinBox()
        self.band.setRange(1, 1)
        self.raw = QLabel()
        self.raw.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(tr("Layer"), self.layer_label)
        form.addRow(tr("QA scheme"), self.scheme)
        form.addRow(tr("QA band"), self.band)
        form.addRow(tr("Raw value (bits)"), self.raw)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([tr("Field"), tr("Bits"), tr("Value"), tr("Label"), tr("Meaning")])
        layout = QVBoxLayout(body)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        self.setWidget(body)
        self.scheme.currentIndexChanged.connect(self._remember)
        self.band.valueChanged.connect(self._remember)

    def set_layer(self, layer: QgsRasterLayer):
        """Show the scheme and band chosen for this layer before (default: the article's, band 1)."""
        self.layer = layer
        self.layer_label.setText(layer.name())
        self.band.blockSignals(True)
        self.scheme.blockSignals(True)
        self.band.setRange(1, layer.bandCount())
        self.band.setValue(int(layer.customProperty(BAND_PROPERTY, 1)))
        preset_id = layer.customProperty(SCHEME_PROPERTY, PRESET_IDS[0])
        self.scheme.setCurrentIndex(PRESET_IDS.index(preset_id) if preset_id in PRESET_IDS else 0)
        self.band.blockSignals(False)
        self.scheme.blockSignals(False)

    def _remember(self, *_):
        if self.layer is not None:
            self.layer.setCustomProperty(SCHEME_PROPERTY, PRESET_IDS[self.scheme.currentIndex()])
            self.layer.setCustomProperty(BAND_PROPERTY, self.band.value())

    def show_value(self, raw, dtype):
        if raw is None:
            self.raw.setText(tr("no value here (outside the layer or nodata)"))
            self.table.setRowCount(0)
            return None
        try:
            described = describe_value(int(raw), dtype, load_preset(PRESET_IDS[self.scheme.currentIndex()]))
        except LaiQaError as error:
            self.raw.setText(str(error))
            self.table.setRowCount(0)
            return None
        self.raw.setText(f"{described['raw']}  ({described['binary']})")
        self.table.setRowCount(len(described["fields"]))
        for row, field in enumerate(described["fields"]):
            for column, key in enumerate(("field", "bits", "value", "label", "meaning")):
                self.table.setItem(row, column, QTableWidgetItem(str(field[key])))
        self.table.resizeColumnsToContents()
        return described


class QaInspectorTool(QgsMapToolEmitPoint):
    """Map tool: a click samples the active raster layer's QA band and shows it in the dock."""

    def __init__(self, canvas, dock: QaInspectorDock, active_layer):
        super().__init__(canvas)
        self.dock = dock
        self.active_layer = active_layer  # callable: the iface's active layer
        self.canvasClicked.connect(self.inspect)

    @answers(None)
    def inspect(self, point, button=None):
        layer = self.active_layer()
        if not isinstance(layer, QgsRasterLayer):
            self.dock.raw.setText(tr("Select a raster QA layer in the Layers panel first"))
            return None
        if layer is not self.dock.layer:
            self.dock.set_layer(layer)
        transform = QgsCoordinateTransform(self.canvas().mapSettings().destinationCrs(), layer.crs(),
                                           QgsProject.instance())
        band = self.dock.band.value()
        value, found = layer.dataProvider().sample(transform.transform(point), band)
        data_type = layer.dataProvider().dataType(band)
        dtype = numpy_type_of(getattr(data_type, "value", data_type))  # Qgis.DataType codes are GDAL's
        return self.dock.show_value(value if found else None, dtype)
