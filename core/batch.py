"""The article's outer loop: every paired tile through ``masked_difference``, in parallel, resumable.

Per pair: ``<out>/<key>.tif`` (class bands), optional ``<out>/<class>/<key>.tif``, and
``<out>/<key>.sums.json`` holding the statistics' running sums, written last: a pair whose
raster opens and whose sums parse is complete, so a second run skips it and still pools
its statistics exactly. Each pair is ``pair_task`` of plain values, so it runs the same in a
thread (the default: GDAL and numpy release the GIL for reading, compressing and most arithmetic),
a local process or a Dask worker (``executors.py``); pooling sums the pairs' saved sums.
"""
from __future__ import annotations

import csv
import json
import os
import time
from dataclasses import dataclass, field, replace

import numpy as np
from osgeo import gdal, ogr, osr

from .difference import check_settings, masked_difference
from .errors import Cancelled, LaiQaError
from .executors import run_tasks
from .inputs import DifferenceSettings, LaiSpec, OutputSpec, QaSpec
from .pairing import date_part, find_files, pair_files
from .pixel_grid import pixel_grid_of
from .progress import SILENT, Progress
from .readers import gdal_call, open_quietly, open_raster
from .stats import COLUMNS, SUMS, Accumulator, csv_text, summarise
from .writers import atomic_text_file

SUMMARY_FIELDS = ("key", "class", "status", "reason", "product", "reference", *COLUMNS[1:])


@dataclass(frozen=True)
class BatchRequest:
    """The folders, how each side is read from any of their files, and the settings every pair shares."""

    product_folder: str
    reference_folder: str
    output_folder: str
    product: LaiSpec
    reference: LaiSpec
    qa: QaSpec  # read from each product file
    settings: DifferenceSettings = field(default_factory=DifferenceSettings)
    product_pattern: str = "*.tif"
    reference_pattern: str = "*.hdf"
    recursive: bool = False
    key_pattern: str | None = None
    workers: int = 0  # 0: one per core
    executor: str = "threads"  # one of executors.EXECUTORS
    scheduler: str | None = None  # a Dask scheduler address; None with Dask: a LocalCluster of `workers`
    overwrite: bool = False
    class_folders: bool = False
    creation_options: tuple | None = None  # of every pair's rasters; None: writers' defaults
    mosaics: bool = True


@dataclass
class PairResult:
    key: str
    product: str
    reference: str
    status: str  # done, skipped (complete from an earlier run), failed
    reason: str = ""
    output: str = ""
    class_names: list = field(default_factory=list)
    sums: np.ndarray | None = None  # SUMS x classes (+ "other")
    footprint: tuple | None = None  # (xmin, ymin, xmax, ymax, wkt)
    seconds: float = 0.0  # the pair's own run time where it ran (Dask's cost is the wall time beyond it)


@dataclass
class BatchResult:
    pairs: list
    pairing: object
    summary_csv: str
    footprints: str | None
    mosaics: list
    pooled_rows: list

    @property
    def failed(self) -> int:
        return sum(1 for pair in self.pairs if pair.status == "failed")


def sums_path(output: str) -> str:
    return os.path.splitext(output)[0] + ".sums.json"


def _footprint(path: str) -> tuple | None:
    try:
        dataset = open_raster(path, "Output")
        grid, _ = pixel_grid_of(dataset, path, "Output")
        return (*grid.bounds, grid.wkt)
    except LaiQaError:
        return None


def load_complete(output: str) -> PairResult | None:
    """The earlier result of a pair if both its raster and its sums are whole, else None."""
    try:
        with open(sums_path(output), encoding="utf-8") as handle:
            saved = json.load(handle)
        dataset, _ = open_quietly(output)
        if dataset is None or dataset.RasterCount != len(saved["class_names"]):
            return None
        return PairResult(saved["key"], saved["product"], saved["reference"], "skipped", output=output,
                          class_names=saved["class_names"], sums=np.array(saved["sums"], dtype=np.float64),
                          footprint=_footprint(output))
    except (OSError, ValueError, KeyError):
        return None


