"""Fonts our figures draw with: matplotlib needs a CJK font named in its family to draw Chinese labels.

Matplotlib (>= 3.6) falls back glyph by glyph only along ``font.family``, and Debian's Noto CJK collection
registers as "Noto Sans CJK JP": the installed ones of ``CJK_FONTS`` go in the family. The HTML report names
the same fonts in its CSS so a browser draws the tables' Chinese with them too.
"""
from __future__ import annotations

CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans CJK TC", "Source Han Sans SC", "WenQuanYi Micro Hei",
             "WenQuanYi Zen Hei", "Microsoft YaHei", "SimHei", "PingFang SC", "Arial Unicode MS")


def installed_cjk_fonts() -> list:
    """The fonts of CJK_FONTS matplotlib finds on this machine, in that order."""
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    return [name for name in CJK_FONTS if name in installed]


def font_settings() -> dict:
    """The rc settings our figures are drawn with (inside ``matplotlib.rc_context``): DejaVu Sans, then every
    installed CJK font."""
    return {"font.family": ["DejaVu Sans", *installed_cjk_fonts()]}


def has_cjk(texts) -> bool:
    """Whether any of the texts holds a CJK character."""
    return any("\u2e80" <= character <= "\u9fff" for text in texts for character in str(text))


def css_font_family() -> str:
    """A CSS font-family list: DejaVu Sans, every CJK font a reader's machine may have, then sans-serif."""
    return ", ".join(f'"{name}"' for name in ("DejaVu Sans", *CJK_FONTS)) + ", sans-serif"
