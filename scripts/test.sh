#!/usr/bin/env bash
# The whole test suite: lint, then pytest (core tests without QGIS, Processing and qgis_process tests).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
.venv/bin/ruff check .
.venv/bin/python -m pytest "$@"
