"""Scheme files: STAC classification:bitfields, unpackqa YAML and our JSON read back what was written, a STAC
Item written here by hand imports with the right bits, and every malformed file gets its one-line message."""
import dataclasses
import json
import sys

import numpy as np
import pytest
import yaml
from helpers import batch_request

from laiqa.core.batch import settings_digest
from laiqa.core.errors import SchemeError
from laiqa.core.inputs import QaSpec
from laiqa.core.provenance import scheme_digest
from laiqa.core.qa.rule import keep_mask, rule_for
from laiqa.core.qa.scheme import PRESET_IDS, Field, load_preset, scheme_from_table
from laiqa.core.qa.scheme_files import (
    FORMATS,
    read_scheme_file,
    rule_label,
    scheme_text,
    write_scheme_file,
)


def layout(scheme):
    return [(f.name, f.first_bit, f.bit_count) for f in scheme.fields]


def stac_class(value, name, description):
    return {"value": value, "name": name, "description": description}


# A STAC Item in the style of the extension's Landsat example: QA_PIXEL's bit fields on the asset's raster band,
# names with spaces and hyphens, and a second asset (QA_RADSAT) that also carries bit fields.
LANDSAT_ITEM = {
    "type": "Feature", "stac_version": "1.0.0", "id": "LC08_L2SP_047027_20201204_02_T1",
    "stac_extensions": ["https://stac-extensions.github.io/classification/v1.0.0/schema.json"],
    "properties": {"datetime": "2020-12-04T19:02:11Z"},
    "assets": {
        "thumbnail": {"href": "thumb.jpeg", "roles": ["thumbnail"]},
        "qa_pixel": {"href": "LC08_L2SP_047027_20201204_20210313_02_T1_QA_PIXEL.TIF", "raster:bands": [{
            "data_type": "uint16",
            "classification:bitfields": [
                {"name": "fill", "description": "Image fill", "offset": 0, "length": 1,
                 "classes": [stac_class(0, "not fill", "Not fill"), stac_class(1, "fill", "Fill")]},
                {"name": "dilated-cloud", "offset": 1, "length": 1,
                 "classes": [stac_class(0, "not_dilated", "Not dilated"), stac_class(1, "dilated", "Dilated")]},
                {"name": "cloud", "offset": 3, "length": 1,
                 "classes": [stac_class(0, "not_cloud", "Not cloud"), stac_class(1, "cloud", "High confidence")]},
                {"name": "cloud confidence", "offset": 8, "length": 2, "classes": [
                    stac_class(0, "not set", "No confidence level set"), stac_class(1, "low", "Low"),
                    stac_class(2, "medium", "Medium"), stac_class(3, "high", "High")]},
                {"name": "cirrus_confidence", "offset": 14, "length": 2, "roles": ["cirrus"], "classes": [
                    stac_class(0, "not_set", "No confidence level set"), stac_class(3, "high", "High")]},
            ]}]},
        "qa_radsat": {"href": "LC08_QA_RADSAT.TIF", "raster:bands": [{"classification:bitfields": [
            {"name": "band1_saturated", "offset": 0, "length": 1, "classes": [stac_class(1, "yes", "Saturated")]},
        ]}]},
    },
}


def write_json(path, data):
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("preset_id", PRESET_IDS)
def test_every_preset_survives_stac_and_our_json_whole_and_unpackqa_bit_for_bit(preset_id, tmp_path):
    preset = load_preset(preset_id)
    for file_format, name in (("stac", "s.json"), ("laiqa", "o.json")):
        write_scheme_file(preset, tmp_path / name, file_format)
        assert read_scheme_file(tmp_path / name).scheme == preset
    write_scheme_file(preset, tmp_path / "u.yaml", "unpackqa")
    back = read_scheme_file(tmp_path / "u.yaml").scheme
    assert layout(back) == layout(preset)
    assert (back.id, back.name) == (preset.id, preset.name)


