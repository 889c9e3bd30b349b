"""Shared fixtures: the plugin imported as ``laiqa`` from this checkout, sample data, small QA rasters."""
import gc
import os

import numpy as np
import pytest
from osgeo import gdal

# scripts/suite.sh runs the core tests again with GDAL's exceptions on, then off: the core must give the
# same results and messages in both modes (QGIS 3.40's Processing turns them on, GDAL 4 by default).
GDAL_EXCEPTIONS = os.environ.get("LAIQA_GDAL_EXCEPTIONS", "")
if GDAL_EXCEPTIONS == "on":
    gdal.UseExceptions()
elif GDAL_EXCEPTIONS == "off":
    gdal.DontUseExceptions()

from helpers import PLUGIN_PATH, ROOT  # noqa: E402,F401 - puts the plugin on sys.path as laiqa

from laiqa.core import sample_data  # noqa: E402


@pytest.fixture(scope="session")
def sample_dir(tmp_path_factory):
    """Three 240x240 sample tile pairs, made once per session."""
    out = tmp_path_factory.mktemp("sample")
    tiles = sample_data.make_sample_data(str(out), size=240, tiles=3)
    return out, tiles


@pytest.fixture
def write_raster(tmp_path):
    """write_raster(array or [arrays], gdal_type, nodata=None, name=...) -> path of a small GeoTIFF."""

    def write(arrays, gdal_type, nodata=None, name="qa.tif", block_rows=None):
        arrays = [arrays] if isinstance(arrays, np.ndarray) else list(arrays)
        height, width = arrays[0].shape
        path = str(tmp_path / name)
        options = ["TILED=YES", "BLOCKXSIZE=16", f"BLOCKYSIZE={block_rows}"] if block_rows else []
        dataset = gdal.GetDriverByName("GTiff").Create(path, width, height, len(arrays), gdal_type, options)
        dataset.SetGeoTransform((500000.0, 30.0, 0.0, 4000000.0, 0.0, -30.0))
        for index, array in enumerate(arrays):
            band = dataset.GetRasterBand(index + 1)
            if nodata is not None:  # before the values: GDAL 3.10 fills tiles it skipped as all-zero with nodata
                band.SetNoDataValue(nodata)
            band.WriteArray(array)
        dataset = None
        return path

    return write


@pytest.fixture(scope="session")
def laiqa_provider(qgis_processing):
    """The plugin's provider registered in this session's Processing registry."""
    from qgis.core import QgsApplication

    from laiqa.processing_provider.provider import LaiQaProvider

    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("laiqa")
    if provider is None:
        provider = LaiQaProvider()
        registry.addProvider(provider)
    return provider


@pytest.fixture(autouse=True)
def collect_gdal_objects():
    """Free GDAL/OSR objects held by tracebacks while QGIS still runs; collected after exitQgis they crash."""
    yield
    gc.collect()
