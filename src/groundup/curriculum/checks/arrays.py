"""Checks for the NumPy exercises: the learner's code against SciPy, scikit-learn and NumPy.

Expected values come from independent implementations: ``scipy.spatial.distance.cdist``,
``sklearn.preprocessing.StandardScaler`` and ``OneHotEncoder``, ``scipy.special.softmax``,
``np.convolve``, ``scipy.stats.zscore``, and plain float64 NumPy for the dtype exercises.

Most exercises forbid Python loops (the AST check in the grader). ``np.pairwise_distances``
also has a speed check: a driver times the learner's function and a plain-Python loop on the
same input in the same run, and the check asks for a *ratio* (``SPEEDUP``), never an absolute
time.
"""

from __future__ import annotations

import copy
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np

from groundup.grading.spec import Case, Check, close_to, compare_values, raises, satisfies

DRIVERS = "groundup.curriculum.checks.arrays_drivers"
SPEEDUP = 10.0  # the vectorised function must beat the Python double loop by this factor


def _rng(seed: int) -> np.random.Generator:
    return np.random.default_rng(seed)


def _as_float(*arrays: Any) -> list[np.ndarray]:
    return [np.asarray(a, dtype=float) for a in arrays]


# --------------------------------------------------------------------------------------------
# Vectorisation and broadcasting

def _cdist(X: Any, Y: Any) -> np.ndarray:
    from scipy.spatial.distance import cdist

    X, Y = _as_float(X, Y)
    return cdist(X, Y)


def _fast_enough(case: Case, value: Any) -> str | None:
    if not isinstance(value, dict) or not {"learner_s", "loop_s"} <= set(value):
        return "the timing could not be taken (see the other checks)"
    learner_s, loop_s = float(value["learner_s"]), float(value["loop_s"])
    ratio = loop_s / max(learner_s, 1e-9)
    if ratio >= SPEEDUP:
        return None
    return (f"your function took {learner_s * 1e3:.2f} ms and a Python double loop over the "
            f"pairs of rows {loop_s * 1e3:.1f} ms on the same input: only {ratio:.1f}x faster, "
            f"and vectorised NumPy should be at least {SPEEDUP:g}x faster. np.vectorize, map, "
            "np.fromfunction and recursion are Python loops in disguise: one Python call per "
            "pair of rows")


def pairwise_distances() -> list[Check]:
    rng = _rng(0)
    same = rng.normal(size=(80, 5))
    return [
        Check("two small sets", [Case([[0.0, 0.0], [3.0, 4.0]], [[0.0, 0.0], [1.0, 1.0],
                                                                 [-3.0, -4.0]])],
              expect=close_to(_cdist),
              hint="D[i, j] = sqrt(sum over k of (X[i, k] - Y[j, k])**2)."),
        Check("random points, different sizes",
              [Case(rng.normal(size=(5, 3)), rng.normal(size=(7, 3))),
               Case(rng.normal(size=(1, 4)), rng.normal(size=(6, 4))),
               Case(rng.normal(size=(6, 1)), rng.normal(size=(2, 1)))],
              expect=close_to(_cdist, rtol=1e-6, atol=1e-6),
              hint="X[:, None, :] has shape (n, 1, d) and Y[None, :, :] shape (1, m, d): their "
                   "difference broadcasts to (n, m, d). Sum the squares over the last axis."),
        Check("a set against itself (zeros on the diagonal)", [Case(same, same)],
              expect=close_to(_cdist, rtol=1e-6, atol=1e-6),
              hint="With |x|^2 + |y|^2 - 2 x.y, rounding can make a squared distance slightly "
                   "negative, and sqrt of it is NaN: clip at 0 (np.maximum(d2, 0))."),
        Check("an empty set", [Case(np.zeros((0, 3)), rng.normal(size=(4, 3)))],
              expect=close_to(_cdist),
              hint="0 rows in X give a (0, m) result; broadcasting handles it on its own."),
        Check("invalid shapes", [Case(np.ones((2, 3)), np.ones((2, 4))),
                                 Case(np.ones(3), np.ones((2, 3)))],
              expect=raises(ValueError),
              hint="Raise ValueError unless X and Y are 2-D with the same number of columns."),
        Check(f"at least {SPEEDUP:g}x faster than a Python loop",
              [Case("pairwise_distances", rng.normal(size=(100, 3)), rng.normal(size=(120, 3)),
                    driver=f"{DRIVERS}:time_against_loop",
                    label="X of shape (100, 3), Y of shape (120, 3), timed against a Python "
                          "double loop over the pairs of rows")],
              expect=satisfies(_fast_enough),
              hint="One broadcast expression, no Python-level loop of any kind."),
        Check("more random points",
              [Case(100 + 10 * rng.normal(size=(40, 16)), 100 + 10 * rng.normal(size=(30, 16)))],
              expect=close_to(_cdist, rtol=1e-6, atol=1e-6, hidden=True), hidden=True,
              hint="Square the differences, sum over the features (last axis), then sqrt."),
    ]


