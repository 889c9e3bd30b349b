"""The plugin object QGIS creates: registers the Processing provider and the translations."""
from qgis.core import QgsApplication

from .processing_provider.provider import LaiQaProvider
from .translation import install_translator, remove_translators


class LaiQaPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None

    def initProcessing(self):  # noqa: N802 - QGIS calls this name, also from qgis_process
        if self.provider is not None:  # desktop may call it after initGui did
            return
        install_translator()
        self.provider = LaiQaProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802 - QGIS API name
        self.initProcessing()

    def unload(self):
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        remove_translators()
