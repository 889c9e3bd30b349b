"""QA schemes: named bit fields of a QA band, kept as data so a new sensor needs a file, not code.

A preset is a JSON file in ``presets/`` (see ``own_lai.json`` for the format).
A custom scheme comes from a table of rows ``name, first bit, bit count, labels``
(the Processing matrix parameter), with labels written ``0=DRT;1=ECO``.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import SchemeError
from ..messages import tr

PRESET_DIR = Path(__file__).with_name("presets")

# Order is public: the Processing enum index of each preset (scripts depend on it).
PRESET_IDS = (
    "own_lai",
    "mod15_fparlai_qc",
    "mod15_fparextra_qc",
    "mod11_qc",
    "mod13_vi_quality",
    "landsat_c2_qa_pixel",
)

MAX_BITS = 64
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_FIELD_NAME = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*\.)?[A-Za-z_][A-Za-z0-9_]*$")  # layer.field in a composite
# Words of the rule language (rule.py reads them from here): a field or label so named could not be written in a rule.
RULE_KEYWORDS = ("and", "or", "not", "in")


def shorten(text, limit: int = 60) -> str:
    """User text fit to echo in a one-line message: line breaks become spaces, and text longer than
    ``limit`` keeps its start and its length (a 100 KB name pasted by mistake must not make a 100 KB message)."""
    text = str(text)
    flat = " ".join(text.splitlines())
    if len(flat) <= limit:
        return flat
    return tr("{0}… ({1:,} characters)").format(flat[:max(limit - 20, 1)], len(text))


@dataclass(frozen=True)
class Field:
    """One bit field: ``bit_count`` bits starting at ``first_bit`` (bit 0 = least significant)."""

    name: str
    first_bit: int
    bit_count: int
    labels: dict = field(default_factory=dict)  # value -> short label usable in rules
    meanings: dict = field(default_factory=dict)  # value -> longer text from the product's document
    description: str = ""

    @property
    def last_bit(self) -> int:
        return self.first_bit + self.bit_count - 1

    @property
    def max_value(self) -> int:
        return (1 << self.bit_count) - 1

    @property
    def bits_text(self) -> str:
        if self.bit_count == 1:
            return tr("bit {0}").format(self.first_bit)
        return tr("bits {0}-{1}").format(self.first_bit, self.last_bit)

    def value_of(self, label: str) -> int | None:
        """The value a label names (case-insensitive), or None."""
        wanted = label.lower()
        for value, text in self.labels.items():
            if text.lower() == wanted:
                return value
        return None


@dataclass(frozen=True)
class Scheme:
    """The fields of one QA band, validated: unique names, no overlap, within ``MAX_BITS``."""

    id: str
    name: str
    fields: tuple
    source: str = ""
    default_rule: str = ""
    grids: tuple = ()  # HDF-EOS grid (subdataset) names this QA is stored under

    def __post_init__(self):
        _validate(self)

    def field(self, name: str) -> Field:
        """The field so named, or in a scheme of several layers (qa/layers.py) the one field an unqualified
        name leaves (an ambiguous one is refused)."""
        for qa_field in self.fields:
            if qa_field.name == name:
                return qa_field
        found = [qa_field for qa_field in self.fields if "." not in name and unqualified(qa_field.name) == name]
        if len(found) > 1:
            raise SchemeError(ambiguous_field(name, found))
        if found:
            return found[0]
        raise SchemeError(
            tr("Unknown field '{0}'; fields of {1}: {2}").format(
                shorten(name), shorten(self.name), ", ".join(shorten(field_name) for field_name in self.field_names))
        )

    def fields_named(self, name: str) -> list:
        """The fields a rule means by ``name`` (case-insensitive): the one of that full name, else every field
        of that unqualified name (one: found; several: ambiguous)."""
        wanted = name.lower()
        exact = [qa_field for qa_field in self.fields if qa_field.name.lower() == wanted]
        if exact or "." in wanted:
            return exact
        return [qa_field for qa_field in self.fields if unqualified(qa_field.name).lower() == wanted]

    @property
    def field_names(self) -> list:
        return [qa_field.name for qa_field in self.fields]

    @property
    def bits_used(self) -> int:
        """Bits a QA band needs to hold every field (highest used bit + 1)."""
        return max(qa_field.last_bit for qa_field in self.fields) + 1

    def describe(self) -> str:
        """Plain text listing of the fields and their labels, for help texts and logs."""
        lines = [self.name]
        for qa_field in self.fields:
            line = f"  {qa_field.name} ({qa_field.bits_text})"
            if qa_field.description:
                line += f": {qa_field.description}"
            lines.append(line)
            if qa_field.labels:
                lines.append("    " + ", ".join(f"{v}={t}" for v, t in sorted(qa_field.labels.items())))
        return "\n".join(lines)


def unqualified(name: str) -> str:
    """``FparExtra_QC.SNOW_ICE`` -> ``SNOW_ICE``; a plain name stays as it is."""
    return name.rpartition(".")[2]


def ambiguous_field(name: str, found) -> str:
    """The one-line message for an unqualified name that several layers have."""
    return tr("Field '{0}' is in several QA layers; write one of {1}").format(
        shorten(name), ", ".join(shorten(qa_field.name) for qa_field in found))


def _validate(scheme: Scheme) -> None:
    if not scheme.fields:
        raise SchemeError(tr("QA scheme '{0}' has no fields").format(shorten(scheme.name)))
    seen_names = set()
    owner_of_bit = {}
    keywords = ", ".join(RULE_KEYWORDS)
    for qa_field in scheme.fields:
        name = shorten(qa_field.name)
        if not _FIELD_NAME.match(qa_field.name):
            raise SchemeError(
                tr("Field name '{0}' is not usable in rules: use letters, digits and _, starting with a letter")
                    .format(name)
            )
        if qa_field.name.lower() in RULE_KEYWORDS:
            raise SchemeError(tr("Field name '{0}' is a rule keyword ({1}), so no rule could name it")
                                  .format(name, keywords))
        if qa_field.name.lower() in seen_names:
            raise SchemeError(tr("Duplicate field name '{0}'").format(name))
        seen_names.add(qa_field.name.lower())
        if qa_field.first_bit < 0 or qa_field.bit_count < 1:
            raise SchemeError(
                tr("Field '{0}': first bit must be >= 0 and bit count >= 1 (got first bit {1}, bit count {2})")
                    .format(name, qa_field.first_bit, qa_field.bit_count)
            )
        if qa_field.last_bit >= MAX_BITS:
            raise SchemeError(
                tr("Field '{0}' ends at bit {1}, beyond the {2} bits of the widest QA type")
                    .format(name, qa_field.last_bit, MAX_BITS)
            )
        for bit in range(qa_field.first_bit, qa_field.last_bit + 1):
            if bit in owner_of_bit:
                raise SchemeError(tr("Fields '{0}' and '{1}' overlap at bit {2}").format(owner_of_bit[bit], name, bit))
            owner_of_bit[bit] = name
        seen_labels = set()
        for value, label in qa_field.labels.items():
            if not 0 <= value <= qa_field.max_value:
                raise SchemeError(
                    tr("Field '{0}': label '{1}' is for value {2}, but {3} bit(s) hold only 0-{4}")
                        .format(name, shorten(label), value, qa_field.bit_count, qa_field.max_value)
                )
            if not _NAME.match(label):
                raise SchemeError(
                    tr("Field '{0}': label '{1}' is not usable in rules: use letters, digits and _, starting with a "
                       "letter").format(name, shorten(label))
                )
            if label.lower() in RULE_KEYWORDS:
                raise SchemeError(
                    tr("Field '{0}': label '{1}' is a rule keyword ({2}), so no rule could name it")
                        .format(name, shorten(label), keywords)
                )
            if label.lower() in seen_labels:
                raise SchemeError(tr("Field '{0}': duplicate label '{1}'").format(name, shorten(label)))
            seen_labels.add(label.lower())


def _int(value, what: str) -> int:
    """A whole number from a cell ("2", "2.0", "0x4"); sizes are checked before int(), which stops at 4,300
    decimal digits, and anything of 2**64 or more is refused (no bit position or field value is that large)."""
    text = str(value).strip()
    decimal = re.fullmatch(r"-?([0-9]+)(\.0*)?", text)
    try:
        if decimal and len(decimal[1].lstrip("0")) > 20:  # 20 digits hold 2**64
            number = 1 << MAX_BITS
        else:
            number = int(decimal[0].partition(".")[0]) if decimal else int(text, 0)
    except ValueError:
        raise SchemeError(tr("{0} must be a whole number, got '{1}'").format(what, shorten(text))) from None
    if abs(number) >= 1 << MAX_BITS:
        raise SchemeError(tr("{0} is too large, got '{1}'").format(what, shorten(text)))
    return number


def _value_map(raw: dict, what: str) -> dict:
    """JSON's value -> text map with int keys; "1" and "01" are one value, so two of them are refused."""
    values = {}
    for key, text in (raw or {}).items():
        value = _int(key, tr("{0}: value").format(what))
        if value in values:
            raise SchemeError(tr("{0}: value {1} is given twice, '{2}' and '{3}'")
                                  .format(what, value, shorten(values[value]), shorten(text)))
        values[value] = str(text)
    return values


