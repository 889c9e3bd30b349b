"""``python3 -m laiqa …``: the command line (cli.py), which never imports QGIS."""
import sys

from .cli import main

sys.exit(main())