def test_stac_export_follows_the_extension(tmp_path):
    path = tmp_path / "mod15.json"
    write_scheme_file(load_preset("mod15_fparlai_qc"), path, "stac")
    data = json.loads(path.read_text())
    assert data["stac_extensions"] == ["https://stac-extensions.github.io/classification/v1.0.0/schema.json"]
    scf = data["classification:bitfields"][4]
    assert (scf["name"], scf["offset"], scf["length"]) == ("SCF_QC", 5, 3)
    assert scf["classes"][1] == {"value": 1, "name": "main_saturated",
                                 "description": "Main (RT) method used with saturation; good, very usable"}
    sensor = data["classification:bitfields"][1]  # no meanings: the label is the (required) description
    assert sensor["classes"][0] == {"value": 0, "name": "Terra", "description": "Terra"}


def test_unpackqa_export_is_its_product_layout(tmp_path):
    path = tmp_path / "landsat.yml"
    write_scheme_file(load_preset("landsat_c2_qa_pixel"), path, "unpackqa")
    product = yaml.safe_load(path.read_text())["landsat_c2_qa_pixel"]
    assert product["flag_info"]["Cloud"] == [3]
    assert product["flag_info"]["Cirrus_Confidence"] == [14, 15]
    assert (product["num_bits"], product["max_value"]) == (16, 65535)


def test_a_custom_scheme_is_saved_and_loaded_again(tmp_path):
    custom = scheme_from_table([["algorithm", 2, 2, "0=DRT;1=ECO;2=WAT;3=TIM"], ["quality", 0, 2, ""]])
    write_scheme_file(custom, tmp_path / "mine.json", "laiqa")
    assert read_scheme_file(tmp_path / "mine.json").scheme == custom


def test_a_hand_written_stac_item_imports_its_first_bitfields_with_rule_labels(tmp_path):
    loaded = read_scheme_file(write_json(tmp_path / "item.json", LANDSAT_ITEM))
    scheme = loaded.scheme
    assert layout(scheme) == [("fill", 0, 1), ("dilated_cloud", 1, 1), ("cloud", 3, 1), ("cloud_confidence", 8, 2),
                              ("cirrus_confidence", 14, 2)]
    assert "2 bit field sets" in loaded.note and "using the first, asset qa_pixel band 1" in loaded.note
    confidence = scheme.field("cloud_confidence")
    assert confidence.labels == {0: "not_set", 1: "low", 2: "medium", 3: "high"}
    assert confidence.meanings[0] == "not set: No confidence level set"  # the STAC name had to change
    assert confidence.meanings[3] == "High"
    assert scheme.field("dilated_cloud").description == "dilated-cloud"
    assert scheme.field("fill").labels == {0: "not_fill", 1: "fill"}
    # the offsets, checked on a value built bit by bit: fill 0, dilated 1, cloud 1, confidence 2, cirrus 3
    value = (0 << 0) | (1 << 1) | (1 << 3) | (2 << 8) | (3 << 14)
    qa = np.array([[value, 0]], dtype=np.uint16)
    mask = keep_mask(qa, scheme, rule_for(scheme, "dilated_cloud == dilated and cloud == cloud and "
                                                  "cloud_confidence == medium and cirrus_confidence == high"))
    assert mask.tolist() == [[True, False]]
    assert ((value >> 8) & 3, (value >> 14) & 3) == (2, 3)


@pytest.mark.parametrize("choice", ["qa_radsat", "asset qa_radsat band 1", "QA_RADSAT/1"])
def test_another_asset_is_taken_when_named(tmp_path, choice):
    path = write_json(tmp_path / "item.json", LANDSAT_ITEM)
    loaded = read_scheme_file(f"{path}#{choice}")
    assert layout(loaded.scheme) == [("band1_saturated", 0, 1)] and loaded.note == ""


