"""groundup.arrays against SciPy, scikit-learn, PyTorch and NumPy's own routines."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal
from scipy.spatial.distance import cdist
from scipy.special import softmax as scipy_softmax
from scipy.stats import zscore
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from groundup import arrays

RNG = np.random.default_rng(0)


# --------------------------------------------------------------------------------------------
# Vectorisation and broadcasting

@pytest.mark.parametrize(("n", "m", "d"), [(1, 1, 1), (5, 7, 3), (30, 2, 16), (0, 4, 2)])
def test_pairwise_distances_match_cdist(n, m, d):
    X, Y = RNG.normal(size=(n, d)), RNG.normal(size=(m, d))
    assert_allclose(arrays.pairwise_distances(X, Y), cdist(X, Y), rtol=1e-12, atol=1e-12)


def test_pairwise_distances_of_a_set_to_itself_has_a_zero_diagonal():
    X = 1000 + RNG.normal(size=(50, 4))
    D = arrays.pairwise_distances(X, X)
    assert_array_equal(np.diag(D), 0.0)
    assert_allclose(D, D.T)


@pytest.mark.parametrize(("X", "Y"), [(np.ones((2, 3)), np.ones((2, 4))),
                                      (np.ones(3), np.ones((1, 3)))])
def test_pairwise_distances_invalid(X, Y):
    with pytest.raises(ValueError, match="X|Y"):
        arrays.pairwise_distances(X, Y)


@pytest.mark.parametrize("shape", [(1, 3), (20, 3), (7, 7), (200, 1)])
def test_standardize_columns_matches_standard_scaler(shape):
    X = RNG.normal(size=shape) * RNG.uniform(0.01, 100, size=shape[1]) + 1e6
    assert_allclose(arrays.standardize_columns(X), StandardScaler().fit_transform(X),
                    rtol=1e-7, atol=1e-7)


def test_standardize_columns_constant_column_and_input_unchanged():
    X = RNG.normal(size=(10, 3))
    X[:, 2] = -4.0
    before = X.copy()
    Z = arrays.standardize_columns(X)
    assert_array_equal(X, before)
    assert_array_equal(Z[:, 2], 0.0)
    assert_allclose(Z[:, :2].mean(axis=0), 0.0, atol=1e-12)
    assert_allclose(Z[:, :2].std(axis=0), 1.0)


@pytest.mark.parametrize("X", [np.ones(3), np.zeros((0, 3))])
def test_standardize_columns_invalid(X):
    with pytest.raises(ValueError, match="X"):
        arrays.standardize_columns(X)


@pytest.mark.parametrize("shape", [(4,), (3, 5), (2, 3, 4), (1, 1)])
@pytest.mark.parametrize("scale", [1.0, 500.0])
def test_softmax_matches_scipy(shape, scale):
    Z = scale * RNG.normal(size=shape)
    P = arrays.softmax(Z)
    assert_allclose(P, scipy_softmax(Z, axis=-1), rtol=1e-10, atol=1e-300)
    assert_allclose(P.sum(axis=-1), 1.0)


def test_softmax_huge_logits_and_matches_torch():
    torch = pytest.importorskip("torch")
    Z = np.array([[1000.0, 1001.0, 1002.0], [-1000.0, -1000.0, -999.0], [0.0, 0.0, 0.0]])
    expected = torch.softmax(torch.from_numpy(Z), dim=-1).numpy()
    assert_allclose(arrays.softmax(Z), expected, rtol=1e-12)
    assert np.all(np.isfinite(arrays.softmax(Z)))


@pytest.mark.parametrize("Z", [3.0, np.zeros((2, 0))])
def test_softmax_invalid(Z):
    with pytest.raises(ValueError, match="Z"):
        arrays.softmax(Z)


@pytest.mark.parametrize(("n", "w"), [(1, 1), (10, 1), (10, 10), (100, 7), (1000, 64)])
def test_moving_average_matches_convolve(n, w):
    x = RNG.normal(size=n).cumsum() + 1e3
    expected = np.convolve(x, np.ones(w) / w, mode="valid")
    assert_allclose(arrays.moving_average(x, w), expected, rtol=1e-10)


@pytest.mark.parametrize(("x", "w"), [(np.ones(5), 0), (np.ones(5), 6), (np.ones((2, 2)), 1),
                                      (np.ones(5), 2.5)])
def test_moving_average_invalid(x, w):
    with pytest.raises(ValueError, match="window|x"):
        arrays.moving_average(x, w)


# --------------------------------------------------------------------------------------------
# Masks, fancy indexing and axes

@pytest.mark.parametrize(("n", "k"), [(1, 1), (50, 10), (200, 3)])
def test_one_hot_matches_sklearn(n, k):
    y = RNG.integers(0, k, size=n)
    encoder = OneHotEncoder(categories=[np.arange(k)], sparse_output=False)
    assert_array_equal(arrays.one_hot(y, k), encoder.fit_transform(y.reshape(-1, 1)))


def test_one_hot_defaults_and_empty():
    assert_array_equal(arrays.one_hot([2, 0]), [[0, 0, 1], [1, 0, 0]])
    assert arrays.one_hot(np.zeros(0, dtype=int), 4).shape == (0, 4)


@pytest.mark.parametrize(("y", "k"), [([0, -1], None), ([0, 3], 3), ([0.5], None),
                                      ([[0, 1]], None), ([], None), ([0], 0)])
def test_one_hot_invalid(y, k):
    with pytest.raises(ValueError):
        arrays.one_hot(y, k)


def test_replace_outliers_matches_zscore_and_median():
    X = RNG.normal(size=(300, 3)) * [1.0, 100.0, 0.01]
    X[[3, 50, 120], [0, 1, 2]] += [10.0, -900.0, 0.2]
    before = X.copy()
    out = arrays.replace_outliers(X, k=3.0)
    expected = np.where(np.abs(zscore(X, axis=0)) > 3.0, np.median(X, axis=0), X)
    assert_array_equal(X, before)
    assert_allclose(out, expected)
    assert np.sum(out != X) >= 3


def test_replace_outliers_constant_column_untouched():
    X = np.column_stack([RNG.normal(size=20), np.full(20, 0.1)])
    assert_array_equal(arrays.replace_outliers(X, 1.0)[:, 1], 0.1)


@pytest.mark.parametrize(("X", "k"), [([1.0, 2.0], 3.0), (np.zeros((0, 2)), 3.0), ([[1.0]], 0.0)])
def test_replace_outliers_invalid(X, k):
    with pytest.raises(ValueError):
        arrays.replace_outliers(X, k)


@pytest.mark.parametrize(("shape", "k"), [((1, 3), 2), ((6, 10), 3), ((4, 5), 5), ((3, 4), 0)])
def test_top_k_matches_torch(shape, k):
    torch = pytest.importorskip("torch")
    X = RNG.normal(size=shape)
    values, indices = arrays.top_k(X, k)
    t_values, t_indices = torch.topk(torch.from_numpy(X), k, dim=1)
    assert_array_equal(values, t_values.numpy())
    assert_array_equal(indices, t_indices.numpy())
    assert indices.dtype == np.int64


@pytest.mark.parametrize(("X", "k"), [(np.ones((2, 3)), 4), (np.ones((2, 3)), -1), (np.ones(3), 1),
                                      (np.ones((2, 3)), 1.5)])
def test_top_k_invalid(X, k):
    with pytest.raises(ValueError):
        arrays.top_k(X, k)


# --------------------------------------------------------------------------------------------
# dtypes and randomness

def test_image_mse_no_wraparound():
    a = RNG.integers(0, 256, size=(16, 16, 3), dtype=np.uint8)
    b = RNG.integers(0, 256, size=(16, 16, 3), dtype=np.uint8)
    expected = np.mean((a.astype(np.int64) - b.astype(np.int64)) ** 2)
    assert arrays.image_mse(a, b) == pytest.approx(expected, rel=1e-12)
    assert arrays.image_mse(np.array([3], np.uint8), np.array([5], np.uint8)) == 4.0


@pytest.mark.parametrize("delta", [-300, -80, 0, 80, 300])
def test_adjust_brightness_saturates(delta):
    img = np.arange(256, dtype=np.uint8).reshape(16, 16)
    out = arrays.adjust_brightness(img, delta)
    assert out.dtype == np.uint8
    assert_array_equal(out, np.clip(np.arange(256).reshape(16, 16) + delta, 0, 255))


@pytest.mark.parametrize(("fn", "args"), [
    (arrays.image_mse, (np.zeros(2, np.uint8), np.zeros(3, np.uint8))),
    (arrays.image_mse, (np.zeros(2), np.zeros(2, np.uint8))),
    (arrays.image_mse, (np.zeros(0, np.uint8), np.zeros(0, np.uint8))),
    (arrays.adjust_brightness, (np.zeros(2), 1)),
    (arrays.adjust_brightness, (np.zeros(2, np.uint8), 0.5)),
    (arrays.running_total, (np.ones((2, 2)),)),
])
def test_dtype_functions_invalid(fn, args):
    with pytest.raises(ValueError):
        fn(*args)


def test_running_total_is_float64_and_exact_for_float32_input():
    x = np.full(200_000, 0.1, dtype=np.float32)
    totals = arrays.running_total(x)
    assert totals.dtype == np.float64
    assert totals[-1] == pytest.approx(200_000 * float(np.float32(0.1)), rel=1e-14)
    assert abs(np.cumsum(x)[-1] / totals[-1] - 1) > 1e-4  # the float32 pitfall is real


def test_bootstrap_means_is_reproducible_and_local():
    x = RNG.normal(size=40)
    np.random.seed(1)
    state = np.random.get_state()[1].copy()
    first = arrays.bootstrap_means(x, 500, seed=7)
    assert_array_equal(first, arrays.bootstrap_means(x, 500, seed=7))
    assert_array_equal(first, arrays.bootstrap_means(x, 500, seed=np.random.default_rng(7)))
    assert not np.array_equal(first, arrays.bootstrap_means(x, 500, seed=8))
    assert_array_equal(np.random.get_state()[1], state)
    idx = np.random.default_rng(7).integers(0, x.size, size=(500, x.size))
    assert_allclose(first, x[idx].mean(axis=1), rtol=1e-14)


def test_bootstrap_standard_error_matches_theory():
    x = RNG.exponential(size=50)
    means = arrays.bootstrap_means(x, 20_000, seed=3)
    assert means.mean() == pytest.approx(x.mean(), abs=0.01)
    assert means.std() == pytest.approx(x.std() / np.sqrt(x.size), rel=0.05)


@pytest.mark.parametrize(("x", "b"), [([], 10), ([1.0], 0), ([[1.0, 2.0]], 5)])
def test_bootstrap_means_invalid(x, b):
    with pytest.raises(ValueError):
        arrays.bootstrap_means(x, b, seed=0)
