"""One definition of each parameter group, shared by every algorithm that takes it.

Each group is an object an algorithm holds as a class constant: ``add_to(algorithm)`` declares its
parameters, ``read(algorithm, parameters, context)`` gives the core's typed input. Every public
parameter name is a constant written once, here or in the algorithm that owns it.
"""
import os
import re
from dataclasses import dataclass, replace

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterBand,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMatrix,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from ..callbacks import answers
from ..core import readers
from ..core.alignment import RESAMPLING
from ..core.errors import LaiQaError
from ..core.inputs import (
    BufferSpec,
    DifferenceSettings,
    EncodingOverrides,
    LaiInput,
    LaiSpec,
    QaInput,
    QaLayerSpec,
    QaSpec,
    RasterInput,
)
from ..core.lai_encoding import LAI_PRESETS, parse_fill_values
from ..core.qa.buffer import MAX_BUFFER_PIXELS
from ..core.qa.rule import rule_for
from ..core.qa.scheme import PRESET_IDS, load_preset, presets, rows_from_flat, scheme_from_table
from ..core.qa.scheme_files import read_scheme_file
from ..core.strata import STRATA_PRESETS, StrataInput, parse_strata_labels
from ..core.writers import split_creation_options
from ..translation import tr, translated_name

CUSTOM_HEADERS = ["name", "first bit", "bit count", "labels"]
EXTRA_QA_HEADERS = ["raster", "band", "scheme", "grid"]


class GdalRasterParameter(QgsProcessingParameterRasterLayer):
    """A raster-layer parameter that also takes any dataset name GDAL opens.

    QGIS's own only accepts strings that are existing files or project layers, so MODIS subdatasets
    (``HDF4_EOS:EOS_GRID:"f.hdf":MOD_Grid_MOD15A2H:Lai_500m``), ``/vsizip/…`` paths and containers
    were refused before our code ran. In the Toolbox and Model Builder it is still a raster layer.
    """

    @answers(False)
    def checkValueIsAcceptable(self, value, context=None):  # noqa: N802 - QGIS API name
        return self.problem_with(value, context) is None

    def problem_with(self, value, context=None):
        """None if QGIS or GDAL takes ``value``, else the one-line message saying why not. A file is asked of
        GDAL alone: QGIS would load it as a layer (see ``raster_source``)."""
        text = value if isinstance(value, str) else ""
        if not os.path.isfile(text) and super().checkValueIsAcceptable(value, context):
            return None
        if not text.strip():
            return tr("No raster given for {0}").format(self.name())
        dataset, message = readers.open_quietly(text)  # a container is acceptable: the algorithm picks its grid
        return None if dataset is not None else readers.cannot_open(self.name(), text, message)

    def clone(self):
        copy = GdalRasterParameter(self.name(), self.description(), self.defaultValue(),
                                   bool(self.flags() & QgsProcessingParameterDefinition.Flag.FlagOptional))
        copy.setFlags(self.flags())
        copy.setHelp(self.help())
        copy.setMetadata(self.metadata())
        return copy


def preset_names() -> list:
    return [translated_name(scheme.name) for scheme in presets()]


def scheme_options() -> list:
    return [*preset_names(), tr("Custom (fields from CUSTOM_FIELDS)")]


def custom_index() -> int:
    return len(PRESET_IDS)


def band_parameter(name, description, default_band, parent):
    """A band with a default that qgis_process 3.22 honours: it treats a non-optional band as missing
    unless given, even with a default, so the band is optional and falls back to the default."""
    return QgsProcessingParameterBand(name, description, default_band, parent, optional=True)


