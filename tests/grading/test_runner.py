"""Grader fixtures: each kind of learner file gets the right verdict and a clear message.

The exercise used is `linalg.dot`; the verdicts do not depend on which exercise it is.
"""

from __future__ import annotations

import json

import pytest

from groundup.grading.runner import Limits, grade

RIGHT = """
import numpy as np

def dot(u, v):
    u, v = np.asarray(u, dtype=float), np.asarray(v, dtype=float)
    if u.ndim != 1 or u.shape != v.shape:
        raise ValueError("u and v must be vectors of the same length")
    return float((u * v).sum())
"""


@pytest.fixture
def exercise(registry):
    return registry.exercise("linalg.dot")


def run(exercise, tmp_path, source, **limits):
    path = tmp_path / "dot.py"
    path.write_text(source)
    return grade(exercise, path, display="dot.py", limits=Limits(**limits) if limits else None)


def messages(result):
    return "\n".join(c.message for c in result.checks if not c.passed)


def test_right_answer_passes(exercise, tmp_path):
    result = run(exercise, tmp_path, RIGHT)
    assert result.passed and result.status == "passed"
    assert all(c.passed for c in result.checks)
    json.dumps(result.to_json())  # serialisable


def test_wrong_answer_names_input_expected_and_received(exercise, tmp_path):
    result = run(exercise, tmp_path, RIGHT.replace("(u * v).sum()", "(u + v).sum()"))
    assert result.status == "failed"
    text = messages(result)
    assert "input: u = [1, 2, 3], v = [4, 5, 6]" in text
    assert "expected 32, received 21" in text
    assert "relative error" in text and "hint:" in text


def test_hidden_check_never_reveals_expected_values(exercise, tmp_path):
    result = run(exercise, tmp_path, RIGHT.replace("return float((u * v).sum())",
                                                    "return float((u * v)[:1000].sum())"))
    hidden = [c for c in result.checks if c.hidden]
    assert hidden and not hidden[0].passed
    assert "a hidden input" in hidden[0].message
    assert "expected" not in hidden[0].message
    assert all(c.passed for c in result.checks if not c.hidden)


def test_syntax_error_reports_file_line_and_caret(exercise, tmp_path):
    result = run(exercise, tmp_path, "def dot(u, v)\n    return 0\n")
    assert result.status == "syntax-error"
    text = messages(result)
    assert "dot.py, line 1" in text
    assert "def dot(u, v)" in text and "^" in text


def test_exception_shows_only_the_learners_frames(exercise, tmp_path):
    result = run(exercise, tmp_path, "def helper(u):\n    return u[99]\n\n"
                                     "def dot(u, v):\n    return helper(u)\n")
    text = messages(result)
    assert "IndexError" in text
    assert 'File "dot.py", line 2, in helper' in text
    assert 'File "dot.py", line 5, in dot' in text
    assert "groundup" not in text.replace("groundup hint", "")  # no grader frames


def test_infinite_loop_times_out_and_kills_the_process_group(exercise, tmp_path):
    source = ("import subprocess, sys\n"
              "subprocess.Popen([sys.executable, '-c', 'while True: pass'])\n"
              "def dot(u, v):\n    while True:\n        pass\n")
    result = run(exercise, tmp_path, source, timeout_s=2)
    assert result.status == "timeout"
    assert result.duration_s < 8
    assert "timed out after 2 s" in messages(result)
    assert "input: u = [1, 2, 3]" in messages(result)  # says which input it was stuck on


def test_memory_bomb_is_stopped(exercise, tmp_path):
    source = "def dot(u, v):\n    x = bytearray(3 * 2**30)\n    return 0.0\n"
    result = run(exercise, tmp_path, source, memory_mb=1024)
    assert result.status == "failed"
    assert "ran out of memory" in messages(result)


def test_huge_output_is_capped(exercise, tmp_path):
    source = "import sys\nsys.stdout.write('x' * 50_000_000)\n" + RIGHT
    result = run(exercise, tmp_path, source, output_kb=16)
    assert result.passed  # printing is allowed...
    assert result.output_bytes == 50_000_000
    assert len(result.output) == 16 * 1024  # ...but only the start is kept


@pytest.mark.parametrize("exit_call", ["import os\nos._exit(0)\n", "import sys\nsys.exit(0)\n"])
def test_exit_at_import_is_not_a_pass(exercise, tmp_path, exit_call):
    result = run(exercise, tmp_path, exit_call + RIGHT)
    assert not result.passed
    assert "exit" in messages(result)


def test_exit_inside_the_function_is_not_a_pass(exercise, tmp_path):
    result = run(exercise, tmp_path, "import os\ndef dot(u, v):\n    os._exit(0)\n")
    assert result.status == "crashed" and not result.passed
    assert "exit" in messages(result)


def test_patched_allclose_and_printed_passed_change_nothing(exercise, tmp_path):
    source = ("import numpy as np\n"
              "np.allclose = lambda *a, **k: True\nnp.isclose = lambda *a, **k: True\n"
              "np.testing.assert_allclose = lambda *a, **k: None\n"
              "print('PASSED ✅ all checks passed')\n"
              "def dot(u, v):\n    return 0.0\n")
    result = run(exercise, tmp_path, source)
    assert not result.passed and result.status == "failed"


def test_missing_function_is_named(exercise, tmp_path):
    result = run(exercise, tmp_path, "def dott(u, v):\n    return 0.0\n")
    assert "does not define a function named `dot`" in messages(result)


def test_forbidden_name_fails_with_the_line(exercise, tmp_path):
    source = "import numpy as np\n\ndef dot(u, v):\n    return float(np.dot(u, v))\n"
    result = run(exercise, tmp_path, source)
    forbidden = result.checks[0]
    assert forbidden.name == "uses only allowed tools" and not forbidden.passed
    assert "dot.py:4" in forbidden.message and "np.dot(u, v)" in forbidden.message
    assert not result.passed


def test_in_place_mutation_of_inputs_is_reported(exercise, tmp_path):
    source = RIGHT.replace("u, v = np.asarray(u, dtype=float), np.asarray(v, dtype=float)",
                           "u, v = np.asarray(u, dtype=float), np.asarray(v, dtype=float)\n"
                           "    if isinstance(v, np.ndarray) and v.size:\n        v[0] = 0.0")
    source = source.replace("np.asarray(v, dtype=float)\n", "v\n", 1)
    result = run(exercise, tmp_path, source)
    assert "changed its input" in messages(result)


def test_wrong_return_type_is_explained(exercise, tmp_path):
    result = run(exercise, tmp_path, "def dot(u, v):\n    return None\n")
    assert "returned None" in messages(result) and "return" in messages(result)


def test_nan_is_located(exercise, tmp_path):
    result = run(exercise, tmp_path, "def dot(u, v):\n    return float('nan')\n")
    assert "NaN" in messages(result)


def test_missing_file(exercise, tmp_path):
    result = grade(exercise, tmp_path / "nope.py", display="nope.py")
    assert result.status == "missing-file"
    assert "groundup init" in messages(result)
