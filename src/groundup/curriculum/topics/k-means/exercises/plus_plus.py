"""Exercise kmeans.plus_plus: k-means++ seeding.

Run `groundup lesson kmeans.clustering` for the lesson, `groundup check kmeans.plus_plus` to
check. The checks draw thousands of seedings and compare how often each choice comes up with the
exact k-means++ probabilities, so use the generator ``rng`` you are given for every random draw.
"""

import numpy as np
from numpy.typing import ArrayLike, NDArray


def kmeans_plus_plus(X: ArrayLike, n_clusters: int, rng: np.random.Generator) -> NDArray[np.float64]:
    r"""Choose ``n_clusters`` starting centres among the samples, spread out at random.

    1. The first centre is a sample chosen uniformly at random.
    2. Each next centre is a sample chosen with probability proportional to :math:`D(x)^2`,
       the squared distance from the sample to the *nearest* centre chosen so far:

       .. math:: P(x_i) = \frac{D(x_i)^2}{\sum_m D(x_m)^2}

       (a sample that is already a centre has :math:`D = 0` and cannot be chosen again).
    3. If every sample already sits on a centre (the data have duplicates), the sum is 0:
       choose the next centre uniformly instead.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    n_clusters : int
        ``1 <= n_clusters <= n_samples``.
    rng : numpy.random.Generator
        Use it for every random choice, e.g. ``rng.choice(n_samples)`` or
        ``rng.choice(n_samples, p=probabilities)``.

    Returns
    -------
    centers : ndarray, shape (n_clusters, n_features)
        Rows of ``X``, in the order they were chosen.

    Raises
    ------
    ValueError
        If ``X`` is not 2-D or ``n_clusters`` is not between 1 and ``n_samples``.

    Examples
    --------
    >>> X = np.array([[0.0, 0.0], [0.1, 0.0], [10.0, 10.0]])
    >>> kmeans_plus_plus(X, 2, np.random.default_rng(0)).shape
    (2, 2)
    """
    # TODO: validate; pick the first centre uniformly; keep D(x)^2 to the nearest centre so
    # far; draw each next centre with probability D(x)^2 / sum(D^2); update D(x)^2.
    raise NotImplementedError
