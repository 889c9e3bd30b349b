"""The two plots of a validation study, drawn with matplotlib (shipped with QGIS) into PNG files.

Histogram of differences per class, and product against reference as a density scatter with the
1:1 line and the GCOS envelope |d| <= max(0.5, 0.2 * reference). No Qt here: PNGs are shown by the
dialog and saved beside the outputs for reports. Figures are drawn on their own Agg canvas inside a
local ``rc_context``: neither matplotlib's backend nor its global settings change for anyone else
in the QGIS process.
"""
import os
from contextlib import contextmanager

import matplotlib
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ..core.fonts import font_settings, has_cjk, installed_cjk_fonts
from ..core.stats import GCOS_ABSOLUTE, GCOS_RELATIVE


def lacks_cjk_font(texts: dict) -> bool:
    """Whether the texts hold CJK characters that no installed font can draw (the dialog says what to install)."""
    return has_cjk(texts.values()) and not installed_cjk_fonts()


HISTOGRAM_LIMIT = 2.0
# Plot texts; the dialog passes translated ones (this module has no Qt, so no tr()).
TEXTS = {
    "histogram": "Product - reference", "difference": "LAI difference (product - reference)",
    "pixels": "pixels (sample)", "scatter": "Product against reference", "reference": "reference LAI",
    "product": "product LAI", "density": "pixels (log)", "gcos": "GCOS max(0.5, 20 %)",
}


@contextmanager
def _figure(path: str, size: tuple):
    """A figure on its own Agg canvas with our fonts, saved to ``path`` when the block ends."""
    with matplotlib.rc_context(font_settings()):
        figure = Figure(figsize=size, dpi=110)
        FigureCanvasAgg(figure)
        yield figure
        figure.tight_layout()
        figure.savefig(path)


def histogram(sample: dict, path: str, texts: dict = TEXTS) -> str:
    difference = sample["product"] - sample["reference"]
    with _figure(path, (5, 3.6)) as figure:
        _draw_histogram(figure.add_subplot(), sample, difference, texts)
    return path


def _draw_histogram(axes, sample, difference, texts):
    bins = np.linspace(-HISTOGRAM_LIMIT, HISTOGRAM_LIMIT, 81)
    for name in sorted(set(sample["class"].tolist())):
        chosen = sample["class"] == name
        axes.hist(difference[chosen].clip(-HISTOGRAM_LIMIT, HISTOGRAM_LIMIT), bins=bins, histtype="step",
                  label=f"{name} (n={chosen.sum()})")
    axes.axvline(0, color="black", linewidth=0.8)
    axes.set_xlabel(texts["difference"])
    axes.set_ylabel(texts["pixels"])
    axes.set_title(texts["histogram"])
    axes.legend(fontsize=7)


def density_scatter(sample: dict, path: str, texts: dict = TEXTS) -> str:
    with _figure(path, (4.6, 4.2)) as figure:
        _draw_scatter(figure, figure.add_subplot(), sample, texts)
    return path


def _draw_scatter(figure, axes, sample, texts):
    product, reference = sample["product"], sample["reference"]
    top = float(max(np.percentile(np.concatenate([product, reference]), 99.5), 1.0)) if product.size else 7.0
    if product.size:
        cells = axes.hexbin(reference, product, gridsize=60, extent=(0, top, 0, top), mincnt=1, bins="log",
                            cmap="viridis")
        figure.colorbar(cells, ax=axes, label=texts["density"])
    line = np.linspace(0, top, 200)
    envelope = np.maximum(GCOS_ABSOLUTE, GCOS_RELATIVE * line)
    axes.plot(line, line, color="black", linewidth=1, label="1:1")
    axes.plot(line, line + envelope, color="tab:red", linestyle="--", linewidth=1, label=texts["gcos"])
    axes.plot(line, line - envelope, color="tab:red", linestyle="--", linewidth=1)
    axes.set_xlim(0, top)
    axes.set_ylim(0, top)
    axes.set_xlabel(texts["reference"])
    axes.set_ylabel(texts["product"])
    axes.set_title(texts["scatter"])
    axes.legend(fontsize=7, loc="upper left")


def save_plots(sample: dict, output_raster: str, texts: dict = TEXTS) -> list:
    """Both plots beside the difference raster: <name>_histogram.png and <name>_scatter.png."""
    base = os.path.splitext(output_raster)[0]
    texts = {**TEXTS, **texts}
    return [histogram(sample, f"{base}_histogram.png", texts), density_scatter(sample, f"{base}_scatter.png", texts)]
