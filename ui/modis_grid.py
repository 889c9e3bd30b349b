"""A raster without georeference (a GLASS HDF) as a map layer on the MODIS grid, for the dialog and the
inspector. The VRT goes in the project's folder when the project is saved, else in <system temp>/laiqa:
it only points at the raster and costs nothing to make again."""
import os
import tempfile

from qgis.core import QgsProject, QgsRasterLayer

from ..core.modis_grid_vrt import SUFFIX, write_modis_grid_vrt
from ..translation import tr


def modis_grid_folder() -> str:
    home = QgsProject.instance().homePath()
    if home and os.path.isdir(home) and os.access(home, os.W_OK):
        return home
    return os.path.join(tempfile.gettempdir(), "laiqa")


def modis_grid_layer(source: str, role: str) -> QgsRasterLayer:
    """The layer of ``source`` on the MODIS grid its name gives (LaiQaError with one line when it cannot be)."""
    path, _ = write_modis_grid_vrt(source, modis_grid_folder(), role)
    return QgsRasterLayer(path, tr("{0} (MODIS grid)").format(os.path.basename(path)[:-len(SUFFIX)]))
