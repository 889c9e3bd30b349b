"""The QGIS-free core speaks the user's language through core.messages: Chinese in QGIS with a zh_CN locale,
English on the command line and whenever no translator is installed."""
import ast
import os
import re
import xml.etree.ElementTree as ET

import pytest
from helpers import ROOT
from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback

from laiqa.core import messages
from laiqa.core.errors import RuleError
from laiqa.core.qa.rule import rule_for
from laiqa.core.qa.scheme import load_preset
from laiqa.translation import install_translator, remove_translators

CATALOGUE = os.path.join(ROOT, "i18n", "laiqa_zh_CN.ts")
FIELD = re.compile(r"\{[0-9][^{}]*\}")


def catalogue() -> dict:
    return {m.findtext("source"): m.findtext("translation") for m in ET.parse(CATALOGUE).getroot().iter("message")}


@pytest.fixture
def chinese():
    remove_translators()
    assert install_translator("zh_CN")
    yield
    remove_translators()


@pytest.fixture
def english():
    remove_translators()
    yield
    remove_translators()


def run_difference_alg(params):
    from qgis import processing

    return processing.run("laiqa:maskeddifference", params, context=QgsProcessingContext(),
                          feedback=QgsProcessingFeedback())


def test_a_core_error_reaches_processing_in_chinese(laiqa_provider, sample_dir, tmp_path, chinese):
    own_path, glass_path = sample_dir[1]["h12v03"]
    with pytest.raises(QgsProcessingException) as raised:
        run_difference_alg({"PRODUCT": own_path, "REFERENCE": glass_path, "OUTPUT": str(tmp_path / "d.tif"),
                            "DEMING_LAMBDA": 0})
    assert "Deming 误差方差比必须为正数，实际为 0" in str(raised.value)
    assert "positive number" not in str(raised.value)


def test_a_bad_rule_reaches_processing_in_chinese(laiqa_provider, sample_dir, tmp_path, chinese):
    own_path, glass_path = sample_dir[1]["h12v03"]
    with pytest.raises(QgsProcessingException) as raised:
        run_difference_alg({"PRODUCT": own_path, "REFERENCE": glass_path, "OUTPUT": str(tmp_path / "d.tif"),
                            "RULE": "bogus == 1"})
    assert "第 1 列有未知字段“bogus”；" in str(raised.value)


def test_an_unreadable_raster_is_named_in_chinese(laiqa_provider, tmp_path, chinese):
    broken = tmp_path / "broken.tif"
    broken.write_bytes(b"not a raster")
    with pytest.raises(QgsProcessingException) as raised:
        run_difference_alg({"PRODUCT": str(broken), "REFERENCE": str(broken), "OUTPUT": str(tmp_path / "d.tif")})
    assert f"无法将“{broken}”作为栅格打开" in str(raised.value)


def test_without_a_translator_the_same_error_is_english(laiqa_provider, sample_dir, tmp_path, english):
    own_path, glass_path = sample_dir[1]["h12v03"]
    with pytest.raises(QgsProcessingException, match="The Deming error-variance ratio must be a positive number, "
                                                     "got 0"):
        run_difference_alg({"PRODUCT": own_path, "REFERENCE": glass_path, "OUTPUT": str(tmp_path / "d.tif"),
                            "DEMING_LAMBDA": 0})


def test_removing_the_translators_gives_the_core_english_back(chinese):
    scheme = load_preset("own_lai")
    with pytest.raises(RuleError, match="^第 1 列有未知字段“bogus”；"):
        rule_for(scheme, "bogus == 1")
    remove_translators()
    with pytest.raises(RuleError, match="^Unknown field 'bogus' at column 1; fields of "):
        rule_for(scheme, "bogus == 1")


