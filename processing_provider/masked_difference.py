"""laiqa:maskeddifference — product LAI minus reference LAI, QA-masked, split by a QA field, with statistics."""
import json
import os
from dataclasses import replace

from qgis.core import (
    Qgis,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterRasterDestination,
)

from ..core.difference import masked_difference
from ..core.inputs import OutputSpec
from ..core.provenance import sidecar_path, with_front_end, write_layer_provenance, write_provenance
from ..core.report import difference_report
from ..core.stats import COMPLETENESS_COLUMNS, STRATA_COLUMNS, format_completeness, format_row, write_sample_csv
from ..translation import report_language
from . import parameters
from .base import ValidationAlgorithm
from .stats_table import add_stats_sink, write_stats
from .styling import diverging, ramp_limit, style_output


def add_provenance(table, record: dict) -> None:
    """A table written to a file carries the run's provenance: as layer metadata in a GeoPackage, else as a
    JSON sidecar (``stats.csv`` -> ``stats.json``). Memory layers have nowhere to keep it (the log has it)."""
    if not isinstance(table, str):
        return
    path, _, layer = table.partition("|layername=")
    if path.lower().endswith(".gpkg") and os.path.isfile(path):
        write_layer_provenance(path, layer or None, record, qgis=Qgis.QGIS_VERSION)
    elif os.path.isfile(table):
        write_provenance(sidecar_path(table), record, qgis=Qgis.QGIS_VERSION)


