# Wrong: fits the estimator it was given (no clone), so the caller's estimator comes back
# fitted on the last fold.
import numpy as np


def cross_val_score(estimator, X, y, *, cv=5, scoring=None):
    if isinstance(cv, int):
        if cv < 2:
            raise ValueError("cv must be at least 2")
        sizes = np.full(cv, len(X) // cv)
        sizes[: len(X) % cv] += 1
        starts = np.r_[0, np.cumsum(sizes)]
        folds = [(np.r_[np.arange(starts[i]), np.arange(starts[i + 1], len(X))],
                  np.arange(starts[i], starts[i + 1])) for i in range(cv)]
    else:
        folds = list(cv.split(X, y))
    scores = []
    for train, test in folds:
        estimator.fit(X[train], y[train])
        scorer = scoring or (lambda m, Xt, yt: m.score(Xt, yt))
        scores.append(scorer(estimator, X[test], y[test]))
    return np.array(scores)
