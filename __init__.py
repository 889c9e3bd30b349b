"""QGIS entry point: kept import-light so tests and qgis_process can import the package cheaply."""


def classFactory(iface):  # noqa: N802, QGS105 - name and argument fixed by QGIS
    from .plugin import LaiQaPlugin

    return LaiQaPlugin(iface)
