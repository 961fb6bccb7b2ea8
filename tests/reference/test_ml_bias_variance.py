"""groundup.ml.bias_variance against direct NumPy computations and the exact least-squares answer.

With the training inputs fixed, a least-squares polynomial fit is a linear smoother: its
predictions at the test points are ``H @ y`` for a matrix ``H`` (from the pseudo-inverse of the
Vandermonde matrix). So its mean prediction is ``H @ f(x_train)`` and its variance at test point
j is ``noise**2 * sum_i H[j, i]**2`` exactly: the Monte Carlo estimates must land near these.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from numpy.testing import assert_allclose

from groundup.ml import bias_variance as bv


def _exact(degree: int, n_train: int, noise: float, n_test: int = 100) -> tuple[float, float]:
    x_train, x_test = np.linspace(0, 1, n_train), np.linspace(0, 1, n_test)
    H = np.vander(x_test, degree + 1) @ np.linalg.pinv(np.vander(x_train, degree + 1))
    f_test = np.sin(2 * np.pi * x_test)
    bias2 = np.mean((H @ np.sin(2 * np.pi * x_train) - f_test) ** 2)
    variance = noise**2 * np.mean((H**2).sum(axis=1))
    return float(bias2), float(variance)


@settings(max_examples=50, deadline=None)
@given(arrays(float, st.tuples(st.integers(1, 8), st.integers(1, 10)),
              elements=st.floats(-100, 100)))
def test_decompose_matches_numpy_property(P):
    f = np.linspace(-1, 1, P.shape[1])
    bias2, variance = bv.bias_variance_decompose(P, f)
    assert_allclose(bias2, np.mean((P.mean(axis=0) - f) ** 2), rtol=1e-10, atol=1e-10)
    assert_allclose(variance, np.mean(np.var(P, axis=0)), rtol=1e-10, atol=1e-10)
    # bias^2 + variance is the mean squared distance of the predictions to f, exactly.
    assert_allclose(bias2 + variance, np.mean((P - f) ** 2), rtol=1e-9, atol=1e-9)


@pytest.mark.parametrize(("P", "f"), [
    (np.ones(3), np.ones(3)),
    (np.ones((0, 3)), np.ones(3)),
    (np.ones((2, 3)), np.ones(2)),
    (np.ones((2, 3, 1)), np.ones(3)),
])
def test_decompose_invalid(P, f):
    with pytest.raises(ValueError):
        bv.bias_variance_decompose(P, f)


@pytest.mark.parametrize(("n_train", "noise", "seed"), [(15, 0.3, 0), (20, 0.2, 1), (12, 0.5, 2)])
def test_curve_matches_the_exact_decomposition(n_train, noise, seed):
    degrees = [0, 1, 3, 5, 8, n_train - 3]
    out = bv.bias_variance_curve(degrees, n_datasets=400, n_train=n_train, noise=noise,
                                 seed=seed)
    for k, d in enumerate(degrees):
        bias2, variance = _exact(d, n_train, noise)
        # E[bias2 estimate] = bias2 + variance / R; the variance estimate is within ~10 %.
        assert abs(out["bias2"][k] - bias2 - variance / 400) <= 0.1 * bias2 + 5 * variance / 400
        assert_allclose(out["variance"][k], variance, rtol=0.2)
    assert_allclose(out["noise"], noise**2)
    assert np.asarray(out["degree"]).tolist() == degrees


@pytest.mark.parametrize("seed", range(3))
def test_error_adds_up_and_traces_a_u(seed):
    out = bv.bias_variance_curve(list(range(13)), seed=seed)
    total = out["bias2"] + out["variance"] + out["noise"]
    assert_allclose(out["error"], total, rtol=0.05)
    best = int(np.argmin(out["error"]))
    assert 0 < best < 12
    assert out["error"][0] > 2 * out["error"][best] and out["error"][-1] > 2 * out["error"][best]
    assert out["bias2"][0] > 50 * out["bias2"][-1]
    assert np.all(np.diff(out["variance"]) > 0)


def test_curve_is_reproducible_and_depends_on_seed():
    a, b = bv.bias_variance_curve([1, 4], seed=3), bv.bias_variance_curve([1, 4], seed=3)
    c = bv.bias_variance_curve([1, 4], seed=4)
    assert_allclose(a["error"], b["error"], rtol=0)
    assert not np.allclose(a["error"], c["error"], rtol=1e-12)


@pytest.mark.parametrize("kwargs", [
    {"degrees": [-1, 2]}, {"degrees": [15]}, {"degrees": []}, {"degrees": [1.5]},
    {"degrees": [1], "n_datasets": 1}, {"degrees": [1], "noise": -0.1},
    {"degrees": [1], "n_train": 1},
])
def test_curve_invalid(kwargs):
    with pytest.raises(ValueError):
        bv.bias_variance_curve(**kwargs)
