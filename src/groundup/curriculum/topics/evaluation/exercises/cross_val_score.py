"""Exercise cv.cross_val_score: cross-validation scores.

Run `groundup lesson cv.validation` for the lesson, `groundup check cv.cross_val_score` to check.
"""

from collections.abc import Callable
from typing import Any

import numpy as np


def cross_val_score(estimator: Any, X: np.ndarray, y: np.ndarray, *, cv: Any = 5,
                    scoring: Callable[[Any, np.ndarray, np.ndarray], float] | None = None
                    ) -> np.ndarray:
    r"""Score a fresh copy of ``estimator`` on each cross-validation fold.

    For each split :math:`(T_i, V_i)`: copy the unfitted estimator (``clone`` from
    ``sklearn.base``), fit the copy on the rows :math:`T_i`, and score it on the held-out
    rows :math:`V_i`. The estimator passed in is never fitted. The mean of the scores
    estimates how well the model does on data it has not seen.

    Parameters
    ----------
    estimator : a scikit-learn-compatible estimator (``fit``, ``predict``, ``score``)
    X : ndarray, shape (n_samples, n_features)
    y : ndarray, shape (n_samples,)
    cv : int or splitter
        An int :math:`k \ge 2`: k consecutive folds, unshuffled (the indices of your
        ``kfold_indices``). Otherwise an object whose ``cv.split(X, y)`` yields
        ``(train, test)`` index pairs, such as ``KFold(5, shuffle=True, random_state=0)``.
    scoring : callable, optional
        ``scoring(fitted_model, X_test, y_test) -> float``; by default
        ``fitted_model.score(X_test, y_test)`` (accuracy for a classifier, :math:`R^2` for a
        regressor).

    Returns
    -------
    ndarray, shape (n_splits,)
        One score per fold, in order.

    Raises
    ------
    ValueError
        If ``cv`` is an int smaller than 2.

    Examples
    --------
    >>> from sklearn.linear_model import Ridge
    >>> cross_val_score(Ridge(), X, y, cv=5)   # five R^2 values
    """
    # TODO: make the folds; for each, fit a clone on the training rows and score it on the
    # test rows; return the scores as an array.
    raise NotImplementedError
