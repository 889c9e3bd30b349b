"""Putting the reference LAI on the product's grid with GDAL, without a temporary full copy.

Identical grids are read as they are. Otherwise the reference band is wrapped in
an in-memory VRT that carries its (possibly inferred) georeference and turns fill
and out-of-range values into nodata (a VRT lookup table), and a warped VRT
resamples it onto the product grid as windows are read. Resampling works on raw
values; scale and offset are linear, so averaging before or after scaling agrees.
"""
from __future__ import annotations

from xml.sax.saxutils import escape

import numpy as np
from osgeo import gdal, osr

from .errors import LaiQaError
from .messages import tr
from .pixel_grid import PixelGrid
from .readers import OpenedBand, gdal_call, numpy_type

# Marks "no valid reference value" through the warp. It must be exactly a Float32 value: the VRTs are
# Float32, and GDAL 3.10 compares nodata in double precision, so -3.0e38 (not representable) was no
# longer matched and its sentinel got averaged into real values. Written with 17 digits everywhere.
WARP_NODATA = float(np.float32(-3.0e38))
RESAMPLING = ("auto", "nearest", "bilinear", "average")


def bounds_in(grid: PixelGrid, target: PixelGrid) -> tuple:
    """``grid``'s extent expressed in ``target``'s CRS."""
    if grid.srs().IsSame(target.srs()):
        return grid.bounds
    transform = osr.CoordinateTransformation(grid.srs(), target.srs())
    return transform.TransformBounds(*grid.bounds, 21)


def check_overlap(reference: PixelGrid, target: PixelGrid, reference_name: str, product_name: str) -> None:
    xmin, ymin, xmax, ymax = bounds_in(reference, target)
    txmin, tymin, txmax, tymax = target.bounds
    if xmin >= txmax or xmax <= txmin or ymin >= tymax or ymax <= tymin:
        raise LaiQaError(
            tr("The reference does not overlap the product: reference '{0}' covers {1}, product '{2}' covers {3}")
                .format(reference_name, reference.describe(), product_name, target.describe())
        )


def choose_resampling(choice: str, reference: PixelGrid, target: PixelGrid) -> str:
    """'auto': average when the reference is finer than the product, else nearest (no invented values)."""
    if choice != "auto":
        return choice
    xmin, ymin, xmax, ymax = bounds_in(reference, target)
    reference_pixel = min((xmax - xmin) / reference.width, (ymax - ymin) / reference.height)
    return "average" if reference_pixel < target.pixel_size * 0.999 else "nearest"


def _lookup_table(dtype, encoding) -> str:
    """VRT LUT points mapping fills and out-of-range integers to WARP_NODATA, everything else to itself."""
    info = np.iinfo(dtype)
    low = info.min if encoding.valid_min is None else max(info.min, int(np.ceil(encoding.valid_min)))
    high = info.max if encoding.valid_max is None else min(info.max, int(np.floor(encoding.valid_max)))
    points = []
    if low > info.min:
        points.append((low - 1, WARP_NODATA))
    points.append((low, low))
    for fill in sorted({int(f) for f in encoding.fill_values if low < f < high and float(f).is_integer()}):
        points += [(fill - 1, fill - 1), (fill, WARP_NODATA), (fill + 1, fill + 1)]
    points.append((high, high))
    if high < info.max:
        points.append((high + 1, WARP_NODATA))
    return ",".join(f"{x}:{y!r}" for x, y in points)


def _masked_source_vrt(reference: OpenedBand) -> gdal.Dataset:
    """The reference band as a Float32 VRT with its georeference and invalid values set to nodata."""
    encoding = reference.encoding
    dtype = numpy_type(reference.band)
    if dtype.kind in "iu":
        masking = f"<LUT>{_lookup_table(dtype, encoding)}</LUT>"
    else:  # float references: fills inside the range are caught after resampling by the valid-range test
        first_fill = next(iter(encoding.fill_values), None)
        masking = f"<NODATA>{first_fill:.9g}</NODATA>" if first_fill is not None else ""
    return georeferenced_vrt(reference, "Float32", WARP_NODATA, masking, "Reference")


def georeferenced_vrt(opened: OpenedBand, data_type: str, nodata: float, masking: str, role: str) -> gdal.Dataset:
    """One band as a VRT of ``data_type`` carrying its (possibly inferred) georeference; ``masking``: the
    source's LUT or NODATA element (source pixels it drops keep the VRT band's ``nodata``)."""
    grid = opened.grid
    geotransform = ",".join(f"{v:.17g}" for v in grid.geotransform)
    xml = (
        f'<VRTDataset rasterXSize="{grid.width}" rasterYSize="{grid.height}">'
        f"<SRS>{escape(grid.wkt)}</SRS><GeoTransform>{geotransform}</GeoTransform>"
        f'<VRTRasterBand dataType="{data_type}" band="1"><NoDataValue>{nodata!r}</NoDataValue>'
        f'<ComplexSource><SourceFilename relativeToVRT="0">{escape(opened.source)}</SourceFilename>'
        f"<SourceBand>{opened.band.GetBand()}</SourceBand>{masking}</ComplexSource>"
        "</VRTRasterBand></VRTDataset>"
    )
    dataset, message = gdal_call(gdal.Open, xml)
    if dataset is None:
        raise LaiQaError(tr("{0}: GDAL could not wrap '{1}' for resampling ({2})")
                             .format(tr(role), opened.source, message))
    return dataset


class AlignedBand:
    """Reads windows of a band resampled onto another grid by a warped VRT (no temporary copy): ``nodata``
    where nothing valid lands."""

    def __init__(self, source_vrt: gdal.Dataset, target: PixelGrid, resampling: str, nodata: float, gdal_type: int,
                 role: str, source: str):
        self._source_vrt = source_vrt
        xmin, ymin, xmax, ymax = target.bounds
        self._warped, message = gdal_call(
            gdal.Warp, "", source_vrt, format="VRT", outputBounds=(xmin, ymin, xmax, ymax),
            width=target.width, height=target.height, dstSRS=target.wkt, resampleAlg=resampling,
            srcNodata=nodata, dstNodata=nodata, outputType=gdal_type,
        )
        if self._warped is None:
            raise LaiQaError(tr("{0}: GDAL could not resample '{1}' onto the product grid ({2})")
                                 .format(tr(role), source, message))
        self.band = self._warped.GetRasterBand(1)
        self.nodata = nodata

    def close(self):
        """Close the warped VRT before the VRT it reads (GDAL crashes on the other order at exit)."""
        self.band = None
        self._warped = None
        self._source_vrt = None


class AlignedReference(AlignedBand):
    """Reads reference windows on the product grid; raw values, WARP_NODATA where nothing valid lands."""

    def __init__(self, reference: OpenedBand, target: PixelGrid, resampling: str):
        super().__init__(_masked_source_vrt(reference), target, resampling, WARP_NODATA, gdal.GDT_Float32,
                         "Reference", reference.source)
