"""Every renderer of the plugin, saved as a ``.qml`` sidecar so any front end that loads the file sees it.

``processing.run`` and ``qgis_process`` skip layer post-processors; QGIS applies a
same-named ``.qml`` whenever the file is loaded. The Toolbox additionally gets
the style through ``StyleFromSidecar`` when it adds the output to the map.
"""
import os
import uuid

import numpy as np
from osgeo import gdal
from qgis.core import (
    Qgis,
    QgsColorRampShader,
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsPalettedRasterRenderer,
    QgsPalLayerSettings,
    QgsProcessingLayerPostProcessorInterface,
    QgsRasterLayer,
    QgsRasterShader,
    QgsRendererRange,
    QgsSingleBandPseudoColorRenderer,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtXml import QDomDocument

from ..callbacks import answers
from ..translation import tr

# Qualitative colours (ColorBrewer Set1 / Dark2), distinguishable for most readers.
CLASS_COLOURS = [
    "#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666",
    "#e41a1c", "#377eb8", "#4daf4a", "#984ea3", "#ff7f00", "#ffff33", "#a65628", "#f781bf",
]
DROP_COLOUR, KEEP_COLOUR = "#bdbdbd", "#1a9850"
MAX_PALETTE_CLASSES = 256
# QGIS holds post-processors by pointer and runs them after the algorithm object may be gone:
# keep the Python objects alive here (the last few runs are plenty).
_POST_PROCESSORS = []
_KEPT_POST_PROCESSORS = 64
# ColorBrewer RdYlBu (7 classes): negative = product below reference (red), positive = above (blue). Its
# pale yellow centre keeps "no difference" apart from "no data" (transparent over the white canvas).
DIVERGING_COLOURS = ["#d73027", "#fc8d59", "#fee090", "#ffffbf", "#e0f3f8", "#91bfdb", "#4575b4"]
DIFFERENCE_LIMIT = 2.0  # LAI units either side of 0 when the statistics give no spread; editable in QGIS
NICE_LIMITS = (0.1, 0.2, 0.25, 0.5, 1.0, 2.0, 2.5, 5.0, 10.0)


def ramp_limit(rmse: float) -> float:
    """The ramp's end, either side of 0: twice the RMSE, rounded up to a round number (a fixed ±2 LAI left a
    typical result all pale); DIFFERENCE_LIMIT where there is no RMSE."""
    if not rmse or rmse != rmse:  # none, or NaN
        return DIFFERENCE_LIMIT
    return next((limit for limit in NICE_LIMITS if limit >= 2 * rmse), NICE_LIMITS[-1])


def sidecar_path(raster_path: str) -> str:
    return os.path.splitext(raster_path)[0] + ".qml"


def field_palette(qa_field) -> list:
    """One class per field value, labelled ``value label`` where the scheme names the value."""
    values = range(min(qa_field.max_value + 1, MAX_PALETTE_CLASSES))
    return [
        QgsPalettedRasterRenderer.Class(
            value,
            QColor(CLASS_COLOURS[value % len(CLASS_COLOURS)]),
            f"{value} {qa_field.labels[value]}" if value in qa_field.labels else str(value),
        )
        for value in values
    ]


def mask_palette() -> list:
    return [
        QgsPalettedRasterRenderer.Class(0, QColor(DROP_COLOUR), tr("0 drop")),
        QgsPalettedRasterRenderer.Class(1, QColor(KEEP_COLOUR), tr("1 keep")),
    ]


def paletted(classes: list):
    """Renderer factory for a paletted band."""
    return lambda provider, band: QgsPalettedRasterRenderer(provider, band, classes)


def diverging(limit: float = DIFFERENCE_LIMIT):
    """Renderer factory: a ramp symmetric about 0 from -limit to +limit, interpolated."""

    def make(provider, band):
        steps = len(DIVERGING_COLOURS) - 1
        items = [
            QgsColorRampShader.ColorRampItem(-limit + 2 * limit * i / steps, QColor(colour),
                                             f"{-limit + 2 * limit * i / steps:+.2f}")
            for i, colour in enumerate(DIVERGING_COLOURS)
        ]
        ramp = QgsColorRampShader(-limit, limit)
        ramp.setColorRampType(QgsColorRampShader.Type.Interpolated)
        ramp.setColorRampItemList(items)
        shader = QgsRasterShader(-limit, limit)
        shader.setRasterShaderFunction(ramp)
        renderer = QgsSingleBandPseudoColorRenderer(provider, band, shader)
        renderer.setClassificationMin(-limit)
        renderer.setClassificationMax(limit)
        return renderer

    return make


def save_style(raster_path: str, band: int, make_renderer) -> str:
    """Write the sidecar ``.qml`` with the renderer ``make_renderer(provider, band)``; returns its path.

    The renderer is built on a one-pixel stand-in with the raster's bands and type: a layer on the
    written raster itself would first read it to work out a default contrast stretch (0.1 s a tile)."""
    stand_in = f"/vsimem/laiqa-style-{uuid.uuid4().hex}.tif"
    written = gdal.OpenEx(raster_path, gdal.OF_RASTER)
    first = written.GetRasterBand(1)
    copy = gdal.GetDriverByName("GTiff").Create(stand_in, 2, 1, written.RasterCount, first.DataType)
    copy.SetGeoTransform((0.0, 1.0, 0.0, 0.0, 0.0, -1.0))
    for index in range(written.RasterCount):
        copy.GetRasterBand(index + 1).WriteArray(np.array([[0, 1]]))  # two values: a stretch QGIS can make
    copy = written = first = None
    try:
        layer = QgsRasterLayer(stand_in, os.path.basename(raster_path), "gdal")
        layer.setRenderer(make_renderer(layer.dataProvider(), band))
        path = sidecar_path(raster_path)
        message, saved = layer.saveNamedStyle(path)
        layer = None
    finally:
        gdal.Unlink(stand_in)
    if not saved:
        raise OSError(message)
    return path


def keep_alive(post_processor):
    _POST_PROCESSORS.append(post_processor)
    del _POST_PROCESSORS[:-_KEPT_POST_PROCESSORS]
    return post_processor


class StyleFromSidecar(QgsProcessingLayerPostProcessorInterface):
    """Applies the sidecar style to the layer the Toolbox adds (keep a reference: QGIS does not own it)."""

    def __init__(self, raster_path: str, layer_name: str = ""):
        super().__init__()
        self.raster_path = raster_path
        self.layer_name = layer_name

    @answers(None)
    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 - QGIS API name
        if isinstance(layer, QgsRasterLayer) and os.path.exists(sidecar_path(self.raster_path)):
            layer.loadNamedStyle(sidecar_path(self.raster_path))
            if self.layer_name:
                layer.setName(self.layer_name)
            layer.triggerRepaint()


def style_output(context, raster_path: str, band: int, make_renderer, layer_name: str = ""):
    """Sidecar for every front end, plus the post-processor for the Toolbox's map layer."""
    save_style(raster_path, band, make_renderer)
    if context.willLoadLayerOnCompletion(raster_path):
        post_processor = keep_alive(StyleFromSidecar(raster_path, layer_name))
        context.layerToLoadOnCompletionDetails(raster_path).setPostProcessor(post_processor)


BIAS_BREAKS = (-1e9, -1.0, -0.5, -0.2, 0.2, 0.5, 1.0, 1e9)  # LAI units; the middle class holds 0
FAILED_VALUE = 10_000_000_000  # what a failed tile's class value is, beyond every bias range
# Graduated by bias, except failed tiles (no bias), which fall in a class of their own beyond the last range.
BIAS_OR_FAILED = f"if(\"status\" = 'failed', {FAILED_VALUE}, \"bias\")"
TILE_ID = "coalesce(regexp_substr(\"key\", 'h[0-9]{2}v[0-9]{2}'), \"key\")"  # hXXvYY, else the whole key


def bias_renderer() -> QgsGraduatedSymbolRenderer:
    """Tile footprints coloured by bias, diverging about 0 (RdBu), one class per bias range; failed tiles
    hatched grey with a red outline."""
    ranges = []
    for index, colour in enumerate(DIVERGING_COLOURS):
        low, high = BIAS_BREAKS[index], BIAS_BREAKS[index + 1]
        label = (f"< {high:+.1f}" if low < -1e8 else f"> {low:+.1f}" if high > 1e8 else f"{low:+.1f} to {high:+.1f}")
        symbol = QgsFillSymbol.createSimple({"color": colour, "outline_color": "#4d4d4d", "outline_width": "0.2"})
        ranges.append(QgsRendererRange(low, high, symbol, label))
    failed = QgsFillSymbol.createSimple({"color": DROP_COLOUR, "style": "b_diagonal", "outline_color": "#b2182b",
                                         "outline_width": "0.5"})
    ranges.append(QgsRendererRange(BIAS_BREAKS[-1], 10 * FAILED_VALUE, failed, tr("failed")))
    return QgsGraduatedSymbolRenderer(BIAS_OR_FAILED, ranges)


def tile_labels() -> QgsVectorLayerSimpleLabeling:
    """Each footprint labelled with its tile id and its bias (2 decimals), or 'failed'."""
    settings = QgsPalLayerSettings()
    settings.isExpression = True
    failed = tr("failed").replace("'", "''")
    settings.fieldName = f"{TILE_ID} || '\\n' || if(\"status\" = 'failed', '{failed}', format_number(\"bias\", 2))"
    text = QgsTextFormat()
    text.setSize(8)
    buffer = text.buffer()
    buffer.setEnabled(True)
    text.setBuffer(buffer)
    settings.setFormat(text)
    return QgsVectorLayerSimpleLabeling(settings)


def style_tiles(layer: QgsVectorLayer) -> None:
    """The footprints' renderer and labels."""
    layer.setRenderer(bias_renderer())
    layer.setLabeling(tile_labels())
    layer.setLabelsEnabled(True)


def animate_by_date(layer: QgsVectorLayer) -> None:
    """Temporal properties: each feature is an instant at its ``date`` field, so QGIS's temporal controller
    shows the tiles of one date at a time (the bias over a season, frame by frame)."""
    properties = layer.temporalProperties()
    properties.setMode(Qgis.VectorTemporalMode.FeatureDateTimeInstantFromField)
    properties.setStartField("date")
    properties.setIsActive(True)


class FootprintsStyle(QgsProcessingLayerPostProcessorInterface):
    """Toolbox: show the 'all' class of each tile, styled by bias, animated by date."""

    @answers(None)
    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 - QGIS API name
        if isinstance(layer, QgsVectorLayer):
            style_tiles(layer)
            if layer.fields().indexOf("date") >= 0:
                animate_by_date(layer)
            layer.setSubsetString("\"class\" = 'all'")
            layer.triggerRepaint()


def footprints_style():
    """(name, QML, description) of the bias style, animated by date, for the core to store as the GeoPackage's
    default style while it writes the file: no QGIS call touches the GeoPackage (saving a style there can wait on
    a dialog)."""
    layer = QgsVectorLayer("Polygon?field=date:date", "tiles", "memory")
    style_tiles(layer)
    animate_by_date(layer)
    document = QDomDocument()
    layer.exportNamedStyle(document)
    return "bias", document.toString(), "LAI QA Toolkit: tiles by bias"


def style_footprints(context, gpkg_path: str) -> str:
    """The Toolbox loads the footprints (the style is already the GeoPackage's default); returns the layer URI."""
    uri = f"{gpkg_path}|layername=tiles"
    context.addLayerToLoadOnCompletion(uri, context.LayerDetails(tr("Tiles by bias"), context.project(), "TILES"))
    context.layerToLoadOnCompletionDetails(uri).setPostProcessor(keep_alive(FootprintsStyle()))
    return uri
