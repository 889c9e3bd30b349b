"""Nothing lost, nothing silently wrong: a full disk, a killed run and a failing COG copy each leave the
earlier output at the path as it was, no temporary behind, and a one-line LaiQaError naming the path."""
import errno
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from contextlib import contextmanager

import numpy as np
import pytest
from helpers import PLUGIN_PATH, qa_input, read_band, run_difference
from osgeo import gdal, osr

from laiqa.core import writers
from laiqa.core.errors import LaiQaError
from laiqa.core.inputs import OutputSpec
from laiqa.core.qa.scheme import load_preset
from laiqa.core.qa_rasters import decode_qa_raster
from laiqa.core.writers import AtomicRaster, atomic_text_file, remove_stale_temporaries

OWN = load_preset("own_lai")
SIZE = 1500  # 1500x1500 random values: megabytes compressed, far more than the small disk has free
GEOTRANSFORM = (400000.0, 500.0, 0.0, 3000000.0, 0.0, -500.0)
HOUR = 3600
HOST = re.sub(r"[^A-Za-z0-9_]", "_", socket.gethostname().split(".")[0])  # as temporaries name it


def write_int16(path, arrays):
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), SIZE, SIZE, len(arrays), gdal.GDT_Int16)
    dataset.SetGeoTransform(GEOTRANSFORM)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32650)
    dataset.SetProjection(srs.ExportToWkt())
    for index, array in enumerate(arrays):
        dataset.GetRasterBand(index + 1).WriteArray(array)
    dataset = None
    return str(path)


@pytest.fixture(scope="module")
def big_pair(tmp_path_factory):
    """A random own product (LAI, QA in band 2) and a GLASS-like reference, outside the small disk."""
    folder = tmp_path_factory.mktemp("big")
    rng = np.random.default_rng(11)
    own = rng.integers(0, 7000, (SIZE, SIZE)).astype(np.int16)
    qa = rng.integers(0, 16, (SIZE, SIZE)).astype(np.int16)
    glass = rng.integers(0, 700, (SIZE, SIZE)).astype(np.int16)
    return write_int16(folder / "own.tif", [own, qa]), write_int16(folder / "glass.tif", [glass])