def schemes_help() -> str:
    """Preset indices by name with their fields: what a qgis_process user needs to choose SCHEME."""
    parts = []
    for index, scheme in enumerate(presets()):
        fields = "".join(
            f"<li><code>{f.name}</code> ({f.bits_text})"
            + (": " + ", ".join(f"{v}={t}" for v, t in sorted(f.labels.items())) if f.labels else "")
            + "</li>"
            for f in scheme.fields
        )
        rule = f"<br>{tr('Default rule')}: <code>{scheme.default_rule}</code>" if scheme.default_rule else ""
        parts.append(f"<p><b>SCHEME={index}</b>: {translated_name(scheme.name)}{rule}</p><ul>{fields}</ul>")
    parts.append(
        "<p><b>SCHEME={0}</b>: {1}</p>".format(
            custom_index(),
            tr("Custom: one CUSTOM_FIELDS row per field (name, first bit, bit count, labels such as "
               "0=DRT;1=ECO). From qgis_process: CUSTOM_FIELDS=algorithm,2,2,0=DRT;1=ECO;2=WAT;3=TIM"),
        )
    )
    parts.append("<p><b>SCHEME_FILE</b>: {0}</p>".format(tr(
        "a scheme file instead of SCHEME: STAC classification:bitfields JSON (a bare list, an object holding it, "
        "or a STAC Item whose asset or band carries it), unpackqa product YAML, or a LAI QA Toolkit scheme JSON "
        "(laiqa:exportscheme writes all three). A file with several bit field sets gives its first; name another "
        "as file.json#asset or file.yaml#product. Not together with CUSTOM_FIELDS.")))
    return "".join(parts)


def blank(cell) -> bool:
    """An empty matrix cell: None, QGIS's NULL (a null QVariant) or only spaces."""
    return cell is None or (hasattr(cell, "isNull") and cell.isNull()) or not str(cell).strip()


def text_or_none(algorithm, parameters, name, context):
    """A string parameter's stripped text, or None where it is empty."""
    return algorithm.parameterAsString(parameters, name, context).strip() or None


def raster_source(algorithm, parameters, name, context) -> str:
    """The GDAL dataset name behind a raster parameter: a project layer, a path or any GDAL name.

    A file's path is used as it is: made into a layer, it would first have QGIS compute the file's approximate
    statistics and histogram for a renderer nothing draws (measured: qgis_process's peak 17 MB higher on an 8000²
    pair of new files, 32 MB on a 20000² pair, and an .aux.xml written beside each input)."""
    value = parameters.get(name)
    if isinstance(value, str) and os.path.isfile(value):
        return value
    layer = algorithm.parameterAsRasterLayer(parameters, name, context)
    if layer is None:
        text = algorithm.parameterAsString(parameters, name, context).strip()
        if not text:
            raise QgsProcessingException(tr("No raster given for {0}").format(name))
        return text  # a subdataset, /vsi path or container: the core opens it and names any problem
    if layer.providerType() != "gdal":
        raise QgsProcessingException(
            tr("{0}: layer '{1}' is served by '{2}', not by GDAL; save it as a file first").format(
                name, layer.name(), layer.providerType()
            )
        )
    return layer.source()


def add_report_parameter(algorithm, name: str) -> None:
    """OUTPUT_REPORT: the self-contained HTML report (optional; the results viewer links an HTML output)."""
    algorithm.addParameter(QgsProcessingParameterFileDestination(
        name, tr("Validation report (HTML with tables and figures, opens offline)"), tr("HTML files (*.html)"),
        optional=True, createByDefault=False))


def advanced(parameter):
    parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
    return parameter


@dataclass(frozen=True)
class SchemeParameters:
    """The QA scheme: a preset index, Custom with its fields in a matrix, or a scheme file.

    A scheme file overrides SCHEME (whose default cannot tell "not chosen" from preset 0); a file together with
    filled-in CUSTOM_FIELDS is refused, since either could be the one meant.
    """

    scheme: str = "SCHEME"
    custom_fields: str = "CUSTOM_FIELDS"
    scheme_file: str = "SCHEME_FILE"

    def add_to(self, algorithm):
        algorithm.addParameter(
            QgsProcessingParameterEnum(self.scheme, tr("QA scheme"), options=scheme_options(), defaultValue=0))
        algorithm.addParameter(QgsProcessingParameterMatrix(
            self.custom_fields, tr("Custom QA fields (used when the scheme is Custom; labels as 0=DRT;1=ECO)"),
            numberRows=1, hasFixedNumberRows=False, headers=CUSTOM_HEADERS, optional=True))
        algorithm.addParameter(QgsProcessingParameterFile(
            self.scheme_file, tr("QA scheme file (STAC bitfields JSON, unpackqa YAML or LAI QA Toolkit JSON; "
                                 "overrides the QA scheme)"),
            optional=True, fileFilter=tr("QA scheme files (*.json *.yaml *.yml);;All files (*.*)")))

    def read(self, algorithm, parameters, context, feedback=None):
        """The scheme; ``feedback`` hears which of a file's several bit field sets was taken."""
        cells = algorithm.parameterAsMatrix(parameters, self.custom_fields, context)
        path = algorithm.parameterAsFile(parameters, self.scheme_file, context)
        if path:
            if not all(blank(cell) for cell in cells or []):
                raise QgsProcessingException(tr("Give the QA scheme as {0} or as {1}, not both").format(
                    self.custom_fields, self.scheme_file))
            loaded = read_scheme_file(path)
            if loaded.note and feedback is not None:
                feedback.pushInfo(loaded.note)
            return loaded.scheme
        index = algorithm.parameterAsEnum(parameters, self.scheme, context)
        if index < custom_index():
            return load_preset(PRESET_IDS[index])
        return scheme_from_table(rows_from_flat(cells, len(CUSTOM_HEADERS)))


