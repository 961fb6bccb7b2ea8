"""The autodiff stubs each carry a whole `Value` class with one exercise's methods left as TODO,
so a learner never copies code between files. Everything already written in a stub must stay
identical (docstrings aside) to the reference engine in `groundup.autodiff`."""

from __future__ import annotations

import ast
import inspect

import pytest

import groundup.autodiff as reference
from groundup.curriculum import load_registry

EXERCISES = [ex for ex in load_registry().exercises if ex.id.startswith("autodiff.")]


def _body(fn: ast.FunctionDef) -> str:
    fn = ast.parse(ast.unparse(fn)).body[0]  # a copy
    assert isinstance(fn, ast.FunctionDef)
    if ast.get_docstring(fn) is not None:
        fn.body = fn.body[1:]
    return ast.dump(fn)


def _methods(tree: ast.Module) -> dict[tuple[str, str], ast.FunctionDef]:
    return {(cls.name, fn.name): fn for cls in tree.body if isinstance(cls, ast.ClassDef)
            for fn in cls.body if isinstance(fn, ast.FunctionDef)}


REFERENCE = _methods(ast.parse(inspect.getsource(reference)))


@pytest.mark.parametrize("exercise", EXERCISES, ids=[ex.id for ex in EXERCISES])
def test_given_methods_match_the_reference(exercise):
    for key, fn in _methods(ast.parse(exercise.stub.read_text())).items():
        if "NotImplementedError" in ast.unparse(fn):
            continue  # the learner's part
        assert key in REFERENCE, f"{exercise.stub.name}: {key} is not in groundup.autodiff"
        assert _body(fn) == _body(REFERENCE[key]), (
            f"{exercise.stub.name}: {'.'.join(key)} differs from groundup.autodiff; "
            "update the stub to match the reference")
