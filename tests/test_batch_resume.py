"""Resume reuses a pair only when its files are exactly what an earlier run with the same inputs and settings
wrote; the batch never reads its own outputs, never runs twice into one folder, never leaves a temporary."""
import csv
import dataclasses
import os
import shutil
import socket
import subprocess
import sys

import numpy as np
import pytest
from helpers import batch_request, read_band, sample_folders

from laiqa.core.batch import LOCK_NAME, run_batch
from laiqa.core.errors import LaiQaError
from laiqa.core.inputs import DifferenceSettings

KEYS = ["A2018161_h12v03", "A2018161_h12v04", "A2018161_h13v03", "A2018161_h13v04"]


@pytest.fixture
def folders(tmp_path):
    return sample_folders(tmp_path, 64)


def request_for(folders, **changes):
    return batch_request(folders, **{"workers": 1, **changes})


def run(request):
    lines = []
    return run_batch(request, log=lines.append), lines


def pooled_n(result):
    return {row["class"]: row["n"] for row in result.pooled_rows}


def expected_all_n(folders, keep_quality):
    """Kept pixels over all four tiles, worked out with numpy: valid LAI on both sides and the QA test."""
    total = 0
    for own_path, glass_path in folders["tiles"].values():
        own, qa, glass = read_band(own_path, 1), read_band(own_path, 2).astype(np.int64), read_band(glass_path)
        total += int(((own <= 30000) & (glass >= 0) & (glass <= 1000) & keep_quality(qa & 3)).sum())
    return total


def test_changed_settings_redo_every_pair_and_say_why(folders):
    first, _ = run(request_for(folders))
    assert pooled_n(first)["all"] == expected_all_n(folders, lambda quality: quality != 3)
    changed = request_for(folders, settings=DifferenceSettings(rule="quality == 0"))
    again, lines = run(changed)
    assert [pair.status for pair in again.pairs] == ["done"] * 4
    assert sum("redone: the settings changed since the earlier run" in line for line in lines) == 4
    assert pooled_n(again)["all"] == expected_all_n(folders, lambda quality: quality == 0)
    third, _ = run(changed)
    assert [pair.status for pair in third.pairs] == ["skipped"] * 4


