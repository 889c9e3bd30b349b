"""QA pixel inspector: click a QA layer, read the raw value, its bits, and every field with its label.

The scheme and band are chosen once per layer and kept on the layer (custom properties), so they
survive in the project; a layer seen for the first time starts at the band its QA is in (band 1 of a
single-band QA file, band 2 of the product raster). A band that holds no QA bits (floating point, or
fields already decoded by Decode QA bits) is refused with the reason in the panel. The clicked pixel is
marked on the map, with its map coordinate and its row and column. A layer of a granule's QA grid also
shows the granule's other QA grids at that pixel (FparExtra_QC beside FparLai_QC), their fields named
``grid.field`` as rules over several QA layers name them. Decoding is the core's, so the inspector shows
what the algorithms use.
"""
from qgis.core import QgsCoordinateTransform, QgsProject, QgsRasterLayer
from qgis.gui import QgsMapToolEmitPoint, QgsVertexMarker
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..callbacks import answers
from ..core.errors import LaiQaError
from ..core.pixel_grid import pixel_of
from ..core.qa.decode import describe_value
from ..core.qa.scheme import PRESET_IDS, load_preset, presets
from ..core.qa_rasters import container_qa_layers, default_qa_band, qa_band_problem, read_pixel
from ..core.readers import numpy_type_of
from ..translation import tr, translated_name
from .modis_grid import modis_grid_layer

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
        self.scheme.addItems([translated_name(scheme.name) for scheme in presets()])
        self.scheme.setToolTip(tr("How the QA band's bits are named; kept with the layer in the project"))
        self.band = QSpinBox()
        self.band.setRange(1, 1)
        self.band.setToolTip(tr("The band holding the QA bits; kept with the layer in the project"))
        self.raw = QLabel()
        self.raw.setWordWrap(True)
        self.raw.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.where = QLabel()
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.modis_grid_button = QPushButton(tr("Add this layer on the MODIS grid"))
        self.modis_grid_button.setToolTip(tr(
            "A GLASS HDF has no georeference: add it to the map where its tile id (hXXvYY) puts it, as a small "
            "VRT in the project's folder (the system's temporary folder for an unsaved project)"))
        form.addRow(tr("Layer"), self.layer_label)
        form.addRow(tr("QA scheme"), self.scheme)
        form.addRow(tr("QA band"), self.band)
        form.addRow(tr("Pixel"), self.where)
        form.addRow(tr("Raw value (bits)"), self.raw)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([tr("Field"), tr("Bits"), tr("Value"), tr("Label"), tr("Meaning")])
        self.table.setToolTip(tr("Every field of the scheme at the clicked pixel"))
        layout = QVBoxLayout(body)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.modis_grid_button)
        self.setWidget(body)
        self.scheme.currentIndexChanged.connect(self._remember)
        self.band.valueChanged.connect(self._remember)
        self.modis_grid_button.clicked.connect(self.add_on_modis_grid)

    def set_layer(self, layer: QgsRasterLayer):
        """Show the scheme and band chosen for this layer before (default: the article's scheme, the band a
        raster of this many bands holds its QA in)."""
        self.layer = layer
        self.layer_label.setText(layer.name())
        self.band.blockSignals(True)
        self.scheme.blockSignals(True)
        self.band.setRange(1, layer.bandCount())
        self.band.setValue(int(layer.customProperty(BAND_PROPERTY, default_qa_band(layer.bandCount()))))
        preset_id = layer.customProperty(SCHEME_PROPERTY, PRESET_IDS[0])
        self.scheme.setCurrentIndex(PRESET_IDS.index(preset_id) if preset_id in PRESET_IDS else 0)
        self.band.blockSignals(False)
        self.scheme.blockSignals(False)

    def _remember(self, *_):
        if self.layer is not None:
            self.layer.setCustomProperty(SCHEME_PROPERTY, PRESET_IDS[self.scheme.currentIndex()])
            self.layer.setCustomProperty(BAND_PROPERTY, self.band.value())

    def refuse(self, message: str):
        self.raw.setText(message)
        self.table.setRowCount(0)

    def show_value(self, raw, dtype, others=()):
        """The clicked value's fields, then those of the container's other QA grids at the same pixel
        (``others``: (grid, raw value or None, preset id)), named ``grid.field``."""
        if raw is None:
            self.refuse(tr("no value here (outside the layer or nodata)"))
            return None
        try:
            described = describe_value(int(raw), dtype, load_preset(PRESET_IDS[self.scheme.currentIndex()]))
            fields = list(described["fields"])
            for grid, other_raw, preset_id in others:
                if other_raw is not None:
                    other = describe_value(int(other_raw), dtype, load_preset(preset_id))
                    fields += [{**field, "field": f"{grid}.{field['field']}"} for field in other["fields"]]
        except LaiQaError as error:
            self.refuse(str(error))
            return None
        self.raw.setText(f"{described['raw']}  ({described['binary']})")
        self.table.setRowCount(len(fields))
        for row, field in enumerate(fields):
            cells = (field["field"], field["bits"], field["value"], value_label(field), field["meaning"])
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(str(text)))
        self.table.resizeColumnsToContents()
        return {**described, "fields": fields}

    @answers(None)
    def add_on_modis_grid(self, *_):
        if self.layer is None:
            self.refuse(tr("Select a raster QA layer in the Layers panel first"))
            return None
        try:
            layer = modis_grid_layer(self.layer.source(), tr("Layer"))
        except LaiQaError as error:
            self.refuse(str(error))
            return None
        QgsProject.instance().addMapLayer(layer)
        return layer


