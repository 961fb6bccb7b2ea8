"""Checks for the k-means and PCA exercises, against scikit-learn and NumPy.

k-means pieces are compared with ``sklearn.metrics.pairwise_distances_argmin``, with a fitted
``sklearn.cluster.KMeans`` (its ``inertia_``, and its Lloyd loop from the same starting centres)
or with a few lines of plain NumPy. k-means++ is random, so it is checked by its distribution:
thousands of seedings of tiny data sets, whose choices are compared with the exact k-means++
probabilities by a chi-squared test at fixed seeds. PCA pieces are compared with a fitted
``sklearn.decomposition.PCA`` (components up to sign, then with its sign convention).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import numpy as np

from groundup.grading.spec import Case, Check, Comparator, close_to, compare_values, raises, satisfies
from groundup.grading.wire import Opaque

DRIVERS = "groundup.curriculum.checks.clustering_drivers"
P_THRESHOLD = 1e-4  # a correct sampler fails a chi-squared test at a fixed seed this rarely


# --------------------------------------------------------------------------------------------
# Data and helpers

def _blobs(rng: np.random.Generator, n_samples: int, n_features: int, n_centers: int,
           spread: float = 1.0, scale: float = 8.0) -> np.ndarray:
    centers = rng.normal(scale=scale, size=(n_centers, n_features))
    which = rng.integers(0, n_centers, size=n_samples)
    return centers[which] + rng.normal(scale=spread, size=(n_samples, n_features))


def _iris() -> np.ndarray:
    from sklearn.datasets import load_iris

    return load_iris(return_X_y=True)[0]


def _wine_scaled() -> np.ndarray:
    from sklearn.datasets import load_wine

    X = load_wine(return_X_y=True)[0]
    return (X - X.mean(axis=0)) / X.std(axis=0)


def _digits() -> tuple[np.ndarray, np.ndarray]:
    from sklearn.datasets import load_digits

    X, y = load_digits(return_X_y=True)
    return X.astype(float), y


def _by_label(table: dict[str, Any], *, rtol: float = 1e-7, atol: float = 1e-9,
              hidden: bool = False) -> Comparator:
    """Expect ``table[case.label]``: for references computed when the checks are built (a
    fitted scikit-learn model's answer for that input)."""

    def predicate(case: Case, value: Any) -> str | None:
        expected = table[case.label]
        if isinstance(expected, tuple):
            if not isinstance(value, (tuple, list)) or len(value) != len(expected):
                return f"expected a tuple of {len(expected)} values"
            for i, (e, v) in enumerate(zip(expected, value, strict=True)):
                msg = compare_values(e, v, rtol=rtol, atol=atol, hidden=hidden,
                                     what=f"result's item {i}")
                if msg:
                    return msg
            return None
        return compare_values(expected, value, rtol=rtol, atol=atol, hidden=hidden)

    return satisfies(predicate)


def _shaped(value: Any, shape: tuple[int, ...], what: str, hidden: bool = False) -> str | None:
    """None when ``value`` is a finite numeric array of this shape, else what is wrong."""
    if value is None or isinstance(value, (Opaque, str, dict)):
        return compare_values(np.zeros(shape), value, hidden=hidden, what=what)
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        return f"the {what} could not be read as an array of numbers"
    if arr.shape != shape:
        return compare_values(np.zeros(shape), arr, hidden=hidden, what=what)
    if not np.isfinite(arr).all():
        return f"the {what} contains NaN or inf (a division by zero?)"
    return None


# --------------------------------------------------------------------------------------------
# kmeans.assign

def _sk_assign(X: Any, centers: Any) -> np.ndarray:
    from sklearn.metrics import pairwise_distances_argmin

    return pairwise_distances_argmin(np.asarray(X, dtype=float), np.asarray(centers, dtype=float))


def assign() -> list[Check]:
    rng = np.random.default_rng(10)
    nearest = "Squared distances to every centre (one matrix), then argmin along axis 1."
    X = _blobs(rng, 40, 2, 3)
    return [
        Check("a tiny example", [Case(np.array([[0.0, 0.0], [9.0, 9.0], [1.0, 0.0]]),
                                      np.array([[0.0, 0.0], [10.0, 10.0]]))],
              expect=close_to(_sk_assign), hint=nearest),
        Check("random blobs", [Case(X, X[[0, 1, 2]]),
                               Case(_blobs(rng, 60, 3, 4), rng.normal(scale=8, size=(4, 3))),
                               Case(rng.normal(size=(30, 5)), rng.normal(size=(6, 5)))],
              expect=close_to(_sk_assign),
              hint="argmin over the centres (axis=1), not over the samples; and keep every "
                   "term of ||x||^2 - 2 x.c + ||c||^2 (dropping ||c||^2 favours big centres)."),
        Check("one centre", [Case(rng.normal(size=(5, 2)), np.array([[0.0, 0.0]]))],
              expect=close_to(_sk_assign), hint="With one centre every label is 0."),
        Check("one feature and integer input",
              [Case(np.array([[1], [5], [9], [2]]), np.array([[0], [10]])),
               Case(np.array([[3.0], [-4.0]]), np.array([[1.0], [-1.0], [5.0]]))],
              expect=close_to(_sk_assign),
              hint="Work in floating point: np.asarray(X, dtype=float); a (n, 1) array is "
                   "still 2-D."),
        Check("a tie goes to the lowest index",
              [Case(np.array([[0.0], [2.0]]), np.array([[1.0], [-1.0], [3.0]]))],
              expect=close_to(_sk_assign),
              hint="np.argmin returns the first minimum; do not reverse or re-sort the centres."),
        Check("data far from the origin", [Case(X + 1000.0, X[[0, 1, 2]] + 1000.0)],
              expect=close_to(_sk_assign), hint=nearest),
        Check("shapes that do not fit", [Case(np.ones((3, 2)), np.ones((2, 3))),
                                         Case(np.ones(3), np.ones((2, 3))),
                                         Case(np.ones((3, 2)), np.ones((0, 2)))],
              expect=raises(ValueError),
              hint="Raise ValueError unless X and centers are 2-D, there is at least one "
                   "centre, and both have the same number of features."),
        Check("larger data", [Case(_blobs(rng, 2000, 8, 10), rng.normal(scale=8, size=(10, 8)))],
              expect=close_to(_sk_assign, hidden=True), hidden=True, hint=nearest),
    ]


# --------------------------------------------------------------------------------------------
# kmeans.update

def _np_update(X: Any, labels: Any, centers: Any) -> np.ndarray:
    X, labels = np.asarray(X, dtype=float), np.asarray(labels)
    new = np.array(centers, dtype=float)
    for j in range(len(new)):
        members = X[labels == j]
        if len(members):
            new[j] = members.mean(axis=0)
    return new


def update() -> list[Check]:
    rng = np.random.default_rng(11)
    means = "Each centre becomes the mean of the samples labelled with its index."
    X = rng.normal(size=(30, 3))
    with_empty = rng.integers(0, 4, size=30)
    with_empty[with_empty == 2] = 0
    return [
        Check("a tiny example", [Case(np.array([[0.0], [2.0], [10.0]]), np.array([0, 0, 1]),
                                      np.array([[5.0], [5.0]]))],
              expect=close_to(_np_update), hint=means),
        Check("random labels", [Case(X, rng.integers(0, 3, size=30), rng.normal(size=(3, 3))),
                                Case(rng.normal(size=(50, 2)), rng.integers(0, 5, size=50),
                                     rng.normal(size=(5, 2)))],
              expect=close_to(_np_update), hint=means),
        Check("an empty cluster keeps its centre",
              [Case(np.array([[0.0], [2.0]]), np.array([0, 0]), np.array([[5.0], [7.0]])),
               Case(X, with_empty, rng.normal(size=(4, 3)))],
              expect=close_to(_np_update),
              hint="A cluster with no sample has no mean (0/0 gives NaN): keep its old centre."),
        Check("labels as a list, integer data",
              [Case([[1, 2], [3, 4], [10, 10]], [1, 1, 0], [[0, 0], [0, 0]])],
              expect=close_to(_np_update),
              hint="Convert with np.asarray(X, dtype=float) so that means are not truncated."),
        Check("invalid labels", [Case(np.ones((3, 2)), np.array([0, 1, 2]), np.ones((2, 2))),
                                 Case(np.ones((3, 2)), np.array([0, -1, 1]), np.ones((2, 2))),
                                 Case(np.ones((3, 2)), np.array([0, 1]), np.ones((2, 2)))],
              expect=raises(ValueError),
              hint="Raise ValueError if labels does not have one entry per sample, or a label "
                   "is not in [0, n_clusters)."),
        Check("shapes that do not fit", [Case(np.ones((3, 2)), np.zeros(3, int), np.ones((2, 3))),
                                         Case(np.ones(3), np.zeros(3, int), np.ones((2, 1)))],
              expect=raises(ValueError),
              hint="X must be 2-D and centers must have X's number of features."),
        Check("larger data with empty clusters",
              [Case(rng.normal(size=(500, 6)), rng.choice([0, 1, 3, 4, 7], size=500),
                    rng.normal(size=(8, 6)))],
              expect=close_to(_np_update, hidden=True), hidden=True,
              hint="Compute every non-empty cluster's mean; keep the old centre of the empty "
                   "ones."),
    ]


# --------------------------------------------------------------------------------------------
# kmeans.inertia

def _np_inertia(X: Any, centers: Any, labels: Any) -> float:
    X, centers = np.asarray(X, dtype=float), np.asarray(centers, dtype=float)
    return float(sum(np.sum((x - centers[j]) ** 2) for x, j in zip(X, labels, strict=True)))


def inertia() -> list[Check]:
    from sklearn.cluster import KMeans

    rng = np.random.default_rng(12)
    iris = _iris()
    model = KMeans(3, n_init=1, random_state=0).fit(iris)
    fitted = {"iris and a fitted scikit-learn KMeans (its inertia_)": model.inertia_}
    return [
        Check("a tiny example", [Case(np.array([[0.0], [2.0], [10.0]]), np.array([[1.0], [10.0]]),
                                      np.array([0, 0, 1]))],
              expect=close_to(_np_inertia),
              hint="(0-1)^2 + (2-1)^2 + (10-10)^2 = 2: squared distances, added up."),
        Check("a fitted scikit-learn model",
              [Case(iris, model.cluster_centers_, model.labels_, label=next(iter(fitted)))],
              expect=_by_label(fitted, rtol=1e-9),
              hint="Sum (not mean) of the squared distances to each sample's own centre."),
        Check("labels that are not the nearest centre",
              [Case(rng.normal(size=(20, 2)), rng.normal(size=(3, 2)), rng.integers(0, 3, 20))],
              expect=close_to(_np_inertia),
              hint="Use centers[labels], the centre each sample is labelled with, not the "
                   "nearest one."),
        Check("one sample", [Case(np.array([[1.0, 2.0]]), np.array([[0.0, 0.0]]), np.array([0]))],
              expect=close_to(_np_inertia), hint="||(1, 2)||^2 = 5."),
        Check("invalid input", [Case(np.ones((3, 2)), np.ones((2, 2)), np.array([0, 2, 1])),
                                Case(np.ones((3, 2)), np.ones((2, 2)), np.array([0, 1])),
                                Case(np.ones((3, 2)), np.ones((2, 3)), np.array([0, 1, 1]))],
              expect=raises(ValueError),
              hint="Raise ValueError for a label outside [0, n_clusters), a labels array of "
                   "the wrong length, or centres with a different number of features."),
        Check("larger data", [Case(_blobs(rng, 1000, 5, 6), rng.normal(size=(6, 5)) * 8,
                                   rng.integers(0, 6, 1000))],
              expect=close_to(_np_inertia, rtol=1e-9, hidden=True), hidden=True,
              hint="Sum over all samples of ||x_i - c_{label_i}||^2."),
    ]


# --------------------------------------------------------------------------------------------
# kmeans.plus_plus

def _row_indices(X: np.ndarray, centers: np.ndarray) -> np.ndarray | None:
    """The index of each centre among the rows of X (-1 where it is not a row)."""
    match = (centers[:, None, :] == X[None, :, :]).all(axis=2)  # (k, n_samples)
    return np.where(match.any(axis=1), match.argmax(axis=1), -1)


def _exact_probabilities(X: np.ndarray, k: int) -> dict[tuple[int, ...], float]:
    """P(the ordered choice (i_1, ..., i_k)) under k-means++ with distinct rows."""
    n = len(X)
    out: dict[tuple[int, ...], float] = {}
    for choice in itertools.permutations(range(n), k):
        p = 1.0 / n
        for step in range(1, k):
            chosen = X[list(choice[:step])]
            d2 = ((X[:, None, :] - chosen[None, :, :]) ** 2).sum(axis=2).min(axis=1)
            p *= d2[choice[step]] / d2.sum()
        if p > 0:
            out[choice] = p
    return out


def _valid_seeding(X: np.ndarray, k: int, value: Any, hidden: bool = False) -> str | None:
    problem = _shaped(value, (k, X.shape[1]), "centres", hidden)
    if problem:
        return problem
    idx = _row_indices(X, np.asarray(value, dtype=float))
    assert idx is not None
    if (idx < 0).any():
        return "every centre must be one of the samples (a row of X), but one is not"
    return None


def _distribution_ok(hidden: bool = False) -> Callable[[Case, Any], str | None]:
    from scipy import stats

    def predicate(case: Case, value: Any) -> str | None:
        X, k, n_runs = np.asarray(case.args[0], dtype=float), case.args[1], case.args[2]
        problem = _shaped(value, (n_runs, k, X.shape[1]), "stack of seedings", hidden)
        if problem:
            return problem
        runs = np.asarray(value, dtype=float)
        exact = _exact_probabilities(X, k)
        counts: dict[tuple[int, ...], int] = {}
        for centers in runs:
            idx = _row_indices(X, centers)
            assert idx is not None
            if (idx < 0).any():
                return "every centre must be one of the samples (a row of X), but one is not"
            key = tuple(int(i) for i in idx)
            if key not in exact:
                return ("a seeding chose a sample that was already a centre, or one at distance 0 "
                        "from a centre: such a sample must have probability 0")
            counts[key] = counts.get(key, 0) + 1
        keys = sorted(exact, key=lambda c: -exact[c])
        expected = np.array([exact[c] * n_runs for c in keys])
        observed = np.array([counts.get(c, 0) for c in keys], dtype=float)
        small = expected < 5  # pool the rare outcomes into one cell, as a chi-squared test needs
        if small.any():
            expected = np.append(expected[~small], expected[small].sum())
            observed = np.append(observed[~small], observed[small].sum())
        pvalue = float(stats.chisquare(observed, expected).pvalue)
        if pvalue < P_THRESHOLD:
            worst = int(np.argmax(np.abs(observed - expected) / np.sqrt(expected)))
            detail = "" if hidden or worst >= len(keys) else (
                f"; for example the choice of samples {keys[worst]} (in that order) came up "
                f"{int(observed[worst])} times in {n_runs}, where about {expected[worst]:.0f} "
                "were expected")
            return ("the centres are not chosen with the k-means++ probabilities (chi-squared "
                    f"test p-value {pvalue:.1e} < {P_THRESHOLD:g}){detail}. The first centre "
                    "is uniform; each next one has probability D(x)^2 / sum(D^2), with D the "
                    "distance to the *nearest* centre chosen so far")
        return None

    return predicate


def _seeded(case: Case, value: Any) -> str | None:
    X, k = np.asarray(case.args[0], dtype=float), case.args[1]
    if not isinstance(value, dict) or set(value) != {"first", "again", "others"}:
        return "the driver could not collect your seedings"
    for name in ("first", "again"):
        problem = _valid_seeding(X, k, value[name])
        if problem:
            return problem
    if not np.array_equal(value["first"], value["again"]):
        return ("two calls with generators made from the same seed gave different centres: "
                "draw every random number from the `rng` argument (not np.random.* or a new "
                "default_rng())")
    if all(np.array_equal(value["first"], o) for o in np.asarray(value["others"])):
        return ("five other seeds all gave the same centres as the first one: the choice must "
                "be random, drawn from `rng`")
    return None


def plus_plus() -> list[Check]:
    rng = np.random.default_rng(13)
    line = np.array([[0.0], [1.0], [3.0]])
    square = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 2.0], [3.0, 3.0]])
    five = np.array([[0.0, 0.0], [2.0, 0.0], [0.0, 1.0], [4.0, 4.0], [1.0, 3.0]])
    blobs = _blobs(rng, 60, 2, 4)
    d_squared = ("First centre uniform; then P(x) = D(x)^2 / sum(D^2) with D the distance to "
                 "the nearest centre so far; use rng.choice(n_samples, p=...).")

    def valid(case: Case, value: Any) -> str | None:
        return _valid_seeding(np.asarray(case.args[0], dtype=float), case.args[1], value)

    def distinct(case: Case, value: Any) -> str | None:
        X, k = np.asarray(case.args[0], dtype=float), case.args[1]
        problem = _valid_seeding(X, k, value)
        if problem:
            return problem
        idx = _row_indices(X, np.asarray(value, dtype=float))
        assert idx is not None
        if len(set(idx.tolist())) < k:
            return ("the same sample was chosen twice: once a sample is a centre its D(x) is "
                    "0, so its probability must be 0 (take the minimum distance over *all* "
                    "centres chosen so far)")
        return None

    def duplicates(case: Case, value: Any) -> str | None:
        return _valid_seeding(np.asarray(case.args[0], dtype=float), case.args[1], value)

    once = f"{DRIVERS}:plus_plus_once"
    runs = f"{DRIVERS}:plus_plus_runs"
    return [
        Check("centres are rows of X", [Case(blobs, 4, 0, driver=once),
                                        Case(blobs, 1, 1, driver=once)],
              expect=satisfies(valid),
              hint="Return X[chosen_indices]: an array of shape (n_clusters, n_features)."),
        Check("every sample becomes a centre when n_clusters = n_samples",
              [Case(square, 4, 2, driver=once), Case(blobs[:12], 12, 3, driver=once)],
              expect=satisfies(distinct),
              hint="After choosing a centre, D(x) = min(D(x), distance to the new centre): "
                   "chosen samples get probability 0."),
        Check("same seed, same centres",
              [Case(blobs, 3, 5, driver=f"{DRIVERS}:plus_plus_seeds")],
              expect=satisfies(_seeded),
              hint="Use the rng argument for every random choice."),
        Check("k-means++ probabilities, 3 points on a line",
              [Case(line, 2, 3000, 7, driver=runs)], expect=satisfies(_distribution_ok()),
              hint=d_squared + " Squared distances, not distances."),
        Check("k-means++ probabilities, 4 points, 3 centres",
              [Case(square, 3, 3000, 8, driver=runs)], expect=satisfies(_distribution_ok()),
              hint=d_squared + " D(x) is the distance to the *nearest* chosen centre, not to "
                               "the first or the last one."),
        Check("duplicate points", [Case(np.zeros((4, 2)), 3, 0, driver=once)],
              expect=satisfies(duplicates),
              hint="When every D(x) is 0, sum(D^2) = 0: choose uniformly instead of dividing "
                   "by 0."),
        Check("invalid input", [Case(blobs, 0, 0, driver=once), Case(square, 5, 0, driver=once),
                                Case(np.ones(4), 1, 0, driver=once)],
              expect=raises(ValueError),
              hint="Raise ValueError unless X is 2-D and 1 <= n_clusters <= n_samples."),
        Check("k-means++ probabilities, another data set",
              [Case(five, 3, 4000, 9, driver=runs)],
              expect=satisfies(_distribution_ok(hidden=True)), hidden=True, hint=d_squared),
    ]


