"""The dialog's plots, drawn from the run's exact density (every kept pixel, ``OUTPUT_DENSITY``) by the same
functions as the HTML report (``core.report``): the histogram of differences per class, product against
reference (all kept pixels: log counts, the 1:1, OLS and RMA lines, the GCOS envelope, N, bias and RMSE
written in) and, for a batch, bias and RMSE against date; their words in the core's language
(``core.messages``). No Qt here: each ``draw_*`` draws on any Figure (the dialog's resizable canvases),
``save_plots`` writes PNGs beside the outputs. Artists are made inside a local ``rc_context`` on the
caller's own Figure: neither matplotlib's backend nor its global settings change for anyone else in the
QGIS process.
"""
import os

import matplotlib
from matplotlib.figure import Figure

from ..core import report
from ..core.fonts import font_settings, has_cjk, installed_cjk_fonts


def lacks_cjk_font(texts) -> bool:
    """Whether the texts hold CJK characters that no installed font can draw (the dialog says what to install)."""
    return has_cjk(texts) and not installed_cjk_fonts()


HISTOGRAM_SIZE, SCATTER_SIZE = (5, 3.6), (5.6, 4.2)  # inches at 110 dpi: the saved PNGs' size


def new_figure(size: tuple) -> Figure:
    """A figure that lays itself out again whenever it is resized (the dialog's canvases)."""
    return Figure(figsize=size, dpi=110, layout="constrained")


def draw_histogram(figure: Figure, density: dict) -> bool:
    """Product - reference per class from the density (to within its 0.05 LAI bins), on ``figure``."""
    with matplotlib.rc_context(font_settings()):
        figure.clear()
        centres, histograms = report.signed_histograms(density)
        return report.draw_histograms(figure, centres, histograms, True)


def draw_scatter(figure: Figure, density: dict, rows: list, summary: str = "") -> bool:
    """Product against reference for all kept pixels, with the lines of the 'all' row of ``rows``."""
    with matplotlib.rc_context(font_settings()):
        figure.clear()
        return report.draw_density(figure, density, rows, names=["all"], summary=summary, beside=True) > 0


def draw_time_series(figure: Figure, date_rows: list) -> bool:
    """Bias and RMSE per date (a batch's ``summary_by_date.csv`` rows), one line per class."""
    with matplotlib.rc_context(font_settings()):
        figure.clear()
        if not date_rows:
            return False
        report.draw_time_series(figure, date_rows)
        return True


def save_figure(figure: Figure, path: str) -> str:
    """``figure`` as PNG or SVG (by the extension; matplotlib picks its own renderer for the file, whatever
    canvas shows the figure)."""
    with matplotlib.rc_context(font_settings()):
        figure.savefig(path)
    return path


def save_plots(density: dict, rows: list, output_raster: str, summary: str = "") -> list:
    """Both plots beside the difference raster: <name>_histogram.png and <name>_scatter.png."""
    base = os.path.splitext(output_raster)[0]
    saved = []
    histogram, scatter = new_figure(HISTOGRAM_SIZE), new_figure(SCATTER_SIZE)
    if draw_histogram(histogram, density):
        saved.append(save_figure(histogram, f"{base}_histogram.png"))
    if draw_scatter(scatter, density, rows, summary):
        saved.append(save_figure(scatter, f"{base}_scatter.png"))
    return saved
