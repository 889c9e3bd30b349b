"""Faults from outside: a batch killed with SIGKILL at random points and resumed, two batches started into one
folder at once. Each ends with the pooled statistics of a clean run and no temporary left behind."""
import csv
import os
import random
import signal
import subprocess
import sys
import time

import pytest
from helpers import PLUGIN_PATH

from laiqa.core.sample_data import make_sample_data


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("faults")
    make_sample_data(str(folder / "in"), size=240, tiles=6)
    return folder


def batch_command(inputs, out):
    code = ("import runpy, sys; sys.argv = ['laiqa', *sys.argv[1:]]; "
            "runpy.run_module('laiqa', run_name='__main__', alter_sys=True)")
    return [sys.executable, "-c", code, "batch", "--product-folder", str(inputs / "in" / "rt"),
            "--reference-folder", str(inputs / "in" / "glass"), "--output-folder", str(out), "--workers", "1"]


def run_cli(command):
    return subprocess.run(command, env={**os.environ, "PYTHONPATH": PLUGIN_PATH}, capture_output=True, text=True,
                          timeout=600)


def pooled(out):
    with open(os.path.join(out, "summary.csv"), newline="") as handle:
        return [row for row in csv.DictReader(handle) if row["status"] == "pooled"]


@pytest.fixture(scope="module")
def clean_pooled(inputs):
    out = inputs / "clean"
    assert run_cli(batch_command(inputs, out)).returncode == 0
    return pooled(out)


def leftovers(out):
    return [name for _, _, names in os.walk(out) for name in names if "partial" in name or name.startswith(".")]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sigkill_at_a_random_moment_then_resume_pools_like_a_clean_run(inputs, clean_pooled, tmp_path, seed):
    out = tmp_path / "out"
    delays = random.Random(seed)
    for _ in range(2):  # killed twice at random moments while pairs are written, then run to the end
        program = subprocess.Popen(batch_command(inputs, out), env={**os.environ, "PYTHONPATH": PLUGIN_PATH},
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        for line in program.stdout:  # the pairs have started
            if line.startswith("A2018"):
                break
        time.sleep(delays.uniform(0.0, 0.25))
        program.send_signal(signal.SIGKILL)
        program.wait()
        program.stdout.close()
    done = run_cli(batch_command(inputs, out))
    assert done.returncode == 0, done.stdout + done.stderr
    assert pooled(out) == clean_pooled
    assert leftovers(out) == []


def test_two_batches_into_one_folder_at_once_never_mix(inputs, clean_pooled, tmp_path):
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": PLUGIN_PATH}
    programs = [subprocess.Popen(batch_command(inputs, out), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 text=True) for _ in range(2)]
    outcomes = [(program.wait(timeout=600), program.stderr.read()) for program in programs]
    for returncode, errors in outcomes:
        assert returncode == 0 or (returncode == 2 and "Another batch is writing into" in errors), errors
    assert 0 in [returncode for returncode, _ in outcomes]
    assert pooled(out) == clean_pooled
    assert leftovers(out) == []
