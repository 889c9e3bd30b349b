"""Validation statistics from running float64 sums: one pass, mergeable across windows and tiles.

Every statistic is a function of nine sums, so windows (and, in a batch, tiles)
are added up and pooled exactly, never averaged from per-tile means.
Conventions: difference d = product - reference; SD is the sample standard deviation
of d (n - 1); the OLS line regresses product on reference (product = slope * reference
+ intercept); the GCOS requirement for LAI is |d| <= max(0.5, 0.2 * reference).
"""
from __future__ import annotations

import csv
import math

import numpy as np

from .writers import atomic_text_file

SUMS = ("n", "product", "reference", "difference", "abs_difference", "squared_difference",
        "product_squared", "reference_squared", "product_reference", "within_gcos")
COLUMNS = ("class", "n", "mean_product", "mean_reference", "bias", "mae", "rmse", "sd", "r",
           "slope", "intercept", "gcos_share")
GCOS_ABSOLUTE, GCOS_RELATIVE = 0.5, 0.2


def within_gcos(abs_difference: np.ndarray, reference: np.ndarray, scratch=None) -> np.ndarray:
    """The GCOS LAI requirement, |d| <= max(0.5, 20 % of reference), given |d| already computed
    (``scratch``: an array like ``reference`` to hold the limit, instead of two new ones)."""
    limit = np.multiply(GCOS_RELATIVE, reference, out=scratch)
    return abs_difference <= np.maximum(limit, GCOS_ABSOLUTE, out=limit)


class Accumulator:
    """Sums for K classes at once; ``add`` takes the class index of each valid pixel."""

    def __init__(self, class_names):
        self.class_names = list(class_names)
        self.sums = np.zeros((len(SUMS), len(self.class_names)), dtype=np.float64)

    def add(self, class_index: np.ndarray, product: np.ndarray, reference: np.ndarray) -> None:
        """Valid pixels only: 1-D arrays of equal length (LAI in float64 keeps the sums exact).

        Each product of the sums is formed in one scratch array in turn, not all at once: the same
        arithmetic in a fifth of the memory (these arrays are the largest of a window)."""
        size = len(self.class_names)
        p = product.astype(np.float64, copy=False)
        r = reference.astype(np.float64, copy=False)

        def total(weights=None):
            return np.bincount(class_index, weights=weights, minlength=size)[:size]

        scratch = np.empty_like(p)
        abs_d = np.abs(np.subtract(p, r, out=scratch), out=scratch)
        sum_gcos = total(within_gcos(abs_d, r, np.empty_like(p)))
        counts, sum_p, sum_r, sum_abs = total(), total(p), total(r), total(abs_d)
        sum_pp = total(np.multiply(p, p, out=scratch))
        sum_rr = total(np.multiply(r, r, out=scratch))
        sum_pr = total(np.multiply(p, r, out=scratch))
        # d and d*d sums follow from the others; in float64 the cancellation costs < 1e-13 relative for LAI
        self.sums += np.array([counts, sum_p, sum_r, sum_p - sum_r, sum_abs, sum_pp - 2 * sum_pr + sum_rr,
                               sum_pp, sum_rr, sum_pr, sum_gcos])

    def merge(self, other: Accumulator) -> None:
        if other.class_names != self.class_names:
            raise ValueError("cannot merge statistics of different classes")
        self.sums += other.sums

    def total_row(self, name: str = "all") -> dict:
        """Statistics of every class pooled."""
        return summarise(name, dict(zip(SUMS, self.sums.sum(axis=1))))

    @classmethod
    def for_bands(cls, band_names, sums=None) -> Accumulator:
        """Accumulator behind a difference raster: its class bands, then 'other' for unlabelled values
        (they count only in the 'all' band)."""
        accumulator = cls([*band_names[:-1], "other"])
        if sums is not None:
            accumulator.sums = np.asarray(sums, dtype=np.float64)
        return accumulator

    def band_rows(self) -> list:
        """One row per band of the difference raster: each class, then 'all' pooled over every class."""
        return [*self.rows()[:-1], self.total_row("all")]

    def rows(self) -> list:
        return [summarise(name, dict(zip(SUMS, self.sums[:, k]))) for k, name in enumerate(self.class_names)]


def summarise(name: str, s: dict) -> dict:
    """Every statistic of one class from its sums; NaN where it is undefined (too few pixels, no spread)."""
    s = {key: float(value) for key, value in s.items()}  # plain floats: numpy scalars confuse Qt and csv
    n = s["n"]
    nan = float("nan")
    if n == 0:
        return {"class": name, "n": 0, **{c: nan for c in COLUMNS[2:]}}
    mean_p, mean_r, bias = s["product"] / n, s["reference"] / n, s["difference"] / n
    sxx = s["reference_squared"] - n * mean_r * mean_r
    syy = s["product_squared"] - n * mean_p * mean_p
    sxy = s["product_reference"] - n * mean_p * mean_r
    sdd = s["squared_difference"] - n * bias * bias
    slope = sxy / sxx if sxx > 0 else nan
    return {
        "class": name,
        "n": int(n),
        "mean_product": mean_p,
        "mean_reference": mean_r,
        "bias": bias,
        "mae": s["abs_difference"] / n,
        "rmse": math.sqrt(s["squared_difference"] / n),
        "sd": math.sqrt(max(sdd, 0.0) / (n - 1)) if n > 1 else nan,
        "r": sxy / math.sqrt(sxx * syy) if sxx > 0 and syy > 0 else nan,
        "slope": slope,
        "intercept": mean_p - slope * mean_r if sxx > 0 else nan,
        "gcos_share": s["within_gcos"] / n,
    }


def format_row(row: dict) -> str:
    """One line for a log: a scientist can cite the run from it."""
    if not row["n"]:
        return f"{row['class']}: no valid pixels"
    return (f"{row['class']}: N={row['n']} mean product={row['mean_product']:.4f} "
            f"mean reference={row['mean_reference']:.4f} bias={row['bias']:.4f} MAE={row['mae']:.4f} "
            f"RMSE={row['rmse']:.4f} SD={row['sd']:.4f} r={row['r']:.4f} slope={row['slope']:.4f} "
            f"intercept={row['intercept']:.4f} within GCOS={row['gcos_share']:.2%}")


def csv_text(value) -> str:
    """A statistic as a CSV cell: 10 significant digits, empty where undefined."""
    if isinstance(value, float):
        return "" if math.isnan(value) else f"{value:.10g}"
    return str(value)


def write_rows_csv(path: str, rows: list) -> None:
    """The statistics table (one row per class, stats.COLUMNS) as CSV, for front ends without QGIS."""
    with atomic_text_file(path) as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for row in rows:
            writer.writerow([csv_text(row[column]) for column in COLUMNS])


def write_sample_csv(path: str, sample: dict) -> None:
    """The plotted pixels (product, reference, class) as CSV, so plots can be redrawn elsewhere."""
    with atomic_text_file(path) as handle:
        writer = csv.writer(handle)
        writer.writerow(["product", "reference", "class"])
        for product, reference, name in zip(sample["product"], sample["reference"], sample["class"]):
            writer.writerow([f"{product:.6g}", f"{reference:.6g}", name])


def read_sample_csv(path: str) -> dict:
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return {"product": np.array([float(r["product"]) for r in rows]),
            "reference": np.array([float(r["reference"]) for r in rows]),
            "class": np.array([r["class"] for r in rows])}
