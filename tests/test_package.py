"""The zip users install: plugin files and compiled translations only, and QGIS loads it."""
import os
import subprocess
import sys
import zipfile

from helpers import ROOT

sys.path.insert(0, os.path.join(ROOT, "scripts"))
import package


def test_zip_installs_and_qgis_process_lists_the_algorithms(tmp_path):
    archive = package.build(str(tmp_path / "dist"))
    assert os.path.basename(archive) == f"laiqa-{package.version()}.zip"
    names = zipfile.ZipFile(archive).namelist()
    assert all(name.startswith("laiqa/") for name in names)
    for expected in ("laiqa/metadata.txt", "laiqa/__init__.py", "laiqa/icon.svg", "laiqa/i18n/laiqa_zh_CN.qm",
                     "laiqa/core/qa/presets/own_lai.json", "laiqa/processing_provider/batch_compare.py"):
        assert expected in names, expected
    assert not [name for name in names if name.startswith(("laiqa/tests/", "laiqa/bench/", "laiqa/scripts/"))]

    plugins = tmp_path / "plugins"
    zipfile.ZipFile(archive).extractall(plugins)
    env = {**os.environ, "QGIS_PLUGINPATH": str(plugins), "QT_QPA_PLATFORM": "offscreen",
           "QGIS_CUSTOM_CONFIG_PATH": str(tmp_path / "profile")}
    enabled = subprocess.run(["qgis_process.bin", "plugins", "enable", "laiqa"], env=env, cwd=tmp_path,
                             capture_output=True, text=True, timeout=120)
    assert enabled.returncode == 0, enabled.stdout + enabled.stderr
    listed = subprocess.run(["qgis_process.bin", "list"], env=env, cwd=tmp_path, capture_output=True, text=True,
                            timeout=120)
    for algorithm in ("laiqa:decodeqabits", "laiqa:qamask", "laiqa:maskeddifference", "laiqa:batchcompare"):
        assert algorithm in listed.stdout


def test_metadata_has_what_the_plugin_repository_requires():
    """plugins.qgis.org refuses uploads without these keys (its metadata.txt documentation)."""
    import configparser

    metadata = configparser.ConfigParser()
    metadata.read(os.path.join(ROOT, "metadata.txt"), encoding="utf-8")
    general = metadata["general"]
    for key in ("name", "qgisMinimumVersion", "description", "about", "version", "author", "email",
                "repository", "tracker", "homepage", "tags", "category", "icon"):
        assert general.get(key, "").strip(), key
    assert general["name"] == "LAI QA Toolkit"
    assert general["qgisMinimumVersion"] == "3.22"
    assert general["hasProcessingProvider"] == "yes"
    assert general["category"] == "Raster"
    assert os.path.exists(os.path.join(ROOT, general["icon"]))
    assert len(general["about"]) > len(general["description"])


def test_no_module_imports_pyqt_directly():
    """Qt only through qgis.PyQt, so the plugin runs on Qt 5 (QGIS 3) and Qt 6 (QGIS 4) alike."""
    import ast

    offenders = []
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                for node in ast.walk(ast.parse(open(path, encoding="utf-8").read())):
                    modules = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                        [node.module] if isinstance(node, ast.ImportFrom) and node.module else [])
                    offenders += [f"{path}: {m}" for m in modules if m.split(".")[0] in ("PyQt5", "PyQt6", "sip")]
    assert offenders == []


def test_plugin_analyzer_finds_the_package_fit_for_the_plugin_repository(tmp_path):
    """qgis-plugin-analyzer (PyPI), made for this: metadata, structure and QGIS 4 readiness."""
    import json

    archive = package.build(str(tmp_path / "dist"))
    zipfile.ZipFile(archive).extractall(tmp_path / "unpacked")
    analyzer = os.path.join(os.path.dirname(sys.executable), "qgis-analyzer")
    done = subprocess.run([analyzer, "analyze", "metadata", str(tmp_path / "unpacked" / "laiqa"), "-o",
                           str(tmp_path / "report")], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads((tmp_path / "report" / "project_context.json").read_text())
    standards = report["qgis_compliance"]["repository_standards"]
    assert standards["metadata"]["is_valid"], standards["metadata"]
    assert standards["metadata"]["missing"] == [] and standards["metadata"]["recommended_missing"] == []
    assert standards["structure"]["is_valid"], standards["structure"]
    assert report["qgis_compliance"]["best_practices"]["issues"] == []
    # The placeholder addresses (example.invalid, see README) are the only thing the analyzer refuses.
    compliance = report["repository_compliance"]
    assert compliance["constraint_errors"] == [] and compliance["binaries"] == []


def test_the_qgis_running_this_leg_lies_in_the_declared_range():
    """Each QGIS leg (3.22, 3.40, 3.44) checks that metadata.txt declares the version it tests."""
    import configparser

    from qgis.core import Qgis

    metadata = configparser.ConfigParser()
    metadata.read(os.path.join(ROOT, "metadata.txt"), encoding="utf-8")

    def version(text):
        return tuple(int(part) for part in text.split("-")[0].split(".")[:2])

    running = version(Qgis.QGIS_VERSION)
    assert version(metadata["general"]["qgisMinimumVersion"]) <= running
    assert running <= version(metadata["general"]["qgisMaximumVersion"])