def test_the_core_hook_translates_and_formats_after_translating():
    """A fake translator, no QGIS: the template is looked up, the arguments go in afterwards."""
    seen = []

    def fake(template):
        seen.append(template)
        return "<<" + template + ">>"

    messages.set_translator(fake)
    try:
        with pytest.raises(RuleError) as raised:
            rule_for(load_preset("own_lai"), "bogus == 1")
    finally:
        messages.set_translator(None)
    assert "Unknown field '{0}' at column {1}; fields of {2}: {3}" in seen
    assert str(raised.value).startswith("<<Unknown field 'bogus' at column 1; fields of ")
    assert messages.tr("Unknown field '{0}'") == "Unknown field '{0}'"  # None: English again


def _core_calls():
    """(file:line, template, positional argument count) of every tr("…").format(…) call in core."""
    for folder in ("core", os.path.join("core", "qa")):
        for name in sorted(os.listdir(os.path.join(ROOT, folder))):
            if not name.endswith(".py"):
                continue
            path = os.path.join(ROOT, folder, name)
            for node in ast.walk(ast.parse(open(path, encoding="utf-8").read())):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format"
                        and isinstance(node.func.value, ast.Call) and getattr(node.func.value.func, "id", "") == "tr"
                        and isinstance(node.func.value.args[0], ast.Constant)):
                    yield f"{folder}/{name}:{node.lineno}", node.func.value.args[0].value, len(node.args)


def test_every_core_template_takes_the_arguments_its_call_site_passes():
    calls = list(_core_calls())
    assert len(calls) > 100
    for where, template, count in calls:
        indices = {int(field[1:].split(":")[0].split("!")[0].split("}")[0]) for field in FIELD.findall(template)}
        assert indices == set(range(count)), (where, template, count)


def test_every_translation_has_exactly_the_placeholders_of_its_source():
    for source, translated in catalogue().items():
        assert sorted(set(FIELD.findall(source))) == sorted(set(FIELD.findall(translated))), source


@pytest.mark.parametrize("locale", ["zh-Hans", "zh_CN"])
def test_the_scheme_and_lai_preset_lists_show_chinese_names(laiqa_provider, locale):
    remove_translators()
    try:
        assert install_translator(locale)
        algorithm = laiqa_provider.algorithm("maskeddifference").create()  # parameters made anew, in Chinese
        schemes = algorithm.parameterDefinition("SCHEME").options()
        assert "自有 LAI 产品（DRT/ECO/WAT/TIM）" in schemes
        assert "MODIS MOD13/MYD13 植被指数质量（VI Quality）" in schemes
        assert "自有 LAI 产品（x0.001，大于 30000 的值为填充值）" in algorithm.parameterDefinition(
            "PRODUCT_PRESET").options()
    finally:
        remove_translators()
    algorithm = laiqa_provider.algorithm("maskeddifference").create()
    assert "Own LAI product (DRT/ECO/WAT/TIM)" in algorithm.parameterDefinition("SCHEME").options()


def test_the_compare_dialog_combos_show_chinese_preset_names(qgis_iface, chinese):
    from laiqa.ui.compare_dialog import CompareDialog

    dialog = CompareDialog()
    try:
        assert [dialog.scheme.itemText(i) for i in range(dialog.scheme.count())].count(
            "自有 LAI 产品（DRT/ECO/WAT/TIM）") == 1
        assert dialog.reference_preset.itemText(1) == "GLASS LAI（x0.01，有效范围 0-1000）"
    finally:
        dialog.deleteLater()


def test_the_update_script_reads_core_and_the_preset_names():
    import sys

    sys.path.insert(0, os.path.join(ROOT, "scripts"))
    import update_translations

    found = dict(update_translations.messages())
    assert found["The key pattern is empty"].startswith("core/pairing.py:")
    assert found["Flag '{0}' lists no bits"].startswith("core/qa/scheme_files.py:")
    assert found["MODIS MOD15A2H/MCD15A2H FparLai_QC"].startswith("core/qa/presets/mod15_fparlai_qc.json:")
    assert found["GLASS LAI (x0.01, valid 0-1000)"].startswith("core/lai_encoding.py:")
