"""The validation report: one self-contained HTML file with the tables and figures a paper or a colleague needs.

Everything is inside the file (figures as PNG data URIs, CSS inline, no script), so it opens on an offline
workstation in any browser and prints on A4. Figures are drawn with matplotlib on their own Agg canvas inside
a local ``rc_context`` (never pyplot, never a process-wide backend). Table cells show 4 decimals (shares as %
with 1) and carry the CSV's exact value in ``data-value``; the CJK fonts are named in the CSS and in the
figures' font family, so Chinese labels render. Every user-facing text is a literal ``tr("…")`` call: the
Processing algorithms pass the plugin's translation, the core's default leaves the English text.

The histogram of differences is drawn from the exact density when there is one (signed product - reference,
every kept pixel, at the density's 0.05 LAI resolution: d is known to within ±0.05), else from the statistics'
|d| histogram (every kept pixel, 0.01 LAI bins, without the sign; the bias column has it).
"""
from __future__ import annotations

import base64
import html
import io
import json
import math

import numpy as np

from .fonts import css_font_family, font_settings
from .messages import tr
from .stats import ABS_BIN_WIDTH, GCOS_ABSOLUTE, GCOS_RELATIVE, SUMS, Accumulator, csv_text
from .time_series import complete_pairs, iso_date, key_tile
from .writers import atomic_file, atomic_text_file

HISTOGRAM_LIMIT = 3.0  # LAI either side of 0
SETTING_KEYS = ("rule", "split_field", "resampling", "deming_lambda", "strata", "settings", "key_pattern",
                "product_pattern", "reference_pattern", "recursive", "executor", "workers")
SOFTWARE_KEYS = ("created", "software")
AGREEMENT = ("class", "n", "mean_product", "mean_reference", "bias", "mae", "rmse", "sd", "bias_pct", "rmse_pct",
             "median_abs_difference")
AGREEMENT_SHARES = ("class", "gcos_share", "gcos244_threshold_share", "gcos244_goal_share", "r", "slope",
                    "intercept", "slope_rma", "intercept_rma")
SHARES = ("gcos_share", "gcos244_threshold_share", "gcos244_goal_share")


def column_labels() -> dict:
    """The tables' column headings."""
    return {
        "class": tr("Class"), "n": tr("N"), "mean_product": tr("Mean product"),
        "mean_reference": tr("Mean reference"), "bias": tr("Bias"), "mae": tr("MAE"), "rmse": tr("RMSE"),
        "sd": tr("SD"), "bias_pct": tr("Bias (% of reference)"), "rmse_pct": tr("RMSE (% of reference)"),
        "median_abs_difference": tr("Median |d|"), "gcos_share": tr("Within GCOS max(0.5, 20 %)"),
        "gcos244_threshold_share": tr("Within GCOS-244 threshold"), "gcos244_goal_share": tr("Within GCOS-244 goal"),
        "r": tr("Pearson r"), "slope": tr("OLS slope"), "intercept": tr("OLS intercept"),
        "slope_rma": tr("RMA slope"), "intercept_rma": tr("RMA intercept"), "stratum": tr("Stratum"),
        "pixels": tr("Pixels"), "kept": tr("Kept"), "qa_nodata": tr("QA nodata"), "dropped_by_rule": tr("Rule"),
        "product_fill_or_out_of_range": tr("Product fill or out of range"),
        "reference_missing_after_alignment": tr("No reference after alignment"),
        "reference_fill_or_out_of_range": tr("Reference fill or out of range"), "key": tr("Pair"),
        "date": tr("Date"), "status": tr("Status"), "reason": tr("Reason"), "tile": tr("Tile"),
        "dates": tr("Dates"), "bias_trend_per_year": tr("Bias trend per year"),
        "product_mean_jump": tr("Product mean jump"), "reference_mean_jump": tr("Reference mean jump"),
        "jump_ratio": tr("Jump ratio"),
    }


def cell_text(value, column: str) -> str:
    """A value as the report shows it: integers whole, shares in % with 1 decimal, other numbers with 4."""
    if isinstance(value, float) and math.isnan(value):
        return "–"
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, int):
        return str(value)
    return f"{100 * value:.1f} %" if column in SHARES else f"{value:.4f}"


