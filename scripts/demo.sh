#!/usr/bin/env bash
# The main job on built-in sample data, headless: decode the sample QA band with qgis_process.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
/usr/bin/python3 scripts/demo.py "$@"
