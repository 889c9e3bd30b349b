"""A plot in the dialog: matplotlib's Qt canvas on our own Figure (no pyplot, no global backend), which
lays itself out again when the window is resized, with a button that saves the figure as PNG or SVG."""
from qgis.PyQt.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

try:
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
except ImportError:  # matplotlib < 3.5 names the Qt 5 canvas after Qt 5
    from matplotlib.backends.backend_qt5agg import FigureCanvasQTAgg

from ..translation import tr
from .plots import new_figure, save_figure

MINIMUM_SIZE = (220, 180)  # pixels: small enough for the dialog to fit a 1366x768 screen


class PlotPanel(QWidget):
    def __init__(self, size: tuple, name: str, parent=None):
        super().__init__(parent)
        self.name = name  # suggested file name
        self.figure = new_figure(size)
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setMinimumSize(*MINIMUM_SIZE)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.save_button = QPushButton(tr("Save figure…"))
        self.save_button.setToolTip(tr("Save this plot as PNG (for slides) or SVG (for editing and print)"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.ask_and_save)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas, 1)
        layout.addLayout(buttons)

    def shown(self):
        """Call after drawing on ``figure``."""
        self.canvas.draw_idle()
        self.save_button.setEnabled(True)

    def clear(self):
        self.figure.clear()
        self.canvas.draw_idle()
        self.save_button.setEnabled(False)

    def has_plot(self) -> bool:
        return bool(self.figure.axes)

    def save(self, path: str) -> str:
        return save_figure(self.figure, path)

    def ask_and_save(self):
        path, chosen = QFileDialog.getSaveFileName(self, tr("Save figure"), self.name,
                                                   tr("PNG image (*.png);;SVG drawing (*.svg)"))
        if path:
            if not path.lower().endswith((".png", ".svg")):
                path += ".svg" if "svg" in chosen.lower() else ".png"
            self.save(path)
