"""Tasks that Dask and process workers import by name in the executor tests (they must live in a module)."""
import os

from laiqa.core.batch import pair_task

DYING_KEY = "A2018161_h13v04"


def dying_pair_task(key, product, reference, request, progress=None):
    """The batch's own unit of work, except that one pair kills the worker process that runs it."""
    if key == DYING_KEY:
        os._exit(3)
    return pair_task(key, product, reference, request)