def table(rows: list, columns, table_id: str = "") -> str:
    """An HTML table; each cell carries its column and the CSV's exact text (``data-value``)."""
    labels = column_labels()
    head = "".join(f"<th>{html.escape(labels.get(column, column))}</th>" for column in columns)
    body = []
    for row in rows:
        cells = "".join(
            f'<td data-column="{column}" data-value="{html.escape(csv_text(row[column]))}"'
            f'{" class=num" if isinstance(row[column], (int, float)) else ""}>'
            f"{html.escape(cell_text(row[column], column))}</td>" for column in columns)
        body.append(f'<tr data-class="{html.escape(str(row.get("class", "")))}">{cells}</tr>')
    identifier = f' id="{table_id}"' if table_id else ""
    return f"<table{identifier}><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _flat(record, prefix: str = "") -> list:
    """(name, text) of every leaf of a nested record; an encoding setting reads "value (from where)"."""
    if isinstance(record, dict) and set(record) == {"value", "from"}:
        return [(prefix, f"{record['value']} ({record['from']})")]
    if isinstance(record, dict):
        return [item for key, value in record.items() for item in _flat(value, f"{prefix}.{key}" if prefix else key)]
    if isinstance(record, (list, tuple)):
        return [(prefix, json.dumps(record, default=str, ensure_ascii=False))]
    return [(prefix, "" if record is None else str(record))]


def _key_values(items: list) -> str:
    rows = "".join(f"<tr><th>{html.escape(name)}</th><td>{html.escape(text)}</td></tr>" for name, text in items)
    return f'<table class="kv"><tbody>{rows}</tbody></table>'


def provenance_sections(provenance: dict) -> str:
    """Inputs, the settings used, and the software and date of the run, from the provenance record."""
    groups = {"inputs": {}, "settings": {}, "software": {}}
    for key, value in provenance.items():
        group = "settings" if key in SETTING_KEYS else "software" if key in SOFTWARE_KEYS else "inputs"
        groups[group][key] = value
    return (f"<h2>{html.escape(tr('Inputs'))}</h2>{_key_values(_flat(groups['inputs']))}"
            f"<h2>{html.escape(tr('Settings'))}</h2>{_key_values(_flat(groups['settings']))}"
            f"<h2>{html.escape(tr('Software and date'))}</h2>{_key_values(_flat(groups['software']))}")


def _png(size: tuple, draw) -> str:
    """``draw(figure)`` on its own Agg canvas with our fonts, as a PNG data URI."""
    return "data:image/png;base64," + base64.b64encode(_png_bytes(size, draw)).decode("ascii")


def _png_bytes(size: tuple, draw) -> bytes:
    """``draw(figure)`` on its own Agg canvas with our fonts, as PNG bytes."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with matplotlib.rc_context({**font_settings(), "font.size": 8}):
        figure = Figure(figsize=size, dpi=130, layout="constrained")
        FigureCanvasAgg(figure)
        draw(figure)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def _figure(uri: str, caption: str, name: str) -> str:
    return (f'<figure><img src="{uri}" alt="{html.escape(caption)}" data-figure="{name}">'
            f"<figcaption>{html.escape(caption)}</figcaption></figure>")


def _panels(figure, count: int):
    columns = min(count, 3)
    rows = math.ceil(count / columns)
    return [figure.add_subplot(rows, columns, index + 1) for index in range(count)]


def density_classes(density: dict, rows: list, names=None) -> list:
    """Indices of the density's classes to draw: those with pixels and a statistics row (of ``names`` only)."""
    by_class = {row["class"] for row in rows}
    return [index for index, name in enumerate(density["classes"])
            if np.asarray(density["counts"][index]).sum() > 0 and name in by_class and (names is None or name in names)]


