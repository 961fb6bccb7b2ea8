"""Honest evaluation: hold data out, fit on the rest, score on what the model never saw.

``train_test_split`` holds out one test set; ``KFold`` and ``StratifiedKFold`` cut the data
into k folds so that every sample is tested exactly once; ``cross_val_score`` fits a fresh
copy of an estimator on each training part and scores it on the matching fold.

Splits are drawn with the same random calls as scikit-learn's (``np.random.RandomState``
seeded with ``random_state``), so for the same ``random_state`` they are the *same* splits,
not only splits of the same sizes (tested in ``tests/reference/test_ml_model_selection.py``).
Works with scikit-learn's estimators and with :mod:`groundup.ml`'s.
"""

from __future__ import annotations

import math
import numbers
import warnings
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from groundup.ml import metrics

__all__ = ["KFold", "StratifiedKFold", "cross_val_score", "kfold_indices", "train_test_split"]

Split = tuple[np.ndarray, np.ndarray]


def _random_state(seed: Any) -> np.random.RandomState:
    """scikit-learn's ``check_random_state``: None, an int, or a RandomState."""
    if seed is None:
        return np.random.mtrand._rand  # the global generator, as scikit-learn uses it
    if isinstance(seed, numbers.Integral) and not isinstance(seed, bool):
        return np.random.RandomState(int(seed))
    if isinstance(seed, np.random.RandomState):
        return seed
    raise ValueError(f"random_state must be None, an int or a np.random.RandomState, got "
                     f"{seed!r}")


def _num_samples(x: Any) -> int:
    if hasattr(x, "shape") and len(x.shape) > 0:
        return int(x.shape[0])
    if hasattr(x, "__len__"):
        return len(x)
    raise ValueError(f"expected an array-like with a length, got {type(x).__name__}")


def _take(x: Any, idx: np.ndarray) -> Any:
    """Rows ``idx`` of an array, a DataFrame or Series (by position), or a list."""
    if hasattr(x, "iloc"):
        return x.iloc[idx]
    if isinstance(x, np.ndarray) or hasattr(x, "shape"):
        return x[idx]
    return [x[i] for i in idx]


def _split_sizes(n_samples: int, test_size: float | int | None,
                 train_size: float | int | None) -> tuple[int, int]:
    """(n_train, n_test), exactly as scikit-learn computes them (test rounds up)."""
    if test_size is None and train_size is None:
        test_size = 0.25
    for name, size in (("test_size", test_size), ("train_size", train_size)):
        if size is None:
            continue
        if isinstance(size, bool) or not isinstance(size, numbers.Real):
            raise ValueError(f"{name} must be an int, a float or None, got {size!r}")
        if isinstance(size, numbers.Integral):
            if not 0 < size < n_samples:
                raise ValueError(f"{name}={size} should be positive and smaller than the "
                                 f"number of samples {n_samples}, or a float in (0, 1)")
        elif not 0 < size < 1:
            raise ValueError(f"{name}={size} should be a float in the (0, 1) range, or a "
                             "positive int smaller than the number of samples")
    if (isinstance(test_size, float) and isinstance(train_size, float)
            and test_size + train_size > 1):
        raise ValueError(f"test_size + train_size = {test_size + train_size} must be at most 1")
    n_test = n_train = 0
    if test_size is not None:
        n_test = math.ceil(test_size * n_samples) if isinstance(test_size, float) \
            else int(test_size)
    if train_size is not None:
        n_train = math.floor(train_size * n_samples) if isinstance(train_size, float) \
            else int(train_size)
    if train_size is None:
        n_train = n_samples - n_test
    elif test_size is None:
        n_test = n_samples - n_train
    if n_train + n_test > n_samples:
        raise ValueError(f"train and test sizes add up to {n_train + n_test}, more than the "
                         f"{n_samples} samples")
    if n_train == 0:
        raise ValueError(f"with n_samples={n_samples}, test_size={test_size} and "
                         f"train_size={train_size} the training set would be empty")
    return n_train, n_test


def _approximate_mode(class_counts: np.ndarray, n_draws: int,
                      rng: np.random.RandomState) -> np.ndarray:
    """How many of each class to draw: proportional, rounded so that they add up to n_draws.

    Round every share down, then hand the missing draws to the largest remainders (ties
    broken at random, with the same calls as scikit-learn).
    """
    continuous = class_counts / class_counts.sum() * n_draws
    floored = np.floor(continuous)
    need = int(n_draws - floored.sum())
    if need > 0:
        remainder = continuous - floored
        for value in np.sort(np.unique(remainder))[::-1]:
            (inds,) = np.where(remainder == value)
            add_now = min(len(inds), need)
            floored[rng.choice(inds, size=add_now, replace=False)] += 1
            need -= add_now
            if need == 0:
                break
    return floored.astype(int)


