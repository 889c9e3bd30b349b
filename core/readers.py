"""Opening rasters with messages a user understands, and walking them in blocks.

Blocks follow the file's natural block layout (whole rows of tiles or strips),
so each window is read once and memory stays flat however large the raster.
"""
from __future__ import annotations

import math
import os
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
from osgeo import gdal, gdal_array

from .errors import LaiQaError
from .inputs import LaiInput, QaInput, RasterInput
from .lai_encoding import LaiEncoding, lai_preset, resolve_encoding
from .messages import tr
from .pixel_grid import PixelGrid, pixel_grid_of
from .qa.decode import check_fits
from .qa.layers import layer_width, pack_layers, packed_nodata
from .qa.product_guard import preset_mismatch

# Pixels per window; ~1 M keeps a window of a few Float32/Int16 arrays in a few tens of MB.
TARGET_WINDOW_PIXELS = 1 << 20

@contextmanager
def gdal_errors_as_messages():
    """Silence GDAL's own printing; callers read ``gdal.GetLastErrorMsg()`` instead."""
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    gdal.ErrorReset()
    try:
        yield
    finally:
        gdal.PopErrorHandler()


def gdal_call(call, *args, **kwargs):
    """(result, GDAL's message): ``call``'s result, or None where GDAL failed.

    The same whether GDAL raises exceptions or returns None: QGIS 3.40's Processing turns exceptions
    on for the whole process and GDAL 4 makes them the default, and we do not flip that setting back.
    """
    with gdal_errors_as_messages():
        try:
            result = call(*args, **kwargs)
        except RuntimeError as error:
            return None, one_line(str(error) or gdal.GetLastErrorMsg())
        return result, one_line(gdal.GetLastErrorMsg())


def one_line(message: str) -> str:
    """GDAL 3.13 joins an error and its causes ("May be caused by: …") with newlines; we report one line."""
    return "; ".join(line.strip() for line in (message or "").splitlines() if line.strip())


def open_quietly(source: str):
    """(dataset or None, GDAL's message): never raises, whatever ``source`` is."""
    return gdal_call(gdal.Open, str(source), gdal.GA_ReadOnly)


def subdataset_names(dataset) -> list:
    """Full GDAL names of a container's subdatasets (HDF4/HDF-EOS, netCDF, …)."""
    metadata = dataset.GetMetadata("SUBDATASETS") or {}
    count = sum(1 for key in metadata if key.endswith("_NAME"))
    return [metadata[f"SUBDATASET_{index}_NAME"] for index in range(1, count + 1)]


def subdataset_short_name(subdataset: str) -> str:
    """``HDF4_EOS:EOS_GRID:"f.hdf":MOD_Grid_MOD15A2H:Lai_500m`` -> ``Lai_500m``."""
    return subdataset.rsplit(":", 1)[-1].strip('"')


def container_file(name: str) -> str:
    """The file of a GDAL subdataset name: ``HDF4_EOS:EOS_GRID:"f.hdf":grid:Lai`` -> ``f.hdf``; a path as it is."""
    return name.split('"')[1] if name.count('"') >= 2 else name


def cannot_open(role: str, source, message: str) -> str:
    """The one-line message for a raster GDAL cannot open (missing, corrupt, a folder, unreadable)."""
    return tr("{0}: cannot open '{1}' as a raster ({2})").format(tr(role), source, message or tr("unknown format"))


def open_subdataset(source, role: str = "Input", grids=(), required: bool = False):
    """(dataset, GDAL name, note): ``source`` itself, or the subdataset of a container named in ``grids``.

    ``grids`` are HDF-EOS grid names the caller knows (a preset's, or the user's SUBDATASET parameter);
    with ``required`` a named one must exist even when ``source`` is no container.
    The dataset is opened once: the container's own handle when it is the raster.
    """
    if not source:
        raise LaiQaError(tr("{0}: no raster given").format(tr(role)))
    dataset, message = open_quietly(source)
    if dataset is None:
        raise LaiQaError(cannot_open(role, source, message))
    names = subdataset_names(dataset)
    if dataset.RasterCount > 0 and not (required and names):
        return dataset, str(source), None
    for wanted in grids:
        for name in names:
            if subdataset_short_name(name).lower() == str(wanted).lower():
                inner, message = open_quietly(name)
                if inner is None:
                    raise LaiQaError(cannot_open(role, name, message))
                return inner, name, tr("{0}: '{1}' holds {2} grids; using {3}").format(
                    tr(role), source, len(names), subdataset_short_name(name))
    if names:
        asked = tr("no grid named {0}; ").format(", ".join(grids)) if grids else ""
        raise LaiQaError(
            tr("{0}: '{1}' is a container of {2} grids ({3}pick one): {4}. Full names: {5}").format(
                tr(role), source, len(names), asked, ", ".join(subdataset_short_name(name) for name in names),
                "; ".join(names))
        )
    raise LaiQaError(tr("{0}: '{1}' holds no raster band").format(tr(role), source))


