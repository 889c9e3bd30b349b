"""Where the pairs of a batch run: threads here, processes here, or a Dask cluster anywhere.

Every executor runs the same unit of work, ``batch.pair_task(key, product, reference, request)``:
a top-level function of plain, picklable values that writes the pair's files (under temporary
names, renamed when complete) and returns its result with the running sums. Pooling is done by
the caller over those sums, so where a pair ran never changes a figure.
"""
from __future__ import annotations

import os
import sys
import threading
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, ThreadPoolExecutor, wait
from contextlib import contextmanager

from .errors import Cancelled, LaiQaError
from .messages import tr
from .progress import SILENT, Progress

EXECUTORS = ("threads", "processes", "dask")  # order is public: the EXECUTOR enum index of each
DASK_INSTALL_HINT = "pip install 'dask[distributed]'"
POLL_SECONDS = 0.2  # how often a waiting batch looks at the Cancel button
CONNECT_SECONDS = 20  # how long to try reaching a Dask scheduler before saying it cannot be reached


def run_tasks(task, jobs, executor: str = "threads", workers: int = 0, scheduler: str | None = None,
              progress: Progress = SILENT, log=print, on_result=None) -> dict:
    """``task(*job, progress)`` for every job ``(key, …)``; {key: result}. ``on_result(key, result, where)``
    is called as each finishes. Cancel raises Cancelled; finished jobs keep their files."""
    workers = workers or os.cpu_count() or 1
    if executor == "threads":
        return _run_in_threads(task, jobs, workers, progress, on_result)
    if executor == "processes":
        return _run_in_processes(task, jobs, workers, progress, log, on_result)
    if executor == "dask":
        return _run_on_dask(task, jobs, workers, scheduler, progress, log, on_result)
    raise LaiQaError(tr("Unknown executor '{0}'; use one of {1}").format(executor, ', '.join(EXECUTORS)))


def _run_in_threads(task, jobs, workers, progress, on_result) -> dict:
    """Threads share one process (no pickling); each job reports its own fraction of the progress."""
    fractions = {job[0]: 0.0 for job in jobs}
    lock = threading.Lock()

    def job_progress(key):
        def report(fraction):
            with lock:
                fractions[key] = fraction
                total = sum(fractions.values()) / max(len(fractions), 1)
            progress.report(total)

        return Progress(report, progress.is_cancelled)

    pending, running, results = list(jobs), {}, {}
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="laiqa-pair") as pool:
        try:
            while pending or running:
                while pending and len(running) < workers:
                    progress.check()
                    job = pending.pop(0)
                    running[pool.submit(task, *job, job_progress(job[0]))] = job[0]
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    key = running.pop(future)
                    results[key] = future.result()  # re-raises Cancelled
                    with lock:
                        fractions[key] = 1.0
                    if on_result:
                        on_result(key, results[key], "")
        except Cancelled:
            for future in running:
                future.cancel()
            raise
    return results


def python_interpreter() -> str:
    """The interpreter of *this* Python, for worker processes.

    Inside QGIS ``sys.executable`` is not it: embedded Python reports the first ``python3`` on PATH
    (here a pyenv shim without GDAL), so the interpreter is found under ``sys.exec_prefix`` first.
    """
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    candidates = (os.path.join(sys.exec_prefix, "bin", version), os.path.join(sys.exec_prefix, "python.exe"),
                  sys.executable)
    for candidate in candidates:
        if candidate and os.path.basename(candidate).startswith("python") and os.access(candidate, os.X_OK):
            return candidate
    raise LaiQaError(
        tr("Local processes need a Python interpreter, and none was found for this Python ({0}); use threads, or "
           "Dask with a scheduler started outside QGIS").format(sys.exec_prefix)
    )


@contextmanager
def _spawning_with(interpreter: str):
    """Start spawned processes with ``interpreter`` while this block runs, then restore the setting:
    multiprocessing keeps one process-wide executable, which is not ours to leave changed."""
    from multiprocessing import spawn

    before = spawn.get_executable()
    spawn.set_executable(interpreter)
    try:
        yield
    finally:
        spawn.set_executable(before)


