"""Methods QGIS calls from C++ must never raise: a Python exception there aborts qgis_process (SIGABRT)
and can bring QGIS desktop down. ``answers(fallback)`` makes such a method log what went wrong and give
QGIS the answer its API expects instead (False for "not acceptable", None for "nothing done"; a
function is called for the answer, so a translated message is made when it is needed)."""
import functools

from qgis.core import Qgis, QgsMessageLog

LOG_TAG = "LAI QA Toolkit"


def answers(fallback):
    def decorate(method):
        @functools.wraps(method)
        def guarded(*args, **kwargs):
            try:
                return method(*args, **kwargs)
            except Exception as error:  # nothing may cross into C++
                QgsMessageLog.logMessage(f"{method.__qualname__}: {type(error).__name__}: {error}", LOG_TAG,
                                         Qgis.MessageLevel.Warning)
                return fallback() if callable(fallback) else fallback

        return guarded

    return decorate
