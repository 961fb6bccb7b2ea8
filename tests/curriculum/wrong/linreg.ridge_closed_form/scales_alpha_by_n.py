# Wrong: uses alpha * n_samples (the penalty of a *mean* squared error), not scikit-learn's alpha.
import numpy as np


def ridge_closed_form(X, y, alpha=1.0, fit_intercept=True):
    X, y = np.asarray(X, float), np.asarray(y, float)
    if X.ndim != 2 or y.ndim != 1 or len(X) != len(y) or alpha < 0:
        raise ValueError("bad input")
    xm, ym = (X.mean(axis=0), y.mean()) if fit_intercept else (np.zeros(X.shape[1]), 0.0)
    Xc, yc = X - xm, y - ym
    w = np.linalg.solve(Xc.T @ Xc + alpha * len(y) * np.eye(X.shape[1]), Xc.T @ yc)
    return w, float(ym - xm @ w)