def draw_density(figure, density: dict, rows: list, names=None, summary: str = "",
                 beside: bool = False) -> int:
    """Product against reference on ``figure``, one panel per class (of ``names``): log pixel counts of every kept
    pixel, the 1:1, OLS and RMA lines (from the statistics ``rows``) and the GCOS envelope; ``summary`` (e.g.
    N, bias, RMSE) written in the legend's title; ``beside``: the legend right of the plot and no colour bar
    (a small canvas: the plot keeps the room). Returns the panels drawn (used by the report and the dialog)."""
    from matplotlib.colors import LogNorm

    names_all, counts, edges = density["classes"], np.asarray(density["counts"]), np.asarray(density["edges"])
    by_class = {row["class"]: row for row in rows}
    shown = density_classes(density, rows, names)
    if not shown:
        return 0
    top = max(1.0, _covering_lai(counts[-1], edges))
    for axes, index in zip(_panels(figure, len(shown)), shown):
        name, row = names_all[index], by_class[names_all[index]]
        image = axes.pcolormesh(edges, edges, np.ma.masked_equal(counts[index], 0), norm=LogNorm(),
                                cmap="viridis", shading="flat", rasterized=True)
        line = np.linspace(0, top, 200)
        envelope = np.maximum(GCOS_ABSOLUTE, GCOS_RELATIVE * line)
        axes.plot(line, line, color="black", linewidth=0.9, label="1:1")
        for slope, intercept, style, label in ((row["slope"], row["intercept"], "-", tr("OLS")),
                                               (row["slope_rma"], row["intercept_rma"], "-.", tr("RMA"))):
            if not (math.isnan(slope) or math.isnan(intercept)):
                axes.plot(line, slope * line + intercept, linestyle=style, linewidth=1.1,
                          label=f"{label}: y = {slope:.3f}x {intercept:+.3f}")
        axes.plot(line, line + envelope, color="tab:red", linestyle="--", linewidth=0.9,
                  label=tr("GCOS max(0.5, 20 %)"))
        axes.plot(line, line - envelope, color="tab:red", linestyle="--", linewidth=0.9)
        axes.set(xlim=(0, top), ylim=(0, top), xlabel=tr("Reference LAI"), ylabel=tr("Product LAI"),
                 title=f"{name} (N = {row['n']})", aspect="equal")
        if beside:
            axes.legend(fontsize=6, loc="upper left", bbox_to_anchor=(1.03, 1.0), borderaxespad=0,
                        title=summary or None, title_fontsize=6)
        else:
            axes.legend(fontsize=6, loc="upper left", title=summary or None, title_fontsize=6)
            figure.colorbar(image, ax=axes, label=tr("Pixels (log)"), shrink=0.8)
    return len(shown)


def density_figure(density: dict, rows: list) -> str:
    """Product against reference per class (``draw_density``), as an embedded PNG with its caption."""
    count = len(density_classes(density, rows))
    if not count:
        return ""
    columns = min(count, 3)
    return _figure(_png((2.6 * columns + 0.6, 2.6 * math.ceil(count / columns)),
                        lambda figure: draw_density(figure, density, rows)),
                   tr("Product against reference: every kept pixel counted in 0.05 LAI bins, with the 1:1, OLS and "
                      "RMA lines and the GCOS envelope"), "density")


def _covering_lai(counts: np.ndarray, edges: np.ndarray) -> float:
    """The LAI below which 99.9 % of the pixels lie on both axes (the plot's upper limit)."""
    tops = []
    for axis in (0, 1):
        cumulative = np.cumsum(counts.sum(axis=axis))
        tops.append(edges[int(np.searchsorted(cumulative, 0.999 * cumulative[-1])) + 1])
    return float(math.ceil(max(tops)))


def signed_histograms(density: dict) -> tuple:
    """(centres, {class: pixels}) of product - reference from the density: bin i of product and j of reference
    is d = (i - j) x the bin width (to within one width)."""
    counts, edges = np.asarray(density["counts"]), np.asarray(density["edges"])
    bins, width = counts.shape[1], edges[1] - edges[0]
    offset = (np.subtract.outer(np.arange(bins), np.arange(bins)) + bins - 1).ravel()
    centres = (np.arange(2 * bins - 1) - (bins - 1)) * width
    return centres, {name: np.bincount(offset, weights=counts[index].ravel(), minlength=2 * bins - 1)
                     for index, name in enumerate(density["classes"])}


