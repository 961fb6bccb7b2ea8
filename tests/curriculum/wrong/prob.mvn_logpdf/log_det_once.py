# Wrong: log det(cov) = sum(log(diag(L))), forgetting the factor 2 (det(cov) = det(L)^2).
import numpy as np


def multivariate_normal_logpdf(x, mean, cov):
    x, mean, cov = (np.asarray(a, dtype=float) for a in (x, mean, cov))
    d = mean.size
    if cov.shape != (d, d) or x.shape[-1] != d:
        raise ValueError("shapes do not match")
    L = np.linalg.cholesky(cov)
    z = np.linalg.solve(L, (np.atleast_2d(x) - mean).T)
    out = -0.5 * (d * np.log(2 * np.pi) + np.log(np.diag(L)).sum() + (z**2).sum(axis=0))
    return float(out[0]) if x.ndim == 1 else out