@dataclass(frozen=True)
class RuleParameter:
    """The keep rule; empty means the scheme's default rule."""

    name: str = "RULE"

    def add_to(self, algorithm):
        algorithm.addParameter(QgsProcessingParameterString(
            self.name,
            tr("QA keep rule (e.g. quality != 3 and algorithm in (DRT, ECO); empty = the scheme's default)"),
            defaultValue="", optional=True))

    def read_text(self, algorithm, parameters, context):
        """The rule text, or None for the scheme's default (core.qa.rule.rule_for's convention)."""
        return text_or_none(algorithm, parameters, self.name, context)

    def read(self, algorithm, parameters, context, scheme):
        return rule_for(scheme, self.read_text(algorithm, parameters, context))


@dataclass(frozen=True)
class BufferParameters:
    """Drop the pixels near flagged ones too (cloud edges): a width in pixels and the rule that flags."""

    pixels: str = "BUFFER"
    rule: str = "BUFFER_RULE"

    def add_to(self, algorithm):
        algorithm.addParameter(advanced(QgsProcessingParameterNumber(
            self.pixels, tr("Buffer: also drop pixels within this many pixels of a flagged one (0 = no buffer)"),
            QgsProcessingParameterNumber.Type.Integer, 0, optional=True, minValue=0, maxValue=MAX_BUFFER_PIXELS)))
        algorithm.addParameter(advanced(QgsProcessingParameterString(
            self.rule, tr("Buffer rule: the flagged pixels, e.g. cloud_state != clear (empty = the pixels the keep "
                          "rule drops)"), defaultValue="", optional=True)))

    def read(self, algorithm, parameters, context) -> BufferSpec:
        given = parameters.get(self.pixels) not in (None, "")
        return BufferSpec(algorithm.parameterAsInt(parameters, self.pixels, context) if given else 0,
                          text_or_none(algorithm, parameters, self.rule, context))


def whole_number(text: str):
    """A matrix cell's whole number ("2", or "2.0" as qgis_process hands numbers over), or None."""
    match = re.fullmatch(r"([0-9]{1,9})(\.0*)?", text)
    return int(match[1]) if match else None


def preset_of_cell(text: str):
    """A scheme named in a table cell: a preset id, its SCHEME index, or a scheme file."""
    index = whole_number(text)
    if index is not None and index < len(PRESET_IDS):
        return load_preset(PRESET_IDS[index])
    if text not in PRESET_IDS and os.path.isfile(text):
        return read_scheme_file(text).scheme
    return load_preset(text)


