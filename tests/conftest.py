"""Shared fixtures: the plugin imported as ``laiqa`` from this checkout, sample data, small QA rasters."""
import gc
import importlib
import os
import sys
import tempfile

import numpy as np
import pytest
from osgeo import gdal

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# scripts/suite.sh runs the core tests again with GDAL's exceptions on, then off: the core must give the
# same results and messages in both modes (QGIS 3.40's Processing turns them on, GDAL 4 by default).
GDAL_EXCEPTIONS = os.environ.get("LAIQA_GDAL_EXCEPTIONS", "")
if GDAL_EXCEPTIONS == "on":
    gdal.UseExceptions()
elif GDAL_EXCEPTIONS == "off":
    gdal.DontUseExceptions()

# The repository root is the plugin folder; QGIS and the tests see it as the package ``laiqa``.
_PLUGIN_DIR = os.environ.get("QGIS_PLUGINPATH") or tempfile.mkdtemp(prefix="laiqa-plugins-")
if not os.path.isdir(os.path.join(_PLUGIN_DIR, "laiqa")):
    os.symlink(ROOT, os.path.join(_PLUGIN_DIR, "laiqa"))
sys.path.insert(0, _PLUGIN_DIR)
PLUGIN_PATH = _PLUGIN_DIR

sample_data = importlib.import_module("laiqa.core.sample_data")


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
            band.WriteArray(array)
            if nodata is not None:
                band.SetNoDataValue(nodata)
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


def read_band(path, band=1):
    dataset = gdal.Open(path)
    return dataset.GetRasterBand(band).ReadAsArray()


@pytest.fixture(autouse=True)
def collect_gdal_objects():
    """Free GDAL/OSR objects held by tracebacks while QGIS still runs; collected after exitQgis they crash."""
    yield
    gc.collect()


def model_child(algorithm_id: str, child_id: str, static=None, from_model=None, from_child=None, output=None):
    """A Model Builder step: static values, model inputs, other steps' outputs; ``output`` = (name, child output)
    exposes one of its outputs as a model output named ``<child_id>:<name>``."""
    from qgis.core import (
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
    )

    child = QgsProcessingModelChildAlgorithm(algorithm_id)
    child.setChildId(child_id)
    for name, value in (static or {}).items():
        child.addParameterSources(name, [QgsProcessingModelChildParameterSource.fromStaticValue(value)])
    for name, parameter in (from_model or {}).items():
        child.addParameterSources(name, [QgsProcessingModelChildParameterSource.fromModelParameter(parameter)])
    for name, (other, other_output) in (from_child or {}).items():
        child.addParameterSources(name, [QgsProcessingModelChildParameterSource.fromChildOutput(other, other_output)])
    if output:
        name, child_output = output
        child.setModelOutputs({name: QgsProcessingModelOutput(name, name)})
        child.modelOutput(name).setChildOutputName(child_output)
        child.modelOutput(name).setChildId(child_id)
    return child


def model_output_name(model, child_id: str, name: str) -> str:
    """The parameter name of a model output: ``<child_id>:<name>`` up to QGIS 3.3x, ``<name>`` on 3.40."""
    names = [parameter.name() for parameter in model.destinationParameterDefinitions()]
    return next(candidate for candidate in (f"{child_id}:{name}", name) if candidate in names)
