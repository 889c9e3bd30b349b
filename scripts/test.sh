#!/usr/bin/env bash
# The whole test suite on every QGIS leg: lint once, then on each leg the demo and pytest (core tests
# without QGIS, Processing, qgis_process and desktop tests).
#   host    this machine: Debian 12, QGIS 3.22
#   trixie  Debian 13 root file system (scripts/leg.sh): QGIS 3.40 LTR
#   sid     Debian unstable (off by default): QGIS 3.44
# usage: bash scripts/test.sh [--leg host|trixie|sid]... [PYTEST ARGS...]
#   (default legs: $LAIQA_LEGS, else "host trixie"; e.g. --leg trixie runs that leg alone)
set -euo pipefail
cd "$(dirname "$0")/.."
legs=()
while [ $# -gt 0 ] && [ "$1" = --leg ]; do legs+=("$2"); shift 2; done
if [ ${#legs[@]} -eq 0 ]; then read -r -a legs <<< "${LAIQA_LEGS:-host trixie}"; fi

bash scripts/setup.sh
source scripts/env.sh
.venv/bin/ruff check .
# flake8-qgis: QGIS API hygiene (QGS1xx) and Qt 6 / QGIS 4 readiness (QGS4xx)
.venv/bin/flake8 --select QGS1,QGS4 --exclude .venv,.build,sample_data .

failed_legs=()
for leg in "${legs[@]}"; do
  case "$leg" in
    host) runner=(bash scripts/suite.sh "$@") ;;
    *) runner=(bash scripts/leg.sh "$leg" bash scripts/suite.sh "$@") ;;
  esac
  "${runner[@]}" || failed_legs+=("$leg")
done
.venv/bin/python scripts/leg_report.py "${legs[@]}" || failed_legs+=(report)
if [ ${#failed_legs[@]} -gt 0 ]; then
  echo "failed legs: ${failed_legs[*]}"
  exit 1
fi
