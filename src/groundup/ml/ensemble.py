"""Random forests from scratch: bootstrap samples, random features, averaged trees.

The pieces (what the learner writes in the ``random-forests`` topic):

- :func:`bootstrap_sample` -- draw ``n`` rows with replacement; the rows never drawn are the
  tree's *out-of-bag* rows;
- :func:`majority_vote` -- hard voting: the most frequent label of each column;
- :func:`random_forest_predict` -- soft voting: average the trees' class probabilities;
- :func:`oob_score` -- the accuracy of each row predicted only by the trees that never saw it.

:class:`RandomForestClassifier` and :class:`RandomForestRegressor` follow scikit-learn's
interface and algorithm (Breiman, 2001): every tree is a :mod:`groundup.ml.tree` tree grown on
a bootstrap sample (as sample weights: a row drawn twice weighs 2), searching
``max_features`` random features at each split; the classifier averages ``predict_proba``.
"""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np
from joblib import Parallel, delayed
from numpy.typing import ArrayLike
from sklearn.base import BaseEstimator, ClassifierMixin, RegressorMixin
from sklearn.utils import check_random_state
from sklearn.utils.multiclass import check_classification_targets
from sklearn.utils.validation import check_is_fitted

from groundup.ml.tree import (
    DecisionTreeClassifier,
    DecisionTreeRegressor,
    checked_x,
    checked_xy,
    fit_together,
    predict_together,
)

__all__ = [
    "RandomForestClassifier",
    "RandomForestRegressor",
    "bootstrap_sample",
    "majority_vote",
    "oob_score",
    "random_forest_predict",
]

MAX_INT = np.iinfo(np.int32).max


# --------------------------------------------------------------------------------------------
# The pieces

