"""Strata: a class raster (land cover, biome) that splits the statistics further, read on the product grid.

A validation is reported per biome because the product's error depends on it: the MODIS LAI algorithm itself
retrieves per biome (MCD12Q1 ``LC_Type3``). The strata raster may lie on any grid; it is resampled onto the
product grid by nearest neighbour (a class has no average) as windows are read. Its values are integer
classes; with labels, only the labelled values are strata, without labels each value 0-255 is one.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
from osgeo import gdal

from .alignment import AlignedBand, check_overlap, georeferenced_vrt
from .errors import LaiQaError
from .inputs import RasterInput
from .messages import tr
from .readers import OpenedBand, is_integer_band, open_band, type_name

# MODIS MCD12Q1 Land Cover Type 3, the LAI/FPAR biome scheme (MCD12 C6 user guide, table 5); 255 unclassified.
LC_TYPE3 = {0: "Water bodies", 1: "Grasslands", 2: "Shrublands", 3: "Broadleaf croplands", 4: "Savannas",
            5: "Evergreen broadleaf forests", 6: "Deciduous broadleaf forests", 7: "Evergreen needleleaf forests",
            8: "Deciduous needleleaf forests", 9: "Non-vegetated lands", 10: "Urban and built-up lands"}
# Order is public: the Processing enum index of each preset.
STRATA_PRESETS = (("labels", "Labels from STRATA_LABELS (empty: each value 0-255 is a stratum)", {}, ()),
                  ("mcd12q1_lc_type3", "MODIS MCD12Q1 LC_Type3 (LAI/FPAR biomes)", LC_TYPE3, ("LC_Type3",)))
UNLABELLED_VALUES = 256  # without labels, values 0-255 are strata
MAX_LABELLED_VALUE = 65535
STRATA_NODATA = -1  # what the warp leaves where no strata value lands (read as Int32)


@dataclass(frozen=True)
class StrataInput:
    """A class raster band and the names of its classes (value, label) pairs; empty: each value 0-255."""

    raster: RasterInput
    labels: tuple = ()
    preset: str = "labels"  # an id of STRATA_PRESETS: its labels and the subdataset of a container

    @property
    def label_map(self) -> dict:
        return dict(self.labels) or dict(_preset(self.preset)[2])


def _preset(preset_id: str):
    for preset in STRATA_PRESETS:
        if preset[0] == preset_id:
            return preset
    raise LaiQaError(tr("Unknown strata preset '{0}'; use one of {1}")
                         .format(preset_id, ', '.join(p[0] for p in STRATA_PRESETS)))


def parse_strata_labels(text: str) -> tuple:
    """``'1=Grasslands;2=Shrublands'`` -> ((1, 'Grasslands'), (2, 'Shrublands')); labels may hold spaces."""
    labels = {}
    for pair in (text or "").split(";"):
        if not pair.strip():
            continue
        value, sep, label = pair.partition("=")
        try:
            number = int(value.strip())
        except ValueError:
            number = None
        if not sep or not label.strip() or number is None or not 0 <= number <= MAX_LABELLED_VALUE:
            raise LaiQaError(tr("Strata labels must look like 1=Grasslands;2=Shrublands with values 0-{0}, got '{1}'")
                                 .format(MAX_LABELLED_VALUE, pair.strip()[:60]))
        if number in labels:
            raise LaiQaError(tr("Strata labels: value {0} has two labels, '{1}' and '{2}'")
                                 .format(number, labels[number], label.strip()))
        labels[number] = label.strip()
    return tuple(sorted(labels.items()))


def stratum_lookup(label_map: dict):
    """(lookup, names): ``lookup[value]`` is the stratum index of a class value, ``len(names)`` for a value that
    is no stratum (unlabelled, or the strata raster's nodata)."""
    if label_map:
        values = sorted(label_map)
        lookup = np.full(values[-1] + 1, len(values), dtype=np.intp)
        lookup[values] = np.arange(len(values))
        return lookup, [label_map[value] for value in values]
    return np.arange(UNLABELLED_VALUES, dtype=np.intp), [str(value) for value in range(UNLABELLED_VALUES)]


def strata_index(block: np.ndarray, lookup: np.ndarray, none: int, nodata) -> np.ndarray:
    """The stratum index of every pixel of a window; ``none`` where it is no stratum (nodata, unlabelled)."""
    values = block.astype(np.intp, copy=False)
    inside = (values >= 0) & (values < len(lookup))
    if nodata is not None:
        inside &= block != block.dtype.type(nodata)
    index = np.full(block.shape, none, dtype=np.intp)
    index[inside] = lookup[values[inside]]
    return index


class OpenedStrata:
    """The strata band to read on the product grid, its nodata, the lookup of its values and the strata names."""

    def __init__(self, band, nodata, lookup, names, note):
        self.band, self.nodata, self.lookup, self.names, self.note = band, nodata, lookup, names, note

    def index(self, block: np.ndarray) -> np.ndarray:
        return strata_index(block, self.lookup, len(self.names), self.nodata)


@contextmanager
def strata_on_grid(strata: StrataInput, product_grid, product_name: str):
    """The strata raster read as it is (same grid) or resampled by nearest neighbour onto the product grid."""
    source, dataset, band, grid, note = open_band(strata.raster, "Strata", _preset(strata.preset)[3], True)
    if not is_integer_band(band):
        raise LaiQaError(tr("Strata band {0} of '{1}' is {2}; strata need an integer class raster (Byte, UInt16, "
                            "Int16, UInt32, Int32)").format(strata.raster.band, source, type_name(band)))
    lookup, names = stratum_lookup(strata.label_map)
    described = tr("Strata: '{0}' band {1}, {2} strata").format(source, strata.raster.band, len(names))
    nodata = band.GetNoDataValue()
    if grid.same_as(product_grid):
        yield OpenedStrata(band, nodata, lookup, names, "; ".join(filter(None, [described + tr(" (same grid)"), note])))
        return
    check_overlap(grid, product_grid, source, product_name)
    masking = f"<NODATA>{nodata:.17g}</NODATA>" if nodata is not None else ""
    opened = OpenedBand(source, dataset, band, grid, note)
    aligned = AlignedBand(georeferenced_vrt(opened, "Int32", STRATA_NODATA, masking, "Strata"), product_grid,
                          "nearest", STRATA_NODATA, gdal.GDT_Int32, "Strata", source)
    try:
        yield OpenedStrata(aligned.band, STRATA_NODATA, lookup, names,
                           "; ".join(filter(None, [described + tr(" (nearest neighbour onto the product grid)"),
                                                   note])))
    finally:
        aligned.close()

