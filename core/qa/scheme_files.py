"""QA schemes as files to share: STAC ``classification:bitfields`` JSON, unpackqa product YAML and our own
preset JSON, read (the format told from the content) and written, so a layout is typed in once.

STAC and unpackqa names may hold spaces or hyphens a rule cannot name: they become rule labels
(``rule_label``, the same result every time) and the original text is kept as the value's meaning.
A document with several bit field sets (a STAC Item's assets and bands, an unpackqa file's products)
gives its first one unless the file is named ``path#choice`` (an asset key, a band or product name).
"""
from __future__ import annotations

import json
import os
import re
import unicodedata
from dataclasses import dataclass

from ..errors import SchemeError
from ..messages import tr
from ..writers import atomic_text_file
from .scheme import (
    _NAME,
    RULE_KEYWORDS,
    Field,
    Scheme,
    _int,
    parse_scheme_json,
    read_scheme_text,
    scheme_from_dict,
    shorten,
)

# Order is public: the FORMAT enum of laiqa:exportscheme.
FORMATS = ("stac", "unpackqa", "laiqa")
FORMAT_EXTENSIONS = {"stac": (".json",), "unpackqa": (".yaml", ".yml"), "laiqa": (".json",)}
STAC_EXTENSION = "https://stac-extensions.github.io/classification/v1.0.0/schema.json"
STAC_KEY = "classification:bitfields"
OWN_KEY = "laiqa:scheme"  # beside the bitfields: what STAC has no field for (id, name, source, default rule, grids)
_BAND_LISTS = ("raster:bands", "bands", "eo:bands")


@dataclass(frozen=True)
class LoadedScheme:
    scheme: Scheme
    note: str = ""  # for the log: which of several bit field sets was taken


def rule_label(text, taken=()) -> str:
    """``text`` as a name rules can use: accents dropped, other characters to ``_``, a leading digit
    prefixed, a rule keyword suffixed, and ``_2``, ``_3`` … where ``taken`` (lower case) already holds it."""
    label = str(text)
    if not _NAME.match(label):
        plain = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode("ascii")
        label = re.sub(r"[^A-Za-z0-9_]+", "_", plain).strip("_") or "value"
        if not _NAME.match(label):
            label = "_" + label
    if label.lower() in RULE_KEYWORDS:
        label += "_"
    unique, number = label, 2
    while unique.lower() in taken:
        unique, number = f"{label}_{number}", number + 1
    return unique


# ---- reading ----------------------------------------------------------------------------------------------

def read_scheme_file(path) -> LoadedScheme:
    """A scheme from a STAC, unpackqa or LAI QA Toolkit file; ``file#choice`` picks one of several sets."""
    path, choice = _split_choice(str(path))
    data = _parse(path)
    try:
        return scheme_from_document(data, choice)
    except SchemeError as error:
        raise SchemeError(tr("QA scheme file {0}: {1}").format(path, error)) from None


def _split_choice(path: str):
    if os.path.exists(path) or "#" not in path:
        return path, None
    file_part, _, choice = path.rpartition("#")
    return file_part, choice.strip() or None


def _parse(path: str):
    """The file's JSON or YAML: by its extension, else JSON where it starts like JSON (YAML reads JSON too)."""
    text = read_scheme_text(path)
    extension = os.path.splitext(path)[1].lower()
    if extension == ".json" or (extension not in (".yaml", ".yml") and text.lstrip()[:1] in ("{", "[")):
        return parse_scheme_json(text, path)
    yaml = _yaml()
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = tr(" (line {0})").format(mark.line + 1) if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise SchemeError(tr("QA scheme file {0} is not valid YAML: {1}{2}").format(path, problem, where)) from None


def _yaml():
    try:
        import yaml
    except ImportError:
        raise SchemeError(tr("YAML QA scheme files need PyYAML (Debian: python3-yaml; pip: PyYAML)")) from None
    return yaml


def scheme_from_document(data, choice=None) -> LoadedScheme:
    """A parsed file's scheme, whichever of the three formats it is."""
    if isinstance(data, dict) and isinstance(data.get("fields"), list):
        return LoadedScheme(scheme_from_dict(data))
    if isinstance(data, dict) and _unpackqa_products(data):
        return _pick("unpackqa products", _unpackqa_products(data), choice, _scheme_from_unpackqa)
    sets = _stac_sets(data)
    if sets:
        return _pick("bit field sets", sets, choice, _scheme_from_stac)
    raise SchemeError(tr("no bit fields found: expected '{0}' (STAC), 'flag_info' (unpackqa) or 'fields' (LAI QA "
                         "Toolkit)").format(STAC_KEY))