def resolve_source(source, role: str = "Input", grids=(), required: bool = False):
    """(GDAL name, note) of the raster ``open_subdataset`` would open."""
    _, name, note = open_subdataset(source, role, grids, required)
    return name, note


def open_raster(source: str, role: str = "Input") -> gdal.Dataset:
    """Open any GDAL dataset name (file, subdataset string, /vsizip/…) read-only."""
    return open_subdataset(source, role)[0]


def raster_band(dataset: gdal.Dataset, band_number: int, role: str = "Input") -> gdal.Band:
    """Band ``band_number`` (1-based), or a message naming how many bands there are."""
    count = dataset.RasterCount
    if not 1 <= int(band_number) <= count:
        raise LaiQaError(
            (tr("{0}: band {1} does not exist; '{2}' has {3} bands (1-{3})") if count != 1 else
             tr("{0}: band {1} does not exist; '{2}' has {3} band (1-{3})"))
            .format(tr(role), band_number, dataset.GetDescription(), count)
        )
    return dataset.GetRasterBand(int(band_number))


def type_name(band: gdal.Band) -> str:
    return gdal.GetDataTypeName(band.DataType)


def numpy_type(band: gdal.Band) -> np.dtype:
    """The numpy type GDAL reads this band into."""
    return numpy_type_of(band.DataType)


def is_integer_band(band: gdal.Band) -> bool:
    """Whether a band holds integers: what QA bit fields and class rasters (strata) need."""
    return numpy_type(band).kind in "iu"


def numpy_type_of(gdal_type_code: int) -> np.dtype:
    """The numpy type of a GDAL data type code (float32 for a code numpy has no type for)."""
    numeric = gdal_array.GDALTypeCodeToNumericTypeCode(int(gdal_type_code))
    return np.dtype(numeric if numeric is not None else np.float32)


@dataclass
class OpenedBand:
    """One opened input band, LAI or QA alike: where it lies, how its values read, and the log's note."""

    source: str  # the GDAL name opened (a container's subdataset where one was picked)
    dataset: gdal.Dataset
    band: gdal.Band
    grid: PixelGrid
    note: str  # where the subdataset and georeference came from, for the log ("" when nothing to say)
    encoding: LaiEncoding | None = None  # LAI bands: scale, offset, valid range, fill
    nodata: float | None = None  # QA bands: the band's nodata value
    warning: str = ""  # QA bands: the file's product does not fit the preset (product_guard), for the log

    def nodata_mask(self, block: np.ndarray):
        return nodata_mask(block, self.nodata)


def refuse_overwriting_inputs(outputs, inputs) -> None:
    """Refuse to write over an input, however either path is spelled (relative, ``..``, a symbolic link).

    ``outputs``: (description, path) pairs; ``inputs``: (role, OpenedBand) pairs, compared through the files
    GDAL says each dataset reads (a container's subdataset is its container file).
    """
    read = {}
    for role, opened in inputs:
        for name in opened.dataset.GetFileList() or []:
            read.setdefault(os.path.realpath(name), (role, name))
    for description, path in outputs:
        if os.path.realpath(path) in read:
            role, name = read[os.path.realpath(path)]
            raise LaiQaError(tr("{0} '{1}' is the {2} file '{3}': writing it would destroy an input; choose another "
                                "output file").format(tr(description), path, tr(role), name))


def nodata_mask(block: np.ndarray, nodata):
    """Where a block holds ``nodata`` (compared in the block's own type), or None when there is none."""
    if nodata is None:
        return None
    return block == block.dtype.type(nodata)


def open_band(raster: RasterInput, role: str, default_grids, georeference_required: bool):
    grids = (raster.subdataset,) if raster.subdataset else default_grids
    dataset, source, container_note = open_subdataset(raster.source, role, grids, required=bool(raster.subdataset))
    band = raster_band(dataset, raster.band, role)
    grid, grid_note = pixel_grid_of(dataset, source, role, required=georeference_required)
    # QA shares the product's grid: its log note is only about the container
    notes = [container_note, grid_note if georeference_required else None]
    return source, dataset, band, grid, "; ".join(filter(None, notes))


def open_lai(lai: LaiInput, role: str) -> OpenedBand:
    """An LAI band with its encoding resolved (user, file metadata, preset) and its georeference."""
    preset = lai_preset(lai.preset)
    source, dataset, band, grid, note = open_band(lai.raster, role, preset.grids, georeference_required=True)
    encoding = resolve_encoding(band, preset, lai.overrides.as_dict())
    return OpenedBand(source, dataset, band, grid, note, encoding=encoding)