def absolute_histograms(band_names, sums) -> tuple:
    """(centres, {band: pixels}) of |d| in 0.05 LAI bins from an accumulator's exact 0.01 LAI histogram."""
    accumulator = Accumulator.for_bands(band_names, sums)
    histogram = accumulator.sums[len(SUMS):]
    per_class = {name: histogram[:, index] for index, name in enumerate(band_names[:-1])}
    per_class[band_names[-1]] = histogram.sum(axis=1)
    merge = 5  # 0.01 -> 0.05 LAI
    usable = int(HISTOGRAM_LIMIT / ABS_BIN_WIDTH)
    centres = (np.arange(usable // merge) + 0.5) * ABS_BIN_WIDTH * merge
    return centres, {name: values[:usable].reshape(-1, merge).sum(axis=1) for name, values in per_class.items()}


def histogram_shown(centres, histograms: dict):
    """(classes with pixels, the bins to show): bins reach past 99.9 % of the pixels, within HISTOGRAM_LIMIT."""
    shown = {name: values for name, values in histograms.items() if values.sum() > 0}
    if not shown:
        return shown, None
    total = sum(shown.values())
    nearest = np.argsort(np.abs(centres), kind="stable")
    covered = np.cumsum(total[nearest]) / total.sum()
    spread = abs(centres[nearest[min(int(np.searchsorted(covered, 0.999)), len(nearest) - 1)]])
    return shown, np.abs(centres) <= min(HISTOGRAM_LIMIT, max(1.0, math.ceil(2 * spread) / 2)) + 1e-9


def draw_histograms(figure, centres, histograms: dict, signed: bool) -> bool:
    """One line per class on ``figure``: the share of its kept pixels in each bin of the difference."""
    shown, inside = histogram_shown(centres, histograms)
    if not shown:
        return False
    axes = figure.add_subplot()
    for name, values in shown.items():
        axes.plot(centres[inside], 100.0 * values[inside] / values.sum(), drawstyle="steps-mid",
                  linewidth=1.6 if name == "all" else 1.0, label=f"{name} (N = {int(values.sum())})")
    if signed:
        axes.axvline(0, color="black", linewidth=0.8)
    axes.set(xlabel=tr("Product - reference (LAI)") if signed else tr("|Product - reference| (LAI)"),
             ylabel=tr("Share of the class's pixels (%)"))
    axes.legend(fontsize=6)
    return True


def histogram_figure(centres, histograms: dict, signed: bool) -> str:
    """``draw_histograms`` as an embedded PNG with its caption."""
    if not histogram_shown(centres, histograms)[0]:
        return ""
    caption = (tr("Difference product - reference per class, every kept pixel (from the density: to within "
                  "0.05 LAI)") if signed else
               tr("Absolute difference per class, every kept pixel (from the statistics' 0.01 LAI histogram; the "
                  "sign is in the bias)"))
    return _figure(_png((6.4, 3.0), lambda figure: draw_histograms(figure, centres, histograms, signed)),
                   caption, "histogram")


def footprint_map(footprints: dict, biases: dict) -> str:
    """Tile footprints (xmin, ymin, xmax, ymax) coloured by bias, diverging about 0 (ColorBrewer RdYlBu)."""
    import matplotlib
    from matplotlib.cm import ScalarMappable
    from matplotlib.collections import PatchCollection
    from matplotlib.colors import Normalize
    from matplotlib.patches import Rectangle

    if not footprints:
        return ""
    values = [value for value in biases.values() if not math.isnan(value)]
    limit = max([abs(value) for value in values] + [0.1])
    norm = Normalize(-limit, limit)

    def draw(figure):
        axes = figure.add_subplot()
        tiles = sorted(footprints)
        patches = [Rectangle((xmin, ymin), xmax - xmin, ymax - ymin)
                   for xmin, ymin, xmax, ymax in (footprints[tile] for tile in tiles)]
        colours = matplotlib.colormaps["RdYlBu"].with_extremes(bad="#dddddd")  # a copy: the registered one stays
        collection = PatchCollection(patches, cmap=colours, norm=norm, edgecolor="#4d4d4d", linewidth=0.5)
        collection.set_array(np.array([biases.get(tile, float("nan")) for tile in tiles]))
        axes.add_collection(collection)
        for tile in tiles:
            xmin, ymin, xmax, ymax = footprints[tile]
            axes.annotate(tile, ((xmin + xmax) / 2, (ymin + ymax) / 2), ha="center", va="center", fontsize=6)
        axes.autoscale_view()
        axes.set_aspect("equal")
        axes.set(xlabel=tr("x (map units)"), ylabel=tr("y (map units)"))
        figure.colorbar(ScalarMappable(norm, colours), ax=axes, label=tr("Bias (LAI)"), shrink=0.8)

    return _figure(_png((5.2, 3.8), draw), tr("Tiles coloured by their bias over all their dates (class 'all'; "
                                              "grey: no kept pixel)"), "map")


def time_series_figure(date_rows: list) -> str:
    """Bias and RMSE against date, one line per class, pooled over the tiles of each date."""
    if not date_rows:
        return ""
    return _figure(_png((6.4, 3.8), lambda figure: draw_time_series(figure, date_rows)),
                   tr("Bias and RMSE per date, pooled over the tiles of the date"), "time_series")


def save_time_series_png(date_rows: list, path: str) -> str:
    """The time-series figure as a PNG file (for the dialog); ``date_rows`` as ``BatchResult.date_rows``."""
    data = _png_bytes((6.4, 3.8), lambda figure: draw_time_series(figure, date_rows))
    with atomic_file(path, binary=True) as handle:
        handle.write(data)
    return path


def draw_time_series(figure, date_rows: list) -> None:
    """Bias and RMSE against date on ``figure``, one line per class (the report and the dialog)."""
    from datetime import date

    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    classes = list(dict.fromkeys(row["class"] for row in date_rows))
    bias_axes, rmse_axes = figure.subplots(2, 1, sharex=True)
    for name in classes:
        series = [row for row in date_rows if row["class"] == name and row["n"]]
        when = [date.fromisoformat(row["date"]) for row in series]
        width = 1.6 if name == "all" else 0.9
        bias_axes.plot(when, [row["bias"] for row in series], marker="o", markersize=3, linewidth=width,
                       label=name)
        rmse_axes.plot(when, [row["rmse"] for row in series], marker="o", markersize=3, linewidth=width)
    bias_axes.axhline(0, color="black", linewidth=0.7)
    bias_axes.set(ylabel=tr("Bias (LAI)"))
    rmse_axes.set(ylabel=tr("RMSE (LAI)"), xlabel=tr("Date"))
    bias_axes.legend(fontsize=6, ncol=min(len(classes), 5))
    locator = AutoDateLocator()
    rmse_axes.xaxis.set_major_locator(locator)
    rmse_axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))


