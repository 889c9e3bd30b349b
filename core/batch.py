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
import hashlib
import json
import os
import socket
import time
import zlib
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace

import numpy as np
from osgeo import gdal, ogr, osr

from .density import read_density
from .difference import check_settings, masked_difference
from .errors import Cancelled, LaiQaError
from .executors import run_tasks
from .inputs import DifferenceSettings, LaiSpec, OutputSpec, QaSpec
from .messages import tr
from .pairing import date_part, find_files, pair_files
from .pipeline import release_freed_memory
from .pixel_grid import pixel_grid_of
from .progress import SILENT, Progress
from .provenance import batch_provenance, set_layer_provenance, sidecar_path, write_provenance
from .readers import gdal_call, open_raster
from .stats import (
    COLUMNS,
    COMPLETENESS_COLUMNS,
    ROWS,
    STRATA_COLUMNS,
    Accumulator,
    completeness_rows,
    csv_text,
    strata_rows,
    summarise,
    write_table_csv,
)
from .strata import StrataInput
from .time_series import (
    CONSISTENCY_COLUMNS,
    DATE_COLUMNS,
    TILE_COLUMNS,
    complete_pairs,
    consistency_rows,
    date_rows,
    iso_date,
    key_date,
    pooled,
    tile_rows,
)
from .writers import atomic_text_file, temporary_beside

LOCK_NAME = ".laiqa-batch.lock"
COMPLETENESS_NAME = "completeness.csv"
STRATA_NAME = "strata.csv"
DENSITY_NAME = "density.npz"
SUMS_FORMAT = 3  # what a sums file holds (3: completeness with the buffer's column); another is redone
BY_DATE_NAME = "summary_by_date.csv"
BY_TILE_NAME = "summary_by_tile.csv"
CONSISTENCY_NAME = "temporal_consistency.csv"
SUMMARY_FIELDS = ("key", "date", "class", "status", "reason", "product", "reference", *COLUMNS[1:])


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
    strata: StrataInput | None = None  # one class raster for every pair (a mosaic or VRT over the tiles)


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
    rows: list = field(default_factory=list)  # its statistics per class, made from the sums once the batch ends
    completeness: np.ndarray | None = None  # classes (+ 'other') x (kept, each reason a pixel was not kept)
    note: str = ""  # for the log: why an earlier result was not reused
    strata_names: list = field(default_factory=list)
    strata_sums: np.ndarray | None = None  # SUMS x (stratum, class + 'other'), see difference.DifferenceResult
    density_path: str = ""  # its <key>.density.npz, when the batch counts densities
    warnings: list = field(default_factory=list)  # the preset does not fit the pair's QA file (readers.open_qa)


@dataclass
class BatchResult:
    pairs: list
    pairing: object
    summary_csv: str
    footprints: str | None
    mosaics: list
    pooled_rows: list
    strata_csv: str | None = None
    density: str | None = None
    completeness_rows: list = field(default_factory=list)  # pooled over the pairs, as in completeness.csv
    provenance: dict = field(default_factory=dict)
    date_rows: list = field(default_factory=list)  # time_series.DATE_COLUMNS: pooled per date (dated keys only)
    tile_rows: list = field(default_factory=list)  # time_series.TILE_COLUMNS: pooled per tile over its dates
    consistency_rows: list = field(default_factory=list)  # time_series.CONSISTENCY_COLUMNS
    by_date_csv: str | None = None  # the three time-series tables, when some pair's key has a date
    by_tile_csv: str | None = None
    consistency_csv: str | None = None
    strata_rows: list = field(default_factory=list)  # stats.STRATA_COLUMNS pooled over the pairs (with strata)

    @property
    def failed(self) -> int:
        return sum(1 for pair in self.pairs if pair.status == "failed")


def sums_path(output: str) -> str:
    return os.path.splitext(output)[0] + ".sums.json"


def density_path(output: str) -> str:
    return os.path.splitext(output)[0] + ".density.npz"


def _footprint(path: str) -> tuple | None:
    try:
        dataset = open_raster(path, "Output")
        grid, _ = pixel_grid_of(dataset, path, "Output")
        return (*grid.bounds, grid.wkt)
    except LaiQaError:
        return None


