# Wrong: log(det(cov)) underflows to log(0) = -inf in high dimension; use the Cholesky factor.
import numpy as np


def multivariate_normal_logpdf(x, mean, cov):
    x, mean, cov = (np.asarray(a, dtype=float) for a in (x, mean, cov))
    d = mean.size
    if cov.shape != (d, d) or x.shape[-1] != d:
        raise ValueError("shapes do not match")
    if np.any(np.linalg.eigvalsh(cov) <= 0):
        raise ValueError("cov is not positive definite")
    diff = np.atleast_2d(x) - mean
    maha = np.einsum("ni,ij,nj->n", diff, np.linalg.inv(cov), diff)
    with np.errstate(divide="ignore"):
        out = -0.5 * (d * np.log(2 * np.pi) + np.log(np.linalg.det(cov)) + maha)
    return float(out[0]) if x.ndim == 1 else out
