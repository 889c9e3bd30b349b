"""Product LAI minus reference LAI, QA-masked and split by a QA field, with statistics, in one windowed pass.

This is the article's job: one band per class of the split field (DRT, ECO, …) plus
``all``, Float32 with a nodata value, and per-class validation statistics computed
from streaming sums while the bands are written.
"""
from __future__ import annotations

import os
from contextlib import ExitStack
from dataclasses import dataclass, field

import numpy as np

from .alignment import RESAMPLING, WARP_NODATA, AlignedReference, check_overlap, choose_resampling, grid_of
from .errors import LaiQaError
from .lai_encoding import LaiEncoding, lai_preset, resolve_encoding
from .pipeline import BackgroundWriter, keep_freed_memory, prefetch
from .progress import SILENT
from .qa.decode import as_bit_pattern, decode_field
from .qa.rule import keep_mask, parse_rule
from .qa_rasters import QaBand
from .readers import open_grid, raster_band, read_window, windows
from .stats import Accumulator
from .writers import OUTPUT_TILE, AtomicRaster, release_blocks, write_window

DIFFERENCE_NODATA = -9999.0
MAX_SPLIT_CLASSES = 64


@dataclass
class DifferenceRequest:
    """Everything one product/reference pair needs; defaults fit the article's own product vs GLASS."""

    product: str
    reference: str
    output: str
    scheme: object
    product_band: int = 1
    qa: str | None = None  # None: the product raster itself
    qa_band: int = 2
    rule: str | None = None  # None: the scheme's default rule
    split_field: str = "algorithm"
    reference_band: int = 1
    product_preset: str = "own_lai"
    reference_preset: str = "glass"
    product_overrides: dict = field(default_factory=dict)
    reference_overrides: dict = field(default_factory=dict)
    resampling: str = "auto"
    product_subdataset: str | None = None  # grid of a container (e.g. Lai_500m); default: the preset's
    qa_subdataset: str | None = None  # e.g. FparLai_QC; default: the grids the QA scheme names
    reference_subdataset: str | None = None
    class_folder: str | None = None
    creation_options: list | None = None
    sample_points: int = 0  # keep about this many kept (product, reference, class) triples, for plots
    cog: bool = False  # Cloud Optimized GeoTIFF, copied from the finished GTiff


@dataclass
class DifferenceResult:
    output: str
    band_names: list
    rows: list  # statistics per band name, see stats.COLUMNS
    notes: list  # what was used, for the log
    class_files: dict = field(default_factory=dict)
    accumulator: Accumulator | None = None
    sample: dict | None = None  # "product", "reference" (LAI) and "class" (band name) arrays


@dataclass
class LaiBand:
    """An LAI band opened with its encoding and grid."""

    source: str
    band_number: int
    encoding: LaiEncoding
    grid: object
    note: str
    dataset: object
    band: object

    @classmethod
    def open(cls, source, band_number, preset_id, overrides, role, subdataset=None):
        preset = lai_preset(preset_id)
        grids = (subdataset,) if subdataset else preset.grids
        dataset, source, container_note = open_grid(source, role, grids, required=bool(subdataset))
        band = raster_band(dataset, band_number, role)
        encoding = resolve_encoding(band, preset, overrides)
        grid, note = grid_of(dataset, source, role)
        return cls(source, band_number, encoding, grid, "; ".join(filter(None, [container_note, note])),
                   dataset, band)


def split_classes(scheme, split_field: str):
    """(field or None, class values, class names): labelled values of the field, or all its values."""
    if not split_field:
        return None, [], []
    qa_field = scheme.field(split_field)
    if qa_field.labels:
        values = sorted(qa_field.labels)
        return qa_field, values, [qa_field.labels[v] for v in values]
    if qa_field.max_value >= MAX_SPLIT_CLASSES:
        raise LaiQaError(
            f"Split field '{split_field}' has {qa_field.max_value + 1} possible values and no labels; "
            f"split by a field with labels or at most {MAX_SPLIT_CLASSES} values"
        )
    values = list(range(qa_field.max_value + 1))
    return qa_field, values, [f"{split_field}_{v}" for v in values]


