"""QA keep rules: readable text such as ``quality != 3 and algorithm in (DRT, ECO)``.

A small recursive-descent parser of our own (never ``eval``)::

    rule    := or
    or      := and ("or" and)*
    and     := not ("and" not)*
    not     := "not" not | "(" rule ")" | test
    test    := FIELD ("==" | "=" | "!=" | "<" | "<=" | ">" | ">=") value
             | FIELD ["not"] "in" "(" value ("," value)* ")"
    value   := integer (decimal without leading zeros, 0b…, 0x…) | label of FIELD (bare or quoted)

Field names and labels are matched without regard to case. Over several QA layers (qa/layers.py) a
field is ``layer.field``, or only ``field`` where no other layer has one of that name. The parsed rule
is a tree (``Compare``, ``Member``, ``Not``, ``And``, ``Or``) that evaluates
decoded field arrays to a boolean keep-mask, and that exports (rule_exports.py)
and value lists (value_lists.py) read. Chains of ``and``/``or`` are one node
evaluated in a loop, so their length is not bounded by Python's recursion
limit; nesting (parentheses, ``not``) is limited to ``MAX_NESTING`` levels,
checked while parsing.
"""
from __future__ import annotations

import functools
import operator
import re
from dataclasses import dataclass

import numpy as np

from ..errors import RuleError
from ..messages import tr
from .decode import decode
from .scheme import RULE_KEYWORDS, ambiguous_field, shorten

MAX_NESTING = 100  # levels of "(" or "not"; far beyond any real rule, far below Python's recursion limit
_SPACE = re.compile(r"\s*")
_TOKEN = re.compile(
    r"(?P<number>0[bB][01]+|0[xX][0-9a-fA-F]+|[0-9]+)"
    r"|(?P<name>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)"  # layer.field: a field of one QA layer
    r"|(?P<string>\"[^\"]*\"|'[^']*')"
    r"|(?P<op>==|!=|<=|>=|=|<|>|\(|\)|,)"
)
_COMPARE = {
    "==": operator.eq, "!=": operator.ne,
    "<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge,
}
_SPELLING = {"=": "=="}  # one operator per meaning in the tree


@dataclass(frozen=True)
class Compare:
    """``field op value``; ``op`` is one of ``_COMPARE`` (``=`` is stored as ``==``)."""

    field: str
    op: str
    value: int

    def evaluate(self, fields):
        return _COMPARE[self.op](fields[self.field], self.value)


@dataclass(frozen=True)
class Member:
    """``field in (values)``, or ``field not in (values)`` when ``negate``."""

    field: str
    values: tuple
    negate: bool = False

    def evaluate(self, fields):
        keep = np.isin(fields[self.field], self.values)
        return ~keep if self.negate else keep


@dataclass(frozen=True)
class Not:
    operand: object

    def evaluate(self, fields):
        return ~self.operand.evaluate(fields)


@dataclass(frozen=True)
class And:
    """A chain ``a and b and ...``: a loop, not nested calls, so 10,000 terms evaluate."""

    operands: tuple

    def evaluate(self, fields):
        return functools.reduce(operator.and_, (operand.evaluate(fields) for operand in self.operands))


@dataclass(frozen=True)
class Or:
    operands: tuple

    def evaluate(self, fields):
        return functools.reduce(operator.or_, (operand.evaluate(fields) for operand in self.operands))


@dataclass
class _Token:
    kind: str  # number, name, string, op, keyword, end
    text: str
    column: int  # 1-based, as a user counts


def _tokens(text: str) -> list:
    """The rule's tokens; linear in the text's length (a long chain must not cost its square)."""
    tokens, position = [], _SPACE.match(text).end()
    while position < len(text):
        match = _TOKEN.match(text, position)
        if not match:
            raise RuleError(tr("Syntax error at column {0}: unexpected '{1}'").format(position + 1, text[position]))
        kind = match.lastgroup
        token_text = match.group(kind)
        if kind == "name" and token_text.lower() in RULE_KEYWORDS:
            kind, token_text = "keyword", token_text.lower()
        tokens.append(_Token(kind, token_text, position + 1))
        position = _SPACE.match(text, match.end()).end()
    tokens.append(_Token("end", "", len(text) + 1))
    return tokens


