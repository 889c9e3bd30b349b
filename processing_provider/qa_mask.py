"""laiqa:qamask — a QA band and a keep rule in, a Byte mask (1 keep, 0 drop, 255 nodata) out."""
from qgis.core import QgsProcessingOutputNumber, QgsProcessingParameterRasterDestination

from ..core.qa_rasters import qa_mask_raster
from . import parameters
from .base import QaFieldsAlgorithm
from .styling import mask_palette, paletted, style_output


class QaMask(QaFieldsAlgorithm):
    INPUT = "INPUT"
    BAND = "BAND"
    SCHEME = "SCHEME"
    CUSTOM_FIELDS = "CUSTOM_FIELDS"
    RULE = "RULE"
    OUTPUT = "OUTPUT"
    KEPT_FRACTION = "KEPT_FRACTION"

    def name(self):
        return "qamask"

    def displayName(self):  # noqa: N802 - QGIS API name
        return self.tr("QA mask from a rule")

    def shortHelpString(self):  # noqa: N802 - QGIS API name
        return self.tr(
            "Builds a keep-mask from a QA band and a readable rule over the scheme's fields, for example "
            "<code>quality != 3 and algorithm in (DRT, ECO)</code> or <code>MODLAND_QC == 0</code>. "
            "Operators: == != &lt; &lt;= &gt; &gt;= in, not in, and, or, not, parentheses; values are numbers "
            "or the field's labels. An empty rule uses the scheme's default rule. Output: 1 keep, 0 drop, "
            "255 where the QA band is nodata; KEPT_FRACTION is the kept share of pixels that have QA."
        ) + "<h3>" + self.tr("Schemes") + "</h3>" + parameters.schemes_help()

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        parameters.add_qa_input(self, self.INPUT, self.BAND)
        parameters.add_scheme(self, self.SCHEME, self.CUSTOM_FIELDS)
        parameters.add_rule(self, self.RULE)
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("QA keep-mask")))
        self.addOutput(QgsProcessingOutputNumber(self.KEPT_FRACTION, self.tr("Kept fraction")))

    def process(self, params, context, feedback):
        source = parameters.raster_source(self, params, self.INPUT, context)
        band = self.parameterAsInt(params, self.BAND, context)
        scheme = parameters.scheme_from_parameters(self, params, context, self.SCHEME, self.CUSTOM_FIELDS)
        rule = parameters.rule_from_parameters(self, params, context, scheme, self.RULE)
        output = self.parameterAsOutputLayer(params, self.OUTPUT, context)
        feedback.pushInfo(self.tr("QA: {0} band {1}; scheme: {2}; rule: {3}").format(
            source, band, scheme.name, rule.text or self.tr("(none: keep all)")))
        summary = qa_mask_raster(source, band, scheme, rule, output, self.progress_of(feedback))
        for note in summary.notes:
            feedback.pushInfo(note)
        feedback.pushInfo(self.tr("Kept {0} of {1} pixels with QA ({2:.2%})").format(
            summary.kept, summary.valid, summary.kept_fraction))
        style_output(context, output, 1, paletted(mask_palette()), self.tr("QA mask"))
        return {self.OUTPUT: output, self.KEPT_FRACTION: summary.kept_fraction}