def scheme_from_dict(data: dict) -> Scheme:
    """A scheme from the JSON layout of the preset files."""
    try:
        fields = tuple(
            Field(
                name=str(item["name"]),
                first_bit=_int(item["first_bit"], tr("Field '{0}': first bit").format(shorten(item["name"]))),
                bit_count=_int(item["bit_count"], tr("Field '{0}': bit count").format(shorten(item["name"]))),
                labels=_value_map(item.get("labels"), tr("Field '{0}' labels").format(shorten(item["name"]))),
                meanings=_value_map(item.get("meanings"), tr("Field '{0}' meanings").format(shorten(item["name"]))),
                description=str(item.get("description", "")),
            )
            for item in data["fields"]
        )
        return Scheme(
            id=str(data.get("id", "custom")),
            name=str(data.get("name", data.get("id", "custom"))),
            fields=fields,
            source=str(data.get("source", "")),
            default_rule=str(data.get("default_rule", "")),
            grids=tuple(data.get("grids", ())),
        )
    except KeyError as missing:
        raise SchemeError(tr("QA scheme is missing the key {0}").format(missing)) from None


def read_scheme_text(path) -> str:
    """A scheme file's text; a missing, unreadable or binary file is a SchemeError."""
    try:
        with open(path, encoding="utf-8-sig") as handle:
            return handle.read()
    except OSError as error:
        raise SchemeError(tr("Cannot read QA scheme file {0}: {1}").format(path, error.strerror)) from None
    except UnicodeDecodeError:
        raise SchemeError(tr("QA scheme file {0} is not text (JSON or YAML)").format(path)) from None


