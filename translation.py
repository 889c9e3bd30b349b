"""One translation context for every user-facing string, and loading of i18n/laiqa_<locale>.qm."""
from __future__ import annotations

import os

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

from .core import messages

CONTEXT = "LaiQa"
I18N_DIR = os.path.join(os.path.dirname(__file__), "i18n")
_installed = []  # (translator, catalogue name)


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def translated_name(name: str) -> str:
    """A name that is data (a QA preset's ``name`` in core/qa/presets, an LAI preset's), in the user's language.

    scripts/update_translations.py collects these names from the presets, as pylupdate cannot see them.
    """
    return QCoreApplication.translate(CONTEXT, name)


def user_locale() -> str:
    """QGIS's own choice: the override in the settings, else the system locale (e.g. 'zh_CN')."""
    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        return settings.value("locale/userLocale", "") or QLocale.system().name()
    return QLocale.system().name()


def catalogue_names(locale: str) -> list:
    """Our catalogues for a locale name as QGIS writes it, best first.

    QGIS's Options dialog stores BCP 47 names (``zh-Hans``), the system gives POSIX ones (``zh_CN``): every
    Simplified Chinese spelling maps to zh_CN. Traditional Chinese (``zh-Hant``, ``zh_TW``, ``zh_HK``) gets
    none: English rather than another script.
    """
    parts = locale.replace("-", "_").split("_")
    language, rest = parts[0].lower(), {part.lower() for part in parts[1:]}
    if language == "zh":
        return [] if rest & {"hant", "tw", "hk", "mo"} else ["zh_CN"]
    return ["_".join(parts), language]


def report_language() -> str:
    """The language tag of an HTML report: the catalogue in use (zh_CN -> zh-CN), else en."""
    return _installed[-1][1].replace("_", "-") if _installed else "en"


def install_translator(locale: str | None = None) -> bool:
    """Load the catalogue of the locale (QGIS's choice by default) once; False when there is none for it.

    The one place every front end passes through (the desktop and qgis_process load the provider through
    plugin.initProcessing): with a catalogue, the QGIS-free core's messages are translated by tr() too.
    """
    locale = locale or user_locale()
    for name in catalogue_names(locale):
        path = os.path.join(I18N_DIR, f"laiqa_{name}.qm")
        if os.path.exists(path):
            translator = QTranslator()
            if translator.load(path):
                QCoreApplication.installTranslator(translator)
                _installed.append((translator, name))  # Qt does not own it: keep it alive
                messages.set_translator(tr)
                return True
    return False


def remove_translators():
    messages.set_translator(None)
    while _installed:
        QCoreApplication.removeTranslator(_installed.pop()[0])