@pytest.mark.parametrize("damage", ["truncate", "zeros", "remove"])
def test_a_damaged_pair_raster_is_redone_not_trusted(folders, damage):
    clean, _ = run(request_for(folders))
    raster = os.path.join(folders["out"], f"{KEYS[1]}.tif")
    size = os.path.getsize(raster)
    if damage == "truncate":
        with open(raster, "r+b") as handle:
            handle.truncate(int(size * 0.6))
    elif damage == "zeros":
        with open(raster, "r+b") as handle:
            handle.seek(size // 2)
            handle.write(b"\0" * 4096)
    else:
        os.remove(raster)
    again, lines = run(request_for(folders))
    status = {pair.key: pair.status for pair in again.pairs}
    assert status[KEYS[1]] == "done" and [status[key] for key in KEYS if key != KEYS[1]] == ["skipped"] * 3
    reason = next(line for line in lines if line.startswith(KEYS[1]))
    assert "redone: " in reason
    assert pooled_n(again) == pooled_n(clean)
    np.testing.assert_array_equal(read_band(raster, 5).shape, (64, 64))


def test_a_sums_file_of_another_pair_neither_hides_nor_doubles_a_pair(folders):
    clean, _ = run(request_for(folders))
    out = folders["out"]
    shutil.copy(os.path.join(out, f"{KEYS[0]}.sums.json"), os.path.join(out, f"{KEYS[2]}.sums.json"))
    again, lines = run(request_for(folders))
    assert {pair.key: pair.status for pair in again.pairs}[KEYS[2]] == "done"
    assert any(line.startswith(KEYS[2]) and "written for another pair" in line for line in lines)
    assert pooled_n(again) == pooled_n(clean)


def test_a_changed_input_file_redoes_its_pair(folders):
    run(request_for(folders))
    product = folders["tiles"]["h13v04"][0]
    os.utime(product, ns=(os.stat(product).st_atime_ns, os.stat(product).st_mtime_ns + 10**9))
    again, lines = run(request_for(folders))
    assert {pair.key: pair.status for pair in again.pairs}[KEYS[3]] == "done"
    assert any("its product, reference or strata file changed since" in line
               for line in lines if line.startswith(KEYS[3]))


def test_the_output_folder_cannot_be_an_input_folder(folders):
    for changes in ({"output_folder": folders["rt"]}, {"output_folder": os.path.join(folders["glass"], ".")}):
        with pytest.raises(LaiQaError, match="^The output folder '.*' is the (product|reference) folder: the next "
                                             "run would take this run's outputs as"):
            run_batch(dataclasses.replace(request_for(folders), **changes), log=lambda line: None)
    inside = os.path.join(folders["rt"], "results")
    with pytest.raises(LaiQaError, match="is inside the product folder"):
        run_batch(dataclasses.replace(request_for(folders), output_folder=inside, recursive=True),
                  log=lambda line: None)
    assert sorted(os.listdir(folders["rt"])) == sorted(os.path.basename(p) for p, _ in folders["tiles"].values())


def test_no_pairs_is_an_error_and_the_earlier_summary_stays(folders, tmp_path):
    first, _ = run(request_for(folders))
    with open(first.summary_csv, "rb") as handle:
        before = handle.read()
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(LaiQaError, match=r"^No product file pairs with a reference file \(4 products, 0 references"):
        run_batch(dataclasses.replace(request_for(folders), reference_folder=str(empty)), log=lambda line: None)
    with open(first.summary_csv, "rb") as handle:
        assert handle.read() == before


def test_a_second_batch_into_the_same_folder_is_refused_while_the_first_runs(folders):
    os.makedirs(folders["out"])
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        with open(os.path.join(folders["out"], LOCK_NAME), "w", encoding="utf-8") as handle:
            handle.write(f"{socket.gethostname()} {sleeper.pid}")
        with pytest.raises(LaiQaError, match=f"^Another batch is writing into '.*' \\(host and process: "
                                             f"{socket.gethostname()} {sleeper.pid}\\)"):
            run_batch(request_for(folders), log=lambda line: None)
    finally:
        sleeper.kill()
        sleeper.wait()
    result, _ = run(request_for(folders))  # the holder is gone: its lock is taken over
    assert [pair.status for pair in result.pairs] == ["done"] * 4
    assert not os.path.exists(os.path.join(folders["out"], LOCK_NAME))


def test_an_output_folder_that_is_a_file_is_refused(folders, tmp_path):
    path = tmp_path / "a_file"
    path.write_text("x")
    with pytest.raises(LaiQaError, match="^The output folder '.*a_file' is a file; choose a folder$"):
        run_batch(dataclasses.replace(request_for(folders), output_folder=str(path)), log=lambda line: None)


def test_footprints_carry_their_default_style_and_no_temporary_is_left(laiqa_provider, folders):
    from qgis.core import QgsVectorLayer

    from laiqa.processing_provider.styling import footprints_style

    result = run_batch(request_for(folders), log=lambda line: None, footprints_style=footprints_style())
    layer = QgsVectorLayer(f"{result.footprints}|layername=tiles", "tiles", "ogr")
    assert layer.isValid()
    message, loaded = layer.loadDefaultStyle()
    assert loaded, message
    assert layer.renderer().type() == "graduatedSymbol" and '"bias"' in layer.renderer().classAttribute()
    assert layer.labelsEnabled() and "regexp_substr(\"key\"" in layer.labeling().settings().fieldName
    with open(result.summary_csv, newline="") as handle:
        assert layer.featureCount() == len(list(csv.DictReader(handle))) - 5  # every pair and class; not pooled
    assert [name for name in os.listdir(folders["out"]) if "partial" in name or name.startswith(".")] == []


def test_the_batch_pools_completeness_over_its_pairs(folders):
    result, _ = run(request_for(folders))
    with open(os.path.join(folders["out"], "completeness.csv"), newline="") as handle:
        rows = list(csv.DictReader(handle))
    per_pair = [row for row in rows if row["key"] != "all pairs" and row["class"] == "all"]
    pooled = next(row for row in rows if row["key"] == "all pairs" and row["class"] == "all")
    assert len(per_pair) == 4
    for column in ("pixels", "kept", "dropped_by_rule", "product_fill_or_out_of_range"):
        assert int(pooled[column]) == sum(int(row[column]) for row in per_pair)
    assert int(pooled["pixels"]) == 4 * 64 * 64
    assert int(pooled["kept"]) == expected_all_n(folders, lambda quality: quality != 3) == pooled_n(result)["all"]


def test_the_batch_summary_carries_its_provenance(folders):
    import json

    run(request_for(folders, settings=DifferenceSettings(rule="quality == 0", deming_lambda=2.0)))
    with open(os.path.join(folders["out"], "summary.json"), encoding="utf-8") as handle:
        record = json.load(handle)
    assert record["settings"]["rule"] == "quality == 0" and record["settings"]["deming_lambda"] == 2.0
    assert record["product_folder"] == folders["rt"] and record["qa"]["scheme"] == "own_lai"
    assert len(record["qa"]["scheme_sha256"]) == 64 and record["software"]["lai_qa_toolkit"]
