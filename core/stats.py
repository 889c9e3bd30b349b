"""Validation statistics from running float64 sums: one pass, mergeable across windows and tiles.

Every statistic is a function of a few sums and of a histogram of |d| kept beside them, so windows
(and, in a batch, tiles and workers) are added up and pooled exactly, never averaged from per-tile means.
Conventions: difference d = product - reference (x = reference, y = product); SD is the sample standard
deviation of d (n - 1); the OLS line regresses product on reference (product = slope * reference +
intercept). Model-II lines, for two products that both carry error: reduced (standardised) major axis
slope sign(Sxy) sqrt(Syy / Sxx); major axis (Syy - Sxx + sqrt((Syy - Sxx)^2 + 4 Sxy^2)) / (2 Sxy); Deming
with lambda = error variance of the product / of the reference, (Syy - l Sxx + sqrt((Syy - l Sxx)^2 +
4 l Sxy^2)) / (2 Sxy) (lambda 1 is the major axis). GCOS requirements, as shares of pixels within them:
``gcos_share`` |d| <= max(0.5, 0.2 reference) (the form most LAI validations use); GCOS-244 (2022)
threshold |d| <= max(0.1, 0.2 reference) and goal |d| <= max(0.05, 0.1 reference). They measure
agreement with a reference that has its own error, not conformity. ``median_abs_difference`` comes from
a histogram of |d| in 0.01 LAI bins (its resolution), up to 10 LAI.
"""
from __future__ import annotations

import csv
import math

import numpy as np

from .messages import tr
from .writers import atomic_text_file

SUMS = ("n", "product", "reference", "difference", "abs_difference", "squared_difference",
        "product_squared", "reference_squared", "product_reference", "within_gcos",
        "within_gcos244_threshold", "within_gcos244_goal")
COLUMNS = ("class", "n", "mean_product", "mean_reference", "bias", "mae", "rmse", "sd", "r",
           "slope", "intercept", "gcos_share", "slope_rma", "intercept_rma", "slope_ma", "intercept_ma",
           "slope_deming", "intercept_deming", "gcos244_threshold_share", "gcos244_goal_share", "bias_pct",
           "rmse_pct", "median_abs_difference")
GCOS_ABSOLUTE, GCOS_RELATIVE = 0.5, 0.2  # the requirement most LAI validations use
GCOS244_THRESHOLD = (0.1, 0.2)  # GCOS-244 (2022): absolute floor, relative share
GCOS244_GOAL = (0.05, 0.1)
GCOS_REQUIREMENTS = ((GCOS_ABSOLUTE, GCOS_RELATIVE), GCOS244_THRESHOLD, GCOS244_GOAL)  # each within the one before
ABS_BIN_WIDTH = 0.01  # LAI: the resolution of median_abs_difference
ABS_BINS = 1001  # 0-10 LAI in ABS_BIN_WIDTH bins, then one for everything above
ROWS = len(SUMS) + ABS_BINS  # an accumulator's rows: the named sums, then the |d| histogram


