"""core/ must run without QGIS: scripts and cluster jobs import it on machines with no QGIS."""
import ast
import os
import subprocess
import sys

from helpers import PLUGIN_PATH, ROOT


def test_no_module_under_core_imports_qgis():
    offenders = []
    for folder, _dirs, files in os.walk(os.path.join(ROOT, "core")):
        for name in files:
            if not name.endswith(".py"):
                continue
            path = os.path.join(folder, name)
            for node in ast.walk(ast.parse(open(path, encoding="utf-8").read())):
                names = []
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    names = [node.module]
                offenders += [f"{path}: {n}" for n in names if n.split(".")[0] in ("qgis", "PyQt5", "PyQt6")]
    assert offenders == []


def test_core_imports_with_qgis_unavailable():
    code = (
        "import sys, pkgutil, importlib\n"
        "sys.modules['qgis'] = None\n"  # any 'import qgis' now fails
        "import laiqa.core as core\n"
        "for m in pkgutil.walk_packages(core.__path__, 'laiqa.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=PLUGIN_PATH, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": PLUGIN_PATH})
    assert done.stdout.strip() == "ok", done.stderr
