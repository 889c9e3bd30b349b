"""QA keep rules: readable text such as ``quality != 3 and algorithm in (DRT, ECO)``.

A small recursive-descent parser of our own (never ``eval``)::

    rule    := or
    or      := and ("or" and)*
    and     := not ("and" not)*
    not     := "not" not | "(" rule ")" | test
    test    := FIELD ("==" | "=" | "!=" | "<" | "<=" | ">" | ">=") value
             | FIELD ["not"] "in" "(" value ("," value)* ")"
    value   := integer (decimal, 0b…, 0x…) | label of FIELD (bare or quoted)

Field names and labels are matched without regard to case. The compiled rule
is a function from decoded field arrays to a boolean keep-mask.
"""
from __future__ import annotations

import operator
import re
from dataclasses import dataclass

import numpy as np

from ..errors import RuleError
from .decode import decode

_TOKEN = re.compile(
    r"\s*(?:(?P<number>0[bB][01]+|0[xX][0-9a-fA-F]+|\d+)"
    r"|(?P<name>[A-Za-z_][A-Za-z0-9_]*)"
    r"|(?P<string>\"[^\"]*\"|'[^']*')"
    r"|(?P<op>==|!=|<=|>=|=|<|>|\(|\)|,))"
)
_KEYWORDS = {"and", "or", "not", "in"}
_COMPARE = {
    "==": operator.eq, "=": operator.eq, "!=": operator.ne,
    "<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge,
}


@dataclass
class _Token:
    kind: str  # number, name, string, op, keyword, end
    text: str
    column: int  # 1-based, as a user counts


def _tokens(text: str) -> list:
    tokens, position = [], 0
    while position < len(text):
        if text[position:].strip() == "":
            break
        match = _TOKEN.match(text, position)
        if not match:
            column = position + len(text[position:]) - len(text[position:].lstrip()) + 1
            raise RuleError(f"Syntax error at column {column}: unexpected '{text[column - 1]}'")
        kind = match.lastgroup
        token_text = match.group(kind)
        column = match.start(kind) + 1
        if kind == "name" and token_text.lower() in _KEYWORDS:
            kind, token_text = "keyword", token_text.lower()
        tokens.append(_Token(kind, token_text, column))
        position = match.end()
    tokens.append(_Token("end", "", len(text) + 1))
    return tokens