class _Parser:
    def __init__(self, text: str, scheme):
        self.scheme = scheme
        self.tokens = _tokens(text)
        self.index = 0
        self.depth = 0  # "(" and "not" enclosing the current token
        self.fields_used = []

    @property
    def current(self) -> _Token:
        return self.tokens[self.index]

    def take(self) -> _Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def expect(self, kind: str, text: str, what: str) -> _Token:
        token = self.current
        if token.kind != kind or token.text != text:
            raise self.syntax(tr("expected {0}").format(what))
        return self.take()

    def syntax(self, expected: str) -> RuleError:
        token = self.current
        found = tr("the end of the rule") if token.kind == "end" else f"'{shorten(token.text)}'"
        return RuleError(tr("Syntax error at column {0}: {1}, found {2}").format(token.column, expected, found))

    def parse(self):
        node = self.parse_or()
        if self.current.kind != "end":
            raise self.syntax(tr("expected 'and', 'or' or the end of the rule"))
        return node

    def parse_or(self):
        operands = [self.parse_and()]
        while self.current.kind == "keyword" and self.current.text == "or":
            self.take()
            operands.append(self.parse_and())
        return operands[0] if len(operands) == 1 else Or(tuple(operands))

    def parse_and(self):
        operands = [self.parse_not()]
        while self.current.kind == "keyword" and self.current.text == "and":
            self.take()
            operands.append(self.parse_not())
        return operands[0] if len(operands) == 1 else And(tuple(operands))

    def parse_not(self):
        token = self.current
        if (token.kind, token.text) not in (("keyword", "not"), ("op", "(")):
            return self.parse_test()
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise RuleError(
                tr("Rule nested too deeply at column {0} (more than {1} levels of parentheses or 'not')")
                    .format(token.column, MAX_NESTING)
            )
        self.take()
        if token.text == "not":
            node = Not(self.parse_not())
        else:
            node = self.parse_or()
            self.expect("op", ")", "')'")
        self.depth -= 1
        return node

    def parse_test(self):
        token = self.current
        if token.kind != "name":
            raise self.syntax(tr("expected a field name"))
        qa_field = self.field_named(token)
        self.take()
        negate = False
        if self.current.kind == "keyword" and self.current.text == "not":
            self.take()
            negate = True
            if not (self.current.kind == "keyword" and self.current.text == "in"):
                raise self.syntax(tr("expected 'in' after 'not'"))
        if self.current.kind == "keyword" and self.current.text == "in":
            self.take()
            self.expect("op", "(", tr("'(' to open the list of values"))
            values = [self.parse_value(qa_field)]
            while self.current.kind == "op" and self.current.text == ",":
                self.take()
                values.append(self.parse_value(qa_field))
            self.expect("op", ")", tr("',' or ')'"))
            return Member(qa_field.name, tuple(values), negate)
        if self.current.kind != "op" or _SPELLING.get(self.current.text, self.current.text) not in _COMPARE:
            raise self.syntax(
                tr("expected a comparison (==, !=, <, <=, >, >=) or 'in' after '{0}'").format(shorten(qa_field.name))
            )
        op = self.take().text
        return Compare(qa_field.name, _SPELLING.get(op, op), self.parse_value(qa_field))

    def field_named(self, token: _Token):
        found = self.scheme.fields_named(token.text)
        if len(found) > 1:
            raise RuleError(tr("{0} (column {1})").format(ambiguous_field(token.text, found), token.column))
        if found:
            if found[0].name not in self.fields_used:
                self.fields_used.append(found[0].name)
            return found[0]
        raise RuleError(
            tr("Unknown field '{0}' at column {1}; fields of {2}: {3}").format(
                shorten(token.text), token.column, shorten(self.scheme.name),
                ", ".join(shorten(name) for name in self.scheme.field_names))
        )

    def parse_value(self, qa_field) -> int:
        token = self.current
        if token.kind == "number":
            self.take()
            value = _number(token)
            if value is None or value > qa_field.max_value:
                raise RuleError(
                    tr("Value {0} at column {1} is out of range for '{2}' ({3}: 0-{4})").format(
                        shorten(token.text), token.column, shorten(qa_field.name), qa_field.bits_text,
                        qa_field.max_value)
                )
            return value
        if token.kind in ("name", "string"):
            self.take()
            label = token.text.strip("\"'") if token.kind == "string" else token.text
            value = qa_field.value_of(label)
            if value is None:
                known = (", ".join(shorten(qa_field.labels[v]) for v in sorted(qa_field.labels))
                         or tr("none, use numbers"))
                raise RuleError(
                    tr("Unknown label '{0}' for field '{1}' at column {2}; labels: {3}")
                        .format(shorten(label), shorten(qa_field.name), token.column, known)
                )
            return value
        raise self.syntax(tr("expected a value (number or label) for '{0}'").format(shorten(qa_field.name)))


def _number(token: _Token) -> int | None:
    """A number token's value, or None when it needs more than 64 bits (no QA field holds that).

    Decimal with leading zeros ("03") is refused: it reads as octal to some users, and Python's
    int() cannot read it. Length is checked before int(), whose decimal conversion stops at 4,300 digits.
    """
    text = token.text
    prefixed = text[:2].lower() in ("0b", "0x")
    if not prefixed and text[0] == "0" and text.strip("0"):
        raise RuleError(
            tr("Syntax error at column {0}: '{1}' has leading zeros; write {2}")
                .format(token.column, shorten(text), shorten(text.lstrip('0')))
        )
    if len((text[2:] if prefixed else text).lstrip("0")) > 64:  # >= 2**64 in base 2, 10 and 16 alike
        return None
    return int(text, 0)


@dataclass(frozen=True)
class Rule:
    """A parsed rule: ``keep(fields)`` gives the keep-mask; ``fields`` lists the fields it reads;
    ``tree`` is its root node, None for the empty rule (keep every pixel)."""

    text: str
    fields: tuple
    tree: object = None

    def keep(self, decoded: dict) -> np.ndarray:
        return np.asarray(True if self.tree is None else self.tree.evaluate(decoded), dtype=bool)


def parse_rule(text: str, scheme) -> Rule:
    """Parse ``text`` against ``scheme``; an empty rule keeps every pixel."""
    if not (text or "").strip():
        return Rule(text="", fields=())
    parser = _Parser(text, scheme)
    tree = parser.parse()
    return Rule(text=text.strip(), fields=tuple(parser.fields_used), tree=tree)


def keep_mask(qa_block: np.ndarray, scheme, rule: Rule) -> np.ndarray:
    """Boolean keep-mask of one QA block: decode only the fields the rule reads."""
    decoded = decode(qa_block, scheme, names=rule.fields)
    return np.broadcast_to(rule.keep(decoded), qa_block.shape)


def rule_for(scheme, text: str | None) -> Rule:
    """The one place rule text becomes a rule: None means the scheme's default rule, "" keeps every pixel.

    Front ends whose empty field means "default" (the RULE parameter, the dialog) pass None for it.
    """
    return parse_rule(scheme.default_rule if text is None else text, scheme)