def settings_digest(request: BatchRequest) -> str:
    """What decides a pair's result besides its two files: a pair made with other settings is redone."""
    qa = asdict(request.qa)
    if not qa["extra"]:
        del qa["extra"]  # digests of runs from before extra QA layers stay valid
    chosen = {"product": asdict(request.product), "reference": asdict(request.reference), "qa": qa,
              "settings": asdict(request.settings), "class_folders": request.class_folders,
              "creation_options": request.creation_options,
              "strata": asdict(request.strata) if request.strata else None}
    return hashlib.sha256(json.dumps(chosen, sort_keys=True, default=str).encode("utf-8")).hexdigest()


def input_record(path: str) -> dict:
    """An input as resume compares it: the same path, size and modification time."""
    status = os.stat(path)
    return {"path": os.path.abspath(path), "bytes": status.st_size, "mtime_ns": status.st_mtime_ns}


def input_records(request: BatchRequest, product: str, reference: str) -> list:
    """The files a pair's result depends on: its two files, and the strata raster when it is a file."""
    records = [input_record(product), input_record(reference)]
    if request.strata is not None and os.path.isfile(request.strata.raster.source):
        records.append(input_record(request.strata.raster.source))
    return records


def output_record(path: str) -> dict:
    """A written file as resume checks it: its size and CRC-32 (about 10 ms for a 2400x2400 pair)."""
    checksum = 0
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 22), b""):
            checksum = zlib.crc32(chunk, checksum)
    return {"bytes": os.path.getsize(path), "crc32": checksum}


def load_complete(request: BatchRequest, key: str, product: str, reference: str):
    """(the earlier result, "") when the pair's files are exactly what an earlier run with these inputs and
    settings wrote; (None, why not) otherwise ("" when there was nothing earlier)."""
    output = pair_output(request, key)
    if not os.path.exists(sums_path(output)):
        return None, ""
    try:
        with open(sums_path(output), encoding="utf-8") as handle:
            saved = json.load(handle)
        if saved.get("format") != SUMS_FORMAT:
            return None, "its sums file is from an older version"
        if (saved["key"], saved["product"], saved["reference"]) != (key, product, reference):
            return None, tr("its sums file was written for another pair")
        if saved["inputs"] != input_records(request, product, reference):
            return None, tr("its product, reference or strata file changed since (size or modification time)")
        if saved["settings_digest"] != settings_digest(request):
            return None, tr("the settings changed since the earlier run")
        for path, record in saved["outputs"].items():
            if output_record(os.path.join(request.output_folder, path)) != record:
                return None, tr("'{0}' is not the file the earlier run wrote (size or checksum)").format(path)
        return PairResult(key, product, reference, "skipped", output=output, class_names=saved["class_names"],
                          sums=np.array(saved["sums"], dtype=np.float64), footprint=_footprint(output),
                          completeness=np.array(saved["completeness"], dtype=np.int64),
                          strata_names=saved.get("strata_names", []),
                          strata_sums=np.array(saved["strata_sums"], dtype=np.float64)
                          if saved.get("strata_sums") is not None else None,
                          density_path=density_path(output) if request.settings.density else ""), ""
    except OSError as error:
        return None, tr("a file of the earlier run cannot be read ({0})").format(error.strerror)
    except (ValueError, KeyError, TypeError):
        return None, tr("its sums file is incomplete or from an older version")


def pair_output(request: BatchRequest, key: str) -> str:
    return os.path.join(request.output_folder, f"{key}.tif")


