"""The batch over time: a pair's date from its key, statistics pooled per date and per tile, temporal consistency.

A pair key carries its acquisition date as ``AYYYYDDD`` (year, day of the year) and its tile as the rest
(``A2018161_h12v03``: 10 June 2018, tile h12v03). Pooling adds the pairs' running sums exactly, as the
batch's pooled rows do, never averages their means. Temporal consistency compares how the product and the
reference move between consecutive dates of a tile: a product that jumps while the reference is steady is
noisy in time, whatever its bias.
"""
from __future__ import annotations

import csv
from datetime import date, timedelta

import numpy as np

from .pairing import date_part
from .stats import COLUMNS, Accumulator, parsed_row

DATE_COLUMNS = ("date", *COLUMNS)  # summary_by_date.csv
TILE_COLUMNS = ("tile", "dates", *COLUMNS)  # summary_by_tile.csv
CONSISTENCY_COLUMNS = ("tile", "class", "dates", "bias_trend_per_year", "product_mean_jump", "reference_mean_jump",
                       "jump_ratio")  # temporal_consistency.csv
DAYS_PER_YEAR = 365.25


def key_date(key: str) -> date | None:
    """The date of a pair key's ``AYYYYDDD`` part, or None (no such part, or day 0 or past the year's end)."""
    part = date_part(key)
    if part is None:
        return None
    year, day = int(part[1:5]), int(part[5:])
    first = date(year, 1, 1)
    if not 1 <= day <= (date(year + 1, 1, 1) - first).days:
        return None
    return first + timedelta(days=day - 1)


def iso_date(key: str) -> str:
    """The key's date as yyyy-mm-dd, empty where it has none (the tables' date column)."""
    when = key_date(key)
    return when.isoformat() if when else ""


def key_tile(key: str) -> str:
    """The key without its date part: what stays the same for one tile from date to date."""
    part = date_part(key)
    if part is None:
        return key
    return "_".join(piece for piece in key.split("_") if piece != part) or key


def read_date_rows(path: str) -> list:
    """summary_by_date.csv as the rows that wrote it (numbers as numbers, NaN where empty): for a front end that
    ran the batch by its algorithm id and plots the time series (``report.save_time_series_png``)."""
    with open(path, newline="", encoding="utf-8") as handle:
        return [parsed_row(row) for row in csv.DictReader(handle)]


def complete_pairs(pairs: list) -> list:
    """The pairs with statistics that pool with the first such pair's (the same class bands)."""
    complete = [pair for pair in pairs if pair.sums is not None]
    return [pair for pair in complete if pair.class_names == complete[0].class_names] if complete else []


def pooled(pairs: list, deming_lambda=None) -> list:
    """Rows per class band of the pairs' sums added up (the pairs share their class bands)."""
    if not pairs:
        return []
    names = pairs[0].class_names
    total = Accumulator.for_bands(names)
    for pair in pairs:
        total.merge(Accumulator.for_bands(names, pair.sums))
    return total.band_rows(deming_lambda)


def date_rows(pairs: list, deming_lambda=None) -> list:
    """Rows of DATE_COLUMNS: per date (ISO, in order) and class band, pooled over every tile of that date."""
    by_date = {}
    for pair in complete_pairs(pairs):
        when = key_date(pair.key)
        if when is not None:
            by_date.setdefault(when, []).append(pair)
    return [{"date": when.isoformat(), **row} for when in sorted(by_date)
            for row in pooled(by_date[when], deming_lambda)]


def tile_rows(pairs: list, deming_lambda=None) -> list:
    """Rows of TILE_COLUMNS: per tile (in key order) and class band, pooled over all its dates."""
    by_tile = {}
    for pair in complete_pairs(pairs):
        by_tile.setdefault(key_tile(pair.key), []).append(pair)
    return [{"tile": tile, "dates": len(tile_pairs), **row} for tile, tile_pairs in sorted(by_tile.items())
            for row in pooled(tile_pairs, deming_lambda)]


def consistency_rows(pairs: list) -> list:
    """Rows of CONSISTENCY_COLUMNS per tile and class band, over the dates where the class has kept pixels:
    ``bias_trend_per_year`` the least-squares slope of the date's bias against time in years (NaN under two
    dates); ``product_mean_jump`` and ``reference_mean_jump`` the mean |change| of the tile's mean LAI between
    consecutive dates; ``jump_ratio`` product over reference (above 1: the product jumps more)."""
    by_tile = {}
    for pair in complete_pairs(pairs):
        when = key_date(pair.key)
        if when is not None:
            by_tile.setdefault(key_tile(pair.key), []).append((when, pair))
    rows = []
    for tile, dated in sorted(by_tile.items()):
        dated.sort(key=lambda item: item[0])
        rows_by_date = [(when, pooled([pair])) for when, pair in dated]
        for band, name in enumerate(dated[0][1].class_names):
            series = [(when, rows[band]) for when, rows in rows_by_date if rows[band]["n"]]
            rows.append({"tile": tile, "class": name, "dates": len(series), **_consistency(series)})
    return rows


def _consistency(series: list) -> dict:
    nan = float("nan")
    years = np.array([(when - series[0][0]).days / DAYS_PER_YEAR for when, _ in series]) if series else np.empty(0)
    bias = np.array([row["bias"] for _, row in series])
    trend = nan
    if len(series) >= 2:
        centred = years - years.mean()
        trend = float((centred * (bias - bias.mean())).sum() / (centred * centred).sum())
    jumps = {}
    for side in ("product", "reference"):
        means = np.array([row[f"mean_{side}"] for _, row in series])
        jumps[side] = float(np.abs(np.diff(means)).mean()) if len(series) >= 2 else nan
    return {"bias_trend_per_year": trend, "product_mean_jump": jumps["product"],
            "reference_mean_jump": jumps["reference"],
            "jump_ratio": jumps["product"] / jumps["reference"] if jumps["reference"] > 0 else nan}