def _stratified_split(y: np.ndarray, n_train: int, n_test: int,
                      rng: np.random.RandomState) -> Split:
    if y.ndim == 2:  # several targets: one class per distinct row
        y = np.array([" ".join(row.astype(str)) for row in y])
    classes, y_idx, counts = np.unique(y, return_inverse=True, return_counts=True)
    if counts.min() < 2:
        raise ValueError(f"the classes {classes[counts < 2].tolist()} have only 1 member: "
                         "each class needs at least 2 to appear in both sets")
    if n_train < classes.size or n_test < classes.size:
        raise ValueError(f"train ({n_train}) and test ({n_test}) sizes must be at least the "
                         f"number of classes ({classes.size})")
    by_class = np.split(np.argsort(y_idx, kind="stable"), np.cumsum(counts)[:-1])
    n_i = _approximate_mode(counts, n_train, rng)
    t_i = _approximate_mode(counts - n_i, n_test, rng)
    train: list[int] = []
    test: list[int] = []
    for i, members in enumerate(by_class):
        shuffled = members.take(rng.permutation(counts[i]), mode="clip")
        train.extend(shuffled[: n_i[i]])
        test.extend(shuffled[n_i[i]: n_i[i] + t_i[i]])
    return rng.permutation(train), rng.permutation(test)


def train_test_split(*arrays: Any, test_size: float | int | None = None,
                     train_size: float | int | None = None, random_state: Any = None,
                     shuffle: bool = True, stratify: ArrayLike | None = None) -> list[Any]:
    r"""Split arrays (rows aligned) into a training part and a held-out test part.

    With :math:`n` samples and a float ``test_size`` :math:`t`, the test set has
    :math:`\lceil t\,n \rceil` rows and the training set the rest (default :math:`t = 0.25`).
    With ``shuffle`` the rows are drawn at random (``random_state`` makes it reproducible);
    without it the last rows are the test set. ``stratify=y`` keeps each class's proportion
    in both parts (to within one sample).

    Returns
    -------
    list
        ``[a_train, a_test, b_train, b_test, ...]``, two entries per input array.

    Examples
    --------
    >>> X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
    """
    if not arrays:
        raise ValueError("at least one array is required")
    n = _num_samples(arrays[0])
    for a in arrays[1:]:
        if _num_samples(a) != n:
            raise ValueError(f"all arrays must have the same number of rows: {n} and "
                             f"{_num_samples(a)}")
    n_train, n_test = _split_sizes(n, test_size, train_size)
    if not shuffle:
        if stratify is not None:
            raise ValueError("a stratified split needs shuffle=True")
        train, test = np.arange(n_train), np.arange(n_train, n_train + n_test)
    elif stratify is not None:
        y = np.asarray(stratify)
        if y.shape[0] != n:
            raise ValueError(f"stratify has {y.shape[0]} rows, the arrays {n}")
        train, test = _stratified_split(y, n_train, n_test, _random_state(random_state))
    else:
        perm = _random_state(random_state).permutation(n)
        test, train = perm[:n_test], perm[n_test: n_test + n_train]
    return [part for a in arrays for part in (_take(a, train), _take(a, test))]


# --------------------------------------------------------------------------------------------
# K-fold

def _check_n_splits(n_splits: Any) -> int:
    if isinstance(n_splits, bool) or not isinstance(n_splits, numbers.Integral):
        raise ValueError(f"n_splits must be an int, got {n_splits!r}")
    if n_splits < 2:
        raise ValueError(f"n_splits must be at least 2, got {n_splits}")
    return int(n_splits)


