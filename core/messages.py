"""Messages for users in their language: the front end installs a translator, the core stays QGIS-free.

Core code writes each message as a literal template with numbered placeholders and formats it after
translation, ``tr("Cannot read '{0}'").format(path)``, so scripts/update_translations.py finds the
template and a translator may reorder the placeholders. Without a translator (the command line, a Dask
or process worker, which never installs one) messages stay English.
"""
from __future__ import annotations

from collections.abc import Callable


def _identity(text: str) -> str:
    return text


_translator: Callable[[str], str] = _identity


def tr(template: str) -> str:
    """``template`` in the user's language, by the translator the front end installed (English without one)."""
    return _translator(template)


def set_translator(translator: Callable[[str], str] | None) -> None:
    """Translate core messages with ``translator`` (None: English again). The QGIS plugin installs its tr()."""
    global _translator
    _translator = translator or _identity


def _catalogue_words():
    """Words passed into messages as data (a role: 'Product: no raster given'; a column name): tr(word) at use.

    Never called; listing them as tr() literals puts them in the catalogue.
    """
    return (tr("Input"), tr("Output"), tr("Product"), tr("Reference"), tr("QA"), tr("Strata"), tr("product"),
            tr("reference"), tr("The output"), tr("unpackqa products"), tr("unpackqa product"), tr("bit field sets"),
            tr("bit field set"), tr("qa nodata"), tr("dropped by rule"), tr("within buffer"),
            tr("product fill or out of range"), tr("reference missing after alignment"),
            tr("reference fill or out of range"), tr("scale"), tr("offset"), tr("valid min"), tr("valid max"),
            tr("fill values"), tr("default"), tr("user"), tr("file metadata"))