def run_pair(key: str, product: str, reference: str, request: BatchRequest, progress=SILENT) -> PairResult:
    """One pair of the batch, from plain values: its raster, then its sums file, written last."""
    output = pair_output(request, key)
    if os.path.exists(sums_path(output)):  # the old sums must not vouch for a raster being replaced
        os.remove(sums_path(output))
    written = []

    def finish(result):  # the density beside the raster, before it appears
        if result.density is not None:
            result.density.save(density_path(output))
            written.append(density_path(output))

    result = masked_difference(
        request.product.at(product), request.reference.at(reference), request.qa.at(product), request.settings,
        OutputSpec(output, request.creation_options,
                   class_folder=request.output_folder if request.class_folders else None), progress, finish,
        request.strata)
    band_names = result.band_names
    written += [output, *result.class_files.values()]
    strata_sums = result.strata_accumulator.sums if result.strata_accumulator is not None else None
    record = {"format": SUMS_FORMAT, "key": key, "product": product, "reference": reference,
              "class_names": band_names,
              "sums": result.accumulator.sums.tolist(),
              "inputs": input_records(request, product, reference),
              "settings_digest": settings_digest(request),
              "completeness": result.completeness_counts.tolist(),
              "strata_names": result.strata_names,
              "strata_sums": strata_sums.tolist() if strata_sums is not None else None,
              "outputs": {os.path.relpath(path, request.output_folder): output_record(path) for path in written}}
    with atomic_text_file(sums_path(output)) as handle:
        handle.write(json.dumps(record))  # dumps, not dump: dump encodes in Python (~15 ms a pair), dumps in C
    return PairResult(key, product, reference, "done", output=output, class_names=band_names,
                      sums=result.accumulator.sums.copy(), footprint=_footprint(output),
                      completeness=result.completeness_counts.copy(), strata_names=result.strata_names,
                      strata_sums=strata_sums, density_path=density_path(output) if result.density else "",
                      warnings=result.warnings)


def failed_pair(job, reason: str) -> PairResult:
    """The failed row of a job ``(key, product, reference, …)``."""
    key, product, reference = job[:3]
    # where the product lies, so the footprints show the failed tile too (none when the product cannot be read)
    return PairResult(key, product, reference, "failed", reason=reason, footprint=_footprint(product))


def pair_task(key: str, product: str, reference: str, request: BatchRequest, progress=SILENT) -> PairResult:
    """The unit of work every executor runs: an earlier complete result, a new one, or a failed row.

    Plain values in, plain values out: it runs the same in a thread, a local process or a Dask worker.
    """
    why_redone = ""
    if not request.overwrite:
        earlier, why_redone = load_complete(request, key, product, reference)
        if earlier is not None:
            return earlier
    start = time.perf_counter()
    try:
        done = run_pair(key, product, reference, request, progress)
        return replace(done, seconds=time.perf_counter() - start,
                       note=why_redone and tr("redone: {0}").format(why_redone))
    except Cancelled:
        raise
    except LaiQaError as error:
        return failed_pair((key, product, reference), str(error))
    except Exception as error:  # one broken pair must not stop hundreds: record it and go on
        return failed_pair((key, product, reference), f"{type(error).__name__}: {error}")
    finally:  # the pair's freed window memory, kept by its threads' heaps, is not piled under the next pair's
        release_freed_memory()


def run_batch(request: BatchRequest, progress: Progress = SILENT, log=print, footprints_style=None,
              warn=None) -> BatchResult:
    """Every pair, the summary, the footprints GeoPackage (with ``footprints_style`` = (name, QML, description)
    as its default style, when given) and the mosaics. ``warn`` (default: ``log``) takes each pair's warning
    that the preset does not fit its QA file."""
    check_settings(request.settings, request.qa.rule_scheme)  # a bad rule fails the batch once, not every pair
    check_output_folder(request)
    products = find_files(request.product_folder, request.product_pattern, request.recursive, "Product")
    references = find_files(request.reference_folder, request.reference_pattern, request.recursive, "Reference")
    pairing = pair_files(products, references, request.key_pattern)
    for line in pairing.report():
        log(line)
    if not pairing.pairs:
        raise LaiQaError(tr("No product file pairs with a reference file ({0} products, {1} references; see the "
                            "list above): nothing was run or written").format(len(products), len(references)))
    try:
        os.makedirs(request.output_folder, exist_ok=True)
    except OSError as error:
        raise LaiQaError(tr("Cannot create the output folder '{0}': {1}")
                             .format(request.output_folder, error.strerror)) from None
    with folder_lock(request.output_folder):
        return _run_locked(request, pairing, progress, log, footprints_style, warn or log)


