#!/usr/bin/env bash
# The whole test suite: lint, then pytest (core tests without QGIS, Processing and qgis_process tests).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
.venv/bin/ruff check .
# flake8-qgis: QGIS API hygiene (QGS1xx) and Qt 6 / QGIS 4 readiness (QGS4xx)
.venv/bin/flake8 --select QGS1,QGS4 --exclude .venv,.build,sample_data .
.venv/bin/python -m pytest "$@"
