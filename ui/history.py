"""Runs the dialog starts go into QGIS's Processing history, as runs from the Toolbox do.

QGIS 3.24 and later keep it in the history provider registry (the 'processing' provider: Processing ▸
History shows the Python command and the qgis_process command, and runs it again); QGIS 3.22 keeps it in
Processing's log file, read by the same History window.
"""
from qgis.gui import QgsGui


def record_run(algorithm, parameters: dict, context) -> str:
    """Add a run to the history; returns which history took it ('registry' or 'log')."""
    command = algorithm.asPythonCommand(parameters, context)
    registry = getattr(QgsGui, "historyProviderRegistry", None)
    if registry is not None:
        details = {"python_command": command, "algorithm_id": algorithm.id(),
                   "parameters": algorithm.asMap(parameters, context)}
        process_command, ok = algorithm.asQgisProcessCommand(parameters, context)
        if ok:
            details["process_command"] = process_command
        registry().addEntry("processing", details)
        where = "registry"
    else:
        from processing.core.ProcessingLog import ProcessingLog

        ProcessingLog.addToLog(command)
        where = "log"
    if QgsGui.instance() is not None:
        QgsGui.instance().processingRecentAlgorithmLog().push(algorithm.id())
    return where
