"""Build the installable plugin zip: dist/laiqa-<version>.zip holding the folder laiqa/.

usage: python3 scripts/package.py [--out DIST_DIR]

Takes the files git tracks, without the development ones (tests, benchmarks, scripts, CI, tool
settings), plus the compiled translations (i18n/*.qm, built by lrelease here if missing or stale).
"Install from ZIP" in QGIS's plugin manager takes the result as it is.
"""
import argparse
import configparser
import os
import subprocess
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = "laiqa"
LEFT_OUT_FOLDERS = ("tests/", "bench/", "scripts/", ".ci/")
LEFT_OUT_FILES = {".gitignore", "requirements-dev.txt", "pyproject.toml", "pytest.ini"}


def version() -> str:
    metadata = configparser.ConfigParser()
    metadata.read(os.path.join(ROOT, "metadata.txt"), encoding="utf-8")
    return metadata["general"]["version"]


def compiled_translations() -> list:
    built = []
    for name in sorted(os.listdir(os.path.join(ROOT, "i18n"))):
        if name.endswith(".ts"):
            source = os.path.join(ROOT, "i18n", name)
            target = source[:-3] + ".qm"
            if not os.path.exists(target) or os.path.getmtime(target) < os.path.getmtime(source):
                subprocess.run(["lrelease", "-silent", source, "-qm", target], check=True)
            built.append(os.path.relpath(target, ROOT))
    return built


def plugin_files() -> list:
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, check=True, capture_output=True, text=True).stdout
    return [path for path in tracked.split("\n") if path and not path.startswith(LEFT_OUT_FOLDERS)
            and path not in LEFT_OUT_FILES]


def build(out_dir: str) -> str:
    os.makedirs(out_dir, exist_ok=True)
    archive = os.path.join(out_dir, f"{PACKAGE}-{version()}.zip")
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        for path in sorted(set(plugin_files() + compiled_translations())):
            bundle.write(os.path.join(ROOT, path), f"{PACKAGE}/{path}")
    return archive


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=os.path.join(ROOT, "dist"))
    print(build(parser.parse_args().out))
    sys.exit(0)
