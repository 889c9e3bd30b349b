"""Progress and cancel, as two plain callables so any front end (QGIS feedback, tqdm, a cluster log) fits."""
from __future__ import annotations

from .errors import Cancelled


class Progress:
    """``report(fraction)`` between 0 and 1; ``check()`` raises Cancelled once the user asked to stop."""

    def __init__(self, on_progress=None, is_cancelled=None):
        self.on_progress = on_progress
        self.is_cancelled = is_cancelled

    def check(self):
        if self.is_cancelled is not None and self.is_cancelled():
            raise Cancelled("Cancelled by the user")

    def report(self, fraction: float):
        self.check()
        if self.on_progress is not None:
            self.on_progress(max(0.0, min(1.0, fraction)))


SILENT = Progress()
