"""The statistics a validation study reports, against formulas written out here in numpy: Model-II lines,
both GCOS requirements, relative figures, the median |d|, and exact pooling over windows, tiles and workers."""
import math

import numpy as np
import pytest

from laiqa.core.errors import LaiQaError
from laiqa.core.stats import Accumulator, summarise

CLASSES = ["DRT", "ECO", "other"]


def rows_of(product, reference, classes=None, deming_lambda=None):
    accumulator = Accumulator(CLASSES)
    classes = np.zeros(len(product), np.uint8) if classes is None else classes
    accumulator.add(classes, np.asarray(product, np.float64), np.asarray(reference, np.float64))
    return accumulator.rows(deming_lambda)


def expected(product, reference, deming_lambda):
    """Each figure from its textbook formula, computed directly on the pixels."""
    x, y = np.asarray(reference, np.float64), np.asarray(product, np.float64)
    d = y - x
    sxx, syy = ((x - x.mean()) ** 2).sum(), ((y - y.mean()) ** 2).sum()
    sxy = ((x - x.mean()) * (y - y.mean())).sum()
    rma = np.sign(sxy) * np.sqrt(syy / sxx)
    ma = (syy - sxx + np.sqrt((syy - sxx) ** 2 + 4 * sxy ** 2)) / (2 * sxy)
    deming = (syy - deming_lambda * sxx + np.sqrt((syy - deming_lambda * sxx) ** 2
                                                  + 4 * deming_lambda * sxy ** 2)) / (2 * sxy)
    return {
        "slope_rma": rma, "intercept_rma": y.mean() - rma * x.mean(),
        "slope_ma": ma, "intercept_ma": y.mean() - ma * x.mean(),
        "slope_deming": deming, "intercept_deming": y.mean() - deming * x.mean(),
        "gcos_share": np.mean(np.abs(d) <= np.maximum(0.5, 0.2 * x)),
        "gcos244_threshold_share": np.mean(np.where(x >= 0.5, np.abs(d) <= 0.2 * x, np.abs(d) <= 0.1)),
        "gcos244_goal_share": np.mean(np.where(x >= 0.5, np.abs(d) <= 0.1 * x, np.abs(d) <= 0.05)),
        "bias_pct": 100 * d.mean() / x.mean(),
        "rmse_pct": 100 * np.sqrt(np.mean(d ** 2)) / x.mean(),
    }


def test_a_perfect_line_gives_every_slope_and_intercept():
    reference = np.linspace(0.2, 6.0, 50)
    row = rows_of(2 * reference + 1, reference, deming_lambda=3.0)[0]
    for name in ("", "_rma", "_ma", "_deming"):
        assert row[f"slope{name}"] == pytest.approx(2.0, rel=1e-9)
        assert row[f"intercept{name}"] == pytest.approx(1.0, rel=1e-9)


def test_a_symmetric_cloud_has_a_reduced_major_axis_slope_of_one():
    rng = np.random.default_rng(5)
    a, b = rng.gamma(2.0, 1.0, 500), rng.gamma(2.0, 1.0, 500)
    a = a + b  # correlated, then made symmetric: every (x, y) also appears as (y, x)
    row = rows_of(np.concatenate([a, b]), np.concatenate([b, a]))[0]
    assert row["slope_rma"] == pytest.approx(1.0, abs=1e-12)
    assert row["slope_ma"] == pytest.approx(1.0, abs=1e-12)
    assert row["slope"] < 1.0  # OLS on the same cloud is dragged down by the error in x


def test_every_new_figure_equals_its_formula_on_noisy_products():
    rng = np.random.default_rng(7)
    truth = rng.gamma(2.0, 1.2, 20000)
    reference = np.clip(truth + rng.normal(0, 0.3, truth.size), 0, None)
    product = np.clip(0.7 * truth + rng.normal(0, 0.5, truth.size), 0, None)
    row = rows_of(product, reference, deming_lambda=2.5)[0]
    for name, value in expected(product, reference, 2.5).items():
        assert row[name] == pytest.approx(value, rel=1e-9, abs=1e-12), name