@contextmanager
def mounted_tmpfs(mount_point, options):
    """A tmpfs mounted for the block (root only: skipped otherwise), always unmounted after."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    if shutil.which("mount") is None:
        pytest.skip("mount is not installed")
    mount_point.mkdir(exist_ok=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(mount_point)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield mount_point
    finally:
        if subprocess.run(["umount", str(mount_point)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(mount_point)], capture_output=True)


@pytest.fixture
def small_disk(tmp_path):
    """A 3 MB tmpfs: a real full disk, as only root can mount one."""
    with mounted_tmpfs(tmp_path / "small", "size=3m") as mount_point:
        yield mount_point


@pytest.fixture
def read_only_disk(tmp_path):
    """A read-only file system (root can write anywhere else, whatever the permissions say)."""
    with mounted_tmpfs(tmp_path / "read_only", "ro,size=1m") as mount_point:
        yield mount_point


def test_a_read_only_target_is_one_line_and_nothing_is_written(read_only_disk, write_raster, tmp_path):
    qa = (np.arange(24 * 16) % 16).reshape(24, 16).astype(np.uint16)
    source = write_raster(qa, gdal.GDT_UInt16)
    out = read_only_disk / "out.tif"
    with pytest.raises(LaiQaError, match=f"^Cannot write to the folder of '{re.escape(str(out))}': "
                                         "Read-only file system$"):
        decode_qa_raster(qa_input(source, 1, OWN), OutputSpec(str(out)))
    with pytest.raises(LaiQaError, match=f"^Cannot write to the folder of "
                                         f"'{re.escape(str(read_only_disk / 'table.csv'))}': Read-only file system$"):
        with atomic_text_file(read_only_disk / "table.csv") as handle:
            handle.write("class,n")
    assert os.listdir(read_only_disk) == []


def test_a_batch_into_a_read_only_folder_is_one_line(read_only_disk, tmp_path):
    from helpers import batch_request, sample_folders

    from laiqa.core.batch import run_batch

    folders = sample_folders(tmp_path, 32, tiles=1)
    folders["out"] = str(read_only_disk / "batch")
    with pytest.raises(LaiQaError, match="^Cannot create the output folder '.*batch': Read-only file system$"):
        run_batch(batch_request(folders), log=lambda line: None)


def fill(folder, leave_free: int) -> None:
    """Fill the disk of ``folder`` until about ``leave_free`` bytes are free (0: until ENOSPC)."""
    stats = os.statvfs(folder)
    to_write = stats.f_bavail * stats.f_frsize - leave_free if leave_free else None
    handle = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT)
    chunk = b"\0" * 65536
    try:
        while to_write is None or to_write > 0:
            written = os.write(handle, chunk if to_write is None else chunk[:to_write])
            if to_write is not None:
                to_write -= written
    except OSError as error:
        assert error.errno == errno.ENOSPC and to_write is None
    finally:
        os.close(handle)


def previous_output(folder, name="out.tif") -> tuple:
    """A real earlier result at the target path, and its bytes."""
    path = folder / name
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), 8, 8, 1, gdal.GDT_Byte)
    dataset.GetRasterBand(1).WriteArray(np.arange(64, dtype=np.uint8).reshape(8, 8))
    dataset = None
    return path, path.read_bytes()


def open_files_in(folder) -> list:
    """Files under ``folder`` this process still has open (a deleted one still takes its disk space)."""
    links = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            links.append(os.readlink(f"/proc/self/fd/{fd}"))
        except FileNotFoundError:  # the descriptor that listed the folder, closed since
            pass
    return [link for link in links if link.startswith(str(folder))]


def failed(path) -> str:
    """The start of the message for ``path``, as a regular expression."""
    return re.escape(f"Writing '{path}' failed: ")


def assert_refused(raised, target):
    message = str(raised.value)
    assert "\n" not in message
    assert f"'{target}'" in message
    assert "No space left on device" in message


@pytest.mark.parametrize("operation", ["decode", "difference"])
def test_full_disk_fails_and_keeps_the_earlier_output(small_disk, big_pair, operation):
    product, reference = big_pair
    out, before = previous_output(small_disk)
    fill(small_disk, leave_free=200_000)
    with pytest.raises(LaiQaError) as raised:
        if operation == "decode":
            decode_qa_raster(qa_input(product, 2, OWN), OutputSpec(str(out)))
        else:
            run_difference(product, reference, out, OWN)
    assert_refused(raised, out)
    assert out.read_bytes() == before
    assert sorted(os.listdir(small_disk)) == ["filler", "out.tif"]


def test_tiles_first_written_at_the_end_fail_while_the_caller_holds_the_dataset(small_disk):
    """GDAL keeps written windows in its cache: here every byte reaches the disk only as the block ends, while
    the ``as`` name still refers to the dataset. The file is closed there all the same: a temporary deleted but
    still open would keep its space on the full disk."""
    out, before = previous_output(small_disk)
    fill(small_disk, leave_free=100_000)
    values = np.random.default_rng(3).random((600, 600), dtype=np.float32)  # 1.4 MB, incompressible
    with pytest.raises(LaiQaError) as raised:
        with AtomicRaster(out, 600, 600, 1, np.float32) as dataset:
            writers.write_window(dataset.GetRasterBand(1), values, 0, 0)  # GDAL 3.10 may already fail here
    assert_refused(raised, out)
    assert out.read_bytes() == before
    assert sorted(os.listdir(small_disk)) == ["filler", "out.tif"]
    assert open_files_in(small_disk) == []


def test_the_file_is_closed_when_the_block_ends_though_the_caller_holds_it(tmp_path):
    values = np.arange(64, dtype=np.uint8).reshape(8, 8)
    with AtomicRaster(tmp_path / "out.tif", 8, 8, 1, np.uint8) as dataset:
        dataset.GetRasterBand(1).WriteArray(values)
    assert dataset is not None and open_files_in(tmp_path) == []
    assert (read_band(str(tmp_path / "out.tif")) == values).all()


@pytest.mark.parametrize("characters", [10, 1_000_000])
def test_text_file_on_a_full_disk_fails_and_keeps_the_earlier_file(small_disk, characters):
    """Ten characters fail only at the final flush, a megabyte already while written."""
    path = small_disk / "stats.csv"
    path.write_text("earlier,result\n")
    fill(small_disk, leave_free=0)
    with pytest.raises(LaiQaError) as raised:
        with atomic_text_file(path) as handle:
            handle.write("x" * characters)
    assert str(raised.value) == f"Writing '{path}' failed: No space left on device"
    assert path.read_text() == "earlier,result\n"
    assert sorted(os.listdir(small_disk)) == ["filler", "stats.csv"]


def test_the_callers_own_os_error_passes_unchanged(tmp_path):
    with pytest.raises(FileNotFoundError):
        with atomic_text_file(tmp_path / "a.csv"):
            open(tmp_path / "missing.txt")
    assert os.listdir(tmp_path) == []


def dead_pid() -> int:
    """The pid of a process that has exited and been reaped."""
    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


@pytest.fixture
def live_pid():
    child = subprocess.Popen(["sleep", "60"])
    yield child.pid
    child.kill()
    child.wait()


def fake_temporary(folder, name, age_seconds) -> str:
    path = folder / name
    path.write_bytes(b"half a raster")
    then = time.time() - age_seconds
    os.utime(path, (then, then))
    return name


def test_a_run_removes_temporaries_of_killed_runs_but_not_of_live_ones(write_raster, tmp_path, live_pid):
    dead, here = dead_pid(), HOST
    gone = [fake_temporary(tmp_path, f".out.tif.{here}-{dead}.abcd1234.partial", 60),  # this host, process gone
            fake_temporary(tmp_path, f".out.tif.{here}-{dead}.abcd1234.partial.aux.xml", 60),
            fake_temporary(tmp_path, f".out.tif.{here}-{dead}.efgh5678.partial.cog", 2 * HOUR),
            fake_temporary(tmp_path, f".other.tif.{here}-{live_pid}.zz99zz99.partial", 2 * 24 * HOUR),  # pid reused
            fake_temporary(tmp_path, f".out.tif.elsewhere-{dead}.qrst1234.partial", 2 * 24 * HOUR)]  # abandoned
    kept = [fake_temporary(tmp_path, f".out.tif.{here}-{live_pid}.ijkl9012.partial", 2 * HOUR),
            fake_temporary(tmp_path, f".out.tif.elsewhere-{dead}.mnop3456.partial", 2 * HOUR),  # another host's
            fake_temporary(tmp_path, ".notes.partial", 2 * 24 * HOUR),  # no pid: not ours
            fake_temporary(tmp_path, f"out.tif.{here}-1234.abcd1234.partial", 2 * 24 * HOUR)]  # not hidden: not ours
    qa = (np.arange(24 * 16) % 16).reshape(24, 16).astype(np.uint16)
    source = write_raster(qa, gdal.GDT_UInt16)
    decode_qa_raster(qa_input(source, 1, OWN), OutputSpec(str(tmp_path / "out.tif")))
    assert sorted(os.listdir(tmp_path)) == sorted([*kept, "out.tif", "qa.tif"])
    assert (read_band(str(tmp_path / "out.tif"), 2) == (qa >> 2) & 3).all()
    assert not set(gone) & set(os.listdir(tmp_path))


KILLED_RUN = """
import sys, time
import numpy as np
from laiqa.core.writers import AtomicRaster
with AtomicRaster(sys.argv[1], 64, 64, 1, np.uint8) as dataset:
    dataset.GetRasterBand(1).WriteArray(np.ones((64, 64), np.uint8))
    dataset.FlushCache()
    print("writing", flush=True)
    time.sleep(60)