def _run_in_processes(task, jobs, workers, progress, log, on_result) -> dict:
    """A pool of fresh Python processes (spawned, never forked from QGIS); progress counts finished jobs."""
    import multiprocessing

    workers = min(workers, max(len(jobs), 1))
    with _spawning_with(python_interpreter()):  # every worker starts during the first submits
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_same_gdal_mode, initargs=(_gdal_exceptions(),))
        futures = {pool.submit(task, *job, SILENT): job for job in jobs}
    log(tr("executor: {0} local processes").format(workers))
    results = {}
    try:
        _collect(futures, results, len(jobs), progress, on_result, lambda future: "", _wait_for_some)
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
    return results


def _gdal_exceptions() -> bool:
    from osgeo import gdal

    return bool(gdal.GetUseExceptions())


def _same_gdal_mode(use_exceptions: bool) -> None:
    """A worker process is ours: it takes the GDAL exception mode of the process that started it."""
    from osgeo import gdal

    if use_exceptions:
        gdal.UseExceptions()
    else:
        gdal.DontUseExceptions()


def _collect(pending, results, total, progress, on_result, where, finished):
    """Take finished futures out of ``pending`` (future -> job) until none is left, looking at Cancel every
    POLL_SECONDS; ``finished(pending)`` gives those done. A future that raised is a failed job."""
    while pending:
        progress.check()
        for future in finished(pending):
            job = pending.pop(future)
            try:
                results[job[0]] = future.result()
            except Exception as error:  # the worker died (KilledWorker after Dask's retry) or could not start
                results[job[0]] = _failed(job, error)
            if on_result:
                on_result(job[0], results[job[0]], where(future))
            progress.report(len(results) / total)


def _wait_for_some(pending) -> set:
    """concurrent.futures: those done, waiting up to POLL_SECONDS for one."""
    return wait(pending, timeout=POLL_SECONDS, return_when=FIRST_COMPLETED)[0]


def _poll(pending) -> list:
    """Dask futures: those done, after a pause of POLL_SECONDS when none is."""
    done = [future for future in pending if future.done()]
    if not done:
        time.sleep(POLL_SECONDS)
    return done


def _failed(job, error):
    from .batch import failed_pair

    return failed_pair(job, tr("the worker could not finish it ({0}: {1})").format(type(error).__name__, error))


def _run_on_dask(task, jobs, workers, scheduler, progress, log, on_result) -> dict:
    """Any Dask scheduler (``tcp://host:8786``), or a LocalCluster of ``workers`` processes started here."""
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError:
        raise LaiQaError(tr("The Dask executor needs Dask's distributed scheduler: {0}")
                             .format(DASK_INSTALL_HINT)) from None
    cluster = None
    # A worker that dies mid-pair is retried once on another worker, then the pair is a failed row.
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        if scheduler:
            try:
                client = Client(scheduler, timeout=CONNECT_SECONDS)
            except OSError as error:
                raise LaiQaError(tr("Cannot reach the Dask scheduler '{0}': {1}").format(scheduler, error)) from None
        else:
            with _spawning_with(python_interpreter()):
                cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                       dashboard_address=":0" if _has_bokeh() else None)
            client = Client(cluster)
    try:
        log(tr("executor: Dask, scheduler {0}").format(client.scheduler.address)
            + (tr(", {0} local worker processes").format(workers) if cluster else "")
            + (tr(", dashboard {0}").format(client.dashboard_link) if _has_bokeh() else ""))
        stamp = f"{os.getpid()}-{time.time_ns()}"
        futures = {client.submit(task, *job, SILENT, key=f"laiqa-pair-{job[0]}-{stamp}", pure=False): job
                   for job in jobs}
        results, pending = {}, dict(futures)
        try:
            _collect(pending, results, len(jobs), progress, on_result, lambda future: _worker_of(client, future),
                     _poll)
        except BaseException:
            client.cancel(list(pending))
            raise
        return results
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _worker_of(client, future) -> str:
    try:
        holders = client.who_has(future).get(future.key) or ()
        return ", ".join(holders)
    except Exception:  # only for the log
        return ""


def _has_bokeh() -> bool:
    try:
        import bokeh  # noqa: F401
    except ImportError:
        return False
    return True
