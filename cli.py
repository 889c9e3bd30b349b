"""``python3 -m laiqa``: the algorithms without QGIS, for scripts and cluster jobs.

Subcommands and options carry the Processing parameters' names (``PRODUCT_FOLDER`` is
``--product-folder``) and write the same outputs. Exit codes: 0 done, 1 some pairs of a batch
failed, 2 refused (bad arguments or inputs; one line on stderr), 130 interrupted.
This module imports the core only: it runs where QGIS is not installed.
"""
from __future__ import annotations

import argparse
import sys

from .core.alignment import RESAMPLING
from .core.errors import Cancelled, LaiQaError
from .core.executors import EXECUTORS
from .core.inputs import (
    BufferSpec,
    DifferenceSettings,
    EncodingOverrides,
    LaiSpec,
    OutputSpec,
    QaInput,
    QaLayerSpec,
    QaSpec,
    RasterInput,
)
from .core.lai_encoding import LAI_PRESETS, parse_fill_values
from .core.pairing import DEFAULT_KEY_PATTERN
from .core.progress import Progress
from .core.qa.rule import rule_for
from .core.qa.scheme import PRESET_IDS, load_preset, rows_from_flat, scheme_from_table
from .core.qa.scheme_files import read_scheme_file
from .core.strata import STRATA_PRESETS, StrataInput, parse_strata_labels
from .core.writers import split_creation_options

DONE, PAIRS_FAILED, REFUSED, INTERRUPTED = 0, 1, 2, 130
SAMPLE_POINTS = 20000  # as laiqa:maskeddifference