class Accumulator:
    """Sums for K classes at once; ``add`` takes the class index of each valid pixel."""

    def __init__(self, class_names, histogram: bool = True):
        """``histogram=False``: the named sums only (no median |d|), for the many columns of strata x classes."""
        self.class_names = list(class_names)
        self.sums = np.zeros((len(SUMS) + (ABS_BINS if histogram else 0), len(self.class_names)), dtype=np.float64)
        self._window = None  # the window's sums so far, while it comes in parts: _WindowSums

    @property
    def abs_bins(self) -> int:
        """Rows of the |d| histogram after the named sums (0: an accumulator kept without it)."""
        return len(self.sums) - len(SUMS)

    def add(self, class_index: np.ndarray, product: np.ndarray, reference: np.ndarray, last: bool = True) -> None:
        """Valid pixels only: 1-D arrays of equal length (LAI in float64 keeps the sums exact).

        A window may come in parts, in its pixel order, all but the last with ``last=False``: each class's sums
        run on from one part to the next, pixel by pixel, so the window adds exactly what it would in one piece
        (float sums depend on where they restart). Each product of the sums is formed in one scratch array in
        turn, not all at once: these arrays are a part's largest."""
        size = len(self.class_names)
        outcomes = len(GCOS_REQUIREMENTS) + 1
        bins, per_bin = max(self.abs_bins, 1), size * outcomes
        window = self._window or _WindowSums(size, bins * per_bin)
        p = product.astype(np.float64, copy=False)
        r = reference.astype(np.float64, copy=False)
        classes = np.empty((size + len(p),), np.intp)  # each class's running sum first, then the pixels
        classes[:size] = np.arange(size)
        np.copyto(classes[size:], class_index, casting="unsafe")
        weights = np.empty((size + len(p),), np.float64)
        values = weights[size:]

        def total(name):  # each class's sum of ``values``, run on from the window's sum so far
            weights[:size] = window.sums[name]
            window.sums[name] = np.bincount(classes, weights=weights, minlength=size)[:size]

        limit, relative_limit = np.empty(p.shape, np.float64), None
        abs_d = np.abs(np.subtract(p, r, out=values), out=values)
        # The GCOS requirements are nested (absolutes and relative shares never grow, and rounding is monotonic,
        # so no limit exceeds the one before): a pixel's outcome is how many it meets, 0-3.
        met, passed = np.empty(p.shape, np.uint8), np.empty(p.shape, np.bool_)
        met.fill(0)
        for number, (absolute, relative) in enumerate(GCOS_REQUIREMENTS):
            if relative_limit is None or relative != GCOS_REQUIREMENTS[number - 1][1]:
                relative_limit = np.multiply(relative, r, out=np.empty(p.shape, np.float64) if relative_limit is None
                                             else relative_limit)
            np.less_equal(abs_d, np.maximum(relative_limit, absolute, out=limit), out=passed)
            np.add(met, passed.view(np.uint8), out=met)
        # One count per |d| bin, class and outcome gives N, the three GCOS shares and the |d| histogram at once
        # (integer counts, the same as sums of 0/1 weights). Class and outcome are combined in a small type first.
        small = np.empty(p.shape, np.min_scalar_type(per_bin))
        np.multiply(class_index, outcomes, out=small, dtype=small.dtype, casting="unsafe")
        small += met
        index = np.empty(p.shape, np.intp)
        if self.abs_bins:
            # |d| / width truncated is its bin (|d| >= 0); a multiply, as float floor division is ten times slower
            np.copyto(index, np.minimum(np.multiply(abs_d, 1.0 / ABS_BIN_WIDTH, out=limit), ABS_BINS - 1,
                                        out=limit), casting="unsafe")
            index *= per_bin
            index += small
        else:
            np.copyto(index, small)
        window.cells += np.bincount(index, minlength=window.cells.size)[:window.cells.size]
        total("abs")
        for name, first, second in (("p", p, None), ("r", r, None), ("pp", p, p), ("rr", r, r), ("pr", p, r)):
            if second is None:
                values[:] = first
            else:
                np.multiply(first, second, out=values)
            total(name)
        self._window = None if last else window
        if last:
            self._add_window(window, bins, size, outcomes)

    def _add_window(self, window, bins: int, size: int, outcomes: int) -> None:
        """A whole window's sums into the running ones."""
        cells = window.cells.reshape(bins, size, outcomes)  # |d| bin, class, requirements met
        by_outcome = cells.sum(axis=0)
        counts = by_outcome.sum(axis=1)
        sum_gcos, sum_threshold, sum_goal = (by_outcome[:, least:].sum(axis=1) for least in range(1, outcomes))
        s = window.sums
        sum_p, sum_r, sum_pp, sum_rr, sum_pr = s["p"], s["r"], s["pp"], s["rr"], s["pr"]
        # d and d*d sums follow from the others; in float64 the cancellation costs < 1e-13 relative for LAI
        self.sums[:len(SUMS)] += np.array([counts, sum_p, sum_r, sum_p - sum_r, s["abs"],
                                           sum_pp - 2 * sum_pr + sum_rr, sum_pp, sum_rr, sum_pr, sum_gcos,
                                           sum_threshold, sum_goal])
        if self.abs_bins:
            self.sums[len(SUMS):] += cells.sum(axis=2)  # |d| bin x class

    def merge(self, other: Accumulator) -> None:
        if other.class_names != self.class_names:
            raise ValueError("cannot merge statistics of different classes")
        self.sums += other.sums

    def total_row(self, name: str = "all", deming_lambda=None) -> dict:
        """Statistics of every class pooled."""
        return summarise(name, self.sums.sum(axis=1), deming_lambda)

    @classmethod
    def for_bands(cls, band_names, sums=None) -> Accumulator:
        """Accumulator behind a difference raster: its class bands, then 'other' for unlabelled values
        (they count only in the 'all' band)."""
        accumulator = cls([*band_names[:-1], "other"])
        if sums is not None:
            accumulator.sums = np.asarray(sums, dtype=np.float64)
        return accumulator

    def band_rows(self, deming_lambda=None) -> list:
        """One row per band of the difference raster: each class, then 'all' pooled over every class."""
        return [*self.rows(deming_lambda)[:-1], self.total_row("all", deming_lambda)]

    def rows(self, deming_lambda=None) -> list:
        return [summarise(name, self.sums[:, k], deming_lambda) for k, name in enumerate(self.class_names)]