def _standard_scaler(X: Any) -> np.ndarray:
    from sklearn.preprocessing import StandardScaler

    return StandardScaler().fit_transform(np.asarray(X, dtype=float))


def standardize_columns() -> list[Check]:
    rng = _rng(1)
    scales = np.array([1.0, 50.0, 0.01])
    offsets = np.array([0.0, -300.0, 7.0])
    constant = rng.normal(size=(6, 3))
    constant[:, 1] = 4.2
    return [
        Check("a small matrix", [Case([[1.0, 5.0], [3.0, 5.0], [8.0, 2.0]])],
              expect=close_to(_standard_scaler),
              hint="Subtract each column's mean and divide by each column's standard deviation."),
        Check("columns on different scales",
              [Case(offsets + scales * rng.normal(size=(20, 3))),
               Case(rng.exponential(size=(7, 5)))],
              expect=close_to(_standard_scaler),
              hint="Reduce over the rows, axis=0: X.mean(axis=0) has one value per column, and "
                   "(1, d) broadcasts against (n, d)."),
        Check("a square matrix", [Case(rng.normal(size=(4, 4)) * [1.0, 2.0, 3.0, 4.0])],
              expect=close_to(_standard_scaler),
              hint="On a square matrix axis=0 and axis=1 both broadcast: make sure you reduce "
                   "over the rows (axis=0), one mean per column."),
        Check("a constant column becomes zeros", [Case(constant)],
              expect=close_to(_standard_scaler),
              hint="A constant column has standard deviation 0: divide by 1 there instead "
                   "(np.where(sigma > 0, sigma, 1.0)), so its values become 0, not NaN."),
        Check("one row", [Case([[2.0, -1.0, 3.0]])], expect=close_to(_standard_scaler),
              hint="One row: every column is constant, so every value becomes 0."),
        Check("invalid input", [Case([1.0, 2.0, 3.0]), Case(np.zeros((0, 3)))],
              expect=raises(ValueError),
              hint="Raise ValueError unless X is 2-D with at least one row."),
        Check("large offsets",
              [Case(1e8 + rng.normal(size=(300, 2))), Case(rng.normal(size=(50, 6)) * 1e-3)],
              expect=close_to(_standard_scaler, rtol=1e-6, atol=1e-6, hidden=True), hidden=True,
              hint="Compute the standard deviation from the centred values (X - mean), not "
                   "as sqrt(E[x^2] - E[x]^2), which cancels when the mean is large; divide by "
                   "n (population), like StandardScaler."),
    ]


def _scipy_softmax(Z: Any) -> np.ndarray:
    from scipy.special import softmax

    return softmax(np.asarray(Z, dtype=float), axis=-1)