# --------------------------------------------------------------------------------------------
# kmeans.lloyd

def _sk_lloyd(X: Any, centers: Any, max_iter: int = 300,
              tol: float = 0.0) -> tuple[np.ndarray, np.ndarray, float, int]:
    """scikit-learn's KMeans from these starting centres (its tol is relative to the mean
    feature variance, so the absolute tol is converted)."""
    from sklearn.cluster import KMeans

    X = np.asarray(X, dtype=float)
    centers = np.asarray(centers, dtype=float)
    relative = tol / float(np.mean(np.var(X, axis=0))) if tol else 0.0
    model = KMeans(len(centers), init=centers, n_init=1, max_iter=max_iter, tol=relative).fit(X)
    return model.cluster_centers_, model.labels_, float(model.inertia_), int(model.n_iter_)


def lloyd() -> list[Check]:
    rng = np.random.default_rng(14)
    iris = _iris()
    wine = _wine_scaled()
    digits, y = _digits()
    blobs = _blobs(rng, 200, 2, 4, spread=1.5, scale=5.0)
    loop = ("Repeat: assign, update, shift = sum of squared centre moves; stop when "
            "shift <= tol or after max_iter; then assign once more.")
    return [
        Check("a tiny example", [Case(np.array([[0.0], [1.0], [10.0], [11.0]]),
                                      np.array([[0.0], [1.0]]))],
              expect=close_to(_sk_lloyd),
              hint="Centres (0.5, 10.5), labels [0, 0, 1, 1], inertia 1, and 3 iterations: the "
                   "third one changes nothing, which is how you know you are done."),
        Check("blobs and iris, until convergence",
              [Case(blobs, blobs[:4]), Case(iris, iris[[0, 1, 100]]),
               Case(wine, wine[[0, 70, 140]])],
              expect=close_to(_sk_lloyd, rtol=1e-7, atol=1e-9), hint=loop),
        Check("one iteration (max_iter=1)", [Case(iris, iris[[0, 50, 100]], max_iter=1),
                                            Case(blobs, blobs[:4], max_iter=1)],
              expect=close_to(_sk_lloyd, rtol=1e-7, atol=1e-9),
              hint="After the last update, assign again: the labels and the inertia must "
                   "belong to the centres you return, and n_iter counts the iterations run."),
        Check("a tolerance stops early", [Case(iris, iris[[0, 1, 100]], tol=0.01),
                                          Case(iris, iris[[10, 20, 30, 60]], tol=0.05),
                                          Case(wine, wine[[0, 1, 140]], tol=0.2)],
              expect=close_to(_sk_lloyd, rtol=1e-7, atol=1e-9),
              hint="Stop after the first iteration whose total squared centre shift "
                   "sum_j ||c_new_j - c_j||^2 is <= tol."),
        Check("shapes and parameters", [Case(np.ones((3, 2)), np.ones((2, 3))),
                                        Case(np.ones((3, 2)), np.ones((2, 2)), max_iter=0),
                                        Case(np.ones((3, 2)), np.ones((2, 2)), tol=-1.0)],
              expect=raises(ValueError),
              hint="Raise ValueError for centres with the wrong number of features, "
                   "max_iter < 1 or tol < 0."),
        Check("digits, 10 clusters",
              [Case(digits, digits[[int(np.flatnonzero(y == d)[0]) for d in range(10)]])],
              expect=close_to(_sk_lloyd, rtol=1e-7, atol=1e-8, hidden=True), hidden=True,
              hint=loop),
    ]


