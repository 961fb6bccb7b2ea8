"""Drivers for the evaluation exercises: they run in the learner's process.

Standard library and NumPy only at import time: this module is imported on every check. The
estimators they receive were built by the grader (scikit-learn objects, unpickled here).
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

import numpy as np


def split_three_times(module: ModuleType, X: Any, y: Any, seed: int,
                      **kwargs: Any) -> dict[str, Any]:
    """Call the learner's ``train_test_split`` twice with one seed and once with another.

    Returns the first column of each ``X_test`` (the checks put row ids there).
    """
    def test_ids(random_state: int) -> np.ndarray:
        parts = module.train_test_split(X, y, random_state=random_state, **kwargs)
        return np.asarray(parts[1])[:, 0]

    return {"first": test_ids(seed), "again": test_ids(seed), "other": test_ids(seed + 1)}


def kfold_three_times(module: ModuleType, n_samples: int, n_splits: int,
                      seed: int) -> dict[str, Any]:
    """The learner's shuffled test folds: twice with one seed, once with another."""
    def folds(random_state: int) -> list[np.ndarray]:
        splits = module.kfold_indices(n_samples, n_splits, shuffle=True,
                                      random_state=random_state)
        return [np.sort(np.asarray(test)) for _, test in splits]

    return {"first": folds(seed), "again": folds(seed), "other": folds(seed + 1)}


def cross_val_leaves_estimator_alone(module: ModuleType, estimator: Any, X: Any, y: Any,
                                     **kwargs: Any) -> dict[str, Any]:
    """Scores, and the fitted attributes (names ending in ``_``) the estimator passed in got."""
    scores = module.cross_val_score(estimator, X, y, **kwargs)
    fitted = sorted(k for k in vars(estimator) if k.endswith("_") and not k.startswith("_"))
    return {"scores": np.asarray(scores, dtype=float), "fitted": fitted}


def neg_mean_absolute_error(estimator: Any, X: Any, y: Any) -> float:
    """A scorer: minus the mean absolute error (greater is better, as for every scorer)."""
    return -float(np.mean(np.abs(np.asarray(y) - np.asarray(estimator.predict(X)))))
