"""Exercise prob.mvn_logpdf: the log-density of the multivariate Normal.

Run `groundup lesson prob.distributions` for the lesson, `groundup check prob.mvn_logpdf` to
check.
"""

import numpy as np
from numpy.typing import ArrayLike


def multivariate_normal_logpdf(x: ArrayLike, mean: ArrayLike,
                               cov: ArrayLike) -> float | np.ndarray:
    r"""Log-density of the ``d``-dimensional Normal :math:`\mathcal N(\mu, \Sigma)`.

    .. math:: \log f(x) = -\frac{1}{2}\left(d \log 2\pi + \log\det\Sigma
              + (x - \mu)^\top \Sigma^{-1} (x - \mu)\right)

    Use the Cholesky factor :math:`\Sigma = L L^\top` (``np.linalg.cholesky``):
    :math:`\log\det\Sigma = 2 \sum_i \log L_{ii}`, and the quadratic form is
    :math:`\lVert z \rVert^2` where :math:`L z = x - \mu` (``np.linalg.solve``).

    Parameters
    ----------
    x : array_like, shape (d,) or (n, d)
        One point, or ``n`` points as rows.
    mean : array_like, shape (d,)
    cov : array_like, shape (d, d)
        Symmetric positive definite.

    Returns
    -------
    float for one point, ndarray of shape (n,) for ``n`` points

    Raises
    ------
    ValueError
        If the shapes do not match or ``cov`` is not positive definite.

    Examples
    --------
    >>> round(multivariate_normal_logpdf([0.0, 0.0], [0.0, 0.0], np.eye(2)), 6)
    -1.837877
    """
    # TODO: check shapes, factor cov, solve for z, add up the three terms.
    raise NotImplementedError