# --------------------------------------------------------------------------------------------
# pca.covariance_eigh

def _sk_pca(X: Any, n_components: int) -> tuple[np.ndarray, np.ndarray]:
    from sklearn.decomposition import PCA

    model = PCA(n_components, svd_solver="full").fit(np.asarray(X, dtype=float))
    return model.components_, model.explained_variance_


def _up_to_sign(hidden: bool = False) -> Callable[[Case, Any], str | None]:
    def predicate(case: Case, value: Any) -> str | None:
        comps, var = _sk_pca(*case.args, **case.kwargs)
        if not isinstance(value, (tuple, list)) or len(value) != 2:
            return "expected a tuple (components, explained_variance)"
        problem = _shaped(value[0], comps.shape, "components (item 0)", hidden)
        if problem:
            if not hidden and _shaped(value[0], comps.T.shape, "components") is None:
                problem += "; the components must be the *rows* (transpose your eigenvectors)"
            return problem
        problem = compare_values(var, value[1], rtol=1e-6, atol=1e-9 * max(1.0, var[0]),
                                 hidden=hidden, what="explained variance (item 1)")
        if problem:
            return problem
        mine = np.asarray(value[0], dtype=float)
        signs = np.where((mine * comps).sum(axis=1) < 0, -1.0, 1.0)
        return compare_values(comps, mine * signs[:, None], rtol=0, atol=1e-6, hidden=hidden,
                              what="components (even after flipping the sign of rows)")

    return predicate