def softmax_rows() -> list[Check]:
    rng = _rng(2)
    ref = close_to(_scipy_softmax, rtol=1e-7, atol=1e-12)
    return [
        Check("small rows", [Case([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]])], expect=ref,
              hint="exp of each logit, divided by the sum of the exps in the same row."),
        Check("random logits, any number of dimensions",
              [Case(rng.normal(size=(5, 4))), Case(rng.normal(size=6)),
               Case(rng.normal(size=(2, 3, 4)))],
              expect=ref,
              hint="Work on the last axis: axis=-1 with keepdims=True keeps the sums in a "
                   "shape that broadcasts back."),
        Check("a square matrix with rows on different scales",
              [Case(rng.normal(size=(4, 4)) * np.array([[1.0], [3.0], [0.3], [5.0]]))],
              expect=ref,
              hint="Z.max(axis=-1) has shape (n,), and (n, n) - (n,) subtracts it along the "
                   "columns: use keepdims=True to get (n, 1)."),
        Check("huge logits", [Case([[1000.0, 1001.0, 1002.0], [-1000.0, -1000.0, -999.0]])],
              expect=ref,
              hint="exp(1000) overflows to inf and inf / inf is NaN: subtract each row's "
                   "maximum first; softmax does not change when a constant is added to a row."),
        Check("invalid input", [Case(3.0), Case(np.zeros((2, 0)))], expect=raises(ValueError),
              hint="Raise ValueError for a single number or an empty last axis."),
        Check("large random logits",
              [Case(300 * rng.normal(size=(10, 7))), Case(rng.normal(size=(3, 5)) - 800.0)],
              expect=close_to(_scipy_softmax, rtol=1e-7, atol=1e-12, hidden=True), hidden=True,
              hint="Subtract the maximum of *each row* (not of the whole array), with keepdims."),
    ]


def _convolve_valid(x: Any, window: int) -> np.ndarray:
    return np.convolve(np.asarray(x, dtype=float), np.ones(window) / window, mode="valid")


def moving_average() -> list[Check]:
    rng = _rng(3)
    x = rng.normal(size=100).cumsum()
    return [
        Check("a short list", [Case([1.0, 2.0, 3.0, 4.0, 5.0], 2),
                               Case([1.0, 2.0, 3.0, 4.0, 5.0], 3)],
              expect=close_to(_convolve_valid),
              hint="Window w gives n - w + 1 averages: a[i] = mean of x[i], ..., x[i + w - 1]."),
        Check("window 1 and window n", [Case(x[:10], 1), Case(x[:10], 10)],
              expect=close_to(_convolve_valid),
              hint="Window 1 returns x itself (as floats); window n returns one number, the "
                   "mean, in an array of shape (1,)."),
        Check("a random walk", [Case(x, 7), Case(x, 30)], expect=close_to(_convolve_valid),
              hint="With c = cumulative sums starting at 0 (length n + 1), the window sum is "
                   "c[i + w] - c[i]: c[w:] - c[:-w]."),
        Check("invalid input", [Case(x[:5], 0), Case(x[:5], 6), Case(np.ones((3, 3)), 2),
                                Case(x[:5], 2.5)],
              expect=raises(ValueError),
              hint="Raise ValueError unless x is 1-D and window is a whole number in [1, n]."),
        Check("a long noisy signal",
              [Case(1e6 + rng.normal(size=5000), 25), Case(rng.uniform(size=64), 64)],
              expect=close_to(_convolve_valid, hidden=True), hidden=True,
              hint="Prepend a 0 to the cumulative sums so that the first window is included."),
    ]


# --------------------------------------------------------------------------------------------
# Masks, fancy indexing and axes

def _one_hot_encoder(y: Any, n_classes: int | None = None) -> np.ndarray:
    from sklearn.preprocessing import OneHotEncoder

    y = np.asarray(y).astype(int)
    k = int(y.max()) + 1 if n_classes is None else n_classes
    if y.size == 0:
        return np.zeros((0, k))
    encoder = OneHotEncoder(categories=[np.arange(k)], sparse_output=False)
    return encoder.fit_transform(y.reshape(-1, 1))  # (n, 1) -> (n, k)