STYLE = """
@page { size: A4; margin: 14mm 12mm; }
body { font-family: FONTS; font-size: 9pt; color: #1a1a1a; max-width: 190mm; margin: 0 auto; padding: 4mm; }
h1 { font-size: 15pt; margin: 0 0 2mm; } h2 { font-size: 11.5pt; margin: 6mm 0 2mm; border-bottom: 1px solid #999; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0; font-size: 7.5pt; break-inside: auto; }
th, td { border: 1px solid #c8c8c8; padding: 1px 3px; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
thead th { background: #eef1f5; } tr { break-inside: avoid; } thead { display: table-header-group; }
table.kv th { width: 32%; font-weight: normal; color: #444; background: #f7f7f7; }
table.kv td { word-break: break-all; }
figure { margin: 3mm 0; break-inside: avoid; text-align: center; }
img { max-width: 100%; max-height: 125mm; width: auto; height: auto; } figcaption { font-size: 8pt; color: #444; }
p.note { color: #444; font-size: 8pt; }
"""


def _page(title: str, body: str, language: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="{html.escape(language)}"><head><meta charset="utf-8">'
            f"<title>{html.escape(title)}</title><style>{STYLE.replace('FONTS', css_font_family())}</style></head>"
            f"<body><h1>{html.escape(title)}</h1>{body}</body></html>\n")


def _statistics(rows: list, strata_rows, completeness: list) -> str:
    parts = [f"<h2>{html.escape(tr('Statistics per class'))}</h2>",
             table(rows, AGREEMENT, "statistics"), table(rows, AGREEMENT_SHARES, "agreement"),
             f'<p class="note">{html.escape(tr("d = product - reference; SD of d with n - 1; OLS regresses product on reference; RMA is the reduced major axis. Shares within GCOS measure agreement with a reference that has its own error, not conformity."))}</p>']  # noqa: E501
    if strata_rows:
        parts += [f"<h2>{html.escape(tr('Statistics per stratum and class'))}</h2>",
                  table(strata_rows, ("stratum", *AGREEMENT, "gcos_share"), "strata")]
    if completeness:
        parts += [f"<h2>{html.escape(tr('Completeness: pixels kept, and why the others were not'))}</h2>",
                  table(completeness, ("class", "pixels", "kept", "qa_nodata", "dropped_by_rule",
                                       "product_fill_or_out_of_range", "reference_missing_after_alignment",
                                       "reference_fill_or_out_of_range"), "completeness")]
    return "".join(parts)