def class_file_path(class_folder: str, class_name: str, output: str) -> str:
    """The article's layout: <folder>/<class>/<output file name>."""
    return os.path.join(class_folder, class_name, os.path.basename(output))


def check_settings(request: DifferenceRequest):
    """(rule, split classes) of the settings no file is needed for: a batch checks them once, up front."""
    if request.resampling not in RESAMPLING:
        raise LaiQaError(f"Unknown resampling '{request.resampling}'; use one of {', '.join(RESAMPLING)}")
    scheme = request.scheme
    rule = parse_rule(scheme.default_rule if request.rule is None else request.rule, scheme)
    return rule, split_classes(scheme, request.split_field)


def masked_difference(request: DifferenceRequest, progress=SILENT) -> DifferenceResult:
    scheme = request.scheme
    rule, (split_field, class_values, class_names) = check_settings(request)

    product = LaiBand.open(request.product, request.product_band, request.product_preset,
                           request.product_overrides, "Product", request.product_subdataset)
    reference = LaiBand.open(request.reference, request.reference_band, request.reference_preset,
                             request.reference_overrides, "Reference", request.reference_subdataset)
    qa = QaBand(request.qa or request.product, request.qa_band, scheme, request.qa_subdataset)
    if (qa.band.XSize, qa.band.YSize) != (product.band.XSize, product.band.YSize):
        raise LaiQaError(
            f"The QA raster is {qa.band.XSize}x{qa.band.YSize} pixels but the product is "
            f"{product.band.XSize}x{product.band.YSize}; QA and product must share one grid"
        )
    notes = [product.note, reference.note, *([qa.note] if qa.note else []),
             f"Product LAI: {product.encoding.describe()}", f"Reference LAI: {reference.encoding.describe()}",
             f"QA: {scheme.name}; keep rule: {rule.text or 'none (keep all)'}; "
             f"split by: {request.split_field or 'nothing'}"]

    if reference.grid.same_as(product.grid):
        notes.append("Reference grid is identical to the product grid: read as it is")
        return _write_difference(request, scheme, rule, product, reference, reference.band, None, qa,
                                 (split_field, class_values, class_names), notes, progress)
    check_overlap(reference.grid, product.grid, request.reference, request.product)
    resampling = choose_resampling(request.resampling, reference.grid, product.grid)
    aligned = AlignedReference(reference.source, reference.band_number, reference.band, reference.grid,
                               product.grid, reference.encoding, resampling)
    notes.append(f"Reference resampled onto the product grid with GDAL warp ({resampling})")
    try:
        return _write_difference(request, scheme, rule, product, reference, aligned.band, WARP_NODATA, qa,
                                 (split_field, class_values, class_names), notes, progress)
    finally:
        aligned.close()


