"""QA schemes: presets load, bad layouts are refused with a message that names the problem."""
import json

import pytest

from laiqa.core.errors import SchemeError
from laiqa.core.qa.scheme import (
    PRESET_IDS,
    Field,
    Scheme,
    load_preset,
    load_scheme_file,
    parse_labels,
    presets,
    rows_from_flat,
    scheme_from_dict,
    scheme_from_table,
    shorten,
)


def test_every_preset_loads_cites_its_source_and_fits_its_band():
    loaded = presets()
    assert [scheme.id for scheme in loaded] == list(PRESET_IDS)
    for scheme in loaded:
        assert scheme.source, scheme.id
        assert scheme.bits_used <= 16, scheme.id


@pytest.mark.parametrize(
    "preset_id, field_name, first_bit, bit_count",
    [
        ("own_lai", "quality", 0, 2),
        ("own_lai", "algorithm", 2, 2),
        ("mod15_fparlai_qc", "MODLAND_QC", 0, 1),
        ("mod15_fparlai_qc", "CLOUDSTATE", 3, 2),
        ("mod15_fparlai_qc", "SCF_QC", 5, 3),
        ("mod15_fparextra_qc", "SNOW_ICE", 2, 1),
        ("mod11_qc", "LST_ERROR", 6, 2),
        ("mod13_vi_quality", "VI_USEFULNESS", 2, 4),
        ("mod13_vi_quality", "LAND_WATER", 11, 3),
        ("landsat_c2_qa_pixel", "Cloud", 3, 1),
        ("landsat_c2_qa_pixel", "Cirrus_Confidence", 14, 2),
    ],
)
def test_preset_layouts_follow_the_product_documents(preset_id, field_name, first_bit, bit_count):
    qa_field = load_preset(preset_id).field(field_name)
    assert (qa_field.first_bit, qa_field.bit_count) == (first_bit, bit_count)


def test_own_product_labels_name_the_four_algorithms():
    algorithm = load_preset("own_lai").field("algorithm")
    assert algorithm.labels == {0: "DRT", 1: "ECO", 2: "WAT", 3: "TIM"}


@pytest.mark.parametrize(
    "fields, message",
    [
        ([Field("a", 0, 2), Field("b", 1, 2)], "Fields 'a' and 'b' overlap at bit 1"),
        ([Field("a", 0, 2), Field("A", 4, 2)], "Duplicate field name 'A'"),
        ([Field("a", 60, 8)], "ends at bit 67, beyond the 64 bits"),
        ([Field("a", -1, 2)], "first bit must be >= 0"),
        ([Field("a", 0, 0)], "bit count >= 1"),
        ([Field("a", 0, 2, labels={4: "x"})], "label 'x' is for value 4, but 2 bit(s) hold only 0-3"),
        ([Field("a", 0, 2, labels={0: "x", 1: "X"})], "duplicate label 'X'"),
        ([Field("a", 0, 2, labels={0: "not ok"})], "label 'not ok' is not usable in rules"),
        ([Field("2a", 0, 2)], "Field name '2a' is not usable in rules"),
        ([], "has no fields"),
    ],
)
def test_bad_layouts_are_refused(fields, message):
    with pytest.raises(SchemeError, match=message.replace("(", r"\(").replace(")", r"\)")):
        Scheme(id="t", name="t", fields=tuple(fields))


def test_custom_table_builds_a_scheme_with_labels():
    scheme = scheme_from_table([["quality", "0", "2", ""], ["algorithm", "2", "2", "0=DRT;1=ECO;2=WAT;3=TIM"]])
    assert scheme.field("algorithm").labels[2] == "WAT"
    assert scheme.field("quality").first_bit == 0 and scheme.field("quality").bit_count == 2


def test_flat_matrix_cells_are_cut_into_rows():
    assert rows_from_flat(["a", 0, 2, "", "b", 2, 2, "0=x"]) == [["a", 0, 2, ""], ["b", 2, 2, "0=x"]]
    with pytest.raises(SchemeError, match="7 cells, not a multiple of 4"):
        rows_from_flat(["a", 0, 2, "", "b", 2, 2])


@pytest.mark.parametrize(
    "rows, message",
    [
        ([["a", "zero", "2"]], "Field 'a': first bit must be a whole number, got 'zero'"),
        ([["a", "0"]], "needs at least: name, first bit, bit count"),
        ([["", "", "", ""]], "has no fields"),
        ([["a", "0", "2", "0:x"]], "labels must look like 0=DRT;1=ECO, got '0:x'"),
    ],
)
def test_bad_custom_tables_are_refused(rows, message):
    with pytest.raises(SchemeError, match=message):
        scheme_from_table(rows)


