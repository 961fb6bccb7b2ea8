"""groundup.ml.cluster and groundup.ml.decomposition against scikit-learn and NumPy.

Parity on scikit-learn's bundled data sets: k-means inertia within 1 % of scikit-learn's with
the same ``n_init``; PCA components equal up to sign (and with the same sign convention),
explained variances equal; the pieces (assignment, update, inertia, k-means++, Lloyd,
covariance eigendecomposition, transforms) against independent NumPy / scikit-learn results.
"""

from __future__ import annotations

import numpy as np
import pytest
import sklearn.cluster
import sklearn.decomposition
from numpy.testing import assert_allclose, assert_array_equal
from sklearn.datasets import load_digits, load_iris, load_wine, make_blobs
from sklearn.metrics import pairwise_distances_argmin
from sklearn.preprocessing import StandardScaler

from groundup.ml import cluster as gc
from groundup.ml import decomposition as gd
from groundup.ml.cluster import KMeans
from groundup.ml.decomposition import PCA

RNG = np.random.default_rng(0)


def _data(name: str) -> np.ndarray:
    if name == "iris":
        return load_iris(return_X_y=True)[0]
    if name == "wine":
        return StandardScaler().fit_transform(load_wine(return_X_y=True)[0])
    return load_digits(return_X_y=True)[0]


# --------------------------------------------------------------------------------------------
# k-means pieces

def test_assign_matches_pairwise_distances_argmin():
    X = RNG.normal(size=(300, 5)) * 3 + 10
    C = RNG.normal(size=(7, 5)) * 3 + 10
    assert_array_equal(gc.assign_clusters(X, C), pairwise_distances_argmin(X, C))
    assert gc.assign_clusters(X, C[:1]).tolist() == [0] * 300


def test_update_centers_means_and_empty_cluster():
    X = RNG.normal(size=(50, 3))
    labels = RNG.integers(0, 3, size=50)
    labels[labels == 1] = 0  # cluster 1 is empty
    old = RNG.normal(size=(4, 3))
    new = gc.update_centers(X, labels, old)
    for j in (0, 2):
        assert_allclose(new[j], X[labels == j].mean(axis=0))
    assert_array_equal(new[[1, 3]], old[[1, 3]])


def test_inertia_matches_sklearn_fitted_model():
    X = _data("iris")
    model = sklearn.cluster.KMeans(3, n_init=1, random_state=0).fit(X)
    assert_allclose(gc.inertia(X, model.cluster_centers_, model.labels_), model.inertia_,
                    rtol=1e-9)


@pytest.mark.parametrize(("fn", "args"), [
    (gc.assign_clusters, (np.ones((3, 2)), np.ones((2, 3)))),
    (gc.assign_clusters, (np.ones(3), np.ones((2, 3)))),
    (gc.update_centers, (np.ones((3, 2)), [0, 1, 2], np.ones((2, 2)))),
    (gc.update_centers, (np.ones((3, 2)), [0, 1], np.ones((2, 2)))),
    (gc.inertia, (np.ones((3, 2)), np.ones((2, 2)), [0, -1, 1])),
    (gc.kmeans_plus_plus, (np.ones((3, 2)), 4, np.random.default_rng(0))),
    (gc.kmeans_plus_plus, (np.ones((3, 2)), 0, np.random.default_rng(0))),
    (gc.lloyd, (np.ones((3, 2)), np.ones((2, 2)), 0)),
])
def test_cluster_pieces_reject_bad_input(fn, args):
    with pytest.raises(ValueError):
        fn(*args)


def test_kmeans_plus_plus_follows_d_squared_sampling():
    # Points 0, 1, 3 on a line, k = 2: P(pair) is known exactly.
    X = np.array([[0.0], [1.0], [3.0]])
    exact = {}
    for first in range(3):
        d2 = (X[:, 0] - X[first, 0]) ** 2
        for second in range(3):
            exact[(first, second)] = d2[second] / d2.sum() / 3
    rng = np.random.default_rng(0)
    n = 6000
    counts: dict[tuple[int, int], int] = {}
    for _ in range(n):
        C = gc.kmeans_plus_plus(X, 2, rng)
        key = (int(C[0, 0] if C[0, 0] != 3 else 2), int(C[1, 0] if C[1, 0] != 3 else 2))
        counts[key] = counts.get(key, 0) + 1
    from scipy import stats
    keys = [k for k, p in exact.items() if p > 0]
    assert set(counts) <= set(keys)
    observed = [counts.get(k, 0) for k in keys]
    expected = [exact[k] * n for k in keys]
    assert stats.chisquare(observed, expected).pvalue > 1e-4


