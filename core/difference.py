"""Product LAI minus reference LAI, QA-masked and split by a QA field, with statistics, in one windowed pass.

This is the article's job: one band per class of the split field (DRT, ECO, …) plus
``all``, Float32 with a nodata value, and per-class validation statistics computed
from streaming sums while the bands are written.
"""
from __future__ import annotations

import os
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field

import numpy as np

from .alignment import RESAMPLING, WARP_NODATA, AlignedReference, check_overlap, choose_resampling
from .blocks import BufferPool, every_band, run_blocks
from .density import Density, density_bins
from .errors import LaiQaError
from .inputs import DifferenceSettings, LaiInput, OutputSpec, QaInput
from .lai_encoding import LaiEncoding
from .messages import tr
from .progress import SILENT
from .provenance import difference_provenance
from .qa.buffer import buffer_for
from .qa.decode import as_bit_pattern, decode_field
from .qa.rule import keep_mask, rule_for
from .readers import nodata_mask, open_lai, open_qa_layers, refuse_overwriting_inputs
from .stats import Accumulator, completeness_rows, strata_rows
from .strata import StrataInput, strata_on_grid
from .writers import AtomicRaster

DIFFERENCE_NODATA = -9999.0
MAX_SPLIT_CLASSES = 64
PART_PIXELS = 1 << 18  # pixels of a window computed at once: its temporaries (masks, kept pixels, sums) are these


@dataclass
class DifferenceResult:
    output: str
    band_names: list
    rows: list  # statistics per band name, see stats.COLUMNS
    notes: list  # what was used, for the log
    class_files: dict = field(default_factory=dict)
    accumulator: Accumulator | None = None
    sample: dict | None = None  # "product", "reference" (LAI) and "class" (band name) arrays
    completeness: list = field(default_factory=list)  # rows of stats.COMPLETENESS_COLUMNS, per class and 'all'
    completeness_counts: np.ndarray | None = None  # classes (+ 'other') x (kept, each drop reason), for pooling
    provenance: dict = field(default_factory=dict)  # provenance.difference_provenance: for a methods section
    strata_names: list = field(default_factory=list)  # the strata (STRATA): names, in the sums' stratum order
    strata_accumulator: Accumulator | None = None  # columns stratum-major: (stratum, class + 'other'), then none
    strata_rows: list = field(default_factory=list)  # rows of stats.STRATA_COLUMNS: strata with kept pixels
    density: Density | None = None  # exact 2-D histogram of kept pixels (settings.density)
    warnings: list = field(default_factory=list)  # the preset does not fit the QA file (readers.open_qa)


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
            tr("Split field '{0}' has {1} possible values and no labels; split by a field with labels or at most "
               "{2} values").format(split_field, qa_field.max_value + 1, MAX_SPLIT_CLASSES)
        )
    values = list(range(qa_field.max_value + 1))
    return qa_field, values, [f"{split_field}_{v}" for v in values]


def class_file_path(class_folder: str, class_name: str, output: str) -> str:
    """The article's layout: <folder>/<class>/<output file name>."""
    return os.path.join(class_folder, class_name, os.path.basename(output))


def check_settings(settings: DifferenceSettings, scheme):
    """(rule, split classes) of the settings no file is needed for: a batch checks them once, up front."""
    if settings.resampling not in RESAMPLING:
        raise LaiQaError(tr("Unknown resampling '{0}'; use one of {1}")
                             .format(settings.resampling, ', '.join(RESAMPLING)))
    if settings.deming_lambda is not None and not settings.deming_lambda > 0:
        raise LaiQaError(tr("The Deming error-variance ratio must be a positive number, got {0:g}")
                             .format(settings.deming_lambda))
    rule = rule_for(scheme, settings.rule)
    buffer_for(settings.buffer, scheme, rule)
    return rule, split_classes(scheme, settings.split_field)