class _Parser:
    def __init__(self, text: str, scheme):
        self.scheme = scheme
        self.tokens = _tokens(text)
        self.index = 0
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
            raise self.syntax(f"expected {what}")
        return self.take()

    def syntax(self, expected: str) -> RuleError:
        token = self.current
        found = "the end of the rule" if token.kind == "end" else f"'{token.text}'"
        return RuleError(f"Syntax error at column {token.column}: {expected}, found {found}")

    def parse(self):
        node = self.parse_or()
        if self.current.kind != "end":
            raise self.syntax("expected 'and', 'or' or the end of the rule")
        return node

    def parse_or(self):
        node = self.parse_and()
        while self.current.kind == "keyword" and self.current.text == "or":
            self.take()
            left, right = node, self.parse_and()
            node = lambda f, a=left, b=right: a(f) | b(f)  # noqa: E731
        return node

    def parse_and(self):
        node = self.parse_not()
        while self.current.kind == "keyword" and self.current.text == "and":
            self.take()
            left, right = node, self.parse_not()
            node = lambda f, a=left, b=right: a(f) & b(f)  # noqa: E731
        return node

    def parse_not(self):
        token = self.current
        if token.kind == "keyword" and token.text == "not":
            self.take()
            inner = self.parse_not()
            return lambda f: ~inner(f)
        if token.kind == "op" and token.text == "(":
            self.take()
            inner = self.parse_or()
            self.expect("op", ")", "')'")
            return inner
        return self.parse_test()

    def parse_test(self):
        token = self.current
        if token.kind != "name":
            raise self.syntax("expected a field name")
        qa_field = self.field_named(token)
        self.take()
        negate = False
        if self.current.kind == "keyword" and self.current.text == "not":
            self.take()
            negate = True
            if not (self.current.kind == "keyword" and self.current.text == "in"):
                raise self.syntax("expected 'in' after 'not'")
        if self.current.kind == "keyword" and self.current.text == "in":
            self.take()
            self.expect("op", "(", "'(' to open the list of values")
            values = [self.parse_value(qa_field)]
            while self.current.kind == "op" and self.current.text == ",":
                self.take()
                values.append(self.parse_value(qa_field))
            self.expect("op", ")", "',' or ')'")
            name = qa_field.name

            def member(fields, name=name, values=tuple(values), negate=negate):
                keep = np.isin(fields[name], values)
                return ~keep if negate else keep

            return member
        if self.current.kind != "op" or self.current.text not in _COMPARE:
            raise self.syntax(f"expected a comparison (==, !=, <, <=, >, >=) or 'in' after '{qa_field.name}'")
        compare = _COMPARE[self.take().text]
        value = self.parse_value(qa_field)
        name = qa_field.name
        return lambda fields: compare(fields[name], value)

    def field_named(self, token: _Token):
        for qa_field in self.scheme.fields:
            if qa_field.name.lower() == token.text.lower():
                if qa_field.name not in self.fields_used:
                    self.fields_used.append(qa_field.name)
                return qa_field
        raise RuleError(
            f"Unknown field '{token.text}' at column {token.column}; fields of {self.scheme.name}: "
            f"{', '.join(self.scheme.field_names)}"
        )

    def parse_value(self, qa_field) -> int:
        token = self.current
        if token.kind == "number":
            self.take()
            value = int(token.text, 0)
            if value > qa_field.max_value:
                raise RuleError(
                    f"Value {token.text} at column {token.column} is out of range for '{qa_field.name}' "
                    f"({qa_field.bits_text}: 0-{qa_field.max_value})"
                )
            return value
        if token.kind in ("name", "string"):
            self.take()
            label = token.text.strip("\"'") if token.kind == "string" else token.text
            value = qa_field.value_of(label)
            if value is None:
                known = ", ".join(qa_field.labels[v] for v in sorted(qa_field.labels)) or "none, use numbers"
                raise RuleError(
                    f"Unknown label '{label}' for field '{qa_field.name}' at column {token.column}; "
                    f"labels: {known}"
                )
            return value
        raise self.syntax(f"expected a value (number or label) for '{qa_field.name}'")


@dataclass(frozen=True)
class Rule:
    """A parsed rule: ``keep(fields)`` gives the keep-mask; ``fields`` lists the fields it reads."""

    text: str
    fields: tuple
    _evaluate: object

    def keep(self, decoded: dict) -> np.ndarray:
        return np.asarray(self._evaluate(decoded), dtype=bool)


def parse_rule(text: str, scheme) -> Rule:
    """Parse ``text`` against ``scheme``; an empty rule keeps every pixel."""
    if not (text or "").strip():
        return Rule(text="", fields=(), _evaluate=lambda fields: True)
    parser = _Parser(text, scheme)
    evaluate = parser.parse()
    return Rule(text=text.strip(), fields=tuple(parser.fields_used), _evaluate=evaluate)


def keep_mask(qa_block: np.ndarray, scheme, rule: Rule) -> np.ndarray:
    """Boolean keep-mask of one QA block: decode only the fields the rule reads."""
    decoded = decode(qa_block, scheme, names=rule.fields)
    return np.broadcast_to(rule.keep(decoded), qa_block.shape)


def rule_for(scheme, text: str | None) -> Rule:
    """The one place rule text becomes a rule: None means the scheme's default rule, "" keeps every pixel.

    Front ends whose empty field means "default" (the RULE parameter, the dialog) pass None for it.
    """
    return parse_rule(scheme.default_rule if text is None else text, scheme)