def bootstrap_sample(n_samples: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    r"""Draw ``n_samples`` row indices with replacement, and mark the rows never drawn.

    Each index is drawn uniformly from ``0 .. n_samples - 1`` with
    ``rng.integers(0, n_samples, size=n_samples)``. A given row is missed by all ``n`` draws
    with probability :math:`(1 - 1/n)^n \approx e^{-1} \approx 0.368`: about a third of the
    rows are *out of bag*.

    Parameters
    ----------
    n_samples : int
        At least 1.
    rng : numpy.random.Generator

    Returns
    -------
    indices : ndarray of int, shape (n_samples,)
    oob_mask : ndarray of bool, shape (n_samples,)
        True for the rows that ``indices`` never contains.

    Examples
    --------
    >>> idx, oob = bootstrap_sample(5, np.random.default_rng(0))
    >>> idx, oob
    (array([4, 3, 2, 1, 1]), array([ True, False, False, False, False]))
    """
    if not isinstance(n_samples, numbers.Integral) or n_samples < 1:
        raise ValueError(f"n_samples must be an integer >= 1, got {n_samples!r}")
    indices = rng.integers(0, n_samples, size=n_samples)
    oob_mask = np.bincount(indices, minlength=n_samples) == 0
    return indices, oob_mask


def majority_vote(predictions: ArrayLike) -> np.ndarray:
    r"""The most frequent label in each column (hard voting); ties go to the smallest label.

    .. math:: \hat y_j = \arg\max_c \sum_{t=1}^{T} [\,p_{tj} = c\,]

    Parameters
    ----------
    predictions : array_like of int, shape (n_estimators, n_samples)
        Row ``t`` holds the labels predicted by estimator ``t`` (non-negative integers).

    Returns
    -------
    ndarray of int, shape (n_samples,)

    Examples
    --------
    >>> majority_vote([[0, 1, 2], [1, 1, 0], [1, 0, 2]])
    array([1, 1, 2])
    """
    P = np.asarray(predictions)
    if P.ndim != 2 or P.shape[0] == 0:
        raise ValueError(f"predictions must have shape (n_estimators >= 1, n_samples), got "
                         f"{P.shape}")
    if P.dtype.kind not in "iub" or (P.size and P.min() < 0):
        raise ValueError("predictions must be non-negative integer labels")
    n_labels = int(P.max()) + 1 if P.size else 1
    # votes[c, j] = how many estimators predicted label c for sample j
    votes = (P[None, :, :] == np.arange(n_labels)[:, None, None]).sum(axis=1)  # (C, n)
    return np.argmax(votes, axis=0)


def random_forest_predict(tree_probas: ArrayLike, classes: ArrayLike
                          ) -> tuple[np.ndarray, np.ndarray]:
    r"""Soft voting: average the trees' class probabilities, then pick the likeliest class.

    .. math:: \bar p_j = \frac{1}{T} \sum_{t=1}^{T} p_{tj}, \qquad
              \hat y_j = \text{classes}[\arg\max_c \bar p_{jc}]

    Parameters
    ----------
    tree_probas : array_like, shape (n_estimators, n_samples, n_classes)
    classes : array_like, shape (n_classes,)
        The label of each column.

    Returns
    -------
    proba : ndarray, shape (n_samples, n_classes)
    labels : ndarray, shape (n_samples,)
    """
    P = np.asarray(tree_probas, dtype=float)
    classes = np.asarray(classes)
    if P.ndim != 3 or P.shape[0] == 0:
        raise ValueError(f"tree_probas must have shape (n_estimators >= 1, n_samples, "
                         f"n_classes), got {P.shape}")
    if classes.shape != (P.shape[2],):
        raise ValueError(f"classes must have shape ({P.shape[2]},), got {classes.shape}")
    proba = P.mean(axis=0)
    return proba, classes[np.argmax(proba, axis=1)]


def oob_score(tree_probas: ArrayLike, oob_masks: ArrayLike, y: ArrayLike) -> float:
    r"""Out-of-bag accuracy: each row is predicted only by the trees that did not see it.

    For row ``j``, sum ``tree_probas[t, j]`` over the trees with ``oob_masks[t, j]`` True and
    take the class with the largest sum; the score is the fraction of rows where it equals
    ``y[j]``. A row that is in every tree's bootstrap sample has no vote: it counts as
    predicted class 0 (as scikit-learn does, with a warning there).

    Parameters
    ----------
    tree_probas : array_like, shape (n_estimators, n_samples, n_classes)
    oob_masks : array_like of bool, shape (n_estimators, n_samples)
    y : array_like of int, shape (n_samples,)
        Class indices ``0 .. n_classes - 1``.

    Returns
    -------
    float
    """
    P = np.asarray(tree_probas, dtype=float)
    M = np.asarray(oob_masks)
    y = np.asarray(y)
    if P.ndim != 3 or M.shape != P.shape[:2] or y.shape != (P.shape[1],):
        raise ValueError(f"expected tree_probas (T, n, K), oob_masks (T, n) and y (n,); got "
                         f"{P.shape}, {M.shape} and {y.shape}")
    if M.dtype != bool:
        raise ValueError("oob_masks must be boolean")
    summed = (P * M[:, :, None]).sum(axis=0)  # (n, K): only the out-of-bag trees vote
    return float(np.mean(np.argmax(summed, axis=1) == y))


# --------------------------------------------------------------------------------------------
# The estimators

TREES_PER_BATCH = 2**22  # trees grown together: at most this many (tree, feature, row) cells
MIN_BATCHES = 4  # ... in at least this many batches (when there are as many trees)


def _batches(n_trees: int, n_samples: int, n_features: int) -> list[np.ndarray]:
    """Split the tree indices into batches grown together (:func:`~groundup.ml.tree.fit_together`).

    Bigger batches pay less NumPy overhead per tree (what matters on small data sets);
    the size is capped so that the temporary arrays stay a few tens of MB. There are at
    least ``MIN_BATCHES`` batches, for the ``n_jobs`` workers; the split depends on the
    data's shape only, never on ``n_jobs``, so the forest is the same for any ``n_jobs``.
    """
    size = max(1, min(TREES_PER_BATCH // (n_samples * n_features),
                      -(-n_trees // MIN_BATCHES)))
    return np.array_split(np.arange(n_trees), -(-n_trees // size))


class _BaseForest(BaseEstimator):
    _tree_class: Any = None
    estimators_: list[Any]
    n_features_in_: int

    def __init__(self, n_estimators: int = 100, *, max_depth: int | None = None,
                 min_samples_split: int | float = 2, min_samples_leaf: int | float = 1,
                 max_features: int | float | str | None = "sqrt", bootstrap: bool = True,
                 oob_score: bool = False, n_jobs: int | None = None,
                 random_state: int | np.random.RandomState | None = None,
                 criterion: str = "gini") -> None:
        self.n_estimators = n_estimators
        self.criterion = criterion
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split
        self.min_samples_leaf = min_samples_leaf
        self.max_features = max_features
        self.bootstrap = bootstrap
        self.oob_score = oob_score
        self.n_jobs = n_jobs
        self.random_state = random_state

    def _fit_forest(self, X: np.ndarray, y: np.ndarray, n_classes: int = 0
                    ) -> list[np.ndarray]:
        if not isinstance(self.n_estimators, numbers.Integral) or self.n_estimators < 1:
            raise ValueError(f"n_estimators must be an int >= 1, got {self.n_estimators!r}")
        if self.oob_score and not self.bootstrap:
            raise ValueError("oob_score=True needs bootstrap=True: without bootstrap samples "
                             "no row is out of bag")
        rs = check_random_state(self.random_state)
        seeds = rs.randint(MAX_INT, size=self.n_estimators)
        trees = [self._tree_class(criterion=self.criterion, max_depth=self.max_depth,
                                  min_samples_split=self.min_samples_split,
                                  min_samples_leaf=self.min_samples_leaf,
                                  max_features=self.max_features, random_state=int(seed))
                 for seed in seeds]
        n_samples = X.shape[0]
        if self.bootstrap:  # a row drawn twice weighs 2
            draws = [bootstrap_sample(n_samples, np.random.default_rng(seed)) for seed in seeds]
            W = np.stack([np.bincount(idx, minlength=n_samples) for idx, _ in draws]
                         ).astype(np.float64)
            masks = [oob for _, oob in draws]
        else:
            W, masks = np.ones((self.n_estimators, n_samples)), []
        trees[0]._resolved_params(*X.shape)  # invalid hyper-parameters: raise here, once
        batches = _batches(self.n_estimators, *X.shape)
        # threads: the heavy lifting is NumPy on large arrays, which releases the GIL
        fitted = Parallel(n_jobs=self.n_jobs, prefer="threads")(
            delayed(fit_together)([trees[i] for i in b], X, y, W[b], n_classes)
            for b in batches)
        self.estimators_ = [t for batch in fitted for t in batch]
        self.n_features_in_ = X.shape[1]
        return masks

    @property
    def feature_importances_(self) -> np.ndarray:
        """Mean of the trees' normalised impurity decreases, normalised again."""
        check_is_fitted(self, "estimators_")
        imps = [t.feature_importances_ for t in self.estimators_ if t.tree_.node_count > 1]
        if not imps:
            return np.zeros(self.n_features_in_)
        mean = np.mean(imps, axis=0)
        return mean / mean.sum()

    def _tree_outputs(self, X: np.ndarray) -> np.ndarray:
        """Every tree's prediction (class fractions or mean target) for the checked ``X``:
        (n_estimators, n_samples[, n_classes]), all trees at once."""
        return predict_together(X, [t.tree_ for t in self.estimators_])


class RandomForestClassifier(ClassifierMixin, _BaseForest):
    """A random forest of classification trees (scikit-learn's interface).

    Parameters
    ----------
    n_estimators : int, default 100
    criterion : {"gini", "entropy", "log_loss"}, default "gini"
    max_depth, min_samples_split, min_samples_leaf : as the trees'
    max_features : int, float, "sqrt", "log2" or None, default "sqrt"
    bootstrap : bool, default True
    oob_score : bool, default False
        Compute ``oob_score_`` (accuracy) and ``oob_decision_function_``.
    n_jobs : int or None
        Trees fitted and evaluated in parallel (joblib threads).
    random_state : int, RandomState or None

    Attributes
    ----------
    estimators_, classes_, n_classes_, n_features_in_, feature_importances_, oob_score_,
    oob_decision_function_
    """

    _tree_class = DecisionTreeClassifier

    def __init__(self, n_estimators: int = 100, *, criterion: str = "gini",
                 max_depth: int | None = None, min_samples_split: int | float = 2,
                 min_samples_leaf: int | float = 1,
                 max_features: int | float | str | None = "sqrt", bootstrap: bool = True,
                 oob_score: bool = False, n_jobs: int | None = None,
                 random_state: int | np.random.RandomState | None = None) -> None:
        super().__init__(n_estimators, criterion=criterion, max_depth=max_depth,
                         min_samples_split=min_samples_split, min_samples_leaf=min_samples_leaf,
                         max_features=max_features, bootstrap=bootstrap, oob_score=oob_score,
                         n_jobs=n_jobs, random_state=random_state)

    def fit(self, X: ArrayLike, y: ArrayLike) -> RandomForestClassifier:
        """Grow ``n_estimators`` trees, each on its own bootstrap sample of ``(X, y)``."""
        Xc, yc = checked_xy(self, X, y)
        check_classification_targets(yc)
        self.classes_, y_enc = np.unique(yc, return_inverse=True)
        self.n_classes_ = int(self.classes_.size)
        masks = self._fit_forest(Xc, y_enc, self.n_classes_)
        if self.oob_score:
            probas = self._tree_outputs(Xc)  # (T, n, K)
            M = np.stack(masks)
            summed = (probas * M[:, :, None]).sum(axis=0)
            n_votes = np.maximum(M.sum(axis=0), 1)[:, None]
            self.oob_decision_function_ = summed / n_votes
            self.oob_score_ = oob_score(probas, M, y_enc)
        return self

    def predict_proba(self, X: ArrayLike) -> np.ndarray:
        """The trees' class probabilities, averaged: shape (n_samples, n_classes)."""
        check_is_fitted(self, "estimators_")
        Xc = checked_x(self, X)
        proba, _ = random_forest_predict(self._tree_outputs(Xc),
                                         np.arange(self.n_classes_))
        return proba

    def predict_log_proba(self, X: ArrayLike) -> np.ndarray:
        with np.errstate(divide="ignore"):
            return np.log(self.predict_proba(X))

    def predict(self, X: ArrayLike) -> np.ndarray:
        """The class with the largest averaged probability, shape (n_samples,)."""
        proba = self.predict_proba(X)  # checks that the model is fitted first
        return self.classes_[np.argmax(proba, axis=1)]


class RandomForestRegressor(RegressorMixin, _BaseForest):
    """A random forest of regression trees (scikit-learn's interface); predictions averaged.

    Parameters as :class:`RandomForestClassifier`, with ``criterion="squared_error"`` and
    ``max_features=1.0`` (all features, as scikit-learn) by default; ``oob_score_`` is the
    out-of-bag :math:`R^2` and ``oob_prediction_`` the out-of-bag predictions.
    """

    _tree_class = DecisionTreeRegressor

    def __init__(self, n_estimators: int = 100, *, criterion: str = "squared_error",
                 max_depth: int | None = None, min_samples_split: int | float = 2,
                 min_samples_leaf: int | float = 1,
                 max_features: int | float | str | None = 1.0, bootstrap: bool = True,
                 oob_score: bool = False, n_jobs: int | None = None,
                 random_state: int | np.random.RandomState | None = None) -> None:
        super().__init__(n_estimators, criterion=criterion, max_depth=max_depth,
                         min_samples_split=min_samples_split, min_samples_leaf=min_samples_leaf,
                         max_features=max_features, bootstrap=bootstrap, oob_score=oob_score,
                         n_jobs=n_jobs, random_state=random_state)

    def fit(self, X: ArrayLike, y: ArrayLike) -> RandomForestRegressor:
        """Grow ``n_estimators`` regression trees on bootstrap samples of ``(X, y)``."""
        Xc, yc = checked_xy(self, X, y, y_numeric=True)
        y_ = yc.astype(np.float64)
        masks = self._fit_forest(Xc, y_)
        if self.oob_score:
            preds = self._tree_outputs(Xc)  # (T, n)
            M = np.stack(masks)
            self.oob_prediction_ = (preds * M).sum(axis=0) / np.maximum(M.sum(axis=0), 1)
            resid = ((y_ - self.oob_prediction_) ** 2).sum()
            spread = ((y_ - y_.mean()) ** 2).sum()
            self.oob_score_ = float(1.0 - resid / spread) if spread > 0 else 0.0
        return self

    def predict(self, X: ArrayLike) -> np.ndarray:
        """The trees' predictions, averaged: shape (n_samples,)."""
        check_is_fitted(self, "estimators_")
        return self._tree_outputs(checked_x(self, X)).mean(axis=0)
