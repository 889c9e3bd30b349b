"""What every laiqa algorithm shares: translation, icon, and turning core errors into Processing errors."""
import gc
import os

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtGui import QIcon

from ..callbacks import answers
from ..core.errors import Cancelled, LaiQaError
from ..core.progress import Progress
from ..translation import tr
from .parameters import GdalRasterParameter

ICON = os.path.join(os.path.dirname(os.path.dirname(__file__)), "icon.svg")


class LaiQaAlgorithm(QgsProcessingAlgorithm):
    """Subclasses implement ``process``; user errors arrive as QgsProcessingException, never a traceback."""

    def tr(self, text):
        return tr(text)

    def createInstance(self):  # noqa: N802 - QGIS API name
        return type(self)()

    def icon(self):
        return QIcon(ICON)

    @answers(lambda: (False, tr("The parameters could not be checked; see the QGIS log (LAI QA Toolkit)")))
    def checkParameterValues(self, parameters, context):  # noqa: N802 - QGIS API name
        """Our message for a raster GDAL cannot open, instead of QGIS's "Incorrect parameter value"."""
        for definition in self.parameterDefinitions():
            value = parameters.get(definition.name())
            if isinstance(definition, GdalRasterParameter) and isinstance(value, str) and value.strip():
                problem = definition.problem_with(value, context)
                if problem:
                    return False, problem
        return super().checkParameterValues(parameters, context)

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 - QGIS API name
        try:
            return self.process(parameters, context, feedback)
        except Cancelled:
            message = self.cancelled_message()
        except (LaiQaError, QgsProcessingException) as error:
            message = str(error)
        # Raised outside the except block, after collecting what the failed pass left in reference cycles
        # (an exception's traceback holds the frames that hold GDAL datasets): nothing of GDAL outlives QGIS.
        gc.collect()
        raise QgsProcessingException(message)

    def process(self, parameters, context, feedback):
        raise NotImplementedError

    def cancelled_message(self) -> str:
        return self.tr("Cancelled: no output was written.")

    @staticmethod
    def progress_of(feedback) -> Progress:
        return Progress(lambda fraction: feedback.setProgress(100.0 * fraction), feedback.isCanceled)


class QaFieldsAlgorithm(LaiQaAlgorithm):
    """The Toolbox group of the algorithms that read QA bit fields."""

    def group(self):
        return self.tr("QA bit fields")

    def groupId(self):  # noqa: N802 - QGIS API name
        return "qa"


class ValidationAlgorithm(LaiQaAlgorithm):
    """The Toolbox group of the algorithms that compare LAI products."""

    def group(self):
        return self.tr("LAI validation")

    def groupId(self):  # noqa: N802 - QGIS API name
        return "validation"
