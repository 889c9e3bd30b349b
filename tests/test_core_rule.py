"""The rule parser: what it accepts, what it keeps, and how it names what it rejects."""
import numpy as np
import pytest

from laiqa.core.errors import RuleError
from laiqa.core.qa.rule import keep_mask, parse_rule
from laiqa.core.qa.scheme import load_preset, scheme_from_table

OWN = load_preset("own_lai")
LOW_BITS = np.arange(16, dtype=np.uint16)  # every (algorithm, quality) pair once
QUALITY = LOW_BITS & 3  # bits 0-1, worked out here independently of the decoder
ALGORITHM = LOW_BITS >> 2  # bits 2-3


@pytest.mark.parametrize(
    "text, expected",
    [
        ("quality != 3", QUALITY != 3),
        ("quality != failed", QUALITY != 3),
        ("algorithm in (DRT, ECO)", (ALGORITHM == 0) | (ALGORITHM == 1)),
        ("quality != 3 and algorithm in (DRT, ECO)", (QUALITY != 3) & (ALGORITHM <= 1)),
        ("algorithm not in (TIM) or quality == 0", (ALGORITHM != 3) | (QUALITY == 0)),
        ("not (algorithm == wat)", ALGORITHM != 2),
        ("ALGORITHM = 'ECO'", ALGORITHM == 1),
        ("quality <= 1 and algorithm > 0b01", (QUALITY <= 1) & (ALGORITHM > 1)),
        ("quality < 0x2 or algorithm >= 3 and quality == 3", (QUALITY < 2) | ((ALGORITHM >= 3) & (QUALITY == 3))),
        ("", np.ones(16, bool)),
    ],
)
def test_rules_keep_what_they_say(text, expected):
    assert keep_mask(LOW_BITS, OWN, parse_rule(text, OWN)).tolist() == expected.tolist()


def test_rule_reads_only_the_fields_it_names():
    assert parse_rule("algorithm == DRT", OWN).fields == ("algorithm",)


@pytest.mark.parametrize(
    "text, message",
    [
        ("qualty != 3", "Unknown field 'qualty' at column 1; fields of Own LAI product (DRT/ECO/WAT/TIM): "
                        "quality, algorithm"),
        ("algorithm == GLASS", "Unknown label 'GLASS' for field 'algorithm' at column 14; labels: DRT, ECO, WAT, TIM"),
        ("quality == 4", "Value 4 at column 12 is out of range for 'quality' (bits 0-1: 0-3)"),
        ("quality != 3 and", "Syntax error at column 17: expected a field name, found the end of the rule"),
        ("quality !! 3", "Syntax error at column 9: unexpected '!'"),
        ("quality 3", "Syntax error at column 9: expected a comparison"),
        ("algorithm in (DRT ECO)", "Syntax error at column 19: expected ',' or ')', found 'ECO'"),
        ("(quality == 1", "Syntax error at column 14: expected ')'"),
        ("quality == 1 algorithm == 2", "Syntax error at column 14: expected 'and', 'or' or the end"),
        ("algorithm not == 1", "Syntax error at column 15: expected 'in' after 'not'"),
        ("quality == ", "Syntax error at column 12: expected a value"),
    ],
)
def test_bad_rules_name_the_problem(text, message):
    with pytest.raises(RuleError) as raised:
        parse_rule(text, OWN)
    assert str(raised.value).startswith(message)


def test_rule_text_is_never_evaluated_as_python():
    with pytest.raises(RuleError, match="Syntax error at column 17: unexpected '.'"):
        parse_rule("__import__('os').system('true') == 1", OWN)


def _message(text, scheme=OWN):
    with pytest.raises(RuleError) as raised:
        parse_rule(text, scheme)
    return str(raised.value)


def test_decimal_with_leading_zeros_is_refused_not_read_as_octal():
    assert _message("quality == 03") == "Syntax error at column 12: '03' has leading zeros; write 3"
    assert _message("algorithm in (DRT, 0012)") == "Syntax error at column 20: '0012' has leading zeros; write 12"
    assert _message("quality == " + "0" * 100 + "9" * 5000) == (
        f"Syntax error at column 12: '{'0' * 40}… (5,100 characters)' has leading zeros; "
        f"write {'9' * 40}… (5,000 characters)"
    )
    assert keep_mask(LOW_BITS, OWN, parse_rule("quality == 00", OWN)).tolist() == (QUALITY == 0).tolist()


