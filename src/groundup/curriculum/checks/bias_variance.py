"""Checks for the bias-variance exercises.

``bv.decompose`` is compared with a direct NumPy computation (``np.var`` over the training
sets). ``bv.polynomial_curve`` is a Monte Carlo experiment, so it cannot be compared number
for number; but with fixed training inputs a least-squares polynomial is a *linear smoother*
(its predictions are ``H @ y`` for a matrix ``H`` from the pseudo-inverse of the Vandermonde
matrix), so its bias² and variance are known exactly:

    mean prediction = H @ f(x_train),   variance at x_j = noise² * sum_i H[j, i]²

The learner's estimates must land within Monte Carlo error of these, and the curve must have
the shape the lesson promises: error = bias² + variance + noise, and a U.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from groundup.grading.spec import Case, Check, close_to, compare_values, raises, satisfies

KEYS = ("degree", "bias2", "variance", "noise", "error")


def _decompose_ref(predictions: Any, f_true: Any) -> tuple[float, float]:
    P = np.asarray(predictions, dtype=float)
    f = np.asarray(f_true, dtype=float)
    return float(np.mean((np.mean(P, axis=0) - f) ** 2)), float(np.mean(np.var(P, axis=0)))


def decompose() -> list[Check]:
    rng = np.random.default_rng(0)
    x = np.linspace(0, 1, 8)
    f = np.sin(2 * np.pi * x)
    # Predictions of a biased, noisy model: shifted by 0.3 and scattered by 0.2.
    P = f + 0.3 + 0.2 * rng.normal(size=(5, 8))
    ref = close_to(_decompose_ref, rtol=1e-9, atol=1e-12)
    return [
        Check("a hand-sized example", [Case([[1.0, 2.0], [3.0, 2.0]], [1.0, 1.0])], expect=ref,
              hint="Mean prediction per point: [2, 2]; bias² = mean((2 - 1)²) = 1; variance = "
                   "mean over points of the spread around 2: (1 + 0) / 2 = 0.5."),
        Check("a biased, noisy model", [Case(P, f)], expect=ref,
              hint="Average over the training sets (axis 0) first, then over the points."),
        Check("one training set has no variance", [Case(P[:1], f)], expect=ref,
              hint="With R = 1 the mean prediction is the prediction: variance 0, and bias² is "
                   "the squared error."),
        Check("one test point", [Case(P[:, :1], f[:1])], expect=ref,
              hint="Shapes (R, 1) and (1,) are fine: the same formulas."),
        Check("variance divides by R", [Case(np.array([[0.0], [2.0]]), np.array([1.0]))],
              expect=ref,
              hint="The spread of 0 and 2 around their mean 1 is ((0-1)² + (2-1)²) / 2 = 1: "
                   "divide by R (np.var's default), not R - 1."),
        Check("invalid shapes", [Case(np.ones(3), np.ones(3)), Case(np.ones((2, 3)), np.ones(2)),
                                 Case(np.ones((0, 3)), np.ones(3))],
              expect=raises(ValueError),
              hint="Raise ValueError unless predictions is 2-D (R >= 1, m >= 1) and f_true has "
                   "shape (m,)."),
        Check("200 training sets, 50 points",
              [Case(np.cos(x[:, None].T) + rng.normal(size=(200, 8)), f),
               Case(rng.normal(2.0, 3.0, size=(200, 50)), np.linspace(-1, 1, 50))],
              expect=close_to(_decompose_ref, rtol=1e-9, atol=1e-12, hidden=True), hidden=True,
              hint="bias² uses the squared difference at each point, averaged; not the square "
                   "of the average difference."),
    ]


# --------------------------------------------------------------------------------------------
# The polynomial experiment

def _exact(degree: int, n_train: int, noise: float, n_test: int) -> tuple[float, float]:
    """The exact bias² and variance of a degree-``degree`` least-squares fit."""
    x_train, x_test = np.linspace(0, 1, n_train), np.linspace(0, 1, n_test)
    H = np.vander(x_test, degree + 1) @ np.linalg.pinv(np.vander(x_train, degree + 1))
    f_test = np.sin(2 * np.pi * x_test)
    bias2 = float(np.mean((H @ np.sin(2 * np.pi * x_train) - f_test) ** 2))
    variance = float(noise**2 * np.mean((H**2).sum(axis=1)))
    return bias2, variance


def _params(case: Case) -> tuple[list[int], int, int, float, int]:
    degrees = [int(d) for d in case.args[0]]
    kw = case.kwargs
    return (degrees, kw.get("n_datasets", 200), kw.get("n_train", 15), kw.get("noise", 0.3),
            kw.get("n_test", 100))


def _arrays(case: Case, value: Any) -> tuple[dict[str, np.ndarray] | None, str | None]:
    if value is None:
        return None, "your function returned None: return a dict of five arrays"
    if not isinstance(value, dict):
        return None, f"expected a dict with keys {list(KEYS)}, got {type(value).__name__}"
    missing = [k for k in KEYS if k not in value]
    if missing:
        return None, f"the dict is missing the key(s) {missing}"
    n = len(case.args[0])
    out = {}
    for k in KEYS:
        arr = np.asarray(value[k])
        if arr.shape != (n,) or arr.dtype.kind not in "iuf":
            return None, f"{k!r} should be a numeric array of shape ({n},), got {arr.dtype} " \
                         f"of shape {arr.shape}"
        if not np.all(np.isfinite(arr)):
            return None, f"{k!r} contains NaN or infinity"
        out[k] = arr.astype(float)
    return out, None


def _matches_exact(case: Case, value: Any) -> str | None:
    out, problem = _arrays(case, value)
    if out is None:
        return problem
    degrees, R, n_train, noise, n_test = _params(case)
    if not np.array_equal(out["degree"], degrees):
        return f"'degree' should be the degrees asked for, {degrees}"
    msg = compare_values(np.full(len(degrees), noise**2), out["noise"], rtol=1e-9,
                         what="'noise' (the noise variance, noise ** 2)")
    if msg:
        return msg
    for k, d in enumerate(degrees):
        bias2, variance = _exact(d, n_train, noise, n_test)
        # Monte Carlo: E[bias2 estimate] = bias2 + variance / R; the variance estimate has a
        # relative standard error of about sqrt(2 / R), less after averaging over points.
        if abs(out["variance"][k] - variance) > 0.25 * variance + 1e-12:
            return (f"degree {d}: the variance is {out['variance'][k]:.4g}, but the exact "
                    f"variance of this experiment is {variance:.4g} (more than 25 % away)")
        if abs(out["bias2"][k] - bias2 - variance / R) > 0.15 * bias2 + 6 * variance / R + 1e-6:
            return (f"degree {d}: bias² is {out['bias2'][k]:.4g}, but the exact bias² of this "
                    f"experiment is {bias2:.4g}")
    return None


def _adds_up(case: Case, value: Any) -> str | None:
    out, problem = _arrays(case, value)
    if out is None:
        return problem
    total = out["bias2"] + out["variance"] + out["noise"]
    bad = np.abs(out["error"] - total) > 0.08 * total
    if bad.any():
        k = int(np.argmax(bad))
        return (f"degree {int(out['degree'][k])}: the test error {out['error'][k]:.4g} should be "
                f"close to bias² + variance + noise = {total[k]:.4g}: measure it against fresh "
                "noisy test targets at x_test, not the training targets")
    return None


def _u_shaped(case: Case, value: Any) -> str | None:
    out, problem = _arrays(case, value)
    if out is None:
        return problem
    error, bias2, variance = out["error"], out["bias2"], out["variance"]
    best = int(np.argmin(error))
    if best in (0, len(error) - 1):
        return (f"the test error should be lowest at a middle degree, but it is lowest at "
                f"degree {int(out['degree'][best])}: errors {np.round(error, 4).tolist()}")
    if not (error[0] > 1.5 * error[best] and error[-1] > 1.5 * error[best]):
        return f"the test error should rise on both sides of its minimum: {np.round(error, 4)}"
    if not bias2[0] > 10 * bias2[-1]:
        return f"bias² should fall as the degree grows: {np.round(bias2, 4).tolist()}"
    if not np.all(np.diff(variance) > 0):
        return f"the variance should grow with the degree: {np.round(variance, 4).tolist()}"
    return None


def polynomial_curve() -> list[Check]:
    degrees = [0, 1, 3, 6, 9, 12]
    default = Case(degrees, seed=0)
    return [
        Check("bias² and variance match the exact values", [default], expect=satisfies(
            _matches_exact),
              hint="Fit every training set at the SAME x_train, predict at x_test, and pass the "
                   "(n_datasets, n_test) predictions and sin(2 pi x_test) to your decomposition."),
        Check("error = bias² + variance + noise", [default, Case([2, 5], seed=1, noise=0.5)],
              expect=satisfies(_adds_up),
              hint="The test error compares predictions with f(x_test) + fresh noise; the "
                   "noise term is noise ** 2."),
        Check("the U-shaped curve", [default], expect=satisfies(_u_shaped),
              hint="Underfit (degree 0, 1) has high bias; overfit (degree 12 through 15 points) "
                   "has high variance; in between the error is lowest."),
        Check("invalid input", [Case([15]), Case([-1, 2]), Case([1], n_datasets=1),
                                Case([1], noise=-0.1)],
              expect=raises(ValueError),
              hint="Raise ValueError for a degree outside [0, n_train - 1], n_datasets < 2 or "
                   "noise < 0."),
        Check("other settings",
              [Case([0, 2, 4, 8, 12, 16], n_datasets=300, n_train=20, noise=0.2, n_test=50,
                    seed=7),
               Case([1, 3, 5, 7, 9], n_datasets=250, n_train=12, noise=0.5, seed=3)],
              expect=satisfies(lambda case, value: (_matches_exact(case, value)
                                                    or _adds_up(case, value))
                               and "the curve is wrong for these settings"),
              hidden=True,
              hint="Use n_train, n_test, noise and n_datasets everywhere, not the defaults."),
    ]
