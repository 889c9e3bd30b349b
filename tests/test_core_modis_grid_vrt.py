"""A GLASS-like raster without georeference written as a VRT on the MODIS grid its name gives."""
import os

import numpy as np
import pytest
from osgeo import gdal

from laiqa.core.errors import LaiQaError
from laiqa.core.modis_grid_vrt import write_modis_grid_vrt

TILE = 1111950.5197665  # MODIS tile size (m) and the grid's upper-left corner, as MODIS documents them
ORIGIN_X, ORIGIN_Y = -20015109.354, 10007554.677


def test_vrt_carries_the_tile_georeference_and_the_pixels(sample_dir, tmp_path):
    for tile, (_, glass_path) in sample_dir[1].items():
        h, v = int(tile[1:3]), int(tile[4:6])
        path, note = write_modis_grid_vrt(glass_path, str(tmp_path))
        assert os.path.dirname(path) == str(tmp_path) and path.endswith("_modis_grid.vrt")
        vrt, source = gdal.Open(path), gdal.Open(glass_path)
        width = source.RasterXSize
        assert vrt.GetGeoTransform() == pytest.approx(
            (ORIGIN_X + h * TILE, TILE / width, 0.0, ORIGIN_Y - v * TILE, 0.0, -TILE / width), abs=1e-6)
        assert "Sinusoidal" in vrt.GetProjection()
        assert np.array_equal(vrt.ReadAsArray(), source.ReadAsArray())
        assert tile in note


def test_a_raster_with_its_own_georeference_or_no_tile_id_is_refused(sample_dir, tmp_path):
    own_path, glass_path = sample_dir[1]["h12v03"]
    with pytest.raises(LaiQaError, match="^Raster: '.*' has a georeference of its own; add it to the map as it is$"):
        write_modis_grid_vrt(own_path, str(tmp_path))
    nameless = str(tmp_path / "glass.tif")
    gdal.Translate(nameless, glass_path, format="GTiff")
    with pytest.raises(LaiQaError, match="has no georeference and its name carries no MODIS tile id"):
        write_modis_grid_vrt(nameless, str(tmp_path))