def covariance_eigh() -> list[Check]:
    rng = np.random.default_rng(15)
    iris = _iris()
    wine = _wine_scaled()
    latent = rng.normal(size=(80, 4)) * [5.0, 3.0, 1.5, 0.5]
    rotated = latent @ np.linalg.qr(rng.normal(size=(4, 4)))[0] + rng.normal(size=4) * 10
    redundant = rng.normal(size=(40, 2)) * [3.0, 1.0]
    redundant = np.column_stack([redundant, redundant[:, 0] + redundant[:, 1]])
    eig = ("Centre; covariance = Xc.T @ Xc / (n - 1); np.linalg.eigh; reverse to largest "
           "first; components as rows.")
    return [
        Check("components up to sign", [Case(iris, 2), Case(rotated, 4), Case(wine, 3)],
              expect=satisfies(_up_to_sign()), hint=eig),
        Check("scikit-learn's sign convention", [Case(iris, 2), Case(rotated, 4)],
              expect=close_to(_sk_pca, rtol=1e-6, atol=1e-7),
              hint="Flip each row so that its entry of largest absolute value is positive."),
        Check("a redundant feature (a zero eigenvalue)", [Case(redundant, 3)],
              expect=close_to(_sk_pca, rtol=1e-6, atol=1e-7),
              hint="The third variance is 0 up to rounding: clip negative eigenvalues to 0 "
                   "(np.maximum(w, 0))."),
        Check("one feature", [Case(rng.normal(size=(10, 1)) * 2 + 1, 1)],
              expect=close_to(_sk_pca, rtol=1e-7, atol=1e-9),
              hint="With one feature the component is [[1.0]] and its variance the sample "
                   "variance (ddof=1)."),
        Check("invalid input", [Case(iris, 0), Case(iris, 5), Case(np.ones((1, 3)), 1),
                                Case(np.ones(5), 1)],
              expect=raises(ValueError),
              hint="Raise ValueError unless X is 2-D with at least 2 samples and "
                   "1 <= n_components <= n_features."),
        Check("more data", [Case(_wine_scaled(), 6),
                            Case(rng.normal(size=(300, 7)) @ rng.normal(size=(7, 7)), 5)],
              expect=close_to(_sk_pca, rtol=1e-6, atol=1e-7, hidden=True), hidden=True,
              hint="Sample covariance (divide by n - 1), largest eigenvalues first, rows, "
                   "sign convention."),
    ]


