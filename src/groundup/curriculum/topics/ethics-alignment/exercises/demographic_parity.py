"""Exercise fair.demographic_parity: are all groups selected at the same rate?

Run `groundup lesson fair.metrics` for the lesson, `groundup check fair.demographic_parity` to
check. The checks compare with fairlearn's ``demographic_parity_difference`` and
``demographic_parity_ratio``.
"""

import math

import numpy as np
from numpy.typing import ArrayLike


def demographic_parity_difference(y_pred: ArrayLike, group: ArrayLike) -> float:
    r"""The largest gap in selection rates between groups.

    .. math:: \max_g P(\hat y = 1 \mid g) - \min_g P(\hat y = 1 \mid g)

    Parameters
    ----------
    y_pred : array_like of 0/1, shape (n_samples,)
    group : array_like, shape (n_samples,)

    Returns
    -------
    float in [0, 1]; 0 means demographic parity.

    Raises
    ------
    ValueError
        If ``y_pred`` is empty or not 0/1, or the lengths differ.

    Examples
    --------
    >>> demographic_parity_difference([1, 0, 1, 1], ["a", "a", "b", "b"])
    0.5
    """
    # TODO: compute each group's selection rate; return max - min.
    raise NotImplementedError


def demographic_parity_ratio(y_pred: ArrayLike, group: ArrayLike) -> float:
    r"""The smallest selection rate over the largest.

    .. math:: \frac{\min_g P(\hat y = 1 \mid g)}{\max_g P(\hat y = 1 \mid g)}

    Returns
    -------
    float in [0, 1]; 1 means parity. ``math.nan`` when no group is selected at all (0 / 0).

    Examples
    --------
    >>> demographic_parity_ratio([1, 0, 1, 1], ["a", "a", "b", "b"])
    0.5
    """
    # TODO: compute each group's selection rate; return min / max (nan when max is 0).
    raise NotImplementedError
