"""The HTML report: its numbers are the statistics outputs', it is one file with nothing to fetch, and a real
headless browser (Debian's chromium) shows it: title, tables, every figure decoded, no console error, A4 print.
The screenshots and the printed PDF stay in the test artifacts for a person to look at."""
import base64
import csv
import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser

import numpy as np
import pytest
from helpers import ROOT, read_band, sample_folders
from osgeo import gdal
from qgis.core import QgsProcessingContext, QgsProcessingFeedback

from laiqa.core.sample_data import write_glass, write_own_product

ARTIFACTS = os.environ.get("LAIQA_TEST_ARTIFACTS", os.path.join(ROOT, ".build", "test-artifacts"))
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
WIDTH, HEIGHT = 1240, 1754  # A4 at 150 dpi


class Page(HTMLParser):
    """What a reader sees of the report: title, headings, tables (cells with their column and exact value), images."""

    def __init__(self, text):
        super().__init__()
        self.title, self.headings, self.tables, self.images, self.body = "", [], {}, [], {}
        self._in, self._table, self._row = None, None, None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("title", "h1", "h2"):
            self._in = tag
            self.headings.append("") if tag != "title" else None
        elif tag == "table":
            self._table = self.tables.setdefault(attrs.get("id", ""), [])
        elif tag == "tr" and self._table is not None:
            self._row = {}
        elif tag == "td" and self._row is not None and "data-column" in attrs:
            self._row[attrs["data-column"]] = [attrs["data-value"], ""]
            self._in = ("td", attrs["data-column"])
        elif tag == "img":
            self.images.append(attrs)
        elif tag == "body":
            self.body = attrs

    def handle_endtag(self, tag):
        if tag == "tr" and self._row is not None:
            if self._row:
                self._table.append(self._row)
            self._row = None
        elif tag == "table":
            self._table = None
        if tag in ("title", "h1", "h2", "td"):
            self._in = None

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in in ("h1", "h2"):
            self.headings[-1] += data
        elif isinstance(self._in, tuple):
            self._row[self._in[1]][1] += data