def _write_difference(request, scheme, rule, product, reference, reference_band, reference_nodata, qa,
                      classes, notes, progress) -> DifferenceResult:
    """The windowed pass: read the three bands, mask, difference, write every band, add up statistics."""
    split_field, class_values, class_names = classes

    band_names = [*class_names, "all"]
    # Index of each split-field value among the classes; unlabelled values get len(classes): only in 'all'.
    class_lookup = None
    if split_field is not None:
        class_lookup = np.full(split_field.max_value + 1, len(class_values), dtype=np.uint8)
        class_lookup[class_values] = np.arange(len(class_values), dtype=np.uint8)
    accumulator = Accumulator.for_bands(band_names)
    grid = product.grid
    geo = {"width": grid.width, "height": grid.height, "geotransform": grid.geotransform, "projection": grid.wkt}
    all_windows = list(windows(product.band, align=OUTPUT_TILE))
    keep_freed_memory()
    class_files = {}
    nodata = np.float32(DIFFERENCE_NODATA)
    sample, sample_step = [], 0
    if request.sample_points:
        sample_step = max(1, (grid.width * grid.height) // request.sample_points)

    inputs = [band.GetDataset() for band in (product.band, reference_band, qa.band)]

    def read(window):
        blocks = read_window(product.band, window), read_window(reference_band, window), read_window(qa.band, window)
        release_blocks(*inputs)  # each block is read once
        return blocks

    with ExitStack() as outputs:
        out = outputs.enter_context(AtomicRaster(
            request.output, band_count=len(band_names), numpy_dtype=np.float32, nodata=DIFFERENCE_NODATA,
            descriptions=band_names, creation_options=request.creation_options, cog=request.cog, **geo))
        class_outputs = []
        if request.class_folder:
            for name in class_names or ["all"]:
                path = class_file_path(request.class_folder, name, request.output)
                class_outputs.append(outputs.enter_context(AtomicRaster(
                    path, band_count=1, numpy_dtype=np.float32, nodata=DIFFERENCE_NODATA, descriptions=[name],
                    creation_options=request.creation_options, **geo)))
                class_files[name] = path
        writer = outputs.enter_context(BackgroundWriter())  # entered last: finishes before the files close
        for done, (window, (product_raw, reference_raw, qa_raw)) in enumerate(prefetch(all_windows, read)):
            progress.check()
            keep = keep_mask(qa_raw, scheme, rule) & product.encoding.valid(product_raw)
            keep &= reference.encoding.valid(reference_raw)
            if reference_nodata is not None:
                keep &= reference_raw != reference_nodata
            qa_missing = qa.nodata_mask(qa_raw)
            if qa_missing is not None:
                keep &= ~qa_missing
            product_lai = product.encoding.to_lai(product_raw)
            reference_lai = reference.encoding.to_lai(reference_raw)
            difference = np.where(keep, product_lai - reference_lai, nodata)
            if class_lookup is not None:
                class_index = class_lookup[decode_field(as_bit_pattern(qa_raw), split_field)]
            else:
                class_index = np.zeros(difference.shape, dtype=np.uint8)
            bands = [np.where(class_index == k, difference, nodata) for k in range(len(class_names))]
            bands.append(difference)
            writer.submit(_write_job(out, class_outputs, bands, window))
            kept_classes = class_index[keep]
            kept_product = product.encoding.to_lai64(product_raw[keep])
            kept_reference = reference.encoding.to_lai64(reference_raw[keep])
            accumulator.add(kept_classes, kept_product, kept_reference)
            if sample_step:
                sample.append((kept_product[::sample_step], kept_reference[::sample_step],
                               kept_classes[::sample_step]))
            progress.report((done + 1) / len(all_windows))
    return DifferenceResult(request.output, band_names, accumulator.band_rows(), notes, class_files, accumulator,
                            _sample_arrays(sample, accumulator.class_names) if sample_step else None)


def _sample_arrays(parts, names) -> dict:
    """Every n-th kept pixel of every window, joined; classes as their band names."""
    product = np.concatenate([p for p, _, _ in parts]) if parts else np.empty(0)
    reference = np.concatenate([r for _, r, _ in parts]) if parts else np.empty(0)
    classes = np.concatenate([c for _, _, c in parts]) if parts else np.empty(0, dtype=np.uint8)
    return {"product": product, "reference": reference, "class": np.asarray(names)[classes]}


def _write_job(out, class_outputs, bands, window):
    """Write one window of every band, then flush so the finished tile rows are compressed now."""

    def job():
        xoff, yoff = window[0], window[1]
        for index, values in enumerate(bands):
            write_window(out.GetRasterBand(index + 1), values, xoff, yoff)
        for dataset, values in zip(class_outputs, bands):
            write_window(dataset.GetRasterBand(1), values, xoff, yoff)
        release_blocks(out, *class_outputs)

    return job
