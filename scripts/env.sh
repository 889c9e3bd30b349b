# Sourced by the scripts: headless Qt, a private QGIS profile, and this checkout as the plugin laiqa.
# LAIQA_STATE (set per QGIS leg by scripts/leg.sh) keeps each QGIS version's profile apart.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
state="${LAIQA_STATE:-$root/.build}"
export QT_QPA_PLATFORM=offscreen
export QGIS_PLUGINPATH="$root/.build/plugins"
export QGIS_CUSTOM_CONFIG_PATH="$state/profile"
export XDG_RUNTIME_DIR="$state/runtime"
mkdir -p "$QGIS_CUSTOM_CONFIG_PATH" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
