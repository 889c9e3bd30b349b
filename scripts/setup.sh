#!/usr/bin/env bash
# Install what the demo and the tests need, on a fresh Debian 12 machine as root; quick when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

mapfile -t DEBIAN_PACKAGES < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' scripts/debian-packages.txt)
missing=()
for package in "${DEBIAN_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# One venv per QGIS leg (scripts/leg.sh sets LAIQA_VENV): each leg has its own Python.
venv="${LAIQA_VENV:-.venv}"
if [ ! -x "$venv/bin/python" ]; then
  /usr/bin/python3 -m venv --system-site-packages "$venv"
fi
if [ ! -f "$venv/.requirements-installed" ] || ! cmp -s requirements-dev.txt "$venv/.requirements-installed"; then
  "$venv/bin/python" -m pip install -q --disable-pip-version-check -r requirements-dev.txt
  cp requirements-dev.txt "$venv/.requirements-installed"
fi

# Compiled translations (.qm) are built, not committed.
for ts in i18n/*.ts; do
  qm="${ts%.ts}.qm"
  if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then lrelease -silent "$ts" -qm "$qm"; fi
done

# QGIS finds plugins in a folder holding a folder named like the plugin: link this checkout as laiqa.
mkdir -p .build/plugins
ln -sfn "$(pwd)" .build/plugins/laiqa