@dataclass(frozen=True)
class BlockContext:
    """What ``difference_block`` needs besides the three arrays of a window."""

    scheme: object
    rule: object
    product_encoding: LaiEncoding
    reference_encoding: LaiEncoding
    class_count: int  # classes of the split field (bands before 'all')
    split_field: object = None  # the QA field split by, or None
    class_lookup: np.ndarray | None = None  # split-field value -> class index (class_count: only in 'all')
    reference_nodata: float | None = None  # the warp's "nothing valid here"
    qa_nodata: float | None = None
    buffer: object = None  # qa.buffer.Buffer: drop near flagged pixels too

    @property
    def identity_lookup(self) -> bool:
        """Whether every split-field value is the index of its own class (then no lookup is needed)."""
        return self.class_lookup is not None and bool(
            (self.class_lookup == np.arange(len(self.class_lookup))).all())

    @property
    def has_unlabelled(self) -> bool:
        """Whether some split-field value belongs to no labelled class (then it counts only in 'all')."""
        return self.class_lookup is not None and bool((self.class_lookup == self.class_count).any())


@dataclass
class DifferenceBlock:
    difference: np.ndarray  # Float32, nodata where not kept: the 'all' band
    class_index: np.ndarray  # class of every pixel (class_count: a value of no labelled class)
    kept_classes: np.ndarray  # class index of each kept pixel
    kept_product: np.ndarray  # LAI (float64) of each kept pixel
    kept_reference: np.ndarray
    completeness: np.ndarray  # per class: kept, then not kept for each of DROP_REASONS (completeness_counts)
    kept: np.ndarray  # flat indices of the kept pixels in the window (kept_* are these pixels)

    def bands(self, ctx: BlockContext, pool: BufferPool | None = None) -> list:
        """One Float32 array per class, then 'all': what the difference raster holds for this window."""
        return window_bands(self.difference, self.class_index, ctx, pool)


def difference_block(product_raw, reference_raw, qa_raw, ctx: BlockContext, pool: BufferPool | None = None,
                     in_buffer=None, out=None) -> DifferenceBlock:
    """One window (or rows of one): keep where the rule holds, outside any buffer (``in_buffer``: where the
    window lies in it) and where both LAI values are valid; difference in LAI units.

    ``out``: (difference, class index) arrays of the blocks' shape to fill (rows of the window's arrays), else
    arrays taken from ``pool``. The other arrays are taken from ``pool`` too (without one, from a pool of the
    block's own, so its temporaries are reused within the block) and the temporaries given back to it; the block's
    kept arrays are the caller's."""
    pool = pool or BufferPool()
    take = pool.take
    difference, class_index = out if out is not None else (take(qa_raw.shape, np.float32),
                                                          take(qa_raw.shape, np.uint8))
    failed = _failed_tests(product_raw, reference_raw, qa_raw, ctx, in_buffer, pool)
    keep = np.equal(failed, 0, out=take(failed.shape, np.bool_))
    ctx.product_encoding.to_lai(product_raw, difference)
    reference_lai = ctx.reference_encoding.to_lai(reference_raw, take(keep.shape, np.float32))
    np.subtract(difference, reference_lai, out=difference)
    _keep_or_fill(difference, keep, DIFFERENCE_NODATA, reference_lai.view(np.uint32))
    _class_index(qa_raw, ctx, class_index)
    kept = np.flatnonzero(keep)  # indices once: a gather by index is ~10x faster than by boolean mask
    kept_lai = [encoding.to_lai64(raw.ravel().take(kept), take(kept.shape, np.float64))
                for encoding, raw in ((ctx.product_encoding, product_raw), (ctx.reference_encoding, reference_raw))]
    counts = completeness_counts(class_index, failed, ctx.class_count + 1, pool)
    pool.give(keep, reference_lai, failed)
    kept_classes = np.take(class_index.ravel(), kept, out=take(kept.shape, np.uint8), mode="clip")  # in range
    return DifferenceBlock(difference, class_index, kept_classes, *kept_lai, counts, kept)