def csv_rows(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


COUNTS = ("n", "dates", "pixels", "kept", "dropped_by_rule")


def shown(csv_text, column):
    """The report's rounding of a CSV value, written out: counts whole, shares in % with 1 decimal, others with 4."""
    if csv_text == "":
        return "–"
    if column in COUNTS or column == "date":
        return csv_text
    value = float(csv_text)
    return f"{100 * value:.1f} %" if column.endswith("_share") else f"{value:.4f}"


def assert_table_equals_csv(table, rows, columns, key="class"):
    """Each cell shows the CSV's value rounded as documented, and carries it exactly (``data-value``: 10
    significant digits, as the plugin's CSV files; QGIS's table writer gives 15, equal to 1e-9)."""
    assert [cells[key][0] for cells in table] == [row[key] for row in rows]
    for cells, row in zip(table, rows):
        for column in columns:
            value, text = cells[column]
            if column in COUNTS or column == "date" or row[column] == "":
                assert value == row[column], (row[key], column)
            else:
                assert float(value) == pytest.approx(float(row[column]), rel=1e-9, abs=1e-12), (row[key], column)
            assert text == shown(row[column], column), (row[key], column)


def assert_self_contained(path):
    text = open(path, encoding="utf-8").read()
    assert not re.search(r"https?://|<script|<link|@import|url\(", text), "the report must fetch nothing"
    page = Page(text)
    assert page.images
    for image in page.images:
        assert image["src"].startswith("data:image/png;base64,")
        png = base64.b64decode(image["src"].split(",", 1)[1], validate=True)
        assert png[:8] == PNG_SIGNATURE
        from matplotlib.image import imread  # decodes without pyplot

        pixels = imread(__import__("io").BytesIO(png), format="png")
        assert pixels.shape[0] > 200 and pixels.shape[1] > 300 and pixels.std() > 0.01  # drawn, not blank
    return page


@pytest.fixture
def run(laiqa_provider):
    from qgis import processing

    def run_alg(name, params):
        return processing.run(f"laiqa:{name}", params, context=QgsProcessingContext(), feedback=QgsProcessingFeedback())

    return run_alg


@pytest.fixture
def difference_report(run, sample_dir, tmp_path):
    own_path, glass_path = sample_dir[1]["h12v03"]
    return run("maskeddifference", {
        "PRODUCT": own_path, "REFERENCE": glass_path, "OUTPUT": str(tmp_path / "d.tif"),
        "OUTPUT_STATS": str(tmp_path / "stats.csv"), "OUTPUT_COMPLETENESS": str(tmp_path / "completeness.csv"),
        "OUTPUT_REPORT": str(tmp_path / "report.html")}), own_path, glass_path


def test_the_difference_report_holds_the_statistics_outputs_numbers(difference_report):
    results, own_path, glass_path = difference_report
    assert results["OUTPUT_REPORT"].endswith("report.html")
    page = assert_self_contained(results["OUTPUT_REPORT"])
    assert page.title == "LAI validation report"
    stats = csv_rows(results["OUTPUT_STATS"])
    assert_table_equals_csv(page.tables["statistics"], stats, ("n", "mean_product", "bias", "rmse", "sd",
                                                               "median_abs_difference"))
    assert_table_equals_csv(page.tables["agreement"], stats, ("gcos_share", "r", "slope", "slope_rma"))
    assert_table_equals_csv(page.tables["completeness"], csv_rows(results["OUTPUT_COMPLETENESS"]),
                            ("pixels", "kept", "dropped_by_rule"))
    own, qa, glass = read_band(own_path, 1), read_band(own_path, 2).astype(np.int64), read_band(glass_path)
    keep = (own <= 30000) & (glass >= 0) & (glass <= 1000) & ((qa & 3) != 3)
    assert page.tables["statistics"][-1]["n"][0] == str(keep.sum())  # and the CSV's N is numpy's
    assert {image["data-figure"] for image in page.images} == {"density", "histogram"}
    assert "Product LAI" not in page.headings and "Inputs" in page.headings


def season_folders(tmp_path):
    """Two tiles on 2018-06-10, h12v03 again on 06-18 (product 0.4 LAI higher), and a third pair whose reference
    is a truncated download: it fails."""
    folders = sample_folders(tmp_path, 48, tiles=2)
    own_path, glass_path = folders["tiles"]["h12v03"]
    own = read_band(own_path, 1)
    own = np.where(own <= 7000, np.clip(own.astype(np.int32) + 400, 0, 7000), own).astype(np.int16)
    write_own_product(own_path.replace("A2018161", "A2018169"), own, read_band(own_path, 2),
                      gdal.Open(own_path).GetGeoTransform())
    write_glass(glass_path.replace("A2018161", "A2018169"), read_band(glass_path))
    shutil.copy(own_path, own_path.replace("A2018161", "A2018177"))
    with open(glass_path.replace("A2018161", "A2018177"), "wb") as handle:
        handle.write(b"\x0e\x03\x13\x01 truncated download")
    return folders


@pytest.fixture
def batch_report(run, tmp_path):
    folders = season_folders(tmp_path)
    results = run("batchcompare", {"PRODUCT_FOLDER": folders["rt"], "REFERENCE_FOLDER": folders["glass"],
                                   "OUTPUT_FOLDER": folders["out"], "WORKERS": 2, "DENSITY": True,
                                   "OUTPUT_REPORT": str(tmp_path / "batch.html")})
    return results


def test_the_batch_report_holds_pairs_failures_and_the_time_series(batch_report):
    results = batch_report
    assert results["FAILED"] == 1
    page = assert_self_contained(results["OUTPUT_REPORT"])
    assert page.title == "LAI validation report: batch"
    summary = csv_rows(results["SUMMARY"])
    pooled = [row for row in summary if row["key"] == "all pairs"]
    assert_table_equals_csv(page.tables["statistics"], pooled, ("n", "bias", "rmse"))
    pairs = [row for row in summary if row["class"] in ("all", "")]
    assert [row["key"][0] for row in page.tables["pairs"]] == [row["key"] for row in pairs if row["key"] != "all pairs"]
    for cells in page.tables["pairs"]:
        row = next(row for row in pairs if row["key"] == cells["key"][0])
        assert cells["date"][0] == row["date"] and cells["status"][0] == row["status"]
        assert cells["n"][0] == (row["n"] or "0")
    failed = page.tables["failed"]
    assert [row["key"][0] for row in failed] == ["A2018177_h12v03"]
    assert failed[0]["reason"][0] == next(row["reason"] for row in summary if row["status"] == "failed")
    by_date = csv_rows(results["SUMMARY_BY_DATE"])
    assert {row["date"] for row in by_date} == {"2018-06-10", "2018-06-18"}
    assert_table_equals_csv(page.tables["by_date"], by_date, ("date", "n", "bias"))
    assert_table_equals_csv(page.tables["consistency"], csv_rows(results["TEMPORAL_CONSISTENCY"]),
                            ("dates", "bias_trend_per_year", "jump_ratio"))
    assert {image["data-figure"] for image in page.images} == {"density", "histogram", "map", "time_series"}


def browse(report, name, tmp_path):
    """chromium on the report with no network (a dead proxy): screenshot and printed PDF into the artifacts, and
    the DOM after load, with what a test-only copy's script reports of its images and fetched resources."""
    os.makedirs(ARTIFACTS, exist_ok=True)
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--proxy-server=127.0.0.1:9",
             "--enable-logging=stderr", "--v=0"]
    screenshot, pdf = os.path.join(ARTIFACTS, f"{name}.png"), os.path.join(ARTIFACTS, f"{name}.pdf")
    for path in (screenshot, pdf):
        if os.path.exists(path):
            os.remove(path)
    shot = subprocess.run([CHROMIUM, *flags, f"--screenshot={screenshot}", f"--window-size={WIDTH},{HEIGHT}",
                           f"file://{report}"], capture_output=True, text=True, timeout=120)
    printed = subprocess.run([CHROMIUM, *flags, f"--print-to-pdf={pdf}", "--no-pdf-header-footer",
                              f"file://{report}"], capture_output=True, text=True, timeout=120)
    probe = str(tmp_path / f"{name}-probe.html")
    script = ("<script>window.addEventListener('load', () => document.body.setAttribute('data-probe', JSON.stringify("
              "{images: [...document.images].map(i => [i.dataset.figure, i.complete, i.naturalWidth, "
              "i.getBoundingClientRect().top]), fetched: performance.getEntriesByType('resource').map(e => e.name), "
              "statistics: document.getElementById('statistics').getBoundingClientRect().top})));</script>")
    with open(probe, "w", encoding="utf-8") as handle:
        handle.write(open(report, encoding="utf-8").read().replace("</body>", script + "</body>"))
    dom = subprocess.run([CHROMIUM, *flags, f"--window-size={WIDTH},{HEIGHT}", "--dump-dom", f"file://{report}"],
                         capture_output=True, text=True, timeout=120)
    probed = subprocess.run([CHROMIUM, *flags, f"--window-size={WIDTH},{HEIGHT}", "--dump-dom", f"file://{probe}"],
                            capture_output=True, text=True, timeout=120)
    logs = shot.stderr + printed.stderr + dom.stderr
    with open(os.path.join(ARTIFACTS, f"{name}-chromium.log"), "w", encoding="utf-8") as log:
        log.write(logs)
    assert dom.returncode == 0 and probed.returncode == 0, logs[-3000:]
    return screenshot, pdf, Page(dom.stdout), json.loads(Page(probed.stdout).body["data-probe"]), logs


