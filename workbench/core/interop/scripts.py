"""Read Postman pre-request scripts for literal variable assignments. Never executes them.

What is read (one statement at a time, comments ignored):

    pm.variables.set("name", "literal")            -> a request variable
    pm.environment.set(...) / pm.collectionVariables.set(...) / pm.globals.set(...)
    let|const|var x = "literal";  pm.variables.set("name", x)
    encodeURIComponent("a@b") / encodeURI(...)      -> the literal itself: the workbench
                                                       encodes values where they land
    "a" + "b" + 1                                   -> "ab1"

Anything else (a value computed from pm.variables.get, a function call, a loop...) is not
imported, and the result says which statement and why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SETTERS = {
    "variables": "request",
    "environment": "environment",
    "collectionVariables": "collection",
    "globals": "globals",
}
ENCODERS = ("encodeURIComponent", "encodeURI")

_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`[^`$\\]*`)
  | (?P<number>-?\d+(?:\.\d+)?)
  | (?P<name>[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)
  | (?P<punct>[(),+=;])
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", '"': '"', "'": "'", "/": "/", "0": "\0"}


@dataclass(frozen=True)
class Assignment:
    scope: str  # request | environment | collection | globals
    name: str
    value: str


@dataclass(frozen=True)
class ScriptReading:
    assignments: tuple[Assignment, ...] = ()
    skipped: tuple[str, ...] = ()  # one note per statement not imported
    encoded: tuple[str, ...] = ()  # variables whose encodeURI(Component) was dropped


class _NotLiteral(Exception):
    pass


def strip_comments(source: str) -> str:
    """Drop // and /* */ comments, keeping strings intact and line breaks in place."""
    out, i, quote = [], 0, None
    while i < len(source):
        char = source[i]
        if quote:
            out.append(char)
            if char == "\\" and i + 1 < len(source):
                out.append(source[i + 1])
                i += 1
            elif char == quote:
                quote = None
        elif char in "\"'`":
            quote = char
            out.append(char)
        elif source.startswith("//", i):
            end = source.find("\n", i)
            i = len(source) if end < 0 else end
            continue
        elif source.startswith("/*", i):
            end = source.find("*/", i + 2)
            stop = len(source) if end < 0 else end + 2
            out.append("\n" * source.count("\n", i, stop))
            i = stop
            continue
        else:
            out.append(char)
        i += 1
    return "".join(out)


def _statements(source: str) -> list[str]:
    """Split on ';' and line breaks outside strings and parentheses."""
    statements, current, depth, quote = [], [], 0, None
    for i, char in enumerate(source):
        if quote:
            current.append(char)
            if char == quote and source[i - 1] != "\\":
                quote = None
            continue
        if char in "\"'`":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        if (char == ";" or char == "\n") and depth <= 0:
            statements.append("".join(current).strip())
            current = []
            continue
        current.append(char)
    statements.append("".join(current).strip())
    return [s for s in statements if s]


def _tokens(statement: str) -> list[tuple[str, str]]:
    tokens = []
    for match in _TOKEN.finditer(statement):
        kind = match.lastgroup
        if kind == "space":
            continue
        tokens.append((kind, match.group()))
    return tokens


def _unquote(literal: str) -> str:
    body = literal[1:-1]
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), body)


class _Parser:
    def __init__(self, tokens, bound: dict[str, str]):
        self.tokens, self.pos, self.bound, self.encoded = tokens, 0, bound, False

    def peek(self, offset: int = 0):
        index = self.pos + offset
        return self.tokens[index] if index < len(self.tokens) else (None, None)

    def take(self, text: str | None = None, kind: str | None = None) -> str:
        token_kind, value = self.peek()
        if (text is not None and value != text) or (kind is not None and token_kind != kind):
            raise _NotLiteral(f"expected {text or kind}, found {value or 'the end'}")
        self.pos += 1
        return value

    def at_end(self) -> bool:
        return self.pos >= len(self.tokens)

    def expression(self) -> str:
        value = self.term()
        while self.peek()[1] == "+":
            self.take("+")
            value += self.term()
        return value

    def term(self) -> str:
        kind, value = self.peek()
        if kind == "string":
            self.pos += 1
            return _unquote(value)
        if kind == "number":
            self.pos += 1
            return value
        if kind == "name" and value in ENCODERS:
            self.pos += 1
            self.take("(")
            inner = self.expression()
            self.take(")")
            self.encoded = True
            return inner
        if kind == "name" and value in self.bound and self.peek(1)[1] != "(":
            self.pos += 1
            return self.bound[value]
        if kind == "name" and value.endswith(".get"):
            raise _NotLiteral(f"{value}(...) is only known when the script runs")
        raise _NotLiteral(f"{value or 'nothing'} is not a literal value")


def read_script(source: str, where: str = "pre-request script") -> ScriptReading:
    """The literal assignments in `source`, and a note for each statement not imported."""
    assignments: list[Assignment] = []
    skipped: list[str] = []
    encoded: list[str] = []
    bound: dict[str, str] = {}
    for statement in _statements(strip_comments(source)):
        tokens = _tokens(statement)
        parser = _Parser(tokens, bound)
        shown = statement if len(statement) <= 80 else statement[:77] + "..."
        try:
            kind, first = parser.peek()
            if first in ("let", "const", "var"):
                parser.take(first)
                name = parser.take(kind="name")
                parser.take("=")
                bound[name] = parser.expression()
            else:
                prefix, _, method = (first or "").rpartition(".")
                scope = SETTERS.get(prefix.removeprefix("pm.")) if prefix.startswith("pm.") else None
                if scope is None or method != "set":
                    raise _NotLiteral("only literal pm.variables/environment/collectionVariables.set calls are read")
                parser.take(first)
                parser.take("(")
                name = parser.expression()
                parser.take(",")
                value = parser.expression()
                parser.take(")")
                assignments.append(Assignment(scope, name, value))
                if parser.encoded:
                    encoded.append(name)
            if not parser.at_end():
                raise _NotLiteral(f"unexpected {parser.peek()[1]!r}")
        except _NotLiteral as exc:
            skipped.append(f"{where}: `{shown}` not imported ({exc}; scripts are never run)")
    return ScriptReading(tuple(assignments), tuple(skipped), tuple(encoded))
