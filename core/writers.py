"""Writing rasters so that a failed or cancelled run leaves nothing behind.

Data goes to a hidden temporary file beside the target; only a complete file is
renamed into place. GeoTIFF defaults are tiled + ZSTD level 1 on all cores:
measured here (design notes) it writes ~10x faster than DEFLATE for ~10 % more bytes.
"""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager

import numpy as np
from osgeo import gdal, gdal_array

from .errors import LaiQaError
from .readers import gdal_call, gdal_errors_as_messages, one_line

OUTPUT_TILE = 256  # GTiff's default tile edge: windows aligned to it complete whole tile rows
GTIFF_OPTIONS = ["TILED=YES", "COMPRESS=ZSTD", "ZSTD_LEVEL=1", "NUM_THREADS=ALL_CPUS", "BIGTIFF=IF_SAFER"]
GTIFF_FALLBACK_OPTIONS = ["TILED=YES", "COMPRESS=LZW", "BIGTIFF=IF_SAFER"]
COG_OPTIONS = ["COMPRESS=ZSTD", "LEVEL=1", "NUM_THREADS=ALL_CPUS", "BIGTIFF=IF_SAFER"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def publish(temp_path: str, path: str) -> None:
    """Rename a finished temporary file into place with the permissions a normal file would get."""
    os.chmod(temp_path, 0o666 & ~_umask())  # mkstemp made it private (0600)
    os.replace(temp_path, path)


def release_blocks(*datasets) -> None:
    """Write finished output tiles and drop read input blocks: GDAL's cache would otherwise hold them
    (up to 5 % of RAM by default), so memory would grow with the raster."""
    for dataset in datasets:
        dataset.FlushCache()


def write_window(band, values, xoff: int, yoff: int) -> None:
    """``band.WriteArray`` that fails loudly in either GDAL exception mode (a full disk, a lost file)."""
    status, message = gdal_call(band.WriteArray, values, xoff, yoff)
    if status is None or status != gdal.CE_None:
        raise LaiQaError(
            f"Writing '{band.GetDataset().GetDescription()}' failed at column {xoff}, row {yoff}: "
            f"{message or 'write error'}"
        )


def default_creation_options(driver_name: str) -> list:
    if driver_name != "GTiff":
        return []
    option_list = gdal.GetDriverByName("GTiff").GetMetadataItem("DMD_CREATIONOPTIONLIST") or ""
    return list(GTIFF_OPTIONS if "ZSTD" in option_list else GTIFF_FALLBACK_OPTIONS)


def driver_for(path: str) -> str:
    """The GDAL driver that writes files with this extension (GeoTIFF when unknown)."""
    extension = os.path.splitext(path)[1].lower().lstrip(".")
    if extension in ("", "tif", "tiff"):
        return "GTiff"
    for index in range(gdal.GetDriverCount()):
        driver = gdal.GetDriver(index)
        metadata = driver.GetMetadata() or {}
        if metadata.get("DCAP_RASTER") != "YES" or metadata.get("DCAP_CREATE") != "YES":
            continue
        if extension in (metadata.get("DMD_EXTENSIONS") or "").lower().split():
            return driver.ShortName
    return "GTiff"


class AtomicRaster:
    """``with AtomicRaster(path, ...) as dataset:`` — the file appears only if the block ends cleanly."""

    def __init__(self, path, width, height, band_count, numpy_dtype, geotransform=None, projection="",
                 nodata=None, descriptions=(), creation_options=None, driver_name=None, cog=False):
        self.path = os.path.abspath(str(path))
        self.driver_name = driver_name or driver_for(self.path)
        if creation_options is None:
            creation_options = default_creation_options(self.driver_name)
        self.options = list(creation_options)
        self.shape = (width, height, band_count)
        self.gdal_type = gdal_array.NumericTypeCodeToGDALTypeCode(np.dtype(numpy_dtype))
        self.geotransform, self.projection = geotransform, projection
        self.nodata, self.descriptions = nodata, list(descriptions)
        self.temp_path = None
        self.dataset = None
        self.cog = cog  # write a plain tiled GTiff, then copy it to a Cloud Optimized GeoTIFF at the end

    def __enter__(self) -> gdal.Dataset:
        folder = os.path.dirname(self.path)
        try:
            os.makedirs(folder, exist_ok=True)
            handle, self.temp_path = tempfile.mkstemp(
                prefix=f".{os.path.basename(self.path)}.", suffix=".partial", dir=folder
            )
            os.close(handle)
        except OSError as error:
            raise LaiQaError(f"Cannot write to the folder of '{self.path}': {error.strerror}") from None
        driver = gdal.GetDriverByName(self.driver_name)
        width, height, band_count = self.shape
        self.dataset, message = gdal_call(
            driver.Create, self.temp_path, width, height, band_count, self.gdal_type, self.options)
        if self.dataset is None:
            self._remove_temp()
            raise LaiQaError(f"Cannot create '{self.path}' with GDAL {self.driver_name}: {message}")
        if self.geotransform is not None:
            self.dataset.SetGeoTransform(self.geotransform)
        if self.projection:
            self.dataset.SetProjection(self.projection)
        for index in range(band_count):
            band = self.dataset.GetRasterBand(index + 1)
            if self.nodata is not None:
                band.SetNoDataValue(float(self.nodata))
            if index < len(self.descriptions):
                band.SetDescription(self.descriptions[index])
        return self.dataset

    def __exit__(self, error_type, error, traceback):
        dataset, self.dataset = self.dataset, None
        with gdal_errors_as_messages():
            try:
                dataset.FlushCache()
                dataset = None  # closes the file: GDAL writes the last blocks here
                write_failed = gdal.GetLastErrorType() >= gdal.CE_Failure
                message = one_line(gdal.GetLastErrorMsg())
            except RuntimeError as failure:  # GDAL in exception mode
                dataset = None
                write_failed, message = True, one_line(str(failure))
        if error_type is None and not write_failed and self.cog:
            write_failed, message = self._convert_to_cog()
        if error_type is None and not write_failed:
            self._move_into_place()
            return False
        self._remove_temp()
        if error_type is None:
            raise LaiQaError(f"Writing '{self.path}' failed: {message}")
        return False

    def _convert_to_cog(self):
        """(failed, message): replace the temporary GTiff by its COG copy (overviews, internal tiling)."""
        cog_path = self.temp_path + ".cog"
        copied, message = gdal_call(gdal.Translate, cog_path, self.temp_path, format="COG",
                                    creationOptions=COG_OPTIONS)
        if copied is None:
            return True, message
        copied = None
        os.replace(cog_path, self.temp_path)
        return False, ""

    def _move_into_place(self):
        if os.path.exists(self.temp_path + ".aux.xml"):
            publish(self.temp_path + ".aux.xml", self.path + ".aux.xml")
        publish(self.temp_path, self.path)

    def _remove_temp(self):
        for suffix in ("", ".aux.xml", ".ovr"):
            if self.temp_path and os.path.exists(self.temp_path + suffix):
                os.remove(self.temp_path + suffix)


@contextmanager
def atomic_text_file(path):
    """A text file (CSV, VRT) that appears complete or not at all."""
    path = os.path.abspath(str(path))
    folder = os.path.dirname(path)
    os.makedirs(folder, exist_ok=True)
    handle, temp_path = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", suffix=".partial", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            yield stream
        publish(temp_path, path)
    except BaseException:
        if os.path.exists(temp_path):
            os.remove(temp_path)
        raise