def pair_output(request: BatchRequest, key: str) -> str:
    return os.path.join(request.output_folder, f"{key}.tif")


def run_pair(key: str, product: str, reference: str, request: BatchRequest, progress=SILENT) -> PairResult:
    """One pair of the batch, from plain values: its raster, then its sums file, written last."""
    output = pair_output(request, key)
    if os.path.exists(sums_path(output)):  # the old sums must not vouch for a raster being replaced
        os.remove(sums_path(output))
    result = masked_difference(
        request.product.at(product), request.reference.at(reference), request.qa.at(product), request.settings,
        OutputSpec(output, request.creation_options,
                   class_folder=request.output_folder if request.class_folders else None), progress)
    band_names = result.band_names
    with atomic_text_file(sums_path(output)) as handle:
        json.dump({"key": key, "product": product, "reference": reference, "class_names": band_names,
                   "sums": result.accumulator.sums.tolist()}, handle)
    return PairResult(key, product, reference, "done", output=output, class_names=band_names,
                      sums=result.accumulator.sums.copy(), footprint=_footprint(output))


def failed_pair(job, reason: str) -> PairResult:
    """The failed row of a job ``(key, product, reference, …)``."""
    key, product, reference = job[:3]
    return PairResult(key, product, reference, "failed", reason=reason)


def pair_task(key: str, product: str, reference: str, request: BatchRequest, progress=SILENT) -> PairResult:
    """The unit of work every executor runs: an earlier complete result, a new one, or a failed row.

    Plain values in, plain values out: it runs the same in a thread, a local process or a Dask worker.
    """
    if not request.overwrite:
        earlier = load_complete(pair_output(request, key))
        if earlier is not None:
            return earlier
    start = time.perf_counter()
    try:
        return replace(run_pair(key, product, reference, request, progress), seconds=time.perf_counter() - start)
    except Cancelled:
        raise
    except LaiQaError as error:
        return failed_pair((key, product, reference), str(error))
    except Exception as error:  # one broken pair must not stop hundreds: record it and go on
        return failed_pair((key, product, reference), f"{type(error).__name__}: {error}")


def run_batch(request: BatchRequest, progress: Progress = SILENT, log=print) -> BatchResult:
    check_settings(request.settings, request.qa.scheme)  # a bad rule fails the batch once, not every pair
    products = find_files(request.product_folder, request.product_pattern, request.recursive, "Product")
    references = find_files(request.reference_folder, request.reference_pattern, request.recursive, "Reference")
    pairing = pair_files(products, references, request.key_pattern)
    for line in pairing.report():
        log(line)
    os.makedirs(request.output_folder, exist_ok=True)

    def report(key, result, where):
        log(f"{key}: {result.status}" + (f" ({result.reason})" if result.reason else "")
            + (f" on {where}" if where else ""))

    jobs = [(key, product.path, reference.path, request) for key, product, reference in pairing.pairs]
    results = run_tasks(pair_task, jobs, request.executor, request.workers, request.scheduler, progress, log,
                        on_result=report)
    ordered = [results[key] for key, _, _ in pairing.pairs]
    pooled = pooled_rows(ordered)
    summary = os.path.join(request.output_folder, "summary.csv")
    write_summary(summary, ordered, pooled)
    footprints = write_footprints(os.path.join(request.output_folder, "tiles.gpkg"), ordered)
    mosaics = build_mosaics(request.output_folder, ordered) if request.mosaics else []
    return BatchResult(ordered, pairing, summary, footprints, mosaics, pooled)


def _class_rows(pair: PairResult) -> list:
    return Accumulator.for_bands(pair.class_names, pair.sums).band_rows()


