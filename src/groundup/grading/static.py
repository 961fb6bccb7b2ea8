"""What the grader can tell from the learner's source without running it.

Syntax errors (with file, line and a caret), and calls to names an exercise forbids. Forbidden
names are written as:

- a dotted name, ``"numpy.linalg.solve"``: matched after resolving imports and aliases
  (``import numpy as np`` ... ``np.linalg.solve``; ``from numpy.linalg import solve``); a
  prefix forbids everything below it (``"numpy.linalg"``);
- an attribute, ``".dot"``: any attribute of that name (``A.dot(B)``);
- an operator, ``"@"``: the matrix-multiplication operator;
- a loop, ``"for"`` (``for`` statements and comprehensions) or ``"while"``: for exercises that
  must be vectorised.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass


@dataclass
class Violation:
    name: str  # the forbidden entry that matched
    lineno: int
    line: str  # the source line, stripped

    def describe(self, display: str) -> str:
        if self.name in ("for", "while"):
            kind = "`for` loop or comprehension" if self.name == "for" else "`while` loop"
            return (f"{display}:{self.lineno}: uses a Python {kind}; this exercise asks for "
                    f"vectorised NumPy code, with no Python loops\n    {self.line}")
        return f"{display}:{self.lineno}: uses `{self.name}`, which this exercise forbids\n    {self.line}"


def format_syntax_error(exc: SyntaxError, display: str) -> str:
    """``file:line`` then the offending line with a caret under the error, like Python does."""
    lines = [f"{display}, line {exc.lineno}: {exc.msg}"]
    if exc.text:
        text = exc.text.rstrip("\n")
        stripped = text.lstrip()
        lines.append("    " + stripped)
        if exc.offset:
            caret = max(0, exc.offset - 1 - (len(text) - len(stripped)))
            lines.append("    " + " " * caret + "^")
    return "\n".join(lines)


class _Finder(ast.NodeVisitor):
    def __init__(self, forbidden: tuple[str, ...], source_lines: list[str]) -> None:
        self.loops = {f for f in forbidden if f in ("for", "while")}
        self.dotted = [f for f in forbidden if (f[0].isalpha() or f[0] == "_") and f not in self.loops]
        self.attrs = {f[1:] for f in forbidden if f.startswith(".")}
        self.matmul = "@" in forbidden
        self.aliases: dict[str, str] = {}
        self.lines = source_lines
        self.found: list[Violation] = []

    def _add(self, name: str, node: ast.AST) -> None:
        lineno = getattr(node, "lineno", 0)
        line = self.lines[lineno - 1].strip() if 0 < lineno <= len(self.lines) else ""
        self.found.append(Violation(name, lineno, line))

    def _match(self, full: str) -> str | None:
        for name in self.dotted:
            if full == name or full.startswith(name + "."):
                return name
        return None

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.asname:
                self.aliases[alias.asname] = alias.name
            else:
                top = alias.name.split(".")[0]
                self.aliases[top] = top
            hit = self._match(alias.name)
            if hit:
                self._add(hit, node)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        for alias in node.names:
            full = f"{node.module}.{alias.name}" if node.module else alias.name
            self.aliases[alias.asname or alias.name] = full
            hit = self._match(full)
            if hit:
                self._add(hit, node)

    def _full_name(self, node: ast.expr) -> str | None:
        parts: list[str] = []
        while isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        if isinstance(node, ast.Name):
            base = self.aliases.get(node.id, node.id)
            return ".".join([base, *reversed(parts)])
        return None

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if node.attr in self.attrs:
            self._add("." + node.attr, node)
        full = self._full_name(node)
        if full:
            hit = self._match(full)
            if hit:
                self._add(hit, node)
                return  # do not report the same chain again for its prefix
        self.generic_visit(node)

    def visit_Name(self, node: ast.Name) -> None:
        if node.id in self.aliases and isinstance(node.ctx, ast.Load):
            hit = self._match(self.aliases[node.id])
            if hit:
                self._add(hit, node)
        elif self._match(node.id):  # builtins such as "sorted"
            self._add(node.id, node)

    def visit_BinOp(self, node: ast.BinOp) -> None:
        if self.matmul and isinstance(node.op, ast.MatMult):
            self._add("@", node)
        self.generic_visit(node)

    def visit_For(self, node: ast.For) -> None:
        if "for" in self.loops:
            self._add("for", node)
        self.generic_visit(node)

    def visit_While(self, node: ast.While) -> None:
        if "while" in self.loops:
            self._add("while", node)
        self.generic_visit(node)

    def _comprehension(self, node: ast.expr) -> None:
        if "for" in self.loops:
            self._add("for", node)
        self.generic_visit(node)

    visit_ListComp = visit_SetComp = visit_DictComp = visit_GeneratorExp = _comprehension  # noqa: N815

    def visit_AugAssign(self, node: ast.AugAssign) -> None:
        if self.matmul and isinstance(node.op, ast.MatMult):
            self._add("@", node)
        self.generic_visit(node)


def find_forbidden(tree: ast.Module, source: str, forbidden: tuple[str, ...]) -> list[Violation]:
    """Every line that uses a forbidden name in ``tree``, in source order (one report a line)."""
    if not forbidden:
        return []
    finder = _Finder(forbidden, source.splitlines())
    finder.visit(tree)
    seen: set[int] = set()
    out = []
    for v in sorted(finder.found, key=lambda v: v.lineno):
        if v.lineno not in seen:
            seen.add(v.lineno)
            out.append(v)
    return out


def defined_functions(tree: ast.Module) -> set[str]:
    """Top-level names the module defines (functions, classes, assignments)."""
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
    return names