def one_hot() -> list[Check]:
    rng = _rng(4)
    ref = close_to(_one_hot_encoder)
    return [
        Check("three labels", [Case([2, 0, 1]), Case(np.array([1, 1, 0]))], expect=ref,
              hint="Row i is all zeros except a 1 in column y[i]; there are max(y) + 1 columns."),
        Check("more classes than labels seen", [Case([0, 1], 4), Case(np.array([3]), 5)],
              expect=ref, hint="Use n_classes columns when it is given."),
        Check("random labels", [Case(rng.integers(0, 10, size=50), 10)], expect=ref,
              hint="np.eye(n_classes) has the one-hot vector of class k in row k: index it "
                   "with the whole label array at once (fancy indexing)."),
        Check("no labels", [Case(np.zeros(0, dtype=int), 3)], expect=ref,
              hint="An empty y with n_classes = 3 gives shape (0, 3)."),
        Check("invalid labels",
              [Case([0, -1, 2]), Case([0, 3], 3), Case([0.5, 1.0]), Case([[0, 1]]),
               Case(np.zeros(0, dtype=int))],
              expect=raises(ValueError),
              hint="Labels must be whole numbers in [0, n_classes) in a 1-D array; a negative "
                   "label would silently pick the last row (negative indices count from the end)."),
        Check("many labels",
              [Case(rng.integers(0, 7, size=200)), Case(rng.integers(0, 3, size=20), 6)],
              expect=close_to(_one_hot_encoder, hidden=True), hidden=True,
              hint="The result has shape (len(y), n_classes), one row per label."),
    ]


