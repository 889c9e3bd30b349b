"""Helpers the tests call: reading rasters back with GDAL, running the core with keyword options, Model Builder
steps. (Fixtures live in conftest.py; this module is imported, conftest is not.)"""
import os
import sys
import tempfile

from osgeo import gdal

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The repository root is the plugin folder; QGIS and the tests see it as the package ``laiqa``.
_PLUGIN_DIR = os.environ.get("QGIS_PLUGINPATH") or tempfile.mkdtemp(prefix="laiqa-plugins-")
if not os.path.isdir(os.path.join(_PLUGIN_DIR, "laiqa")):
    os.symlink(ROOT, os.path.join(_PLUGIN_DIR, "laiqa"))
sys.path.insert(0, _PLUGIN_DIR)
PLUGIN_PATH = _PLUGIN_DIR

from laiqa.core.difference import masked_difference  # noqa: E402
from laiqa.core.inputs import (  # noqa: E402
    DifferenceSettings,
    EncodingOverrides,
    LaiInput,
    OutputSpec,
    QaInput,
    RasterInput,
)
from laiqa.core.progress import SILENT  # noqa: E402


def sample_folders(folder, size, tiles=4):
    """Product (rt) and reference (glass) folders of ``tiles`` sample pairs of size x size, and an output folder."""
    from laiqa.core.sample_data import make_sample_data

    made = make_sample_data(str(folder / "in"), size=size, tiles=tiles)
    return {"rt": str(folder / "in" / "rt"), "glass": str(folder / "in" / "glass"), "out": str(folder / "out"),
            "tiles": made}


def batch_request(folders, **changes):
    """The batch of the sample folders with the article's settings (own product against GLASS)."""
    from laiqa.core.batch import BatchRequest
    from laiqa.core.inputs import LaiSpec, QaSpec
    from laiqa.core.qa.scheme import load_preset

    return BatchRequest(folders["rt"], folders["glass"], folders["out"], LaiSpec(preset="own_lai"),
                        LaiSpec(preset="glass"), QaSpec(load_preset("own_lai")), **changes)


def read_band(path, band=1):
    dataset = gdal.Open(path)
    return dataset.GetRasterBand(band).ReadAsArray()


def qa_input(source, band, scheme, subdataset=None) -> QaInput:
    return QaInput(RasterInput(str(source), band, subdataset), scheme)


def run_difference(product, reference, output, scheme, progress=SILENT, *, product_band=1, qa=None, qa_band=2,
                   qa_subdataset=None, reference_band=1, product_preset="own_lai", reference_preset="glass",
                   product_overrides=None, reference_overrides=None, product_subdataset=None,
                   reference_subdataset=None, class_folder=None, creation_options=None, cog=False, strata=None,
                   **settings):
    """``masked_difference`` with every option a keyword and the article's defaults (own product vs GLASS)."""
    return masked_difference(
        LaiInput(RasterInput(str(product), product_band, product_subdataset), product_preset,
                 EncodingOverrides(**(product_overrides or {}))),
        LaiInput(RasterInput(str(reference), reference_band, reference_subdataset), reference_preset,
                 EncodingOverrides(**(reference_overrides or {}))),
        qa_input(qa or product, qa_band, scheme, qa_subdataset),
        DifferenceSettings(**settings),
        OutputSpec(str(output), creation_options, cog, class_folder),
        progress,
        strata=strata,
    )


def model_child(algorithm_id: str, child_id: str, static=None, from_model=None, from_child=None, output=None):
    """A Model Builder step: static values, model inputs, other steps' outputs; ``output`` = (name, child output)
    exposes one of its outputs as a model output named ``<child_id>:<name>``."""
    from qgis.core import (
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
    )

    child = QgsProcessingModelChildAlgorithm(algorithm_id)
    child.setChildId(child_id)
    for name, value in (static or {}).items():
        child.addParameterSources(name, [QgsProcessingModelChildParameterSource.fromStaticValue(value)])
    for name, parameter in (from_model or {}).items():
        child.addParameterSources(name, [QgsProcessingModelChildParameterSource.fromModelParameter(parameter)])
    for name, (other, other_output) in (from_child or {}).items():
        child.addParameterSources(name, [QgsProcessingModelChildParameterSource.fromChildOutput(other, other_output)])
    if output:
        name, child_output = output
        child.setModelOutputs({name: QgsProcessingModelOutput(name, name)})
        child.modelOutput(name).setChildOutputName(child_output)
        child.modelOutput(name).setChildId(child_id)
    return child


def model_output_name(model, child_id: str, name: str) -> str:
    """The parameter name of a model output: ``<child_id>:<name>`` up to QGIS 3.3x, ``<name>`` on 3.40."""
    names = [parameter.name() for parameter in model.destinationParameterDefinitions()]
    return next(candidate for candidate in (f"{child_id}:{name}", name) if candidate in names)


def rule_texts(scheme):
    """A hypothesis strategy of random rule texts over a scheme's fields: tests joined by and/or, some negated."""
    from hypothesis import strategies as st

    def test_of(qa_field):
        values = st.integers(0, qa_field.max_value)
        return st.one_of(
            st.tuples(st.sampled_from(["==", "!=", "<", "<=", ">", ">="]), values).map(
                lambda t: f"{qa_field.name} {t[0]} {t[1]}"),
            st.tuples(st.sampled_from(["in", "not in"]), st.lists(values, min_size=1, max_size=3)).map(
                lambda t: f"{qa_field.name} {t[0]} ({', '.join(map(str, t[1]))})"),
        )

    test = st.sampled_from(scheme.fields).flatmap(test_of)
    term = st.tuples(st.booleans(), st.lists(test, min_size=1, max_size=3)).map(
        lambda t: ("not " if t[0] else "") + "(" + " and ".join(t[1]) + ")")
    return st.lists(term, min_size=1, max_size=3).map(" or ".join)
