"""Pairing product and reference files by keys in their names (date AYYYYDDD, MODIS tile hXXvYY).

A key pattern is a list of regular expressions, one per key part, separated by ``;``.
Two files pair when every part both names carry is equal and they share at least one;
a file with several partners, or partners with several files, is ambiguous and reported,
never silently resolved.
"""
from __future__ import annotations

import fnmatch
import os
import re
from dataclasses import dataclass, field

from .errors import LaiQaError
from .messages import tr

DEFAULT_KEY_PATTERN = r"A\d{7};h\d{2}v\d{2}"
_DATE = re.compile(r"A\d{7}")


@dataclass(frozen=True)
class KeyedFile:
    path: str
    parts: tuple  # one entry per key part, None where the name carries none

    @property
    def name(self) -> str:
        return os.path.basename(self.path)


@dataclass
class Pairing:
    pairs: list = field(default_factory=list)  # (key text, product KeyedFile, reference KeyedFile)
    product_only: list = field(default_factory=list)
    reference_only: list = field(default_factory=list)
    ambiguous: list = field(default_factory=list)  # (file, [its candidate partners])
    unkeyed: list = field(default_factory=list)  # files whose names carry no key part

    def report(self) -> list:
        """Plain lines for the log."""
        lines = [tr("{0} pairs matched").format(len(self.pairs))]
        for label, files in ((tr("product only"), self.product_only), (tr("reference only"), self.reference_only),
                             (tr("no key in the name"), self.unkeyed)):
            if files:
                lines.append(f"{label} ({len(files)}): " + ", ".join(f.name for f in files))
        for keyed, partners in self.ambiguous:
            lines.append(tr("ambiguous: {0} matches {1}").format(keyed.name, ", ".join(p.name for p in partners)))
        return lines


def compile_key_pattern(text: str) -> list:
    parts = [part.strip() for part in (text or DEFAULT_KEY_PATTERN).split(";") if part.strip()]
    compiled = []
    for part in parts:
        try:
            compiled.append(re.compile(part))
        except re.error as error:
            raise LaiQaError(tr("Key pattern part '{0}' is not a valid regular expression: {1}")
                                 .format(part, error)) from None
    if not compiled:
        raise LaiQaError(tr("The key pattern is empty"))
    return compiled


def key_parts(name: str, patterns: list) -> tuple:
    parts = []
    for pattern in patterns:
        match = pattern.search(name)
        parts.append(match.group(0) if match else None)
    return tuple(parts)


def find_files(folder: str, pattern: str, recursive: bool, role: str) -> list:
    """Files under ``folder`` whose names match the glob ``pattern`` (several separated by ';'), sorted."""
    if not os.path.isdir(folder):
        raise LaiQaError(tr("{0} folder '{1}' does not exist").format(tr(role), folder))
    globs = [glob.strip() for glob in (pattern or "*").split(";") if glob.strip()]
    found = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        found += [os.path.join(root, name) for name in sorted(files)
                  if any(fnmatch.fnmatch(name, glob) for glob in globs)]
        if not recursive:
            break
    return found


def compatible(a: tuple, b: tuple) -> bool:
    shared = [(x, y) for x, y in zip(a, b) if x is not None and y is not None]
    return bool(shared) and all(x == y for x, y in shared)


def key_text(a: tuple, b: tuple) -> str:
    return "_".join(x if x is not None else y for x, y in zip(a, b) if (x or y) is not None)


def pair_files(products: list, references: list, key_pattern: str = DEFAULT_KEY_PATTERN) -> Pairing:
    patterns = compile_key_pattern(key_pattern)
    result = Pairing()
    keyed_products, keyed_references = [], []
    for paths, keyed in ((products, keyed_products), (references, keyed_references)):
        for path in paths:
            item = KeyedFile(path, key_parts(os.path.basename(path), patterns))
            (keyed if any(part is not None for part in item.parts) else result.unkeyed).append(item)
    partners_of_product = {p: [r for r in keyed_references if compatible(p.parts, r.parts)] for p in keyed_products}
    partners_of_reference = {r: [p for p in keyed_products if compatible(p.parts, r.parts)] for r in keyed_references}
    for product, partners in partners_of_product.items():
        if not partners:
            result.product_only.append(product)
        elif len(partners) > 1:
            result.ambiguous.append((product, partners))
        elif len(partners_of_reference[partners[0]]) > 1:
            continue  # reported once, from the reference's side
        else:
            result.pairs.append((key_text(product.parts, partners[0].parts), product, partners[0]))
    for reference, partners in partners_of_reference.items():
        if not partners:
            result.reference_only.append(reference)
        elif len(partners) > 1:
            result.ambiguous.append((reference, partners))
    result.pairs.sort(key=lambda pair: pair[0])
    return result


def date_part(key: str) -> str | None:
    """The acquisition date ``AYYYYDDD`` of a pair key (``A2020001_h12v03``), or None: read here only."""
    return next((part for part in key.split("_") if _DATE.fullmatch(part)), None)
