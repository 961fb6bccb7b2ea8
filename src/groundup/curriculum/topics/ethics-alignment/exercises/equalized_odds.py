"""Exercise fair.equalized_odds: do the groups get the same error rates?

Run `groundup lesson fair.metrics` for the lesson, `groundup check fair.equalized_odds` to check.
The checks compare with fairlearn's ``equal_opportunity_difference`` and
``equalized_odds_difference``.
"""

import numpy as np
from numpy.typing import ArrayLike


def equal_opportunity_difference(y_true: ArrayLike, y_pred: ArrayLike, group: ArrayLike) -> float:
    r"""The largest gap in true positive rates between groups.

    .. math:: \max_g \mathrm{TPR}_g - \min_g \mathrm{TPR}_g, \qquad
              \mathrm{TPR}_g = P(\hat y = 1 \mid y = 1, G = g)

    A group with no positive labels has TPR 0 (fairlearn's convention).

    Parameters
    ----------
    y_true, y_pred : array_like of 0/1, shape (n_samples,)
    group : array_like, shape (n_samples,)

    Raises
    ------
    ValueError
        If the arrays are empty, not 0/1, or of different lengths.

    Examples
    --------
    >>> equal_opportunity_difference([1, 1, 1, 1], [1, 1, 1, 0], ["a", "a", "b", "b"])
    0.5
    """
    # TODO: TPR of each group; return max - min.
    raise NotImplementedError


def equalized_odds_difference(y_true: ArrayLike, y_pred: ArrayLike, group: ArrayLike) -> float:
    r"""The larger of the TPR gap and the FPR gap between groups (fairlearn's definition).

    .. math:: \max\Big(\max_g \mathrm{TPR}_g - \min_g \mathrm{TPR}_g,\;
              \max_g \mathrm{FPR}_g - \min_g \mathrm{FPR}_g\Big), \qquad
              \mathrm{FPR}_g = P(\hat y = 1 \mid y = 0, G = g)

    A group with no negative labels has FPR 0.

    Examples
    --------
    >>> equalized_odds_difference([0, 1, 0, 1], [1, 1, 0, 1], ["a", "a", "b", "b"])
    1.0
    """
    # TODO: TPR and FPR of each group; return the larger of the two gaps.
    raise NotImplementedError
