"""One definition of each parameter group, shared by every algorithm that takes it."""
from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterBand,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterMatrix,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from ..callbacks import answers
from ..core import readers
from ..core.alignment import RESAMPLING
from ..core.lai_encoding import LAI_PRESETS, parse_fill_values
from ..core.qa.rule import parse_rule
from ..core.qa.scheme import PRESET_IDS, load_preset, presets, rows_from_flat, scheme_from_table
from ..translation import tr

CUSTOM_HEADERS = ["name", "first bit", "bit count", "labels"]


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
        """None if QGIS or GDAL takes ``value``, else the one-line message saying why not."""
        if super().checkValueIsAcceptable(value, context):
            return None
        text = value if isinstance(value, str) else ""
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
    return [scheme.name for scheme in presets()]


def scheme_options() -> list:
    return [*preset_names(), tr("Custom (fields from CUSTOM_FIELDS)")]


def custom_index() -> int:
    return len(PRESET_IDS)


def band_parameter(name, description, default_band, parent):
    """A band with a default that qgis_process 3.22 honours: it treats a non-optional band as missing
    unless given, even with a default, so the band is optional and falls back to the default."""
    return QgsProcessingParameterBand(name, description, default_band, parent, optional=True)


def add_qa_input(algorithm, input_name="INPUT", band_name="BAND", input_label=None, band_label=None,
                 default_band=1, optional=False):
    algorithm.addParameter(GdalRasterParameter(input_name, input_label or tr("QA raster"), optional=optional))
    algorithm.addParameter(band_parameter(band_name, band_label or tr("QA band"), default_band, input_name))


def add_scheme(algorithm, scheme_name="SCHEME", custom_name="CUSTOM_FIELDS"):
    algorithm.addParameter(
        QgsProcessingParameterEnum(scheme_name, tr("QA scheme"), options=scheme_options(), defaultValue=0)
    )
    algorithm.addParameter(
        QgsProcessingParameterMatrix(
            custom_name,
            tr("Custom QA fields (used when the scheme is Custom; labels as 0=DRT;1=ECO)"),
            numberRows=1,
            hasFixedNumberRows=False,
            headers=CUSTOM_HEADERS,
            optional=True,
        )
    )


def add_rule(algorithm, rule_name="RULE", default=""):
    algorithm.addParameter(
        QgsProcessingParameterString(
            rule_name,
            tr("QA keep rule (e.g. quality != 3 and algorithm in (DRT, ECO); empty = the scheme's default)"),
            defaultValue=default,
            optional=True,
        )
    )


def raster_source(algorithm, parameters, name, context) -> str:
    """The GDAL dataset name behind a raster parameter: a project layer, a path or any GDAL name."""
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


def scheme_from_parameters(algorithm, parameters, context, scheme_name="SCHEME", custom_name="CUSTOM_FIELDS"):
    index = algorithm.parameterAsEnum(parameters, scheme_name, context)
    if index < custom_index():
        return load_preset(PRESET_IDS[index])
    cells = algorithm.parameterAsMatrix(parameters, custom_name, context)
    return scheme_from_table(rows_from_flat(cells, len(CUSTOM_HEADERS)))


def rule_from_parameters(algorithm, parameters, context, scheme, rule_name="RULE"):
    text = algorithm.parameterAsString(parameters, rule_name, context).strip()
    return parse_rule(text or scheme.default_rule, scheme)


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
        parts.append(f"<p><b>SCHEME={index}</b>: {scheme.name}{rule}</p><ul>{fields}</ul>")
    parts.append(
        "<p><b>SCHEME={0}</b>: {1}</p>".format(
            custom_index(),
            tr("Custom: one CUSTOM_FIELDS row per field (name, first bit, bit count, labels such as "
               "0=DRT;1=ECO). From qgis_process: CUSTOM_FIELDS=algorithm,2,2,0=DRT;1=ECO;2=WAT;3=TIM"),
        )
    )
    return "".join(parts)



def add_lai_input(algorithm, prefix: str, label: str, default_band: int, default_preset: int):
    """PRODUCT… or REFERENCE…: the raster, then its settings."""
    algorithm.addParameter(GdalRasterParameter(prefix, label))
    add_lai_settings(algorithm, prefix, label, default_band, default_preset, parent=prefix)


