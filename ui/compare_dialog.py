""""LAI QA Compare…": one window for users who never open the Processing Toolbox.

It runs the plugin's Processing algorithms by id in a background task (no copy of their logic),
validates inputs with the core's own parsers before Run is enabled, shows progress with a working
Cancel, and puts styled layers, the statistics and the two plots in front of the user.
"""
import csv
import os
import shlex

from qgis.core import (
    QgsApplication,
    QgsMapLayerProxyModel,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsRasterLayer,
    QgsSettings,
    QgsVectorLayer,
)
from qgis.gui import QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices, QPixmap
from qgis.PyQt.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..callbacks import answers
from ..core.errors import LaiQaError
from ..core.lai_encoding import LAI_PRESETS
from ..core.qa.rule import rule_for
from ..core.qa.scheme import PRESET_IDS, load_preset, presets
from ..core.qa.value_lists import format_values, kept_values
from ..core.readers import open_quietly
from ..core.stats import read_sample_csv
from ..translation import tr
from .plots import lacks_cjk_font, save_plots

SETTINGS = "laiqa/compare_dialog/"
RESULT_GROUP = "LAI QA results"
TABLE_COLUMNS = ("class", "n", "bias", "mae", "rmse", "sd", "r", "slope", "intercept", "gcos_share")


