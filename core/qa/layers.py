"""Several QA layers of one product under one rule: their fields side by side in one wider word.

MODIS LAI users filter on ``FparLai_QC`` *and* ``FparExtra_QC``. Rather than teach the rule, the buffer,
the split field and the value lists about several bands, each window's layers are packed into one unsigned
word, layer k shifted left by the bits of the layers before it, and a *composite* scheme names their fields
``<layer>.<field>`` at the same offsets: everything downstream reads one QA word as before. A rule may name
a field unqualified when exactly one layer has it (Scheme.field, rule.py).

Where any layer is nodata, the word is ``1 << total bits`` (a bit no field uses): that is the composite's
nodata value, so "QA nodata" stays one comparison.
"""
from __future__ import annotations

import re

import numpy as np

from ..errors import SchemeError
from ..messages import tr
from .decode import as_bit_pattern
from .scheme import MAX_BITS, Field, Scheme, shorten

_LAYER_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_UNSIGNED = (np.uint8, np.uint16, np.uint32, np.uint64)


def layer_name(scheme: Scheme, subdataset: str | None = None) -> str:
    """How a rule names a layer: its grid (the subdataset asked for, else the preset's), else the scheme id."""
    return subdataset or (scheme.grids[0] if scheme.grids else scheme.id)


def layer_width(scheme: Scheme) -> int:
    """Bits a layer takes in the packed word: up to its highest field bit (bits above carry no field)."""
    return scheme.bits_used


def composite_scheme(layers) -> Scheme:
    """One scheme over ``layers`` [(name, scheme)], the main first: each field renamed ``name.field`` and moved
    up by the widths of the layers before it. Its default rule is the main layer's (its names resolve
    unqualified while no other layer has them)."""
    names = [name for name, _ in layers]
    for name in names:
        if not _LAYER_NAME.match(name):
            raise SchemeError(tr("QA layer name '{0}' is not usable in rules: use letters, digits and _, starting "
                                 "with a letter").format(shorten(name)))
    seen = set()
    for name in names:
        if name.lower() in seen:
            raise SchemeError(tr("Two QA layers are both named {0}; give each its own grid (subdataset) name")
                                  .format(name))
        seen.add(name.lower())
    total = sum(layer_width(scheme) for _, scheme in layers)
    if total > MAX_BITS:
        raise SchemeError(tr("The QA layers need {0} bits together ({1}); at most {2} fit in one QA word").format(
            total, ", ".join(f"{name} {layer_width(scheme)}" for name, scheme in layers), MAX_BITS))
    fields, offset = [], 0
    for name, scheme in layers:
        fields += [Field(f"{name}.{qa_field.name}", qa_field.first_bit + offset, qa_field.bit_count,
                         qa_field.labels, qa_field.meanings, qa_field.description) for qa_field in scheme.fields]
        offset += layer_width(scheme)
    main = layers[0][1]
    return Scheme(id="+".join(scheme.id for _, scheme in layers), name=" + ".join(names), fields=tuple(fields),
                  source=main.source, default_rule=main.default_rule)


def word_type(bits: int):
    """The smallest unsigned type holding ``bits`` bits."""
    for dtype in _UNSIGNED:
        if bits <= np.dtype(dtype).itemsize * 8:
            return dtype
    raise SchemeError(tr("The QA layers need {0} bits together; at most {1} fit in one QA word").format(bits, MAX_BITS))


def packed_nodata(widths, has_nodata: bool):
    """The packed word's nodata value (``1 << total``), or None when no layer has nodata."""
    total = sum(widths)
    if not has_nodata:
        return None
    if total >= MAX_BITS:
        raise SchemeError(tr("The QA layers fill all {0} bits of a QA word, leaving none to mark their nodata "
                             "pixels; drop a layer").format(MAX_BITS))
    return 1 << total


def pack_layers(blocks, widths, missing=None) -> np.ndarray:
    """One word per pixel: ``blocks[k]``'s low ``widths[k]`` bits shifted left by the widths before it;
    ``packed_nodata`` where ``missing`` (True where any layer is nodata; None: nowhere)."""
    total = sum(widths) + (missing is not None)
    dtype = word_type(total)
    word = np.zeros(np.shape(blocks[0]), dtype)
    offset = 0
    for block, width in zip(blocks, widths):
        bits = as_bit_pattern(block).astype(dtype)
        bits &= dtype((1 << width) - 1)
        bits <<= dtype(offset)
        word |= bits
        offset += width
    if missing is not None:
        word[missing] = dtype(1 << offset)
    return word
