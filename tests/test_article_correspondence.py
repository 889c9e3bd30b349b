"""The own-product scheme against the article's thresholds, on all 16 values of the low four QA bits.

The article formats QA as 12 binary digits, keeps the last four as a decimal-looking
number B and drops, per algorithm class, the pixels its thresholds name. This test
re-does exactly that and sets it beside ``quality != failed and algorithm == X``.
"""
import numpy as np
import pytest

from laiqa.core.qa.rule import keep_mask, parse_rule
from laiqa.core.qa.scheme import load_preset

OWN = load_preset("own_lai")
QA = np.arange(16, dtype=np.int16)
B = np.array([int(f"{int(v):012b}"[-4:]) for v in QA])  # the article's own decoding

# The article's drop conditions, copied from its code.
ARTICLE_DROPS = {
    "DRT": (B >= 100) | (B == 11),
    "ECO": (B < 100) | (B == 111),
    "WAT": (B < 1000) | (B == 1011),
    "TIM": (B < 1100) | (B == 1111),
}
# The upper bound each class test lacks in the article (its next class starts there).
NEXT_CLASS_START = {"DRT": None, "ECO": 1000, "WAT": 1100, "TIM": None}


@pytest.mark.parametrize("label", ["DRT", "ECO", "WAT", "TIM"])
def test_scheme_matches_the_article_within_each_class(label):
    ours = keep_mask(QA, OWN, parse_rule(f"quality != failed and algorithm == {label}", OWN))
    article = ~ARTICLE_DROPS[label]
    if NEXT_CLASS_START[label] is not None:
        article = article & (B < NEXT_CLASS_START[label])
    assert ours.tolist() == article.tolist()


def test_article_as_written_lets_eco_and_wat_keep_later_classes():
    eco_as_written = ~ARTICLE_DROPS["ECO"]
    wat_as_written = ~ARTICLE_DROPS["WAT"]
    # B = 1000 is bits 1000: algorithm 2 (WAT), quality 0; B = 1100 is TIM, quality 0.
    assert eco_as_written[QA == 0b1000].all() and eco_as_written[QA == 0b1100].all()
    assert wat_as_written[QA == 0b1100].all()
    ours_eco = keep_mask(QA, OWN, parse_rule("quality != failed and algorithm == ECO", OWN))
    assert ours_eco.sum() == 3  # 0100, 0101, 0110
    # plus all eight WAT and TIM codes 1000-1111, even their failed retrievals 1011 and 1111
    assert eco_as_written.sum() == 11
    assert eco_as_written[QA == 0b1011].all() and eco_as_written[QA == 0b1111].all()
