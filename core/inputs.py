"""What a run is given, as frozen plain values: picklable, comparable, built once by a front end.

A Processing algorithm, the dialog, a command line and a cluster worker all describe a run with
these; nothing here opens a file. A batch holds the *specs* (how to read a side from any file of
its folder) and makes the *inputs* of each pair with ``spec.at(path)``: no placeholder paths.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

from .qa.layers import composite_scheme, layer_name
from .qa.scheme import Scheme


@dataclass(frozen=True)
class RasterInput:
    """One band of a raster: a GDAL dataset name, the band number and, in a container, the subdataset."""

    source: str
    band: int = 1
    subdataset: str | None = None  # e.g. Lai_500m in an HDF-EOS granule; None: the preset's or the scheme's


@dataclass(frozen=True)
class EncodingOverrides:
    """The user's own scale, offset, valid range and fill values (stored units); None: file or preset."""

    scale: float | None = None
    offset: float | None = None
    valid_min: float | None = None
    valid_max: float | None = None
    fill_values: tuple | None = None

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class LaiInput:
    raster: RasterInput
    preset: str = "own_lai"  # an id of lai_encoding.LAI_PRESETS
    overrides: EncodingOverrides = EncodingOverrides()


@dataclass(frozen=True)
class QaInput:
    raster: RasterInput
    scheme: Scheme
    extra: tuple = ()  # more QA layers on the same grid (QaInput each, no extra of their own): one rule over all

    @property
    def layer_name(self) -> str:
        return layer_name(self.scheme, self.raster.subdataset)

    @property
    def rule_scheme(self) -> Scheme:
        """The scheme rules are read with: the QA's own, or over extra layers the composite (qa/layers.py)."""
        return _rule_scheme(self)


@dataclass(frozen=True)
class LaiSpec:
    """How one side's LAI is read from any file of a folder: everything of a LaiInput but the file."""

    band: int = 1
    subdataset: str | None = None
    preset: str = "own_lai"
    overrides: EncodingOverrides = EncodingOverrides()

    def at(self, source: str) -> LaiInput:
        return LaiInput(RasterInput(source, self.band, self.subdataset), self.preset, self.overrides)


@dataclass(frozen=True)
class QaLayerSpec:
    """One more QA layer: its scheme, band and grid, in ``source`` (None: the file the main QA is read from,
    so a granule given as a container supplies its other QC grid by the preset's grid name)."""

    scheme: Scheme
    band: int = 1
    subdataset: str | None = None
    source: str | None = None

    def at(self, source: str) -> QaInput:
        return QaInput(RasterInput(self.source or source, self.band, self.subdataset), self.scheme)


@dataclass(frozen=True)
class QaSpec:
    """How the QA is read from a product file of a batch."""

    scheme: Scheme
    band: int = 2
    subdataset: str | None = None
    extra: tuple = ()  # QaLayerSpec of more QA layers, read from the same file unless they name their own

    def at(self, source: str) -> QaInput:
        return QaInput(RasterInput(source, self.band, self.subdataset), self.scheme,
                       tuple(layer.at(source) for layer in self.extra))

    @property
    def rule_scheme(self) -> Scheme:
        return self.at("").rule_scheme


def _rule_scheme(qa: QaInput) -> Scheme:
    if not qa.extra:
        return qa.scheme
    return composite_scheme([(layer.layer_name, layer.scheme) for layer in (qa, *qa.extra)])


@dataclass(frozen=True)
class BufferSpec:
    """Also drop the pixels within ``pixels`` of a flagged one; flagged: where ``rule`` holds (None or empty:
    the pixels the keep rule drops). See qa/buffer.py."""

    pixels: int = 0
    rule: str | None = None


@dataclass(frozen=True)
class DifferenceSettings:
    """The science choices of a masked difference, shared by every pair of a batch."""

    rule: str | None = None  # None or empty: the scheme's default rule
    split_field: str = "algorithm"  # empty: no split, only 'all'
    resampling: str = "auto"  # one of alignment.RESAMPLING
    sample_points: int = 0  # keep about this many kept (product, reference, class) triples, for plots
    deming_lambda: float | None = None  # error variance of the product / of the reference; None: no Deming line
    density: bool = False  # count every kept pixel's (product, reference) LAI bin pair: density.Density
    buffer: BufferSpec = BufferSpec()  # drop around flagged pixels too (cloud edges)


@dataclass(frozen=True)
class OutputSpec:
    """Where a raster goes and how it is written."""

    path: str
    creation_options: tuple | None = None  # None: tiled ZSTD GeoTIFF (writers.default_creation_options)
    cog: bool = False  # a Cloud Optimized GeoTIFF, copied from the finished GTiff
    class_folder: str | None = None  # also <folder>/<class>/<file name>, one file per class
