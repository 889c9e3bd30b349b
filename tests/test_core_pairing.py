"""Pairing files by the keys in their names: expected lists for every case."""
import os

import pytest

from laiqa.core.errors import LaiQaError
from laiqa.core.pairing import find_files, pair_files


def names(files):
    return [os.path.basename(f.path) for f in files]


def pairs_of(pairing):
    return [(key, os.path.basename(p.path), os.path.basename(r.path)) for key, p, r in pairing.pairs]


def test_date_and_tile_pair_the_articles_names():
    products = ["rt/Rc_Lai_A2018161_h12v03.tif", "rt/Rc_Lai_A2018169_h12v03.tif", "rt/Rc_Lai_A2018161_h13v03.tif"]
    references = ["gl/GLASS01E01.V50.A2018161.h12v03.2020323.hdf", "gl/GLASS01E01.V50.A2018169.h12v03.2020323.hdf",
                  "gl/GLASS01E01.V50.A2018161.h13v03.2020323.hdf"]
    pairing = pair_files(products, references)
    assert pairs_of(pairing) == [
        ("A2018161_h12v03", "Rc_Lai_A2018161_h12v03.tif", "GLASS01E01.V50.A2018161.h12v03.2020323.hdf"),
        ("A2018161_h13v03", "Rc_Lai_A2018161_h13v03.tif", "GLASS01E01.V50.A2018161.h13v03.2020323.hdf"),
        ("A2018169_h12v03", "Rc_Lai_A2018169_h12v03.tif", "GLASS01E01.V50.A2018169.h12v03.2020323.hdf"),
    ]
    assert not (pairing.product_only or pairing.reference_only or pairing.ambiguous or pairing.unkeyed)


def test_modis_granule_names_pair_and_unmatched_files_are_listed():
    products = ["Rc_Lai_A2018161_h12v03.tif", "Rc_Lai_A2018161_h30v10.tif"]
    references = ["MCD15A2H.A2018161.h12v03.061.2021180000000.hdf", "MCD15A2H.A2018161.h08v05.061.2021180000000.hdf"]
    pairing = pair_files(products, references)
    assert pairs_of(pairing) == [("A2018161_h12v03", products[0], references[0])]
    assert names(pairing.product_only) == ["Rc_Lai_A2018161_h30v10.tif"]
    assert names(pairing.reference_only) == ["MCD15A2H.A2018161.h08v05.061.2021180000000.hdf"]


def test_a_name_without_date_pairs_by_tile_but_two_dates_make_it_ambiguous():
    pairing = pair_files(["lai_h12v03.tif", "lai_h13v03.tif"],
                         ["G.A2018161.h12v03.hdf", "G.A2018169.h12v03.hdf", "G.A2018161.h13v03.hdf"])
    assert pairs_of(pairing) == [("A2018161_h13v03", "lai_h13v03.tif", "G.A2018161.h13v03.hdf")]
    (keyed, partners), = pairing.ambiguous
    assert keyed.name == "lai_h12v03.tif"
    assert names(partners) == ["G.A2018161.h12v03.hdf", "G.A2018169.h12v03.hdf"]


def test_two_products_for_one_reference_are_ambiguous_not_picked():
    pairing = pair_files(["a/Rc_A2018161_h12v03.tif", "b/Rc_A2018161_h12v03_v2.tif"], ["G.A2018161.h12v03.hdf"])
    assert pairing.pairs == []
    (keyed, partners), = pairing.ambiguous
    assert keyed.name == "G.A2018161.h12v03.hdf" and len(partners) == 2
    assert any("ambiguous: G.A2018161.h12v03.hdf matches" in line for line in pairing.report())


def test_files_without_any_key_are_reported():
    pairing = pair_files(["readme.tif"], ["G.A2018161.h12v03.hdf"])
    assert names(pairing.unkeyed) == ["readme.tif"]
    assert names(pairing.reference_only) == ["G.A2018161.h12v03.hdf"]


def test_custom_key_pattern():
    pairing = pair_files(["site_07_2019.tif"], ["ref-site_07.tif", "ref-site_08.tif"], key_pattern=r"site_\d+")
    assert pairs_of(pairing) == [("site_07", "site_07_2019.tif", "ref-site_07.tif")]
    with pytest.raises(LaiQaError, match=r"Key pattern part 'h\(\\d' is not a valid regular expression"):
        pair_files([], [], key_pattern=r"h(\d")


def test_find_files_honours_patterns_and_recursion(tmp_path):
    for relative in ("a.tif", "b.hdf", "c.TIF", "sub/d.tif", "sub/deeper/e.tif"):
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text("")
    assert [os.path.relpath(p, tmp_path) for p in find_files(str(tmp_path), "*.tif", False, "Product")] == ["a.tif"]
    assert [os.path.relpath(p, tmp_path) for p in find_files(str(tmp_path), "*.tif;*.hdf", True, "Product")] == [
        "a.tif", "b.hdf", "sub/d.tif", "sub/deeper/e.tif"]
    with pytest.raises(LaiQaError, match="Reference folder '.*missing' does not exist"):
        find_files(str(tmp_path / "missing"), "*.hdf", False, "Reference")