def _pick(what: str, candidates: list, choice, build) -> LoadedScheme:
    """The candidate ``choice`` names (any of its names, case-insensitive), else the first, said in the note."""
    if choice is not None:
        for names, *content in candidates:
            if choice.lower() in (name.lower() for name in names):
                return LoadedScheme(build(names, *content))
        raise SchemeError(tr("no {0} named '{1}'; the file has: {2}").format(
            tr(what[:-1]), shorten(choice), ", ".join(names[0] for names, *_ in candidates)))
    names, *content = candidates[0]
    note = ""
    if len(candidates) > 1:
        note = tr("The QA scheme file holds {0} {1} ({2}); using the first, {3} (name another as file#name)").format(
            len(candidates), tr(what), ", ".join(other[0] for other, *_ in candidates), names[0])
    return LoadedScheme(build(names, *content), note)


def _stac_sets(data) -> list:
    """(names, bitfields, holder) of every bitfields list of a STAC document, in document order: a bare list,
    an object holding the key, an Item's properties and assets, a Collection's assets and item_assets, and
    each of their bands."""
    if isinstance(data, list):
        return [(["bitfields"], data, {})]
    if not isinstance(data, dict):
        return []
    found = []

    def visit(holder, names):
        if isinstance(holder.get(STAC_KEY), list):
            found.append((names, holder[STAC_KEY], holder))
        for key in _BAND_LISTS:
            bands = holder.get(key)
            for index, band in enumerate(bands if isinstance(bands, list) else [], 1):
                if isinstance(band, dict) and isinstance(band.get(STAC_KEY), list):
                    band_names = [f"{names[0]} band {index}", f"{names[-1]}/{index}", names[-1]]
                    if isinstance(band.get("name"), str):
                        band_names.append(band["name"])
                    found.append((band_names, band[STAC_KEY], band))

    visit(data, ["document"])
    if isinstance(data.get("properties"), dict):
        visit(data["properties"], ["properties"])
    for group in ("assets", "item_assets"):
        for key, asset in (data.get(group) or {}).items() if isinstance(data.get(group), dict) else ():
            if isinstance(asset, dict):
                visit(asset, [f"asset {key}", key])
    return found


def _scheme_from_stac(names, bitfields, holder) -> Scheme:
    own = holder.get(OWN_KEY) if isinstance(holder.get(OWN_KEY), dict) else {}
    fields, taken = [], set()
    for index, item in enumerate(bitfields, 1):
        if not isinstance(item, dict):
            raise SchemeError(tr("bit field {0} is not an object").format(index))
        for key in ("offset", "length"):
            if key not in item:
                raise SchemeError(tr("bit field {0} has no '{1}'").format(index, key))
        offset = _int(item["offset"], tr("Bit field {0}: offset").format(index))
        length = _int(item["length"], tr("Bit field {0}: length").format(index))
        original = item.get("name")
        name = rule_label(original if original not in (None, "") else f"bits_{offset}", taken)
        taken.add(name.lower())
        labels, meanings = _stac_classes(item.get("classes") or [], name)
        fields.append(Field(name, offset, length, labels, meanings,
                            str(item.get("description") or (original if original != name else "") or "")))
    return Scheme(id=str(own.get("id", "stac")), name=str(own.get("name", f"STAC {names[0]}")),
                  fields=tuple(fields), source=str(own.get("source", "")),
                  default_rule=str(own.get("default_rule", "")), grids=tuple(own.get("grids", ())))


def _stac_classes(classes, field_name):
    """(labels, meanings): each class name as a rule label; its description (and a name that had to change)
    as the meaning, none where the description only repeats the label."""
    labels, meanings, taken = {}, {}, set()
    for item in classes:
        if not isinstance(item, dict) or "value" not in item:
            raise SchemeError(tr("Field '{0}': every class needs a 'value'").format(field_name))
        value = _int(item["value"], tr("Field '{0}': class value").format(field_name))
        if value in labels:
            raise SchemeError(tr("Field '{0}': class value {1} is given twice").format(field_name, value))
        original = str(item.get("name") or item.get("description") or f"value_{value}")
        label = rule_label(original, taken)
        taken.add(label.lower())
        labels[value] = label
        description = str(item.get("description") or "")
        meaning = description if description != label else ""
        if original != label and original != description:
            meaning = f"{original}: {description}" if description else original
        if meaning:
            meanings[value] = meaning
    return labels, meanings


def _unpackqa_products(data: dict) -> list:
    """(names, product) of an unpackqa file: one custom specification, or products by identifier."""
    if isinstance(data.get("flag_info"), dict):
        return [(["product"], data)]
    return [([str(key)], product) for key, product in data.items()
            if isinstance(product, dict) and isinstance(product.get("flag_info"), dict)]


