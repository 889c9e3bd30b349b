"""Rule exports run in (or, for Earth Engine, beside) the tools they are for, over every QA value of a scheme."""
import re
import shutil
import subprocess
import sys

import numpy as np
import pytest
from helpers import read_band, rule_texts
from hypothesis import given, settings
from osgeo import gdal

from laiqa.core.qa.rule import keep_mask, rule_for
from laiqa.core.qa.rule_exports import (
    earth_engine_javascript,
    earth_engine_python,
    gdal_calc_expression,
    numpy_expression,
    qgis_raster_calculator,
)
from laiqa.core.qa.scheme import PRESET_IDS, load_preset

OWN_RULES = [
    "quality != failed and algorithm in (DRT, ECO)",
    "not (quality == 1 and algorithm not in (DRT, WAT)) or quality >= 2",
    "quality < 2 or algorithm > ECO and not quality <= 0",
    "",
]
CASES = [(preset_id, None) for preset_id in PRESET_IDS] + [("own_lai", text) for text in OWN_RULES] + [
    ("landsat_c2_qa_pixel", "Cloud_Confidence in (low, medium) or not (Cirrus_Confidence != high and Water == yes)"),
    ("mod13_vi_quality", "LAND_WATER not in (shallow_ocean, deep_ocean) and (VI_USEFULNESS > 2 or SHADOW == no)"),
]


def _every_value(scheme):
    return np.arange(1 << scheme.bits_used, dtype=np.uint16)


def _ours(scheme, rule):
    return keep_mask(_every_value(scheme), scheme, rule)


def test_own_rule_export_matches_bit_arithmetic_written_here():
    scheme = load_preset("own_lai")
    qa = _every_value(scheme)
    rule = rule_for(scheme, OWN_RULES[0])
    by_hand = ((qa & 3) != 3) & (((qa >> 2) & 3) <= 1)
    assert eval(numpy_expression(scheme, rule), {"qa": qa}).tolist() == by_hand.tolist()
    assert _ours(scheme, rule).tolist() == by_hand.tolist()


@pytest.mark.parametrize("preset_id, text", CASES)
def test_numpy_expression_keeps_what_the_rule_keeps(preset_id, text):
    scheme = load_preset(preset_id)
    rule = rule_for(scheme, text)
    for dtype in (np.uint16, np.int32):
        qa = _every_value(scheme).astype(dtype)
        kept = eval(numpy_expression(scheme, rule), {"qa": qa})
        assert np.broadcast_to(kept, qa.shape).tolist() == _ours(scheme, rule).tolist()


@pytest.mark.parametrize("preset_id", PRESET_IDS)
def test_numpy_and_earth_engine_expressions_of_random_rules_keep_what_the_rule_keeps(preset_id):
    scheme = load_preset(preset_id)
    qa = _every_value(scheme).astype(np.int64)

    @settings(max_examples=15, deadline=None)
    @given(rule_texts(scheme))
    def check(text):
        rule = rule_for(scheme, text)
        expected = _ours(scheme, rule).tolist()
        assert eval(numpy_expression(scheme, rule), {"qa": qa}).tolist() == expected
        assert (_evaluate_ee(earth_engine_javascript(scheme, rule), qa, python=False) != 0).tolist() == expected
        assert (_evaluate_ee(earth_engine_python(scheme, rule), qa, python=True) != 0).tolist() == expected

    check()


# A little Earth Engine: ee.Image method chains on a numpy array of every QA value.
_EE_TOKEN = re.compile(r"\s*(?:(?P<number>\d+)|(?P<name>[A-Za-z_]\w*)|(?P<op>[.(),]))")
_EE_METHODS = {
    "bitwiseAnd": lambda a, b: a & b, "rightShift": lambda a, b: a >> b,
    "eq": lambda a, b: (a == b).astype(np.int64), "neq": lambda a, b: (a != b).astype(np.int64),
    "lt": lambda a, b: (a < b).astype(np.int64), "lte": lambda a, b: (a <= b).astype(np.int64),
    "gt": lambda a, b: (a > b).astype(np.int64), "gte": lambda a, b: (a >= b).astype(np.int64),
}


