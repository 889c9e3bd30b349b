"""Missing, corrupt, folder and truncated inputs: one line of ours on every front end, no abort, no traceback.

On QGIS 3.40 a Python exception in a method QGIS calls from C++ aborts qgis_process (exit 134), and its
Processing turns GDAL exceptions on for the whole process: these tests run on every QGIS leg.
"""
import os

import numpy as np
import pytest
from helpers import qa_input, run_difference
from osgeo import gdal
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingException
from test_processing_qa import OWN_INDEX, qgis_process

from laiqa.callbacks import LOG_TAG, answers
from laiqa.core.errors import LaiQaError
from laiqa.core.inputs import OutputSpec
from laiqa.core.qa.scheme import load_preset
from laiqa.core.qa_rasters import decode_qa_raster
from laiqa.processing_provider.parameters import GdalRasterParameter

KINDS = ("missing", "corrupt", "folder")


def bad_input(kind, folder) -> str:
    """A path of the given kind; GDAL's own reason for refusing it differs by kind and version."""
    path = os.path.join(str(folder), f"bad_{kind}.tif")
    if kind == "corrupt":
        with open(path, "wb") as handle:
            handle.write(b"II*\x00 this is no TIFF " * 40)
    elif kind == "folder":
        os.makedirs(path)
    return path


def truncated_tiff(folder) -> str:
    """A GeoTIFF that opens (its header is whole) but whose pixel data is cut off."""
    path = os.path.join(str(folder), "truncated_h12v03.tif")
    dataset = gdal.GetDriverByName("GTiff").Create(path, 512, 512, 2, gdal.GDT_Int16, ["TILED=YES"])
    for band in (1, 2):
        dataset.GetRasterBand(band).WriteArray(np.random.default_rng(band).integers(0, 900, (512, 512),
                                                                                    dtype=np.int16))
    dataset = None
    size = os.path.getsize(path)
    with open(path, "r+b") as handle:
        handle.truncate(size // 3)
    return path


@pytest.mark.parametrize("kind", KINDS)
def test_the_raster_parameter_refuses_without_raising(laiqa_provider, kind, tmp_path):
    parameter = GdalRasterParameter("INPUT", "QA raster")
    path = bad_input(kind, tmp_path)
    assert parameter.checkValueIsAcceptable(path, QgsProcessingContext()) is False
    assert parameter.problem_with(path, QgsProcessingContext()).startswith(f"INPUT: cannot open '{path}' as a raster (")


@pytest.mark.parametrize("kind", KINDS)
def test_processing_run_gives_our_one_line_message(laiqa_provider, kind, tmp_path):
    from qgis import processing

    path = bad_input(kind, tmp_path)
    with pytest.raises(QgsProcessingException) as raised:
        processing.run("laiqa:decodeqabits", {"INPUT": path, "BAND": 2, "SCHEME": OWN_INDEX,
                                              "OUTPUT": str(tmp_path / "d.tif")})
    message = str(raised.value).strip().splitlines()  # processing.run puts "Unable to execute algorithm" first
    assert message[-1].startswith(f"INPUT: cannot open '{path}' as a raster (")
    assert len(message) <= 2 and "Traceback" not in str(raised.value)
    assert not (tmp_path / "d.tif").exists()


@pytest.mark.parametrize("kind", KINDS)
def test_qgis_process_never_aborts_and_names_the_input(kind, sample_dir, tmp_path):
    own_path = sample_dir[1]["h12v03"][0]
    path = bad_input(kind, tmp_path)
    for algorithm, arguments in (
        ("laiqa:decodeqabits", [f"INPUT={path}", "BAND=2", f"SCHEME={OWN_INDEX}"]),
        ("laiqa:maskeddifference", [f"PRODUCT={path}", f"REFERENCE={own_path}"]),
        ("laiqa:maskeddifference", [f"PRODUCT={own_path}", f"REFERENCE={path}"]),
    ):
        done = qgis_process("run", algorithm, "--", *arguments, f"OUTPUT={tmp_path / 'out.tif'}", cwd=tmp_path)
        output = done.stdout + done.stderr
        assert done.returncode == 1, output  # 134 would be an abort
        name = arguments[0].split("=")[0] if path in arguments[0] else arguments[1].split("=")[0]
        assert f"{name}: cannot open '{path}' as a raster (" in output
        assert "Traceback" not in output
        assert not (tmp_path / "out.tif").exists()


def test_a_truncated_raster_is_a_read_error_not_a_traceback(laiqa_provider, tmp_path):
    from qgis import processing

    path = truncated_tiff(tmp_path)
    with pytest.raises(QgsProcessingException) as raised:
        processing.run("laiqa:decodeqabits", {"INPUT": path, "BAND": 2, "SCHEME": OWN_INDEX,
                                              "OUTPUT": str(tmp_path / "d.tif")})
    assert f"of '{path}'" in str(raised.value) and "the file may be truncated" in str(raised.value)
    assert not (tmp_path / "d.tif").exists()


@pytest.mark.parametrize("kind", KINDS)
def test_the_core_gives_its_message_in_either_gdal_exception_mode(kind, tmp_path):
    path = bad_input(kind, tmp_path)
    scheme = load_preset("own_lai")
    before = gdal.GetUseExceptions()
    with pytest.raises(LaiQaError, match=f"^QA raster: cannot open '{path}' as a raster \\("):
        decode_qa_raster(qa_input(path, 2, scheme), OutputSpec(str(tmp_path / "d.tif")))
    with pytest.raises(LaiQaError, match=f"^Reference: cannot open '{path}' as a raster \\("):
        run_difference(truncated_tiff(tmp_path), path, str(tmp_path / "e.tif"), scheme)
    assert gdal.GetUseExceptions() == before  # the core never flips the process-wide mode
    assert not (tmp_path / "d.tif").exists() and not (tmp_path / "e.tif").exists()


def test_a_guarded_callback_logs_and_answers_instead_of_raising(qgis_app):
    logged = []

    def remember(message, tag, level):
        if tag == LOG_TAG:
            logged.append(message)

    QgsApplication.messageLog().messageReceived.connect(remember)
    try:
        @answers(False)
        def check(value):
            raise RuntimeError(f"GDAL says no to {value}")

        assert check("x.tif") is False
        QgsApplication.processEvents()
    finally:
        QgsApplication.messageLog().messageReceived.disconnect(remember)
    assert any("RuntimeError: GDAL says no to x.tif" in line for line in logged)