@dataclass(frozen=True)
class ExtraQaParameter:
    """More QA layers of the product (FparExtra_QC beside FparLai_QC), one table row each: raster (empty: the
    QA raster, or in a batch the product file), band, scheme (preset id or index) and grid in containers."""

    name: str = "EXTRA_QA"
    in_batch: bool = False  # each layer is read from the product file of each pair: no raster

    def add_to(self, algorithm):
        algorithm.addParameter(advanced(QgsProcessingParameterMatrix(
            self.name, tr("More QA layers under the same rule (raster: empty = the QA raster; band; scheme: preset "
                          "id or index; grid in HDF containers)"),
            numberRows=1, hasFixedNumberRows=False, headers=EXTRA_QA_HEADERS, optional=True)))

    def help(self) -> str:
        """How to fill the table and name the layers' fields in a rule, for the algorithms' help."""
        return "<p>" + tr(
            "EXTRA_QA: more QA layers of the same product under one rule, e.g. FparExtra_QC beside FparLai_QC. One "
            "row per layer: raster (empty = the QA raster; in a batch always empty: each product file), band, "
            "scheme (a preset id such as mod15_fparextra_qc, or its SCHEME index) and grid in HDF containers "
            "(empty = the preset's). From qgis_process: EXTRA_QA=,1,mod15_fparextra_qc,FparExtra_QC. A rule names "
            "a layer's fields LAYER.FIELD (the layer is its grid name, else its scheme id), e.g. "
            "<code>FparExtra_QC.SNOW_ICE == no and SCF_QC in (main, main_saturated)</code>; a field only one layer "
            "has may be written alone. A pixel is QA nodata where any layer is; together the layers hold at most 64 "
            "bits. An empty rule is the main scheme's default rule.") + "</p>"

    def read(self, algorithm, parameters, context) -> tuple:
        """The layers as QaLayerSpec; blank rows are skipped."""
        cells = list(algorithm.parameterAsMatrix(parameters, self.name, context) or [])
        columns = len(EXTRA_QA_HEADERS)
        if all(blank(cell) for cell in cells):  # not given (an empty text from a front end is one blank cell)
            return ()
        if len(cells) % columns:
            raise QgsProcessingException(tr("{0} has {1} cells, not a multiple of {2} (raster, band, scheme, grid)")
                                         .format(self.name, len(cells), columns))
        layers = []
        for number, start in enumerate(range(0, len(cells), columns), start=1):
            raster, band, scheme, grid = ("" if blank(cell) else str(cell).strip()
                                          for cell in cells[start:start + columns])
            if not any((raster, band, scheme, grid)):
                continue
            where = tr("{0} row {1}").format(self.name, number)
            if raster and self.in_batch:
                raise QgsProcessingException(tr("{0}: in a batch every QA layer is read from each product file; "
                                                "leave the raster empty").format(where))
            if not scheme:
                raise QgsProcessingException(tr("{0}: give the layer's scheme (a preset id such as "
                                                "mod15_fparextra_qc, or its index)").format(where))
            if band and not (whole_number(band) or 0) >= 1:
                raise QgsProcessingException(tr("{0}: the band must be a whole number from 1, got '{1}'")
                                             .format(where, band))
            try:
                layer_scheme = preset_of_cell(scheme)
            except LaiQaError as error:
                raise QgsProcessingException(f"{where}: {error}") from None
            layers.append(QaLayerSpec(layer_scheme, whole_number(band) if band else 1, grid or None, raster or None))
        return tuple(layers)


@dataclass(frozen=True)
class QaParameters:
    """A QA raster (absent in a batch, where each product file holds it), its band and its scheme."""

    raster: str | None
    band: str
    default_band: int = 1
    optional: bool = False  # an empty QA raster means the product raster
    subdataset: str | None = None  # the batch's QA grid name in containers
    schemes: SchemeParameters = SchemeParameters()
    extra: ExtraQaParameter | None = None  # more QA layers under one rule

    def add_to(self, algorithm, raster_label=None, band_label=None):
        if self.raster:
            algorithm.addParameter(
                GdalRasterParameter(self.raster, raster_label or tr("QA raster"), optional=self.optional))
        algorithm.addParameter(band_parameter(self.band, band_label or tr("QA band"), self.default_band,
                                              self.raster or ""))
        if self.extra is not None:
            self.extra.add_to(algorithm)

    def add_subdataset_to(self, algorithm):
        algorithm.addParameter(QgsProcessingParameterString(
            self.subdataset, tr("QA grid in HDF containers (e.g. FparLai_QC)"), optional=True))

    def read_spec(self, algorithm, parameters, context, feedback=None) -> QaSpec:
        subdataset = text_or_none(algorithm, parameters, self.subdataset, context) if self.subdataset else None
        extra = self.extra.read(algorithm, parameters, context) if self.extra is not None else ()
        return QaSpec(self.schemes.read(algorithm, parameters, context, feedback),
                      algorithm.parameterAsInt(parameters, self.band, context), subdataset, extra)

    def read(self, algorithm, parameters, context, fallback_source=None, feedback=None) -> QaInput:
        """The QA input; an empty optional QA raster is ``fallback_source`` (the product raster)."""
        given = parameters.get(self.raster) not in (None, "")
        source = raster_source(algorithm, parameters, self.raster, context) if given else fallback_source
        return self.read_spec(algorithm, parameters, context, feedback).at(source)