def parse_scheme_json(text: str, path):
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise SchemeError(tr("QA scheme file {0} is not valid JSON: {1}").format(path, error)) from None


def load_scheme_file(path) -> Scheme:
    """A scheme from a JSON file of the presets' layout (scheme_files.read_scheme_file reads other formats too)."""
    return scheme_from_dict(parse_scheme_json(read_scheme_text(path), path))


def load_preset(preset_id: str) -> Scheme:
    if preset_id not in PRESET_IDS:
        raise SchemeError(tr("Unknown QA preset '{0}'; presets: {1}").format(shorten(preset_id), ', '.join(PRESET_IDS)))
    return load_scheme_file(PRESET_DIR / f"{preset_id}.json")


def presets() -> list:
    """Every preset scheme, in the public enum order."""
    return [load_preset(preset_id) for preset_id in PRESET_IDS]


def parse_labels(text: str, field_name: str) -> dict:
    """``'0=DRT;1=ECO'`` (or commas / spaces between pairs) -> {0: 'DRT', 1: 'ECO'}.

    Two labels for one value are refused: keeping either would silently drop the other.
    """
    labels = {}
    name = shorten(field_name)
    for pair in re.split(r"[;,\s]+", (text or "").strip()):
        if not pair:
            continue
        value, sep, label = pair.partition("=")
        if not sep or not label:
            raise SchemeError(tr("Field '{0}': labels must look like 0=DRT;1=ECO, got '{1}'")
                                  .format(name, shorten(pair)))
        value = _int(value, tr("Field '{0}': labelled value").format(name))
        if value in labels:
            raise SchemeError(
                tr("Field '{0}': value {1} has two labels, '{2}' and '{3}'")
                    .format(name, value, shorten(labels[value]), shorten(label))
            )
        labels[value] = label.strip()
    return labels


def scheme_from_table(rows, name: str = "Custom") -> Scheme:
    """A scheme from rows of (name, first bit, bit count[, labels]) — the custom-fields matrix."""
    fields = []
    for row in rows:
        cells = ["" if cell is None else str(cell).strip() for cell in row]
        if not any(cells):
            continue
        if len(cells) < 3:
            raise SchemeError(tr("Custom field row {0} needs at least: name, first bit, bit count")
                                  .format(shorten(cells)))
        field_name = cells[0]
        fields.append(
            Field(
                name=field_name,
                first_bit=_int(cells[1], tr("Field '{0}': first bit").format(shorten(field_name))),
                bit_count=_int(cells[2], tr("Field '{0}': bit count").format(shorten(field_name))),
                labels=parse_labels(cells[3] if len(cells) > 3 else "", field_name),
            )
        )
    if not fields:
        raise SchemeError(tr("The custom QA scheme has no fields: fill in at least one row"))
    return Scheme(id="custom", name=name, fields=tuple(fields))


def rows_from_flat(values, columns: int = 4) -> list:
    """Processing hands a matrix over as one flat list; cut it back into rows."""
    values = list(values or [])
    if len(values) % columns:
        raise SchemeError(
            tr("The custom field table has {0} cells, not a multiple of {1} (name, first bit, bit count, labels)")
                .format(len(values), columns)
        )
    return [values[i:i + columns] for i in range(0, len(values), columns)]