def _zscore_replace(X: Any, k: float = 3.0) -> np.ndarray:
    from scipy.stats import zscore

    X = np.asarray(X, dtype=float)
    with warnings.catch_warnings(), np.errstate(divide="ignore", invalid="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)
        z = zscore(X, axis=0)  # NaN in a constant column: no outliers there
    return np.where(np.abs(z) > k, np.median(X, axis=0), X)


def _with_outliers(rng: np.random.Generator, n: int, scales: np.ndarray) -> np.ndarray:
    X = rng.normal(size=(n, scales.size)) * scales  # (n, d)
    rows = rng.choice(n, size=(4, scales.size), replace=False)  # 4 outliers per column
    for j in range(scales.size):
        X[rows[:, j], j] += rng.choice([-1.0, 1.0], size=4) * 8 * scales[j]
    return X


def masks_and_indexing() -> list[Check]:
    rng = _rng(5)
    scales = np.array([1.0, 10.0, 100.0, 0.1])
    mixed = _with_outliers(rng, 200, scales)
    constant = _with_outliers(rng, 60, np.array([1.0, 2.0]))
    constant = np.column_stack([constant, np.full(60, 3.5)])
    return [
        Check("one column", [Case([[1.0], [2.0], [3.0], [100.0]], 1.5)],
              expect=close_to(_zscore_replace),
              hint="Mark |x - mean| > k * std as outliers, then replace them by the median."),
        Check("columns on different scales", [Case(mixed), Case(mixed, 2.5)],
              expect=close_to(_zscore_replace),
              hint="Each column has its own mean, standard deviation and median: reduce with "
                   "axis=0 and keepdims=True, then np.where(mask, median, X)."),
        Check("a constant column", [Case(constant)], expect=close_to(_zscore_replace),
              hint="A constant column has standard deviation 0 and no outliers: leave it as is."),
        Check("invalid input", [Case([1.0, 2.0]), Case(np.zeros((0, 2))), Case([[1.0]], 0.0)],
              expect=raises(ValueError),
              hint="Raise ValueError unless X is 2-D with at least one row and k > 0."),
        Check("more data", [Case(_with_outliers(rng, 500, np.array([5.0, 0.5, 50.0])), 2.0)],
              expect=close_to(_zscore_replace, hidden=True), hidden=True,
              hint="The mean and standard deviation are those of the column with its outliers "
                   "(population std, ddof = 0); the replacement is the column's median."),
    ]


def _top_k_ok(case: Case, value: Any, hidden: bool = False) -> str | None:
    X = np.asarray(case.args[0], dtype=float)
    k = int(case.args[1])
    expected = -np.sort(-X, axis=1)[:, :k]  # (n, k), largest first
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        return "expected a tuple (values, indices)"
    values, indices = value
    msg = compare_values(expected, values, hidden=hidden, what="first item (the values)")
    if msg:
        return msg
    idx = np.asarray(indices)
    if idx.shape != expected.shape:
        return f"the indices (item 1) have shape {idx.shape}, expected {expected.shape}"
    if idx.size and idx.dtype.kind not in "iu":
        return f"the indices (item 1) should be integers, received dtype {idx.dtype}"
    if idx.size and (idx.min() < 0 or idx.max() >= X.shape[1]):
        return "the indices (item 1) should be column numbers in [0, m)"
    if not np.array_equal(np.take_along_axis(X, idx.astype(np.int64), axis=1), expected):
        return ("the indices (item 1) do not point at the values: X[i, indices[i, r]] should "
                "equal values[i, r] (np.take_along_axis(X, indices, axis=1))")
    if k > 1 and np.any(np.diff(np.sort(idx, axis=1), axis=1) == 0):
        return "an index appears twice in a row (item 1): each column can be picked once"
    return None


def top_k() -> list[Check]:
    rng = _rng(6)
    return [
        Check("one row", [Case([[0.1, 0.7, 0.2]], 2)], expect=satisfies(_top_k_ok),
              hint="Sort each row in descending order and keep the first k columns."),
        Check("random rows", [Case(rng.normal(size=(6, 10)), 3), Case(rng.normal(size=(4, 5)), 1)],
              expect=satisfies(_top_k_ok),
              hint="np.argsort(-X, axis=1) sorts each row, largest first; keep [:, :k] and "
                   "fetch the values with np.take_along_axis(X, indices, axis=1)."),
        Check("k = 0 and k = m", [Case(rng.normal(size=(3, 4)), 0), Case(rng.normal(size=(3, 4)), 4)],
              expect=satisfies(_top_k_ok),
              hint="k = 0 gives arrays of shape (n, 0); k = m sorts whole rows."),
        Check("a tall matrix", [Case(rng.normal(size=(8, 3)), 2)], expect=satisfies(_top_k_ok),
              hint="Sort along axis=1 (within each row), not axis=0 (within each column)."),
        Check("ties", [Case([[1.0, 3.0, 3.0, 0.0], [2.0, 2.0, 2.0, 2.0]], 2)],
              expect=satisfies(_top_k_ok),
              hint="With ties any of the tied columns is right, but each column only once."),
        Check("invalid input", [Case(np.ones((2, 3)), 4), Case(np.ones((2, 3)), -1),
                                Case(np.ones(3), 1)],
              expect=raises(ValueError),
              hint="Raise ValueError unless X is 2-D and 0 <= k <= number of columns."),
        Check("a larger matrix", [Case(rng.normal(size=(50, 20)), 5)],
              expect=satisfies(lambda case, value: _top_k_ok(case, value, hidden=True)),
              hidden=True, hint="The values must come largest first, row by row."),
    ]


# --------------------------------------------------------------------------------------------
# dtypes

def _float_mse(a: Any, b: Any) -> float:
    diff = np.subtract(a, b, dtype=np.float64)
    return float(np.mean(diff * diff))


def _saturating_add(img: Any, delta: int) -> np.ndarray:
    return np.clip(np.asarray(img, dtype=np.int64) + int(delta), 0, 255).astype(np.uint8)


def _same_uint8(hidden: bool = False) -> Callable[[Case, Any], str | None]:
    def predicate(case: Case, value: Any) -> str | None:
        expected = _saturating_add(*case.args)
        if isinstance(value, np.ndarray) and value.dtype != np.uint8:
            return (f"the result should be a uint8 image (like the input), received dtype "
                    f"{value.dtype}: clip to [0, 255], then .astype(np.uint8)")
        return compare_values(expected, value, rtol=0, atol=0, hidden=hidden)
    return predicate


def _float64_cumsum(hidden: bool = False) -> Callable[[Case, Any], str | None]:
    def predicate(case: Case, value: Any) -> str | None:
        expected = np.cumsum(np.asarray(case.args[0], dtype=np.float64))
        if isinstance(value, np.ndarray) and value.dtype != np.float64:
            return (f"the totals should be float64, received dtype {value.dtype}: a float32 "
                    "total keeps only about 7 significant digits")
        return compare_values(expected, value, rtol=1e-12, atol=1e-12, hidden=hidden)
    return predicate


def _uint8(rng: np.random.Generator, *shape: int) -> np.ndarray:
    return rng.integers(0, 256, size=shape, dtype=np.uint8)


def dtype_pitfalls() -> list[Check]:
    rng = _rng(7)
    a, b = _uint8(rng, 32, 32, 3), _uint8(rng, 32, 32, 3)
    img = _uint8(rng, 16, 16)
    readings = np.full(200_000, 0.1, dtype=np.float32)
    return [
        Check("mse: two tiny images", [Case(np.array([3, 10], np.uint8),
                                            np.array([5, 10], np.uint8))],
              expect=close_to(_float_mse), function="image_mse",
              hint="In uint8, 3 - 5 wraps around to 254: convert to float (or int) before "
                   "subtracting."),
        Check("mse: random colour images", [Case(a, b), Case(b, a)],
              expect=close_to(_float_mse), function="image_mse",
              hint="a.astype(np.float64) - b.astype(np.float64), then square and average."),
        Check("mse: invalid input", [Case(a, b[:16]), Case(a.astype(float), b),
                                     Case(np.zeros(0, np.uint8), np.zeros(0, np.uint8))],
              expect=raises(ValueError), function="image_mse",
              hint="Raise ValueError unless both are non-empty uint8 arrays of the same shape."),
        Check("brightness: small values", [Case(np.array([10, 200, 250], np.uint8), 10),
                                           Case(np.array([5, 100, 0], np.uint8), -10)],
              expect=satisfies(_same_uint8()), function="adjust_brightness",
              hint="250 + 10 should saturate at 255 and 5 - 10 at 0; in uint8 they wrap around "
                   "to 4 and 251."),
        Check("brightness: a whole image", [Case(img, 80), Case(img, -80), Case(img, 0),
                                            Case(img, 300)],
              expect=satisfies(_same_uint8()), function="adjust_brightness",
              hint="Work in a wider type: img.astype(np.int16) + delta, np.clip to [0, 255], "
                   "then back to uint8."),
        Check("brightness: invalid input", [Case(img.astype(float), 10), Case(img, 1.5)],
              expect=raises(ValueError), function="adjust_brightness",
              hint="Raise ValueError unless img is uint8 and delta a whole number."),
        Check("running total: small floats", [Case([1.0, 2.0, 3.5]),
                                              Case(np.array([0.5, 0.25], np.float32))],
              expect=satisfies(_float64_cumsum()), function="running_total",
              hint="s[i] = x[0] + ... + x[i]: np.cumsum, accumulated in float64."),
        Check("running total: 200 000 float32 readings of 0.1", [Case(readings)],
              expect=satisfies(_float64_cumsum()), function="running_total",
              hint="np.cumsum keeps float32 for float32 input and drifts by about 0.2% over "
                   "200 000 additions: pass dtype=np.float64."),
        Check("running total: invalid input", [Case(np.ones((2, 2)))], expect=raises(ValueError),
              function="running_total", hint="Raise ValueError unless x is 1-D."),
        Check("mse: larger images", [Case(_uint8(rng, 64, 48), _uint8(rng, 64, 48))],
              expect=close_to(_float_mse, hidden=True), function="image_mse", hidden=True,
              hint="No uint8 arithmetic: convert both images first."),
        Check("brightness: more images",
              [Case(_uint8(rng, 20, 20, 3), int(rng.integers(-200, 200)))],
              expect=satisfies(_same_uint8(hidden=True)), function="adjust_brightness",
              hidden=True, hint="Clip in a wider type, then convert back to uint8."),
        Check("running total: random float32 readings",
              [Case(rng.uniform(0.0, 2.0, size=50_000).astype(np.float32))],
              expect=satisfies(_float64_cumsum(hidden=True)), function="running_total",
              hidden=True, hint="Accumulate in float64, whatever the input dtype."),
    ]


# --------------------------------------------------------------------------------------------
# Reproducible randomness

def _bootstrap_reference(x: Any, n_resamples: int, seed: Any) -> np.ndarray:
    x = np.asarray(x, dtype=float)
    rng = np.random.default_rng(copy.deepcopy(seed))  # never advance the case's own generator
    idx = rng.integers(0, x.size, size=(n_resamples, x.size))
    return np.take(x, idx).mean(axis=1)


def _reproducible(case: Case, value: Any) -> str | None:
    if not isinstance(value, dict) or not {"first", "again", "other", "global_untouched"} <= set(value):
        return "the function could not be called three times (see the other checks)"
    if not value["global_untouched"]:
        return ("your function changed NumPy's global random state (np.random.seed, "
                "np.random.randint, np.random.choice, ...): draw only from "
                "rng = np.random.default_rng(seed)")
    if value["first"].shape != value["again"].shape or not np.array_equal(value["first"],
                                                                          value["again"]):
        return ("two calls with the same seed gave different means: create the generator from "
                "the seed, rng = np.random.default_rng(seed), and draw everything from it")
    if np.array_equal(value["first"], value["other"]):
        return "seeds 11 and 12 gave the same means: the seed must decide the resamples"
    return None


def reproducible_rng() -> list[Check]:
    rng = _rng(8)
    x = rng.normal(size=30)
    ref = close_to(_bootstrap_reference, rtol=1e-12, atol=1e-12)
    return [
        Check("a small sample, seed 0", [Case([1.0, 2.0, 3.0, 4.0, 5.0], 10, 0)], expect=ref,
              hint="rng = np.random.default_rng(seed); idx = rng.integers(0, n, size="
                   "(n_resamples, n)); return x[idx].mean(axis=1)."),
        Check("random data, other seeds", [Case(x, 200, 1), Case(x, 1, 2), Case(x[:1], 5, 3)],
              expect=ref,
              hint="Draw all the indices in one call, shape (n_resamples, n); x[idx] is then "
                   "(n_resamples, n) and its row means are the bootstrap means."),
        Check("a Generator instead of a seed",
              [Case(x, 50, np.random.default_rng(4), label="x = 30 values, n_resamples = 50, "
                                                            "seed = np.random.default_rng(4)")],
              expect=ref,
              hint="np.random.default_rng(seed) accepts an int or a Generator (which it returns "
                   "as it is): call it on whatever seed you are given."),
        Check("same seed, same result; global state untouched",
              [Case("bootstrap_means", x, 100, 11, driver=f"{DRIVERS}:same_seed_twice",
                    label="x = 30 values, n_resamples = 100, seeds 11, 11 and 12")],
              expect=satisfies(_reproducible),
              hint="Never np.random.seed or np.random.<function>: one local generator, "
                   "np.random.default_rng(seed)."),
        Check("invalid input", [Case([], 10, 0), Case([1.0, 2.0], 0, 0),
                                Case([[1.0, 2.0]], 10, 0)],
              expect=raises(ValueError),
              hint="Raise ValueError for an empty or non-1-D x, or n_resamples < 1."),
        Check("more data and seeds", [Case(rng.exponential(size=57), 300, 2024),
                                      Case(rng.normal(size=8), 1000, 7)],
              expect=close_to(_bootstrap_reference, rtol=1e-12, atol=1e-12, hidden=True),
              hidden=True,
              hint="The indices come from rng.integers(0, n, size=(n_resamples, n)), in that "
                   "shape, all in one call."),
    ]
