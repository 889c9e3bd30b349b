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
from osgeo import gdal

from .lai_encoding import SETTINGS
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


def difference_provenance(product, reference, qa, settings, rule, encodings: dict, resampling: str) -> dict:
    """The record of one masked difference (inputs as given, encodings as resolved)."""
    return {
        "created": now(),
        "product": {"source": product.raster.source, "band": product.raster.band, "preset": product.preset,
                    "encoding": encoding_record(encodings["product"])},
        "reference": {"source": reference.raster.source, "band": reference.raster.band,
                      "preset": reference.preset, "encoding": encoding_record(encodings["reference"])},
        "qa": {"source": qa.raster.source, "band": qa.raster.band, "scheme": qa.scheme.id,
               "scheme_name": qa.scheme.name, "scheme_sha256": scheme_digest(qa.scheme)},
        "rule": rule.text, "split_field": settings.split_field, "resampling": resampling,
        "deming_lambda": settings.deming_lambda,
        "software": software(),
    }


def write_provenance(path: str, record: dict, **front_end) -> None:
    """``record`` with the front end's versions added, as JSON (complete or not at all)."""
    record = {**record, "software": {**front_end, **record.get("software", {})}}
    with atomic_text_file(path) as handle:
        json.dump(record, handle, indent=1, ensure_ascii=False, default=str)


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
               "scheme_name": request.qa.scheme.name, "scheme_sha256": scheme_digest(request.qa.scheme)},
        "settings": asdict(request.settings), "executor": request.executor, "workers": request.workers,
        "software": software(),
    }
