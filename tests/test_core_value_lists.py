"""Value lists both ways: the raw QA values a rule keeps, and the rule that keeps a list of raw values."""
import numpy as np
import pytest
from helpers import rule_texts
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from laiqa.core.errors import LaiQaError
from laiqa.core.qa.rule import rule_for
from laiqa.core.qa.scheme import PRESET_IDS, load_preset, scheme_from_table
from laiqa.core.qa.value_lists import kept_values, parse_value_list, rule_from_values

MOD15 = load_preset("mod15_fparlai_qc")
OWN = load_preset("own_lai")


def test_the_mod15_magic_list_reads_as_a_rule_that_keeps_exactly_it():
    magic = [0, 2, 24, 26, 32, 34, 56, 58]
    result = rule_from_values(MOD15, magic)
    assert result.exact and not result.notes
    # Worked out by hand: bit 0 MODLAND_QC, bit 1 SENSOR, bit 2 DEADDETECTOR, bits 3-4 CLOUDSTATE, bits 5-7 SCF_QC.
    # 24 = 0b11000: CLOUDSTATE 3 (not_set); 32 = 0b100000: SCF_QC 1 (main_saturated); 2: SENSOR Aqua.
    # So: MODLAND_QC 0, SENSOR either, DEADDETECTOR 0, CLOUDSTATE 0 or 3, SCF_QC 0 or 1.
    assert result.text == ("MODLAND_QC == good and DEADDETECTOR == fine and CLOUDSTATE in (clear, not_set) "
                           "and SCF_QC in (main, main_saturated)")
    qa = np.arange(256)
    by_hand = ((qa & 1) == 0) & (((qa >> 2) & 1) == 0) & np.isin((qa >> 3) & 3, [0, 3]) & (((qa >> 5) & 7) <= 1)
    assert np.flatnonzero(by_hand).tolist() == magic
    kept = kept_values(MOD15, rule_for(MOD15, result.text))
    assert kept.values.tolist() == magic and kept.dropped == 256 - 8


def test_kept_values_of_a_rule_match_bit_arithmetic_written_here():
    scheme = load_preset("mod13_vi_quality")
    qa = np.arange(1 << 16)
    kept = kept_values(scheme, rule_for(scheme, "MODLAND_QA in (good, check_other_qa) and VI_USEFULNESS <= 11 "
                                                "and not (LAND_WATER == deep_ocean or SHADOW == yes)"))
    # MODLAND_QA bits 0-1, VI_USEFULNESS bits 2-5, LAND_WATER bits 11-13 (7 = deep ocean), SHADOW bit 15
    expected = ((qa & 3) <= 1) & (((qa >> 2) & 15) <= 11) & ~((((qa >> 11) & 7) == 7) | (((qa >> 15) & 1) == 1))
    assert kept.values.tolist() == np.flatnonzero(expected).tolist()
    assert (kept.kept, kept.dropped) == (int(expected.sum()), int((~expected).sum()))
    assert kept.notes == ()


def test_the_default_rule_of_own_lai_keeps_every_quality_but_failed():
    kept = kept_values(OWN, rule_for(OWN, None))
    qa = np.arange(16)
    assert kept.values.tolist() == np.flatnonzero((qa & 3) != 3).tolist()
    assert rule_from_values(OWN, kept.values.tolist()).text == "quality != failed"


@pytest.mark.parametrize("preset_id", PRESET_IDS)
def test_rule_to_list_to_rule_to_list_round_trips_for_every_preset(preset_id):
    scheme = load_preset(preset_id)
    qa = np.arange(1 << scheme.bits_used, dtype=np.uint32)
    bits = {f.name: (qa >> f.first_bit) & f.max_value for f in scheme.fields}  # decoded here, not by the decoder

    @settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(rule_texts(scheme))
    def check(text):
        kept = kept_values(scheme, rule_for(scheme, text))
        assert kept.values.tolist() == np.flatnonzero(rule_for(scheme, text).keep(bits)).tolist()
        if not kept.values.size:
            return
        back = rule_from_values(scheme, kept.values.tolist())
        assert back.exact
        assert kept_values(scheme, rule_for(scheme, back.text)).values.tolist() == kept.values.tolist()

    check()


