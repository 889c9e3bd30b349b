"""A rule as the list of raw QA values it keeps, and a list of raw QA values as the shortest readable rule.

Other tools (R, Earth Engine scripts, product guides) name good pixels by raw values, e.g. MOD15's
``0, 2, 24, 26, 32, 34, 56, 58``; this module turns such a list into a rule over the scheme's fields
and a rule back into its list, so either can be checked against the other.

Values are listed over the scheme's *domain*: every combination of its fields' values, each written
as the raw value with the bits of no field at 0 (a rule never reads those bits, so a value with them
set is kept exactly when the same value with them cleared is). Without such bits the domain is every
raw value 0 to 2^(last bit + 1) - 1. Lists stop at ``LIST_LIMIT`` combinations: a wider scheme is
listed over the fields the rule reads only (the other fields at 0), and a note says so.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from ..errors import LaiQaError
from ..messages import tr
from .rule import rule_for
from .rule_exports import EXPORTS
from .scheme import shorten

LIST_LIMIT = 1 << 24  # combinations of field values enumerated at most (16 MB of booleans)
_OTHER = -1  # the class of a wide field's values that no listed value holds
_EXPLICIT_BITS = 8  # fields this narrow have a class per value, so a test can name unlisted values


@dataclass(frozen=True, eq=False)
class KeptValues:
    """What a rule keeps: ``values`` sorted raw values (uint64); ``kept`` and ``dropped`` count the domain;
    ``complete`` unless the values are listed over the fields the rule reads only."""

    values: np.ndarray
    kept: int
    dropped: int
    notes: tuple = ()
    complete: bool = True


@dataclass(frozen=True)
class RuleFromValues:
    """The rule that keeps a value list; ``exact`` unless the list told apart bits that belong to no field,
    then ``added`` (listed by the rule, not given) and ``missed`` (given, not listed by the rule) say how far."""

    text: str
    exact: bool
    added: tuple = ()
    missed: tuple = ()
    notes: tuple = ()


def span(scheme) -> int:
    """How many raw values the scheme's bits span: 2^(last bit + 1)."""
    return 1 << scheme.bits_used


def _bits_text(bits) -> str:
    """``[4, 6, 7]`` -> ``'4, 6-7'``."""
    runs, start = [], None
    for index, bit in enumerate(bits):
        if start is None:
            start = bit
        if index + 1 == len(bits) or bits[index + 1] != bit + 1:
            runs.append(str(start) if start == bit else f"{start}-{bit}")
            start = None
    return ", ".join(runs)


def _free_bits(scheme) -> list:
    """Bits below the scheme's last bit that belong to no field."""
    owned = {bit for f in scheme.fields for bit in range(f.first_bit, f.last_bit + 1)}
    return [bit for bit in range(scheme.bits_used) if bit not in owned]


def _free_bits_note(scheme) -> tuple:
    free = _free_bits(scheme)
    if not free:
        return ()
    return (tr("Bit(s) {0} belong to no field: rules never read them, so the values are listed with them at 0, "
               "and each kept value is kept whatever those bits hold.").format(_bits_text(free)),)


def _grid(fields, axis_values) -> list:
    """Per field, its values shaped to broadcast along its own axis of the combination grid."""
    return [np.asarray(values, dtype=np.int64).reshape([-1 if i == axis else 1 for i in range(len(fields))])
            for axis, values in enumerate(axis_values)]


def _raw(fields, indices) -> np.ndarray:
    """Raw QA values of grid cells given per-axis value indices (the value is the index on a full axis)."""
    raw = np.zeros(len(indices[0]), dtype=np.uint64)
    for qa_field, values in zip(fields, indices):
        raw |= np.asarray(values, dtype=np.uint64) << np.uint64(qa_field.first_bit)
    return raw


