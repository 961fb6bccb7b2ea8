from __future__ import annotations

import ast

import pytest

from groundup.grading.static import find_forbidden

CASES = [
    ("import numpy as np\nx = np.linalg.solve(A, b)", ("numpy.linalg.solve",), [2]),
    ("import numpy as np\nx = np.linalg.solve(A, b)", ("numpy.linalg",), [2]),
    ("from numpy.linalg import solve\nx = solve(A, b)", ("numpy.linalg.solve",), [1, 2]),
    ("from numpy import linalg as la\nx = la.inv(A)", ("numpy.linalg.inv",), [2]),
    ("import numpy.linalg\nx = numpy.linalg.det(A)", ("numpy.linalg.det",), [2]),
    ("y = A @ B", ("@",), [1]),
    ("A @= B", ("@",), [1]),
    ("y = A.dot(B)", (".dot",), [1]),
    ("y = sorted(x)", ("sorted",), [1]),
    ("import numpy as np\ny = np.sum(A * B)", ("numpy.dot", "@", ".dot"), []),
    ("import numpy as np\ny = np.linalg.norm(x)", ("numpy.linalg.solve",), []),
]


@pytest.mark.parametrize(("source", "forbidden", "lines"), CASES)
def test_forbidden_names_are_found(source, forbidden, lines):
    found = find_forbidden(ast.parse(source), source, forbidden)
    assert [v.lineno for v in found] == lines
