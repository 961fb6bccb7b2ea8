"""groundup.linalg (vectors and matrices) against NumPy, on fixed cases and Hypothesis data."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from groundup import linalg

RNG_SEED = 0


def assert_close(actual, expected, *, rtol=1e-10, atol=1e-12):
    """Same shape, then the same values within ``atol + rtol * |expected|``."""
    actual, expected = np.asarray(actual), np.asarray(expected)
    assert actual.shape == expected.shape, f"shape {actual.shape} != {expected.shape}"
    np.testing.assert_allclose(actual, expected, rtol=rtol, atol=atol)


def hilbert(n):
    i = np.arange(n)
    return 1.0 / (i[:, None] + i[None, :] + 1.0)


finite = st.floats(-1e3, 1e3, allow_nan=False, allow_infinity=False)
lengths = st.integers(1, 12)


@st.composite
def vector_pairs(draw):
    n = draw(lengths)
    return draw(arrays(float, n, elements=finite)), draw(arrays(float, n, elements=finite))


@st.composite
def well_conditioned(draw):
    """A random square matrix made diagonally dominant, so that it is safely invertible."""
    n = draw(st.integers(1, 8))
    A = draw(arrays(float, (n, n), elements=st.floats(-10, 10)))
    return A + np.diag(np.abs(A).sum(axis=1) + 1.0)


# --------------------------------------------------------------------------------------------
# Vectors

def test_vector_operations_match_numpy():
    rng = np.random.default_rng(RNG_SEED)
    u, v = rng.normal(size=7), rng.normal(size=7)
    assert_close(linalg.add(u, v), u + v)
    assert_close(linalg.scale(-2.5, v), -2.5 * v)
    assert_close(linalg.dot(u, v), np.dot(u, v))
    assert_close(linalg.norm(v), np.linalg.norm(v))
    expected = np.dot(u, v) / (np.linalg.norm(u) * np.linalg.norm(v))
    assert_close(linalg.cosine_similarity(u, v), expected)


def test_vectors_accept_lists_and_return_floats():
    assert_close(linalg.add([1, 2], [3, -1]), [4.0, 1.0])
    assert_close(linalg.scale(3, [1, -2]), [3.0, -6.0])  # not the list repeated 3 times
    assert isinstance(linalg.norm([3, 4]), float) and linalg.norm([3, 4]) == 5.0
    assert linalg.norm([]) == 0.0
    assert isinstance(linalg.cosine_similarity([1, 0], [0, 1]), float)


@pytest.mark.parametrize(("u", "v", "cos"), [([1, 2], [2, 4], 1.0), ([1, 2], [-3, -6], -1.0),
                                             ([1, 0], [0, 5], 0.0), ([1, 0], [1, 1], 0.5**0.5)])
def test_cosine_similarity_of_known_angles(u, v, cos):
    assert linalg.cosine_similarity(u, v) == pytest.approx(cos, abs=1e-15)


@pytest.mark.parametrize("call", [
    lambda: linalg.add([1, 2, 3], [1]),           # NumPy would broadcast this
    lambda: linalg.add(np.ones((2, 2)), np.ones((2, 2))),
    lambda: linalg.scale(2, np.ones((2, 2))),
    lambda: linalg.norm(np.ones((2, 2))),
    lambda: linalg.cosine_similarity([0, 0], [1, 2]),
    lambda: linalg.cosine_similarity([1, 2], [0.0, 0.0]),
    lambda: linalg.cosine_similarity([1, 2], [1, 2, 3]),
])
def test_invalid_vectors_raise_value_error(call):
    with pytest.raises(ValueError):
        call()


def test_scale_rejects_a_non_number():
    with pytest.raises(TypeError, match="c must be a real number"):
        linalg.scale(np.array([1.0, 2.0]), [1.0, 2.0])


def test_vector_functions_leave_inputs_alone():
    v = np.array([1.0, 2.0])
    linalg.scale(3.0, v)
    linalg.add(v, v)
    assert_close(v, [1.0, 2.0])


@settings(max_examples=60, deadline=None)
@given(vector_pairs())
def test_vector_properties(pair):
    u, v = pair
    assert_close(linalg.add(u, v), u + v)
    assert_close(linalg.dot(u, v), np.dot(u, v), rtol=1e-9, atol=1e-6)
    assert_close(linalg.norm(u), np.linalg.norm(u), rtol=1e-12)
    # Triangle inequality and Cauchy-Schwarz, up to rounding.
    assert linalg.norm(linalg.add(u, v)) <= linalg.norm(u) + linalg.norm(v) + 1e-9
    if linalg.norm(u) > 0 and linalg.norm(v) > 0:
        assert -1.0 <= linalg.cosine_similarity(u, v) <= 1.0


# --------------------------------------------------------------------------------------------
# Transpose and matmul

@pytest.mark.parametrize("shape", [(1, 1), (2, 3), (5, 1), (1, 4), (0, 3), (6, 6)])
def test_transpose_matches_numpy(shape):
    A = np.random.default_rng(RNG_SEED).normal(size=shape)
    assert_close(linalg.transpose(A), A.T, rtol=0, atol=0)


def test_transpose_keeps_integer_dtype_and_rejects_non_matrices():
    out = linalg.transpose([[1, 2, 3], [4, 5, 6]])
    assert out.dtype.kind == "i"
    assert_close(out, [[1, 4], [2, 5], [3, 6]], rtol=0, atol=0)
    for bad in (np.ones(3), np.ones((2, 2, 2))):
        with pytest.raises(ValueError, match="2-D"):
            linalg.transpose(bad)


@pytest.mark.parametrize(("a_shape", "b_shape"), [
    ((1, 1), (1, 1)), ((2, 3), (3, 4)), ((3, 1), (1, 2)), ((1, 3), (3, 1)), ((4, 4), (4, 4)),
    ((3, 2), (2,)), ((64, 10), (10, 16)),
])
def test_matmul_matches_numpy(a_shape, b_shape):
    rng = np.random.default_rng(RNG_SEED)
    A, B = rng.normal(size=a_shape), rng.normal(size=b_shape)
    assert_close(linalg.matmul(A, B), A @ B)


@pytest.mark.parametrize(("a_shape", "b_shape"), [((2, 3), (2, 3)), ((3, 2), (3,)),
                                                  ((3,), (3, 2)), ((2, 2), (2, 2, 2))])
def test_matmul_rejects_bad_shapes(a_shape, b_shape):
    with pytest.raises(ValueError):
        linalg.matmul(np.ones(a_shape), np.ones(b_shape))


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 6), st.integers(1, 6), st.integers(1, 6), st.integers(1, 6),
       st.integers(0, 2**32 - 1))
def test_matmul_properties(m, n, p, q, seed):
    rng = np.random.default_rng(seed)
    A, B, C = rng.normal(size=(m, n)), rng.normal(size=(n, p)), rng.normal(size=(p, q))
    AB = linalg.matmul(A, B)
    assert_close(AB, A @ B)
    # (AB)C = A(BC) and (AB)^T = B^T A^T.
    assert_close(linalg.matmul(AB, C), linalg.matmul(A, linalg.matmul(B, C)), atol=1e-10)
    assert_close(linalg.transpose(AB), linalg.matmul(linalg.transpose(B), linalg.transpose(A)))


# --------------------------------------------------------------------------------------------
# solve, det, inv

def test_solve_det_inv_match_numpy_on_random_matrices():
    rng = np.random.default_rng(RNG_SEED)
    for n in (1, 2, 5, 30):
        A = rng.normal(size=(n, n))
        b, B = rng.normal(size=n), rng.normal(size=(n, 3))
        assert_close(linalg.solve(A, b), np.linalg.solve(A, b), rtol=1e-8, atol=1e-10)
        assert_close(linalg.solve(A, B), np.linalg.solve(A, B), rtol=1e-8, atol=1e-10)
        assert_close(linalg.det(A), np.linalg.det(A), rtol=1e-9)
        assert_close(linalg.inv(A), np.linalg.inv(A), rtol=1e-8, atol=1e-10)


@pytest.mark.parametrize("A", [np.array([[0.0, 1.0], [1.0, 0.0]]),
                               np.array([[1e-20, 1.0], [1.0, 1.0]]),
                               np.array([[0.0, 2.0, 1.0], [1.0, 1.0, 1.0], [2.0, 1.0, 0.0]])])
def test_pivoting_cases(A):
    b = np.arange(1.0, A.shape[0] + 1)
    assert_close(linalg.solve(A, b), np.linalg.solve(A, b))
    assert_close(linalg.det(A), np.linalg.det(A))
    assert_close(linalg.inv(A), np.linalg.inv(A))


def test_pivoting_is_needed_for_a_tiny_pivot():
    # Without row swaps the answer would be [0, 1]; the true solution is ~[1, 1].
    assert_close(linalg.solve([[1e-20, 1.0], [1.0, 1.0]], [1.0, 2.0]), [1.0, 1.0], rtol=1e-15)


def test_determinant_sign_follows_row_swaps():
    P = np.eye(4)[[1, 0, 3, 2]]  # two swaps: det +1
    assert linalg.det(P) == 1.0
    assert linalg.det(np.eye(3)[[2, 0, 1]]) == np.linalg.det(np.eye(3)[[2, 0, 1]])


@pytest.mark.parametrize("n", [4, 6, 8])
def test_ill_conditioned_hilbert(n):
    H = hilbert(n)
    b = H.sum(axis=1)  # the exact solution is all ones
    tol = np.linalg.cond(H) * 1e-15
    assert_close(linalg.solve(H, b), np.linalg.solve(H, b), rtol=tol)
    assert_close(linalg.solve(H, b), np.ones(n), rtol=tol)
    assert_close(linalg.det(H), np.linalg.det(H), rtol=tol, atol=0)
    assert_close(linalg.inv(H), np.linalg.inv(H), rtol=tol)


def test_scaling_does_not_make_a_matrix_singular():
    A = 1e-14 * np.random.default_rng(RNG_SEED).normal(size=(4, 4))
    b = np.ones(4)
    assert_close(linalg.solve(A, b), np.linalg.solve(A, b), rtol=1e-9)
    assert_close(linalg.det(A), np.linalg.det(A), rtol=1e-9, atol=0)


@pytest.mark.parametrize("A", [np.array([[1.0, 2.0], [2.0, 4.0]]),
                               np.arange(1.0, 10.0).reshape(3, 3), np.zeros((3, 3))])
def test_singular_matrices(A):
    with pytest.raises(ValueError, match="singular"):
        linalg.solve(A, np.ones(A.shape[0]))
    with pytest.raises(ValueError, match="singular"):
        linalg.inv(A)
    assert linalg.det(A) == 0.0
    assert_close(linalg.det(A), np.linalg.det(A), atol=1e-12)


@pytest.mark.parametrize("call", [
    lambda: linalg.solve(np.ones((2, 3)), np.ones(2)),
    lambda: linalg.solve(np.eye(3), np.ones(4)),
    lambda: linalg.solve(np.eye(3), np.ones((2, 2))),
    lambda: linalg.det(np.ones((2, 3))),
    lambda: linalg.inv(np.ones((3, 2))),
    lambda: linalg.inv(np.ones(3)),
])
def test_bad_shapes_raise_value_error(call):
    with pytest.raises(ValueError):
        call()


def test_solve_leaves_its_inputs_alone():
    A = np.array([[0.0, 1.0], [1.0, 0.0]])
    b = np.array([2.0, 3.0])
    linalg.solve(A, b)
    linalg.det(A)
    linalg.inv(A)
    assert_close(A, [[0.0, 1.0], [1.0, 0.0]], rtol=0, atol=0)
    assert_close(b, [2.0, 3.0], rtol=0, atol=0)


@settings(max_examples=40, deadline=None)
@given(well_conditioned(), st.integers(0, 2**32 - 1))
def test_solve_properties(A, seed):
    n = A.shape[0]
    b = np.random.default_rng(seed).normal(size=n)
    x = linalg.solve(A, b)
    assert_close(A @ x, b, rtol=1e-9, atol=1e-9)  # the residual is tiny
    assert_close(x, np.linalg.solve(A, b), rtol=1e-8, atol=1e-10)
    assert_close(linalg.matmul(A, linalg.inv(A)), np.eye(n), atol=1e-10)
    assert_close(linalg.det(A), np.linalg.det(A), rtol=1e-8)
    # det(A^T) = det(A), and det(cA) = c^n det(A).
    assert_close(linalg.det(linalg.transpose(A)), linalg.det(A), rtol=1e-8)
    assert_close(linalg.det(2.0 * A), 2.0**n * linalg.det(A), rtol=1e-8)
