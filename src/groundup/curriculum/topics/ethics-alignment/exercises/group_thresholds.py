"""Exercise fair.group_thresholds: one threshold per group, so every group reaches a target.

Run `groundup lesson fair.metrics` for the lesson, `groundup check fair.group_thresholds` to
check. The checks compare with the k-th largest score of each group, computed with pandas, and
check that each group reaches the target with the largest possible threshold.
"""

import math

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike


def group_thresholds(scores: ArrayLike, y_true: ArrayLike, group: ArrayLike, target: float = 0.8,
                     metric: str = "tpr") -> pd.Series:
    r"""Per-group decision thresholds for equal opportunity or demographic parity.

    A sample is predicted positive when ``score >= threshold`` of its group. For
    ``metric="tpr"`` the threshold of group :math:`g` is the :math:`k`-th largest score among
    the group's *positives* (``y_true == 1``), with :math:`k = \lceil \text{target} \cdot
    n^{+}_g \rceil`: the largest threshold whose true positive rate reaches ``target``. For
    ``metric="selection_rate"``, the same among *all* the group's samples.

    Parameters
    ----------
    scores : array_like of float, shape (n_samples,)
    y_true : array_like of 0/1, shape (n_samples,)
    group : array_like, shape (n_samples,)
    target : float in (0, 1]
    metric : ``"tpr"`` or ``"selection_rate"``

    Returns
    -------
    pandas.Series
        Named ``"threshold"``, indexed by the sorted group labels (index name ``"group"``).

    Raises
    ------
    ValueError
        If ``target`` is outside (0, 1], ``metric`` is unknown, the lengths differ, ``y_true``
        is not 0/1, or (``metric="tpr"``) a group has no positives.

    Examples
    --------
    >>> group_thresholds([0.9, 0.4, 0.8, 0.3], [1, 1, 1, 1], list("aabb"), target=0.5).tolist()
    [0.9, 0.8]
    """
    # TODO: validate; for each sorted group, sort the relevant scores high to low, take the k-th.
    raise NotImplementedError