def _keep_or_fill(values: np.ndarray, keep: np.ndarray, fill: float, scratch: np.ndarray) -> None:
    """``values`` where ``keep``, else ``fill``, in place (float32): a select on the bits, several times faster
    than a masked copy. ``scratch``: a uint32 array of the same shape."""
    fill_bits = np.array(fill, np.float32).view(np.uint32)
    bits = values.view(np.uint32)
    np.multiply(keep.view(np.uint8), np.uint32(0xFFFFFFFF), out=scratch, dtype=np.uint32)  # keep: all ones
    np.bitwise_xor(bits, fill_bits, out=bits)
    np.bitwise_and(bits, scratch, out=bits)
    np.bitwise_xor(bits, fill_bits, out=bits)


def _class_index(qa_raw, ctx: BlockContext, class_index: np.ndarray) -> np.ndarray:
    """The class of every pixel into ``class_index`` (uint8; class_count: a split-field value of no labelled
    class)."""
    if ctx.class_lookup is None:
        class_index.fill(0)
        return class_index
    values = decode_field(as_bit_pattern(qa_raw), ctx.split_field)
    if ctx.identity_lookup:  # every value is its own class: no lookup
        np.copyto(class_index, values, casting="unsafe")
    else:  # every field value is in the lookup: no check, so no buffered copy
        np.take(ctx.class_lookup, values, out=class_index, mode="clip")
    return class_index


