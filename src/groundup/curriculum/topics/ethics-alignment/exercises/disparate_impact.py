"""Exercise fair.disparate_impact: the ratio behind the four-fifths rule.

Run `groundup lesson fair.metrics` for the lesson, `groundup check fair.disparate_impact` to
check. The checks compare with selection rates computed by fairlearn.
"""

from typing import Any

import numpy as np
from numpy.typing import ArrayLike


def disparate_impact_ratio(y_pred: ArrayLike, group: ArrayLike, privileged: Any) -> float:
    r"""The selection rate of everyone outside the privileged group over the privileged one's.

    .. math:: \mathrm{DI} = \frac{P(\hat y = 1 \mid G \ne p)}{P(\hat y = 1 \mid G = p)}

    All the non-privileged samples are pooled, whatever their groups. A ratio below 0.8 fails
    the four-fifths rule; a ratio above 1 means the privileged group is selected *less* often.

    Parameters
    ----------
    y_pred : array_like of 0/1, shape (n_samples,)
    group : array_like, shape (n_samples,)
    privileged : a label that occurs in ``group``

    Returns
    -------
    float, >= 0

    Raises
    ------
    ValueError
        If ``y_pred`` is not 0/1 or the lengths differ; if ``privileged`` does not occur in
        ``group``; if every sample is privileged; if the privileged group has no positive
        predictions (the ratio would divide by 0).

    Examples
    --------
    >>> disparate_impact_ratio([1, 1, 0, 1, 0, 0], list("aaabbb"), privileged="a")
    0.5
    """
    # TODO: validate, then divide the two selection rates.
    raise NotImplementedError
