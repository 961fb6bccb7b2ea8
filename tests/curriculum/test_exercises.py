"""Every exercise is proven three ways: its stub fails, the reference library passes it, and
every plausible wrong implementation kept in ``tests/curriculum/wrong/<exercise id>/`` fails."""

from __future__ import annotations

import ast
import importlib.util
import inspect
from pathlib import Path

import pytest

from groundup.curriculum import load_registry
from groundup.grading import static
from groundup.grading.runner import grade

WRONG_DIR = Path(__file__).parent / "wrong"
# The PyTorch topic's exercises are written *with* PyTorch: without it (it is an optional
# extra) their proofs cannot run. CI installs it, so there they always run.
_NO_TORCH = pytest.mark.skipif(importlib.util.find_spec("torch") is None,
                               reason="the pytorch topic's exercises need torch installed")
_ALL = load_registry().exercises
EXERCISES = [pytest.param(ex, marks=_NO_TORCH) if ex.topic == "pytorch" else ex for ex in _ALL]
IDS = [ex.id for ex in _ALL]


def _wrong_files():
    return [pytest.param(ex, path, marks=_NO_TORCH) if ex.topic == "pytorch" else (ex, path)
            for ex in _ALL for path in sorted((WRONG_DIR / ex.id).glob("*.py"))]


@pytest.mark.parametrize("exercise", EXERCISES, ids=IDS)
def test_stub_fails(exercise, tmp_path):
    path = tmp_path / exercise.stub.name
    path.write_text(exercise.stub.read_text())
    result = grade(exercise, path)
    assert result.status == "failed", result.to_json()
    assert not any(c.passed for c in result.checks if c.name != "uses only allowed tools")
    assert any("not implemented yet" in c.message for c in result.checks)


@pytest.mark.parametrize("exercise", EXERCISES, ids=IDS)
def test_reference_passes(exercise, tmp_path):
    lines = []
    for function, ref in zip(exercise.functions, exercise.reference, strict=True):
        module, _, attr = ref.partition(":")
        lines.append(f"from {module} import {attr} as {function}")
    path = tmp_path / exercise.stub.name
    path.write_text("\n".join(lines) + "\n")
    result = grade(exercise, path)
    failures = [f"{c.name}: {c.message}" for c in result.checks if not c.passed]
    assert result.passed, "\n".join(failures)


@pytest.mark.parametrize("exercise", EXERCISES, ids=IDS)
def test_reference_obeys_forbidden_names(exercise):
    """The reference solution (what `groundup solution` shows) follows the exercise's rules."""
    for ref in exercise.reference_functions():
        module_source = inspect.getsource(inspect.getmodule(ref))
        imports = [node for node in ast.parse(module_source).body
                   if isinstance(node, (ast.Import, ast.ImportFrom))]
        source = "\n".join(ast.unparse(node) for node in imports) + "\n" + \
            inspect.getsource(ref)
        violations = static.find_forbidden(ast.parse(source), source, exercise.forbidden)
        assert not violations, [v.describe(ref.__name__) for v in violations]


@pytest.mark.parametrize("exercise", EXERCISES, ids=IDS)
def test_has_a_wrong_implementation(exercise):
    assert list((WRONG_DIR / exercise.id).glob("*.py")), (
        f"add at least one plausible wrong implementation in {WRONG_DIR / exercise.id}/")


@pytest.mark.parametrize(("exercise", "path"), _wrong_files(),
                         ids=[f"{ex.id}/{p.stem}" for ex in _ALL
                              for p in sorted((WRONG_DIR / ex.id).glob("*.py"))])
def test_wrong_implementation_fails(exercise, path):
    result = grade(exercise, path)
    assert result.status == "failed", result.to_json()
    # It must be caught by a real check, not by a crash of the grader.
    assert any(not c.passed and c.message for c in result.checks)


def test_wrong_dirs_name_real_exercises():
    known = set(IDS)
    orphans = [d.name for d in WRONG_DIR.iterdir() if d.is_dir() and d.name not in known]
    assert not orphans
