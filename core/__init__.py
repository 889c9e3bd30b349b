"""The science of LAI QA Toolkit: numpy + GDAL only, importable without QGIS.

Front ends (Processing algorithms, the dialog, scripts, cluster jobs) call
these functions; nothing here may import ``qgis``.
"""
