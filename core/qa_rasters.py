"""QA rasters in, decoded fields or a keep-mask out, one window at a time."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .errors import LaiQaError
from .progress import SILENT
from .qa.decode import as_bit_pattern, check_fits, decode_field, output_dtype
from .qa.rule import keep_mask
from .readers import open_grid, raster_band, read_window, type_name, windows
from .writers import OUTPUT_TILE, AtomicRaster, release_blocks, write_window

MASK_DROP, MASK_KEEP, MASK_NODATA = 0, 1, 255
COUNTED_FIELD_BITS = 16


@dataclass
class QaBand:
    """An opened QA band with its nodata, checked to be an integer band wide enough for the scheme."""

    source: str
    band_number: int
    scheme: object
    grid: str | None = None  # subdataset name in a container; default: the grids the scheme names
    dataset: object = None
    band: object = None
    nodata: object = None
    note: str | None = None

    def __post_init__(self):
        grids = (self.grid,) if self.grid else self.scheme.grids
        self.dataset, self.source, self.note = open_grid(self.source, "QA raster", grids, required=bool(self.grid))
        self.band = raster_band(self.dataset, self.band_number, "QA raster")
        name = type_name(self.band)
        if name.startswith(("Float", "CFloat", "CInt")):
            raise LaiQaError(
                f"QA raster band {self.band_number} is {name}; bit fields need an integer band "
                "(Byte, UInt16, Int16, UInt32, Int32). Is this the QA band?"
            )
        bits = {"Byte": 8, "Int8": 8, "UInt16": 16, "Int16": 16, "UInt32": 32, "Int32": 32}.get(name, 64)
        check_fits(self.scheme, bits, name)
        self.nodata = self.band.GetNoDataValue()

    def nodata_mask(self, qa_block: np.ndarray):
        """Where the QA block holds its band's nodata value (compared in the band's own type)."""
        if self.nodata is None:
            return None
        return qa_block == qa_block.dtype.type(self.nodata)

    def geo(self) -> dict:
        return {
            "width": self.band.XSize, "height": self.band.YSize,
            "geotransform": self.dataset.GetGeoTransform(can_return_null=True),
            "projection": self.dataset.GetProjection(),
        }


@dataclass
class DecodeSummary:
    """Per field, how many valid pixels carry each value: the run's record for the log."""

    path: str
    value_counts: dict = field(default_factory=dict)  # field name -> {value: count}
    nodata_pixels: int = 0
    notes: list = field(default_factory=list)


def decode_qa_raster(source, band_number, scheme, output_path, progress=SILENT, creation_options=None, grid=None):
    """One output band per field (smallest fitting unsigned type), QA nodata kept as nodata."""
    qa = QaBand(source, band_number, scheme, grid)
    dtype = output_dtype(scheme)
    nodata = np.iinfo(dtype).max
    counts = {  # value counts only where a field's values are classes, not a wide number
        qa_field.name: np.zeros(qa_field.max_value + 1, dtype=np.int64)
        for qa_field in scheme.fields if qa_field.bit_count <= COUNTED_FIELD_BITS
    }
    summary = DecodeSummary(output_path, notes=[qa.note] if qa.note else [])
    all_windows = list(windows(qa.band, align=OUTPUT_TILE))
    with AtomicRaster(output_path, band_count=len(scheme.fields), numpy_dtype=dtype, nodata=nodata,
                      descriptions=scheme.field_names, creation_options=creation_options, **qa.geo()) as out:
        for done, window in enumerate(all_windows):
            progress.check()
            qa_block = read_window(qa.band, window)
            bit_pattern = as_bit_pattern(qa_block)
            missing = qa.nodata_mask(qa_block)
            if missing is not None:
                summary.nodata_pixels += int(missing.sum())
            for index, qa_field in enumerate(scheme.fields):
                values = decode_field(bit_pattern, qa_field).astype(dtype)
                if qa_field.name in counts:
                    valid_values = values if missing is None else values[~missing]
                    counts[qa_field.name] += np.bincount(valid_values.ravel(), minlength=qa_field.max_value + 1)
                if missing is not None:
                    values[missing] = nodata
                write_window(out.GetRasterBand(index + 1), values, window[0], window[1])
            release_blocks(out, qa.dataset)
            progress.report((done + 1) / len(all_windows))
    summary.value_counts = {
        name: {value: int(n) for value, n in enumerate(field_counts) if n}
        for name, field_counts in counts.items()
    }
    return summary


@dataclass
class MaskSummary:
    path: str
    kept: int = 0
    valid: int = 0
    notes: list = field(default_factory=list)

    @property
    def kept_fraction(self) -> float:
        """Kept share of the pixels that have QA (nodata excluded); 0 when none has."""
        return self.kept / self.valid if self.valid else 0.0


def qa_mask_raster(source, band_number, scheme, rule, output_path, progress=SILENT, creation_options=None,
                   grid=None):
    """Byte mask: 1 keep, 0 drop, 255 where the QA band is nodata."""
    qa = QaBand(source, band_number, scheme, grid)
    summary = MaskSummary(output_path, notes=[qa.note] if qa.note else [])
    all_windows = list(windows(qa.band, align=OUTPUT_TILE))
    with AtomicRaster(output_path, band_count=1, numpy_dtype=np.uint8, nodata=MASK_NODATA,
                      descriptions=[rule.text or "all"], creation_options=creation_options, **qa.geo()) as out:
        for done, window in enumerate(all_windows):
            progress.check()
            qa_block = read_window(qa.band, window)
            keep = keep_mask(qa_block, scheme, rule)
            mask = keep.astype(np.uint8)
            missing = qa.nodata_mask(qa_block)
            if missing is not None:
                mask[missing] = MASK_NODATA
                keep = keep & ~missing
            summary.kept += int(np.count_nonzero(keep))
            summary.valid += mask.size - (0 if missing is None else int(missing.sum()))
            write_window(out.GetRasterBand(1), mask, window[0], window[1])
            release_blocks(out, qa.dataset)
            progress.report((done + 1) / len(all_windows))
    return summary