def kept_values(scheme, rule) -> KeptValues:
    """The raw values ``rule`` keeps over the scheme's domain (see the module's docstring)."""
    fields, notes = list(scheme.fields), list(_free_bits_note(scheme))
    if 1 << sum(f.bit_count for f in fields) > LIST_LIMIT:
        fields = [f for f in scheme.fields if f.name in rule.fields]
        if 1 << sum(f.bit_count for f in fields) > LIST_LIMIT:
            raise LaiQaError(
                tr("The rule reads fields of {0} bits together; value lists stop at {1} bits ({2:,} values)")
                    .format(sum(f.bit_count for f in fields), LIST_LIMIT.bit_length() - 1, LIST_LIMIT))
        others = [f.name for f in scheme.fields if f not in fields]
        notes.append(tr("The scheme's fields hold more than {0:,} value combinations: values are listed over the "
                        "fields the rule reads, with {1} at 0 (the rule ignores them).").format(
            LIST_LIMIT, ", ".join(others)))
    shape = tuple(1 << f.bit_count for f in fields)
    axes = _grid(fields, [np.arange(n) for n in shape])
    keep = np.broadcast_to(rule.keep({f.name: axis for f, axis in zip(fields, axes)}), shape).reshape(
        shape or (1,))  # no field listed (the empty rule over a wide scheme): one cell, the value 0
    values = np.sort(_raw(fields, np.nonzero(keep))) if fields else np.zeros(int(keep[0]), dtype=np.uint64)
    domain = 1 << sum(f.bit_count for f in scheme.fields)
    kept = int(np.count_nonzero(keep)) * (domain >> sum(f.bit_count for f in fields))
    return KeptValues(values=values, kept=kept, dropped=domain - kept, notes=tuple(notes),
                      complete=len(fields) == len(scheme.fields))


_VALUE = re.compile(r"-?(?:0[xX][0-9a-fA-F]+|0[bB][01]+|[0-9]+)")


def parse_value_list(text: str, scheme) -> list:
    """Raw QA values from text as people paste them: ``0, 2, 24``, ``0 2 24``, R's ``c(0L, 2L)``, ``[0, 2]``.

    Every value must be a whole number from 0 to the scheme's span - 1; duplicates are kept once.
    """
    body = (text or "").strip()
    wrapped = re.fullmatch(r"(?:c\s*\(|\[|\()(.*)[\])]", body, flags=re.DOTALL)
    if wrapped:
        body = wrapped[1]
    tokens = [token for token in re.split(r"[,;\s]+", body) if token]
    if not tokens:
        raise LaiQaError(tr("The value list is empty: give raw QA values such as 0, 2, 24"))
    values = []
    for token in tokens:
        number = token[:-1] if token[-1:] in ("L", "l") and len(token) > 1 else token  # R's 2L
        if not _VALUE.fullmatch(number):
            raise LaiQaError(tr("'{0}' in the value list is not a whole number").format(shorten(token)))
        digits = number.lstrip("-")
        if len(digits) > 30:  # far beyond any QA word; int() must not read 5,000 digits
            raise LaiQaError(tr("QA value {0} is beyond the scheme's span ({1} bits: 0-{2})")
                                 .format(shorten(token), scheme.bits_used, span(scheme) - 1))
        values.append(int(number, 0) if not number.startswith("-") else -int(digits, 0))
    check_values(values, scheme)
    return sorted(set(values))


def check_values(values, scheme) -> None:
    """Refuse negative values and values beyond the scheme's span, naming the first such value."""
    for value in values:
        if value < 0:
            raise LaiQaError(tr("QA value {0} is negative: QA values are bit patterns, 0 or more").format(value))
        if value >= span(scheme):
            raise LaiQaError(tr("QA value {0} is beyond the scheme's span ({1} bits: 0-{2})")
                                 .format(value, scheme.bits_used, span(scheme) - 1))


def rule_from_values(scheme, values) -> RuleFromValues:
    """The shortest readable rule we find that keeps exactly ``values`` over the scheme's domain.

    Each field's values become classes (every value of a field up to 8 bits; of a wider field the listed
    values and one class for the rest); classes that keep alike merge; the kept cells are covered by few
    products (per field: any value, ``==``, ``in``, ``!=``, ``not in`` or a range), and so are the dropped
    ones, written ``not (...)``; fewest tests win (see _shortest_rule). The result is parsed back and
    checked to keep exactly the list.
    """
    if not isinstance(values, np.ndarray):
        values = [int(v) for v in values]
        if not values:
            raise LaiQaError(tr("The value list is empty: give raw QA values such as 0, 2, 24"))
        check_values([min(values), max(values)], scheme)
    raw = np.unique(np.asarray(values, dtype=np.uint64))
    if not raw.size:
        raise LaiQaError(tr("The value list is empty: give raw QA values such as 0, 2, 24"))
    fields = list(scheme.fields)
    classes = []  # per field: its values, or for a wide field the listed ones and _OTHER for the rest
    for qa_field in fields:
        if qa_field.bit_count <= _EXPLICIT_BITS:
            classes.append(list(range(qa_field.max_value + 1)))
            continue
        listed = np.unique((raw >> np.uint64(qa_field.first_bit)) & np.uint64(qa_field.max_value)).tolist()
        classes.append(listed + ([_OTHER] if len(listed) <= qa_field.max_value else []))
    if np.prod([float(len(c)) for c in classes]) > LIST_LIMIT:
        raise LaiQaError(tr("The value list spreads over more than {0:,} combinations of field values; give fewer "
                            "values").format(LIST_LIMIT))
    grid = np.zeros(tuple(len(c) for c in classes), dtype=bool)
    grid[tuple(np.searchsorted(np.array([v for v in c if v != _OTHER], dtype=np.uint64),
                               (raw >> np.uint64(f.first_bit)) & np.uint64(f.max_value))
               for f, c in zip(fields, classes))] = True
    text = _shortest_rule(fields, classes, grid)
    _check_round_trip(scheme, fields, classes, grid, text)
    notes = list(_free_bits_note(scheme))
    free_mask = np.uint64(sum(1 << bit for bit in _free_bits(scheme)))
    listed_by_rule = np.union1d(raw[(raw & free_mask) == 0], raw & ~free_mask)
    added = tuple(np.setdiff1d(listed_by_rule, raw).tolist())
    missed = tuple(np.setdiff1d(raw, listed_by_rule).tolist())
    if missed:
        notes.append(tr("Values {0} set bits of no field; a rule cannot tell them from the same values with those "
                        "bits at 0.").format(format_values(missed, 10)))
    return RuleFromValues(text=text, exact=not (added or missed), added=added, missed=missed, notes=tuple(notes))