class _WindowSums:
    """One window's sums while it comes in parts: each class's float sums, and its counts per |d| bin, class and
    GCOS outcome (``cells`` of them, flat)."""

    def __init__(self, size: int, cells: int):
        self.sums = {name: np.zeros(size) for name in ("abs", "p", "r", "pp", "rr", "pr")}
        self.cells = np.zeros(cells, np.int64)


STRATA_COLUMNS = ("stratum", *COLUMNS)


def strata_rows(strata_names, band_names, sums, deming_lambda=None) -> list:
    """Rows of STRATA_COLUMNS, for each stratum with kept pixels: its class bands, then 'all'. ``sums`` has
    stratum-major columns (each stratum: the classes, then 'other'); columns past the last stratum (pixels
    of no stratum) are not reported. Strata keep no |d| histogram: their median |d| is empty."""
    per_stratum = len(band_names)  # the class bands and 'other'
    rows = []
    for index, name in enumerate(strata_names):
        columns = np.asarray(sums)[:, index * per_stratum:(index + 1) * per_stratum]
        if columns[0].sum() > 0:
            rows += [{"stratum": name, **row}
                     for row in Accumulator.for_bands(band_names, columns).band_rows(deming_lambda)]
    return rows


def summarise(name: str, column, deming_lambda=None) -> dict:
    """Every statistic of one class from its accumulator column (the sums, then the |d| histogram);
    NaN where it is undefined (too few pixels, no spread; Deming without a lambda)."""
    column = np.asarray(column, dtype=np.float64)
    s = {key: float(value) for key, value in zip(SUMS, column)}  # plain floats: numpy scalars confuse Qt and csv
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
        **_model_two_lines(sxx, syy, sxy, mean_p, mean_r, deming_lambda),
        "gcos244_threshold_share": s["within_gcos244_threshold"] / n,
        "gcos244_goal_share": s["within_gcos244_goal"] / n,
        "bias_pct": 100.0 * bias / mean_r if mean_r else nan,
        "rmse_pct": 100.0 * math.sqrt(s["squared_difference"] / n) / mean_r if mean_r else nan,
        "median_abs_difference": _histogram_median(column[len(SUMS):], n),
    }


def _model_two_lines(sxx, syy, sxy, mean_p, mean_r, deming_lambda) -> dict:
    """Reduced major axis, major axis and Deming slopes and intercepts (NaN where undefined)."""
    nan = float("nan")
    slopes = {"rma": nan, "ma": nan, "deming": nan}
    if sxx > 0 and syy > 0:
        slopes["rma"] = math.copysign(math.sqrt(syy / sxx), sxy) if sxy else nan
    if sxy:
        for key, ratio in (("ma", 1.0), ("deming", deming_lambda)):
            if ratio is not None and ratio > 0:
                spread = syy - ratio * sxx
                slopes[key] = (spread + math.sqrt(spread * spread + 4.0 * ratio * sxy * sxy)) / (2.0 * sxy)
    lines = {}
    for key, slope in slopes.items():
        lines[f"slope_{key}"] = slope
        lines[f"intercept_{key}"] = mean_p - slope * mean_r
    return lines