def test_digits_outside_ascii_are_a_syntax_error():
    assert _message("quality == \u0663") == "Syntax error at column 12: unexpected '\u0663'"


@pytest.mark.parametrize(
    "number, shown",
    [
        ("9" * 5000, "9" * 40 + "… (5,000 characters)"),  # past int()'s 4,300-digit limit
        ("0b" + "1" * 65, "0b" + "1" * 38 + "… (67 characters)"),
        ("0x" + "f" * 70, "0x" + "f" * 38 + "… (72 characters)"),
    ],
)
def test_numbers_too_large_for_any_field_are_out_of_range(number, shown):
    assert _message(f"quality == {number}") == (
        f"Value {shown} at column 12 is out of range for 'quality' (bits 0-1: 0-3)"
    )


def test_a_64_bit_field_takes_every_64_bit_value_and_no_more():
    wide = scheme_from_table([["all", "0", "64", ""]])
    qa = np.array([0, 2**64 - 1, 2**63], dtype=np.uint64)
    assert keep_mask(qa, wide, parse_rule("all == 18446744073709551615", wide)).tolist() == [False, True, False]
    assert keep_mask(qa, wide, parse_rule("all >= 0x8000000000000000", wide)).tolist() == [False, True, True]
    assert _message("all == 18446744073709551616", wide) == (
        "Value 18446744073709551616 at column 8 is out of range for 'all' (bits 0-63: 0-18446744073709551615)"
    )


def test_a_chain_of_5000_terms_parses_and_evaluates():
    pairs = [(i % 3, (i // 3) % 3) for i in range(5000)]
    text = " or ".join(f"quality == {q} and algorithm == {a}" for q, a in pairs)
    expected = np.zeros(16, bool)
    for q, a in pairs:
        expected |= (QUALITY == q) & (ALGORITHM == a)
    assert expected.tolist() == ((QUALITY < 3) & (ALGORITHM < 3)).tolist()
    assert keep_mask(LOW_BITS, OWN, parse_rule(text, OWN)).tolist() == expected.tolist()
    text = " and ".join(f"quality != {i % 3}" for i in range(5000))
    assert keep_mask(LOW_BITS, OWN, parse_rule(text, OWN)).tolist() == (QUALITY == 3).tolist()


def test_nesting_is_limited_to_100_levels_before_python_runs_out_of_stack():
    assert keep_mask(LOW_BITS, OWN, parse_rule("(" * 100 + "quality == 1" + ")" * 100, OWN)).tolist() == (
        QUALITY == 1
    ).tolist()
    assert keep_mask(LOW_BITS, OWN, parse_rule("not " * 99 + "quality == 1", OWN)).tolist() == (QUALITY != 1).tolist()
    assert keep_mask(LOW_BITS, OWN, parse_rule("not (" * 50 + "quality == 1" + ")" * 50, OWN)).tolist() == (
        QUALITY == 1
    ).tolist()
    too_deep = "Rule nested too deeply at column {} (more than 100 levels of parentheses or 'not')"
    assert _message("(" * 101 + "quality == 1" + ")" * 101) == too_deep.format(101)
    assert _message("not " * 101 + "quality == 1") == too_deep.format(401)
    assert _message("not (" * 51 + "quality == 1" + ")" * 51) == too_deep.format(251)
    assert _message("(" * 5000 + "quality == 1" + ")" * 5000) == too_deep.format(101)


def test_long_user_text_is_shortened_in_messages():
    assert _message("x" * 100_000 + " == 1") == (
        f"Unknown field '{'x' * 40}… (100,000 characters)' at column 1; "
        "fields of Own LAI product (DRT/ECO/WAT/TIM): quality, algorithm"
    )
    assert _message("algorithm == " + "y" * 100_000) == (
        f"Unknown label '{'y' * 40}… (100,000 characters)' for field 'algorithm' at column 14; "
        "labels: DRT, ECO, WAT, TIM"
    )
    assert _message("quality == 1 " + "z" * 100_000) == (
        "Syntax error at column 14: expected 'and', 'or' or the end of the rule, "
        f"found '{'z' * 40}… (100,000 characters)'"
    )
    assert _message("algorithm == 'a\nb'") == (
        "Unknown label 'a b' for field 'algorithm' at column 14; labels: DRT, ECO, WAT, TIM"
    )
