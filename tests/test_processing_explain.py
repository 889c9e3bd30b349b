"""laiqa:explainrule through Processing: value lists both ways, the exports, and the refusals."""
import numpy as np
import pytest
from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback

from laiqa.core.qa.scheme import PRESET_IDS

MOD15_INDEX = PRESET_IDS.index("mod15_fparlai_qc")
OWN_INDEX = PRESET_IDS.index("own_lai")
CUSTOM_INDEX = len(PRESET_IDS)
MAGIC = "0, 2, 24, 26, 32, 34, 56, 58"


class _Log(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.lines = []

    def pushInfo(self, info):  # noqa: N802 - QGIS API name
        self.lines.append(info)

    def pushWarning(self, warning):  # noqa: N802 - QGIS API name
        self.lines.append(warning)


@pytest.fixture
def run(laiqa_provider):
    from qgis import processing

    def run_alg(params, log=None):
        return processing.run("laiqa:explainrule", params, context=QgsProcessingContext(),
                              feedback=log or QgsProcessingFeedback())

    return run_alg


def _values(text):
    return [int(v) for v in text.split(", ")] if text else []


def test_a_rule_lists_the_values_it_keeps(run):
    result = run({"SCHEME": OWN_INDEX, "RULE": "quality != failed and algorithm in (DRT, ECO)"})
    qa = np.arange(16)
    expected = np.flatnonzero(((qa & 3) != 3) & ((qa >> 2) <= 1)).tolist()  # quality bits 0-1, algorithm 2-3
    assert _values(result["KEPT_VALUES"]) == expected
    assert (result["KEPT_COUNT"], result["DROPPED_COUNT"]) == (len(expected), 16 - len(expected))
    assert result["RULE_FROM_VALUES"] == "quality != failed and algorithm in (DRT, ECO)"
    assert eval(result["NUMPY"], {"qa": qa}).tolist() == [v in expected for v in range(16)]
    assert eval(result["GDAL_CALC"], {"A": qa}).tolist() == [v in expected for v in range(16)]
    assert result["EE_JS"].startswith("qa.bitwiseAnd(3).neq(3).and(") and ".And(" in result["EE_PYTHON"]
    assert '"qa@1"' in result["QGIS_RASTER_CALCULATOR"]


def test_the_mod15_magic_list_becomes_a_rule(run):
    log = _Log()
    result = run({"SCHEME": MOD15_INDEX, "VALUES": f"c({MAGIC})"}, log)
    assert result["RULE_FROM_VALUES"] == ("MODLAND_QC == good and DEADDETECTOR == fine and CLOUDSTATE in "
                                          "(clear, not_set) and SCF_QC in (main, main_saturated)")
    assert result["KEPT_VALUES"] == MAGIC and result["DROPPED_COUNT"] == 256 - 8
    qa = np.arange(256)
    assert np.flatnonzero(eval(result["NUMPY"], {"qa": qa})).tolist() == _values(MAGIC)
    assert f"Keeps 8 QA values: {MAGIC} (248 dropped)" in log.lines


def test_neither_rule_nor_values_explains_the_default_rule(run):
    result = run({"SCHEME": MOD15_INDEX})
    qa = np.arange(256)
    expected = ((qa & 1) == 0) & (((qa >> 5) & 7) <= 1)  # MODLAND_QC bit 0 good, SCF_QC bits 5-7 main(_saturated)
    assert _values(result["KEPT_VALUES"]) == np.flatnonzero(expected).tolist()


def test_values_over_a_custom_scheme_with_a_bit_of_no_field_are_not_exact(run):
    log = _Log()
    result = run({"SCHEME": CUSTOM_INDEX, "CUSTOM_FIELDS": ["low", 0, 2, "", "flag", 3, 1, "0=no;1=yes"],
                  "VALUES": "[8, 9, 10, 11, 12]"}, log)
    assert result["RULE_FROM_VALUES"] == "flag == yes"
    assert "No rule over the scheme's fields keeps exactly these values; the closest adds - and misses 12" in log.lines


@pytest.mark.parametrize("params, message", [
    ({"VALUES": "0, 2.5"}, "'2.5' in the value list is not a whole number"),
    ({"VALUES": "0 -1"}, "QA value -1 is negative: QA values are bit patterns, 0 or more"),
    ({"VALUES": "16"}, "QA value 16 is beyond the scheme's span (4 bits: 0-15)"),
    ({"VALUES": "c()"}, "The value list is empty: give raw QA values such as 0, 2, 24"),
    ({"VALUES": "0", "RULE": "quality == 0"}, "Give a rule or a list of QA values, not both"),
    ({"RULE": "quality == 4"}, "Value 4 at column 12 is out of range for 'quality' (bits 0-1: 0-3)"),
])
def test_bad_input_is_one_line_naming_the_problem(run, params, message):
    with pytest.raises(QgsProcessingException) as raised:
        run({"SCHEME": OWN_INDEX, **params})
    assert str(raised.value) == message