"""


def test_the_temporary_of_a_run_killed_with_sigkill_goes_with_the_next_run(tmp_path):
    out = tmp_path / "out.tif"
    child = subprocess.Popen([sys.executable, "-c", KILLED_RUN, str(out)], stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "PYTHONPATH": PLUGIN_PATH})
    try:
        assert child.stdout.readline() == "writing\n"
    finally:
        child.kill()
        child.wait()
    left = os.listdir(tmp_path)
    assert len(left) == 1 and left[0].startswith(f".out.tif.{HOST}-{child.pid}.") and left[0].endswith(".partial")
    with atomic_text_file(tmp_path / "notes.txt") as handle:  # the next run in the folder: its process is gone
        handle.write("first")
    assert sorted(os.listdir(tmp_path)) == ["notes.txt"]


def test_text_files_remove_stale_temporaries_too(tmp_path):
    stale = fake_temporary(tmp_path, f".sums.json.{HOST}-{dead_pid()}.abcd1234.partial", 2 * HOUR)
    with atomic_text_file(tmp_path / "sums.json") as handle:
        handle.write("{}")
    assert os.listdir(tmp_path) == ["sums.json"]
    assert stale not in os.listdir(tmp_path)


def test_the_temporary_carries_this_processs_pid(tmp_path):
    with AtomicRaster(tmp_path / "out.tif", 4, 4, 1, np.uint8):
        names = os.listdir(tmp_path)
        assert len(names) == 1 and names[0].startswith(f".out.tif.{HOST}-{os.getpid()}.")
        assert names[0].endswith(".partial")
        assert remove_stale_temporaries(tmp_path, max_age_seconds=0) == []  # we are alive
    assert os.listdir(tmp_path) == ["out.tif"]


def test_failing_cog_copy_leaves_no_temporary_and_the_earlier_output(tmp_path, monkeypatch):
    """The COG copy raising inside ``__exit__`` (a bug, an interrupt) still removes both temporaries."""
    out, before = previous_output(tmp_path)

    def broken_translate(destination, source, **options):
        with open(destination, "wb") as half_written:
            half_written.write(b"II*\0")
        raise KeyboardInterrupt

    monkeypatch.setattr(writers.gdal, "Translate", broken_translate)
    with pytest.raises(KeyboardInterrupt):
        with AtomicRaster(out, 16, 16, 1, np.uint8, cog=True) as dataset:
            dataset.GetRasterBand(1).WriteArray(np.ones((16, 16), np.uint8))
    assert out.read_bytes() == before
    assert os.listdir(tmp_path) == ["out.tif"]


def test_cog_copy_that_gdal_refuses_is_a_laiqa_error(tmp_path, monkeypatch):
    out, before = previous_output(tmp_path)

    def refusing_translate(destination, source, **options):
        """What GDAL does: a CE_Failure, then None, or the error raised in exception mode."""
        if gdal.GetUseExceptions():
            raise RuntimeError("COG: disk quota exceeded")
        gdal.Error(gdal.CE_Failure, 1, "COG: disk quota exceeded")
        return None

    monkeypatch.setattr(writers.gdal, "Translate", refusing_translate)
    with pytest.raises(LaiQaError, match=f"^{failed(out)}COG: disk quota exceeded$"):
        with AtomicRaster(out, 16, 16, 1, np.uint8, cog=True) as dataset:
            dataset.GetRasterBand(1).WriteArray(np.ones((16, 16), np.uint8))
    assert out.read_bytes() == before
    assert os.listdir(tmp_path) == ["out.tif"]


def test_a_clean_cog_run_replaces_the_earlier_output_and_its_stale_sidecars(tmp_path):
    out, _ = previous_output(tmp_path)
    (tmp_path / "out.tif.aux.xml").write_text("<PAMDataset>statistics of the earlier file</PAMDataset>")
    values = np.arange(300 * 200, dtype=np.float32).reshape(300, 200)
    with AtomicRaster(out, 200, 300, 1, np.float32, cog=True) as dataset:
        dataset.GetRasterBand(1).WriteArray(values)
    assert (read_band(str(out)) == values).all()
    assert gdal.Open(str(out)).GetMetadataItem("LAYOUT", "IMAGE_STRUCTURE") == "COG"
    assert os.listdir(tmp_path) == ["out.tif"]


def test_a_file_that_lost_tiles_is_not_published(tmp_path, monkeypatch):
    """The last check reads the tile offsets back: tiles GDAL never wrote, without any error, are refused."""
    out, before = previous_output(tmp_path)
    monkeypatch.setattr(writers, "_close", lambda dataset: None)  # a close that silently writes nothing
    # 600x600 in 256x256 tiles: 3x3 tiles, none of them in the directory the first flush wrote
    with pytest.raises(LaiQaError, match=f"^{failed(out)}9 tiles are missing from the written file$"):
        with AtomicRaster(out, 600, 600, 1, np.uint8, creation_options=["TILED=YES"]) as dataset:
            dataset.FlushCache()
            dataset.GetRasterBand(1).WriteArray(np.ones((600, 600), np.uint8))
    assert out.read_bytes() == before
    assert os.listdir(tmp_path) == ["out.tif"]


def test_a_file_never_written_is_not_published(tmp_path, monkeypatch):
    out, before = previous_output(tmp_path)
    monkeypatch.setattr(writers, "_close", lambda dataset: None)  # nothing reaches the disk, not even a header
    # GDAL 3.6 writes no header before the close; 3.10 does, and then finds the tiles missing
    with pytest.raises(LaiQaError, match=f"^{failed(out)}(the written file cannot be opened again|"
                                         r"\d+ tiles are missing from the written file)"):
        with AtomicRaster(out, 600, 600, 1, np.uint8) as dataset:
            dataset.GetRasterBand(1).WriteArray(np.ones((600, 600), np.uint8))
    assert out.read_bytes() == before
    assert os.listdir(tmp_path) == ["out.tif"]
