"""The plots draw from the exact density with the report's functions, draw Chinese labels with an installed CJK
font, change no global matplotlib setting, and say what to install where no CJK font is."""
import warnings

import matplotlib
import numpy as np
import pytest

from laiqa.core import messages
from laiqa.core.density import Density
from laiqa.core.stats import Accumulator
from laiqa.ui import plots

CHINESE = {"Product LAI": "待验证产品 LAI", "Reference LAI": "参考 LAI", "Pixels (log)": "像元数（对数）",
           "Product - reference (LAI)": "待验证产品 − 参考产品（LAI）",
           "Share of the class's pixels (%)": "像元占比（%）",
           "GCOS max(0.5, 20 %)": "GCOS 要求"}


def chinese(text):
    return CHINESE.get(text, text)


def density_and_rows():
    """A density and statistics of three classes of a noisy product, as a run gives them."""
    rng = np.random.default_rng(1)
    reference = rng.gamma(2.0, 1.2, 3000)
    product = np.clip(reference + rng.normal(0, 0.4, reference.size), 0, None)
    classes = rng.integers(0, 3, reference.size)
    names = ["DRT", "ECO", "WAT", "other"]
    density, accumulator = Density(names, 200), Accumulator(names)
    density.add(classes, product, reference)
    accumulator.add(classes, product, reference)
    bands, counts = density.band_counts()
    return {"classes": bands, "counts": counts, "edges": np.arange(201) * 0.05}, accumulator.band_rows()


def test_the_scatter_draws_every_kept_pixel_with_the_rows_lines(tmp_path):
    density, rows = density_and_rows()
    figure = plots.new_figure(plots.SCATTER_SIZE)
    assert plots.draw_scatter(figure, density, rows, summary="N = 3,000")
    axes = figure.axes[0]
    mesh = axes.collections[0]
    assert int(np.ma.sum(mesh.get_array())) == 3000  # every pixel counted, none sampled
    everything = rows[-1]
    labels = [line.get_label() for line in axes.get_lines()]
    assert f"OLS: y = {everything['slope']:.3f}x {everything['intercept']:+.3f}" in labels
    assert f"RMA: y = {everything['slope_rma']:.3f}x {everything['intercept_rma']:+.3f}" in labels
    assert axes.get_legend().get_title().get_text() == "N = 3,000"


def test_chinese_labels_are_drawn_without_missing_glyphs(tmp_path):
    if not plots.installed_cjk_fonts():
        pytest.skip("no CJK font installed (scripts/debian-packages.txt installs one)")
    before = dict(matplotlib.rcParams)
    backend = matplotlib.get_backend()
    density, rows = density_and_rows()
    messages.set_translator(chinese)  # the plots speak the core's language, as under QGIS in Chinese
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            paths = plots.save_plots(density, rows, str(tmp_path / "d.tif"))
    finally:
        messages.set_translator(None)
    missing = [str(warning.message) for warning in caught if "missing from" in str(warning.message)]
    assert missing == []
    assert all((tmp_path / name).stat().st_size > 5000 for name in ("d_histogram.png", "d_scatter.png"))
    assert [str(path) for path in paths] == [str(tmp_path / "d_histogram.png"), str(tmp_path / "d_scatter.png")]
    assert dict(matplotlib.rcParams) == before and matplotlib.get_backend() == backend
    assert not plots.lacks_cjk_font(CHINESE.values())


def test_without_a_cjk_font_the_user_is_told(monkeypatch):
    monkeypatch.setattr(plots, "installed_cjk_fonts", lambda: [])
    assert plots.lacks_cjk_font(CHINESE.values())
    assert not plots.lacks_cjk_font(CHINESE)  # English labels need none
