# Wrong: adds a ones column and penalises the intercept together with the weights.
import numpy as np


def ridge_closed_form(X, y, alpha=1.0, fit_intercept=True):
    X, y = np.asarray(X, float), np.asarray(y, float)
    if X.ndim != 2 or y.ndim != 1 or len(X) != len(y) or alpha < 0:
        raise ValueError("bad input")
    A = np.column_stack([np.ones(len(y)), X]) if fit_intercept else X
    theta = np.linalg.solve(A.T @ A + alpha * np.eye(A.shape[1]), A.T @ y)
    return (theta[1:], float(theta[0])) if fit_intercept else (theta, 0.0)
