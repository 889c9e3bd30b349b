# Sourced by the scripts: headless Qt, a private QGIS profile, and this checkout as the plugin laiqa.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export QT_QPA_PLATFORM=offscreen
export QGIS_PLUGINPATH="$root/.build/plugins"
export QGIS_CUSTOM_CONFIG_PATH="$root/.build/profile"
export XDG_RUNTIME_DIR="$root/.build/runtime"
mkdir -p "$QGIS_CUSTOM_CONFIG_PATH" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
