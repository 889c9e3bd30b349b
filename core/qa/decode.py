"""Vectorized bit-field decoding: one shift and one AND per field per block.

This replaces the article's per-pixel ``"{:012b}".format(...)`` loop. Signed
QA bands (Int8/16/32/64) are read as their two's-complement bit pattern, which
is what the product's bit layout describes.
"""
from __future__ import annotations

import numpy as np

from ..errors import LaiQaError
from ..messages import tr

_UNSIGNED_OF = {1: np.uint8, 2: np.uint16, 4: np.uint32, 8: np.uint64}


def as_bit_pattern(qa_block: np.ndarray) -> np.ndarray:
    """The block's bits as an unsigned array of the same width (no copy)."""
    if qa_block.dtype.kind not in "iu":
        raise LaiQaError(
            tr("The QA band holds {0} values; bit fields need an integer band (UInt8/16/32 or Int16/32). Pick the "
               "QA band, not a scaled data band.").format(qa_block.dtype.name)
        )
    return qa_block.view(_UNSIGNED_OF[qa_block.dtype.itemsize])


def check_fits(scheme, bits_available: int, type_name: str) -> None:
    """Refuse a scheme whose fields reach past the QA band's type."""
    for qa_field in scheme.fields:
        if qa_field.last_bit >= bits_available:
            raise LaiQaError(
                tr("Field '{0}' uses {1}, but the QA band is {2} with only {3} bits (0-{4})")
                    .format(qa_field.name, qa_field.bits_text, type_name, bits_available, bits_available - 1)
            )


def decode_field(bit_pattern: np.ndarray, qa_field) -> np.ndarray:
    """Values of one field; the result keeps the unsigned dtype of ``bit_pattern``."""
    dtype = bit_pattern.dtype.type
    return (bit_pattern >> dtype(qa_field.first_bit)) & dtype(qa_field.max_value)


def decode(qa_block: np.ndarray, scheme, names=None) -> dict:
    """Every field of ``scheme`` (or only ``names``) decoded from ``qa_block``: name -> array."""
    bit_pattern = as_bit_pattern(qa_block)
    check_fits(scheme, bit_pattern.dtype.itemsize * 8, qa_block.dtype.name)
    wanted = scheme.field_names if names is None else names
    return {name: decode_field(bit_pattern, scheme.field(name)) for name in wanted}


def encode(values: dict, scheme, dtype=np.uint16) -> np.ndarray:
    """Pack field values into QA words: the inverse of ``decode``, for sample data and tests."""
    shape = np.shape(next(iter(values.values())))
    words = np.zeros(shape, dtype=np.uint64)
    for name, field_values in values.items():
        qa_field = scheme.field(name)
        words |= (np.asarray(field_values, dtype=np.uint64) & np.uint64(qa_field.max_value)) << np.uint64(
            qa_field.first_bit
        )
    return words.astype(_UNSIGNED_OF[np.dtype(dtype).itemsize]).view(dtype)


def output_dtype(scheme, need_nodata: bool = True):
    """Smallest unsigned type that holds every field value and, above them, a nodata value."""
    widest = max(qa_field.max_value for qa_field in scheme.fields)
    for dtype in (np.uint8, np.uint16, np.uint32, np.uint64):
        limit = np.iinfo(dtype).max
        if widest < limit or (not need_nodata and widest <= limit):
            return dtype
    raise LaiQaError(tr("A QA field of 64 bits leaves no room for a nodata value; split it in two fields"))


def describe_value(raw: int, dtype, scheme) -> dict:
    """One QA value spelled out: its bits and every field's value, label and meaning (the pixel inspector)."""
    word = np.array([raw], dtype=dtype)
    bits = word.dtype.itemsize * 8
    pattern = int(as_bit_pattern(word)[0])
    decoded = decode(word, scheme)
    fields = []
    for qa_field in scheme.fields:
        value = int(decoded[qa_field.name][0])
        fields.append({"field": qa_field.name, "bits": qa_field.bits_text, "value": value,
                       "label": qa_field.labels.get(value, ""), "meaning": qa_field.meanings.get(value, "")})
    return {"raw": int(raw), "binary": format(pattern, f"0{bits}b"), "fields": fields}