def row_parts(rows: int, columns: int, pixels: int | None = None) -> list:
    """Slices of whole rows of a window, about ``pixels`` each: kept pixels come in the window's pixel order,
    part after part, so the sums added over the parts are the window's own (``Accumulator.add``)."""
    step = max(1, (pixels or PART_PIXELS) // max(columns, 1))
    return [slice(start, min(start + step, rows)) for start in range(0, rows, step)]


def _failed_tests(product_raw, reference_raw, qa_raw, ctx: BlockContext, in_buffer=None,
                  pool: BufferPool | None = None) -> np.ndarray:
    """Bit k set where test k of DROP_REASONS failed (0: the pixel is kept)."""
    take = (pool or BufferPool()).take
    failed = take(qa_raw.shape, np.uint8)
    failed.fill(0)
    bit_of_test = take(qa_raw.shape, np.uint8)
    tests = (nodata_mask(qa_raw, ctx.qa_nodata), (keep_mask(qa_raw, ctx.scheme, ctx.rule), True), in_buffer,
             (ctx.product_encoding.valid(product_raw), True),
             None if ctx.reference_nodata is None else reference_raw == ctx.reference_nodata,
             (ctx.reference_encoding.valid(reference_raw), True))
    for bit, test in enumerate(tests):
        if test is None:
            continue
        failing, inverted = test if isinstance(test, tuple) else (test, False)
        if inverted:  # the test holds where the pixel passes: its bit is set where it does not
            np.bitwise_xor(failing.view(np.uint8), np.uint8(1), out=bit_of_test)
        else:
            np.copyto(bit_of_test, failing.view(np.uint8))
        np.left_shift(bit_of_test, np.uint8(bit), out=bit_of_test)
        np.bitwise_or(failed, bit_of_test, out=failed)
    if pool is not None:
        pool.give(bit_of_test)
    return failed


def completeness_counts(class_index: np.ndarray, failed: np.ndarray, classes: int,
                        pool: BufferPool | None = None) -> np.ndarray:
    """(classes, 1 + len(DROP_REASONS)) pixel counts: kept, then each pixel under the first reason it failed."""
    combined = (pool.take if pool else np.empty)(failed.shape, np.uint16)  # class and failed tests in one code
    np.left_shift(class_index, np.uint16(len(DROP_REASONS)), out=combined, dtype=np.uint16)
    np.bitwise_or(combined, failed, out=combined)
    by_bits = np.bincount(combined.ravel(), minlength=classes << len(DROP_REASONS))
    if pool:
        pool.give(combined)
    return by_bits.reshape(classes, 1 << len(DROP_REASONS)) @ _FIRST_REASON


DROP_REASONS = ("qa_nodata", "rule", "buffer", "product_invalid", "reference_missing", "reference_invalid")
# failed-test bits -> the column it is counted in: 0 kept, else 1 + its first failed test (the order above)
_FIRST_REASON = np.zeros((1 << len(DROP_REASONS), 1 + len(DROP_REASONS)), np.int64)
for _bits in range(1 << len(DROP_REASONS)):
    _FIRST_REASON[_bits, 0 if _bits == 0 else 1 + (_bits & -_bits).bit_length() - 1] = 1


def window_bands(difference: np.ndarray, class_index: np.ndarray, ctx: BlockContext,
                 pool: BufferPool | None = None) -> list:
    """The class bands and 'all'. Band k holds the difference where the class is k, else nodata: one
    scatter of every pixel into its class's band, not K comparisons and K copies. Where a split-field
    value has no labelled class, a K+1st band takes those pixels and is dropped."""
    if ctx.class_count == 0:
        return [difference]
    pool = pool or BufferPool()
    stack = pool.take((ctx.class_count + int(ctx.has_unlabelled), *difference.shape), np.float32)
    stack.fill(DIFFERENCE_NODATA)
    index = pool.take(class_index.shape, np.intp)
    np.copyto(index, class_index)
    np.put_along_axis(stack, index[np.newaxis], difference[np.newaxis], axis=0)
    pool.give(index)
    return [*stack[:ctx.class_count], difference]


def masked_difference(product: LaiInput, reference: LaiInput, qa: QaInput, settings: DifferenceSettings,
                      output: OutputSpec, progress=SILENT, finish=None, strata: StrataInput | None = None
                      ) -> DifferenceResult:
    """The difference raster(s) and statistics (also per stratum of ``strata``). ``finish(result)`` writes a front
    end's other outputs (tables, samples) before the rasters are published: if it fails, no raster appears, so a
    run leaves all or none."""
    scheme = qa.rule_scheme
    rule, (split_field, class_values, class_names) = check_settings(settings, scheme)
    product_band = open_lai(product, "Product")
    reference_band = open_lai(reference, "Reference")
    qa_layers = open_qa_layers(qa)
    qa_band = qa_layers.main
    if (qa_band.band.XSize, qa_band.band.YSize) != (product_band.band.XSize, product_band.band.YSize):
        raise LaiQaError(
            tr("The QA raster is {0}x{1} pixels but the product is {2}x{3}; QA and product must share one grid")
                .format(qa_band.band.XSize, qa_band.band.YSize, product_band.band.XSize, product_band.band.YSize)
        )
    written = [("The output", output.path)] + [
        (tr("The class file of {0}").format(name), class_file_path(output.class_folder, name, output.path))
        for name in (class_names or ["all"]) if output.class_folder]
    refuse_overwriting_inputs(written, [("product", product_band), ("reference", reference_band),
                                        *(("QA", layer) for layer in qa_layers.layers)])
    notes = [product_band.note, reference_band.note, *qa_layers.notes,
             tr("Product LAI: {0}").format(product_band.encoding.describe()),
             tr("Reference LAI: {0}").format(reference_band.encoding.describe()),
             tr("QA: {0}; keep rule: {1}; split by: {2}").format(
                 scheme.name, rule.text or tr("none (keep all)"), settings.split_field or tr("nothing"))]
    # Index of each split-field value among the classes; unlabelled values get len(classes): only in 'all'.
    class_lookup = None
    if split_field is not None:
        class_lookup = np.full(split_field.max_value + 1, len(class_values), dtype=np.uint8)
        class_lookup[class_values] = np.arange(len(class_values), dtype=np.uint8)
    with ExitStack() as opened:
        reference_read, reference_nodata, resampling = opened.enter_context(_reference_on_product_grid(
            reference_band, product_band, settings, notes, product.raster.source, reference.raster.source))
        strata_read = None
        if strata is not None:
            strata_read = opened.enter_context(strata_on_grid(strata, product_band.grid, product.raster.source))
            notes.append(strata_read.note)
        buffer = buffer_for(settings.buffer, scheme, rule)
        if buffer is not None:
            notes.append(tr("Buffer: pixels within {0} of a pixel where {1} are dropped too").format(
                buffer.pixels, buffer.flag_rule.text if buffer.flag_rule else tr("the keep rule fails")))
        context = BlockContext(scheme, rule, product_band.encoding, reference_band.encoding, len(class_names),
                               split_field, class_lookup, reference_nodata, qa_layers.nodata, buffer)
        record = difference_provenance(product, reference, qa, settings, rule, {
            "product": product_band.encoding, "reference": reference_band.encoding}, resampling, strata)
        bins = density_bins(product_band.encoding, reference_band.encoding) if settings.density else 0
        return _difference_pass([product_band.band, reference_read], qa_layers, product_band.grid, context,
                                class_names, output, settings, notes, progress, finish, record,
                                qa_layers.warnings, strata_read, bins)


@contextmanager
def _reference_on_product_grid(reference, product, settings, notes, product_name, reference_name):
    """(band to read, its "nothing valid" value): the reference as it is, or warped onto the product grid."""
    if reference.grid.same_as(product.grid):
        notes.append(tr("Reference grid is identical to the product grid: read as it is"))
        yield reference.band, None, "none (the same pixel grid)"
        return
    check_overlap(reference.grid, product.grid, reference_name, product_name)
    resampling = choose_resampling(settings.resampling, reference.grid, product.grid)
    aligned = AlignedReference(reference, product.grid, resampling)
    notes.append(tr("Reference resampled onto the product grid with GDAL warp ({0})").format(resampling))
    try:
        yield aligned.band, WARP_NODATA, resampling
    finally:
        aligned.close()


def _difference_pass(inputs, qa_layers, grid, context, class_names, output: OutputSpec,
                     settings: DifferenceSettings, notes, progress, finish, record, warnings, strata=None,
                     density_bins_per_axis=0) -> DifferenceResult:
    """Write every band of every window and add up the statistics of its kept pixels (per stratum too, and
    their density, when asked). ``inputs``: the product and reference bands; the QA layers follow them."""
    sample_points, deming_lambda = settings.sample_points, settings.deming_lambda
    band_names = [*class_names, "all"]
    accumulator = Accumulator.for_bands(band_names)
    per_stratum = len(accumulator.class_names)  # the classes and 'other'
    strata_accumulator = None
    qa_count = len(qa_layers.bands)
    inputs = [*inputs, *qa_layers.bands]
    extra, halos = [], {}  # names of the inputs read after the QA; the QA read again with a halo for a buffer
    if strata is not None:  # stratum-major columns; the last stratum holds pixels of no stratum
        strata_accumulator = Accumulator([(name, cls) for name in [*strata.names, None]
                                          for cls in accumulator.class_names], histogram=False)
        inputs, extra = [*inputs, strata.band], [*extra, "strata"]
    if context.buffer is not None:
        halos.update({len(inputs) + k: context.buffer.pixels for k in range(qa_count)})
        inputs, extra = [*inputs, *qa_layers.bands], [*extra, *(("qa_halo", k) for k in range(qa_count))]
    density = Density(accumulator.class_names, density_bins_per_axis) if density_bins_per_axis else None
    sample, sample_step = [], 0
    if sample_points:
        sample_step = max(1, (grid.width * grid.height) // sample_points)

    pool = BufferPool()
    completeness = np.zeros((context.class_count + 1, 1 + len(DROP_REASONS)), np.int64)

    def compute(window, product_raw, reference_raw, *more):
        qa_raw = qa_layers.word(more[:qa_count])
        named = dict(zip(extra, more[qa_count:]))
        in_buffer = None
        if context.buffer is not None:
            qa_halo = qa_layers.word([named["qa_halo", k] for k in range(qa_count)])
            in_buffer = context.buffer.in_buffer(qa_halo, window, (grid.width, grid.height), context.scheme,
                                                 context.qa_nodata)
        out = pool.take(product_raw.shape, np.float32), pool.take(product_raw.shape, np.uint8)
        parts = row_parts(*product_raw.shape)
        kept_before = 0  # kept pixels of this window's parts before: the sample's every n-th runs on across them
        for number, rows in enumerate(parts):
            # a part's temporaries are new arrays, not the pool's: freed, the allocator hands their memory to the
            # next part or to GDAL, where pooled they would be held beside the window arrays (measured: 25 MB more
            # a pair, no faster)
            block = difference_block(product_raw[rows], reference_raw[rows], qa_raw[rows], context, None,
                                     None if in_buffer is None else in_buffer[rows], [array[rows] for array in out])
            add_part(block, None if strata is None else named["strata"][rows], number == len(parts) - 1,
                     -kept_before % sample_step if sample_step else 0)
            kept_before += len(block.kept_product)
        return list(out)

    def add_part(block, strata_part, last, sample_start):
        """The sums of a part of a window; the window's sums are complete with its ``last`` part."""
        nonlocal completeness
        column = None
        if strata_accumulator is not None:
            column = strata.index(strata_part.ravel().take(block.kept)) * per_stratum + block.kept_classes
        block.kept = None  # 8 bytes a kept pixel: not held while the sums are added (the part's memory peak)
        accumulator.add(block.kept_classes, block.kept_product, block.kept_reference, last=last)
        completeness += block.completeness
        if column is not None:
            strata_accumulator.add(column, block.kept_product, block.kept_reference, last=last)
        if density is not None:
            density.add(block.kept_classes, block.kept_product, block.kept_reference)
        if sample_step:  # copies: a view would keep the part's whole kept arrays alive
            sample.append(tuple(np.array(kept[sample_start::sample_step]) for kept in (
                block.kept_product, block.kept_reference, block.kept_classes)))

    def prepare(arrays, pool):  # in the writer thread: the class bands of the window being written
        return window_bands(*arrays, context, pool)

    class_files = {}
    geo = grid.creation_geo()
    with ExitStack() as files:
        out = files.enter_context(AtomicRaster(
            output.path, band_count=len(band_names), numpy_dtype=np.float32, nodata=DIFFERENCE_NODATA,
            descriptions=band_names, creation_options=output.creation_options, cog=output.cog, **geo))
        writes = every_band(out)
        if output.class_folder:
            for index, name in enumerate(class_names or ["all"]):
                path = class_file_path(output.class_folder, name, output.path)
                class_file = files.enter_context(AtomicRaster(
                    path, band_count=1, numpy_dtype=np.float32, nodata=DIFFERENCE_NODATA, descriptions=[name],
                    creation_options=output.creation_options, **geo))
                writes += every_band(class_file, first_index=index)
                class_files[name] = path
        run_blocks(inputs, writes, compute, progress, pool, prepare, halos)
        writes = None  # no band handle may outlive its file
        result = DifferenceResult(output.path, band_names, accumulator.band_rows(deming_lambda), notes, class_files,
                                  accumulator, _sample_arrays(sample, accumulator.class_names) if sample_step else None,
                                  completeness_rows(accumulator.class_names, completeness), completeness, record,
                                  warnings=warnings, density=density)
        if strata_accumulator is not None:
            result.strata_names = list(strata.names)
            result.strata_accumulator = strata_accumulator
            result.strata_rows = strata_rows(strata.names, band_names, strata_accumulator.sums, deming_lambda)
        if finish is not None:
            finish(result)
    return result


def _sample_arrays(parts, names) -> dict:
    """Every n-th kept pixel of every window, joined; classes as their band names."""
    product = np.concatenate([p for p, _, _ in parts]) if parts else np.empty(0)
    reference = np.concatenate([r for _, r, _ in parts]) if parts else np.empty(0)
    classes = np.concatenate([c for _, _, c in parts]) if parts else np.empty(0, dtype=np.uint8)
    return {"product": product, "reference": reference, "class": np.asarray(names)[classes]}
