"""Exercise bv.decompose: bias² and variance from many fitted models.

Run `groundup lesson bv.tradeoff` for the lesson, `groundup check bv.decompose` to check.
"""

from numpy.typing import ArrayLike


def bias_variance_decompose(predictions: ArrayLike, f_true: ArrayLike) -> tuple[float, float]:
    r"""Squared bias and variance of a model, from its predictions over many training sets.

    ``predictions[r, j]`` is :math:`\hat f_r(x_j)`, the prediction at test point :math:`x_j`
    of the model fitted on training set :math:`r` (:math:`R` sets, :math:`m` points);
    ``f_true[j]`` is the true value :math:`f(x_j)`. With the mean prediction
    :math:`\bar f_j = \frac1R \sum_r \hat f_r(x_j)`:

    .. math::
        \text{bias}^2 = \frac1m \sum_j \big(\bar f_j - f(x_j)\big)^2, \qquad
        \text{variance} = \frac1m \sum_j \frac1R \sum_r \big(\hat f_r(x_j) - \bar f_j\big)^2

    Divide by :math:`R`, not :math:`R - 1`: then bias² + variance is exactly the mean
    squared distance between the predictions and :math:`f`. No Python loops: use whole-array
    operations.

    Parameters
    ----------
    predictions : array_like, shape (n_datasets, n_points)
    f_true : array_like, shape (n_points,)

    Returns
    -------
    (bias2, variance) : tuple of float

    Raises
    ------
    ValueError
        If ``predictions`` is not 2-D with at least one row and one column, or ``f_true``
        does not have one value per column.

    Examples
    --------
    >>> bias_variance_decompose([[1.0, 2.0], [3.0, 2.0]], [1.0, 1.0])
    (1.0, 0.5)
    """
    # TODO: validate the shapes; the mean prediction per point; bias² and variance, averaged
    # over the points.
    raise NotImplementedError
