"""QA rasters in, decoded fields or a keep-mask out: the science of one window, run by ``blocks``."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .blocks import every_band, run_blocks
from .inputs import BufferSpec, OutputSpec, QaInput
from .messages import tr
from .progress import SILENT
from .qa.buffer import buffer_for
from .qa.decode import as_bit_pattern, decode_field, output_dtype
from .qa.rule import keep_mask
from .qa.scheme import presets
from .readers import (
    container_file,
    gdal_call,
    is_integer_band,
    nodata_mask,
    open_qa,
    open_qa_layers,
    open_quietly,
    refuse_overwriting_inputs,
    subdataset_names,
    subdataset_short_name,
    type_name,
)
from .writers import AtomicRaster

MASK_NODATA = 255  # the mask's third value, beside 1 keep and 0 drop
COUNTED_FIELD_BITS = 16
PRODUCT_QA_BAND = 2  # the own product raster holds LAI in band 1 and its QA in band 2


def default_qa_band(band_count: int) -> int:
    """The band a raster's QA is in: a separate QA file (one band, as MODIS users have it) band 1, the
    product raster's own QA band otherwise."""
    return 1 if band_count == 1 else PRODUCT_QA_BAND


def qa_band_problem(source: str, band_number: int):
    """Why band ``band_number`` of ``source`` is no QA band, in one line, or None (also where GDAL cannot
    open it: then reading it says why). QA bands hold integers; the fields Decode QA bits writes (one band
    per field, named after it) are values already decoded, not bit words."""
    dataset, _ = open_quietly(source)
    if dataset is None or not 1 <= band_number <= dataset.RasterCount:
        return None
    band = dataset.GetRasterBand(band_number)
    if not is_integer_band(band):
        return tr("Band {0} holds {1} values: not a QA band (QA bands hold integers whose bits are flags)").format(
            band_number, type_name(band))
    descriptions = [dataset.GetRasterBand(index).GetDescription() for index in range(1, dataset.RasterCount + 1)]
    for scheme in presets():
        if descriptions == scheme.field_names:
            return tr("This raster holds the decoded fields of {0} ({1}), not QA bits: inspect the QA raster they "
                      "were decoded from").format(scheme.name, ", ".join(descriptions))
    return None


def container_qa_layers(source: str, preset_id: str) -> list:
    """The other QA grids of the container a subdataset comes from, as (grid, its GDAL name, preset id) for each
    preset whose grid the container holds (a granule's FparExtra_QC beside its FparLai_QC): what a pixel
    inspector shows beside the layer it was clicked on."""
    path = container_file(source or "")
    if path == (source or ""):  # no subdataset name: no container to look in
        return []
    container, _ = open_quietly(path)
    if container is None:
        return []
    found = {subdataset_short_name(name): name for name in subdataset_names(container)}
    return [(grid, found[grid], scheme.id) for scheme in presets() if scheme.id != preset_id
            for grid in scheme.grids if grid in found and found[grid] != source]


def read_pixel(source: str, band: int, row: int, column: int):
    """One pixel's raw value, or None outside the raster, where it is nodata, or where it cannot be read."""
    dataset, _ = open_quietly(source)
    if dataset is None or not 1 <= band <= dataset.RasterCount:
        return None
    raster = dataset.GetRasterBand(band)
    if not (0 <= row < raster.YSize and 0 <= column < raster.XSize):
        return None
    values, _ = gdal_call(raster.ReadAsArray, column, row, 1, 1)
    if values is None:
        return None
    value = values[0, 0]
    nodata = raster.GetNoDataValue()
    return None if nodata is not None and value == nodata else int(value)


def decode_block(qa_block: np.ndarray, scheme, dtype, nodata, missing) -> list:
    """One array per field of ``scheme`` in ``dtype``; ``nodata`` where ``missing`` (None: nowhere)."""
    bit_pattern = as_bit_pattern(qa_block)
    fields = []
    for qa_field in scheme.fields:
        values = decode_field(bit_pattern, qa_field).astype(dtype)
        if missing is not None:
            values[missing] = nodata
        fields.append(values)
    return fields


def mask_block(qa_block: np.ndarray, scheme, rule, missing, in_buffer=None) -> np.ndarray:
    """Byte mask of one window: 1 keep, 0 drop (also ``in_buffer``), MASK_NODATA where ``missing``."""
    mask = keep_mask(qa_block, scheme, rule).astype(np.uint8)
    if in_buffer is not None:
        mask[in_buffer] = 0
    if missing is not None:
        mask[missing] = MASK_NODATA
    return mask