def pooled_rows(pairs: list) -> list:
    """Per class across all complete pairs, from the summed running sums (not an average of tile means)."""
    complete = [pair for pair in pairs if pair.sums is not None]
    if not complete:
        return []
    names = complete[0].class_names
    pooled = Accumulator.for_bands(names)
    for pair in complete:
        if pair.class_names == names:
            pooled.merge(Accumulator.for_bands(names, pair.sums))
    return pooled.band_rows()


def write_summary(path: str, pairs: list, pooled: list) -> None:
    with atomic_text_file(path) as handle:
        writer = csv.writer(handle)
        writer.writerow(SUMMARY_FIELDS)
        for pair in pairs:
            if pair.sums is None:
                writer.writerow([pair.key, "", pair.status, pair.reason, pair.product, pair.reference,
                                 *[""] * (len(COLUMNS) - 1)])
                continue
            for row in _class_rows(pair):
                writer.writerow([pair.key, row["class"], pair.status, pair.reason, pair.product, pair.reference,
                                 *[csv_text(row[column]) for column in COLUMNS[1:]]])
        for row in pooled:
            writer.writerow(["all pairs", row["class"], "pooled", "", "", "",
                             *[csv_text(row[column]) for column in COLUMNS[1:]]])


def write_footprints(path: str, pairs: list) -> str | None:
    """A GeoPackage of tile footprints, one feature per pair and class, with every statistic and status."""
    with_footprint = [pair for pair in pairs if pair.footprint is not None]
    if not with_footprint:
        return None
    temp = path + ".partial.gpkg"
    if os.path.exists(temp):
        os.remove(temp)
    driver = ogr.GetDriverByName("GPKG")
    source = driver.CreateDataSource(temp)
    srs = osr.SpatialReference(with_footprint[0].footprint[4])
    layer = source.CreateLayer("tiles", srs, ogr.wkbPolygon)
    for name in ("key", "class", "status", "reason"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    layer.CreateField(ogr.FieldDefn("n", ogr.OFTInteger64))
    for name in COLUMNS[2:]:
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTReal))
    definition = layer.GetLayerDefn()
    for pair in pairs:
        if pair.footprint is None:
            continue
        xmin, ymin, xmax, ymax, _ = pair.footprint
        ring = ogr.Geometry(ogr.wkbLinearRing)
        for x, y in ((xmin, ymin), (xmax, ymin), (xmax, ymax), (xmin, ymax), (xmin, ymin)):
            ring.AddPoint_2D(x, y)
        polygon = ogr.Geometry(ogr.wkbPolygon)
        polygon.AddGeometry(ring)
        rows = _class_rows(pair) if pair.sums is not None else [summarise("", dict.fromkeys(SUMS, 0.0))]
        for row in rows:
            feature = ogr.Feature(definition)
            feature.SetGeometry(polygon)
            feature.SetField("key", pair.key)
            feature.SetField("class", row["class"])
            feature.SetField("status", pair.status)
            feature.SetField("reason", pair.reason)
            feature.SetField("n", int(row["n"]))
            for name in COLUMNS[2:]:
                if not np.isnan(row[name]):
                    feature.SetField(name, float(row[name]))
            layer.CreateFeature(feature)
    source = None
    os.replace(temp, path)
    return path


def build_mosaics(folder: str, pairs: list) -> list:
    """One VRT per date and class over the pairs' rasters (band k of each), for viewing a date at once."""
    by_date = {}
    for pair in pairs:
        if pair.sums is None:
            continue
        date = date_part(pair.key) or "all"
        by_date.setdefault(date, []).append(pair)
    made = []
    for date, date_pairs in sorted(by_date.items()):
        names = date_pairs[0].class_names
        sources = [pair.output for pair in date_pairs if pair.class_names == names]
        for index, name in enumerate(names):
            path = os.path.join(folder, f"mosaic_{date}_{name}.vrt")
            vrt, _ = gdal_call(gdal.BuildVRT, path, sources, bandList=[index + 1])
            if vrt is not None:
                vrt = None
                made.append(path)
    return made
