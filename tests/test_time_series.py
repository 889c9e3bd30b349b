"""The batch over time: dates from keys, statistics pooled per date and per tile against numpy on the pixels,
temporal consistency, the date in summary.csv and tiles.gpkg, and the layer's temporal properties in QGIS."""
import csv
import os
from datetime import date

import numpy as np
import pytest
from helpers import batch_request, read_band, sample_folders
from osgeo import gdal, ogr

from laiqa.core.batch import run_batch
from laiqa.core.sample_data import write_glass, write_own_product
from laiqa.core.time_series import key_date, key_tile

# The second date's product is 0.4 LAI higher and its reference 0.1 lower; the third date only has h12v03.
SHIFTS = {"A2018169": (400, -10), "A2018177": (-300, 20)}
DATES = {"A2018161": "2018-06-10", "A2018169": "2018-06-18", "A2018177": "2018-06-26"}


@pytest.fixture(scope="module")
def season(tmp_path_factory):
    """Two tiles on 2018-06-10 and 06-18, one of them on 06-26 too, and the batch over them."""
    folders = sample_folders(tmp_path_factory.mktemp("season"), 48, tiles=2)
    for tile, (own_path, glass_path) in sorted(folders["tiles"].items()):
        for day, (own_shift, glass_shift) in SHIFTS.items():
            if day == "A2018177" and tile != "h12v03":
                continue
            own, qa, glass = read_band(own_path, 1), read_band(own_path, 2), read_band(glass_path)
            own = np.where(own <= 7000, np.clip(own.astype(np.int32) + own_shift, 0, 7000), own).astype(np.int16)
            glass = np.where(glass <= 1000, np.clip(glass.astype(np.int32) + glass_shift, 0, 1000), glass)
            write_own_product(own_path.replace("A2018161", day), own, qa,
                              gdal.Open(own_path).GetGeoTransform())
            write_glass(glass_path.replace("A2018161", day), glass.astype(np.int16))
    from laiqa.processing_provider.styling import footprints_style

    result = run_batch(batch_request(folders, workers=2), log=lambda line: None, footprints_style=footprints_style())
    return folders, result


def kept_pixels(own_path, glass_path):
    """LAI of the kept pixels by the own_lai and GLASS presets, written out: own x0.001 valid <= 30000, GLASS
    x0.01 valid 0-1000, rule quality != 3; class = algorithm bits 2-3 (WAT = 2)."""
    own, qa, glass = read_band(own_path, 1), read_band(own_path, 2).astype(np.int64), read_band(glass_path)
    keep = (own <= 30000) & (glass >= 0) & (glass <= 1000) & ((qa & 3) != 3)
    return own[keep] * 0.001, glass[keep] * 0.01, ((qa >> 2) & 3)[keep]


def pixels_of(folders, keys):
    parts = []
    for key in keys:
        day, tile = key.split("_")
        own_path, glass_path = folders["tiles"][tile]
        parts.append(kept_pixels(own_path.replace("A2018161", day), glass_path.replace("A2018161", day)))
    return [np.concatenate(column) for column in zip(*parts)]