@pytest.mark.skipif(CHROMIUM is None, reason="needs chromium (scripts/debian-packages.txt installs it)")
def test_chromium_shows_the_report_offline(difference_report, batch_report, tmp_path):
    from matplotlib.image import imread

    for name, report, stats_csv in (
            ("report_difference", difference_report[0]["OUTPUT_REPORT"], difference_report[0]["OUTPUT_STATS"]),
            ("report_batch", batch_report["OUTPUT_REPORT"], None)):
        screenshot, pdf, page, probe, logs = browse(report, name, tmp_path)
        assert page.title.startswith("LAI validation report")
        assert ":CONSOLE" not in logs and "Uncaught" not in logs  # no console message at all: the page has no script
        if stats_csv:
            assert_table_equals_csv(page.tables["statistics"], csv_rows(stats_csv), ("n", "bias", "rmse"))
        else:
            pooled = [row for row in csv_rows(batch_report["SUMMARY"]) if row["key"] == "all pairs"]
            assert_table_equals_csv(page.tables["statistics"], pooled, ("n", "bias", "rmse"))
        assert probe["fetched"] == []  # nothing but the file itself was loaded
        assert all(complete and width > 300 for _, complete, width, _ in probe["images"]), probe["images"]
        pixels = imread(screenshot)
        assert pixels.shape[:2] == (HEIGHT, WIDTH) and pixels.std() > 0.05
        # the statistics table and the density scatter are within the screenshot's A4 page
        density_top = next(top for figure, _, _, top in probe["images"] if figure == "density")
        assert probe["statistics"] < HEIGHT and density_top < HEIGHT, probe
        with open(pdf, "rb") as handle:
            printed = handle.read()
        assert printed.startswith(b"%PDF")
        boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", printed)
        assert boxes and all(abs(float(w) - 595.92) < 2 and abs(float(h) - 842.88) < 2 for w, h in boxes), boxes