def _evaluate_ee(text, qa, python):
    words = ("And", "Or", "Not") if python else ("and", "or", "not")
    methods = dict(_EE_METHODS)
    methods[words[0]] = lambda a, b: ((a != 0) & (b != 0)).astype(np.int64)
    methods[words[1]] = lambda a, b: ((a != 0) | (b != 0)).astype(np.int64)
    methods[words[2]] = lambda a: (a == 0).astype(np.int64)
    tokens = [(m.lastgroup, m.group(m.lastgroup)) for m in _EE_TOKEN.finditer(text)]
    assert "".join(t for _, t in tokens) == text.replace(" ", "")
    position = 0

    def expression():
        nonlocal position
        kind, token = tokens[position]
        position += 1
        value = int(token) if kind == "number" else {"qa": qa}[token]
        while position < len(tokens) and tokens[position][1] == ".":
            method = methods[tokens[position + 1][1]]  # an unknown method fails the test here
            assert tokens[position + 2][1] == "("
            position += 3
            arguments = []
            while tokens[position][1] != ")":
                arguments.append(expression())
                if tokens[position][1] == ",":
                    position += 1
            position += 1
            value = method(value, *arguments)
        return value

    result = expression()
    assert position == len(tokens)
    return result


@pytest.mark.parametrize("preset_id, text", CASES)
def test_earth_engine_expressions_keep_what_the_rule_keeps(preset_id, text):
    scheme = load_preset(preset_id)
    rule = rule_for(scheme, text)
    qa = _every_value(scheme).astype(np.int64)
    expected = _ours(scheme, rule).tolist()
    javascript = earth_engine_javascript(scheme, rule)
    python = earth_engine_python(scheme, rule)
    assert not re.search(r"\.(And|Or|Not)\(", javascript) and not re.search(r"\.(and|or|not)\(", python)
    assert np.broadcast_to(_evaluate_ee(javascript, qa, python=False) != 0, qa.shape).tolist() == expected
    assert np.broadcast_to(_evaluate_ee(python, qa, python=True) != 0, qa.shape).tolist() == expected


def _raster_of_every_value(scheme, write_raster):
    values = _every_value(scheme)
    side = 1 << ((scheme.bits_used + 1) // 2)
    grid = np.zeros(side * side, dtype=np.uint16)
    grid[:values.size] = values  # the rest repeats 0
    return write_raster(grid.reshape(side, side), gdal.GDT_UInt16), grid.reshape(side, side)


GDAL_CALC_CASES = [("own_lai", OWN_RULES[1]), ("own_lai", ""), ("mod15_fparlai_qc", None),
                   ("mod13_vi_quality", CASES[-1][1]), ("landsat_c2_qa_pixel", CASES[-2][1])]


@pytest.mark.skipif(not shutil.which("gdal_calc.py"), reason="gdal_calc.py is not installed")
@pytest.mark.parametrize("preset_id, text", GDAL_CALC_CASES)
def test_gdal_calc_expression_keeps_what_the_rule_keeps(preset_id, text, write_raster, tmp_path):
    scheme = load_preset(preset_id)
    rule = rule_for(scheme, text)
    source, grid = _raster_of_every_value(scheme, write_raster)
    out = str(tmp_path / "calc.tif")
    completed = subprocess.run(
        [sys.executable, shutil.which("gdal_calc.py"), "-A", source, "--outfile", out, "--type", "Byte",
         "--calc", gdal_calc_expression(scheme, rule), "--quiet"], capture_output=True, text=True, check=False)
    assert completed.returncode == 0, completed.stderr
    assert read_band(out).astype(bool).tolist() == keep_mask(grid, scheme, rule).tolist()


@pytest.mark.parametrize("preset_id, text", GDAL_CALC_CASES)
def test_qgis_raster_calculator_expression_keeps_what_the_rule_keeps(preset_id, text, write_raster, tmp_path,
                                                                    qgis_app):
    from qgis.analysis import QgsRasterCalculator, QgsRasterCalculatorEntry
    from qgis.core import QgsCoordinateTransformContext, QgsRasterLayer

    scheme = load_preset(preset_id)
    rule = rule_for(scheme, text)
    source, grid = _raster_of_every_value(scheme, write_raster)
    layer = QgsRasterLayer(source, "qa")
    entry = QgsRasterCalculatorEntry()
    entry.ref, entry.raster, entry.bandNumber = "qa@1", layer, 1
    out = str(tmp_path / "calc.tif")
    calculator = QgsRasterCalculator(qgis_raster_calculator(scheme, rule), out, "GTiff", layer.extent(),
                                     layer.width(), layer.height(), [entry], QgsCoordinateTransformContext())
    assert calculator.processCalculation() == QgsRasterCalculator.Result.Success, calculator.lastError()
    assert (read_band(out) == 1).tolist() == keep_mask(grid, scheme, rule).tolist()