def check_output_folder(request: BatchRequest) -> None:
    """Refuse an output folder where the batch would read its own outputs as inputs (or is a file)."""
    output = os.path.realpath(request.output_folder)
    if os.path.exists(output) and not os.path.isdir(output):
        raise LaiQaError(tr("The output folder '{0}' is a file; choose a folder").format(request.output_folder))
    for role, folder in (("product", request.product_folder), ("reference", request.reference_folder)):
        folder = os.path.realpath(folder)
        if output == folder or (request.recursive and output.startswith(folder + os.sep)):
            raise LaiQaError(
                (tr("The output folder '{0}' is inside the {1} folder: the next run would take this run's outputs "
                    "as {1}s; choose another output folder") if output != folder else
                 tr("The output folder '{0}' is the {1} folder: the next run would take this run's outputs as {1}s; "
                    "choose another output folder")).format(request.output_folder, tr(role)))


@contextmanager
def folder_lock(folder: str):
    """One batch at a time in an output folder: a second one is refused, naming the holder's process."""
    path = os.path.join(folder, LOCK_NAME)
    holder = f"{socket.gethostname()} {os.getpid()}"
    for _ in range(2):
        try:
            handle = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            break
        except FileExistsError:
            if not _stale(path):
                with open(path, encoding="utf-8") as stream:
                    other = stream.read().strip()
                raise LaiQaError(tr("Another batch is writing into '{0}' (host and process: {1}); wait for it to "
                                    "finish, or remove {2} there if it is gone")
                                     .format(folder, other, LOCK_NAME)) from None
            os.remove(path)  # its process is gone: the lock is ours to take
        except OSError as error:
            raise LaiQaError(tr("Cannot write into the output folder '{0}': {1}")
                                 .format(folder, error.strerror)) from None
    os.write(handle, holder.encode("utf-8"))
    os.close(handle)
    try:
        yield
    finally:
        os.remove(path)


def _stale(lock_path: str) -> bool:
    """A lock left by a process of this host that no longer runs (kill -9, a crash)."""
    try:
        with open(lock_path, encoding="utf-8") as stream:
            host, pid = stream.read().split()
        if host != socket.gethostname():
            return False
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except (OSError, ValueError):
        return False
    return False


def _run_locked(request: BatchRequest, pairing, progress: Progress, log, footprints_style, warn) -> BatchResult:
    def report(key, result, where):
        log(f"{key}: {result.status}" + (f" ({result.reason or result.note})" if result.reason or result.note else "")
            + (tr(" on {0}").format(where) if where else ""))
        for warning in result.warnings:
            warn(f"{key}: {warning}")

    jobs = [(key, product.path, reference.path, request) for key, product, reference in pairing.pairs]
    results = run_tasks(pair_task, jobs, request.executor, request.workers, request.scheduler, progress, log,
                        on_result=report)
    ordered = [results[key] for key, _, _ in pairing.pairs]
    deming_lambda = request.settings.deming_lambda
    for pair in ordered:
        if pair.sums is not None:
            pair.rows = Accumulator.for_bands(pair.class_names, pair.sums).band_rows(deming_lambda)
    pooled_over_pairs = pooled_rows(ordered, deming_lambda)
    summary = os.path.join(request.output_folder, "summary.csv")
    write_summary(summary, ordered, pooled_over_pairs)
    record = batch_provenance(request)
    write_provenance(sidecar_path(summary), record)
    completeness = write_completeness(os.path.join(request.output_folder, COMPLETENESS_NAME), ordered)
    series = time_series_tables(request.output_folder, ordered, deming_lambda)
    strata_csv, pooled_strata = None, []
    if request.strata is not None:
        strata_csv = os.path.join(request.output_folder, STRATA_NAME)
        pooled_strata = write_strata(strata_csv, ordered, deming_lambda)
    density = None
    if request.settings.density:
        density = pooled_density(ordered, os.path.join(request.output_folder, DENSITY_NAME))
    footprints = write_footprints(os.path.join(request.output_folder, "tiles.gpkg"), ordered, footprints_style,
                                  record)
    mosaics = build_mosaics(request.output_folder, ordered) if request.mosaics else []
    progress.check()  # a Cancel that came while the summary was written is still a cancel
    return BatchResult(ordered, pairing, summary, footprints, mosaics, pooled_over_pairs, strata_csv, density,
                       completeness, record, **series, strata_rows=pooled_strata)


def pooled_rows(pairs: list, deming_lambda=None) -> list:
    """Per class across all complete pairs, from the summed running sums (not an average of tile means)."""
    return pooled(complete_pairs(pairs), deming_lambda)


