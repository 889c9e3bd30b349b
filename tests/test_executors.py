"""The batch on every executor: threads, local processes, a Dask LocalCluster and a separately started Dask
scheduler with two worker processes on the loopback address — the same summary to the last digit."""
import csv
import json
import os
import shutil
import subprocess
import sys
import time

import pytest
from helpers import PLUGIN_PATH, ROOT
from worker_tasks import DYING_KEY, dying_pair_task

from laiqa.core.batch import BatchRequest, run_batch
from laiqa.core.errors import Cancelled, LaiQaError
from laiqa.core.executors import run_tasks
from laiqa.core.inputs import LaiSpec, QaSpec
from laiqa.core.progress import Progress
from laiqa.core.qa.scheme import load_preset
from laiqa.core.sample_data import make_sample_data

distributed = pytest.importorskip("distributed", reason="the Dask executor needs dask[distributed]")
KEYS = ["A2018161_h12v03", "A2018161_h12v04", "A2018161_h13v03", "A2018161_h13v04"]
BROKEN = "A2018161_h12v04"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """Four pairs, one reference corrupt, plus a product and a reference that pair with nothing."""
    folder = tmp_path_factory.mktemp("executors")
    tiles = make_sample_data(str(folder / "in"), size=64, tiles=4)
    with open(tiles["h12v04"][1], "wb") as handle:
        handle.write(b"\x0e\x03\x13\x01 truncated download")
    shutil.copy(tiles["h12v03"][0], str(folder / "in" / "rt" / "Rc_Lai_A2018169_h30v10.tif"))
    shutil.copy(tiles["h12v03"][1], str(folder / "in" / "glass" / "GLASS01E01.V50.A2018161.h31v11.2020323.hdf"))
    return folder


def request(inputs, out, **changes):
    return BatchRequest(str(inputs / "in" / "rt"), str(inputs / "in" / "glass"), str(out), LaiSpec(),
                        LaiSpec(preset="glass"), QaSpec(load_preset("own_lai")), **{"workers": 2, **changes})


def summary_without_paths(result, out):
    with open(result.summary_csv, newline="") as handle:
        rows = list(csv.reader(handle))
    return [[cell.replace(str(out), "OUT") for cell in row] for row in rows]


@pytest.fixture(scope="module")
def threads_summary(inputs):
    out = inputs / "threads"
    return summary_without_paths(run_batch(request(inputs, out), log=lambda line: None), out)


@pytest.fixture
def separate_scheduler(tmp_path):
    """`dask scheduler` and two `dask worker` programs on 127.0.0.1, started and stopped here."""
    dask = shutil.which("dask", path=os.path.dirname(sys.executable)) or shutil.which("dask")
    if dask is None:
        pytest.skip("the dask command is not installed")
    address_file = str(tmp_path / "scheduler.json")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([PLUGIN_PATH, os.path.join(ROOT, "tests")])}
    programs = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                                  "--scheduler-file", address_file], env=env, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)]
    try:
        for _ in range(300):
            if os.path.exists(address_file):
                break
            time.sleep(0.1)
        with open(address_file, encoding="utf-8") as handle:
            address = json.load(handle)["address"]
        for _ in range(2):
            programs.append(subprocess.Popen(
                [dask, "worker", address, "--host", "127.0.0.1", "--nworkers", "1", "--nthreads", "1",
                 "--no-dashboard"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        with distributed.Client(address, timeout=30) as client:
            client.wait_for_workers(2, timeout=60)
        yield address
    finally:
        for program in reversed(programs):
            program.terminate()
        for program in programs:
            program.wait(timeout=30)


@pytest.mark.parametrize("executor", ["processes", "dask"])
def test_local_executors_give_the_threads_summary_to_the_last_digit(inputs, threads_summary, executor):
    out = inputs / executor
    lines = []
    result = run_batch(request(inputs, out, executor=executor), log=lines.append)
    assert summary_without_paths(result, out) == threads_summary
    status = threads_summary[0].index("status")
    statuses = {row[0]: row[status] for row in threads_summary[1:] if row[0] in KEYS}
    assert statuses[BROKEN] == "failed" and all(statuses[key] == "done" for key in KEYS if key != BROKEN)
    assert any(line.startswith(("executor: 2 local processes", "executor: Dask, scheduler tcp://127.0.0.1"))
               for line in lines), lines
    if executor == "dask":  # each pair's worker is named
        assert all(" on tcp://127.0.0.1:" in line for line in lines if line.startswith(KEYS[0]))


def test_a_separately_started_scheduler_gives_the_threads_summary(inputs, threads_summary, separate_scheduler):
    out = inputs / "scheduler"
    lines = []
    result = run_batch(request(inputs, out, executor="dask", scheduler=separate_scheduler), log=lines.append)
    assert summary_without_paths(result, out) == threads_summary
    assert f"executor: Dask, scheduler {separate_scheduler}" in lines


def test_cancel_on_dask_keeps_only_complete_pairs_and_threads_finish_the_rest(inputs, threads_summary, tmp_path):
    out = tmp_path / "out"
    seen = {"reports": 0}

    def cancel_after_the_first_pair(line):
        if line.startswith(tuple(KEYS)):
            seen["reports"] += 1

    with pytest.raises(Cancelled):
        run_batch(request(inputs, out, executor="dask", workers=1),
                  Progress(is_cancelled=lambda: seen["reports"] >= 1), log=cancel_after_the_first_pair)
    time.sleep(1)  # a pair already running on a worker when Cancel came finishes or leaves nothing
    for name in os.listdir(out):
        assert ".partial" not in name, name
        if name.endswith(".tif"):
            assert os.path.exists(out / (name[:-4] + ".sums.json")), name
    assert not os.path.exists(out / "summary.csv")
    finished = run_batch(request(inputs, out), log=lambda line: None)
    assert summary_without_paths(finished, out)[-5:] == threads_summary[-5:]  # pooled rows equal a clean run's
    assert "skipped" in [pair.status for pair in finished.pairs]


def test_a_pair_that_kills_its_worker_is_retried_once_then_a_failed_row(inputs, tmp_path):
    jobs = [(key, "product.tif", "reference.hdf", request(inputs, tmp_path / "out")) for key in (DYING_KEY,)]
    results = run_tasks(dying_pair_task, jobs, "dask", workers=2, log=lambda line: None)
    failed = results[DYING_KEY]
    assert failed.status == "failed"
    assert failed.reason.startswith("the worker could not finish it (KilledWorker"), failed.reason


def test_an_unreachable_scheduler_and_an_unknown_executor_are_one_line_errors(inputs, tmp_path, monkeypatch):
    monkeypatch.setattr("laiqa.core.executors.CONNECT_SECONDS", 2)
    with pytest.raises(LaiQaError, match="^Cannot reach the Dask scheduler 'tcp://127.0.0.1:9': "):
        run_batch(request(inputs, tmp_path / "a", executor="dask", scheduler="tcp://127.0.0.1:9"),
                  log=lambda line: None)
    with pytest.raises(LaiQaError, match="^Unknown executor 'mpi'; use one of threads, processes, dask$"):
        run_batch(request(inputs, tmp_path / "b", executor="mpi"), log=lambda line: None)