# --------------------------------------------------------------------------------------------
# pca.explained_variance_ratio

def _sk_ratio(X: Any) -> np.ndarray:
    from sklearn.decomposition import PCA

    return PCA(svd_solver="full").fit(np.asarray(X, dtype=float)).explained_variance_ratio_


def _sk_choice(X: np.ndarray, thresholds: list[float]) -> dict[str, int]:
    from sklearn.decomposition import PCA

    return {f"t = {t:g}": int(PCA(t, svd_solver="full").fit(X).n_components_)
            for t in thresholds}


def explained_variance_ratio() -> list[Check]:
    rng = np.random.default_rng(16)
    iris = _iris()
    digits, _ = _digits()
    wine = _wine_scaled()
    digit_ratio = _sk_ratio(digits)
    wine_ratio = _sk_ratio(wine)
    visible = _sk_choice(digits, [0.5, 0.8, 0.9, 0.95])
    hidden = _sk_choice(wine, [0.3, 0.6, 0.85, 0.99])
    ratio = "Eigenvalues of the covariance matrix, largest first, divided by their sum."
    return [
        Check("ratios", [Case(iris), Case(rng.normal(size=(50, 4)) * [3.0, 2.0, 1.0, 0.1])],
              expect=close_to(_sk_ratio, rtol=1e-7, atol=1e-10), function="explained_variance_ratio",
              hint=ratio),
        Check("fewer samples than features", [Case(rng.normal(size=(5, 8)))],
              expect=close_to(_sk_ratio, rtol=1e-7, atol=1e-10), function="explained_variance_ratio",
              hint="Centred data with n samples have at most min(n_samples, n_features) "
                   "non-zero variances: return that many ratios, largest first."),
        Check("constant data", [Case(np.full((4, 3), 2.0))],
              expect=close_to(lambda X: np.zeros(3)), function="explained_variance_ratio",
              hint="When every variance is 0 there is nothing to divide: return zeros."),
        Check("ratios: invalid input", [Case(np.ones(4)), Case(np.ones((1, 3)))],
              expect=raises(ValueError), function="explained_variance_ratio",
              hint="X must be 2-D with at least 2 samples."),
        Check("how many components (digits, as PCA(n_components=t))",
              [Case(digit_ratio, float(label[4:]), label=label) for label in visible],
              expect=_by_label(visible), function="choose_n_components",
              hint="Add the ratios up, largest first, and stop at the first total that is "
                   "more than t; return how many you added."),
        Check("a total exactly equal to the threshold",
              [Case(np.array([0.5, 0.25, 0.25]), 0.75), Case(np.array([0.5, 0.25, 0.25]), 0.5)],
              expect=close_to(lambda r, t: {0.75: 3, 0.5: 2}[t]), function="choose_n_components",
              hint="Strictly more than t: 0.5 + 0.25 = 0.75 is not more than 0.75, so a third "
                   "component is needed (np.searchsorted(..., side='right'))."),
        Check("threshold out of range", [Case(np.array([0.6, 0.4]), 0.0),
                                         Case(np.array([0.6, 0.4]), 1.0),
                                         Case(np.array([]), 0.5)],
              expect=raises(ValueError), function="choose_n_components",
              hint="Raise ValueError unless 0 < threshold < 1 and ratio is non-empty and 1-D."),
        Check("wine ratios", [Case(wine)],
              expect=close_to(_sk_ratio, rtol=1e-7, atol=1e-10, hidden=True),
              function="explained_variance_ratio", hidden=True, hint=ratio),
        Check("how many components (wine)",
              [Case(wine_ratio, float(label[4:]), label=label) for label in hidden],
              expect=_by_label(hidden, hidden=True), function="choose_n_components",
              hidden=True, hint="The first k with r_1 + ... + r_k > t."),
    ]