def time_series_tables(folder: str, pairs: list, deming_lambda=None) -> dict:
    """summary_by_date.csv, summary_by_tile.csv and temporal_consistency.csv, when some pair's key carries a
    date; the BatchResult fields of their rows and paths."""
    if not any(key_date(pair.key) for pair in complete_pairs(pairs)):
        return {}
    tables = {"date_rows": date_rows(pairs, deming_lambda), "tile_rows": tile_rows(pairs, deming_lambda),
              "consistency_rows": consistency_rows(pairs)}
    for rows, columns, name, path_field in (
            (tables["date_rows"], DATE_COLUMNS, BY_DATE_NAME, "by_date_csv"),
            (tables["tile_rows"], TILE_COLUMNS, BY_TILE_NAME, "by_tile_csv"),
            (tables["consistency_rows"], CONSISTENCY_COLUMNS, CONSISTENCY_NAME, "consistency_csv")):
        tables[path_field] = os.path.join(folder, name)
        write_table_csv(tables[path_field], rows, columns)
    return tables


def write_strata(path: str, pairs: list, deming_lambda=None) -> list:
    """Per pair, stratum and class, then pooled over the pairs (by stratum and class, from the summed sums).
    Returns the pooled rows."""
    return _write_pooled_table(
        path, pairs, STRATA_COLUMNS,
        lambda pair: None if pair.strata_sums is None else (
            (tuple(pair.strata_names), tuple(pair.class_names)), pair.strata_sums),
        lambda names, sums: strata_rows(names[0], names[1], sums, deming_lambda))


def _write_pooled_table(path: str, pairs: list, columns, part, rows_of) -> list:
    """A table of every pair's rows, then the rows of their values added up (per kind of pair): ``part(pair)``
    gives (what its values are of, its values) or None, ``rows_of`` the rows of such values. Returns the
    pooled rows."""
    pooled, pooled_rows = {}, []
    with atomic_text_file(path) as handle:
        writer = csv.writer(handle)
        writer.writerow(("key", *columns))
        for pair in pairs:
            found = part(pair)
            if found is None:
                continue
            names, values = found
            pooled[names] = pooled.get(names, 0) + values
            for row in rows_of(names, values):
                writer.writerow([pair.key, *(csv_text(row[column]) for column in columns)])
        for names, values in pooled.items():
            for row in rows_of(names, values):
                writer.writerow(["all pairs", *(csv_text(row[column]) for column in columns)])
                pooled_rows.append(row)
    return pooled_rows


def pooled_density(pairs: list, path: str) -> str | None:
    """The densities of every complete pair added up (read one at a time), written to ``path``."""
    pooled = None
    for pair in pairs:
        if pair.sums is None or not pair.density_path:
            continue
        density = read_density(pair.density_path)
        if pooled is None:
            pooled = density
        elif pooled.class_names == density.class_names:
            pooled.merge(density)
    if pooled is None:
        return None
    pooled.save(path)
    return path


def write_summary(path: str, pairs: list, pooled_over_pairs: list) -> None:
    with atomic_text_file(path) as handle:
        writer = csv.writer(handle)
        writer.writerow(SUMMARY_FIELDS)
        for pair in pairs:
            if pair.sums is None:
                writer.writerow([pair.key, iso_date(pair.key), "", pair.status, pair.reason, pair.product,
                                 pair.reference, *[""] * (len(COLUMNS) - 1)])
                continue
            for row in pair.rows:
                writer.writerow([pair.key, iso_date(pair.key), row["class"], pair.status, pair.reason, pair.product,
                                 pair.reference, *[csv_text(row[column]) for column in COLUMNS[1:]]])
        for row in pooled_over_pairs:
            writer.writerow(["all pairs", "", row["class"], "pooled", "", "", "",
                             *[csv_text(row[column]) for column in COLUMNS[1:]]])


def write_completeness(path: str, pairs: list) -> list:
    """Per pair and class, then pooled over the pairs: the pixels kept and why the others were not. Returns
    the pooled rows."""
    return _write_pooled_table(
        path, pairs, COMPLETENESS_COLUMNS,
        lambda pair: None if pair.completeness is None else (
            tuple(Accumulator.for_bands(pair.class_names).class_names), pair.completeness),
        completeness_rows)


