"""Buffers: also drop the pixels near flagged ones (cloud edges, shadows), as a square dilation.

A pixel is in the buffer when a flagged pixel lies within ``pixels`` rows and columns of it (Chebyshev
distance; the flagged pixels themselves included). Flagged are the pixels a buffer rule selects (e.g.
``cloud_state != clear``), or, without one, every pixel the keep rule drops; QA nodata is never flagged.
Windows are read with ``pixels`` rows and columns of their neighbours around them (``halo_window``), so
the buffer of every window equals the dilation of the whole raster, across window borders.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..blocks import halo_window
from ..errors import LaiQaError
from ..inputs import BufferSpec
from ..messages import tr
from ..readers import nodata_mask
from .rule import keep_mask, rule_for

MAX_BUFFER_PIXELS = 100


@dataclass(frozen=True)
class Buffer:
    """A checked BufferSpec: its pixels and the parsed flag rule (None: the pixels the keep rule drops)."""

    pixels: int
    flag_rule: object = None
    keep_rule: object = None

    def flagged(self, qa_block: np.ndarray, scheme, qa_missing) -> np.ndarray:
        if self.flag_rule is not None:
            flagged = keep_mask(qa_block, scheme, self.flag_rule).copy()
        else:
            flagged = ~keep_mask(qa_block, scheme, self.keep_rule)
        if qa_missing is not None:
            flagged &= ~qa_missing
        return flagged

    def in_buffer(self, qa_halo: np.ndarray, window, raster_size, scheme, qa_nodata) -> np.ndarray:
        """Where the pixels of ``window`` lie within the buffer, from its QA read with ``halo_window``."""
        _, (top, left) = halo_window(window, self.pixels, *raster_size)
        near = dilate(self.flagged(qa_halo, scheme, nodata_mask(qa_halo, qa_nodata)), self.pixels)
        return near[top:top + window[3], left:left + window[2]]


def buffer_for(spec: BufferSpec, scheme, keep_rule) -> Buffer | None:
    """The buffer of a spec (None when it has no pixels); a bad flag rule or width fails here, once."""
    if not spec.pixels:
        return None
    if not 0 < spec.pixels <= MAX_BUFFER_PIXELS:
        raise LaiQaError(tr("The buffer must be 0 to {0} pixels, got {1}").format(MAX_BUFFER_PIXELS, spec.pixels))
    flag_rule = rule_for(scheme, spec.rule) if (spec.rule or "").strip() else None
    return Buffer(spec.pixels, flag_rule, keep_rule)


def dilate(mask: np.ndarray, pixels: int) -> np.ndarray:
    """Square dilation of a 2-D boolean mask: one running count per axis, linear in the pixels."""
    if pixels <= 0:
        return mask.copy()
    return _dilate_axis(_dilate_axis(mask, pixels, 0), pixels, 1)


def _dilate_axis(mask: np.ndarray, pixels: int, axis: int) -> np.ndarray:
    """True where a True lies within ``pixels`` along ``axis``: counts of the running sum's differences."""
    length = mask.shape[axis]
    running = np.cumsum(mask, axis=axis, dtype=np.int32)
    running = np.insert(running, 0, 0, axis=axis)  # running[k] = count of the first k values
    positions = np.arange(length)
    upper = np.minimum(positions + pixels + 1, length)
    lower = np.maximum(positions - pixels, 0)
    return (np.take(running, upper, axis=axis) - np.take(running, lower, axis=axis)) > 0