@dataclass
class DecodeSummary:
    """Per field, how many valid pixels carry each value: the run's record for the log."""

    path: str
    value_counts: dict = field(default_factory=dict)  # field name -> {value: count}
    nodata_pixels: int = 0
    notes: list = field(default_factory=list)
    warnings: list = field(default_factory=list)  # the preset does not fit the QA file (readers.open_qa)


def decode_qa_raster(qa: QaInput, output: OutputSpec, progress=SILENT) -> DecodeSummary:
    """One output band per field (smallest fitting unsigned type), QA nodata kept as nodata."""
    scheme = qa.scheme
    opened = open_qa(qa)
    refuse_overwriting_inputs([("The output", output.path)], [("QA", opened)])
    dtype = output_dtype(scheme)
    nodata = np.iinfo(dtype).max
    counts = {  # value counts only where a field's values are classes, not a wide number
        index: np.zeros(qa_field.max_value + 1, dtype=np.int64)
        for index, qa_field in enumerate(scheme.fields) if qa_field.bit_count <= COUNTED_FIELD_BITS
    }
    summary = DecodeSummary(output.path, notes=[opened.note] if opened.note else [],
                            warnings=[opened.warning] if opened.warning else [])

    def compute(window, qa_block):
        missing = opened.nodata_mask(qa_block)
        fields = decode_block(qa_block, scheme, dtype, nodata, missing)
        if missing is not None:
            summary.nodata_pixels += int(missing.sum())
        for index, field_counts in counts.items():
            values = fields[index] if missing is None else fields[index][~missing]
            field_counts += np.bincount(values.ravel(), minlength=len(field_counts))
        return fields

    with AtomicRaster(output.path, band_count=len(scheme.fields), numpy_dtype=dtype, nodata=nodata,
                      descriptions=scheme.field_names, creation_options=output.creation_options,
                      **opened.grid.creation_geo()) as out:
        run_blocks([opened.band], every_band(out), compute, progress)
    summary.value_counts = {
        scheme.fields[index].name: {value: int(n) for value, n in enumerate(field_counts) if n}
        for index, field_counts in counts.items()
    }
    return summary


@dataclass
class MaskSummary:
    path: str
    kept: int = 0
    valid: int = 0
    notes: list = field(default_factory=list)
    warnings: list = field(default_factory=list)  # the preset does not fit the QA file (readers.open_qa)

    @property
    def kept_fraction(self) -> float:
        """Kept share of the pixels that have QA (nodata excluded); 0 when none has."""
        return self.kept / self.valid if self.valid else 0.0


def qa_mask_raster(qa: QaInput, rule, output: OutputSpec, progress=SILENT,
                   buffer_spec: BufferSpec | None = None) -> MaskSummary:
    """Byte mask: 1 keep, 0 drop (the rule, and its buffer), MASK_NODATA where the QA band (any QA layer) is
    nodata. ``rule`` is read with ``qa.rule_scheme``."""
    scheme = qa.rule_scheme
    buffer = buffer_for(buffer_spec or BufferSpec(), scheme, rule)
    opened = open_qa_layers(qa)
    refuse_overwriting_inputs([("The output", output.path)], [("QA", layer) for layer in opened.layers])
    summary = MaskSummary(output.path, notes=opened.notes, warnings=opened.warnings)
    size = (opened.main.band.XSize, opened.main.band.YSize)
    count = len(opened.bands)

    def compute(window, *blocks):
        qa_block = opened.word(blocks[:count])
        missing = nodata_mask(qa_block, opened.nodata)
        in_buffer = None
        if buffer is not None:
            in_buffer = buffer.in_buffer(opened.word(blocks[count:]), window, size, scheme, opened.nodata)
        mask = mask_block(qa_block, scheme, rule, missing, in_buffer)
        summary.kept += int(np.count_nonzero(mask == 1))
        summary.valid += mask.size - (0 if missing is None else int(missing.sum()))
        return [mask]

    with AtomicRaster(output.path, band_count=1, numpy_dtype=np.uint8, nodata=MASK_NODATA,
                      descriptions=[rule.text or "all"], creation_options=output.creation_options,
                      **opened.main.grid.creation_geo()) as out:
        inputs, halos = opened.bands, {}
        if buffer is not None:  # the QA again, grown by the buffer: the buffer of every window is the whole one's
            inputs, halos = [*opened.bands, *opened.bands], {count + k: buffer.pixels for k in range(count)}
        run_blocks(inputs, every_band(out), compute, progress, halos=halos)
    return summary
