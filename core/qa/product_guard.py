"""Does the chosen preset fit the QA file? Product, collection and grid are read from the file name and
the GDAL metadata (MODIS ``SHORTNAME``, ``VERSIONID``, ``LOCALGRANULEID``); a mismatch is a warning, never
an error: names can mislead, and the user may know better.

Only real layout differences are named. MODIS collections 6 and 6.1 share the QA layouts of MOD15, MOD13
and MOD11 (the C6.1 user guides and file specifications list the same bits); MOD15's FparLai_QC layout
dates from the collection 5 software, so collection 4 files differ. Landsat Collection 1 ``BQA`` and
Collection 2 ``QA_PIXEL`` differ (bit 4 is cloud in BQA, cloud shadow in QA_PIXEL).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass

from ..messages import tr
from .scheme import PRESET_IDS, load_preset, shorten

_MODIS = re.compile(r"\b(M[OYC]D(\d{2})[A-Z0-9]*)\.A\d{7}\.h\d{2}v\d{2}\.(\d{3})\.", re.IGNORECASE)
_LANDSAT = re.compile(r"\bL[COTEM]0\d_[A-Z0-9]{4}_\d{6}_\d{8}_\d{8}_(\d{2})_(?:T1|T2|RT)(?:_([A-Z0-9_]+))?",
                      re.IGNORECASE)
_LANDSAT_BAND = re.compile(r"_(BQA|QA_PIXEL)\.TIF$", re.IGNORECASE)  # the band alone, in a shortened name
_LANDSAT_BAND_COLLECTION = {"BQA": 1, "QA_PIXEL": 2}
# MODIS product number (the digits after MOD/MYD/MCD) of each preset; None: not a MODIS layout
_PRESET_PRODUCT = {"mod15_fparlai_qc": "15", "mod15_fparextra_qc": "15", "mod13_vi_quality": "13", "mod11_qc": "11"}
_FIRST_COLLECTION = {"15": 5}  # collections before it have another layout (only where a document says so)
_CONTAINER_PREFIXES = ("HDF4_EOS:", "HDF4_SDS:", "HDF5:", "NETCDF:", "HDF5_EOS:")


@dataclass(frozen=True)
class Product:
    """What a QA file is, as far as its name and metadata tell."""

    name: str  # MOD15A2H, or the Landsat band (QA_PIXEL, BQA, …)
    family: str  # MODIS product number ("15") or "landsat"
    collection: int | None = None  # MODIS 6, 61; Landsat 1, 2
    grid: str | None = None  # the subdataset's short name in a container


def identify(path: str, metadata: dict | None = None) -> Product | None:
    """The product of a QA file from its GDAL name and metadata, or None when neither names one."""
    metadata = {str(key).upper(): str(value) for key, value in (metadata or {}).items()}
    path = str(path)
    grid = path.rsplit(":", 1)[-1].strip('"') if path.upper().startswith(_CONTAINER_PREFIXES) else None
    names = " ".join([path, metadata.get("LOCALGRANULEID", "")])
    modis = _MODIS.search(names)
    short_name = metadata.get("SHORTNAME", "").strip()
    if modis or re.fullmatch(r"M[OYC]D\d{2}[A-Z0-9]*", short_name, re.IGNORECASE):
        name = short_name or modis[1]
        version = modis[3] if modis else metadata.get("VERSIONID", "").strip()
        collection = int(version) if version.isdigit() else None
        return Product(name.upper(), name[3:5], collection, grid)
    landsat = _LANDSAT.search(os.path.basename(path))
    if landsat:
        return Product((landsat[2] or "Landsat").upper(), "landsat", int(landsat[1]), grid)
    band = _LANDSAT_BAND.search(path)
    if band:
        return Product(band[1].upper(), "landsat", _LANDSAT_BAND_COLLECTION[band[1].upper()], grid)
    return None


def _file_name(path: str) -> str:
    """The file's name, also inside a container's subdataset name (``HDF4_EOS:EOS_GRID:"f.hdf":grid:QC``)."""
    quoted = re.search(r'"([^"]+)"', path)
    return os.path.basename(quoted[1] if quoted else path)


def preset_mismatch(preset_id: str, path: str, metadata: dict | None = None) -> str | None:
    """The one-line warning when the QA file's product, collection or grid does not fit the preset, else None.

    Schemes that are no preset (custom, from a file) are the user's own description: never warned about.
    """
    if preset_id not in PRESET_IDS:
        return None
    product = identify(path, metadata)
    if product is None:
        return None
    preset = load_preset(preset_id)
    file_name = f"'{shorten(_file_name(path))}'"
    where = file_name + (tr(" (grid {0})").format(product.grid) if product.grid else "")
    if product.family == "landsat":
        return _landsat_mismatch(preset_id, product, where)
    wanted = _PRESET_PRODUCT.get(preset_id)
    fitting = [other for other, number in _PRESET_PRODUCT.items() if number == product.family]
    if wanted != product.family:
        suggestion = (tr("; presets for it: {0}").format(", ".join(fitting)) if fitting
                      else tr("; no preset describes it"))
        return tr("QA {0} is MODIS {1}, but the QA preset {2} is for {3}{4}").format(
            where, product.name, preset_id, f"MODIS MOD{wanted}/MYD{wanted}" if wanted else preset.name, suggestion)
    first = _FIRST_COLLECTION.get(product.family)
    if first and product.collection is not None and product.collection < first:
        return tr("QA {0} is {1} collection {2}; the QA preset {3} follows collections {4}-6.1, whose bit layout "
                  "differs from earlier collections").format(where, product.name, product.collection, preset_id, first)
    if product.grid and preset.grids and product.grid.lower() not in (grid.lower() for grid in preset.grids):
        owner = [other for other in fitting if product.grid.lower() in
                 (grid.lower() for grid in load_preset(other).grids)]
        hint = (tr("; its preset is {0}").format(owner[0]) if owner else
                tr("; the preset's QA grids: {0}").format(", ".join(preset.grids)))
        return tr("QA {0}: grid {1} is not laid out as the QA preset {2}{3}").format(
            file_name, product.grid, preset_id, hint)
    return None


def _landsat_mismatch(preset_id: str, product: Product, where: str) -> str | None:
    if preset_id != "landsat_c2_qa_pixel":
        if product.name == "QA_PIXEL":
            return tr("QA {0} is a Landsat Collection 2 QA_PIXEL band, but the QA preset is {1}; its preset is "
                      "landsat_c2_qa_pixel").format(where, preset_id)
        return None
    if product.collection == 1 or product.name == "BQA":
        return tr("QA {0} is a Landsat Collection 1 BQA band, but the QA preset landsat_c2_qa_pixel is the "
                  "Collection 2 QA_PIXEL layout: the bits differ (bit 4 is cloud in BQA, cloud shadow in QA_PIXEL)"
                  ).format(where)
    if product.name not in ("QA_PIXEL", "Landsat"):
        return tr("QA {0} is the Landsat {1} band, but the QA preset landsat_c2_qa_pixel describes the QA_PIXEL "
                  "band").format(where, product.name)
    return None
