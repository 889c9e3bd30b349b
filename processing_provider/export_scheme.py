"""laiqa:exportscheme — a QA scheme (preset, custom table or file) out as a file others can read:
STAC classification:bitfields JSON, unpackqa product YAML, or our own preset JSON."""
from qgis.core import QgsProcessingOutputString, QgsProcessingParameterEnum, QgsProcessingParameterFileDestination

from ..core.qa.scheme_files import FORMATS, write_scheme_file
from . import parameters
from .base import QaFieldsAlgorithm


class ExportScheme(QaFieldsAlgorithm):
    SCHEMES = parameters.SchemeParameters()
    FORMAT = "FORMAT"
    OUTPUT = "OUTPUT"
    SCHEME_NAME = "SCHEME_NAME"

    def name(self):
        return "exportscheme"

    def displayName(self):  # noqa: N802 - QGIS API name
        return self.tr("Export a QA scheme to a file")

    def format_names(self):
        """The FORMAT options, in the order of core.qa.scheme_files.FORMATS."""
        return [self.tr("STAC classification:bitfields (JSON)"), self.tr("unpackqa product (YAML)"),
                self.tr("LAI QA Toolkit scheme (JSON)")]

    def shortHelpString(self):  # noqa: N802 - QGIS API name
        return self.tr(
            "Writes a QA scheme (a preset, the custom fields, or a scheme file) as a file to share or to load "
            "again with SCHEME_FILE. STAC: the classification extension's bit fields, our labels as class names "
            "and their meanings as descriptions, our scheme's name, source and default rule under laiqa:scheme. "
            "unpackqa: one product with its flags' bits (no labels: the format has none). LAI QA Toolkit: the "
            "presets' own JSON, everything kept. JSON formats end in .json, YAML in .yaml or .yml."
        ) + "<h3>" + self.tr("Schemes") + "</h3>" + parameters.schemes_help()

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.SCHEMES.add_to(self)
        self.addParameter(QgsProcessingParameterEnum(self.FORMAT, self.tr("File format"),
                                                     options=self.format_names(), defaultValue=0))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("QA scheme file"), self.tr("JSON (*.json);;YAML (*.yaml *.yml)")))
        self.addOutput(QgsProcessingOutputString(self.SCHEME_NAME, self.tr("Scheme name")))

    def process(self, params, context, feedback):
        scheme = self.SCHEMES.read(self, params, context, feedback)
        file_format = FORMATS[self.parameterAsEnum(params, self.FORMAT, context)]
        output = self.parameterAsFileOutput(params, self.OUTPUT, context)
        write_scheme_file(scheme, output, file_format)
        feedback.pushInfo(self.tr("Wrote {0} ({1} fields) as {2}: {3}").format(
            scheme.name, len(scheme.fields), self.format_names()[FORMATS.index(file_format)], output))
        return {self.OUTPUT: output, self.SCHEME_NAME: scheme.name}
