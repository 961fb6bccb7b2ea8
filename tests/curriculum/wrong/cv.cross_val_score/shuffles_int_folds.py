# Wrong: an int cv shuffles the rows before cutting the folds; an int means consecutive,
# unshuffled folds, so the scores differ from the expected ones.
import numpy as np
from sklearn.base import clone


def cross_val_score(estimator, X, y, *, cv=5, scoring=None):
    if isinstance(cv, int):
        if cv < 2:
            raise ValueError("cv must be at least 2")
        order = np.random.default_rng(0).permutation(len(X))
        folds = [(np.setdiff1d(order, part), np.sort(part)) for part in np.array_split(order, cv)]
    else:
        folds = list(cv.split(X, y))
    scores = []
    for train, test in folds:
        model = clone(estimator).fit(X[train], y[train])
        scorer = scoring or (lambda m, Xt, yt: m.score(Xt, yt))
        scores.append(scorer(model, X[test], y[test]))
    return np.array(scores)
