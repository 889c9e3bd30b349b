"""laiqa:decodeqabits — a QA band in, one band per bit field out, styled with the field's labels."""
from qgis.core import (
    QgsProcessingParameterDefinition,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
)

from ..core.inputs import OutputSpec
from ..core.qa_rasters import decode_qa_raster
from . import parameters
from .base import QaFieldsAlgorithm
from .styling import field_palette, paletted, style_output


class DecodeQaBits(QaFieldsAlgorithm):
    QA = parameters.QaParameters("INPUT", "BAND")
    CREATION_OPTIONS = parameters.CreationOptionsParameter()
    STYLE_FIELD = "STYLE_FIELD"
    OUTPUT = "OUTPUT"

    def name(self):
        return "decodeqabits"

    def displayName(self):  # noqa: N802 - QGIS API name
        return self.tr("Decode QA bit fields")

    def shortHelpString(self):  # noqa: N802 - QGIS API name
        return self.tr(
            "Splits an integer QA band into its bit fields: one output band per field, named after the "
            "field, in the smallest unsigned type that holds the field values and a nodata value. "
            "Pixels that are nodata in the QA band stay nodata in every band. Signed bands (Int16, Int32) "
            "are read as their bit pattern. The first field band (or STYLE_FIELD) is styled with the "
            "field's labels."
        ) + "<h3>" + self.tr("Schemes") + "</h3>" + parameters.schemes_help()

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.QA.add_to(self)
        self.QA.schemes.add_to(self)
        style_field = QgsProcessingParameterNumber(
            self.STYLE_FIELD, self.tr("Field band to style on load (1 = first field)"),
            QgsProcessingParameterNumber.Type.Integer, defaultValue=1, optional=True, minValue=1,
        )
        style_field.setFlags(style_field.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(style_field)
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Decoded QA fields")))
        self.CREATION_OPTIONS.add_to(self)

    def process(self, params, context, feedback):
        qa = self.QA.read(self, params, context, feedback=feedback)
        scheme = qa.scheme
        output = self.parameterAsOutputLayer(params, self.OUTPUT, context)
        feedback.pushInfo(self.tr("QA: {0} band {1}; scheme: {2}").format(
            qa.raster.source, qa.raster.band, scheme.describe()))
        summary = decode_qa_raster(qa, OutputSpec(output, self.CREATION_OPTIONS.read(self, params, context)),
                                   self.progress_of(feedback))
        for note in summary.notes:
            feedback.pushInfo(note)
        for warning in summary.warnings:
            feedback.pushWarning(warning)
        if summary.nodata_pixels:
            feedback.pushInfo(self.tr("QA nodata pixels (nodata in every band): {0}").format(summary.nodata_pixels))
        for field_name, counts in summary.value_counts.items():
            labels = scheme.field(field_name).labels
            feedback.pushInfo(
                "{0}: {1}".format(
                    field_name,
                    ", ".join(f"{v}{' ' + labels[v] if v in labels else ''}={n}" for v, n in counts.items()),
                )
            )
        style_band = min(max(self.parameterAsInt(params, self.STYLE_FIELD, context), 1), len(scheme.fields))
        style_output(context, output, style_band, paletted(field_palette(scheme.fields[style_band - 1])),
                     self.tr("QA fields ({0})").format(scheme.fields[style_band - 1].name))
        return {self.OUTPUT: output}
