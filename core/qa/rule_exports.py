"""A parsed rule written for other tools: Earth Engine (JavaScript, Python), numpy, gdal_calc.py and the
QGIS raster calculator, so a mask made here can be remade there and give the same pixels.

Each export walks the rule's tree (rule.py) with one small dialect per tool. A field is extracted by
shift and mask where the tool has them; the QGIS raster calculator (3.22 and later) has neither bitwise
operators nor floor or modulo, so there bit ``b`` of ``x`` is ``sin(pi * (x + 0.5) / 2^b) < 0`` — the sine
is negative exactly where ``floor(x / 2^b)`` is odd, and ``x + 0.5`` keeps it far from zero (exact for
QA words up to 32 bits, signed or not).
"""
from __future__ import annotations

from .rule import And, Compare, Member, Not, Or

_PI = "3.141592653589793"
_EE_OPS = {"==": "eq", "!=": "neq", "<": "lt", "<=": "lte", ">": "gt", ">=": "gte"}


class _Numpy:
    """numpy operators on an integer array ``name``: ``((qa >> 3) & 3) == 2`` joined with ``& | ~``."""

    def __init__(self, name):
        self.name = name

    def field(self, qa_field):
        if qa_field.first_bit == 0:
            return f"({self.name} & {qa_field.max_value})"
        return f"(({self.name} >> {qa_field.first_bit}) & {qa_field.max_value})"

    def compare(self, value_text, op, value):
        return f"({value_text} {op} {value})"

    def chain(self, operands, joiner):
        return "(" + f" {'&' if joiner == 'and' else '|'} ".join(operands) + ")"

    def negate(self, operand):
        return f"~{operand}"

    def everything(self):
        return f"({self.name} == {self.name})"


class _EarthEngine:
    """ee.Image methods: ``qa.bitwiseAnd(24).rightShift(3).eq(2)`` chained with and/or/not (And/Or/Not in Python)."""

    def __init__(self, name, python):
        self.name = name
        self.words = ("And", "Or", "Not") if python else ("and", "or", "not")

    def field(self, qa_field):
        mask = qa_field.max_value << qa_field.first_bit
        shift = f".rightShift({qa_field.first_bit})" if qa_field.first_bit else ""
        return f"{self.name}.bitwiseAnd({mask}){shift}"

    def compare(self, value_text, op, value):
        return f"{value_text}.{_EE_OPS[op]}({value})"

    def chain(self, operands, joiner):
        # Method calls apply left to right, so a.or(b).and(c) is (a or b) and c: no parentheses needed.
        word = self.words[0] if joiner == "and" else self.words[1]
        return operands[0] + "".join(f".{word}({operand})" for operand in operands[1:])

    def negate(self, operand):
        return f"{operand}.{self.words[2]}()"

    def everything(self):
        return f"{self.name}.eq({self.name})"


class _QgisRasterCalculator:
    """QGIS raster calculator: fields as sums of bits, each bit a sign of a sine (see the module's docstring)."""

    def __init__(self, reference):
        self.reference = reference

    def bit(self, bit):
        divisor = f" / {1 << bit}" if bit else ""
        return f"(sin({_PI} * ({self.reference} + 0.5){divisor}) < 0)"

    def field(self, qa_field):
        bits = [self.bit(qa_field.first_bit + i) if i == 0 else f"{1 << i} * {self.bit(qa_field.first_bit + i)}"
                for i in range(qa_field.bit_count)]
        return bits[0] if len(bits) == 1 else "(" + " + ".join(bits) + ")"

    def compare(self, value_text, op, value):
        return f"({value_text} {'=' if op == '==' else op} {value})"

    def chain(self, operands, joiner):
        return "(" + f" {joiner.upper()} ".join(operands) + ")"

    def negate(self, operand):
        return f"({operand} = 0)"

    def everything(self):
        return f"({self.reference} = {self.reference})"


def _render(node, scheme, dialect) -> str:
    """The node in the dialect; ``in`` lists become chains of ``==`` (``!=`` for ``not in``), which every tool has."""
    if node is None:
        return dialect.everything()
    if isinstance(node, Compare):
        return dialect.compare(dialect.field(scheme.field(node.field)), node.op, node.value)
    if isinstance(node, Member):
        value_text = dialect.field(scheme.field(node.field))
        op = "!=" if node.negate else "=="
        tests = [dialect.compare(value_text, op, value) for value in node.values]
        return tests[0] if len(tests) == 1 else dialect.chain(tests, "and" if node.negate else "or")
    if isinstance(node, Not):
        return dialect.negate(_render(node.operand, scheme, dialect))
    if not isinstance(node, (And, Or)):
        raise TypeError(f"not a rule node: {node!r}")
    joiner = "and" if isinstance(node, And) else "or"
    return dialect.chain([_render(operand, scheme, dialect) for operand in node.operands], joiner)


def numpy_expression(scheme, rule, name: str = "qa") -> str:
    """A numpy boolean expression of the integer array ``name``."""
    return _render(rule.tree, scheme, _Numpy(name))


def gdal_calc_expression(scheme, rule) -> str:
    """The ``--calc`` of gdal_calc.py with the QA band as ``-A`` (numpy syntax; 1 keep, 0 drop)."""
    return _render(rule.tree, scheme, _Numpy("A"))


def earth_engine_javascript(scheme, rule, name: str = "qa") -> str:
    """An Earth Engine JavaScript expression of the ee.Image ``name`` (1 keep, 0 drop)."""
    return _render(rule.tree, scheme, _EarthEngine(name, python=False))


def earth_engine_python(scheme, rule, name: str = "qa") -> str:
    """The same for the Earth Engine Python API (``And``/``Or``/``Not``)."""
    return _render(rule.tree, scheme, _EarthEngine(name, python=True))


def qgis_raster_calculator(scheme, rule, reference: str = '"qa@1"') -> str:
    """A QGIS raster calculator expression of the band ``reference`` (1 keep, 0 drop)."""
    return _render(rule.tree, scheme, _QgisRasterCalculator(reference))


EXPORTS = {  # output name -> function(scheme, rule): what front ends list, in this order
    "EE_JS": earth_engine_javascript,
    "EE_PYTHON": earth_engine_python,
    "NUMPY": numpy_expression,
    "GDAL_CALC": gdal_calc_expression,
    "QGIS_RASTER_CALCULATOR": qgis_raster_calculator,
}
