"""The rule parser: what it accepts, what it keeps, and how it names what it rejects."""
import numpy as np
import pytest

from laiqa.core.errors import RuleError
from laiqa.core.qa.rule import keep_mask, parse_rule
from laiqa.core.qa.scheme import load_preset

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