def open_qa(qa: QaInput, role: str = "QA raster") -> OpenedBand:
    """A QA band, checked to be an integer band wide enough for the scheme's fields; ``warning`` says when
    the file's name or metadata names a product the scheme's preset does not describe."""
    source, dataset, band, grid, note = open_band(qa.raster, role, qa.scheme.grids, georeference_required=False)
    name = type_name(band)
    if not is_integer_band(band):
        raise LaiQaError(
            tr("{0} band {1} is {2}; bit fields need an integer band (Byte, UInt16, Int16, UInt32, Int32). Is this "
               "the QA band?").format(tr(role), qa.raster.band, name)
        )
    check_fits(qa.scheme, gdal.GetDataTypeSize(band.DataType), name)
    warning = preset_mismatch(qa.scheme.id, source, dataset.GetMetadata() or {}) or ""
    return OpenedBand(source, dataset, band, grid, note, nodata=band.GetNoDataValue(), warning=warning)


@dataclass
class OpenedQa:
    """The QA of a run: one band, or several layers packed window by window into one word (qa/layers.py).

    The block engine reads ``bands``; ``word(blocks)`` turns their blocks of a window into the one QA array
    the rule, buffer and split field read; ``nodata`` is its nodata value (where any layer is nodata)."""

    layers: list  # OpenedBand of each layer, the main QA first
    scheme: object  # the rule scheme: QaInput.rule_scheme
    widths: tuple = ()  # bits of each layer in the packed word (several layers only)
    nodata: float | None = None

    @property
    def main(self) -> OpenedBand:
        return self.layers[0]

    @property
    def bands(self) -> list:
        return [layer.band for layer in self.layers]

    @property
    def notes(self) -> list:
        return [layer.note for layer in self.layers if layer.note]

    @property
    def warnings(self) -> list:
        return [layer.warning for layer in self.layers if layer.warning]

    def word(self, blocks):
        """The QA word of one window from each layer's block (in ``bands`` order)."""
        if len(self.layers) == 1:
            return blocks[0]
        missing = None
        for layer, block in zip(self.layers, blocks):
            layer_missing = layer.nodata_mask(block)
            if layer_missing is not None:
                missing = layer_missing if missing is None else missing | layer_missing
        return pack_layers(blocks, self.widths, missing)


def open_qa_layers(qa: QaInput) -> OpenedQa:
    """The QA band and every extra layer of ``qa``, each checked as ``open_qa`` does and to share the QA's grid
    (its size: the layers of one product's granule)."""
    scheme = qa.rule_scheme
    main = open_qa(qa)
    if not qa.extra:
        return OpenedQa([main], scheme, nodata=main.nodata)
    layers = [main]
    for extra in qa.extra:
        role = tr("QA layer {0}").format(extra.layer_name)
        opened = open_qa(extra, role)
        if (opened.band.XSize, opened.band.YSize) != (main.band.XSize, main.band.YSize):
            raise LaiQaError(tr("{0} is {1}x{2} pixels but the QA raster is {3}x{4}; every QA layer must share the "
                                "QA grid").format(role, opened.band.XSize, opened.band.YSize, main.band.XSize,
                                                  main.band.YSize))
        layers.append(opened)
    widths = tuple(layer_width(layer.scheme) for layer in (qa, *qa.extra))
    nodata = packed_nodata(widths, any(layer.nodata is not None for layer in layers))
    return OpenedQa(layers, scheme, widths, nodata)


def _aligned_step(block: int, align: int) -> int:
    """A multiple of the input block and of ``align`` (the output tile), unless that grows too large."""
    step = math.lcm(block, align)
    return block if step > max(block, 4 * align) else step


def windows(band: gdal.Band, target_pixels: int | None = None, align: int = 1):
    """(xoff, yoff, xsize, ysize) windows of about ``target_pixels``, in row-major order.

    Edges are multiples of the band's block size and of ``align`` (an output's tile edge), so each
    input block is read once and each window completes whole output tiles. Tiled inputs are also cut
    across columns, so a window stays small on wide rasters; stripped inputs get whole-row windows.
    """
    target_pixels = target_pixels or TARGET_WINDOW_PIXELS
    width, height = band.XSize, band.YSize
    block_width, block_height = band.GetBlockSize()
    step_y = _aligned_step(max(1, min(block_height, height)), align)
    if 0 < block_width < width:
        step_x = _aligned_step(block_width, align)
        cols = min(width, max(step_x, (target_pixels // step_y) // step_x * step_x))
    else:
        cols = width
    rows = step_y if cols < width else max(step_y, (target_pixels // max(width, 1)) // step_y * step_y)
    for yoff in range(0, height, rows):
        for xoff in range(0, width, cols):
            yield xoff, yoff, min(cols, width - xoff), min(rows, height - yoff)


def read_window(band: gdal.Band, window, out: np.ndarray | None = None):
    """One window of a band (into ``out`` when given: a reused array of the window's shape and type)."""
    xoff, yoff, xsize, ysize = window
    array, message = gdal_call(band.ReadAsArray, xoff, yoff, xsize, ysize, buf_obj=out)
    if array is None:
        raise LaiQaError(
            tr("Cannot read rows {0}-{1} of '{2}' ({3}); the file may be truncated")
                .format(yoff, yoff + ysize - 1, band.GetDataset().GetDescription(), message or tr("read error"))
        )
    return array
