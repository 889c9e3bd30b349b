"""How stored numbers become LAI: scale, offset, valid range and fill values, and where each came from.

Valid range and fill values are in stored (raw) units, as HDF ``valid_range`` and
``_FillValue`` are. LAI = raw * scale + offset (the CF convention; MODIS LAI has
offset 0, where it agrees with MODIS's own ``scale * (raw - offset)``).
Each setting is taken, first found: the user's value, the file's metadata, the preset.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

import numpy as np

from .errors import LaiQaError
from .messages import tr

SETTINGS = ("scale", "offset", "valid_min", "valid_max", "fill_values")


@dataclass(frozen=True)
class LaiEncoding:
    scale: float = 1.0
    offset: float = 0.0
    valid_min: float | None = None
    valid_max: float | None = None
    fill_values: tuple = ()
    origin: dict = field(default_factory=dict, compare=False)  # setting -> "user" / "file metadata" / preset name

    def valid(self, raw: np.ndarray) -> np.ndarray:
        """Where ``raw`` holds an LAI value: not a fill value, inside the valid range, not NaN."""
        keep = np.ones(raw.shape, dtype=bool) if raw.dtype.kind in "iu" else ~np.isnan(raw)
        if self.valid_min is not None:
            keep &= raw >= self.valid_min
        if self.valid_max is not None:
            keep &= raw <= self.valid_max
        for fill in self.fill_values:
            keep &= raw != fill
        return keep

    def to_lai(self, raw: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
        """LAI in float32 (the difference raster's type), into ``out`` when given: one pass, not a copy then a
        multiply (the same arithmetic: raw as float32 times the float32 scale)."""
        return self._scaled(raw, np.float32, out)

    def to_lai64(self, raw: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
        """LAI in float64, for statistics: float32 scale constants (0.001f) would bias every sum."""
        return self._scaled(raw, np.float64, out)

    def _scaled(self, raw, dtype, out):
        """raw * scale + offset computed in ``dtype`` (raw cast to it first, exactly as ``astype`` would)."""
        out = np.empty(raw.shape, dtype) if out is None else out
        if self.scale != 1.0:
            np.multiply(raw, dtype(self.scale), out=out, dtype=dtype, casting="unsafe")
        else:
            np.copyto(out, raw, casting="unsafe")
        if self.offset != 0.0:
            np.add(out, dtype(self.offset), out=out)
        return out

    def describe(self) -> str:
        def text(value):
            if value is None:
                return tr("none")
            if isinstance(value, tuple):
                return ", ".join(f"{v:g}" for v in value) or tr("none")
            return f"{value:g}"

        return "; ".join(
            f"{tr(name.replace('_', ' '))} {text(getattr(self, name))} "
            f"({_origin_text(self.origin.get(name, 'default'))})"
            for name in SETTINGS
        )


def _origin_text(origin: str) -> str:
    """Where a setting came from, in the user's language ('preset glass' names the preset by its id)."""
    kind, _, preset_id = origin.partition(" ")
    return tr("preset {0}").format(preset_id) if kind == "preset" else tr(origin)


@dataclass(frozen=True)
class LaiPreset:
    id: str
    name: str
    encoding: LaiEncoding
    grids: tuple = ()  # HDF-EOS grid (subdataset) holding the LAI in a granule


# Order is public: the Processing enum index of each preset.
LAI_PRESETS = (
    LaiPreset("own_lai", "Own LAI product (x0.001, values > 30000 are fill)",
              LaiEncoding(scale=0.001, valid_max=30000, fill_values=(32767,))),
    LaiPreset("glass", "GLASS LAI (x0.01, valid 0-1000)",
              LaiEncoding(scale=0.01, valid_min=0, valid_max=1000)),
    LaiPreset("mcd15a2h", "MODIS MCD15A2H/MOD15A2H Lai_500m (x0.1, valid 0-100, 249-255 fill classes)",
              LaiEncoding(scale=0.1, valid_min=0, valid_max=100, fill_values=tuple(range(249, 256))),
              grids=("Lai_500m",)),
    LaiPreset("file", "From the file's metadata only (scale 1 when it has none)", LaiEncoding()),
)


def lai_preset(preset_id: str) -> LaiPreset:
    for preset in LAI_PRESETS:
        if preset.id == preset_id:
            return preset
    raise LaiQaError(tr("Unknown LAI preset '{0}'; presets: {1}")
                         .format(preset_id, ', '.join(p.id for p in LAI_PRESETS)))


def _numbers(text) -> list:
    return [float(part) for part in re.split(r"[,;\s]+", str(text).strip()) if part]


def metadata_settings(band) -> dict:
    """Settings a GDAL band states about itself (GDAL scale/offset/nodata, HDF/netCDF attributes)."""
    found = {}
    metadata = {}
    for domain_owner in (band.GetDataset(), band):
        metadata.update({key.lower(): value for key, value in (domain_owner.GetMetadata() or {}).items()})
    scale, offset = band.GetScale(), band.GetOffset()
    if scale not in (None, 1.0) or offset not in (None, 0.0):
        found["scale"], found["offset"] = scale if scale is not None else 1.0, offset or 0.0
    for key, setting in (("scale_factor", "scale"), ("add_offset", "offset")):
        if key in metadata and setting not in found:
            try:
                found[setting] = _numbers(metadata[key])[0]
            except (ValueError, IndexError):
                pass
    fills = []
    if band.GetNoDataValue() is not None:
        fills.append(band.GetNoDataValue())
    for key in ("_fillvalue", "missing_value"):
        try:
            fills += [v for v in _numbers(metadata.get(key, "")) if v not in fills]
        except ValueError:
            pass
    if fills:
        found["fill_values"] = tuple(fills)
    try:
        if "valid_range" in metadata:
            found["valid_min"], found["valid_max"] = _numbers(metadata["valid_range"])[:2]
        for key in ("valid_min", "valid_max"):
            if key in metadata:
                found[key] = _numbers(metadata[key])[0]
    except (ValueError, IndexError):
        pass
    return found


def resolve_encoding(band, preset: LaiPreset, overrides: dict | None = None) -> LaiEncoding:
    """User value, else the file's metadata, else the preset — setting by setting, with its origin."""
    from_file = metadata_settings(band)
    values, origin = {}, {}
    for name in SETTINGS:
        user_value = (overrides or {}).get(name)
        if user_value is not None:
            values[name], origin[name] = user_value, "user"
        elif name in from_file:
            values[name], origin[name] = from_file[name], "file metadata"
        else:
            values[name], origin[name] = getattr(preset.encoding, name), f"preset {preset.id}"
    values["fill_values"] = tuple(values["fill_values"])
    encoding = replace(preset.encoding, **values, origin=origin)
    if encoding.scale == 0:
        raise LaiQaError(tr("An LAI scale of 0 would turn every value into 0; check the scale factor"))
    if None not in (encoding.valid_min, encoding.valid_max) and encoding.valid_min > encoding.valid_max:
        raise LaiQaError(
            tr("The valid range {0:g}-{1:g} is empty (minimum above maximum)")
                .format(encoding.valid_min, encoding.valid_max)
        )
    return encoding


def parse_fill_values(text: str) -> tuple | None:
    """'249, 250 255' -> (249.0, 250.0, 255.0); empty -> None (use metadata or preset)."""
    if not (text or "").strip():
        return None
    try:
        return tuple(_numbers(text))
    except ValueError:
        raise LaiQaError(tr("Fill values must be numbers separated by commas, got '{0}'").format(text)) from None
