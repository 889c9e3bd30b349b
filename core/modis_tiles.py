"""The MODIS sinusoidal tile grid (hXXvYY), as small pure functions."""
from __future__ import annotations

import re

from .errors import LaiQaError
from .messages import tr

SPHERE_RADIUS = 6371007.181
TILE_SIZE_M = 1111950.5197665
GRID_ORIGIN_X, GRID_ORIGIN_Y = -20015109.354, 10007554.677
MODIS_SINUSOIDAL_WKT = (
    'PROJCS["MODIS Sinusoidal",GEOGCS["Unknown datum based upon the custom spheroid",'
    'DATUM["Not specified (based on custom spheroid)",SPHEROID["Custom spheroid",6371007.181,0]],'
    'PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Sinusoidal"],'
    'PARAMETER["longitude_of_center",0],PARAMETER["false_easting",0],PARAMETER["false_northing",0],'
    'UNIT["Meter",1]]'
)
_TILE_ID = re.compile(r"h(\d{2})v(\d{2})")


def tile_geotransform(h: int, v: int, width: int) -> tuple:
    """GDAL geotransform of tile (h, v) rasterised ``width`` pixels across (2400 = 500 m)."""
    pixel = TILE_SIZE_M / width
    return (GRID_ORIGIN_X + h * TILE_SIZE_M, pixel, 0.0, GRID_ORIGIN_Y - v * TILE_SIZE_M, 0.0, -pixel)


def tile_id(h: int, v: int) -> str:
    return f"h{h:02d}v{v:02d}"


def parse_tile_id(text: str):
    """(h, v) of the first ``hXXvYY`` in ``text``, or None."""
    match = _TILE_ID.search(text)
    return (int(match.group(1)), int(match.group(2))) if match else None


NO_GEOTRANSFORM = (0.0, 1.0, 0.0, 0.0, 0.0, 1.0)


def has_georeference(geotransform, projection: str) -> bool:
    """GDAL reports (0, 1, 0, 0, 0, 1) and no CRS for a raster that carries no georeference."""
    return bool(projection) and geotransform is not None and tuple(geotransform) != NO_GEOTRANSFORM


def resolve_georeference(dataset, name: str, role: str = "Raster"):
    """(geotransform, wkt, note): the file's own, else the MODIS tile grid named by ``hXXvYY`` in ``name``."""
    geotransform = dataset.GetGeoTransform(can_return_null=True)
    projection = dataset.GetProjection()
    if has_georeference(geotransform, projection):
        return tuple(geotransform), projection, tr("{0}: georeference from the file").format(tr(role))
    tile = parse_tile_id(str(name).replace("\\", "/").rsplit("/", 1)[-1]) or parse_tile_id(str(name))
    if tile is None:
        raise LaiQaError(
            tr("{0}: '{1}' has no georeference and its name carries no MODIS tile id (hXXvYY); georeference it "
               "first (e.g. gdal_translate -a_srs -a_ullr)").format(tr(role), name)
        )
    width = dataset.RasterXSize
    note = tr("{0}: no georeference in the file; using MODIS sinusoidal tile {1} from its name ({2:.4f} m pixels, "
              "sphere radius {3} m)").format(tr(role), tile_id(*tile), TILE_SIZE_M / width, SPHERE_RADIUS)
    return tile_geotransform(tile[0], tile[1], width), MODIS_SINUSOIDAL_WKT, note