class MaskedDifference(ValidationAlgorithm):
    PRODUCT_LAI = parameters.PRODUCT_LAI
    REFERENCE_LAI = parameters.REFERENCE_LAI
    QA = parameters.QaParameters("QA", "QA_BAND", default_band=2, optional=True,
                                 extra=parameters.ExtraQaParameter())
    SETTINGS = parameters.DifferenceParameters()
    STRATA = parameters.StrataParameters()
    CREATION_OPTIONS = parameters.CreationOptionsParameter()
    OUTPUT = "OUTPUT"
    OUTPUT_STATS = "OUTPUT_STATS"
    OUTPUT_COMPLETENESS = "OUTPUT_COMPLETENESS"
    OUTPUT_STRATA = "OUTPUT_STRATA"
    OUTPUT_DENSITY = "OUTPUT_DENSITY"
    OUTPUT_REPORT = "OUTPUT_REPORT"
    CLASS_FOLDER = "CLASS_FOLDER"
    OUTPUT_SAMPLE = "OUTPUT_SAMPLE"
    COG = "COG"
    SAMPLE_POINTS = 20000

    def name(self):
        return "maskeddifference"

    def displayName(self):  # noqa: N802 - QGIS API name
        return self.tr("QA-masked LAI difference with statistics")

    def shortHelpString(self):  # noqa: N802 - QGIS API name
        return self.tr(
            "Product LAI minus reference LAI (in LAI units), kept where the QA rule holds and both values are "
            "valid, split into one band per class of SPLIT_FIELD (e.g. DRT, ECO, WAT, TIM) plus 'all'. "
            "Float32, nodata -9999. Scale, offset, valid range and fill values (stored units) come from your "
            "overrides, else the file's metadata, else the preset; the log states each value and its origin. "
            "A raster without georeference whose name carries a MODIS tile id hXXvYY is placed on the MODIS "
            "sinusoidal grid. A reference on another grid is resampled onto the product grid with GDAL "
            "(RESAMPLING auto: average when the reference is finer, else nearest). Statistics per class: "
            "N, mean product, mean reference, bias, MAE, RMSE, SD (n-1), Pearson r, OLS slope and intercept "
            "(product on reference), and the share within the GCOS requirement max(0.5, 20 % of reference)."
        ) + "<p>" + self.tr(
            "Also per class: reduced (standardised) major axis and major axis lines (Model II: both products carry "
            "error), a Deming line when DEMING_LAMBDA gives the ratio of the product's error variance to the "
            "reference's, the shares within the GCOS-244 threshold (|d| <= max(0.1, 20 % of reference)) and goal "
            "(max(0.05, 10 %)), bias and RMSE in % of the mean reference, and the median |d| (0.01 LAI bins). These "
            "shares measure agreement with a reference that has its own error, not conformity. OUTPUT_COMPLETENESS "
            "counts, per class, the pixels the QA puts in it, those kept, and why the others were not (QA nodata, "
            "the rule, product fill or out of range, no reference after alignment, reference fill or out of range)."
        ) + "</p><p>" + self.tr(
            "STRATA: an optional integer class raster (land cover, biomes; the MCD12Q1 LC_Type3 preset names the "
            "biomes the MODIS LAI algorithm retrieves by), read by nearest neighbour on the product grid. "
            "OUTPUT_STRATA then holds the statistics of every stratum with kept pixels, per class and 'all' (no "
            "median |d| there). OUTPUT_DENSITY counts every kept pixel by product and reference LAI in 0.05 LAI "
            "bins, per class, as a numpy archive: numpy.load(path) gives counts[class, product bin, reference "
            "bin], classes and edges."
        ) + "</p><p>" + self.tr(
            "OUTPUT_REPORT: one HTML file with the tables, the density scatter, the histogram of differences and "
            "the provenance; it opens offline in any browser and prints on A4."
        ) + "</p>" + self.QA.extra.help() + "<h3>" + self.tr("QA schemes") + "</h3>" + parameters.schemes_help()

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.PRODUCT_LAI.add_to(self, self.tr("Product LAI"))
        self.QA.add_to(self, self.tr("QA raster (empty = the product raster)"), self.tr("QA band"))
        self.SETTINGS.add_to(self)
        self.REFERENCE_LAI.add_to(self, self.tr("Reference LAI"))
        self.STRATA.add_to(self)
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("LAI difference")))
        add_stats_sink(self, self.OUTPUT_STATS, self.tr("Statistics per class"))
        add_stats_sink(self, self.OUTPUT_COMPLETENESS, self.tr("Completeness per class: pixels kept and why not"))
        add_stats_sink(self, self.OUTPUT_STRATA, self.tr("Statistics per stratum and class (with STRATA)"))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_DENSITY, self.tr("Density: product against reference LAI of every kept pixel, 0.05 LAI bins "
                                         "(numpy .npz, optional)"), self.tr("numpy archive (*.npz)"),
            optional=True, createByDefault=False))
        parameters.add_report_parameter(self, self.OUTPUT_REPORT)
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.CLASS_FOLDER, self.tr("Folder for one file per class (optional)"), optional=True,
            createByDefault=False))
        sample = QgsProcessingParameterFileDestination(
            self.OUTPUT_SAMPLE, self.tr("Sample of kept pixels for plots (CSV, optional)"), "CSV (*.csv)",
            optional=True, createByDefault=False)
        sample.setFlags(sample.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(sample)
        cog = QgsProcessingParameterBoolean(
            self.COG, self.tr("Write the difference as a Cloud Optimized GeoTIFF (COG)"), False, optional=True)
        cog.setFlags(cog.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(cog)
        self.CREATION_OPTIONS.add_to(self)

    def process(self, params, context, feedback):
        product = self.PRODUCT_LAI.read(self, params, context)
        sample_path = self.parameterAsFileOutput(params, self.OUTPUT_SAMPLE, context)
        density_path = self.parameterAsFileOutput(params, self.OUTPUT_DENSITY, context)
        report_path = self.parameterAsFileOutput(params, self.OUTPUT_REPORT, context)
        strata = self.STRATA.read(self, params, context)
        output = OutputSpec(self.parameterAsOutputLayer(params, self.OUTPUT, context),
                            self.CREATION_OPTIONS.read(self, params, context),
                            cog=self.parameterAsBool(params, self.COG, context),
                            class_folder=self.parameterAsString(params, self.CLASS_FOLDER, context) or None)
        tables = {}

        def finish(result):  # the table and the sample before the rasters appear: a run leaves all or none
            tables[self.OUTPUT_STATS] = write_stats(self, params, context, self.OUTPUT_STATS, result.rows)
            tables[self.OUTPUT_COMPLETENESS] = write_stats(self, params, context, self.OUTPUT_COMPLETENESS,
                                                           result.completeness, COMPLETENESS_COLUMNS)
            if strata is not None:
                tables[self.OUTPUT_STRATA] = write_stats(self, params, context, self.OUTPUT_STRATA,
                                                         result.strata_rows, STRATA_COLUMNS)
            for table in tables.values():
                add_provenance(table, result.provenance)
            if sample_path:
                write_sample_csv(sample_path, result.sample)
                tables[self.OUTPUT_SAMPLE] = sample_path
            if density_path:
                result.density.save(density_path)
                tables[self.OUTPUT_DENSITY] = density_path
            if report_path:
                tables[self.OUTPUT_REPORT] = difference_report(
                    report_path, rows=result.rows, completeness=result.completeness,
                    provenance=with_front_end(result.provenance, qgis=Qgis.QGIS_VERSION),
                    density=result.density.as_written(),
                    strata_rows=result.strata_rows, band_names=result.band_names, sums=result.accumulator.sums,
                    language=report_language())

        result = masked_difference(
            product, self.REFERENCE_LAI.read(self, params, context),
            self.QA.read(self, params, context, fallback_source=product.raster.source, feedback=feedback),
            replace(self.SETTINGS.read(self, params, context, self.SAMPLE_POINTS if sample_path else 0),
                    density=bool(density_path or report_path)),
            output, self.progress_of(feedback), finish, strata)
        for note in result.notes:
            feedback.pushInfo(note)
        for warning in result.warnings:
            feedback.pushWarning(warning)
        for row in result.rows:
            feedback.pushInfo(format_row(row))
        for row in result.completeness:
            feedback.pushInfo(format_completeness(row))
        for row in result.strata_rows:
            feedback.pushInfo(f"{row['stratum']} / {format_row(row)}")
        feedback.pushInfo(self.tr("Provenance: {0}").format(json.dumps(result.provenance, default=str)))
        ramp = diverging(ramp_limit(result.rows[-1]["rmse"]))  # from the 'all' row: the same range in every file
        style_output(context, result.output, len(result.band_names), ramp,
                     self.tr("LAI difference: product - reference (LAI)"))
        for path in result.class_files.values():
            style_output(context, path, 1, ramp)
        outputs = {self.OUTPUT: result.output, **tables}
        if output.class_folder:
            outputs[self.CLASS_FOLDER] = output.class_folder
        return outputs