def test_with_qgis_in_chinese_the_report_is_chinese_and_its_figures_draw_every_glyph(run, sample_dir, tmp_path):
    import warnings

    from laiqa.core.fonts import installed_cjk_fonts
    from laiqa.translation import install_translator, remove_translators

    if not installed_cjk_fonts():
        pytest.skip("no CJK font installed (scripts/debian-packages.txt installs one)")
    own_path, glass_path = sample_dir[1]["h12v04"]
    assert install_translator("zh_CN")
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            results = run("maskeddifference", {"PRODUCT": own_path, "REFERENCE": glass_path,
                                               "OUTPUT": str(tmp_path / "d.tif"),
                                               "OUTPUT_REPORT": str(tmp_path / "report.html")})
    finally:
        remove_translators()
    assert [str(warning.message) for warning in caught if "missing from" in str(warning.message)] == []
    page = assert_self_contained(results["OUTPUT_REPORT"])
    assert page.title == "LAI 验证报告" and "分类统计" in page.headings
    assert '<html lang="zh-CN">' in open(results["OUTPUT_REPORT"], encoding="utf-8").read()
    assert "WenQuanYi Micro Hei" in open(results["OUTPUT_REPORT"], encoding="utf-8").read()  # named in the CSS
    if CHROMIUM:  # for a person to look at the Chinese labels
        _, _, browsed, _, logs = browse(results["OUTPUT_REPORT"], "report_difference_zh", tmp_path)
        assert browsed.title == "LAI 验证报告" and ":CONSOLE" not in logs


def test_the_report_is_an_html_output_the_results_viewer_links(laiqa_provider):
    for name in ("maskeddifference", "batchcompare"):
        algorithm = laiqa_provider.algorithm(name)
        assert algorithm.outputDefinition("OUTPUT_REPORT").type() == "outputHtml"
        parameter = algorithm.parameterDefinition("OUTPUT_REPORT")
        assert parameter.flags() & parameter.Flag.FlagOptional and not parameter.createByDefault()
