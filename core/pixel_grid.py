"""Where a raster's pixels lie: size, geotransform and CRS, with the georeference resolved.

"Pixel grid" here always means this; a MODIS tile is ``modis_tiles``, an HDF inner dataset
is a subdataset (``readers.open_subdataset``).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from osgeo import osr

from .errors import LaiQaError
from .messages import tr
from .modis_tiles import resolve_georeference


@dataclass(frozen=True)
class PixelGrid:
    width: int
    height: int
    geotransform: tuple | None  # None: a raster without georeference (QA-only work needs none)
    wkt: str

    @property
    def bounds(self) -> tuple:
        """(xmin, ymin, xmax, ymax) of a north-up grid."""
        x0, dx, _, y0, _, dy = self.geotransform
        xs = (x0, x0 + dx * self.width)
        ys = (y0, y0 + dy * self.height)
        return min(xs), min(ys), max(xs), max(ys)

    @property
    def pixel_size(self) -> float:
        return abs(self.geotransform[1])

    def srs(self) -> osr.SpatialReference:
        srs = osr.SpatialReference()
        srs.ImportFromWkt(self.wkt)
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        return srs

    def same_as(self, other: PixelGrid) -> bool:
        if (self.width, self.height) != (other.width, other.height):
            return False
        tolerance = 1e-6 * self.pixel_size
        if any(abs(a - b) > tolerance for a, b in zip(self.geotransform, other.geotransform)):
            return False
        return bool(self.srs().IsSame(other.srs()))

    def describe(self) -> str:
        xmin, ymin, xmax, ymax = self.bounds
        name = self.srs().GetName() or "unknown CRS"
        return f"{xmin:.3f}, {ymin:.3f} - {xmax:.3f}, {ymax:.3f} ({name})"

    def creation_geo(self) -> dict:
        """The keyword arguments ``writers.AtomicRaster`` takes to write a raster on this grid."""
        return {"width": self.width, "height": self.height, "geotransform": self.geotransform,
                "projection": self.wkt}


def pixel_grid_of(dataset, name: str, role: str, required: bool = True):
    """(PixelGrid, note): the file's georeference, else the MODIS tile named by ``hXXvYY`` in ``name``.

    With ``required`` false a raster with neither keeps whatever it has (decoding QA needs no map).
    """
    try:
        geotransform, wkt, note = resolve_georeference(dataset, name, role)
        if geotransform[2] or geotransform[4]:
            raise LaiQaError(tr("{0}: rotated grids are not supported; warp '{1}' to a north-up grid first")
                                 .format(tr(role), name))
    except LaiQaError:
        if required:
            raise
        geotransform, wkt, note = dataset.GetGeoTransform(can_return_null=True), dataset.GetProjection(), None
        geotransform = None if geotransform is None else tuple(geotransform)
    return PixelGrid(dataset.RasterXSize, dataset.RasterYSize, geotransform, wkt), note


def pixel_of(geotransform, x: float, y: float) -> tuple:
    """(row, column) of the pixel holding map point (x, y) in a north-up raster; may lie outside it."""
    x0, width, _, y0, _, height = geotransform
    return math.floor((y - y0) / height), math.floor((x - x0) / width)
