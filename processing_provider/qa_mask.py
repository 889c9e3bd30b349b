"""laiqa:qamask — a QA band and a keep rule in, a Byte mask (1 keep, 0 drop, 255 nodata) out."""
from qgis.core import QgsProcessingOutputNumber, QgsProcessingParameterRasterDestination

from ..core.inputs import OutputSpec
from ..core.qa_rasters import qa_mask_raster
from . import parameters
from .base import QaFieldsAlgorithm
from .styling import mask_palette, paletted, style_output


class QaMask(QaFieldsAlgorithm):
    QA = parameters.QaParameters("INPUT", "BAND", extra=parameters.ExtraQaParameter())
    CREATION_OPTIONS = parameters.CreationOptionsParameter()
    RULE = parameters.RuleParameter()
    BUFFER = parameters.BufferParameters()
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
        ) + self.QA.extra.help() + "<h3>" + self.tr("Schemes") + "</h3>" + parameters.schemes_help()

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.QA.add_to(self)
        self.QA.schemes.add_to(self)
        self.RULE.add_to(self)
        self.BUFFER.add_to(self)
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("QA keep-mask")))
        self.CREATION_OPTIONS.add_to(self)
        self.addOutput(QgsProcessingOutputNumber(self.KEPT_FRACTION, self.tr("Kept fraction")))

    def process(self, params, context, feedback):
        qa = self.QA.read(self, params, context, feedback=feedback)
        rule = self.RULE.read(self, params, context, qa.rule_scheme)
        output = self.parameterAsOutputLayer(params, self.OUTPUT, context)
        feedback.pushInfo(self.tr("QA: {0} band {1}; scheme: {2}; rule: {3}").format(
            qa.raster.source, qa.raster.band, qa.rule_scheme.name, rule.text or self.tr("(none: keep all)")))
        summary = qa_mask_raster(qa, rule, OutputSpec(output, self.CREATION_OPTIONS.read(self, params, context)),
                                   self.progress_of(feedback), self.BUFFER.read(self, params, context))
        for note in summary.notes:
            feedback.pushInfo(note)
        for warning in summary.warnings:
            feedback.pushWarning(warning)
        feedback.pushInfo(self.tr("Kept {0} of {1} pixels with QA ({2:.2%})").format(
            summary.kept, summary.valid, summary.kept_fraction))
        style_output(context, output, 1, paletted(mask_palette()), self.tr("QA mask"))
        return {self.OUTPUT: output, self.KEPT_FRACTION: summary.kept_fraction}
