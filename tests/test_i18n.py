"""Chinese users see Chinese: every tr() string is in the zh_CN catalogue, finished, and used by QGIS."""
import os
import sys
import xml.etree.ElementTree as ET

import pytest
from helpers import ROOT

from laiqa.translation import install_translator, remove_translators

sys.path.insert(0, os.path.join(ROOT, "scripts"))
import update_translations

CATALOGUE = os.path.join(ROOT, "i18n", "laiqa_zh_CN.ts")


def catalogue():
    return {m.findtext("source"): m.find("translation") for m in ET.parse(CATALOGUE).getroot().iter("message")}


def test_every_string_of_the_code_is_in_the_catalogue():
    in_code = {text for text, _ in update_translations.messages()}
    missing = in_code - set(catalogue())
    assert not missing, f"run scripts/update_translations.py and translate: {sorted(missing)}"


def test_no_entry_is_unfinished_or_empty():
    unfinished = [source for source, translation in catalogue().items()
                  if translation.get("type") in ("unfinished", "obsolete") or not (translation.text or "").strip()]
    assert unfinished == []


def test_placeholders_survive_translation():
    for source, translation in catalogue().items():
        for index in range(4):
            assert (f"{{{index}" in source) == (f"{{{index}" in translation.text), source


@pytest.fixture
def chinese():
    assert os.path.exists(CATALOGUE[:-3] + ".qm"), "scripts/setup.sh compiles the .ts with lrelease"
    assert install_translator("zh_CN")
    yield
    remove_translators()


def test_algorithms_speak_chinese_with_a_zh_cn_locale(laiqa_provider, chinese):
    algorithm = laiqa_provider.algorithm("maskeddifference")
    assert algorithm.displayName() == "QA 掩膜的 LAI 差值及统计"
    assert algorithm.group() == "LAI 验证"
    assert "均方根误差" in algorithm.shortHelpString()
    assert laiqa_provider.algorithm("qamask").displayName() == "按规则生成 QA 掩膜"


def test_algorithms_speak_english_without_a_translator(laiqa_provider):
    remove_translators()
    assert laiqa_provider.algorithm("maskeddifference").displayName() == "QA-masked LAI difference with statistics"
    assert install_translator("fr_FR") is False


@pytest.mark.parametrize("locale, chinese_expected", [
    ("zh-Hans", True),  # what Settings > Options > General stores for 简体中文
    ("zh_CN", True),  # the system's locale on a Chinese desktop
    ("zh-CN", True),
    ("zh_Hans_CN", True),
    ("zh", True),
    ("zh-Hant", False),  # Traditional Chinese: English rather than another script
    ("zh_TW", False),
    ("en_US", False),
])
def test_every_spelling_of_simplified_chinese_qgis_writes_reaches_the_plugin(laiqa_provider, locale,
                                                                            chinese_expected):
    remove_translators()
    try:
        assert install_translator(locale) is chinese_expected
        expected = "QA 掩膜的 LAI 差值及统计" if chinese_expected else "QA-masked LAI difference with statistics"
        assert laiqa_provider.algorithm("maskeddifference").displayName() == expected
    finally:
        remove_translators()


def test_qgis_options_locale_setting_is_followed(laiqa_provider):
    from qgis.core import QgsSettings

    settings = QgsSettings()
    before = settings.value("locale/overrideFlag"), settings.value("locale/userLocale")
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "zh-Hans")
    remove_translators()
    try:
        assert install_translator() is True
        assert laiqa_provider.algorithm("qamask").displayName() == "按规则生成 QA 掩膜"
    finally:
        remove_translators()
        for key, value in zip(("locale/overrideFlag", "locale/userLocale"), before):
            if value is None:
                settings.remove(key)
            else:
                settings.setValue(key, value)