# --------------------------------------------------------------------------------------------
# pca.whiten_inverse

def whiten_inverse() -> list[Check]:
    from sklearn.decomposition import PCA

    rng = np.random.default_rng(17)
    digits, _ = _digits()
    forward: dict[str, np.ndarray] = {}
    backward: dict[str, np.ndarray] = {}
    cases_fwd: dict[str, list[Case]] = {"plain": [], "whiten": [], "hidden": []}
    cases_bwd: dict[str, list[Case]] = {"plain": [], "whiten": [], "hidden": []}
    sets = [("iris", _iris(), 2, False, "plain"), ("wine", _wine_scaled(), 3, False, "plain"),
            ("iris", _iris(), 4, False, "plain"), ("iris", _iris(), 2, True, "whiten"),
            ("wine", _wine_scaled(), 5, True, "whiten"), ("digits", digits, 10, True, "hidden"),
            ("digits", digits, 20, False, "hidden")]
    for name, X, k, whiten, group in sets:
        model = PCA(k, whiten=whiten, svd_solver="full").fit(X)
        new = X[::7] + rng.normal(scale=0.1, size=X[::7].shape)  # data the model has not seen
        attrs = (model.mean_, model.components_, model.explained_variance_)
        label = f"{name}, {k} components" + (", whitened" if whiten else "")
        forward[label] = model.transform(new)
        cases_fwd[group].append(Case(new, *attrs, whiten=whiten, label=label))
        Z = model.transform(new)
        backward[label] = model.inverse_transform(Z)
        cases_bwd[group].append(Case(Z, *attrs, whiten=whiten, label=label))
    bad_fwd = [Case(np.ones((2, 3)), np.zeros(3), np.ones((2, 4)), np.ones(2)),
               Case(np.ones((2, 3)), np.zeros(2), np.ones((2, 3)), np.ones(2)),
               Case(np.ones((2, 3)), np.zeros(3), np.ones((2, 3)), np.ones(3))]
    bad_bwd = [Case(np.ones((2, 3)), np.zeros(3), np.ones((2, 3)), np.ones(2))]
    return [
        Check("transform", cases_fwd["plain"], expect=_by_label(forward, rtol=1e-7, atol=1e-9),
              function="pca_transform",
              hint="Centre with the given mean, then (X - mean) @ components.T."),
        Check("transform, whitened", cases_fwd["whiten"],
              expect=_by_label(forward, rtol=1e-7, atol=1e-9), function="pca_transform",
              hint="Whitening divides each column by the standard deviation sqrt(variance), "
                   "not by the variance."),
        Check("inverse transform", cases_bwd["plain"],
              expect=_by_label(backward, rtol=1e-7, atol=1e-9), function="pca_inverse_transform",
              hint="Z @ components, then add the mean back."),
        Check("inverse transform, whitened", cases_bwd["whiten"],
              expect=_by_label(backward, rtol=1e-7, atol=1e-9), function="pca_inverse_transform",
              hint="Undo the whitening first: multiply column j by sqrt(variance_j)."),
        Check("transform: shapes that do not fit", bad_fwd, expect=raises(ValueError),
              function="pca_transform",
              hint="components (k, d), mean (d,), explained_variance (k,), X with d columns: "
                   "raise ValueError otherwise."),
        Check("inverse transform: shapes that do not fit", bad_bwd, expect=raises(ValueError),
              function="pca_inverse_transform",
              hint="Z must have one column per component (components.shape[0])."),
        Check("digits, transform", cases_fwd["hidden"],
              expect=_by_label(forward, rtol=1e-7, atol=1e-8, hidden=True),
              function="pca_transform", hidden=True,
              hint="(X - mean) @ components.T, divided by sqrt(variance) when whitening."),
        Check("digits, inverse transform", cases_bwd["hidden"],
              expect=_by_label(backward, rtol=1e-7, atol=1e-8, hidden=True),
              function="pca_inverse_transform", hidden=True,
              hint="Multiply by sqrt(variance) if whitened, then @ components, then + mean."),
    ]