def write_footprints(path: str, pairs: list, default_style=None, provenance=None) -> str | None:
    """A GeoPackage of tile footprints, one feature per pair and class, with every statistic and status;
    ``default_style`` (name, QML, description) goes into its ``layer_styles`` table as QGIS keeps it there, and
    ``provenance`` into the layer's metadata."""
    with_footprint = [pair for pair in pairs if pair.footprint is not None]
    if not with_footprint:
        return None
    placeholder = temporary_beside(path)  # our host and pid in the name: stale ones are removed by later runs
    temp = placeholder + ".gpkg"
    try:
        source, message = gdal_call(ogr.GetDriverByName("GPKG").CreateDataSource, temp)
        if source is None:
            raise LaiQaError(tr("Cannot create '{0}': {1}").format(path, message))
        layer = _write_tiles(source, pairs, with_footprint[0].footprint[4])
        if provenance is not None:
            set_layer_provenance(layer, provenance)
        layer = None
        if default_style is not None:
            _write_default_style(source, *default_style)
        _, message = gdal_call(source.FlushCache)
        source = None
        if message:
            raise LaiQaError(tr("Writing '{0}' failed: {1}").format(path, message))
        os.replace(temp, path)
    except OSError as error:
        raise LaiQaError(tr("Writing '{0}' failed: {1}").format(path, error.strerror)) from None
    finally:
        for leftover in (placeholder, temp, temp + "-wal", temp + "-shm", temp + "-journal"):
            if os.path.exists(leftover):
                os.remove(leftover)
    return path


def _write_tiles(source, pairs, wkt):
    layer = source.CreateLayer("tiles", osr.SpatialReference(wkt), ogr.wkbPolygon)
    for name in ("key", "class", "status", "reason"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    layer.CreateField(ogr.FieldDefn("date", ogr.OFTDate))  # the pair's date: QGIS's temporal controller animates it
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
        rows = pair.rows if pair.sums is not None else [summarise("all", np.zeros(ROWS))]  # one row: the tile
        when = key_date(pair.key)
        for row in rows:
            feature = ogr.Feature(definition)
            feature.SetGeometry(polygon)
            feature.SetField("key", pair.key)
            if when is not None:
                feature.SetField("date", when.year, when.month, when.day, 0, 0, 0.0, 0)
            feature.SetField("class", row["class"])
            feature.SetField("status", pair.status)
            feature.SetField("reason", pair.reason)
            feature.SetField("n", int(row["n"]))
            for name in COLUMNS[2:]:
                if not np.isnan(row[name]):
                    feature.SetField(name, float(row[name]))
            layer.CreateFeature(feature)
    return layer


def _write_default_style(source, name: str, qml: str, description: str):
    """The row QGIS itself writes when a style is saved as a GeoPackage layer's default."""
    styles = source.CreateLayer("layer_styles", None, ogr.wkbNone)
    for field_name, kind in (("f_table_catalog", ogr.OFTString), ("f_table_schema", ogr.OFTString),
                             ("f_table_name", ogr.OFTString), ("f_geometry_column", ogr.OFTString),
                             ("styleName", ogr.OFTString), ("styleQML", ogr.OFTString), ("styleSLD", ogr.OFTString),
                             ("useAsDefault", ogr.OFTInteger), ("description", ogr.OFTString),
                             ("owner", ogr.OFTString), ("ui", ogr.OFTString), ("update_time", ogr.OFTDateTime)):
        definition = ogr.FieldDefn(field_name, kind)
        if field_name == "useAsDefault":
            definition.SetSubType(ogr.OFSTBoolean)
        styles.CreateField(definition)
    row = ogr.Feature(styles.GetLayerDefn())
    for field_name, value in (("f_table_catalog", ""), ("f_table_schema", ""), ("f_table_name", "tiles"),
                              ("f_geometry_column", "geom"), ("styleName", name), ("styleQML", qml),
                              ("styleSLD", ""), ("useAsDefault", 1), ("description", description), ("owner", ""),
                              ("ui", "")):
        row.SetField(field_name, value)
    styles.CreateFeature(row)


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