def csv_rows(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_key_dates_and_tiles():
    assert key_date("A2018161_h12v03") == date(2018, 6, 10)
    assert key_date("A2020366_h12v03") == date(2020, 12, 31)  # a leap year's last day
    assert key_date("A2019366_h12v03") is None and key_date("A2019000_h12v03") is None
    assert key_date("h12v03") is None
    assert key_tile("A2018161_h12v03") == "h12v03" and key_tile("h12v03") == "h12v03"


def test_per_date_pooled_rows_equal_numpy_on_that_dates_pixels(season):
    folders, result = season
    keys = [pair.key for pair in result.pairs]
    assert len(keys) == 5 and result.failed == 0
    rows = csv_rows(os.path.join(folders["out"], "summary_by_date.csv"))
    assert result.by_date_csv == os.path.join(folders["out"], "summary_by_date.csv")
    assert sorted({row["date"] for row in rows}) == sorted(DATES.values())
    for day, iso in DATES.items():
        p, r, a = pixels_of(folders, [key for key in keys if key.startswith(day)])
        by_class = {row["class"]: row for row in rows if row["date"] == iso}
        for name, chosen in (("all", np.ones(p.size, bool)), ("WAT", a == 2)):
            d = p[chosen] - r[chosen]
            assert int(by_class[name]["n"]) == chosen.sum()
            assert float(by_class[name]["bias"]) == pytest.approx(d.mean(), rel=1e-6, abs=1e-9)
            assert float(by_class[name]["rmse"]) == pytest.approx(np.sqrt((d * d).mean()), rel=1e-6)
            assert float(by_class[name]["mean_product"]) == pytest.approx(p[chosen].mean(), rel=1e-6)
            assert float(by_class[name]["r"]) == pytest.approx(np.corrcoef(p[chosen], r[chosen])[0, 1], rel=1e-6)


def test_per_tile_rows_pool_all_its_dates(season):
    folders, result = season
    rows = {(row["tile"], row["class"]): row for row in csv_rows(result.by_tile_csv)}
    for tile, dates in (("h12v03", 3), ("h12v04", 2)):
        p, r, _ = pixels_of(folders, [pair.key for pair in result.pairs if pair.key.endswith(tile)])
        assert int(rows[tile, "all"]["dates"]) == dates
        assert int(rows[tile, "all"]["n"]) == p.size
        assert float(rows[tile, "all"]["bias"]) == pytest.approx((p - r).mean(), rel=1e-6)


def test_temporal_consistency_from_the_per_date_statistics(season):
    folders, result = season
    rows = {(row["tile"], row["class"]): row for row in csv_rows(result.consistency_csv)}
    days = sorted(DATES)
    biases, products, references = [], [], []
    for day in days:
        p, r, _ = pixels_of(folders, [f"{day}_h12v03"])
        biases.append((p - r).mean())
        products.append(p.mean())
        references.append(r.mean())
    years = np.array([(date.fromisoformat(DATES[day]) - date(2018, 6, 10)).days for day in days]) / 365.25
    row = rows["h12v03", "all"]
    assert int(row["dates"]) == 3
    assert float(row["bias_trend_per_year"]) == pytest.approx(np.polyfit(years, biases, 1)[0], rel=1e-6)
    product_jump = np.abs(np.diff(products)).mean()
    reference_jump = np.abs(np.diff(references)).mean()
    assert float(row["product_mean_jump"]) == pytest.approx(product_jump, rel=1e-6)
    assert float(row["reference_mean_jump"]) == pytest.approx(reference_jump, rel=1e-6)
    assert float(row["jump_ratio"]) == pytest.approx(product_jump / reference_jump, rel=1e-6)
    assert product_jump > reference_jump  # the shifts above: the product moves 0.4 and 0.7, the reference 0.1 and 0.3


def test_summary_and_geopackage_carry_the_date(season):
    _, result = season
    summary = csv_rows(result.summary_csv)
    assert {row["key"]: row["date"] for row in summary if row["class"] == "all" and row["key"] != "all pairs"} == {
        pair.key: DATES[pair.key[:8]] for pair in result.pairs}
    assert {row["date"] for row in summary if row["key"] == "all pairs"} == {""}
    source = ogr.Open(result.footprints)
    layer = source.GetLayerByName("tiles")
    definition = layer.GetLayerDefn()
    assert definition.GetFieldDefn(definition.GetFieldIndex("date")).GetType() == ogr.OFTDate
    dates = {(feature.GetField("key"), feature.GetFieldAsString("date")) for feature in layer}
    source = None
    assert dates == {(pair.key, DATES[pair.key[:8]].replace("-", "/")) for pair in result.pairs}


def test_qgis_loads_the_footprints_with_temporal_properties_by_date(season):
    from qgis.core import Qgis, QgsProcessingContext, QgsProcessingFeedback, QgsVectorLayer

    from laiqa.processing_provider.styling import FootprintsStyle

    _, result = season
    layer = QgsVectorLayer(f"{result.footprints}|layername=tiles", "tiles", "ogr")
    assert layer.isValid()
    message, loaded = layer.loadDefaultStyle()  # what QGIS applies when it adds the GeoPackage's layer
    assert loaded, message
    properties = layer.temporalProperties()
    assert properties.isActive() and properties.startField() == "date"
    assert properties.mode() == Qgis.VectorTemporalMode.FeatureDateTimeInstantFromField
    assert layer.fields().field("date").typeName().lower() == "date"
    bare = QgsVectorLayer(f"{result.footprints}|layername=tiles", "tiles", "ogr",
                          QgsVectorLayer.LayerOptions(loadDefaultStyle=False))
    assert not bare.temporalProperties().isActive()
    FootprintsStyle().postProcessLayer(bare, QgsProcessingContext(), QgsProcessingFeedback())  # what the Toolbox runs
    assert bare.temporalProperties().isActive() and bare.temporalProperties().startField() == "date"


def test_the_time_series_plot_for_the_dialog_is_a_png(season, tmp_path):
    from matplotlib.image import imread

    from laiqa.core.report import save_time_series_png
    from laiqa.core.time_series import read_date_rows

    _, result = season
    rows = read_date_rows(result.by_date_csv)  # what a front end that ran the algorithm has
    assert [(row["date"], row["class"], row["n"]) for row in rows] == [
        (row["date"], row["class"], row["n"]) for row in result.date_rows]
    assert [row["bias"] for row in rows] == pytest.approx([row["bias"] for row in result.date_rows], rel=1e-9)
    path = save_time_series_png(rows, str(tmp_path / "series.png"))
    with open(path, "rb") as handle:
        assert handle.read(8) == b"\x89PNG\r\n\x1a\n"
    pixels = imread(path)
    assert pixels.shape[0] > 300 and pixels.std() > 0.01
