"""Collect every tr("…") string of the plugin into i18n/laiqa_<locale>.ts, keeping existing translations.

usage: python3 scripts/update_translations.py [zh_CN ...]      then: lrelease i18n/laiqa_zh_CN.ts

pylupdate5 files strings under the enclosing class's name, but the plugin translates everything in
one context (translation.CONTEXT), so the sources are read here with ``ast`` instead. New strings
enter as unfinished; strings no longer in the code are marked obsolete.
"""
import ast
import os
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONTEXT = "LaiQa"
SOURCE_FOLDERS = ("", "core", "processing_provider", "ui")  # core: the report's tr("…") (a parameter there)


def messages() -> list:
    """(text, 'file:line') of every tr()/self.tr() call with a literal string, in source order."""
    found = {}
    for folder in SOURCE_FOLDERS:
        directory = os.path.join(ROOT, folder)
        for name in sorted(os.listdir(directory)):
            if not name.endswith(".py"):
                continue
            path = os.path.join(directory, name)
            tree = ast.parse(open(path, encoding="utf-8").read())
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call) or not node.args:
                    continue
                function = node.func
                called = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")
                text = _literal(node.args[0])
                if called == "tr" and text is not None:
                    found.setdefault(text, f"{os.path.relpath(path, ROOT)}:{node.lineno}")
    return sorted(found.items(), key=lambda item: item[1])


def _literal(node):
    """A string literal, or implicitly concatenated literals, or a + of literals."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _literal(node.left), _literal(node.right)
        return left + right if left is not None and right is not None else None
    return None


def update(locale: str) -> tuple:
    path = os.path.join(ROOT, "i18n", f"laiqa_{locale}.ts")
    existing = {}
    if os.path.exists(path):
        for message in ET.parse(path).getroot().iter("message"):
            translation = message.find("translation")
            existing[message.findtext("source")] = (translation.text or "", translation.get("type"))
    root = ET.Element("TS", version="2.1", language=locale)
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    unfinished = 0
    for text, where in messages():
        message = ET.SubElement(context, "message")
        file_name, line = where.rsplit(":", 1)
        ET.SubElement(message, "location", filename=f"../{file_name}", line=line)
        ET.SubElement(message, "source").text = text
        translated, kind = existing.get(text, ("", "unfinished"))
        translation = ET.SubElement(message, "translation")
        translation.text = translated
        if kind == "unfinished" or not translated:
            translation.set("type", "unfinished")
            unfinished += 1
    ET.indent(root)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        handle.write(ET.tostring(root, encoding="unicode"))
        handle.write("\n")
    return path, len(messages()), unfinished


if __name__ == "__main__":
    for locale in sys.argv[1:] or ["zh_CN"]:
        path, total, unfinished = update(locale)
        print(f"{path}: {total} strings, {unfinished} unfinished")
