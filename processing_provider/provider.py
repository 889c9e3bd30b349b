"""The ``laiqa`` Processing provider: the algorithms every front end (Toolbox, models, qgis_process) sees."""
from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..translation import tr
from .base import ICON
from .batch_compare import BatchCompare
from .decode_qa_bits import DecodeQaBits
from .explain_rule import ExplainRule
from .export_scheme import ExportScheme
from .masked_difference import MaskedDifference
from .qa_mask import QaMask


class LaiQaProvider(QgsProcessingProvider):
    def id(self):
        return "laiqa"

    def name(self):
        return tr("LAI QA Toolkit")

    def longName(self):  # noqa: N802 - QGIS API name
        return tr("LAI QA Toolkit: QA bit fields and LAI validation")

    def icon(self):
        return QIcon(ICON)

    def svgIconPath(self):  # noqa: N802 - QGIS API name
        return ICON

    def loadAlgorithms(self):  # noqa: N802 - QGIS API name
        for algorithm in (DecodeQaBits(), QaMask(), ExplainRule(), MaskedDifference(), BatchCompare(),
                          ExportScheme()):
            self.addAlgorithm(algorithm)
