"""Built-in sample data shaped like the article's: own LAI GeoTIFF (LAI, QA) and GLASS-like HDF4 tiles.

Deterministic (fixed seed), so tests and the demo see the same pixels::

    python3 -m core.sample_data OUTDIR [--size 240] [--tiles 3]
"""
from __future__ import annotations

import argparse
import os

import numpy as np
from osgeo import gdal

from .modis_tiles import MODIS_SINUSOIDAL_WKT, tile_geotransform, tile_id

DATE = "A2018161"
TILES = ((12, 3), (12, 4), (13, 3), (13, 4), (25, 5), (26, 5))
OWN_FILL = 32767  # own product: LAI x0.001, values > 30000 are fill
GLASS_FILL = 2550  # GLASS: LAI x0.01, valid 0-1000


def own_product_name(h: int, v: int) -> str:
    return f"Rc_Lai_{DATE}_{tile_id(h, v)}.tif"


def glass_name(h: int, v: int) -> str:
    return f"GLASS01E01.V50.{DATE}.{tile_id(h, v)}.2020323.hdf"


def tile_arrays(rng: np.random.Generator, size: int) -> dict:
    """LAI truth with noise for both products, fills, and a 12-bit QA (bits 0-1 quality, 2-3 algorithm)."""
    truth = rng.gamma(2.0, 1.2, (size, size)).clip(0, 7)
    own_lai = (truth * 1000 + rng.normal(0, 150, truth.shape)).clip(0, 7000).astype(np.int16)
    glass_lai = (truth * 100 + rng.normal(0, 20, truth.shape)).clip(0, 1000).astype(np.int16)
    own_lai[rng.random(truth.shape) < 0.05] = OWN_FILL
    glass_lai[rng.random(truth.shape) < 0.03] = GLASS_FILL
    quality = rng.integers(0, 4, truth.shape)
    algorithm = rng.integers(0, 4, truth.shape)
    spare = rng.integers(0, 256, truth.shape)  # bits 4-11: unused by the scheme, present in real files
    qa = (spare << 4 | algorithm << 2 | quality).astype(np.int16)
    return {"own_lai": own_lai, "glass_lai": glass_lai, "qa": qa}


def write_own_product(path: str, own_lai: np.ndarray, qa: np.ndarray, geotransform=None) -> None:
    size_y, size_x = own_lai.shape
    dataset = gdal.GetDriverByName("GTiff").Create(
        path, size_x, size_y, 2, gdal.GDT_Int16, ["COMPRESS=DEFLATE", "TILED=YES"]
    )
    if geotransform is not None:
        dataset.SetGeoTransform(geotransform)
        dataset.SetProjection(MODIS_SINUSOIDAL_WKT)
    dataset.GetRasterBand(1).WriteArray(own_lai)
    dataset.GetRasterBand(1).SetDescription("LAI")
    dataset.GetRasterBand(2).WriteArray(qa)
    dataset.GetRasterBand(2).SetDescription("QA")
    dataset = None


def write_glass(path: str, glass_lai: np.ndarray) -> None:
    """A plain HDF4 SDS with no georeference, as GLASS files are; the tile id is in the name."""
    size_y, size_x = glass_lai.shape
    dataset = gdal.GetDriverByName("HDF4Image").Create(path, size_x, size_y, 1, gdal.GDT_Int16)
    dataset.GetRasterBand(1).WriteArray(glass_lai)
    dataset = None


def make_sample_data(out_dir: str, size: int = 240, tiles: int = 3, seed: int = 42) -> dict:
    """Write ``tiles`` pairs under out_dir/rt and out_dir/glass; returns {tile id: (own path, glass path)}."""
    rng = np.random.default_rng(seed)
    own_dir, glass_dir = os.path.join(out_dir, "rt"), os.path.join(out_dir, "glass")
    os.makedirs(own_dir, exist_ok=True)
    os.makedirs(glass_dir, exist_ok=True)
    written = {}
    for h, v in TILES[:tiles]:
        arrays = tile_arrays(rng, size)
        own_path = os.path.join(own_dir, own_product_name(h, v))
        glass_path = os.path.join(glass_dir, glass_name(h, v))
        write_own_product(own_path, arrays["own_lai"], arrays["qa"], tile_geotransform(h, v, size))
        write_glass(glass_path, arrays["glass_lai"])
        written[tile_id(h, v)] = (own_path, glass_path)
    return written


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--size", type=int, default=240, help="pixels per side (2400 = a MODIS 500 m tile)")
    parser.add_argument("--tiles", type=int, default=3, help=f"number of tile pairs (at most {len(TILES)})")
    args = parser.parse_args(argv)
    for key, paths in make_sample_data(args.out_dir, args.size, args.tiles).items():
        print(key, *paths)


if __name__ == "__main__":
    main()