def _histogram_median(histogram: np.ndarray, n: float) -> float:
    """The centre of the |d| bin holding the median pixel (NaN beyond the last bin's lower edge, or with no
    histogram)."""
    if len(histogram) != ABS_BINS:
        return float("nan")
    index = int(np.searchsorted(np.cumsum(histogram), n / 2.0))
    return (index + 0.5) * ABS_BIN_WIDTH if index < ABS_BINS - 1 else float("nan")


# Completeness: of the pixels the QA puts in a class, how many were kept and why the others were not, each
# under the first reason that applies, in this order (difference.DROP_REASONS); the counts add up to ``pixels``.
# "reference_missing_after_alignment": no valid reference value once resampled onto the product grid (outside
# the reference, or its fill / out-of-range values, which resampling must not average in).
COMPLETENESS_COLUMNS = ("class", "pixels", "kept", "qa_nodata", "dropped_by_rule", "within_buffer",
                        "product_fill_or_out_of_range", "reference_missing_after_alignment",
                        "reference_fill_or_out_of_range")


def completeness_rows(class_names, counts) -> list:
    """One row per class (counts: classes x (kept, then each drop reason)), then 'all'; a class of no pixel
    (an 'other' class no split-field value falls in) is left out."""
    counts = np.asarray(counts, dtype=np.int64)
    rows = []
    for name, class_counts in [*zip(class_names, counts), ("all", counts.sum(axis=0))]:
        if name != "all" and not class_counts.sum():
            continue
        rows.append({"class": name, "pixels": int(class_counts.sum()),
                     **{column: int(value) for column, value in zip(COMPLETENESS_COLUMNS[2:], class_counts)}})
    return rows


def format_completeness(row: dict) -> str:
    """One line for a log."""
    dropped = ", ".join(f"{tr(column.replace('_', ' '))} {row[column]}" for column in COMPLETENESS_COLUMNS[3:])
    return tr("{0}: {1} pixels, {2} kept; not kept: {3}").format(row["class"], row["pixels"], row["kept"], dropped)


def write_table_csv(path: str, rows: list, columns) -> None:
    """A table of rows (dicts) as CSV, for front ends without QGIS."""
    with atomic_text_file(path) as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([csv_text(row[column]) for column in columns])


def format_row(row: dict) -> str:
    """One line for a log: a scientist can cite the run from it."""
    if not row["n"]:
        return tr("{0}: no valid pixels").format(row["class"])
    return (tr("{0}: N={1} mean product={2:.4f} mean reference={3:.4f} bias={4:.4f} MAE={5:.4f} RMSE={6:.4f} "
               "SD={7:.4f} r={8:.4f} slope={9:.4f} intercept={10:.4f} RMA slope={11:.4f} RMA intercept={12:.4f} "
               "median |d|={13:.2f} within GCOS={14:.2%} within GCOS-244 threshold={15:.2%} goal={16:.2%}")
            .format(row["class"], row["n"], row["mean_product"], row["mean_reference"], row["bias"], row["mae"],
                    row["rmse"], row["sd"], row["r"], row["slope"], row["intercept"], row["slope_rma"],
                    row["intercept_rma"], row["median_abs_difference"], row["gcos_share"],
                    row["gcos244_threshold_share"], row["gcos244_goal_share"]))


def csv_text(value) -> str:
    """A statistic as a CSV cell: 10 significant digits, empty where undefined."""
    if isinstance(value, float):
        return "" if math.isnan(value) else f"{value:.10g}"
    return str(value)


TEXT_COLUMNS = ("key", "date", "tile", "class", "stratum", "status", "reason", "product", "reference")


def parsed_row(row: dict) -> dict:
    """A row read back from one of our CSV tables: numbers as numbers (counts as int), NaN where empty."""
    def number(column, value):
        if value in ("", None):
            return float("nan")
        return int(value) if column in ("n", "dates", *COMPLETENESS_COLUMNS[1:]) else float(value)

    return {column: value if column in TEXT_COLUMNS else number(column, value) for column, value in row.items()}


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