def _figures(rows, density, band_names, sums) -> str:
    parts = [f"<h2>{html.escape(tr('Figures'))}</h2>"]
    if density is not None:
        parts.append(density_figure(density, rows))
        centres, histograms = signed_histograms(density)
        parts.append(histogram_figure(centres, histograms, True))
    else:
        parts.append(f'<p class="note">{html.escape(tr("No density: the scatter needs the exact density (OUTPUT_DENSITY, or DENSITY in a batch)."))}</p>')  # noqa: E501
        if sums is not None:
            centres, histograms = absolute_histograms(band_names, sums)
            parts.append(histogram_figure(centres, histograms, False))
    return "".join(parts)


def difference_report(path: str, *, rows: list, completeness: list, provenance: dict, density: dict | None = None,
                      strata_rows=(), band_names=None, sums=None, language: str = "en") -> str:
    """The report of one masked difference: statistics, completeness, density scatter, histogram, provenance;
    in the language of the core's messages (core.messages: the plugin's catalogue, English without one).
    ``density`` as ``density.read_density_file`` gives it; ``band_names`` and ``sums`` (the accumulator's) for
    the |d| histogram when there is no density."""
    body = (_statistics(rows, strata_rows, completeness) + _figures(rows, density, band_names, sums)
            + provenance_sections(provenance))
    return _write(path, _page(tr("LAI validation report"), body, language))


def batch_report(path: str, result, *, density: dict | None = None, strata_rows=(), language: str = "en") -> str:
    """The report of a batch (``batch.BatchResult``): the pooled statistics and figures, the tiles by bias, every
    pair, the failed pairs with their reasons, and the statistics over time."""
    complete = complete_pairs(result.pairs)
    sums = sum(pair.sums for pair in complete) if complete else None
    band_names = complete[0].class_names if complete else None
    body = [f'<p class="note">{html.escape(tr("Pooled over all pairs from their running sums."))}</p>',
            _statistics(result.pooled_rows, strata_rows, result.completeness_rows),
            _figures(result.pooled_rows, density, band_names, sums)]
    if result.tile_rows:
        biases = {row["tile"]: row["bias"] for row in result.tile_rows if row["class"] == "all"}
    else:
        biases = {key_tile(pair.key): pair.rows[-1]["bias"] for pair in complete}
    footprints = {key_tile(pair.key): pair.footprint[:4] for pair in result.pairs if pair.footprint is not None}
    body.append(f"<h2>{html.escape(tr('Tiles'))}</h2>" + footprint_map(footprints, biases))
    pair_rows = [{"key": pair.key, "status": pair.status, "date": iso_date(pair.key),
                  **({"class": "all", **pair.rows[-1]} if pair.rows else {"n": 0, "bias": float("nan"),
                                                                           "rmse": float("nan"),
                                                                           "gcos_share": float("nan")})}
                 for pair in result.pairs]
    body.append(f"<h2>{html.escape(tr('Pairs (class all)'))}</h2>"
                + table(pair_rows, ("key", "date", "status", "n", "bias", "rmse", "gcos_share"), "pairs"))
    failed = [{"key": pair.key, "reason": pair.reason} for pair in result.pairs if pair.status == "failed"]
    body.append(f"<h2>{html.escape(tr('Failed pairs and their reasons'))}</h2>"
                + (table(failed, ("key", "reason"), "failed") if failed else
                   f'<p class="note">{html.escape(tr("None: every pair was compared."))}</p>'))
    if result.date_rows:
        body += [f"<h2>{html.escape(tr('Over time'))}</h2>", time_series_figure(result.date_rows),
                 table(result.date_rows, ("date", "class", "n", "bias", "rmse", "gcos_share"), "by_date"),
                 f"<h2>{html.escape(tr('Temporal consistency per tile'))}</h2>",
                 table(result.consistency_rows, ("tile", "class", "dates", "bias_trend_per_year",
                                                 "product_mean_jump", "reference_mean_jump", "jump_ratio"),
                       "consistency"),
                 f'<p class="note">{html.escape(tr("Bias trend: least-squares slope of the date bias against time (LAI per year). Jumps: mean change of the tile mean between consecutive dates; a ratio above 1 means the product jumps more than the reference."))}</p>']  # noqa: E501
    body.append(provenance_sections(result.provenance))
    return _write(path, _page(tr("LAI validation report: batch"), "".join(body), language))


def _write(path: str, text: str) -> str:
    with atomic_text_file(path) as handle:
        handle.write(text)
    return path