def _merge_alike(grid):
    """Per axis, classes whose slices are equal keep alike: one representative each, with its group."""
    groups = []
    for axis in range(grid.ndim):
        slices = np.moveaxis(grid, axis, 0).reshape(grid.shape[axis], -1)
        by_pattern = {}
        for index in range(grid.shape[axis]):
            by_pattern.setdefault(slices[index].tobytes(), []).append(index)
        group_list = list(by_pattern.values())
        grid = np.take(grid, [group[0] for group in group_list], axis=axis)
        groups.append(group_list)
    return grid, groups


def _cover(grid) -> list:
    """Products (one boolean mask per axis) whose union is exactly the grid's True cells: grow each
    product from an uncovered cell as far as it stays inside, axis by axis, for several axis orders;
    drop products the others cover; keep the fewest products, then the fewest constrained axes."""
    axes = list(range(grid.ndim))
    orders = [axes, axes[::-1]] + ([[a] + [b for b in axes if b != a] for a in axes] if grid.size <= 4096 else [])
    best, best_key = None, None
    for order in orders:
        cubes = _irredundant(grid, _grow(grid, order))
        key = (len(cubes), sum(int(not mask.all()) for cube in cubes for mask in cube))
        if best_key is None or key < best_key:
            best, best_key = cubes, key
    return best


def _cells(cube):
    return np.ix_(*[np.flatnonzero(mask) for mask in cube])


def _grow(grid, order) -> list:
    uncovered, cubes = grid.copy(), []
    while True:
        flat = np.flatnonzero(uncovered)
        if not flat.size:
            return cubes
        seed = np.unravel_index(flat[0], grid.shape)
        cube = [np.arange(n) == seed[axis] for axis, n in enumerate(grid.shape)]
        for axis in order:
            for index in range(grid.shape[axis]):
                if cube[axis][index]:
                    continue
                cube[axis][index] = True
                if not grid[_cells(cube)].all():
                    cube[axis][index] = False
        cubes.append(cube)
        uncovered[_cells(cube)] = False


def _irredundant(grid, cubes) -> list:
    count = np.zeros(grid.shape, dtype=np.int64)
    for cube in cubes:
        count[_cells(cube)] += 1
    kept = []
    for cube in sorted(cubes, key=lambda c: int(np.prod([m.sum() for m in c]))):
        cells = _cells(cube)
        if (count[cells] > 1).all():
            count[cells] -= 1
        else:
            kept.append(cube)
    return kept


def _shortest_rule(fields, classes, grid) -> str:
    """The cover of the kept cells or ``not (cover of the dropped cells)``: fewest tests first, then
    without ``not``, then fewest terms, then the shortest text."""
    if grid.all():
        return ""
    reduced, groups = _merge_alike(grid)
    candidates = []
    for keep, negate in ((reduced, False), (~reduced, True)):
        if not keep.any():
            continue
        cubes = sorted(_cover(keep), key=lambda cube: [bool(mask.all()) for mask in cube])  # field order
        terms = [_conjunction(fields, classes, groups, cube) for cube in cubes]
        text = terms[0] if len(terms) == 1 else " or ".join(f"({t})" if " and " in t else t for t in terms)
        if negate:
            text = f"not ({text})"
        tests = sum(term.count(" and ") + 1 for term in terms)
        candidates.append((tests, negate, len(terms), len(text), text))
    return min(candidates)[-1]


