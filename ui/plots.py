"""The two plots of a validation study, drawn with matplotlib (shipped with QGIS).

Histogram of differences per class, and product against reference as a scatter coloured by class with
the 1:1 line, the GCOS envelope |d| <= max(0.5, 0.2 * reference) and N, bias and RMSE written in. No Qt
here: ``draw_histogram`` and ``draw_scatter`` draw on any Figure (the dialog's resizable canvases), and
``save_plots`` writes PNGs beside the outputs for reports. Artists are made inside a local
``rc_context`` on the caller's own Figure: neither matplotlib's backend nor its global settings change
for anyone else in the QGIS process.
"""
import os

import matplotlib
import numpy as np
from matplotlib.figure import Figure

from ..core.fonts import font_settings, has_cjk, installed_cjk_fonts
from ..core.stats import GCOS_ABSOLUTE, GCOS_RELATIVE


def lacks_cjk_font(texts: dict) -> bool:
    """Whether the texts hold CJK characters that no installed font can draw (the dialog says what to install)."""
    return has_cjk(texts.values()) and not installed_cjk_fonts()


HISTOGRAM_LIMIT = 2.0
HISTOGRAM_SIZE, SCATTER_SIZE = (5, 3.6), (5.6, 4.2)  # inches at 110 dpi: the saved PNGs' size
CLASS_COLOURS = ("tab:blue", "tab:orange", "tab:green", "tab:purple", "tab:brown", "tab:pink", "tab:olive",
                 "tab:cyan", "tab:gray")  # not red: red is the GCOS envelope
# Plot texts; the dialog passes translated ones (this module has no Qt, so no tr()).
TEXTS = {
    "histogram": "Product - reference", "difference": "LAI difference (product - reference)",
    "pixels": "pixels (sample)", "scatter": "Product against reference", "reference": "reference LAI",
    "product": "product LAI", "gcos": "GCOS max(0.5, 20 %)",
}


def class_colours(classes) -> dict:
    """Class name -> colour, the same in both plots (classes in sorted order)."""
    names = sorted(set(np.asarray(classes).tolist()))
    return {name: CLASS_COLOURS[index % len(CLASS_COLOURS)] for index, name in enumerate(names)}


def new_figure(size: tuple) -> Figure:
    """A figure that lays itself out again whenever it is resized (the dialog's canvases)."""
    return Figure(figsize=size, dpi=110, layout="tight")


def draw_histogram(figure: Figure, sample: dict, texts: dict = TEXTS) -> Figure:
    """Differences per class, clipped to +-HISTOGRAM_LIMIT, on ``figure`` (cleared first)."""
    texts = {**TEXTS, **texts}
    with matplotlib.rc_context(font_settings()):
        figure.clear()
        axes = figure.add_subplot()
        difference = sample["product"] - sample["reference"]
        bins = np.linspace(-HISTOGRAM_LIMIT, HISTOGRAM_LIMIT, 81)
        for name, colour in class_colours(sample["class"]).items():
            chosen = sample["class"] == name
            axes.hist(difference[chosen].clip(-HISTOGRAM_LIMIT, HISTOGRAM_LIMIT), bins=bins, histtype="step",
                      color=colour, label=f"{name} (n={chosen.sum():,})")
        axes.axvline(0, color="black", linewidth=0.8)
        axes.set_xlabel(texts["difference"])
        axes.set_ylabel(texts["pixels"])
        axes.set_title(texts["histogram"])
        if sample["class"].size:
            axes.legend(fontsize=7)
    return figure


def draw_scatter(figure: Figure, sample: dict, texts: dict = TEXTS, summary: str = "") -> Figure:
    """Product against reference, one colour per class, with the 1:1 line, the GCOS envelope and
    ``summary`` (the run's N, bias, RMSE as the caller formats them) written in the lower right."""
    texts = {**TEXTS, **texts}
    with matplotlib.rc_context(font_settings()):
        figure.clear()
        axes = figure.add_subplot()
        product, reference = sample["product"], sample["reference"]
        top = float(max(np.percentile(np.concatenate([product, reference]), 99.5), 1.0)) if product.size else 7.0
        for name, colour in class_colours(sample["class"]).items():
            chosen = sample["class"] == name
            axes.scatter(reference[chosen], product[chosen], s=3, alpha=0.35, color=colour, linewidths=0,
                         label=name, rasterized=True)  # rasterized: an SVG of 100 000 dots stays small
        line = np.linspace(0, top, 200)
        envelope = np.maximum(GCOS_ABSOLUTE, GCOS_RELATIVE * line)
        axes.plot(line, line, color="black", linewidth=1, label="1:1")
        axes.plot(line, line + envelope, color="tab:red", linestyle="--", linewidth=1, label=texts["gcos"])
        axes.plot(line, line - envelope, color="tab:red", linestyle="--", linewidth=1)
        axes.set_xlim(0, top)
        axes.set_ylim(0, top)
        axes.set_aspect("equal", adjustable="box")
        axes.set_xlabel(texts["reference"])
        axes.set_ylabel(texts["product"])
        axes.set_title(texts["scatter"])
        # the figures head the legend, one box beside the square plot (where a wide window has room): neither
        # covers the points nor the other, whatever the window's size
        legend = axes.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.03, 1.0), borderaxespad=0,
                             markerscale=3, title=summary or None, title_fontsize=7)
        legend._legend_box.align = "left"  # the title's lines flush left, as the entries (no public API in 3.6)
        for handle in legend.legend_handles if hasattr(legend, "legend_handles") else legend.legendHandles:
            handle.set_alpha(1)
    return figure


def save_figure(figure: Figure, path: str) -> str:
    """``figure`` as PNG or SVG (by the extension; matplotlib picks its own renderer for the file, whatever
    canvas shows the figure)."""
    with matplotlib.rc_context(font_settings()):
        figure.savefig(path)
    return path


def save_plots(sample: dict, output_raster: str, texts: dict = TEXTS, summary: str = "") -> list:
    """Both plots beside the difference raster: <name>_histogram.png and <name>_scatter.png."""
    base = os.path.splitext(output_raster)[0]
    return [save_figure(draw_histogram(new_figure(HISTOGRAM_SIZE), sample, texts), f"{base}_histogram.png"),
            save_figure(draw_scatter(new_figure(SCATTER_SIZE), sample, texts, summary), f"{base}_scatter.png")]
