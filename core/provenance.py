"""What a paper's methods section needs about a run: inputs, encodings and their origin, QA scheme and rule,
resampling, software versions and the date, as one JSON-ready dict written beside the statistics."""
from __future__ import annotations

import configparser
import hashlib
import json
import os
import platform
from dataclasses import asdict
from datetime import datetime, timezone

import numpy as np
from osgeo import gdal, ogr

from .lai_encoding import SETTINGS
from .readers import gdal_call
from .writers import atomic_text_file


def scheme_digest(scheme) -> str:
    """SHA-256 of the scheme's definition (fields, labels, default rule) as canonical JSON: two runs used the
    same bits and labels exactly when their digests agree, whatever the scheme was called."""
    return hashlib.sha256(json.dumps(asdict(scheme), sort_keys=True, default=str).encode("utf-8")).hexdigest()


def encoding_record(encoding) -> dict:
    """Each LAI setting's value and where it came from (user, file metadata, preset)."""
    def plain(value):
        return list(value) if isinstance(value, tuple) else value

    return {name: {"value": plain(getattr(encoding, name)), "from": encoding.origin.get(name, "default")}
            for name in SETTINGS}


def software(**front_end) -> dict:
    """Versions of what computed the figures; the front end adds its own (QGIS)."""
    return {"lai_qa_toolkit": package_version(), **front_end, "gdal": gdal.__version__, "numpy": np.__version__,
            "python": platform.python_version()}


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def strata_record(strata) -> dict | None:
    """The strata raster and the labels of its classes, as given."""
    if strata is None:
        return None
    return {"source": strata.raster.source, "band": strata.raster.band, "subdataset": strata.raster.subdataset,
            "preset": strata.preset, "labels": {str(value): label for value, label in strata.label_map.items()}}


def extra_layers_record(layers) -> dict:
    """The extra QA layers (QaInput or QaLayerSpec) under "extra_layers", or nothing when there are none."""
    if not layers:
        return {}
    return {"extra_layers": [{"source": getattr(layer, "raster", layer).source,
                              "band": getattr(layer, "raster", layer).band,
                              "subdataset": getattr(layer, "raster", layer).subdataset, "scheme": layer.scheme.id,
                              "scheme_sha256": scheme_digest(layer.scheme)} for layer in layers]}


def difference_provenance(product, reference, qa, settings, rule, encodings: dict, resampling: str,
                          strata=None) -> dict:
    """The record of one masked difference (inputs as given, encodings as resolved)."""
    return {
        "created": now(),
        "product": {"source": product.raster.source, "band": product.raster.band, "preset": product.preset,
                    "encoding": encoding_record(encodings["product"])},
        "reference": {"source": reference.raster.source, "band": reference.raster.band,
                      "preset": reference.preset, "encoding": encoding_record(encodings["reference"])},
        "qa": {"source": qa.raster.source, "band": qa.raster.band, "scheme": qa.scheme.id,
               "scheme_name": qa.scheme.name, "scheme_sha256": scheme_digest(qa.scheme),
               **extra_layers_record(qa.extra)},
        "rule": rule.text, "split_field": settings.split_field, "resampling": resampling,
        "deming_lambda": settings.deming_lambda,
        "strata": strata_record(strata),
        "software": software(),
    }


def with_front_end(record: dict, **front_end) -> dict:
    """The record with the front end's own versions (QGIS) among the software."""
    return {**record, "software": {**front_end, **record.get("software", {})}}


def write_provenance(path: str, record: dict, **front_end) -> None:
    """``record`` with the front end's versions added, as JSON (complete or not at all)."""
    with atomic_text_file(path) as handle:
        json.dump(with_front_end(record, **front_end), handle, indent=1, ensure_ascii=False, default=str)


PROVENANCE_KEY = "LAI_QA_TOOLKIT_PROVENANCE"  # the layer metadata item holding the record (JSON)


def set_layer_provenance(layer, record: dict, **front_end) -> None:
    """The record (with the front end's versions) as a metadata item of an OGR layer: in a GeoPackage it is
    kept in gpkg_metadata, read back with ``layer.GetMetadataItem(PROVENANCE_KEY)`` or ``ogrinfo``."""
    layer.SetMetadataItem(PROVENANCE_KEY, json.dumps(with_front_end(record, **front_end), ensure_ascii=False,
                                                     default=str))


def write_layer_provenance(path: str, layer_name: str | None, record: dict, **front_end) -> bool:
    """Add the record to a layer (None: the first) of an existing vector file (a GeoPackage table a front end
    wrote); False where the file or layer cannot be opened for update."""
    source, _ = gdal_call(ogr.Open, path, 1)
    layer = None
    if source is not None:
        layer = source.GetLayerByName(layer_name) if layer_name else source.GetLayer(0)
    if layer is None:
        return False
    set_layer_provenance(layer, record, **front_end)
    layer = None
    _, message = gdal_call(source.FlushCache)
    source = None
    return not message


def sidecar_path(table_path: str) -> str:
    """``stats.csv`` -> ``stats.json``."""
    return os.path.splitext(table_path)[0] + ".json"


def package_version() -> str:
    """This package's version, from the metadata.txt it ships with (the plugin's and pip's version)."""
    metadata = configparser.ConfigParser()
    metadata.read(os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "metadata.txt"),
                  encoding="utf-8")
    return metadata.get("general", "version", fallback="unknown")


def batch_provenance(request) -> dict:
    """The record of a batch: its folders and patterns, how each side was read, the settings, the scheme."""
    return {
        "created": now(),
        "product_folder": request.product_folder, "reference_folder": request.reference_folder,
        "product_pattern": request.product_pattern, "reference_pattern": request.reference_pattern,
        "key_pattern": request.key_pattern, "recursive": request.recursive,
        "product": asdict(request.product), "reference": asdict(request.reference),
        "qa": {"band": request.qa.band, "subdataset": request.qa.subdataset, "scheme": request.qa.scheme.id,
               "scheme_name": request.qa.scheme.name, "scheme_sha256": scheme_digest(request.qa.scheme),
               **extra_layers_record(request.qa.extra)},
        "settings": asdict(request.settings), "executor": request.executor, "workers": request.workers,
        "software": software(),
    }