def _conjunction(fields, classes, groups, cube) -> str:
    tests = []
    for qa_field, field_classes, field_groups, mask in zip(fields, classes, groups, cube):
        chosen = {field_classes[i] for group, on in zip(field_groups, mask) if on for i in group}
        if len(chosen) < len(field_classes):
            tests.append(_test(qa_field, field_classes, chosen))
    return " and ".join(tests) if tests else ""


def _test(qa_field, field_classes, chosen) -> str:
    """The shortest readable test of one field that holds exactly the chosen classes."""
    explicit = [c for c in field_classes if c != _OTHER]
    name = qa_field.name

    def word(value):
        return qa_field.labels.get(value, str(value))

    def listed(values):
        return "(" + ", ".join(word(v) for v in values) + ")"

    kept = sorted(c for c in chosen if c != _OTHER)
    excluded = sorted(c for c in explicit if c not in chosen)
    # (values written, 1 for a range, 1 for a negation, text): a range or a negation only where it
    # writes fewer values
    candidates = []
    if _OTHER not in chosen:  # the field's value is one of ``kept``
        candidates.append((len(kept), 0, 0, f"{name} == {word(kept[0])}" if len(kept) == 1
                           else f"{name} in {listed(kept)}"))
    if _OTHER in chosen or _OTHER not in field_classes:  # the field's value is anything but ``excluded``
        candidates.append((len(excluded), 0, 1, f"{name} != {word(excluded[0])}" if len(excluded) == 1
                           else f"{name} not in {listed(excluded)}"))
    # a range reads better than a list of numbers, worse than a list of labels
    if any(v not in qa_field.labels for v in kept) and _OTHER not in chosen and kept == list(range(kept[-1] + 1)):
        candidates.append((1, 1, 0, f"{name} <= {kept[-1]}"))
    if any(v not in qa_field.labels for v in excluded) and excluded == list(range(excluded[-1] + 1)) and (
            _OTHER in chosen or _OTHER not in field_classes):
        candidates.append((1, 1, 0, f"{name} >= {excluded[-1] + 1}"))
    return min(candidates, key=lambda c: (*c[:3], len(c[3])))[3]


def _check_round_trip(scheme, fields, classes, grid, text) -> None:
    """The rule parses and keeps exactly the grid's cells (a class _OTHER stands for its smallest value)."""
    representatives = []
    for field_classes in classes:
        explicit = set(field_classes) - {_OTHER}
        other = next(v for v in range(len(field_classes)) if v not in explicit) if _OTHER in field_classes else None
        representatives.append([other if c == _OTHER else c for c in field_classes])
    axes = _grid(fields, representatives)
    keep = np.broadcast_to(rule_for(scheme, text).keep({f.name: a for f, a in zip(fields, axes)}), grid.shape)
    if not np.array_equal(keep, grid):
        raise AssertionError(f"rule '{text}' does not keep the value list")



def format_values(values, limit: int | None = None) -> str:
    """``0, 2, 24`` — the first ``limit`` values then ``, … (N values)`` when there are more."""
    values = [int(v) for v in (values if limit is None else values[:limit + 1])]
    if limit is not None and len(values) > limit:
        return ", ".join(map(str, values[:limit])) + ", …"
    return ", ".join(map(str, values))


@dataclass(frozen=True, eq=False)
class Explanation:
    """A rule (given, the scheme's default, or made from a value list), what it keeps, and its exports;
    ``from_values`` is the rule made from the value list, or for a rule the shortest one we find that keeps
    the same values (None where it keeps no value, or its values are not listed over every field)."""

    rule: object
    kept: KeptValues
    from_values: RuleFromValues | None
    exports: dict


def explain(scheme, rule_text: str | None = None, values_text: str | None = None) -> Explanation:
    """The front ends' one call: a rule text (None = the scheme's default) or a value list, not both."""
    from_values = None
    if values_text is not None and values_text.strip():
        if rule_text is not None and rule_text.strip():
            raise LaiQaError(tr("Give a rule or a list of QA values, not both"))
        from_values = rule_from_values(scheme, parse_value_list(values_text, scheme))
        rule_text = from_values.text
    rule = rule_for(scheme, rule_text)
    kept = kept_values(scheme, rule)
    if from_values is None and kept.complete and kept.values.size:
        from_values = rule_from_values(scheme, kept.values)
    return Explanation(rule=rule, kept=kept, from_values=from_values,
                       exports={name: export(scheme, rule) for name, export in EXPORTS.items()})