def test_labels_accept_semicolons_commas_and_spaces():
    assert parse_labels("0=a; 1=b,2=c 3=d", "f") == {0: "a", 1: "b", 2: "c", 3: "d"}


def test_scheme_files_report_missing_and_malformed(tmp_path):
    with pytest.raises(SchemeError, match="Cannot read QA scheme file"):
        load_scheme_file(tmp_path / "missing.json")
    broken = tmp_path / "broken.json"
    broken.write_text("{ not json")
    with pytest.raises(SchemeError, match="is not valid JSON"):
        load_scheme_file(broken)
    no_fields = tmp_path / "no_fields.json"
    no_fields.write_text(json.dumps({"id": "x"}))
    with pytest.raises(SchemeError, match="missing the key 'fields'"):
        load_scheme_file(no_fields)
    with pytest.raises(SchemeError, match="Unknown QA preset 'nope'"):
        load_preset("nope")


def _refused(rows):
    with pytest.raises(SchemeError) as raised:
        scheme_from_table(rows)
    return str(raised.value)


def test_two_labels_for_one_value_are_refused():
    assert _refused([["algorithm", "2", "2", "0=X;0=Y"]]) == "Field 'algorithm': value 0 has two labels, 'X' and 'Y'"
    assert _refused([["algorithm", "2", "2", "1=X;01=X"]]) == "Field 'algorithm': value 1 has two labels, 'X' and 'X'"
    data = {"fields": [{"name": "a", "first_bit": 0, "bit_count": 2, "labels": {"1": "x", "01": "y"}}]}
    with pytest.raises(SchemeError) as raised:
        scheme_from_dict(data)
    assert str(raised.value) == "Field 'a' labels: value 1 is given twice, 'x' and 'y'"


@pytest.mark.parametrize(
    "rows, message",
    [
        ([["and", "0", "2"]], "Field name 'and' is a rule keyword (and, or, not, in), so no rule could name it"),
        ([["IN", "0", "2"]], "Field name 'IN' is a rule keyword (and, or, not, in), so no rule could name it"),
        ([["a", "0", "2", "0=ok;1=Not"]],
         "Field 'a': label 'Not' is a rule keyword (and, or, not, in), so no rule could name it"),
        ([["a", "0", "2", "0=or"]],
         "Field 'a': label 'or' is a rule keyword (and, or, not, in), so no rule could name it"),
    ],
)
def test_rule_keywords_are_refused_as_names_and_labels(rows, message):
    assert _refused(rows) == message


@pytest.mark.parametrize(
    "first_bit, message",
    [
        ("9" * 5000, f"Field 'a': first bit is too large, got '{'9' * 40}… (5,000 characters)'"),
        (str(2**64), "Field 'a': first bit is too large, got '18446744073709551616'"),
        ("0x1" + "0" * 16, "Field 'a': first bit is too large, got '0x10000000000000000'"),
        ("12345678901234567890123.0", "Field 'a': first bit is too large, got '12345678901234567890123.0'"),
        (str(2**64 - 1), "Field 'a' ends at bit 18446744073709551616, beyond the 64 bits of the widest QA type"),
        ("x" * 1000, f"Field 'a': first bit must be a whole number, got '{'x' * 40}… (1,000 characters)'"),
    ],
)
def test_huge_numbers_in_a_table_are_refused_not_rounded(first_bit, message):
    assert _refused([["a", first_bit, "2"]]) == message


def test_long_names_and_labels_are_shortened_in_messages():
    long_name = "n" * 100_000
    shown = f"{'n' * 40}… (100,000 characters)"
    assert _refused([[long_name, "0", "2"], [long_name, "2", "2"]]) == f"Duplicate field name '{shown}'"
    assert _refused([["a", "0", "2", "0=" + "-" * 100_000]]) == (
        f"Field 'a': label '{'-' * 40}… (100,000 characters)' is not usable in rules: use letters, digits and _, "
        "starting with a letter"
    )
    with pytest.raises(SchemeError) as raised:
        load_preset("own_lai").field(long_name)
    assert str(raised.value) == (
        f"Unknown field '{shown}'; fields of Own LAI product (DRT/ECO/WAT/TIM): quality, algorithm"
    )


def test_shorten_keeps_short_text_and_one_line():
    assert shorten("quality") == "quality"
    assert shorten("a\nb\r\nc") == "a b c"
    assert shorten("x" * 60) == "x" * 60
    assert shorten("x" * 61) == "x" * 40 + "… (61 characters)"