@dataclass(frozen=True)
class LaiParameters:
    """One side's LAI: the raster (absent in a batch), band, preset and encoding overrides."""

    raster: str | None
    band: str
    preset: str
    scale: str
    offset: str
    valid_min: str
    valid_max: str
    fill: str
    default_band: int = 1
    default_preset: int = 0
    subdataset: str | None = None  # the batch's grid name in containers

    def add_to(self, algorithm, label):
        if self.raster:
            algorithm.addParameter(GdalRasterParameter(self.raster, label))
        algorithm.addParameter(band_parameter(self.band, tr("{0} band").format(label), self.default_band,
                                              self.raster or ""))
        algorithm.addParameter(QgsProcessingParameterEnum(
            self.preset, tr("{0} preset (scale, valid range, fill)").format(label),
            options=[translated_name(preset.name) for preset in LAI_PRESETS], defaultValue=self.default_preset))
        for name, text in ((self.scale, tr("{0} scale factor (empty = from file or preset)")),
                           (self.offset, tr("{0} offset (empty = from file or preset)")),
                           (self.valid_min, tr("{0} valid minimum, stored units (empty = from file or preset)")),
                           (self.valid_max, tr("{0} valid maximum, stored units (empty = from file or preset)"))):
            algorithm.addParameter(advanced(QgsProcessingParameterNumber(
                name, text.format(label), QgsProcessingParameterNumber.Type.Double, optional=True)))
        algorithm.addParameter(advanced(QgsProcessingParameterString(
            self.fill, tr("{0} fill values, stored units, comma separated (empty = from file or preset)")
            .format(label), optional=True)))

    def add_subdataset_to(self, algorithm, text):
        algorithm.addParameter(QgsProcessingParameterString(self.subdataset, text, optional=True))

    def read_spec(self, algorithm, parameters, context) -> LaiSpec:
        def number(name):
            given = parameters.get(name) not in (None, "")
            return algorithm.parameterAsDouble(parameters, name, context) if given else None

        overrides = EncodingOverrides(
            scale=number(self.scale), offset=number(self.offset), valid_min=number(self.valid_min),
            valid_max=number(self.valid_max),
            fill_values=parse_fill_values(algorithm.parameterAsString(parameters, self.fill, context)))
        subdataset = text_or_none(algorithm, parameters, self.subdataset, context) if self.subdataset else None
        return LaiSpec(algorithm.parameterAsInt(parameters, self.band, context), subdataset,
                       LAI_PRESETS[algorithm.parameterAsEnum(parameters, self.preset, context)].id, overrides)

    def read(self, algorithm, parameters, context) -> LaiInput:
        return self.read_spec(algorithm, parameters, context).at(
            raster_source(algorithm, parameters, self.raster, context))


    def in_folders(self, subdataset: str):
        """The same side in a batch: no raster parameter (files come from a folder), a grid name instead."""
        return replace(self, raster=None, subdataset=subdataset)


# The public names of each side's parameters, written once.
PRODUCT_LAI = LaiParameters(
    raster="PRODUCT", band="PRODUCT_BAND", preset="PRODUCT_PRESET", scale="PRODUCT_SCALE", offset="PRODUCT_OFFSET",
    valid_min="PRODUCT_VALID_MIN", valid_max="PRODUCT_VALID_MAX", fill="PRODUCT_FILL", default_preset=0)
REFERENCE_LAI = LaiParameters(
    raster="REFERENCE", band="REFERENCE_BAND", preset="REFERENCE_PRESET", scale="REFERENCE_SCALE",
    offset="REFERENCE_OFFSET", valid_min="REFERENCE_VALID_MIN", valid_max="REFERENCE_VALID_MAX",
    fill="REFERENCE_FILL", default_preset=1)


