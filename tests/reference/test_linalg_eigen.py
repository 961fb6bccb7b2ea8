"""The eigen library (power iteration, Jacobi eigh, covariance, PCA) against NumPy."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from groundup.linalg import covariance, eigh, pca_project, power_iteration


def assert_close(actual, expected, *, rtol=1e-9, atol=1e-9, what="result"):
    actual, expected = np.asarray(actual), np.asarray(expected)
    assert actual.shape == expected.shape, f"{what}: shape {actual.shape} != {expected.shape}"
    np.testing.assert_allclose(actual, expected, rtol=rtol, atol=atol, err_msg=what)


def random_symmetric(rng, n):
    M = rng.normal(size=(n, n))
    return (M + M.T) / 2


def symmetric_with(rng, eigenvalues):
    Q, _ = np.linalg.qr(rng.normal(size=(len(eigenvalues), len(eigenvalues))))
    A = Q @ np.diag(eigenvalues) @ Q.T
    return (A + A.T) / 2


def assert_eigh(A, w, V, *, tol=1e-9):
    n = A.shape[0]
    scale = max(1.0, float(np.abs(A).max()))
    assert_close(w, np.linalg.eigh(A)[0], rtol=0, atol=tol * scale, what="eigenvalues")
    assert np.all(np.diff(w) >= 0), "eigenvalues must be ascending"
    assert_close(A @ V, V * w, rtol=0, atol=tol * scale, what="A V = V diag(w)")
    assert_close(V.T @ V, np.eye(n), rtol=0, atol=1e-10, what="V^T V = I")


# --------------------------------------------------------------------------------------------
# eigh

@pytest.mark.parametrize("n", range(2, 9))
def test_eigh_random_symmetric(n):
    A = random_symmetric(np.random.default_rng(n), n)
    assert_eigh(A, *eigh(A))


@pytest.mark.parametrize("A", [
    np.array([[3.0]]),
    np.diag([3.0, -1.0, 2.0]),
    2.0 * np.eye(4),
    np.zeros((3, 3)),
    symmetric_with(np.random.default_rng(0), [2.0, 2.0, 5.0]),
    symmetric_with(np.random.default_rng(1), [1.0, 1.0, 1.0, -2.0]),
    1e6 * random_symmetric(np.random.default_rng(2), 5),
    1e-6 * random_symmetric(np.random.default_rng(3), 5),
], ids=["1x1", "diagonal", "identity", "zero", "repeated", "triple", "large", "small"])
def test_eigh_edge_cases(A):
    assert_eigh(A, *eigh(A))


def test_eigh_accepts_lists_and_leaves_input_alone():
    A = np.array([[2.0, 1.0], [1.0, 2.0]])
    before = A.copy()
    w, V = eigh(A.tolist())
    assert_close(w, [1.0, 3.0], atol=1e-12)
    assert_close(np.abs(V), np.full((2, 2), np.sqrt(0.5)), atol=1e-12)
    assert np.array_equal(A, before)


@pytest.mark.parametrize("A", [np.array([[1.0, 2.0], [3.0, 4.0]]), np.ones((2, 3)), np.ones(3),
                               np.ones((0, 0))])
def test_eigh_rejects(A):
    with pytest.raises(ValueError, match="A"):
        eigh(A)


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 6).flatmap(lambda n: arrays(
    np.float64, (n, n), elements=st.floats(-100, 100, allow_nan=False))))
def test_eigh_property(M):
    A = (M + M.T) / 2
    assert_eigh(A, *eigh(A), tol=1e-8)


# --------------------------------------------------------------------------------------------
# power_iteration

def dominant(A):
    w, V = np.linalg.eig(A)
    i = np.argmax(np.abs(w))
    v = V[:, i].real
    return w[i].real, v / np.linalg.norm(v)


@pytest.mark.parametrize("A", [
    np.array([[2.0, 1.0], [1.0, 2.0]]),
    np.array([[2.0, -1.0], [-1.0, 2.0]]),  # np.ones(2) is an eigenvector of the smaller one
    np.array([[1.0, 2.0], [3.0, -4.0]]),  # dominant eigenvalue -5
    np.array([[4.0, 1.0], [2.0, 3.0]]),  # not symmetric
    np.array([[-7.0]]),
    np.diag([1.0, -3.0, 2.0]),
    symmetric_with(np.random.default_rng(4), [6.0, 2.0, -1.0, 0.5, 3.0]),
], ids=["sym", "ones-trap", "negative", "nonsym", "1x1", "diagonal", "random"])
def test_power_iteration_matches_numpy(A):
    lam, v = power_iteration(A)
    lam_ref, v_ref = dominant(A)
    assert lam == pytest.approx(lam_ref, rel=1e-8)
    assert np.linalg.norm(v) == pytest.approx(1.0)
    assert abs(v @ v_ref) == pytest.approx(1.0, abs=1e-9)
    assert_close(A @ v, lam * v, atol=1e-7, what="A v = lambda v")


def test_power_iteration_zero_matrix():
    lam, v = power_iteration(np.zeros((3, 3)))
    assert lam == 0.0
    assert np.linalg.norm(v) == pytest.approx(1.0)


def test_power_iteration_is_deterministic():
    A = random_symmetric(np.random.default_rng(5), 6)
    assert_close(power_iteration(A)[1], power_iteration(A)[1], rtol=0, atol=0)


@pytest.mark.parametrize("A", [np.ones((2, 3)), np.ones(4), np.ones((2, 2, 2))])
def test_power_iteration_rejects_non_square(A):
    with pytest.raises(ValueError, match="A"):
        power_iteration(A)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.floats(0.05, 0.6), min_size=1, max_size=5), st.sampled_from([-1.0, 1.0]),
       st.integers(0, 2**32 - 1))
def test_power_iteration_property(ratios, sign, seed):
    """Symmetric matrices whose dominant eigenvalue stands out by a factor of at least 1/0.6."""
    eigenvalues = [sign * 3.0] + [3.0 * r * (-1) ** i for i, r in enumerate(ratios)]
    A = symmetric_with(np.random.default_rng(seed), eigenvalues)
    lam, v = power_iteration(A)
    lam_ref, v_ref = dominant(A)
    assert lam == pytest.approx(lam_ref, rel=1e-9)
    assert abs(v @ v_ref) == pytest.approx(1.0, abs=1e-8)


# --------------------------------------------------------------------------------------------
# covariance

@pytest.mark.parametrize(("n_samples", "n_features"), [(2, 1), (3, 2), (10, 3), (4, 6),
                                                       (200, 5)])
def test_covariance_matches_numpy(n_samples, n_features):
    X = np.random.default_rng(n_samples).normal(size=(n_samples, n_features)) * 3 + 7
    expected = np.atleast_2d(np.cov(X, rowvar=False))
    assert_close(covariance(X), expected, rtol=1e-12, atol=1e-12)


def test_covariance_integers_and_lists():
    X = [[1, 2], [2, 5], [4, 1], [3, 3]]
    assert_close(covariance(X), np.cov(np.array(X, dtype=float), rowvar=False), atol=1e-12)


@pytest.mark.parametrize("X", [np.ones((1, 3)), np.ones(5), np.ones((2, 2, 2))])
def test_covariance_rejects(X):
    with pytest.raises(ValueError, match="X"):
        covariance(X)


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 30).flatmap(lambda n: arrays(
    np.float64, (n, 3), elements=st.floats(-1e3, 1e3, allow_nan=False))))
def test_covariance_property(X):
    C = covariance(X)
    assert_close(C, np.cov(X, rowvar=False), rtol=1e-9, atol=1e-6)
    assert_close(C, C.T, rtol=0, atol=0, what="symmetric")


# --------------------------------------------------------------------------------------------
# pca_project

def pca_svd(X, k):
    """Independent reference: SVD of the centred data, largest-magnitude entry positive."""
    Xc = X - X.mean(axis=0)
    _, _, Vt = np.linalg.svd(Xc, full_matrices=False)
    C = Vt[:k].T
    C = C * np.sign(C[np.abs(C).argmax(axis=0), np.arange(k)])
    return Xc @ C


def data(rng, scales, n_samples):
    d = len(scales)
    Q, _ = np.linalg.qr(rng.normal(size=(d, d)))
    return (rng.normal(size=(n_samples, d)) * scales) @ Q.T + rng.uniform(-10, 10, size=d)


@pytest.mark.parametrize(("scales", "k"), [([3.0, 0.5], 1), ([3.0, 0.5], 2),
                                           ([4.0, 2.0, 0.5], 2), ([5.0, 1.0, 0.2, 0.1], 3),
                                           ([6.0, 4.0, 3.0, 1.0, 0.5, 0.2], 4)])
def test_pca_matches_svd(scales, k):
    X = data(np.random.default_rng(len(scales) + k), scales, 80)
    Z = pca_project(X, k)
    assert_close(Z, pca_svd(X, k), rtol=1e-8, atol=1e-8)
    # The components' variances are the top eigenvalues, and the new coordinates are uncorrelated.
    top = np.sort(np.linalg.eigvalsh(np.cov(X, rowvar=False)))[::-1][:k]
    assert_close(np.cov(Z, rowvar=False).reshape(k, k), np.diag(top), atol=1e-8)


def test_pca_example():
    Z = pca_project([[0.0, 0.0], [1.0, 1.0], [2.0, 2.0]], k=1)
    assert_close(Z[:, 0], [-np.sqrt(2), 0.0, np.sqrt(2)], atol=1e-12)


@pytest.mark.parametrize(("X", "k", "error"), [
    (np.ones((5, 3)), 0, ValueError), (np.ones((5, 3)), 4, ValueError),
    (np.ones(5), 1, ValueError), (np.ones((1, 3)), 1, ValueError), (np.ones((5, 3)), 1.5, TypeError),
])
def test_pca_rejects(X, k, error):
    with pytest.raises(error):
        pca_project(X, k)