def test_kmeans_plus_plus_picks_distinct_rows_and_is_seeded():
    X, _ = make_blobs(200, 4, centers=5, random_state=1)
    for trials in (1, 3):
        C = gc.kmeans_plus_plus(X, 5, np.random.default_rng(3), n_local_trials=trials)
        rows = [np.flatnonzero((c == X).all(axis=1)) for c in C]
        assert all(len(r) == 1 for r in rows) and len({int(r[0]) for r in rows}) == 5
        again = gc.kmeans_plus_plus(X, 5, np.random.default_rng(3), n_local_trials=trials)
        assert_array_equal(C, again)
    # Duplicates: fewer distinct points than clusters still gives valid rows.
    C = gc.kmeans_plus_plus(np.zeros((4, 2)), 3, np.random.default_rng(0))
    assert_array_equal(C, np.zeros((3, 2)))


@pytest.mark.parametrize("name", ["iris", "wine", "digits"])
def test_lloyd_matches_sklearn_from_the_same_start(name):
    X = _data(name)
    k = 10 if name == "digits" else 3
    start = X[np.random.default_rng(1).choice(len(X), size=k, replace=False)]
    ref = sklearn.cluster.KMeans(k, init=start, n_init=1, tol=0.0, max_iter=300).fit(X)
    C, labels, J, n_iter = gc.lloyd(X, start, max_iter=300, tol=0.0)
    assert_allclose(J, ref.inertia_, rtol=1e-8)
    assert_allclose(C, ref.cluster_centers_, rtol=1e-7, atol=1e-9)
    assert_array_equal(labels, ref.labels_)
    assert n_iter == ref.n_iter_


# --------------------------------------------------------------------------------------------
# KMeans estimator

@pytest.mark.parametrize("name", ["iris", "wine", "digits"])
@pytest.mark.parametrize("n_init", [1, 10])
def test_kmeans_inertia_within_one_percent_of_sklearn(name, n_init):
    X = _data(name)
    k = 10 if name == "digits" else 3
    ours = KMeans(k, n_init=n_init, random_state=0).fit(X)
    theirs = sklearn.cluster.KMeans(k, n_init=n_init, random_state=0).fit(X)
    assert ours.inertia_ <= 1.01 * theirs.inertia_
    assert_allclose(ours.inertia_, gc.inertia(X, ours.cluster_centers_, ours.labels_))
    assert_array_equal(ours.predict(X), ours.labels_)


def test_kmeans_random_init_and_given_array():
    X = _data("wine")
    ours = KMeans(3, init="random", random_state=0).fit(X)
    theirs = sklearn.cluster.KMeans(3, init="random", random_state=0).fit(X)
    assert ours.inertia_ <= 1.01 * theirs.inertia_
    start = X[[0, 60, 140]]
    ours = KMeans(3, init=start).fit(X)
    theirs = sklearn.cluster.KMeans(3, init=start, n_init=1).fit(X)
    assert_allclose(ours.cluster_centers_, theirs.cluster_centers_, rtol=1e-6, atol=1e-9)
    assert ours.n_iter_ == theirs.n_iter_
    with pytest.warns(RuntimeWarning, match="one init"):
        KMeans(3, init=start, n_init=5).fit(X)


def test_kmeans_transform_score_and_bad_parameters():
    X, _ = make_blobs(300, 3, centers=4, random_state=0)
    model = KMeans(4, random_state=0).fit(X)
    ref = sklearn.cluster.KMeans(4, init=model.cluster_centers_, n_init=1, max_iter=1).fit(X)
    ref.cluster_centers_ = model.cluster_centers_
    assert_allclose(model.transform(X), ref.transform(X), rtol=1e-7, atol=1e-9)
    assert_allclose(model.score(X), ref.score(X), rtol=1e-9)
    assert_array_equal(model.fit_predict(X), model.labels_)
    assert model.labels_.dtype == np.int32
    for bad in (dict(n_clusters=0), dict(init="nope"), dict(n_init=0), dict(max_iter=0),
                dict(tol=-1.0), dict(n_clusters=301)):
        with pytest.raises(ValueError):
            KMeans(**bad).fit(X)


# --------------------------------------------------------------------------------------------
# PCA pieces

@pytest.mark.parametrize("name", ["iris", "wine", "digits"])
def test_covariance_eigh_matches_sklearn_components(name):
    X = _data(name)
    k = 5 if name == "digits" else 3
    ref = sklearn.decomposition.PCA(k, svd_solver="full").fit(X)
    comps, var = gd.covariance_eigh(X, k)
    assert_allclose(var, ref.explained_variance_, rtol=1e-8, atol=1e-10)
    assert_allclose(comps, ref.components_, atol=1e-6)  # same sign convention, not only up to sign