@dataclass(frozen=True)
class DifferenceParameters:
    """Scheme, rule, split field and resampling: shared by maskeddifference and batchcompare."""

    schemes: SchemeParameters = SchemeParameters()
    rule: RuleParameter = RuleParameter()
    buffer: BufferParameters = BufferParameters()
    split_field: str = "SPLIT_FIELD"
    resampling: str = "RESAMPLING"
    deming_lambda: str = "DEMING_LAMBDA"

    def add_to(self, algorithm):
        self.schemes.add_to(algorithm)
        self.rule.add_to(algorithm)
        self.buffer.add_to(algorithm)
        algorithm.addParameter(QgsProcessingParameterString(
            self.split_field, tr("Split by QA field (empty = no split)"), defaultValue="algorithm", optional=True))
        algorithm.addParameter(QgsProcessingParameterEnum(
            self.resampling, tr("Resampling of the reference"), options=list(RESAMPLING), defaultValue=0))
        algorithm.addParameter(advanced(QgsProcessingParameterNumber(
            self.deming_lambda, tr("Deming regression: error variance of the product / of the reference "
                                   "(empty = no Deming line)"), QgsProcessingParameterNumber.Type.Double,
            optional=True, minValue=0.0)))

    def read(self, algorithm, parameters, context, sample_points: int = 0) -> DifferenceSettings:
        return DifferenceSettings(
            rule=self.rule.read_text(algorithm, parameters, context),
            split_field=algorithm.parameterAsString(parameters, self.split_field, context).strip(),
            resampling=RESAMPLING[algorithm.parameterAsEnum(parameters, self.resampling, context)],
            sample_points=sample_points,
            deming_lambda=(algorithm.parameterAsDouble(parameters, self.deming_lambda, context)
                           if parameters.get(self.deming_lambda) not in (None, "") else None),
            buffer=self.buffer.read(algorithm, parameters, context))


@dataclass(frozen=True)
class CreationOptionsParameter:
    """GDAL creation options of the raster outputs, as the GDAL algorithms take them (``KEY=VALUE|KEY=VALUE``);
    empty: tiled ZSTD GeoTIFF (core.writers.default_creation_options)."""

    name: str = "CREATION_OPTIONS"

    def add_to(self, algorithm):
        parameter = QgsProcessingParameterString(
            self.name, tr("Creation options of the output rasters (KEY=VALUE|KEY=VALUE; empty = tiled ZSTD GeoTIFF)"),
            defaultValue="", optional=True)
        parameter.setMetadata({"widget_wrapper": {
            "class": "processing.algs.gdal.ui.RasterOptionsWidget.RasterOptionsWidgetWrapper"}})
        algorithm.addParameter(advanced(parameter))

    def read(self, algorithm, parameters, context):
        """A tuple of KEY=VALUE strings, or None for our defaults."""
        options, malformed = split_creation_options(algorithm.parameterAsString(parameters, self.name, context))
        if malformed:
            raise QgsProcessingException(
                tr("{0}: '{1}' is not KEY=VALUE (separate options with |)").format(self.name, malformed[0]))
        return options


def strata_preset_names() -> list:
    """The strata presets' names, in the user's language (the order of core.strata.STRATA_PRESETS)."""
    names = {"labels": tr("Labels from STRATA_LABELS (empty = each value 0-255 is a stratum)"),
             "mcd12q1_lc_type3": tr("MODIS MCD12Q1 LC_Type3 (LAI/FPAR biomes)")}
    return [names[preset[0]] for preset in STRATA_PRESETS]


@dataclass(frozen=True)
class StrataParameters:
    """An optional class raster (land cover, biomes) splitting the statistics by stratum as well as by class."""

    raster: str = "STRATA"
    band: str = "STRATA_BAND"
    preset: str = "STRATA_PRESET"
    labels: str = "STRATA_LABELS"

    def add_to(self, algorithm):
        algorithm.addParameter(GdalRasterParameter(
            self.raster, tr("Strata: a class raster such as MCD12Q1 LC_Type3 (optional; nearest neighbour onto the "
                            "product grid)"), optional=True))
        algorithm.addParameter(advanced(band_parameter(self.band, tr("Strata band"), 1, self.raster)))
        algorithm.addParameter(QgsProcessingParameterEnum(
            self.preset, tr("Strata classes"), options=strata_preset_names(), defaultValue=0, optional=True))
        algorithm.addParameter(advanced(QgsProcessingParameterString(
            self.labels, tr("Strata labels, e.g. 1=Grasslands;2=Shrublands (empty = the preset's)"),
            optional=True)))

    def read(self, algorithm, parameters, context):
        """The strata input, or None when no strata raster is given."""
        if parameters.get(self.raster) in (None, ""):
            return None
        try:
            labels = parse_strata_labels(algorithm.parameterAsString(parameters, self.labels, context))
        except LaiQaError as error:
            raise QgsProcessingException(f"{self.labels}: {error}") from None
        return StrataInput(RasterInput(raster_source(algorithm, parameters, self.raster, context),
                                       algorithm.parameterAsInt(parameters, self.band, context)),
                           labels, STRATA_PRESETS[algorithm.parameterAsEnum(parameters, self.preset, context)][0])
