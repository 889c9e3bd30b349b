"""A raster without georeference (a GLASS HDF) put on the MODIS sinusoidal grid for display, as a small VRT.

GLASS tiles carry no CRS: loaded in QGIS they sit at pixel coordinates. The algorithms place them by the
``hXXvYY`` in their name (``modis_tiles.resolve_georeference``); this writes that same georeference into a
VRT that points at the file, so the map shows the tile where the algorithms put it. Nothing is copied.
"""
from __future__ import annotations

import os

from osgeo import gdal

from .errors import LaiQaError
from .messages import tr
from .modis_tiles import has_georeference, resolve_georeference
from .readers import container_file, gdal_call, open_subdataset
from .writers import atomic_text_file

SUFFIX = "_modis_grid.vrt"


def modis_grid_vrt_path(source: str, folder: str) -> str:
    """Where ``write_modis_grid_vrt`` puts the VRT of ``source``: <folder>/<file name>_modis_grid.vrt."""
    stem = os.path.splitext(os.path.basename(container_file(str(source))))[0]
    return os.path.join(folder, stem + SUFFIX)


def write_modis_grid_vrt(source: str, folder: str, role: str = "Raster") -> tuple:
    """(VRT path, note): a VRT of ``source`` with the MODIS tile georeference its name gives.

    Refused with one line: a raster that has its own georeference (nothing to add), one whose name carries
    no tile id, one GDAL cannot open."""
    source = os.path.abspath(source) if os.path.exists(str(source)) else str(source)
    dataset, name, _ = open_subdataset(source, role)
    if has_georeference(dataset.GetGeoTransform(can_return_null=True), dataset.GetProjection()):
        raise LaiQaError(tr("{0}: '{1}' has a georeference of its own; add it to the map as it is")
                             .format(tr(role), source))
    geotransform, wkt, note = resolve_georeference(dataset, name, role)
    vrt, message = gdal_call(gdal.GetDriverByName("VRT").CreateCopy, "", dataset)
    if vrt is None:
        raise LaiQaError(tr("{0}: cannot make a VRT of '{1}' ({2})")
                             .format(tr(role), source, message or tr("unknown reason")))
    vrt.SetGeoTransform(geotransform)
    vrt.SetProjection(wkt)
    xml = vrt.GetMetadata("xml:VRT")[0]
    vrt = None
    path = modis_grid_vrt_path(name, folder)
    with atomic_text_file(path) as handle:
        handle.write(xml)
    return path, note
