"""Decoding equals bit arithmetic done independently; every preset and integer type round-trips."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from laiqa.core.errors import LaiQaError
from laiqa.core.qa.decode import decode, encode, output_dtype
from laiqa.core.qa.scheme import PRESET_IDS, Field, Scheme, load_preset

DTYPES = [np.uint8, np.uint16, np.int16, np.uint32, np.int32]


def field_by_string(value: int, bits: int, first_bit: int, bit_count: int) -> int:
    """A field read the way a person reads a bit table: the binary string, sliced."""
    text = format(value & ((1 << bits) - 1), f"0{bits}b")  # two's complement for negatives
    end = bits - first_bit
    return int(text[end - bit_count:end], 2)


def test_decode_matches_binary_strings_on_every_uint16_value():
    scheme = load_preset("mod13_vi_quality")
    qa = np.arange(65536, dtype=np.uint16).reshape(256, 256)
    decoded = decode(qa, scheme)
    for qa_field in scheme.fields:
        expected = [field_by_string(int(v), 16, qa_field.first_bit, qa_field.bit_count) for v in qa.ravel()[::97]]
        assert decoded[qa_field.name].ravel()[::97].tolist() == expected


def test_signed_int16_with_top_bit_set_reads_its_bit_pattern():
    scheme = Scheme("t", "t", (Field("low", 0, 4), Field("top", 15, 1), Field("mid", 8, 7)))
    qa = np.array([[-1, -32768, 0x7F0F - 0x10000 + 0x8000]], dtype=np.int16)
    decoded = decode(qa, scheme)
    assert decoded["top"].tolist() == [[1, 1, 1]]
    assert decoded["low"].tolist() == [[15, 0, 15]]
    # -1 is all ones; -32768 is only bit 15; the third is 0xFF0F: bits 8-14 = 0x7F
    assert decoded["mid"].tolist() == [[127, 0, 127]]


def test_float_qa_is_refused():
    with pytest.raises(LaiQaError, match="holds float32 values; bit fields need an integer band"):
        decode(np.zeros((2, 2), np.float32), load_preset("own_lai"))


def test_field_wider_than_the_type_is_refused():
    with pytest.raises(LaiQaError, match=r"Field 'Cloud_Confidence' uses bits 8-9, but the QA band is "
                                         r"uint8 with only 8 bits"):
        decode(np.zeros((2, 2), np.uint8), load_preset("landsat_c2_qa_pixel"))


def test_output_type_is_the_smallest_with_room_for_nodata():
    assert output_dtype(Scheme("t", "t", (Field("a", 0, 7),))) == np.uint8
    assert output_dtype(Scheme("t", "t", (Field("a", 0, 8),))) == np.uint16
    assert output_dtype(Scheme("t", "t", (Field("a", 0, 16),))) == np.uint32


@pytest.mark.parametrize("preset_id", PRESET_IDS)
@pytest.mark.parametrize("dtype", DTYPES)
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_encode_then_decode_round_trips(preset_id, dtype, data):
    scheme = load_preset(preset_id)
    if scheme.bits_used > np.dtype(dtype).itemsize * 8:
        return  # a 16-bit layout cannot live in a Byte band; refusal is tested above
    values = {
        f.name: np.array(data.draw(st.lists(st.integers(0, f.max_value), min_size=6, max_size=6)))
        for f in scheme.fields
    }
    qa = encode(values, scheme, dtype)
    assert qa.dtype == dtype
    decoded = decode(qa, scheme)
    for name, expected in values.items():
        assert decoded[name].tolist() == expected.tolist()