def add_lai_settings(algorithm, prefix: str, label: str, default_band: int, default_preset: int, parent=""):
    """Band, preset and encoding overrides (empty = metadata/preset) of one side; the batch has no raster."""
    algorithm.addParameter(band_parameter(f"{prefix}_BAND", tr("{0} band").format(label), default_band, parent))
    algorithm.addParameter(QgsProcessingParameterEnum(
        f"{prefix}_PRESET", tr("{0} preset (scale, valid range, fill)").format(label),
        options=[preset.name for preset in LAI_PRESETS], defaultValue=default_preset))
    overrides = [
        ("SCALE", tr("{0} scale factor (empty = from file or preset)")),
        ("OFFSET", tr("{0} offset (empty = from file or preset)")),
        ("VALID_MIN", tr("{0} valid minimum, stored units (empty = from file or preset)")),
        ("VALID_MAX", tr("{0} valid maximum, stored units (empty = from file or preset)")),
    ]
    for suffix, text in overrides:
        parameter = QgsProcessingParameterNumber(
            f"{prefix}_{suffix}", text.format(label), QgsProcessingParameterNumber.Type.Double, optional=True)
        parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        algorithm.addParameter(parameter)
    fill = QgsProcessingParameterString(
        f"{prefix}_FILL", tr("{0} fill values, stored units, comma separated (empty = from file or preset)")
        .format(label), optional=True)
    fill.setFlags(fill.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
    algorithm.addParameter(fill)


def lai_input_from_parameters(algorithm, parameters, context, prefix: str) -> dict:
    """Keyword arguments of DifferenceRequest for one side: source, band, preset id, overrides."""
    return {prefix.lower(): raster_source(algorithm, parameters, prefix, context),
            **lai_settings_from_parameters(algorithm, parameters, context, prefix)}


def lai_settings_from_parameters(algorithm, parameters, context, prefix: str) -> dict:
    """Keyword arguments of DifferenceRequest for one side's band, preset and overrides."""
    overrides = {}
    for suffix, setting in (("SCALE", "scale"), ("OFFSET", "offset"), ("VALID_MIN", "valid_min"),
                            ("VALID_MAX", "valid_max")):
        name = f"{prefix}_{suffix}"
        if parameters.get(name) not in (None, ""):
            overrides[setting] = algorithm.parameterAsDouble(parameters, name, context)
    overrides["fill_values"] = parse_fill_values(algorithm.parameterAsString(parameters, f"{prefix}_FILL", context))
    side = prefix.lower()
    return {
        f"{side}_band": algorithm.parameterAsInt(parameters, f"{prefix}_BAND", context),
        f"{side}_preset": LAI_PRESETS[algorithm.parameterAsEnum(parameters, f"{prefix}_PRESET", context)].id,
        f"{side}_overrides": overrides,
    }


def add_difference_settings(algorithm):
    """QA scheme, rule, split field and resampling: shared by maskeddifference and batchcompare."""
    add_scheme(algorithm, "SCHEME", "CUSTOM_FIELDS")
    add_rule(algorithm, "RULE")
    algorithm.addParameter(QgsProcessingParameterString(
        "SPLIT_FIELD", tr("Split by QA field (empty = no split)"), defaultValue="algorithm", optional=True))
    algorithm.addParameter(QgsProcessingParameterEnum(
        "RESAMPLING", tr("Resampling of the reference"), options=list(RESAMPLING), defaultValue=0))


def difference_settings_from_parameters(algorithm, parameters, context) -> dict:
    """Keyword arguments of DifferenceRequest for the shared settings (QA band included)."""
    rule_text = algorithm.parameterAsString(parameters, "RULE", context).strip()
    return {
        "scheme": scheme_from_parameters(algorithm, parameters, context, "SCHEME", "CUSTOM_FIELDS"),
        "qa_band": algorithm.parameterAsInt(parameters, "QA_BAND", context),
        "rule": rule_text or None,
        "split_field": algorithm.parameterAsString(parameters, "SPLIT_FIELD", context).strip(),
        "resampling": RESAMPLING[algorithm.parameterAsEnum(parameters, "RESAMPLING", context)],
    }