@pytest.mark.parametrize("document", [
    LANDSAT_ITEM["assets"]["qa_radsat"]["raster:bands"][0]["classification:bitfields"],
    {"classification:bitfields": LANDSAT_ITEM["assets"]["qa_radsat"]["raster:bands"][0]["classification:bitfields"]},
    {"type": "Collection", "item_assets": {"qa": LANDSAT_ITEM["assets"]["qa_radsat"]["raster:bands"][0]}},
], ids=["bare list", "object", "collection item_assets"])
def test_bitfields_are_found_bare_in_an_object_or_in_a_collection(tmp_path, document):
    assert layout(read_scheme_file(write_json(tmp_path / "b.json", document)).scheme) == [("band1_saturated", 0, 1)]


def test_unpackqa_files_with_several_products_give_the_first_or_the_named_one(tmp_path):
    path = tmp_path / "modis.yaml"
    path.write_text(
        "MODIS_LAIV6_FparLAI_QC:\n  product_name: 'MODIS LAI FparLAI_QC'\n"
        "  flag_info:\n    MODLAND_QC: [0]\n    Cloud State: [3, 4]\n    SCF_QC: [5, 6, 7]\n"
        "  max_value: 255\n  num_bits: 8\n"
        "Other:\n  flag_info: {low: [0, 1]}\n  num_bits: 8\n", encoding="utf-8")
    first = read_scheme_file(path)
    assert layout(first.scheme) == [("MODLAND_QC", 0, 1), ("Cloud_State", 3, 2), ("SCF_QC", 5, 3)]
    assert first.scheme.name == "MODIS LAI FparLAI_QC"
    assert "using the first, MODIS_LAIV6_FparLAI_QC" in first.note
    assert layout(read_scheme_file(f"{path}#Other").scheme) == [("low", 0, 2)]
    custom = tmp_path / "custom.yml"  # unpackqa's custom specification, as its documentation writes it
    custom.write_text("{'flag_info': {'flag1': [0], 'flag3': [4, 5]}, 'max_value': 255, 'num_bits': 8}")
    assert layout(read_scheme_file(custom).scheme) == [("flag1", 0, 1), ("flag3", 4, 2)]


def test_the_format_comes_from_the_content_not_the_name(tmp_path):
    scheme = load_preset("own_lai")
    (tmp_path / "scheme.txt").write_text(scheme_text(scheme, "unpackqa"))
    assert layout(read_scheme_file(tmp_path / "scheme.txt").scheme) == layout(scheme)
    (tmp_path / "stac.yaml").write_text(scheme_text(scheme, "stac"))  # JSON is YAML too
    assert read_scheme_file(tmp_path / "stac.yaml").scheme == scheme


@pytest.mark.parametrize("text, expected", [
    ("Cloud confidence", "Cloud_confidence"), ("dilated-cloud", "dilated_cloud"), ("1km", "_1km"),
    ("in", "in_"), ("Schnee/Eis ö", "Schnee_Eis_o"), ("_kept_", "_kept_"), ("***", "value"),
])
def test_rule_labels_are_valid_and_deterministic(text, expected):
    assert rule_label(text) == expected
    Field(rule_label(text), 0, 1)  # a valid name: the scheme takes it


def test_rule_labels_that_collide_are_numbered():
    assert rule_label("a-b", {"a_b"}) == "a_b_2"
    assert rule_label("A b", {"a_b", "a_b_2"}) == "A_b_3"


def test_the_digest_follows_the_files_content_not_its_path(tmp_path):
    def digest(path):
        scheme = read_scheme_file(path).scheme
        request = dataclasses.replace(batch_request({"rt": "p", "glass": "r", "out": "o"}), qa=QaSpec(scheme))
        return scheme_digest(scheme), settings_digest(request)

    custom = scheme_from_table([["quality", 0, 2, "3=failed"]])
    write_scheme_file(custom, tmp_path / "a.json", "laiqa")
    write_scheme_file(custom, tmp_path / "same_content_elsewhere.json", "laiqa")
    before = digest(tmp_path / "a.json")
    assert digest(tmp_path / "same_content_elsewhere.json") == before
    write_scheme_file(scheme_from_table([["quality", 0, 2, "3=bad"]]), tmp_path / "a.json", "laiqa")
    after = digest(tmp_path / "a.json")
    assert after[0] != before[0] and after[1] != before[1]


