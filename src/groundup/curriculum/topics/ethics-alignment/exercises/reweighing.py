"""Exercise fair.reweighing: sample weights that make the label independent of the group.

Run `groundup lesson fair.metrics` for the lesson, `groundup check fair.reweighing` to check.
The checks compare with the formula (computed with pandas) and check that, weighted, every
group has the same label rate.
"""

import numpy as np
from numpy.typing import ArrayLike


def reweighing(y: ArrayLike, group: ArrayLike) -> np.ndarray:
    r"""Kamiran & Calders' reweighing weights.

    .. math:: w_i = \frac{P(G = g_i)\,P(Y = y_i)}{P(G = g_i, Y = y_i)}
              = \frac{n_{g_i}\, n_{y_i}}{n\, n_{g_i y_i}}

    with :math:`n_g` the samples of group :math:`g`, :math:`n_y` those with label :math:`y`,
    and :math:`n_{gy}` those with both.

    Parameters
    ----------
    y : array_like of 0/1, shape (n_samples,)
    group : array_like, shape (n_samples,)

    Returns
    -------
    ndarray of float, shape (n_samples,); the weights sum to ``n_samples``.

    Raises
    ------
    ValueError
        If ``y`` is empty or not 0/1, or the lengths differ.

    Examples
    --------
    >>> reweighing([1, 1, 0, 1], ["a", "a", "b", "b"]).tolist()
    [0.75, 0.75, 0.5, 1.5]
    """
    # TODO: count n_g, n_y and n_gy; return each sample's weight.
    raise NotImplementedError