def test_explained_variance_ratio_and_choice():
    for X in (_data("iris"), RNG.normal(size=(5, 8))):  # tall, and wide (rank < n_features)
        ref = sklearn.decomposition.PCA(svd_solver="full").fit(X)
        assert_allclose(gd.explained_variance_ratio(X), ref.explained_variance_ratio_,
                        atol=1e-10)
    X = _data("digits")
    ratio = gd.explained_variance_ratio(X)
    for t in (0.5, 0.8, 0.95, 0.99):
        ref = sklearn.decomposition.PCA(n_components=t, svd_solver="full").fit(X)
        assert gd.choose_n_components(ratio, t) == ref.n_components_
    assert gd.choose_n_components([0.5, 0.5], 0.5) == 2  # strictly more than t


@pytest.mark.parametrize("whiten", [False, True])
def test_transform_and_inverse_match_sklearn(whiten):
    X = _data("wine")
    ref = sklearn.decomposition.PCA(4, whiten=whiten, svd_solver="full").fit(X)
    args = (ref.mean_, ref.components_, ref.explained_variance_)
    Z = gd.pca_transform(X, *args, whiten=whiten)
    assert_allclose(Z, ref.transform(X), rtol=1e-9, atol=1e-10)
    assert_allclose(gd.pca_inverse_transform(Z, *args, whiten=whiten), ref.inverse_transform(Z),
                    rtol=1e-9, atol=1e-10)


@pytest.mark.parametrize(("fn", "args"), [
    (gd.covariance_eigh, (np.ones((5, 3)), 4)), (gd.covariance_eigh, (np.ones((1, 3)), 1)),
    (gd.explained_variance_ratio, (np.ones(4),)), (gd.choose_n_components, ([0.5, 0.5], 1.0)),
    (gd.choose_n_components, ([], 0.5)),
    (gd.pca_transform, (np.ones((2, 3)), np.zeros(3), np.ones((2, 4)), np.ones(2))),
    (gd.pca_inverse_transform, (np.ones((2, 3)), np.zeros(3), np.ones((2, 3)), np.ones(2))),
])
def test_pca_pieces_reject_bad_input(fn, args):
    with pytest.raises(ValueError):
        fn(*args)


# --------------------------------------------------------------------------------------------
# PCA estimator

@pytest.mark.parametrize("name", ["iris", "wine", "digits"])
@pytest.mark.parametrize("solver", ["full", "covariance_eigh", "auto"])
@pytest.mark.parametrize("whiten", [False, True])
def test_pca_matches_sklearn(name, solver, whiten):
    X = _data(name)
    ours = PCA(svd_solver=solver, whiten=whiten).fit(X)
    theirs = sklearn.decomposition.PCA(svd_solver=solver, whiten=whiten).fit(X)
    n = theirs.n_components_
    assert ours.n_components_ == n
    # Components up to sign first (the property that matters), then the sign convention.
    # digits has constant pixels: only compare components with a clearly non-zero variance.
    keep = theirs.explained_variance_ > 1e-8 * theirs.explained_variance_[0]
    dots = np.abs(np.sum(ours.components_[keep] * theirs.components_[keep], axis=1))
    assert_allclose(dots, 1.0, atol=1e-6)
    assert_allclose(ours.components_[keep], theirs.components_[keep], atol=1e-6)
    assert_allclose(ours.explained_variance_, theirs.explained_variance_, rtol=1e-7, atol=1e-9)
    assert_allclose(ours.explained_variance_ratio_, theirs.explained_variance_ratio_, atol=1e-10)
    assert_allclose(ours.singular_values_, theirs.singular_values_, rtol=1e-7,
                    atol=1e-7 * theirs.singular_values_[0])  # sqrt of rounding-level eigenvalues
    assert_allclose(ours.mean_, theirs.mean_)
    assert_allclose(ours.noise_variance_, theirs.noise_variance_, rtol=1e-7, atol=1e-9)
    Z = ours.transform(X)
    assert_allclose(np.abs(Z[:, keep]), np.abs(theirs.transform(X)[:, keep]), rtol=1e-6,
                    atol=1e-6)
    assert_allclose(ours.inverse_transform(Z), X, atol=1e-6)  # all components: exact


@pytest.mark.parametrize("n_components", [1, 2, 0.9, 0.99, 0])
def test_pca_n_components(n_components):
    X = _data("wine")
    ours = PCA(n_components, svd_solver="full").fit(X)
    theirs = sklearn.decomposition.PCA(n_components, svd_solver="full").fit(X)
    assert ours.n_components_ == theirs.n_components_
    assert_allclose(ours.noise_variance_, theirs.noise_variance_)
    if ours.n_components_:
        back = ours.inverse_transform(ours.fit_transform(X))
        assert_allclose(back, theirs.inverse_transform(theirs.transform(X)), atol=1e-9)


def test_pca_bad_parameters():
    X = _data("iris")
    for bad in (dict(n_components=5), dict(n_components=1.5), dict(n_components=-1),
                dict(svd_solver="arpack")):
        with pytest.raises(ValueError):
            PCA(**bad).fit(X)