class RasterInput(QWidget):
    """A raster of the project, or a file (or any GDAL name) typed or picked: the file wins."""

    def __init__(self, allow_empty=False, parent=None):
        super().__init__(parent)
        self.layers = QgsMapLayerComboBox()
        self.layers.setFilters(QgsMapLayerProxyModel.Filter.RasterLayer)
        self.layers.setAllowEmptyLayer(True)
        self.layers.setLayer(None)  # empty until chosen: never a guess, never the layer a run just added
        self.file = QgsFileWidget()
        self.file.setFilter(tr("Rasters (*.tif *.tiff *.hdf *.h5 *.nc *.vrt);;All files (*)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.layers, 1)
        layout.addWidget(self.file, 1)
        # one source of truth: choosing a layer clears the file, typing a file clears the layer
        self.layers.layerChanged.connect(lambda layer: layer is not None and self.file.setFilePath(""))
        self.file.fileChanged.connect(lambda path: path.strip() and self.layers.setLayer(None))


    def value(self) -> str:
        if self.file.filePath().strip():
            return self.file.filePath().strip()
        layer = self.layers.currentLayer()
        return layer.id() if layer is not None else ""


class CompareDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.task = self.feedback = self.context = self.algorithm = None
        self.last_results = None
        self.setWindowTitle(tr("LAI QA Compare"))
        self.settings = QgsSettings()

        self.tabs = QTabWidget()
        self.tabs.addTab(self._single_tab(), tr("Single pair"))
        self.tabs.addTab(self._batch_tab(), tr("Batch"))

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b2182b")
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.run_button = QPushButton(tr("Run"))
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.close_button = QPushButton(tr("Close"))
        self.where = QLabel()  # where the last run's outputs are
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_folder_button = QPushButton(tr("Open output folder"))
        self.copy_python_button = QPushButton(tr("Copy as Python"))
        self.copy_command_button = QPushButton(tr("Copy as qgis_process command"))
        for button in (self.open_folder_button, self.copy_python_button, self.copy_command_button):
            button.setEnabled(False)
        self.ran = None  # (algorithm id, parameters) of the last finished run
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)

        self.results = QTabWidget()
        self.table = QTableWidget(0, len(TABLE_COLUMNS))
        self.table.setHorizontalHeaderLabels(TABLE_COLUMNS)
        self.results.addTab(self.table, tr("Statistics"))
        self.histogram = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.scatter = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        plots = QWidget()
        plots_layout = QHBoxLayout(plots)
        plots_layout.addWidget(self.histogram)
        plots_layout.addWidget(self.scatter)
        self.results.addTab(plots, tr("Plots"))
        self.failed = QListWidget()
        self.results.addTab(self.failed, tr("Failed pairs and their reasons"))  # not the count

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        after = QHBoxLayout()
        after.addWidget(self.where, 1)
        for button in (self.open_folder_button, self.copy_python_button, self.copy_command_button):
            after.addWidget(button)
        layout.addLayout(after)
        layout.addWidget(self.results, 1)

        self.run_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.close)
        self.open_folder_button.clicked.connect(self.open_output_folder)
        self.copy_python_button.clicked.connect(lambda: QApplication.clipboard().setText(self.as_python()))
        self.copy_command_button.clicked.connect(lambda: QApplication.clipboard().setText(self.as_command()))
        self.tabs.currentChanged.connect(self.validate)
        self._restore()
        self.validate()

    # ---- inputs
    def _single_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.product = RasterInput()
        self.product_preset = QComboBox()
        self.product_preset.addItems([preset.name for preset in LAI_PRESETS])
        self.product_band = QSpinBox()
        self.product_band.setRange(1, 999)
        self.qa = RasterInput(allow_empty=True)
        self.qa_band = QSpinBox()
        self.qa_band.setRange(1, 999)
        self.qa_band.setValue(2)
        self.reference = RasterInput()
        self.reference_preset = QComboBox()
        self.reference_preset.addItems([preset.name for preset in LAI_PRESETS])
        self.reference_preset.setCurrentIndex(1)
        self.scheme = QComboBox()
        self.scheme.addItems([scheme.name for scheme in presets()])
        self.rule = QLineEdit()
        self.rule.setPlaceholderText(tr("empty = the scheme's default rule"))
        self.rule_values = QLabel()  # what the rule keeps, as raw QA values (laiqa:explainrule in short)
        self.rule_values.setWordWrap(True)
        self.split_field = QComboBox()
        self.output = QgsFileWidget()
        self.output.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        self.output.setFilter(tr("GeoTIFF (*.tif)"))
        form.addRow(tr("Product LAI"), self.product)
        form.addRow(tr("Product band"), self.product_band)
        form.addRow(tr("Product preset"), self.product_preset)
        form.addRow(tr("QA raster (empty = the product raster)"), self.qa)
        form.addRow(tr("QA band"), self.qa_band)
        form.addRow(tr("QA scheme"), self.scheme)
        form.addRow(tr("QA keep rule"), self.rule)
        form.addRow("", self.rule_values)
        form.addRow(tr("Split by QA field"), self.split_field)
        form.addRow(tr("Reference LAI"), self.reference)
        form.addRow(tr("Reference preset"), self.reference_preset)
        form.addRow(tr("Difference raster"), self.output)
        self.scheme.currentIndexChanged.connect(self._fill_split_fields)
        self._fill_split_fields()
        for signal in (self.rule.textChanged, self.scheme.currentIndexChanged):
            signal.connect(self._show_rule_values)
        self._show_rule_values()
        self.qa.layers.layerChanged.connect(self._guess_qa_band)
        self.qa.file.fileChanged.connect(self._guess_qa_band)
        for signal in (self.product.layers.layerChanged, self.product.file.fileChanged,
                       self.reference.layers.layerChanged, self.reference.file.fileChanged,
                       self.rule.textChanged, self.split_field.currentIndexChanged, self.output.fileChanged,
                       self.scheme.currentIndexChanged):
            signal.connect(self.validate)
        return page

    def _batch_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.product_folder = QgsFileWidget()
        self.reference_folder = QgsFileWidget()
        self.output_folder = QgsFileWidget()
        for widget in (self.product_folder, self.reference_folder, self.output_folder):
            widget.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
            widget.fileChanged.connect(self.validate)
        self.product_pattern = QLineEdit("*.tif")
        self.reference_pattern = QLineEdit("*.hdf")
        self.workers = QSpinBox()
        self.workers.setRange(0, 64)
        self.workers.setSpecialValueText(tr("one per core"))
        form.addRow(tr("Product folder"), self.product_folder)
        form.addRow(tr("Product file pattern"), self.product_pattern)
        form.addRow(tr("Reference folder"), self.reference_folder)
        form.addRow(tr("Reference file pattern"), self.reference_pattern)
        form.addRow(tr("Output folder"), self.output_folder)
        form.addRow(tr("Pairs at a time"), self.workers)
        return page

    def _guess_qa_band(self, *_):
        """A separate QA file is mostly one band (MODIS users' normal case): band 1; the product's QA: band 2."""
        source = self.qa.value()
        layer = QgsProject.instance().mapLayer(source)
        count = layer.bandCount() if layer is not None else _band_count(source)
        self.qa_band.setValue(2 if not source else 1 if count == 1 else self.qa_band.value())

    def _fill_split_fields(self):
        current = self.split_field.currentText()
        scheme = load_preset(PRESET_IDS[self.scheme.currentIndex()])
        self.split_field.blockSignals(True)
        self.split_field.clear()
        self.split_field.addItem(tr("(no split)"), "")
        for name in scheme.field_names:
            self.split_field.addItem(name, name)
        index = self.split_field.findData(current or "algorithm")
        self.split_field.setCurrentIndex(max(index, 0))
        self.split_field.blockSignals(False)

    def _parsed_rule(self):
        """(scheme, rule) as the RULE parameter reads them: empty means the scheme's default rule."""
        scheme = load_preset(PRESET_IDS[self.scheme.currentIndex()])
        return scheme, rule_for(scheme, self.rule.text().strip() or None)

    def _show_rule_values(self, *_):
        """Under the rule: the raw QA values it keeps (the first 12, then …); empty while it does not parse."""
        try:
            kept = kept_values(*self._parsed_rule())
        except LaiQaError:  # validation_message names the problem
            self.rule_values.setText("")
            return
        self.rule_values.setText(tr("Keeps {0:,} QA values: {1} ({2:,} dropped)").format(
            kept.kept, format_values(kept.values, 12), kept.dropped))

    def batch_mode(self) -> bool:
        return self.tabs.currentIndex() == 1

    def validation_message(self) -> str:
        """Why Run is disabled, or '' when the inputs can run."""
        if self.task is not None:
            return tr("Running…")
        try:
            self._parsed_rule()
        except LaiQaError as error:
            return tr("QA rule: {0}").format(str(error))
        if self.batch_mode():
            for widget, label in ((self.product_folder, tr("product folder")),
                                  (self.reference_folder, tr("reference folder"))):
                if not os.path.isdir(widget.filePath()):
                    return tr("Choose an existing {0}.").format(label)
            if not self.output_folder.filePath().strip():
                return tr("Choose an output folder.")
            return ""
        if not self.product.value():
            return tr("Choose the product LAI raster.")
        if not self.reference.value():
            return tr("Choose the reference LAI raster.")
        if not self.output.filePath().strip():
            return tr("Choose where to write the difference raster.")
        return ""

    def validate(self, *_):
        message = self.validation_message()
        self.message.setText(message)
        self.run_button.setEnabled(not message)
        return message

    # ---- settings
    def _restore(self):
        self.scheme.setCurrentIndex(int(self.settings.value(SETTINGS + "scheme", 0)))
        self.rule.setText(self.settings.value(SETTINGS + "rule", ""))
        self.product_pattern.setText(self.settings.value(SETTINGS + "product_pattern", "*.tif"))
        self.reference_pattern.setText(self.settings.value(SETTINGS + "reference_pattern", "*.hdf"))
        self.workers.setValue(int(self.settings.value(SETTINGS + "workers", 0)))
        self.output_folder.setFilePath(self.settings.value(SETTINGS + "output_folder", ""))

    def _remember(self):
        for key, value in (("scheme", self.scheme.currentIndex()), ("rule", self.rule.text()),
                           ("product_pattern", self.product_pattern.text()),
                           ("reference_pattern", self.reference_pattern.text()),
                           ("workers", self.workers.value()), ("output_folder", self.output_folder.filePath())):
            self.settings.setValue(SETTINGS + key, value)

    # ---- running
    def parameters(self) -> tuple:
        """(algorithm id, parameters) exactly as a script would pass them to processing.run."""
        settings = {"SCHEME": self.scheme.currentIndex(), "RULE": self.rule.text(),
                    "SPLIT_FIELD": self.split_field.currentData() or ""}
        if self.batch_mode():
            return "laiqa:batchcompare", {
                **settings, "PRODUCT_FOLDER": self.product_folder.filePath(),
                "REFERENCE_FOLDER": self.reference_folder.filePath(),
                "PRODUCT_PATTERN": self.product_pattern.text(), "REFERENCE_PATTERN": self.reference_pattern.text(),
                "PRODUCT_PRESET": self.product_preset.currentIndex(),
                "REFERENCE_PRESET": self.reference_preset.currentIndex(),
                "OUTPUT_FOLDER": self.output_folder.filePath(), "WORKERS": self.workers.value()}
        output = self.output.filePath()
        if not output.lower().endswith((".tif", ".tiff")):
            output += ".tif"
        base = os.path.splitext(output)[0]
        parameters = {**settings, "PRODUCT": self.product.value(), "REFERENCE": self.reference.value(),
                      "PRODUCT_BAND": self.product_band.value(), "QA_BAND": self.qa_band.value(),
                      "PRODUCT_PRESET": self.product_preset.currentIndex(),
                      "REFERENCE_PRESET": self.reference_preset.currentIndex(), "OUTPUT": output,
                      "OUTPUT_STATS": f"{base}_stats.csv", "OUTPUT_SAMPLE": f"{base}_sample.csv"}
        if self.qa.value():
            parameters["QA"] = self.qa.value()
        return "laiqa:maskeddifference", parameters

    @answers(None)
    def run(self):
        if self.validate():
            return
        self._remember()
        algorithm_id, parameters = self.parameters()
        self.algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
        self.context = QgsProcessingContext()
        self.context.setProject(QgsProject.instance())
        self.feedback = QgsProcessingFeedback()
        self.feedback.progressChanged.connect(lambda value: self.progress.setValue(int(value)))
        self.task = QgsProcessingAlgRunnerTask(self.algorithm, parameters, self.context, self.feedback)
        self.task.executed.connect(lambda ok, results: self.finished(ok, results, parameters))
        self.progress.setValue(0)
        self._clear_results()  # nothing of an earlier run stays up while this one runs or if it fails
        self.cancel_button.setEnabled(True)
        self.validate()
        QgsApplication.taskManager().addTask(self.task)

    def cancel(self):
        if self.feedback is not None:
            self.feedback.cancel()

    @answers(None)
    def finished(self, ok: bool, results: dict, parameters: dict):
        try:
            self._finished(ok, results, parameters)
        finally:
            # Layers Processing opened from file paths live in the context's store: free them now, while QGIS
            # runs (left to Python's exit they are freed after QGIS and crash it).
            self.context.temporaryLayerStore().removeAllMapLayers()

    def _finished(self, ok: bool, results: dict, parameters: dict):
        self.task = None
        self.cancel_button.setEnabled(False)
        self.last_results = results if ok else None
        if not ok:
            self.validate()
            log = [line for line in self.feedback.textLog().splitlines() if line.strip()]
            reason = log[-1] if log else ""
            if "PRODUCT_FOLDER" in parameters:
                self.message.setText(tr("Stopped: the pairs finished before were kept, and a run with the same "
                                        "settings skips them: {0}").format(reason or tr("cancelled")))
            else:
                self.message.setText(tr("Stopped, no partial output was kept: {0}").format(
                    reason or tr("cancelled")))
            return
        self.progress.setValue(100)
        self.validate()
        self.ran = (self.algorithm.id(), parameters)
        self.where.setText(tr("Outputs in {0}").format(self.output_folder_of(parameters)))
        for button in (self.open_folder_button, self.copy_python_button, self.copy_command_button):
            button.setEnabled(True)
        if "SUMMARY" in results:
            self._show_batch(results)
        else:
            self._show_single(results, parameters)

    @staticmethod
    def output_folder_of(parameters: dict) -> str:
        return parameters.get("OUTPUT_FOLDER") or os.path.dirname(os.path.abspath(parameters["OUTPUT"]))

    def open_output_folder(self):
        if self.ran is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.output_folder_of(self.ran[1])))

    def as_python(self) -> str:
        """The last run as the line a script would write (processing.run with the same parameters)."""
        algorithm_id, parameters = self.ran
        return f"processing.run({algorithm_id!r}, {parameters!r})"

    def as_command(self) -> str:
        """The last run as a qgis_process command line."""
        algorithm_id, parameters = self.ran
        return " ".join(["qgis_process", "run", algorithm_id, "--",
                         *(shlex.quote(f"{name}={value}") for name, value in parameters.items())])

    def _clear_results(self):
        self.where.clear()
        for button in (self.open_folder_button, self.copy_python_button, self.copy_command_button):
            button.setEnabled(False)
        self.table.setRowCount(0)
        self.failed.clear()
        self.histogram.clear()
        self.scatter.clear()

    def _group(self):
        root = QgsProject.instance().layerTreeRoot()
        return root.findGroup(RESULT_GROUP) or root.insertGroup(0, RESULT_GROUP)

    def _add(self, layer):
        """Into the results group, replacing a layer of the same source from an earlier run (the pickers
        allow no layer, so a new layer never becomes their choice)."""
        if layer.isValid():
            project = QgsProject.instance()
            for earlier in list(project.mapLayers().values()):
                if earlier.source() == layer.source():
                    project.removeMapLayer(earlier.id())
            project.addMapLayer(layer, False)
            self._group().addLayer(layer)
        return layer

    def _fill_table(self, rows):
        self.table.setRowCount(len(rows))
        for row_index, row in enumerate(rows):
            for column, name in enumerate(TABLE_COLUMNS):
                self.table.setItem(row_index, column, QTableWidgetItem(_short(row.get(name, ""))))
        self.table.resizeColumnsToContents()

    def _show_single(self, results, parameters):
        output = results["OUTPUT"]
        self._add(QgsRasterLayer(output, os.path.splitext(os.path.basename(output))[0]))
        with open(parameters["OUTPUT_STATS"], newline="", encoding="utf-8") as handle:
            self._fill_table(list(csv.DictReader(handle)))
        texts = plot_texts()
        histogram, scatter = save_plots(read_sample_csv(results["OUTPUT_SAMPLE"]), output, texts)
        if lacks_cjk_font(texts):
            self.message.setText(tr("Chinese labels need a CJK font and matplotlib knows none: install one (Debian, "
                                    "Ubuntu: fonts-noto-cjk or fonts-wqy-microhei), delete matplotlib's font cache "
                                    "(~/.cache/matplotlib/fontlist-*.json) and restart QGIS."))
        self.histogram.setPixmap(QPixmap(histogram))
        self.scatter.setPixmap(QPixmap(scatter))
        self.results.setCurrentIndex(0)

    def _show_batch(self, results):
        with open(results["SUMMARY"], newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        self._fill_table([{**row, "class": f"{row['key']} {row['class']}"} for row in rows if row["class"]])
        self.failed.clear()
        for row in rows:
            if row["status"] == "failed":
                self.failed.addItem(f"{row['key']}: {row['reason']}")
        if results.get("TILES"):
            tiles = QgsVectorLayer(results["TILES"], tr("Tiles by bias"), "ogr")
            tiles.setSubsetString("\"class\" = 'all'")  # one polygon per tile, as the Toolbox shows them
            self._add(tiles)
        self.results.setCurrentIndex(2 if self.failed.count() else 0)


def plot_texts() -> dict:
    """The plots' words in the user's language (keys of plots.TEXTS)."""
    return {
        "histogram": tr("Product - reference"), "difference": tr("LAI difference (product - reference)"),
        "pixels": tr("pixels (sample)"), "scatter": tr("Product against reference"),
        "reference": tr("reference LAI"), "product": tr("product LAI"), "density": tr("pixels (log)"),
        "gcos": tr("GCOS max(0.5, 20 %)"),
    }


def _band_count(source: str) -> int:
    """Bands of a raster file or GDAL name; 0 when it cannot be opened (the run will say why)."""
    dataset, _ = open_quietly(source) if source else (None, "")
    return dataset.RasterCount if dataset is not None else 0


def _short(value) -> str:
    """Counts as integers, statistics to four significant digits, text as it is."""
    text = str(value)
    if text.isdigit():
        return text
    try:
        return f"{float(text):.4g}"
    except ValueError:
        return text
