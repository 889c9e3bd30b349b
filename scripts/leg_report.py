"""One line per QGIS leg (versions and counts from its JUnit file), then the totals.

usage: python scripts/leg_report.py LEG...     (run by scripts/test.sh after the legs)
       python scripts/leg_report.py --versions (this system's QGIS, GDAL, numpy and Python)
"""
import os
import sys
import xml.etree.ElementTree as ElementTree

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def counts(junit_path: str) -> dict:
    """tests, failures (failures + errors) and skipped of a pytest JUnit file."""
    suites = ElementTree.parse(junit_path).getroot()
    suites = [suites] if suites.tag == "testsuite" else list(suites)
    total = {"tests": 0, "failed": 0, "skipped": 0}
    for suite in suites:
        total["tests"] += int(suite.get("tests", 0))
        total["failed"] += int(suite.get("failures", 0)) + int(suite.get("errors", 0))
        total["skipped"] += int(suite.get("skipped", 0))
    return total


def versions() -> str:
    import platform

    import numpy
    from osgeo import gdal
    from qgis.core import Qgis

    return (f"QGIS {Qgis.QGIS_VERSION.split('-')[0]}, GDAL {gdal.__version__}, numpy {numpy.__version__}, "
            f"Python {platform.python_version()}")


def main(legs) -> int:
    passed = failed = skipped = 0
    for leg in legs:
        state = os.path.join(ROOT, ".build", "legs", leg, "state")
        found = {}
        for name in sorted(os.listdir(state)) if os.path.isdir(state) else []:
            if name.startswith("junit") and name.endswith(".xml"):
                for key, value in counts(os.path.join(state, name)).items():
                    found[key] = found.get(key, 0) + value
        if not found:
            print(f"leg {leg}: no test results")
            failed += 1
            continue
        leg_passed = found["tests"] - found["failed"] - found["skipped"]
        with open(os.path.join(state, "versions.txt"), encoding="utf-8") as handle:
            versions = handle.read().strip()
        print(f"leg {leg} ({versions}): {leg_passed} passed, {found['failed']} failed, {found['skipped']} skipped")
        passed, failed, skipped = passed + leg_passed, failed + found["failed"], skipped + found["skipped"]
    print(f"legs: {passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--versions"]:
        print(versions())
    else:
        sys.exit(main(sys.argv[1:]))
