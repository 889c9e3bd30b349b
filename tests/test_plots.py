"""The plots draw Chinese labels with an installed CJK font, change no global matplotlib setting, and say
what to install where no CJK font is."""
import warnings

import matplotlib
import numpy as np
import pytest

from laiqa.ui import plots

CHINESE = {"histogram": "待验证产品 − 参考产品", "difference": "LAI 差值", "pixels": "像元数",
           "scatter": "待验证产品与参考产品", "reference": "参考 LAI", "product": "待验证 LAI",
           "density": "像元数（对数）", "gcos": "GCOS 要求"}


def sample():
    rng = np.random.default_rng(1)
    reference = rng.gamma(2.0, 1.2, 3000)
    return {"product": reference + rng.normal(0, 0.4, reference.size), "reference": reference,
            "class": np.array(["DRT", "ECO", "WAT"])[rng.integers(0, 3, reference.size)]}


def test_chinese_labels_are_drawn_without_missing_glyphs(tmp_path):
    if not plots.installed_cjk_fonts():
        pytest.skip("no CJK font installed (scripts/debian-packages.txt installs one)")
    before = dict(matplotlib.rcParams)
    backend = matplotlib.get_backend()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        paths = plots.save_plots(sample(), str(tmp_path / "d.tif"), CHINESE)
    missing = [str(warning.message) for warning in caught if "missing from" in str(warning.message)]
    assert missing == []
    assert all((tmp_path / name).stat().st_size > 5000 for name in ("d_histogram.png", "d_scatter.png"))
    assert [str(path) for path in paths] == [str(tmp_path / "d_histogram.png"), str(tmp_path / "d_scatter.png")]
    assert dict(matplotlib.rcParams) == before and matplotlib.get_backend() == backend
    assert not plots.lacks_cjk_font(CHINESE)


def test_without_a_cjk_font_the_user_is_told(monkeypatch):
    monkeypatch.setattr(plots, "installed_cjk_fonts", lambda: [])
    assert plots.lacks_cjk_font(CHINESE)
    assert not plots.lacks_cjk_font(plots.TEXTS)  # English labels need none