def test_gcos_counts_are_exact_on_and_beside_every_limit():
    """Pixels on each requirement's limit, a hair inside and outside it, on both sides of the reference where the
    relative share takes over: each class's counts equal the requirement applied pixel by pixel."""
    from laiqa.core.stats import SUMS
    reference = np.repeat([0.0, 0.25, 0.5, 1.0, 2.5, 5.0, 9.0], 24)
    limits = np.stack([np.maximum(a, r * reference) for a, r in ((0.5, 0.2), (0.1, 0.2), (0.05, 0.1))])
    nudge = np.tile(np.repeat([-1e-9, 0.0, 1e-9], 8), 7)
    which = np.tile(np.arange(24) % 3, 7)
    sign = np.tile(np.repeat([1.0, -1.0], 4), 21)
    product = reference + sign * (limits[which, np.arange(len(reference))] + nudge)
    classes = np.arange(len(reference), dtype=np.uint8) % 3
    accumulator = Accumulator(CLASSES)
    accumulator.add(classes, product, reference)
    d = np.abs(product - reference)
    for k in range(3):
        mine = classes == k
        for row, (absolute, relative) in zip(("within_gcos", "within_gcos244_threshold", "within_gcos244_goal"),
                                             ((0.5, 0.2), (0.1, 0.2), (0.05, 0.1))):
            inside = d[mine] <= np.maximum(absolute, relative * reference[mine])
            assert accumulator.sums[SUMS.index(row), k] == inside.sum(), (row, k)
        assert accumulator.sums[SUMS.index("n"), k] == mine.sum()


def test_the_median_absolute_difference_is_right_to_its_bin_width():
    rng = np.random.default_rng(11)
    reference = rng.uniform(0.5, 5, 10001)
    product = reference + rng.normal(0, 0.4, reference.size)
    row = rows_of(product, reference)[0]
    true_median = np.median(np.abs(product - reference))
    assert abs(row["median_abs_difference"] - true_median) <= 0.005 + 1e-9  # half of the 0.01 LAI bin


def test_deming_is_empty_without_a_ratio_and_undefined_figures_are_nan():
    row = rows_of([1.0, 2.0, 3.0], [1.0, 2.0, 3.0])[0]
    assert math.isnan(row["slope_deming"]) and math.isnan(row["intercept_deming"])
    flat = rows_of([1.0, 2.0, 3.0], [2.0, 2.0, 2.0])[0]  # no spread in the reference
    assert math.isnan(flat["slope_rma"]) and math.isnan(flat["slope"])


def test_pooling_two_tiles_equals_their_pixels_together():
    rng = np.random.default_rng(3)
    tiles = []
    for _ in range(2):
        reference = rng.gamma(2.0, 1.2, 3000)
        product = reference * 0.9 + rng.normal(0, 0.4, reference.size)
        classes = rng.integers(0, 3, reference.size).astype(np.uint8)
        tiles.append((classes, product, reference))
    pooled = Accumulator(CLASSES)
    for classes, product, reference in tiles:
        one = Accumulator(CLASSES)
        one.add(classes, product, reference)
        pooled.merge(one)
    together = Accumulator(CLASSES)
    together.add(*(np.concatenate(parts) for parts in zip(*tiles)))
    for merged_row, joint_row in zip(pooled.rows(1.5), together.rows(1.5)):
        assert merged_row["n"] == joint_row["n"]
        assert merged_row["median_abs_difference"] == joint_row["median_abs_difference"]  # same histogram
        for name, value in joint_row.items():
            if name not in ("class", "n"):
                assert merged_row[name] == pytest.approx(value, rel=1e-10, abs=1e-12), name


@pytest.mark.parametrize("histogram", [True, False])
def test_a_window_added_in_parts_adds_the_same_bits_as_in_one_piece(histogram):
    rng = np.random.default_rng(5)
    reference = rng.gamma(2.0, 1.2, 10000)
    product = reference * 0.9 + rng.normal(0, 0.4, reference.size)
    classes = rng.integers(0, 3, reference.size).astype(np.uint8)
    whole, in_parts, restarted = (Accumulator(CLASSES, histogram) for _ in range(3))
    for window in (slice(0, 6000), slice(6000, 10000)):
        whole.add(classes[window], product[window], reference[window])
        cuts = [window.start, window.start + 7, window.start + 7, window.start + 2500, window.stop]  # one part empty
        for number, (start, stop) in enumerate(zip(cuts, cuts[1:])):
            in_parts.add(classes[start:stop], product[start:stop], reference[start:stop], last=number == 3)
            restarted.add(classes[start:stop], product[start:stop], reference[start:stop])
    assert in_parts.sums.tobytes() == whole.sums.tobytes()
    assert restarted.sums.tobytes() != whole.sums.tobytes()  # float sums depend on where they restart


def test_an_empty_class_gives_nan_figures_not_an_error():
    row = summarise("WAT", np.zeros_like(Accumulator(CLASSES).sums[:, 0]))
    assert row["n"] == 0 and math.isnan(row["slope_rma"]) and math.isnan(row["median_abs_difference"])


@pytest.mark.parametrize("ratio", [0.0, -1.0])
def test_a_deming_ratio_that_is_not_positive_is_refused(tmp_path, ratio):
    from laiqa.core.difference import check_settings
    from laiqa.core.inputs import DifferenceSettings
    from laiqa.core.qa.scheme import load_preset

    with pytest.raises(LaiQaError, match=f"^The Deming error-variance ratio must be a positive number, got {ratio:g}$"):
        check_settings(DifferenceSettings(deming_lambda=ratio), load_preset("own_lai"))
