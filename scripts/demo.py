"""The main job on sample data through qgis_process (as a headless user would): decode QA, mask, difference.

usage: demo.py [--size N] [--out DIR]    (run by scripts/demo.sh, which sets up QGIS_PLUGINPATH)
"""
import argparse
import csv
import json
import os
import subprocess
import sys

import numpy as np
from osgeo import gdal

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, ".build", "plugins"))  # setup.sh links this checkout there as laiqa

from laiqa.core.qa.scheme import PRESET_IDS, load_preset  # noqa: E402
from laiqa.core.sample_data import make_sample_data  # noqa: E402


def qgis_process(*args) -> dict:
    """Run Debian's real qgis_process (the /usr/bin/qgis_process wrapper passes a flag 3.22 rejects)."""
    done = subprocess.run(["qgis_process.bin", "--json", *args], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"qgis_process failed:\n{done.stdout}\n{done.stderr}")
    return json.loads(done.stdout)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=240, help="tile size in pixels (2400 = full MODIS tile)")
    parser.add_argument("--out", default=os.path.join(ROOT, "sample_data"))
    args = parser.parse_args()

    # Enabling is remembered in the profile; it exits 1 when the plugin is already enabled.
    subprocess.run(["qgis_process.bin", "plugins", "enable", "laiqa"], capture_output=True)
    tiles = make_sample_data(args.out, size=args.size, tiles=3)
    tile, (own_path, glass_path) = next(iter(tiles.items()))
    scheme = load_preset("own_lai")
    decoded_path = os.path.join(args.out, "decoded", f"{tile}_qa_fields.tif")
    mask_path = os.path.join(args.out, "decoded", f"{tile}_qa_mask.tif")
    scheme_index = str(PRESET_IDS.index("own_lai"))

    result = qgis_process("run", "laiqa:decodeqabits", "--", f"INPUT={own_path}", "BAND=2",
                          f"SCHEME={scheme_index}", f"OUTPUT={decoded_path}")
    mask = qgis_process("run", "laiqa:qamask", "--", f"INPUT={own_path}", "BAND=2",
                        f"SCHEME={scheme_index}", "RULE=quality != failed and algorithm in (DRT, ECO)",
                        f"OUTPUT={mask_path}")

    print(f"Sample tiles ({args.size}x{args.size}): {os.path.join(args.out, 'rt')} and "
          f"{os.path.join(args.out, 'glass')}")
    print(f"Decoded QA of {os.path.basename(own_path)} band 2 with '{scheme.name}':")
    print(f"  {result['results']['OUTPUT']}  (style: {os.path.splitext(decoded_path)[0]}.qml)")
    dataset = gdal.Open(decoded_path)
    for index in range(dataset.RasterCount):
        band = dataset.GetRasterBand(index + 1)
        values = band.ReadAsArray()
        valid = values[values != band.GetNoDataValue()]
        qa_field = scheme.field(band.GetDescription())
        counts = np.bincount(valid.ravel(), minlength=qa_field.max_value + 1)
        shares = ", ".join(
            f"{value} {qa_field.labels.get(value, '')}".strip() + f" {n / valid.size:.1%}"
            for value, n in enumerate(counts)
        )
        print(f"  band {index + 1} {qa_field.name} ({qa_field.bits_text}): {shares}")
    print(f"QA mask 'quality != failed and algorithm in (DRT, ECO)': {mask['results']['OUTPUT']}")
    print(f"  kept fraction {mask['results']['KEPT_FRACTION']:.3f}")

    difference_path = os.path.join(args.out, "difference", f"{tile}.tif")
    stats_path = os.path.join(args.out, "difference", f"{tile}_stats.csv")
    difference = qgis_process("run", "laiqa:maskeddifference", "--", f"PRODUCT={own_path}",
                              f"REFERENCE={glass_path}", f"OUTPUT={difference_path}", f"OUTPUT_STATS={stats_path}",
                              f"CLASS_FOLDER={os.path.join(args.out, 'difference', 'by_class')}")
    print(f"LAI difference (own product - GLASS), QA 'quality != 3', split by algorithm: "
          f"{difference['results']['OUTPUT']}")
    print(f"  statistics: {stats_path}")
    with open(stats_path, newline="") as handle:
        for row in csv.DictReader(handle):
            print(f"  {row['class']:>4}: N={int(row['n']):6d} bias={float(row['bias']):+.4f} "
                  f"RMSE={float(row['rmse']):.4f} r={float(row['r']):.4f} "
                  f"within GCOS={float(row['gcos_share']):.1%}")


if __name__ == "__main__":
    main()
