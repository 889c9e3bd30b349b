"""The statistics table as a Processing output: a geometry-less layer (CSV, GeoPackage or memory)."""
import math

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..core.stats import COLUMNS, COMPLETENESS_COLUMNS
from ..translation import tr

COUNT_COLUMNS = {"n", *COMPLETENESS_COLUMNS[1:]}  # written as integers


def _field_type(kind: str):
    """QVariant types before QGIS 3.38, QMetaType types after (the only ones in QGIS 4 / Qt 6)."""
    if Qgis.QGIS_VERSION_INT >= 33800:
        from qgis.PyQt.QtCore import QMetaType

        return {"text": QMetaType.Type.QString, "int": QMetaType.Type.LongLong, "real": QMetaType.Type.Double}[kind]
    return {"text": QVariant.String, "int": QVariant.LongLong, "real": QVariant.Double}[kind]  # noqa: QGS402


def table_fields(columns) -> QgsFields:
    """Fields of a table of rows: class and stratum as text, counts as integers, every other figure as a real."""
    fields = QgsFields()
    for column in columns:
        kind = "text" if column in ("class", "stratum") else "int" if column in COUNT_COLUMNS else "real"
        fields.append(QgsField(column, _field_type(kind)))
    return fields


def add_stats_sink(algorithm, name: str, description: str):
    algorithm.addParameter(QgsProcessingParameterFeatureSink(
        name, description, QgsProcessing.SourceType.TypeVector, optional=True, createByDefault=True))


def write_stats(algorithm, parameters, context, name: str, rows: list, columns=COLUMNS):
    """Write the rows (statistics, or another table's ``columns``) to the sink; returns its destination id
    (None when the user skipped it)."""
    fields = table_fields(columns)
    sink, destination = algorithm.parameterAsSink(
        parameters, name, context, fields, QgsWkbTypes.Type.NoGeometry, QgsCoordinateReferenceSystem())
    if sink is None:
        if parameters.get(name) is None:
            return None
        raise QgsProcessingException(tr("Could not create the statistics table {0}").format(name))
    for row in rows:
        feature = QgsFeature(fields)
        feature.setAttributes([
            None if isinstance(row[column], float) and math.isnan(row[column]) else row[column]
            for column in columns
        ])
        if not sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert):
            raise QgsProcessingException(tr("Writing the statistics table {0} failed: {1}").format(
                name, sink.lastError() or tr("unknown error")))
    if hasattr(sink, "flushBuffer") and not sink.flushBuffer():
        raise QgsProcessingException(tr("Writing the statistics table {0} failed: {1}").format(
            name, sink.lastError() or tr("unknown error")))
    return destination
