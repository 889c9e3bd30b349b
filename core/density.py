"""The exact density of product against reference LAI: a 2-D histogram of every kept pixel, per class.

It replaces a sample of ~20,000 pixels behind the density scatter: counts in fixed 0.05 LAI bins from
0 up to the largest LAI either encoding can hold (at most ``DENSITY_MAX_LAI``; larger values count in the
last bin), added up window by window and, in a batch, pair by pair exactly. Bins start at 0 with one
width, so densities of different tops pool by padding the smaller one.

The file (``OUTPUT_DENSITY``) is a compressed numpy archive a script reads with ``numpy.load``:
``counts[c, i, j]`` = kept pixels of class ``classes[c]`` with product LAI in bin i and reference LAI in
bin j (bin k covers ``edges[k]`` to ``edges[k + 1]``); the last class is ``all``.
"""
from __future__ import annotations

import math

import numpy as np

from .errors import LaiQaError
from .messages import tr
from .writers import atomic_file

DENSITY_BIN = 0.05  # LAI
DENSITY_MAX_LAI = 15.0  # the top bin's upper edge at most; the default where an encoding has no valid maximum
DENSITY_FORMAT = 1


def density_bins(*encodings) -> int:
    """Bins per axis: up to the largest valid LAI of the encodings, in whole LAI, at most DENSITY_MAX_LAI."""
    tops = [encoding.valid_max * encoding.scale + encoding.offset
            for encoding in encodings if encoding.valid_max is not None]
    top = min(max(tops), DENSITY_MAX_LAI) if tops and len(tops) == len(encodings) else DENSITY_MAX_LAI
    return round(math.ceil(max(top, 1.0)) / DENSITY_BIN)


class Density:
    """Counts per class (the class bands, then 'other' like the statistics' accumulator) and LAI bin pair."""

    def __init__(self, class_names, bins: int, counts=None):
        self.class_names = list(class_names)
        self.bins = int(bins)
        self.counts = (np.zeros((len(self.class_names), self.bins, self.bins), np.int64) if counts is None
                       else np.asarray(counts, dtype=np.int64))

    def add(self, class_index: np.ndarray, product: np.ndarray, reference: np.ndarray) -> None:
        """Kept pixels: their class index and LAI (1-D arrays of equal length)."""
        bins = self.bins
        cell = _bin_of(product, bins)
        cell *= bins
        cell += _bin_of(reference, bins)
        cell += class_index.astype(np.intp) * (bins * bins)
        size = len(self.class_names) * bins * bins
        self.counts += np.bincount(cell, minlength=size)[:size].reshape(self.counts.shape)

    def merge(self, other: Density) -> None:
        """Pool another density of the same classes (its bins may be fewer or more: bins start at 0)."""
        if other.class_names != self.class_names:
            raise ValueError("cannot merge densities of different classes")
        if other.bins > self.bins:
            self.counts = _padded(self.counts, other.bins)
            self.bins = other.bins
        self.counts += _padded(other.counts, self.bins)

    def edges(self) -> np.ndarray:
        """The bins' edges in LAI, from 0."""
        return np.arange(self.bins + 1) * DENSITY_BIN

    def band_counts(self) -> tuple:
        """(names, counts) of the class bands and 'all' (every class, 'other' included), as written."""
        names = [*self.class_names[:-1], "all"]
        return names, np.concatenate([self.counts[:-1], self.counts.sum(axis=0)[np.newaxis]])

    def as_written(self) -> dict:
        """{'classes', 'counts', 'edges'} as ``read_density_file`` gives them back (what the report draws)."""
        names, counts = self.band_counts()
        return {"classes": names, "counts": counts, "edges": self.edges()}

    def save(self, path: str) -> None:
        names, counts = self.band_counts()
        with atomic_file(path, binary=True) as handle:
            np.savez_compressed(handle, counts=counts, classes=np.array(names), format=DENSITY_FORMAT,
                                edges=self.edges(), bin_width=DENSITY_BIN)


def read_density_file(path: str) -> dict:
    """A density file as written: {'classes': names ending with 'all', 'counts': array, 'edges': bin edges}."""
    try:
        with np.load(path, allow_pickle=False) as archive:
            return {"classes": [str(name) for name in archive["classes"]], "counts": archive["counts"],
                    "edges": archive["edges"]}
    except (OSError, ValueError, KeyError) as error:
        raise LaiQaError(tr("Cannot read the density file '{0}': {1}").format(path, error)) from None


def read_density(path: str) -> Density:
    """A density file as the Density that wrote it ('other' is what 'all' holds beyond the class bands)."""
    saved = read_density_file(path)
    counts = saved["counts"]
    other = counts[-1] - counts[:-1].sum(axis=0)
    return Density([*saved["classes"][:-1], "other"], len(saved["edges"]) - 1,
                   np.concatenate([counts[:-1], other[np.newaxis]]))


def _bin_of(lai: np.ndarray, bins: int) -> np.ndarray:
    """The bin of each LAI value: truncated LAI / width, negative values in the first bin, large in the last."""
    index = np.multiply(lai, 1.0 / DENSITY_BIN)
    np.clip(index, 0, bins - 1, out=index)
    return index.astype(np.intp)


def _padded(counts: np.ndarray, bins: int) -> np.ndarray:
    extra = bins - counts.shape[1]
    return np.pad(counts, ((0, 0), (0, extra), (0, extra))) if extra else counts
