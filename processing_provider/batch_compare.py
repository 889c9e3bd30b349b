"""laiqa:batchcompare — folders of product and reference tiles, paired by name, each through the masked difference."""
import gc
import os
from dataclasses import replace

from qgis.core import (
    Qgis,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core.batch import BatchRequest, run_batch
from ..core.density import read_density_file
from ..core.executors import EXECUTORS
from ..core.pairing import DEFAULT_KEY_PATTERN
from ..core.provenance import with_front_end
from ..core.report import batch_report
from ..core.stats import format_row
from ..translation import report_language
from . import parameters
from .base import ValidationAlgorithm
from .styling import footprints_style, style_footprints


class BatchCompare(ValidationAlgorithm):
    PRODUCT_FOLDER = "PRODUCT_FOLDER"
    REFERENCE_FOLDER = "REFERENCE_FOLDER"
    PRODUCT_PATTERN = "PRODUCT_PATTERN"
    REFERENCE_PATTERN = "REFERENCE_PATTERN"
    RECURSIVE = "RECURSIVE"
    KEY_PATTERN = "KEY_PATTERN"
    PRODUCT_LAI = parameters.PRODUCT_LAI.in_folders(subdataset="PRODUCT_SUBDATASET")
    REFERENCE_LAI = parameters.REFERENCE_LAI.in_folders(subdataset="REFERENCE_SUBDATASET")
    QA = parameters.QaParameters(None, "QA_BAND", default_band=2, subdataset="QA_SUBDATASET",
                                 extra=parameters.ExtraQaParameter(in_batch=True))
    SETTINGS = parameters.DifferenceParameters()
    STRATA = parameters.StrataParameters()
    DENSITY = "DENSITY"
    CREATION_OPTIONS = parameters.CreationOptionsParameter()
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    WORKERS = "WORKERS"
    EXECUTOR = "EXECUTOR"
    SCHEDULER = "SCHEDULER"
    OVERWRITE = "OVERWRITE"
    CLASS_FOLDERS = "CLASS_FOLDERS"
    SUMMARY = "SUMMARY"
    TILES = "TILES"
    PAIRED = "PAIRED"
    FAILED = "FAILED"
    OUTPUT_STRATA = "OUTPUT_STRATA"
    OUTPUT_DENSITY = "OUTPUT_DENSITY"
    OUTPUT_REPORT = "OUTPUT_REPORT"
    SUMMARY_BY_DATE = "SUMMARY_BY_DATE"
    SUMMARY_BY_TILE = "SUMMARY_BY_TILE"
    TEMPORAL_CONSISTENCY = "TEMPORAL_CONSISTENCY"

    def name(self):
        return "batchcompare"

    def displayName(self):  # noqa: N802 - QGIS API name
        return self.tr("Batch LAI comparison of tile folders")

    def shortHelpString(self):  # noqa: N802 - QGIS API name
        return self.tr(
            "Pairs product and reference files by keys in their names (default: acquisition date AYYYYDDD and "
            "MODIS tile hXXvYY; KEY_PATTERN lists one regular expression per key part, separated by ';'; two "
            "files pair when every part both names carry is equal). Unmatched and ambiguous files are listed, "
            "never guessed. Each pair runs the QA-masked difference with the same settings as "
            "laiqa:maskeddifference, WORKERS pairs at a time, into OUTPUT_FOLDER/&lt;key&gt;.tif. A failing pair is "
            "recorded with its reason and the batch goes on. Complete outputs of an earlier run are skipped "
            "unless OVERWRITE is set. Writes summary.csv (per pair and class, plus statistics pooled over all "
            "pairs from the running sums), tiles.gpkg (tile footprints styled by bias) and one VRT mosaic per "
            "date and class; with STRATA also strata.csv (per pair, stratum and class, and pooled), with DENSITY "
            "the exact density per pair and pooled (density.npz). A MODIS granule folder works on either side: "
            "name its grids in PRODUCT_SUBDATASET / QA_SUBDATASET / REFERENCE_SUBDATASET (e.g. Lai_500m, FparLai_QC)."
        ) + "<p>" + self.tr(
            "EXECUTOR: threads of this process (default), local processes, or a Dask cluster: SCHEDULER names a "
            "running scheduler (tcp://host:8786, e.g. started by dask-jobqueue on SLURM or PBS); empty starts a "
            "local cluster of WORKERS processes for this run. Workers write into OUTPUT_FOLDER, which must be on "
            "storage they all see. Dask is optional: pip install 'dask[distributed]'."
        ) + "</p><p>" + self.tr(
            "Over time (keys with a date AYYYYDDD): summary_by_date.csv pools every tile of a date, "
            "summary_by_tile.csv every date of a tile, temporal_consistency.csv gives per tile the bias trend per "
            "year and how much the product's and the reference's means jump between dates; tiles.gpkg has a date "
            "field for QGIS's temporal controller. OUTPUT_REPORT: an HTML report with the tables, figures, tiles "
            "by bias, every pair, the failed pairs and the time series."
        ) + "</p>" + self.QA.extra.help()

    def cancelled_message(self) -> str:
        return self.tr("Cancelled: the pairs finished before were kept; a run with the same settings skips them "
                       "and does the rest.")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        folder = QgsProcessingParameterFile.Behavior.Folder
        self.addParameter(QgsProcessingParameterFile(self.PRODUCT_FOLDER, self.tr("Product folder"), folder))
        self.addParameter(QgsProcessingParameterFile(self.REFERENCE_FOLDER, self.tr("Reference folder"), folder))
        self.addParameter(QgsProcessingParameterString(
            self.PRODUCT_PATTERN, self.tr("Product file pattern (several separated by ;)"), "*.tif"))
        self.addParameter(QgsProcessingParameterString(
            self.REFERENCE_PATTERN, self.tr("Reference file pattern (several separated by ;)"), "*.hdf"))
        self.addParameter(QgsProcessingParameterBoolean(self.RECURSIVE, self.tr("Search sub-folders"), False))
        self.addParameter(QgsProcessingParameterString(
            self.KEY_PATTERN, self.tr("Key pattern: one regular expression per key part, separated by ;"),
            DEFAULT_KEY_PATTERN))
        self.PRODUCT_LAI.add_to(self, self.tr("Product LAI"))
        self.QA.add_to(self, band_label=self.tr("QA band (in the product file)"))
        self.SETTINGS.add_to(self)
        self.REFERENCE_LAI.add_to(self, self.tr("Reference LAI"))
        self.STRATA.add_to(self)
        self.addParameter(QgsProcessingParameterBoolean(
            self.DENSITY, self.tr("Count the exact density of product against reference LAI (per pair "
                                  "<key>.density.npz, pooled density.npz)"), False, optional=True))
        self.PRODUCT_LAI.add_subdataset_to(self, self.tr("Product grid in HDF containers (e.g. Lai_500m)"))
        self.QA.add_subdataset_to(self)
        self.REFERENCE_LAI.add_subdataset_to(self, self.tr("Reference grid in HDF containers"))
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, self.tr("Output folder")))
        self.addParameter(QgsProcessingParameterNumber(
            self.WORKERS, self.tr("Pairs at a time (0 = one per core)"), QgsProcessingParameterNumber.Type.Integer,
            0, minValue=0))
        self.addParameter(QgsProcessingParameterEnum(
            self.EXECUTOR, self.tr("Run pairs in"), options=[self.tr("threads of this process"),
                                                             self.tr("local processes"), self.tr("a Dask cluster")],
            defaultValue=0, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.SCHEDULER, self.tr("Dask scheduler address (e.g. tcp://host:8786; empty = a local cluster of "
                                    "WORKERS processes)"), optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.OVERWRITE, self.tr("Overwrite complete outputs of an earlier run"), False))
        self.addParameter(QgsProcessingParameterBoolean(
            self.CLASS_FOLDERS, self.tr("Also write one folder per class (DRT/h12v03.tif …)"), False))
        self.CREATION_OPTIONS.add_to(self)
        parameters.add_report_parameter(self, self.OUTPUT_REPORT)
        self.addOutput(QgsProcessingOutputFile(self.SUMMARY, self.tr("Summary table (CSV)")))
        self.addOutput(QgsProcessingOutputVectorLayer(self.TILES, self.tr("Tile footprints with statistics")))
        self.addOutput(QgsProcessingOutputNumber(self.PAIRED, self.tr("Pairs")))
        self.addOutput(QgsProcessingOutputNumber(self.FAILED, self.tr("Failed pairs")))
        self.addOutput(QgsProcessingOutputFile(self.OUTPUT_STRATA, self.tr("Statistics per stratum (CSV)")))
        self.addOutput(QgsProcessingOutputFile(self.OUTPUT_DENSITY, self.tr("Pooled density (numpy .npz)")))
        self.addOutput(QgsProcessingOutputFile(self.SUMMARY_BY_DATE, self.tr("Statistics per date (CSV)")))
        self.addOutput(QgsProcessingOutputFile(self.SUMMARY_BY_TILE, self.tr("Statistics per tile over its dates "
                                                                             "(CSV)")))
        self.addOutput(QgsProcessingOutputFile(self.TEMPORAL_CONSISTENCY, self.tr("Temporal consistency per tile "
                                                                                  "(CSV)")))

    def process(self, params, context, feedback):
        request = BatchRequest(
            product_folder=self.parameterAsFile(params, self.PRODUCT_FOLDER, context),
            reference_folder=self.parameterAsFile(params, self.REFERENCE_FOLDER, context),
            output_folder=self.parameterAsString(params, self.OUTPUT_FOLDER, context),
            product=self.PRODUCT_LAI.read_spec(self, params, context),
            reference=self.REFERENCE_LAI.read_spec(self, params, context),
            qa=self.QA.read_spec(self, params, context, feedback),
            settings=replace(self.SETTINGS.read(self, params, context),
                             density=self.parameterAsBool(params, self.DENSITY, context)),
            strata=self.STRATA.read(self, params, context),
            creation_options=self.CREATION_OPTIONS.read(self, params, context),
            product_pattern=self.parameterAsString(params, self.PRODUCT_PATTERN, context),
            reference_pattern=self.parameterAsString(params, self.REFERENCE_PATTERN, context),
            recursive=self.parameterAsBool(params, self.RECURSIVE, context),
            key_pattern=self.parameterAsString(params, self.KEY_PATTERN, context),
            workers=self.parameterAsInt(params, self.WORKERS, context),
            executor=EXECUTORS[self.parameterAsEnum(params, self.EXECUTOR, context)],
            scheduler=parameters.text_or_none(self, params, self.SCHEDULER, context),
            overwrite=self.parameterAsBool(params, self.OVERWRITE, context),
            class_folders=self.parameterAsBool(params, self.CLASS_FOLDERS, context),
        )
        result = run_batch(request, self.progress_of(feedback), feedback.pushInfo, footprints_style(),
                           warn=feedback.pushWarning)
        feedback.pushInfo(self.tr("Pooled over all pairs:"))
        for row in result.pooled_rows:
            feedback.pushInfo(format_row(row))
        if result.failed:
            gc.collect()  # failed pairs' tracebacks may hold GDAL objects in cycles: free them while GDAL lives
        tiles = None
        if result.footprints:
            tiles = style_footprints(context, result.footprints)
        report_path = self.parameterAsFileOutput(params, self.OUTPUT_REPORT, context)
        if report_path:
            result.provenance = with_front_end(result.provenance, qgis=Qgis.QGIS_VERSION)
            batch_report(report_path, result, density=read_density_file(result.density) if result.density else None,
                         strata_rows=result.strata_rows, language=report_language())
        return {self.SUMMARY: result.summary_csv, self.TILES: tiles, self.OUTPUT_REPORT: report_path or None,
                self.SUMMARY_BY_DATE: result.by_date_csv, self.SUMMARY_BY_TILE: result.by_tile_csv,
                self.TEMPORAL_CONSISTENCY: result.consistency_csv,
                self.PAIRED: len(result.pairs), self.FAILED: result.failed,
                self.OUTPUT_STRATA: result.strata_csv, self.OUTPUT_DENSITY: result.density,
                self.OUTPUT_FOLDER: os.path.abspath(request.output_folder)}
