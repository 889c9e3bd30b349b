"""Small real HDF-EOS 2 grid files (MCD15A2H-like granules) for tests, written with pyhdf.

GDAL's HDF4 driver reads them through the HDF-EOS library, as it reads granules from LP DAAC:
SDSs with dimensions ``YDim:<grid>``/``XDim:<grid>``, the ODL ``StructMetadata.0`` describing the
sinusoidal grid, and a Vgroup named after the grid (class GRID) holding a "Data Fields" Vgroup.
"""
import numpy as np
import pyhdf.V  # noqa: F401 - HDF.vgstart() needs the V module loaded
from pyhdf import HDF, SD
from pyhdf.SD import SDC

from laiqa.core.modis_tiles import SPHERE_RADIUS, tile_geotransform

GRID = "MOD_Grid_MOD15A2H"
NUMBER_TYPES = {np.dtype(np.uint8): (SDC.UINT8, "DFNT_UINT8"), np.dtype(np.int16): (SDC.INT16, "DFNT_INT16"),
                np.dtype(np.uint16): (SDC.UINT16, "DFNT_UINT16")}


def struct_metadata(grid: str, width: int, height: int, h: int, v: int, fields) -> str:
    x0, pixel, _, y0, _, _ = tile_geotransform(h, v, width)
    x1, y1 = x0 + pixel * width, y0 - pixel * height
    data_fields = "".join(
        f'\t\t\tOBJECT=DataField_{i + 1}\n\t\t\t\tDataFieldName="{name}"\n\t\t\t\tDataType={NUMBER_TYPES[a.dtype][1]}\n'
        f'\t\t\t\tDimList=("YDim","XDim")\n\t\t\tEND_OBJECT=DataField_{i + 1}\n'
        for i, (name, a, _) in enumerate(fields)
    )
    return (
        "GROUP=SwathStructure\nEND_GROUP=SwathStructure\nGROUP=GridStructure\n\tGROUP=GRID_1\n"
        f'\t\tGridName="{grid}"\n\t\tXDim={width}\n\t\tYDim={height}\n'
        f"\t\tUpperLeftPointMtrs=({x0:.6f},{y0:.6f})\n\t\tLowerRightMtrs=({x1:.6f},{y1:.6f})\n"
        f"\t\tProjection=GCTP_SNSOID\n\t\tProjParams=({SPHERE_RADIUS:.6f},0,0,0,0,0,0,0,0,0,0,0,0)\n"
        "\t\tSphereCode=-1\n\t\tGridOrigin=HDFE_GD_UL\n\t\tGROUP=Dimension\n\t\tEND_GROUP=Dimension\n"
        f"\t\tGROUP=DataField\n{data_fields}\t\tEND_GROUP=DataField\n"
        "\t\tGROUP=MergedFields\n\t\tEND_GROUP=MergedFields\n\tEND_GROUP=GRID_1\nEND_GROUP=GridStructure\n"
        "GROUP=PointStructure\nEND_GROUP=PointStructure\nEND\n"
    )


def write_granule(path: str, h: int, v: int, fields, grid: str = GRID) -> str:
    """fields: [(name, 2-D array, {attribute: value})], e.g. ("Lai_500m", lai, {"scale_factor": 0.1})."""
    height, width = fields[0][1].shape
    sd = SD.SD(path, SDC.WRITE | SDC.CREATE | SDC.TRUNC)
    sd.attr("HDFEOSVersion").set(SDC.CHAR8, "HDFEOS_V2.19")
    sd.attr("StructMetadata.0").set(SDC.CHAR8, struct_metadata(grid, width, height, h, v, fields))
    references = []
    for name, array, attributes in fields:
        number_type = NUMBER_TYPES[array.dtype][0]
        sds = sd.create(name, number_type, array.shape)
        sds.dim(0).setname(f"YDim:{grid}")
        sds.dim(1).setname(f"XDim:{grid}")
        sds[:] = array
        for key, value in attributes.items():
            if key in ("scale_factor", "add_offset"):
                sds.attr(key).set(SDC.FLOAT64, float(value))
            elif key == "valid_range":
                sds.attr(key).set(number_type, [int(value[0]), int(value[1])])
            elif key == "_FillValue":
                sds.attr(key).set(number_type, int(value))
            else:
                sds.attr(key).set(SDC.CHAR8, str(value))
        references.append(sds.ref())
        sds.endaccess()
    sd.end()

    hdf = HDF.HDF(path, HDF.HC.WRITE)
    vgroups = hdf.vgstart()
    grid_group = vgroups.create(grid)
    grid_group._class = "GRID"
    fields_group = vgroups.create("Data Fields")
    fields_group._class = "GRID Vgroup"
    for reference in references:
        fields_group.add(HDF.HC.DFTAG_NDG, reference)
    attributes_group = vgroups.create("Grid Attributes")
    attributes_group._class = "GRID Vgroup"
    grid_group.insert(fields_group)
    grid_group.insert(attributes_group)
    for group in (fields_group, attributes_group, grid_group):
        group.detach()
    vgroups.end()
    hdf.close()
    return path


def mcd15a2h_granule(path: str, h: int = 12, v: int = 3, size: int = 240, seed: int = 3) -> dict:
    """A granule with Fpar_500m, Lai_500m (x0.1, fill 255, 249-254 fill classes), FparLai_QC and FparExtra_QC
    (both fill 255); returns the arrays of LAI and both QC grids."""
    rng = np.random.default_rng(seed)
    lai = rng.integers(0, 70, (size, size)).astype(np.uint8)
    lai[rng.random((size, size)) < 0.05] = 255
    lai[rng.random((size, size)) < 0.03] = 250  # "barren" fill class
    qc = rng.integers(0, 256, (size, size)).astype(np.uint8)
    fpar = rng.integers(0, 100, (size, size)).astype(np.uint8)
    extra = rng.integers(0, 256, (size, size)).astype(np.uint8)
    write_granule(path, h, v, [
        ("Fpar_500m", fpar,
         {"scale_factor": 0.01, "_FillValue": 255, "valid_range": (0, 100)}),
        ("Lai_500m", lai, {"scale_factor": 0.1, "add_offset": 0.0, "_FillValue": 255, "valid_range": (0, 100),
                           "units": "m^2/m^2"}),
        ("FparLai_QC", qc, {"_FillValue": 255, "valid_range": (0, 254)}),
        ("FparExtra_QC", extra, {"_FillValue": 255}),
    ])
    return {"lai": lai, "qc": qc, "extra": extra}