def kfold_indices(n_samples: int, n_splits: int = 5, *, shuffle: bool = False,
                  random_state: Any = None) -> list[Split]:
    r"""The (train, test) index pairs of k-fold cross-validation.

    Cut :math:`0, \dots, n-1` (shuffled first if ``shuffle``) into :math:`k` consecutive
    folds; the first :math:`n \bmod k` folds get :math:`\lfloor n/k \rfloor + 1` samples and
    the others :math:`\lfloor n/k \rfloor`. Fold :math:`i` is the test set of split
    :math:`i`; the training set is everything else. Both are returned sorted.
    ``random_state`` seeds the shuffle (``np.random.RandomState``); without ``shuffle`` it is
    not used.

    Returns
    -------
    list of (train, test)
        ``n_splits`` pairs of int arrays; the test sets partition ``range(n_samples)``.

    Raises
    ------
    ValueError
        If ``n_splits`` is not an int >= 2 or is greater than ``n_samples``.

    Examples
    --------
    >>> [test.tolist() for _, test in kfold_indices(5, 2)]
    [[0, 1, 2], [3, 4]]
    """
    n_splits = _check_n_splits(n_splits)
    if isinstance(n_samples, bool) or not isinstance(n_samples, numbers.Integral) \
            or n_samples < 0:
        raise ValueError(f"n_samples must be a non-negative int, got {n_samples!r}")
    if n_splits > n_samples:
        raise ValueError(f"cannot make n_splits={n_splits} folds from {n_samples} samples")
    order = np.arange(n_samples)
    if shuffle:
        _random_state(random_state).shuffle(order)
    sizes = np.full(n_splits, n_samples // n_splits, dtype=int)
    sizes[: n_samples % n_splits] += 1
    bounds = np.r_[0, np.cumsum(sizes)]
    splits = []
    for i in range(n_splits):
        is_test = np.zeros(n_samples, dtype=bool)
        is_test[order[bounds[i]: bounds[i + 1]]] = True
        splits.append((np.flatnonzero(~is_test), np.flatnonzero(is_test)))
    return splits


class KFold:
    """K-fold cross-validation splitter, with scikit-learn's interface.

    ``split(X)`` yields ``n_splits`` (train, test) index pairs (see :func:`kfold_indices`).
    """

    def __init__(self, n_splits: int = 5, *, shuffle: bool = False,
                 random_state: Any = None) -> None:
        self.n_splits = _check_n_splits(n_splits)
        if not shuffle and random_state is not None:
            raise ValueError("random_state has no effect without shuffle=True: leave it None")
        self.shuffle = shuffle
        self.random_state = random_state

    def split(self, X: Any, y: Any = None, groups: Any = None) -> Iterator[Split]:
        yield from kfold_indices(_num_samples(X), self.n_splits, shuffle=self.shuffle,
                                 random_state=self.random_state)

    def get_n_splits(self, X: Any = None, y: Any = None, groups: Any = None) -> int:
        return self.n_splits

    def __repr__(self) -> str:
        return (f"KFold(n_splits={self.n_splits}, random_state={self.random_state!r}, "
                f"shuffle={self.shuffle})")


class StratifiedKFold(KFold):
    """K-fold with each class spread evenly over the folds (as scikit-learn's).

    Classes are numbered in order of first appearance; the samples of the sorted labels are
    dealt round-robin to the folds, which fixes how many of each class each fold gets, and
    each class's samples fill their folds in order (shuffled when ``shuffle``).
    """

    def split(self, X: Any, y: Any = None, groups: Any = None) -> Iterator[Split]:
        if y is None:
            raise ValueError("StratifiedKFold needs the labels y")
        y = np.asarray(y)
        if y.ndim == 2 and y.shape[1] == 1:
            y = y.ravel()
        if y.ndim != 1 or y.shape[0] != _num_samples(X):
            raise ValueError("y must be 1-D with one label per row of X")
        if y.dtype.kind == "f" and np.any(y != np.round(y)):
            raise ValueError("StratifiedKFold needs class labels, not continuous values")
        rng = _random_state(self.random_state)
        _, first, inverse = np.unique(y, return_index=True, return_inverse=True)
        _, perm = np.unique(first, return_inverse=True)
        y_enc = perm[inverse]  # classes numbered by first appearance
        n_classes = first.size
        counts = np.bincount(y_enc)
        if np.all(self.n_splits > counts):
            raise ValueError(f"n_splits={self.n_splits} is greater than the number of members "
                             "in every class")
        if self.n_splits > counts.min():
            warnings.warn(f"the least populated class in y has only {counts.min()} members, "
                          f"fewer than n_splits={self.n_splits}", UserWarning, stacklevel=2)
        y_order = np.sort(y_enc)
        allocation = np.asarray([np.bincount(y_order[i:: self.n_splits], minlength=n_classes)
                                 for i in range(self.n_splits)])  # (n_splits, n_classes)
        test_folds = np.empty(y.shape[0], dtype=int)
        for k in range(n_classes):
            folds = np.arange(self.n_splits).repeat(allocation[:, k])
            if self.shuffle:
                rng.shuffle(folds)
            test_folds[y_enc == k] = folds
        for i in range(self.n_splits):
            yield np.flatnonzero(test_folds != i), np.flatnonzero(test_folds == i)

    def __repr__(self) -> str:
        return (f"StratifiedKFold(n_splits={self.n_splits}, random_state={self.random_state!r}, "
                f"shuffle={self.shuffle})")


# --------------------------------------------------------------------------------------------
# Cross-validation

def _predict_scores(estimator: Any, X: Any) -> np.ndarray:
    if hasattr(estimator, "decision_function"):
        return np.asarray(estimator.decision_function(X))
    return np.asarray(estimator.predict_proba(X))[:, 1]


SCORERS: dict[str, Callable[[Any, Any, Any], float]] = {
    "accuracy": lambda est, X, y: metrics.accuracy_score(y, est.predict(X)),
    "precision": lambda est, X, y: metrics.precision_score(y, est.predict(X)),
    "recall": lambda est, X, y: metrics.recall_score(y, est.predict(X)),
    "f1": lambda est, X, y: metrics.f1_score(y, est.predict(X)),
    "f1_macro": lambda est, X, y: metrics.f1_score(y, est.predict(X), average="macro"),
    "f1_micro": lambda est, X, y: metrics.f1_score(y, est.predict(X), average="micro"),
    "f1_weighted": lambda est, X, y: metrics.f1_score(y, est.predict(X), average="weighted"),
    "roc_auc": lambda est, X, y: metrics.roc_auc_score(y, _predict_scores(est, X)),
    "r2": lambda est, X, y: metrics.r2_score(y, est.predict(X)),
    "neg_mean_squared_error":
        lambda est, X, y: -metrics.mean_squared_error(y, est.predict(X)),
    "neg_root_mean_squared_error":
        lambda est, X, y: -math.sqrt(metrics.mean_squared_error(y, est.predict(X))),
}


def _scorer(scoring: str | Callable[..., float] | None) -> Callable[[Any, Any, Any], float]:
    if scoring is None:
        return lambda est, X, y: est.score(X, y)
    if isinstance(scoring, str):
        if scoring not in SCORERS:
            raise ValueError(f"unknown scoring {scoring!r}; use one of {sorted(SCORERS)} or a "
                             "callable scorer(estimator, X, y)")
        return SCORERS[scoring]
    if callable(scoring):
        return scoring
    raise ValueError(f"scoring must be None, a string or a callable, got {scoring!r}")


def _is_class_labels(y: Any) -> bool:
    arr = np.asarray(y)
    if arr.ndim == 2 and arr.shape[1] == 1:
        arr = arr.ravel()
    return arr.ndim == 1 and not (arr.dtype.kind == "f" and np.any(arr != np.round(arr)))


def _check_cv(cv: Any, y: Any, classifier: bool) -> Any:
    if cv is None:
        cv = 5
    if isinstance(cv, (str, bytes)):
        raise ValueError(f"cv must be an int, a splitter or an iterable of (train, test) "
                         f"pairs, got the string {cv!r}")
    if isinstance(cv, numbers.Integral) and not isinstance(cv, bool):
        if classifier and y is not None and _is_class_labels(y):
            return StratifiedKFold(int(cv))
        return KFold(int(cv))
    if hasattr(cv, "split"):
        return cv
    if isinstance(cv, Iterable):
        splits = list(cv)
        return _Given(splits)
    raise ValueError(f"cv must be an int, a splitter with a split method, or an iterable of "
                     f"(train, test) pairs, got {cv!r}")


class _Given:
    def __init__(self, splits: list[Split]) -> None:
        self.splits = splits

    def split(self, X: Any, y: Any = None, groups: Any = None) -> Iterator[Split]:
        yield from self.splits


def cross_val_score(estimator: Any, X: Any, y: Any = None, *, groups: Any = None,
                    scoring: str | Callable[..., float] | None = None,
                    cv: Any = None) -> np.ndarray:
    r"""Score a fresh copy of ``estimator`` on each cross-validation fold.

    For each split :math:`(T_i, V_i)`: clone the (unfitted) estimator, fit it on the rows
    :math:`T_i`, score it on the rows :math:`V_i`. The estimator passed in is never fitted.

    Parameters
    ----------
    estimator : a scikit-learn-compatible estimator
    X : array_like, shape (n_samples, n_features)
    y : array_like, shape (n_samples,), optional
    scoring : None, str or callable
        None: ``estimator.score``; a name (``"accuracy"``, ``"r2"``,
        ``"neg_mean_squared_error"``, ``"f1_macro"``, ``"roc_auc"``, ...); or a callable
        ``scorer(fitted_estimator, X_test, y_test) -> float``.
    cv : None, int, splitter or iterable of (train, test)
        An int :math:`k` means k folds in order: stratified (:class:`StratifiedKFold`) for a
        classifier with class labels, :class:`KFold` otherwise; None means 5.

    Returns
    -------
    ndarray, shape (n_splits,)
        One score per fold, in the splitter's order.

    Examples
    --------
    >>> cross_val_score(Ridge(alpha=1.0), X, y, cv=5).mean()
    """
    from sklearn.base import clone, is_classifier  # the API plumbing of every estimator

    score = _scorer(scoring)
    splitter = _check_cv(cv, y, is_classifier(estimator))
    scores = []
    for train, test in splitter.split(X, y, groups):
        model = clone(estimator)
        if y is None:
            model.fit(_take(X, train))
            scores.append(float(score(model, _take(X, test), None)))
        else:
            model.fit(_take(X, train), _take(y, train))
            scores.append(float(score(model, _take(X, test), _take(y, test))))
    if not scores:
        raise ValueError("the cross-validation splitter produced no splits")
    return np.asarray(scores)