def value_label(field: dict) -> str:
    """A field value's name: its label, else its meaning, else 'value N' (fields whose values are numbers)."""
    return field["label"] or field["meaning"] or tr("value {0}").format(field["value"])


class QaInspectorTool(QgsMapToolEmitPoint):
    """Map tool: a click samples the active raster layer's QA band, shows it in the dock and marks the pixel."""

    def __init__(self, canvas, dock: QaInspectorDock, active_layer):
        super().__init__(canvas)
        self.dock = dock
        self.active_layer = active_layer  # callable: the iface's active layer
        self.marker = None
        self.canvasClicked.connect(self.inspect)

    def mark(self, point):
        if self.marker is None:
            self.marker = QgsVertexMarker(self.canvas())
            self.marker.setIconType(QgsVertexMarker.IconType.ICON_BOX)
            self.marker.setColor(QColor("#b2182b"))
            self.marker.setIconSize(14)
            self.marker.setPenWidth(2)
        self.marker.setCenter(point)
        self.marker.show()

    def remove_marker(self):
        if self.marker is not None:
            self.canvas().scene().removeItem(self.marker)
            self.marker = None

    def deactivate(self):
        self.remove_marker()
        super().deactivate()

    @answers(None)
    def inspect(self, point, button=None):
        layer = self.active_layer()
        if not isinstance(layer, QgsRasterLayer):
            self.dock.refuse(tr("Select a raster QA layer in the Layers panel first"))
            return None
        if layer is not self.dock.layer:
            self.dock.set_layer(layer)
        self.mark(point)
        transform = QgsCoordinateTransform(self.canvas().mapSettings().destinationCrs(), layer.crs(),
                                           QgsProject.instance())
        at = transform.transform(point)
        extent = layer.extent()
        row, column = pixel_of((extent.xMinimum(), layer.rasterUnitsPerPixelX(), 0.0, extent.yMaximum(), 0.0,
                                -layer.rasterUnitsPerPixelY()), at.x(), at.y())
        self.dock.where.setText(tr("x {0:.3f}, y {1:.3f} (map); row {2}, column {3}").format(
            point.x(), point.y(), row, column))
        band = self.dock.band.value()
        problem = qa_band_problem(layer.source(), band)
        if problem:
            self.dock.refuse(problem)
            return None
        value, found = layer.dataProvider().sample(at, band)
        data_type = layer.dataProvider().dataType(band)
        dtype = numpy_type_of(getattr(data_type, "value", data_type))  # Qgis.DataType codes are GDAL's
        others = [(grid, read_pixel(name, 1, row, column), preset_id) for grid, name, preset_id
                  in container_qa_layers(layer.source(), PRESET_IDS[self.dock.scheme.currentIndex()])]
        return self.dock.show_value(value if found else None, dtype, others)