class Refused(Exception):
    """A bad argument: one line on stderr, exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse prints usage and exits; we want one line
        raise Refused(message)


def _choice(names):
    """An enum option that takes a name or its Processing index (``--scheme 1`` = ``--scheme mod15_fparlai_qc``)."""
    def parse(text):
        if text.isdigit() and int(text) < len(names):
            return names[int(text)]
        if text in names:
            return text
        raise argparse.ArgumentTypeError(f"'{text}' is none of {', '.join(names)} (or their index 0-{len(names) - 1})")

    return parse


def _add_scheme(parser, default_band):
    parser.add_argument("--band", type=int, default=default_band, help="QA band (default %(default)s)")
    _add_scheme_choice(parser)


def _add_scheme_choice(parser):
    scheme = parser.add_mutually_exclusive_group()
    scheme.add_argument("--scheme", type=_choice(PRESET_IDS), default=PRESET_IDS[0],
                        help=f"QA preset: {', '.join(PRESET_IDS)} or its index (default %(default)s)")
    scheme.add_argument("--custom-fields", metavar="NAME,FIRST_BIT,BIT_COUNT,LABELS[,…]",
                        help="a custom scheme as qgis_process's CUSTOM_FIELDS, e.g. algorithm,2,2,0=DRT;1=ECO")
    scheme.add_argument("--scheme-file", metavar="FILE[#NAME]",
                        help="a QA scheme file: STAC classification:bitfields JSON, unpackqa YAML or the presets' "
                             "JSON; #NAME picks an asset, band or product where the file holds several")


def _extra_qa(text):
    """``--extra-qa SCHEME[:GRID[:BAND[:PATH]]]``: one more QA layer (PATH last, it may hold colons)."""
    scheme, grid, band, path = [*text.split(":", 3), "", "", ""][:4]
    if band and not (band.isdigit() and int(band) >= 1):
        raise argparse.ArgumentTypeError(f"'{text}': the band must be a whole number from 1, got '{band}'")
    return QaLayerSpec(load_preset(_choice(PRESET_IDS)(scheme)), int(band) if band else 1, grid or None, path or None)


def _add_extra_qa(parser):
    parser.add_argument("--extra-qa", type=_extra_qa, action="append", default=[],
                        metavar="SCHEME[:GRID[:BAND[:PATH]]]",
                        help="one more QA layer under the same rule, e.g. mod15_fparextra_qc (its grid in the QA "
                             "file); repeatable. Rules name its fields LAYER.FIELD (FparExtra_QC.SNOW_ICE), or FIELD "
                             "alone where no other layer has one of that name")


def _add_rule(parser):
    parser.add_argument("--rule", help="QA keep rule, e.g. 'quality != 3 and algorithm in (DRT, ECO)' "
                                       "(default: the scheme's default rule; '' keeps every pixel)")
    parser.add_argument("--buffer", type=int, default=0, help="also drop pixels within this many pixels of a flagged "
                                                              "one (default 0: no buffer)")
    parser.add_argument("--buffer-rule", help="the flagged pixels, e.g. 'cloud_state != clear' (default: the pixels "
                                              "the rule drops)")


def _add_lai(parser, side, default_preset, with_raster):
    flag = f"--{side}"
    if with_raster:
        parser.add_argument(flag, required=True, help=f"{side} LAI raster (any GDAL dataset name)")
    parser.add_argument(f"{flag}-band", type=int, default=1)
    parser.add_argument(f"{flag}-preset", type=_choice([preset.id for preset in LAI_PRESETS]),
                        default=LAI_PRESETS[default_preset].id,
                        help=f"{', '.join(preset.id for preset in LAI_PRESETS)} (default %(default)s)")
    for name in ("scale", "offset", "valid-min", "valid-max"):
        parser.add_argument(f"{flag}-{name}", type=float, help="empty: from the file or the preset")
    parser.add_argument(f"{flag}-fill", help="fill values, stored units, comma separated")
    if not with_raster:
        parser.add_argument(f"{flag}-subdataset", help="grid name in HDF containers (e.g. Lai_500m)")


def _add_difference_settings(parser):
    _add_scheme(parser, default_band=2)
    _add_extra_qa(parser)
    _add_rule(parser)
    parser.add_argument("--split-field", default="algorithm", help="QA field to split by ('' = no split)")
    parser.add_argument("--resampling", type=_choice(RESAMPLING), default="auto")
    parser.add_argument("--deming-lambda", type=float, help="error variance of the product / of the reference "
                                                            "(default: no Deming line)")
    parser.add_argument("--creation-options", help="GDAL creation options KEY=VALUE|KEY=VALUE")
    parser.add_argument("--strata", help="a class raster splitting the statistics by stratum (e.g. MCD12Q1 LC_Type3)")
    parser.add_argument("--strata-band", type=int, default=1)
    parser.add_argument("--strata-preset", type=_choice([preset[0] for preset in STRATA_PRESETS]),
                        default=STRATA_PRESETS[0][0],
                        help=f"{', '.join(preset[0] for preset in STRATA_PRESETS)} (default %(default)s)")
    parser.add_argument("--strata-labels", help="names of the strata values, e.g. '1=Grasslands;2=Shrublands'")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python3 -m laiqa", description="LAI QA Toolkit without QGIS: the same algorithms and "
                     "outputs as the Processing provider.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    decode = commands.add_parser("decode", help="laiqa:decodeqabits: one band per QA bit field")
    decode.add_argument("--input", required=True)
    _add_scheme(decode, default_band=1)
    decode.add_argument("--output", required=True)
    decode.add_argument("--creation-options")

    mask = commands.add_parser("mask", help="laiqa:qamask: a keep-mask from a rule (1 keep, 0 drop, 255 nodata)")
    mask.add_argument("--input", required=True)
    _add_scheme(mask, default_band=1)
    _add_extra_qa(mask)
    _add_rule(mask)
    mask.add_argument("--output", required=True)
    mask.add_argument("--creation-options")

    explain = commands.add_parser("explain", help="laiqa:explainrule: the raw QA values a rule keeps, or the rule "
                                                  "that keeps a list of raw values, and the rule for other tools")
    _add_scheme_choice(explain)
    given = explain.add_mutually_exclusive_group()
    given.add_argument("--rule", help="QA keep rule (default: the scheme's default rule)")
    given.add_argument("--values", help="raw QA values to turn into a rule, e.g. '0, 2, 24' or 'c(0, 2, 24)'")

    difference = commands.add_parser("difference", help="laiqa:maskeddifference: product - reference, QA-masked")
    _add_lai(difference, "product", 0, with_raster=True)
    difference.add_argument("--qa", help="QA raster (default: the product raster)")
    _add_difference_settings(difference)
    _add_lai(difference, "reference", 1, with_raster=True)
    difference.add_argument("--output", required=True)
    difference.add_argument("--output-stats", help="statistics per class (CSV)")
    difference.add_argument("--output-completeness", help="per class: pixels kept and why the others were not (CSV)")
    difference.add_argument("--class-folder")
    difference.add_argument("--output-sample", help="sample of kept pixels for plots (CSV)")
    difference.add_argument("--output-strata", help="statistics per stratum and class (CSV; with --strata)")
    difference.add_argument("--output-density", help="exact density of product against reference LAI (numpy .npz)")
    difference.add_argument("--output-report", help="a self-contained HTML report (tables, figures, provenance)")
    difference.add_argument("--cog", action="store_true")

    batch = commands.add_parser("batch", help="laiqa:batchcompare: folders of tiles, pair by pair")
    batch.add_argument("--product-folder", required=True)
    batch.add_argument("--reference-folder", required=True)
    batch.add_argument("--product-pattern", default="*.tif")
    batch.add_argument("--reference-pattern", default="*.hdf")
    batch.add_argument("--recursive", action="store_true")
    batch.add_argument("--key-pattern", default=DEFAULT_KEY_PATTERN)
    _add_lai(batch, "product", 0, with_raster=False)
    _add_difference_settings(batch)
    batch.add_argument("--qa-subdataset", help="QA grid name in HDF containers (e.g. FparLai_QC)")
    _add_lai(batch, "reference", 1, with_raster=False)
    batch.add_argument("--output-folder", required=True)
    batch.add_argument("--workers", type=int, default=0, help="pairs at a time (0 = one per core)")
    batch.add_argument("--executor", type=_choice(EXECUTORS), default="threads")
    batch.add_argument("--scheduler", help="Dask scheduler address, e.g. tcp://host:8786 (default: a local cluster)")
    batch.add_argument("--overwrite", action="store_true")
    batch.add_argument("--class-folders", action="store_true")
    batch.add_argument("--density", action="store_true", help="count the exact density per pair and pooled")
    batch.add_argument("--output-report", help="a self-contained HTML report of the batch (with --density: the "
                                               "density scatter)")
    return parser


def _scheme(args, log):
    if args.custom_fields:
        return scheme_from_table(rows_from_flat(args.custom_fields.split(",")))
    if args.scheme_file:
        loaded = read_scheme_file(args.scheme_file)
        if loaded.note:
            log(loaded.note)
        return loaded.scheme
    return load_preset(args.scheme)


def _warn(log, warnings):
    for warning in warnings:
        log(f"warning: {warning}")


def _creation_options(text):
    options, malformed = split_creation_options(text)
    if malformed:
        raise Refused(f"--creation-options: '{malformed[0]}' is not KEY=VALUE (separate options with |)")
    return options


def _lai_spec(args, side) -> LaiSpec:
    overrides = EncodingOverrides(
        scale=getattr(args, f"{side}_scale"), offset=getattr(args, f"{side}_offset"),
        valid_min=getattr(args, f"{side}_valid_min"), valid_max=getattr(args, f"{side}_valid_max"),
        fill_values=parse_fill_values(getattr(args, f"{side}_fill") or ""))
    return LaiSpec(getattr(args, f"{side}_band"), getattr(args, f"{side}_subdataset", None),
                   getattr(args, f"{side}_preset"), overrides)


def _settings(args, sample_points=0, density=False) -> DifferenceSettings:
    return DifferenceSettings(args.rule, args.split_field.strip(), args.resampling, sample_points,
                              args.deming_lambda, density, BufferSpec(args.buffer, args.buffer_rule))


def _strata(args):
    if not args.strata:
        return None
    return StrataInput(RasterInput(args.strata, args.strata_band), parse_strata_labels(args.strata_labels or ""),
                       args.strata_preset)


def _terminal_progress(label):
    """A percentage on stderr when it is a terminal; silent in cluster job logs."""
    if not sys.stderr.isatty():
        return Progress()

    def show(fraction):
        sys.stderr.write(f"\r{label} {fraction:6.1%}")
        sys.stderr.flush()

    return Progress(show)


def _decode(args, log):
    from .core.qa_rasters import decode_qa_raster

    qa = QaInput(RasterInput(args.input, args.band), _scheme(args, log))
    summary = decode_qa_raster(qa, OutputSpec(args.output, _creation_options(args.creation_options)),
                               _terminal_progress("decode"))
    for note in summary.notes:
        log(note)
    _warn(log, summary.warnings)
    for name, counts in summary.value_counts.items():
        log(f"{name}: " + ", ".join(f"{value}={count}" for value, count in counts.items()))
    return DONE


def _mask(args, log):
    from .core.qa_rasters import qa_mask_raster

    qa = QaSpec(_scheme(args, log), args.band, extra=tuple(args.extra_qa)).at(args.input)
    summary = qa_mask_raster(qa, rule_for(qa.rule_scheme, args.rule),
                             OutputSpec(args.output, _creation_options(args.creation_options)),
                             _terminal_progress("mask"), BufferSpec(args.buffer, args.buffer_rule))
    _warn(log, summary.warnings)
    log(f"Kept {summary.kept} of {summary.valid} pixels with QA ({summary.kept_fraction:.2%})")
    return DONE


def _explain(args, log):
    from .core.qa.value_lists import explain, format_values

    explanation = explain(_scheme(args, log), args.rule, args.values)
    kept, from_values = explanation.kept, explanation.from_values
    for note in kept.notes + (from_values.notes if from_values else ()):
        log(f"note: {note}")
    if args.values is not None and not from_values.exact:
        log(f"note: no rule over the scheme's fields keeps exactly these values; the closest adds "
            f"{format_values(from_values.added, 10) or '-'} and misses {format_values(from_values.missed, 10) or '-'}")
    log(f"RULE: {explanation.rule.text}")
    log(f"KEPT_VALUES: {format_values(kept.values)}")
    log(f"KEPT_COUNT: {kept.kept}")
    log(f"DROPPED_COUNT: {kept.dropped}")
    log(f"RULE_FROM_VALUES: {from_values.text if from_values else ''}")
    for name, text in explanation.exports.items():
        log(f"{name}: {text}")
    return DONE


def _difference(args, log):
    from .core.difference import masked_difference
    from .core.provenance import sidecar_path, write_provenance
    from .core.stats import (
        COLUMNS,
        COMPLETENESS_COLUMNS,
        STRATA_COLUMNS,
        format_completeness,
        format_row,
        write_sample_csv,
        write_table_csv,
    )

    product = _lai_spec(args, "product").at(args.product)
    scheme = _scheme(args, log)
    result = masked_difference(
        product, _lai_spec(args, "reference").at(args.reference),
        QaSpec(scheme, args.band, extra=tuple(args.extra_qa)).at(args.qa or args.product),
        _settings(args, SAMPLE_POINTS if args.output_sample else 0, bool(args.output_density or args.output_report)),
        OutputSpec(args.output, _creation_options(args.creation_options), args.cog, args.class_folder),
        _terminal_progress("difference"), strata=_strata(args))
    for line in [*result.notes, *map(format_row, result.rows)]:
        log(line)
    _warn(log, result.warnings)
    for line in map(format_completeness, result.completeness):
        log(line)
    for path, rows, columns in ((args.output_stats, result.rows, COLUMNS),
                                (args.output_completeness, result.completeness, COMPLETENESS_COLUMNS),
                                (args.output_strata if args.strata else None, result.strata_rows, STRATA_COLUMNS)):
        if path:
            write_table_csv(path, rows, columns)
            write_provenance(sidecar_path(path), result.provenance)
    if args.output_sample:
        write_sample_csv(args.output_sample, result.sample)
    if args.output_density:
        result.density.save(args.output_density)
    if args.output_report:
        from .core.report import difference_report

        difference_report(args.output_report, rows=result.rows, completeness=result.completeness,
                          provenance=result.provenance, density=result.density.as_written(),
                          strata_rows=result.strata_rows, band_names=result.band_names,
                          sums=result.accumulator.sums)
    return DONE


def _batch_layers(args) -> tuple:
    """The extra QA layers of a batch: each read from every product file, so none names a file."""
    for layer in args.extra_qa:
        if layer.source:
            raise Refused(f"--extra-qa {layer.scheme.id}: in a batch every QA layer is read from each product file; "
                          f"give no PATH")
    return tuple(args.extra_qa)


def _batch(args, log):
    from .core.batch import BatchRequest, run_batch
    from .core.stats import format_row

    request = BatchRequest(
        args.product_folder, args.reference_folder, args.output_folder, _lai_spec(args, "product"),
        _lai_spec(args, "reference"), QaSpec(_scheme(args, log), args.band, args.qa_subdataset, _batch_layers(args)),
        _settings(args, density=args.density), strata=_strata(args),
        product_pattern=args.product_pattern, reference_pattern=args.reference_pattern, recursive=args.recursive,
        key_pattern=args.key_pattern, workers=args.workers, executor=args.executor, scheduler=args.scheduler,
        overwrite=args.overwrite, class_folders=args.class_folders,
        creation_options=_creation_options(args.creation_options))
    result = run_batch(request, _terminal_progress("pairs"), log, warn=lambda line: log(f"warning: {line}"))
    log("Pooled over all pairs:")
    for row in result.pooled_rows:
        log(format_row(row))
    if args.output_report:
        from .core.density import read_density_file
        from .core.report import batch_report

        batch_report(args.output_report, result, density=read_density_file(result.density) if result.density else None,
                     strata_rows=result.strata_rows)
    log(f"{len(result.pairs)} pairs, {result.failed} failed; summary: {result.summary_csv}")
    return PAIRS_FAILED if result.failed else DONE


COMMANDS = {"decode": _decode, "mask": _mask, "explain": _explain, "difference": _difference, "batch": _batch}


def main(argv=None) -> int:
    def log(line):
        print(line, flush=True)

    try:
        args = build_parser().parse_args(argv)
        _own_process_settings()
        return COMMANDS[args.command](args, log)
    except (Refused, LaiQaError) as error:
        print(f"laiqa: error: {error}", file=sys.stderr)
        return REFUSED
    except (Cancelled, KeyboardInterrupt):
        print("laiqa: interrupted; complete outputs are kept, nothing partial is left", file=sys.stderr)
        return INTERRUPTED


def _own_process_settings():
    """This process is ours, not QGIS's: GDAL's exceptions on (GDAL 4's default; GDAL 3.10 warns on stderr
    while neither mode was chosen), and glibc keeps freed window arrays (core.pipeline.keep_freed_memory)."""
    from osgeo import gdal

    from .core.pipeline import keep_freed_memory

    gdal.UseExceptions()
    keep_freed_memory()


if __name__ == "__main__":
    sys.exit(main())