@pytest.mark.parametrize("preset_id", ["own_lai", "mod15_fparlai_qc", "mod11_qc"])
def test_any_list_of_values_comes_back_exactly(preset_id):
    scheme = load_preset(preset_id)

    @settings(max_examples=25, deadline=None)
    @given(st.sets(st.integers(0, (1 << scheme.bits_used) - 1), min_size=1, max_size=40))
    def check(values):
        back = rule_from_values(scheme, values)
        assert back.exact
        assert kept_values(scheme, rule_for(scheme, back.text)).values.tolist() == sorted(values)

    check()


def test_every_value_is_the_empty_rule_and_the_empty_rule_lists_every_value():
    assert kept_values(OWN, rule_for(OWN, "")).values.tolist() == list(range(16))
    assert rule_from_values(OWN, range(16)).text == ""


def test_a_single_conjunction_is_preferred_and_or_is_used_when_needed():
    qa = np.arange(16)
    quality, algorithm = qa & 3, qa >> 2
    either = np.flatnonzero((quality == 1) | (algorithm == 2)).tolist()
    assert rule_from_values(OWN, either).text == "quality == 1 or algorithm == WAT"
    all_but_one = np.flatnonzero(~((quality == 1) & (algorithm == 2))).tolist()
    assert rule_from_values(OWN, all_but_one).text == "quality != 1 or algorithm != WAT"
    low = np.flatnonzero(quality < 2).tolist()
    assert rule_from_values(OWN, low).text == "quality <= 1"


def test_bits_of_no_field_are_listed_at_0_and_a_list_setting_them_is_not_exact():
    gappy = scheme_from_table([["low", "0", "2", ""], ["flag", "3", "1", "0=no;1=yes"]])  # bit 2 is no field's
    kept = kept_values(gappy, rule_for(gappy, "flag == yes"))
    assert kept.values.tolist() == [8, 9, 10, 11]
    assert kept.notes == ("Bit(s) 2 belong to no field: rules never read them, so the values are listed with "
                          "them at 0, and each kept value is kept whatever those bits hold.",)
    result = rule_from_values(gappy, [8, 9, 10, 11, 12])  # 12 = 8 | 4: bit 2 set, read as 8
    assert result.text == "flag == yes" and not result.exact
    assert (result.added, result.missed) == ((), (12,))
    result = rule_from_values(gappy, [4])  # 4 = bit 2 alone: read as 0, which the list lacks
    assert result.text == "low == 0 and flag == no"
    assert (result.added, result.missed) == ((0,), (4,))


def test_a_wide_scheme_is_listed_over_the_fields_the_rule_reads():
    wide = scheme_from_table([["small", "0", "2", ""], ["big", "2", "30", ""]])
    kept = kept_values(wide, rule_for(wide, "small != 0"))
    assert kept.values.tolist() == [1, 2, 3]
    assert kept.kept == 3 << 30 and kept.dropped == 1 << 30
    assert "listed over the fields the rule reads, with big at 0" in kept.notes[0]
    with pytest.raises(LaiQaError, match="^The rule reads fields of 30 bits together; value lists stop at 24 bits"):
        kept_values(wide, rule_for(wide, "big == 5"))
    assert rule_from_values(wide, [1 | 5 << 2, 2 | 5 << 2]).text == "small in (1, 2) and big == 5"


@pytest.mark.parametrize("text, values", [
    ("0, 2, 24", [0, 2, 24]),
    ("0 2\t24\n26", [0, 2, 24, 26]),
    ("c(0, 2, 24, 24)", [0, 2, 24]),
    ("c(0L, 2L)", [0, 2]),
    ("[58, 0x2, 0b11000]", [2, 24, 58]),
])
def test_value_lists_are_read_as_people_paste_them(text, values):
    assert parse_value_list(text, MOD15) == values


@pytest.mark.parametrize("text, message", [
    ("0, 2.5", "'2.5' in the value list is not a whole number"),
    ("0, two", "'two' in the value list is not a whole number"),
    ("0, -2", "QA value -2 is negative: QA values are bit patterns, 0 or more"),
    ("0, 256", "QA value 256 is beyond the scheme's span (8 bits: 0-255)"),
    ("9" * 100, f"QA value {'9' * 40}… (100 characters) is beyond the scheme's span (8 bits: 0-255)"),
    ("  ", "The value list is empty: give raw QA values such as 0, 2, 24"),
    ("c()", "The value list is empty: give raw QA values such as 0, 2, 24"),
])
def test_bad_value_lists_name_the_problem(text, message):
    with pytest.raises(LaiQaError) as raised:
        parse_value_list(text, MOD15)
    assert str(raised.value) == message
