#!/usr/bin/env bash
# One QGIS leg's tests, on whatever QGIS this system has: set-up, the demo, then pytest.
# Run by scripts/test.sh on this machine and, through scripts/leg.sh, inside each leg's root file system.
# usage: bash scripts/suite.sh [PYTEST ARGS...]
set -euo pipefail
cd "$(dirname "$0")/.."
leg="${LAIQA_LEG:-host}"
export LAIQA_STATE="${LAIQA_STATE:-$PWD/.build/legs/$leg/state}"  # scripts/leg_report.py reads it here
state="$LAIQA_STATE"
python="${LAIQA_VENV:-.venv}/bin/python"
bash scripts/setup.sh
source scripts/env.sh
export LAIQA_TEST_ARTIFACTS="${LAIQA_TEST_ARTIFACTS_ROOT:-$PWD/.build/test-artifacts}/$leg"
mkdir -p "$state" "$LAIQA_TEST_ARTIFACTS"
rm -f "$state"/junit*.xml "$state/versions.txt"
versions="$("$python" scripts/leg_report.py --versions)"
echo "$versions" > "$state/versions.txt"
echo "== leg $leg: $versions"
bash scripts/demo.sh --out "$state/sample_data" > "$state/demo.log" 2>&1 \
  || { cat "$state/demo.log"; echo "== leg $leg: the demo failed"; exit 1; }
echo "== leg $leg: demo ran (log: $state/demo.log)"
"$python" -m pytest --junitxml="$state/junit.xml" "$@"
# The core again in both GDAL exception modes, whatever this QGIS leaves the process in.
core_tests=(tests/test_core_*.py tests/test_article_correspondence.py
            tests/test_bad_inputs.py::test_the_core_gives_its_message_in_either_gdal_exception_mode)
for mode in on off; do
  echo "== leg $leg: core tests with GDAL exceptions $mode"
  LAIQA_GDAL_EXCEPTIONS=$mode "$python" -m pytest --junitxml="$state/junit-gdal-$mode.xml" "${core_tests[@]}" "$@"
done
