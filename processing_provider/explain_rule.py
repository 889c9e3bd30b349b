"""laiqa:explainrule — a rule as the raw QA values it keeps, a value list as a rule, and the rule for other tools."""
from qgis.core import QgsProcessingOutputNumber, QgsProcessingOutputString, QgsProcessingParameterString

from ..core.qa.rule_exports import EXPORTS
from ..core.qa.value_lists import explain, format_values
from . import parameters
from .base import QaFieldsAlgorithm

LOGGED_VALUES = 100  # values shown in the log; the KEPT_VALUES output holds up to OUTPUT_VALUES
OUTPUT_VALUES = 1 << 16


class ExplainRule(QaFieldsAlgorithm):
    SCHEMES = parameters.SchemeParameters()
    RULE = parameters.RuleParameter()
    VALUES = "VALUES"
    KEPT_VALUES = "KEPT_VALUES"
    KEPT_COUNT = "KEPT_COUNT"
    DROPPED_COUNT = "DROPPED_COUNT"
    RULE_FROM_VALUES = "RULE_FROM_VALUES"

    def name(self):
        return "explainrule"

    def displayName(self):  # noqa: N802 - QGIS API name
        return self.tr("Explain a QA rule (value lists, exports)")

    def shortHelpString(self):  # noqa: N802 - QGIS API name
        return self.tr(
            "Lists the raw QA values a rule keeps (KEPT_VALUES, with KEPT_COUNT and DROPPED_COUNT over every "
            "combination of the scheme's field values), or turns a list of raw QA values such as "
            "<code>0, 2, 24, 26, 32, 34, 56, 58</code> (also <code>c(…)</code> or <code>[…]</code>) into the "
            "shortest readable rule we find that keeps exactly those values (RULE_FROM_VALUES). Give RULE or "
            "VALUES, not both; with neither, the scheme's default rule is explained. For a rule, "
            "RULE_FROM_VALUES is the shortest rule keeping the same values. The rule is also written for Earth "
            "Engine (JavaScript and Python, image <code>qa</code>), numpy (array <code>qa</code>), "
            "gdal_calc.py (<code>--calc</code> with the QA band as <code>-A</code>) and the QGIS raster "
            "calculator (band <code>\"qa@1\"</code>: rename it to your layer). Bits that belong to no field "
            "are listed at 0: rules never read them."
        ) + "<h3>" + self.tr("Schemes") + "</h3>" + parameters.schemes_help()

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.SCHEMES.add_to(self)
        self.RULE.add_to(self)
        self.addParameter(QgsProcessingParameterString(
            self.VALUES, self.tr("Raw QA values to turn into a rule (e.g. 0, 2, 24; instead of a rule)"),
            defaultValue="", optional=True))
        self.addOutput(QgsProcessingOutputString(self.KEPT_VALUES, self.tr("Raw QA values kept")))
        self.addOutput(QgsProcessingOutputNumber(self.KEPT_COUNT, self.tr("Number of QA values kept")))
        self.addOutput(QgsProcessingOutputNumber(self.DROPPED_COUNT, self.tr("Number of QA values dropped")))
        self.addOutput(QgsProcessingOutputString(self.RULE_FROM_VALUES, self.tr("Rule from the values")))
        for name, label in self.export_labels().items():
            self.addOutput(QgsProcessingOutputString(name, label))

    def export_labels(self) -> dict:
        """Output name -> label, in the order of core.qa.rule_exports.EXPORTS."""
        labels = {"EE_JS": self.tr("Earth Engine JavaScript"), "EE_PYTHON": self.tr("Earth Engine Python"),
                  "NUMPY": self.tr("numpy"), "GDAL_CALC": self.tr("gdal_calc.py --calc"),
                  "QGIS_RASTER_CALCULATOR": self.tr("QGIS raster calculator")}
        return {name: labels[name] for name in EXPORTS}

    def process(self, params, context, feedback):
        scheme = self.SCHEMES.read(self, params, context)
        values_text = parameters.text_or_none(self, params, self.VALUES, context)
        explanation = explain(scheme, self.RULE.read_text(self, params, context), values_text)
        kept, from_values = explanation.kept, explanation.from_values
        feedback.pushInfo(self.tr("Scheme: {0}; rule: {1}").format(
            scheme.name, explanation.rule.text or self.tr("(none: keep all)")))
        for note in kept.notes + (from_values.notes if from_values else ()):
            feedback.pushInfo(note)
        feedback.pushInfo(self.tr("Keeps {0:,} QA values: {1} ({2:,} dropped)").format(
            kept.kept, format_values(kept.values, LOGGED_VALUES), kept.dropped))
        if values_text is not None and not from_values.exact:
            feedback.pushWarning(self.tr(
                "No rule over the scheme's fields keeps exactly these values; the closest adds {0} and "
                "misses {1}").format(format_values(from_values.added, 10) or "-",
                                     format_values(from_values.missed, 10) or "-"))
        if from_values is not None:
            feedback.pushInfo(self.tr("Rule from the values: {0}").format(
                from_values.text or self.tr("(empty: keeps every value)")))
        if kept.values.size > OUTPUT_VALUES:
            feedback.pushInfo(self.tr("KEPT_VALUES holds the first {0:,} values").format(OUTPUT_VALUES))
        for name, label in self.export_labels().items():
            feedback.pushInfo(f"{label}: {explanation.exports[name]}")
        return {self.KEPT_VALUES: format_values(kept.values, OUTPUT_VALUES), self.KEPT_COUNT: kept.kept,
                self.DROPPED_COUNT: kept.dropped,
                self.RULE_FROM_VALUES: from_values.text if from_values else "",
                **explanation.exports}
