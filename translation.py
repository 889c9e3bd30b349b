"""One translation context for every user-facing string, and loading of i18n/laiqa_<locale>.qm."""
from __future__ import annotations

import os

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

CONTEXT = "LaiQa"
I18N_DIR = os.path.join(os.path.dirname(__file__), "i18n")
_installed = []


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def user_locale() -> str:
    """QGIS's own choice: the override in the settings, else the system locale (e.g. 'zh_CN')."""
    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        return settings.value("locale/userLocale", "") or QLocale.system().name()
    return QLocale.system().name()


def install_translator(locale: str | None = None) -> bool:
    """Load laiqa_<locale>.qm (or laiqa_<language>.qm) once; False when there is none for the locale."""
    locale = locale or user_locale()
    for name in (locale, locale.split("_")[0]):
        path = os.path.join(I18N_DIR, f"laiqa_{name}.qm")
        if os.path.exists(path):
            translator = QTranslator()
            if translator.load(path):
                QCoreApplication.installTranslator(translator)
                _installed.append(translator)  # Qt does not own it: keep it alive
                return True
    return False


def remove_translators():
    while _installed:
        QCoreApplication.removeTranslator(_installed.pop())