def _scheme_from_unpackqa(names, product) -> Scheme:
    num_bits = _int(product.get("num_bits", 64), "num_bits")
    fields, taken = [], set()
    for flag, bits in product["flag_info"].items():
        bits = bits if isinstance(bits, list) else [bits]
        positions = sorted(_int(bit, tr("Flag '{0}': bit").format(shorten(flag))) for bit in bits)
        if not positions:
            raise SchemeError(tr("Flag '{0}' lists no bits").format(shorten(flag)))
        if positions != list(range(positions[0], positions[0] + len(positions))):
            raise SchemeError(tr("Flag '{0}': bits {1} are not consecutive; a field is a run of neighbouring bits")
                                  .format(shorten(flag), positions))
        if positions[-1] >= num_bits:
            raise SchemeError(tr("Flag '{0}' uses bit {1}, but num_bits is {2}")
                                  .format(shorten(flag), positions[-1], num_bits))
        name = rule_label(flag, taken)
        taken.add(name.lower())
        fields.append(Field(name, positions[0], len(positions), description="" if name == flag else str(flag)))
    identifier = names[0] if names[0] != "product" else "unpackqa"
    return Scheme(id=identifier, name=str(product.get("product_name") or identifier), fields=tuple(fields),
                  source=str(product.get("description") or "").strip())


# ---- writing ----------------------------------------------------------------------------------------------

def scheme_to_dict(scheme: Scheme) -> dict:
    """The preset files' layout (``scheme.scheme_from_dict`` reads it back)."""
    def field_dict(qa_field: Field) -> dict:
        item = {"name": qa_field.name, "first_bit": qa_field.first_bit, "bit_count": qa_field.bit_count}
        if qa_field.description:
            item["description"] = qa_field.description
        if qa_field.labels:
            item["labels"] = {str(value): text for value, text in sorted(qa_field.labels.items())}
        if qa_field.meanings:
            item["meanings"] = {str(value): text for value, text in sorted(qa_field.meanings.items())}
        return item

    data = {"id": scheme.id, "name": scheme.name}
    data.update({key: value for key, value in (("source", scheme.source), ("default_rule", scheme.default_rule),
                                               ("grids", list(scheme.grids))) if value})
    data["fields"] = [field_dict(qa_field) for qa_field in scheme.fields]
    return data


def scheme_to_stac(scheme: Scheme) -> dict:
    """``classification:bitfields`` with our labels as class names and meanings as descriptions (the label
    where there is none: the extension requires one); what STAC has no field for goes under ``laiqa:scheme``.
    A field without labels has no classes (add labels to satisfy the extension's one-class minimum)."""
    bitfields = []
    for qa_field in scheme.fields:
        item = {"name": qa_field.name, "offset": qa_field.first_bit, "length": qa_field.bit_count}
        if qa_field.description:
            item["description"] = qa_field.description
        if qa_field.labels:
            item["classes"] = [{"value": value, "name": label, "description": qa_field.meanings.get(value, label)}
                               for value, label in sorted(qa_field.labels.items())]
        bitfields.append(item)
    own = {key: value for key, value in scheme_to_dict(scheme).items() if key != "fields"}
    return {"stac_extensions": [STAC_EXTENSION], STAC_KEY: bitfields, OWN_KEY: own}


def scheme_to_unpackqa(scheme: Scheme) -> dict:
    """One unpackqa product named by the scheme's id: its flags' bits, and the narrowest of 8-64 bits."""
    num_bits = next(width for width in (8, 16, 32, 64) if scheme.bits_used <= width)
    product = {"product_name": scheme.name}
    if scheme.source:
        product["description"] = scheme.source
    product["flag_info"] = {qa_field.name: list(range(qa_field.first_bit, qa_field.last_bit + 1))
                            for qa_field in scheme.fields}
    product.update({"max_value": (1 << num_bits) - 1, "num_bits": num_bits})
    return {scheme.id: product}


def scheme_text(scheme: Scheme, file_format: str) -> str:
    """The file's text in one of ``FORMATS``."""
    if file_format == "unpackqa":
        return _yaml().safe_dump(scheme_to_unpackqa(scheme), sort_keys=False, allow_unicode=True, width=100)
    if file_format == "stac":
        return json.dumps(scheme_to_stac(scheme), indent=2, ensure_ascii=False) + "\n"
    if file_format == "laiqa":
        return json.dumps(scheme_to_dict(scheme), indent=2, ensure_ascii=False) + "\n"
    raise SchemeError(tr("Unknown QA scheme file format '{0}'; formats: {1}")
                          .format(shorten(file_format), ', '.join(FORMATS)))


def write_scheme_file(scheme: Scheme, path, file_format: str) -> None:
    """The scheme as a file, complete or not at all; the extension must fit the format (the reader goes by it)."""
    extensions = FORMAT_EXTENSIONS.get(file_format, ())
    if extensions and os.path.splitext(str(path))[1].lower() not in extensions:
        raise SchemeError(tr("A {0} scheme file must end in {1}: '{2}'")
                              .format(file_format, tr(" or ").join(extensions), path))
    text = scheme_text(scheme, file_format)
    with atomic_text_file(path) as handle:
        handle.write(text)
