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
from qgis.gui import QgsCollapsibleGroupBox, QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..callbacks import answers
from ..core.density import read_density_file
from ..core.errors import LaiQaError
from ..core.lai_encoding import LAI_PRESETS
from ..core.pairing import DEFAULT_KEY_PATTERN, compile_key_pattern
from ..core.qa.rule import rule_for
from ..core.qa.scheme import PRESET_IDS, load_preset, presets
from ..core.qa.value_lists import format_values, kept_values
from ..core.qa_rasters import PRODUCT_QA_BAND, default_qa_band
from ..core.readers import open_quietly
from ..core.stats import parsed_row
from ..core.time_series import read_date_rows
from ..translation import tr, translated_name
from .history import record_run
from .modis_grid import modis_grid_layer
from .plot_canvas import PlotPanel
from .plots import (
    HISTOGRAM_SIZE,
    SCATTER_SIZE,
    draw_histogram,
    draw_scatter,
    draw_time_series,
    lacks_cjk_font,
    save_plots,
)
from .stats_table import StatsTable, format_cell

SETTINGS = "laiqa/compare_dialog/"
RESULT_GROUP = "LAI QA results"
README = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "README.md")
HELP_SECTION = "in-desktop-qgis-the-dialog-and-the-qa-pixel-inspector"  # the README heading's anchor


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

        common = self._common_group()
        self.tabs = QTabWidget()
        self.tabs.addTab(self._single_tab(), tr("Single pair"))
        self.tabs.addTab(self._batch_tab(), tr("Batch"))
        self.tabs.setTabToolTip(0, tr("One product raster against one reference raster"))
        self.tabs.setTabToolTip(1, tr("Folders of tiles, paired by date and tile in their names"))

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b2182b")
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setToolTip(tr("Progress of the running comparison"))
        self.run_button = QPushButton(tr("Run"))
        self.run_button.setToolTip(tr("Run the comparison in the background; QGIS stays usable"))
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setToolTip(tr("Stop the running comparison"))
        self.cancel_button.setEnabled(False)
        self.close_button = QPushButton(tr("Close"))
        self.close_button.setToolTip(tr("Close this window; a running comparison goes on"))
        self.help_button = QPushButton(tr("Help"))
        self.help_button.setToolTip(tr("Open the user guide at this window's section"))
        self.where = QLabel()  # where the last run's outputs are
        self.where.setWordWrap(True)  # a long path wraps instead of widening the window
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_folder_button = QPushButton(tr("Open output folder"))
        self.open_folder_button.setToolTip(tr("Show the last run's outputs in the file manager"))
        self.copy_python_button = QPushButton(tr("Copy as Python"))
        self.copy_python_button.setToolTip(tr("Copy the last run as a processing.run(…) line for a script"))
        self.report_button = QPushButton(tr("Open report"))
        self.report_button.setToolTip(tr("Open the last run's HTML report (tables, density scatter, histograms; "
                                         "for a batch the map and the time series) in the web browser"))
        self.copy_command_button = QPushButton(tr("Copy as qgis_process command"))
        self.copy_command_button.setToolTip(tr("Copy the last run as a command line for qgis_process"))
        for button in (self.open_folder_button, self.report_button, self.copy_python_button,
                       self.copy_command_button):
            button.setEnabled(False)
        self.ran = None  # (algorithm id, parameters) of the last finished run
        buttons = QHBoxLayout()
        buttons.addWidget(self.help_button)
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)

        self.results = QTabWidget()
        self.table = StatsTable()
        self.copy_table_button = QPushButton(tr("Copy"))
        self.copy_table_button.setToolTip(tr("Copy the selected cells (all when none is selected) with their "
                                             "headers, tab-separated for a spreadsheet"))
        self.export_table_button = QPushButton(tr("Export CSV…"))
        self.export_table_button.setToolTip(tr("Save the table as shown as CSV (the full-precision statistics "
                                               "are in the run's CSV beside its outputs)"))
        statistics = QWidget()
        statistics_layout = QVBoxLayout(statistics)
        statistics_layout.addWidget(self.table, 1)
        table_buttons = QHBoxLayout()
        table_buttons.addStretch(1)
        table_buttons.addWidget(self.copy_table_button)
        table_buttons.addWidget(self.export_table_button)
        statistics_layout.addLayout(table_buttons)
        self.results.addTab(statistics, tr("Statistics"))
        self.histogram = PlotPanel(HISTOGRAM_SIZE, "histogram.png")
        self.scatter = PlotPanel(SCATTER_SIZE, "scatter.png")
        plots = QWidget()
        plots_layout = QHBoxLayout(plots)
        plots_layout.addWidget(self.histogram, 1)
        plots_layout.addWidget(self.scatter, 1)
        self.results.addTab(plots, tr("Plots"))
        self.failed = QListWidget()
        self.failed.setToolTip(tr("Pairs that failed, each with its reason; the other pairs were compared"))
        self.results.addTab(self.failed, tr("Failed pairs and their reasons"))  # not the count

        inputs = QWidget()
        inputs_layout = QVBoxLayout(inputs)
        inputs_layout.setContentsMargins(0, 0, 0, 0)
        inputs_layout.addWidget(common)
        inputs_layout.addWidget(self.tabs)
        scroll = QScrollArea()  # the inputs scroll rather than hold the window taller than a laptop screen
        scroll.setWidgetResizable(True)
        scroll.setWidget(inputs)
        results = QWidget()
        results_layout = QVBoxLayout(results)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addWidget(self.message)
        results_layout.addLayout(buttons)
        after = QHBoxLayout()
        after.addWidget(self.where, 1)
        for button in (self.open_folder_button, self.report_button, self.copy_python_button,
                       self.copy_command_button):
            after.addWidget(button)
        results_layout.addLayout(after)
        results_layout.addWidget(self.results, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)  # the user shares the height between inputs and results
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(results)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([400, 340])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self.resize(1100, 740)  # fits a 1366x768 screen with the task bar

        self.run_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.close)
        self.help_button.clicked.connect(lambda: QDesktopServices.openUrl(self.help_url()))
        self.open_folder_button.clicked.connect(self.open_output_folder)
        self.report_button.clicked.connect(self.open_report)
        self.copy_python_button.clicked.connect(lambda: QApplication.clipboard().setText(self.as_python()))
        self.copy_command_button.clicked.connect(lambda: QApplication.clipboard().setText(self.as_command()))
        self.copy_table_button.clicked.connect(self.table.copy)
        self.export_table_button.clicked.connect(lambda: self.export_table())
        self.tabs.currentChanged.connect(self.validate)
        self._restore()
        self.validate()

    # ---- inputs
    def _common_group(self) -> QGroupBox:
        """What both modes share: the QA scheme, the keep rule, the split field and the LAI encodings."""
        group = QGroupBox(tr("Common settings"))
        form = QFormLayout(group)
        self.scheme = QComboBox()
        self.scheme.addItems([translated_name(scheme.name) for scheme in presets()])
        self.scheme.setToolTip(tr("How the QA band's bits are named: which bits form which field"))
        self.rule = QLineEdit()
        self.rule.setPlaceholderText(tr("empty = the scheme's default rule"))
        self.rule.setToolTip(tr("Which pixels to keep, e.g. quality != failed and algorithm in (DRT, ECO)"))
        self.rule_values = QLabel()  # what the rule keeps, as raw QA values (laiqa:explainrule in short)
        self.rule_values.setWordWrap(True)
        self.rule_values.setToolTip(tr("The raw QA values the rule keeps (laiqa:explainrule gives them all)"))
        self.split_field = QComboBox()
        self.split_field.setToolTip(tr("Statistics per value of this QA field (e.g. per retrieval algorithm), "
                                       "plus 'all'"))
        self.product_preset = QComboBox()
        self.product_preset.addItems([translated_name(preset.name) for preset in LAI_PRESETS])
        self.product_preset.setToolTip(tr("How the product stores LAI: scale, valid range, fill values"))
        self.reference_preset = QComboBox()
        self.reference_preset.addItems([translated_name(preset.name) for preset in LAI_PRESETS])
        self.reference_preset.setCurrentIndex(1)
        self.reference_preset.setToolTip(tr("How the reference stores LAI: scale, valid range, fill values"))
        form.addRow(tr("QA scheme"), self.scheme)
        form.addRow(tr("QA keep rule"), self.rule)
        form.addRow("", self.rule_values)
        form.addRow(tr("Split by QA field"), self.split_field)
        form.addRow(tr("Product preset"), self.product_preset)
        form.addRow(tr("Reference preset"), self.reference_preset)
        self.scheme.currentIndexChanged.connect(self._fill_split_fields)
        self._fill_split_fields()
        for signal in (self.rule.textChanged, self.split_field.currentIndexChanged, self.scheme.currentIndexChanged):
            signal.connect(self.validate)
        for signal in (self.rule.textChanged, self.scheme.currentIndexChanged):
            signal.connect(self._show_rule_values)
        self._show_rule_values()
        return group

    def _single_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.product = RasterInput()
        self.product.layers.setToolTip(tr("The product LAI: a raster of the project…"))
        self.product.file.setToolTip(tr("…or a file (a typed GDAL name also works)"))
        self.product_band = QSpinBox()
        self.product_band.setRange(1, 999)
        self.product_band.setToolTip(tr("The band of the product raster that holds LAI"))
        self.qa = RasterInput(allow_empty=True)
        self.qa.layers.setToolTip(tr("A separate QA raster of the project; empty = the QA band of the product"))
        self.qa.file.setToolTip(tr("…or a separate QA file"))
        self.qa_band = QSpinBox()
        self.qa_band.setRange(1, 999)
        self.qa_band.setValue(PRODUCT_QA_BAND)
        self.qa_band.setToolTip(tr("The band holding the QA bits: band 2 of the product raster, band 1 of a "
                                   "single-band QA file"))
        self.reference = RasterInput()
        self.reference.layers.setToolTip(tr("The reference LAI (e.g. GLASS): a raster of the project…"))
        self.reference.file.setToolTip(tr("…or a file; a GLASS HDF is placed by the tile id in its name"))
        self.modis_grid_button = QPushButton(tr("Add reference on the MODIS grid"))
        self.modis_grid_button.setToolTip(tr(
            "A GLASS HDF has no georeference: add it to the map where its tile id (hXXvYY) puts it, as a small "
            "VRT in the project's folder (the system's temporary folder for an unsaved project)"))
        self.output = QgsFileWidget()
        self.output.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        self.output.setFilter(tr("GeoTIFF (*.tif)"))
        self.output.setToolTip(tr("The difference raster to write; the statistics, the sample and the plots "
                                  "go beside it"))
        form.addRow(tr("Product LAI"), self.product)
        form.addRow(tr("Product band"), self.product_band)
        form.addRow(tr("QA raster (empty = the product raster)"), self.qa)
        form.addRow(tr("QA band"), self.qa_band)
        form.addRow(tr("Reference LAI"), self.reference)
        form.addRow("", self.modis_grid_button)
        form.addRow(tr("Difference raster"), self.output)
        self.qa.layers.layerChanged.connect(self._guess_qa_band)
        self.qa.file.fileChanged.connect(self._guess_qa_band)
        self.modis_grid_button.clicked.connect(lambda: self.add_on_modis_grid(self.reference_source()))
        for signal in (self.product.layers.layerChanged, self.product.file.fileChanged,
                       self.reference.layers.layerChanged, self.reference.file.fileChanged, self.output.fileChanged):
            signal.connect(self.validate)
        return page

    def _batch_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.product_folder = QgsFileWidget()
        self.product_folder.setToolTip(tr("The folder of product tiles"))
        self.reference_folder = QgsFileWidget()
        self.reference_folder.setToolTip(tr("The folder of reference tiles (e.g. GLASS HDF)"))
        self.output_folder = QgsFileWidget()
        self.output_folder.setToolTip(tr("Where each pair's difference raster, summary.csv and tiles.gpkg go"))
        for widget in (self.product_folder, self.reference_folder, self.output_folder):
            widget.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
            widget.fileChanged.connect(self.validate)
        self.product_pattern = QLineEdit("*.tif")
        self.product_pattern.setToolTip(tr("Which files of the product folder to take (several separated by ;)"))
        self.reference_pattern = QLineEdit("*.hdf")
        self.reference_pattern.setToolTip(tr("Which files of the reference folder to take (several separated "
                                             "by ;)"))
        self.workers = QSpinBox()
        self.workers.setRange(0, 64)
        self.workers.setSpecialValueText(tr("one per core"))
        self.workers.setToolTip(tr("How many pairs run at once; each needs memory for its windows"))
        form.addRow(tr("Product folder"), self.product_folder)
        form.addRow(tr("Product file pattern"), self.product_pattern)
        form.addRow(tr("Reference folder"), self.reference_folder)
        form.addRow(tr("Reference file pattern"), self.reference_pattern)
        form.addRow(tr("Output folder"), self.output_folder)
        form.addRow(tr("Pairs at a time"), self.workers)
        form.addRow(self._batch_advanced())
        return page

    def _batch_advanced(self) -> QgsCollapsibleGroupBox:
        """The batch's rarer settings, folded away: pairing, sub-folders, reruns, MODIS grids, class folders."""
        group = QgsCollapsibleGroupBox(tr("Advanced"))
        group.setCollapsed(True)
        form = QFormLayout(group)
        self.key_pattern = QLineEdit(DEFAULT_KEY_PATTERN)
        self.key_pattern.setToolTip(tr("How files pair: one regular expression per key part, separated by ; "
                                       "(default: acquisition date AYYYYDDD and MODIS tile hXXvYY)"))
        self.recursive = QCheckBox(tr("Search sub-folders"))
        self.recursive.setToolTip(tr("Also take matching files in the folders' sub-folders"))
        self.overwrite = QCheckBox(tr("Overwrite complete outputs of an earlier run"))
        self.overwrite.setToolTip(tr("Unticked, pairs finished by an earlier run with the same settings are "
                                     "skipped"))
        self.class_folders = QCheckBox(tr("Also write one folder per class (DRT/h12v03.tif …)"))
        self.class_folders.setToolTip(tr("One raster per class and pair, in a folder named after the class"))
        self.product_subdataset = QLineEdit()
        self.product_subdataset.setPlaceholderText(tr("e.g. Lai_500m"))
        self.product_subdataset.setToolTip(tr("The product's grid inside HDF containers (MODIS granules)"))
        self.qa_subdataset = QLineEdit()
        self.qa_subdataset.setPlaceholderText(tr("e.g. FparLai_QC"))
        self.qa_subdataset.setToolTip(tr("The QA grid inside HDF containers (MODIS granules)"))
        self.reference_subdataset = QLineEdit()
        self.reference_subdataset.setToolTip(tr("The reference's grid inside HDF containers"))
        form.addRow(tr("Key pattern"), self.key_pattern)
        form.addRow(self.recursive)
        form.addRow(self.overwrite)
        form.addRow(self.class_folders)
        form.addRow(tr("Product grid in HDF containers"), self.product_subdataset)
        form.addRow(tr("QA grid in HDF containers"), self.qa_subdataset)
        form.addRow(tr("Reference grid in HDF containers"), self.reference_subdataset)
        self.key_pattern.textChanged.connect(self.validate)
        return group

    def _guess_qa_band(self, *_):
        """A separate QA file is mostly one band (MODIS users' normal case): band 1; the product's QA: band 2."""
        source = self.qa.value()
        layer = QgsProject.instance().mapLayer(source)
        count = layer.bandCount() if layer is not None else _band_count(source)
        self.qa_band.setValue(PRODUCT_QA_BAND if not source else default_qa_band(count) if count == 1
                              else self.qa_band.value())

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
            try:
                compile_key_pattern(self.key_pattern.text())
            except LaiQaError as error:
                return tr("Key pattern: {0}").format(str(error))
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
    def _remembered(self) -> tuple:
        """(settings key, widget) of the choices kept between sessions (not OVERWRITE: never by surprise)."""
        return (("scheme", self.scheme), ("rule", self.rule), ("product_pattern", self.product_pattern),
                ("reference_pattern", self.reference_pattern), ("workers", self.workers),
                ("output_folder", self.output_folder), ("key_pattern", self.key_pattern),
                ("recursive", self.recursive), ("class_folders", self.class_folders),
                ("product_subdataset", self.product_subdataset), ("qa_subdataset", self.qa_subdataset),
                ("reference_subdataset", self.reference_subdataset))

    def _restore(self):
        state = self.settings.value(SETTINGS + "splitter", None)
        if state is not None:
            self.splitter.restoreState(state)
        for key, widget in self._remembered():
            value = self.settings.value(SETTINGS + key, None)
            if value is None:
                continue
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(int(value))
            elif isinstance(widget, QSpinBox):
                widget.setValue(int(value))
            elif isinstance(widget, QCheckBox):
                widget.setChecked(str(value).lower() == "true")
            elif isinstance(widget, QgsFileWidget):
                widget.setFilePath(str(value))
            else:
                widget.setText(str(value))

    def _remember(self):
        self.settings.setValue(SETTINGS + "splitter", self.splitter.saveState())
        for key, widget in self._remembered():
            value = (widget.currentIndex() if isinstance(widget, QComboBox) else
                     widget.value() if isinstance(widget, QSpinBox) else
                     widget.isChecked() if isinstance(widget, QCheckBox) else
                     widget.filePath() if isinstance(widget, QgsFileWidget) else widget.text())
            self.settings.setValue(SETTINGS + key, value)

    # ---- running
    def parameters(self) -> tuple:
        """(algorithm id, parameters) exactly as a script would pass them to processing.run."""
        settings = {"SCHEME": self.scheme.currentIndex(), "RULE": self.rule.text(),
                    "SPLIT_FIELD": self.split_field.currentData() or "",
                    "PRODUCT_PRESET": self.product_preset.currentIndex(),
                    "REFERENCE_PRESET": self.reference_preset.currentIndex()}
        if self.batch_mode():
            return "laiqa:batchcompare", {
                **settings, "PRODUCT_FOLDER": self.product_folder.filePath(),
                "REFERENCE_FOLDER": self.reference_folder.filePath(),
                "PRODUCT_PATTERN": self.product_pattern.text(), "REFERENCE_PATTERN": self.reference_pattern.text(),
                "KEY_PATTERN": self.key_pattern.text().strip() or DEFAULT_KEY_PATTERN,
                "RECURSIVE": self.recursive.isChecked(), "OVERWRITE": self.overwrite.isChecked(),
                "CLASS_FOLDERS": self.class_folders.isChecked(),
                "PRODUCT_SUBDATASET": self.product_subdataset.text().strip(),
                "QA_SUBDATASET": self.qa_subdataset.text().strip(),
                "REFERENCE_SUBDATASET": self.reference_subdataset.text().strip(),
                "OUTPUT_FOLDER": self.output_folder.filePath(), "WORKERS": self.workers.value(),
                "DENSITY": True, "OUTPUT_REPORT": os.path.join(self.output_folder.filePath(), "report.html")}
        output = self.output.filePath()
        if not output.lower().endswith((".tif", ".tiff")):
            output += ".tif"
        base = os.path.splitext(output)[0]
        parameters = {**settings, "PRODUCT": self.product.value(), "REFERENCE": self.reference.value(),
                      "PRODUCT_BAND": self.product_band.value(), "QA_BAND": self.qa_band.value(), "OUTPUT": output,
                      "OUTPUT_STATS": f"{base}_stats.csv", "OUTPUT_DENSITY": f"{base}_density.npz",
                      "OUTPUT_REPORT": f"{base}_report.html"}
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
        record_run(self.algorithm, parameters, self.context)  # Processing ▸ History lists it, as a Toolbox run
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
            if "PRODUCT_FOLDER" in parameters and self.feedback.isCanceled() and reason:
                self.message.setText(reason)  # the batch's own cancel message says what was kept
            elif "PRODUCT_FOLDER" in parameters:
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
        self.report_button.setEnabled(bool(results.get("OUTPUT_REPORT")))
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

    def report_path(self) -> str:
        """The last run's HTML report, or "" without one."""
        return (self.last_results or {}).get("OUTPUT_REPORT") or ""

    def open_report(self):
        if self.report_path():
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.report_path()))

    @staticmethod
    def help_url() -> QUrl:
        """The README (in the plugin folder) at the section on this window."""
        url = QUrl.fromLocalFile(README)
        url.setFragment(HELP_SECTION)
        return url

    def export_table(self, path: str = "") -> str:
        """The statistics table as shown, as CSV (asks where unless ``path`` is given)."""
        if not path:
            start = os.path.join(self.output_folder_of(self.ran[1]), "statistics.csv") if self.ran else ""
            path, _ = QFileDialog.getSaveFileName(self, tr("Export statistics"), start, tr("CSV (*.csv)"))
        if path:
            try:
                self.table.export_csv(path)
            except LaiQaError as error:
                self.message.setText(str(error))
                return ""
        return path

    def as_python(self) -> str:
        """The last run as the line a script would write (processing.run with the same parameters)."""
        algorithm_id, parameters = self.ran
        return f"processing.run({algorithm_id!r}, {parameters!r})"

    def as_command(self) -> str:
        """The last run as a qgis_process command line."""
        algorithm_id, parameters = self.ran
        return " ".join(["qgis_process", "run", algorithm_id, "--",
                         *(shlex.quote(f"{name}={value}") for name, value in parameters.items())])

    def reference_source(self) -> str:
        """The reference as GDAL opens it: the chosen layer's source, or the file."""
        value = self.reference.value()
        layer = QgsProject.instance().mapLayer(value) if value else None
        return layer.source() if layer is not None else value

    @answers(None)
    def add_on_modis_grid(self, source: str):
        """Add ``source`` (a raster without georeference, named with its tile) to the map on the MODIS grid."""
        if not source:
            self.message.setText(tr("Choose the reference LAI raster."))
            return None
        try:
            layer = modis_grid_layer(source, tr("Reference"))
        except LaiQaError as error:
            self.message.setText(str(error))
            return None
        return self._add(layer)

    def _clear_results(self):
        self.where.clear()
        for button in (self.open_folder_button, self.report_button, self.copy_python_button,
                       self.copy_command_button):
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

    def _show_single(self, results, parameters):
        output = results["OUTPUT"]
        self._add(QgsRasterLayer(output, os.path.splitext(os.path.basename(output))[0]))
        with open(parameters["OUTPUT_STATS"], newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        self.table.fill(rows)
        summary = summary_text(next((row for row in rows if row["class"] == "all"), None))
        density, rows = read_density_file(results["OUTPUT_DENSITY"]), [parsed_row(row) for row in rows]
        save_plots(density, rows, output, summary)
        self._warn_without_cjk_font()
        base = os.path.splitext(os.path.basename(output))[0]
        self.histogram.name, self.scatter.name = f"{base}_histogram.svg", f"{base}_scatter.svg"
        if draw_histogram(self.histogram.figure, density):
            self.histogram.shown()
        if draw_scatter(self.scatter.figure, density, rows, summary):
            self.scatter.shown()
        self.results.setCurrentIndex(0)

    def _warn_without_cjk_font(self):
        if lacks_cjk_font([tr("Product LAI")]):
            self.message.setText(tr("Chinese labels need a CJK font and matplotlib knows none: install one (Debian, "
                                    "Ubuntu: fonts-noto-cjk or fonts-wqy-microhei), delete matplotlib's font cache "
                                    "(~/.cache/matplotlib/fontlist-*.json) and restart QGIS."))

    def _show_batch(self, results):
        with open(results["SUMMARY"], newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        self.table.fill([row for row in rows if row["class"]], with_key=True)
        self.failed.clear()
        for row in rows:
            if row["status"] == "failed":
                self.failed.addItem(f"{row['key']}: {row['reason']}")
        if results.get("TILES"):
            tiles = QgsVectorLayer(results["TILES"], tr("Tiles by bias"), "ogr")
            tiles.setSubsetString("\"class\" = 'all'")  # one polygon per tile, as the Toolbox shows them
            self._add(tiles)
        self._plot_batch(results, [row for row in rows if row["key"] == "all pairs"])
        self.results.setCurrentIndex(2 if self.failed.count() else 0)

    def _plot_batch(self, results, pooled_rows):
        """Bias and RMSE against date (dated keys), and the pooled density of every pair's kept pixels."""
        self._warn_without_cjk_font()
        self.histogram.name, self.scatter.name = "time_series.svg", "density.svg"
        if results.get("SUMMARY_BY_DATE") and draw_time_series(
                self.histogram.figure, read_date_rows(results["SUMMARY_BY_DATE"])):
            self.histogram.shown()
        summary = summary_text(next((row for row in pooled_rows if row["class"] == "all"), None))
        rows = [parsed_row(row) for row in pooled_rows]
        if results.get("OUTPUT_DENSITY") and draw_scatter(
                self.scatter.figure, read_density_file(results["OUTPUT_DENSITY"]), rows, summary):
            self.scatter.shown()


def summary_text(row) -> str:
    """N, bias and RMSE of all kept pixels, formatted as in the table, for the scatter plot."""
    if not row:
        return ""
    return tr("N = {0}\nBias = {1} LAI\nRMSE = {2} LAI").format(
        format_cell("n", row["n"]), format_cell("bias", row["bias"]), format_cell("rmse", row["rmse"]))


def _band_count(source: str) -> int:
    """Bands of a raster file or GDAL name; 0 when it cannot be opened (the run will say why)."""
    dataset, _ = open_quietly(source) if source else (None, "")
    return dataset.RasterCount if dataset is not None else 0