@pytest.mark.parametrize("name, content, message", [
    ("x.json", "{ not json", r"QA scheme file .*x\.json is not valid JSON: Expecting property name"),
    ("x.yaml", "a: [1, 2\nb: 3\n", r"QA scheme file .*x\.yaml is not valid YAML: .* \(line 2\)"),
    ("x.json", json.dumps([{"name": "a", "offset": 0, "length": 2}, {"name": "b", "offset": 1, "length": 1}]),
     r"QA scheme file .*x\.json: Fields 'a' and 'b' overlap at bit 1$"),
    ("x.json", json.dumps({"id": "x", "fields": [{"name": "a b", "first_bit": 0, "bit_count": 1}]}),
     r"x\.json: Field name 'a b' is not usable in rules"),
    ("x.json", json.dumps([{"name": "wide", "offset": 60, "length": 8}]),
     r"x\.json: Field 'wide' ends at bit 67, beyond the 64 bits of the widest QA type"),
    ("x.json", json.dumps({"type": "Feature", "assets": {"a": {"href": "a.tif"}}}),
     r"x\.json: no bit fields found: expected 'classification:bitfields' \(STAC\), 'flag_info' \(unpackqa\)"),
    ("x.yaml", "just text\n", r"x\.yaml: no bit fields found"),
    ("x.json", json.dumps([{"name": "a", "length": 1}]), r"x\.json: bit field 1 has no 'offset'$"),
    ("x.json", json.dumps([{"name": "a", "offset": 0, "length": 1, "classes": [{"value": 0}, {"value": 0}]}]),
     r"Field 'a': class value 0 is given twice$"),
    ("x.yaml", "p:\n  flag_info: {gap: [1, 3]}\n  num_bits: 8\n",
     r"x\.yaml: Flag 'gap': bits \[1, 3\] are not consecutive; a field is a run of neighbouring bits$"),
    ("x.yaml", "p:\n  flag_info: {high: [8]}\n  num_bits: 8\n", r"Flag 'high' uses bit 8, but num_bits is 8$"),
    ("x.yaml", "p:\n  flag_info: {none: []}\n  num_bits: 8\n", r"Flag 'none' lists no bits$"),
])
def test_malformed_files_get_one_line_messages(tmp_path, name, content, message):
    (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.raises(SchemeError, match=message) as raised:
        read_scheme_file(tmp_path / name)
    assert "\n" not in str(raised.value)


def test_missing_files_and_unknown_choices_are_named(tmp_path):
    with pytest.raises(SchemeError, match=r"Cannot read QA scheme file .*missing\.json: No such file"):
        read_scheme_file(tmp_path / "missing.json")
    path = write_json(tmp_path / "item.json", LANDSAT_ITEM)
    with pytest.raises(SchemeError, match=r"item\.json: no bit field set named 'qa_nope'; the file has: "
                                          r"asset qa_pixel band 1, asset qa_radsat band 1$"):
        read_scheme_file(f"{path}#qa_nope")


def test_a_json_file_extension_must_fit_the_format(tmp_path):
    with pytest.raises(SchemeError, match=r"A unpackqa scheme file must end in \.yaml or \.yml: '.*s\.json'"):
        write_scheme_file(load_preset("own_lai"), tmp_path / "s.json", "unpackqa")
    with pytest.raises(SchemeError, match="Unknown QA scheme file format 'xml'; formats: stac, unpackqa, laiqa"):
        scheme_text(load_preset("own_lai"), "xml")
    assert FORMATS == ("stac", "unpackqa", "laiqa")  # the exportscheme FORMAT enum's order


def test_yaml_without_pyyaml_is_one_line(tmp_path, monkeypatch):
    (tmp_path / "x.yaml").write_text("p:\n  flag_info: {a: [0]}\n")
    monkeypatch.setitem(sys.modules, "yaml", None)
    with pytest.raises(SchemeError, match=r"^YAML QA scheme files need PyYAML \(Debian: python3-yaml; pip: PyYAML\)$"):
        read_scheme_file(tmp_path / "x.yaml")
