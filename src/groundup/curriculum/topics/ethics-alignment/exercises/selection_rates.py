"""Exercise fair.selection_rates: how often the model says yes, overall and in each group.

Run `groundup lesson fair.metrics` for the lesson, `groundup check fair.selection_rates` to check.
The checks compare with fairlearn's ``selection_rate`` and ``MetricFrame(...).by_group``.
"""

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike


def selection_rate(y_pred: ArrayLike) -> float:
    r"""The fraction of positive predictions, :math:`P(\hat y = 1)`.

    Parameters
    ----------
    y_pred : array_like of 0/1 (or booleans), shape (n_samples,)

    Returns
    -------
    float in [0, 1]

    Raises
    ------
    ValueError
        If ``y_pred`` is empty, not 1-D, or holds values other than 0 and 1.

    Examples
    --------
    >>> selection_rate([1, 0, 1, 1])
    0.75
    """
    # TODO: validate y_pred, then return the mean of the predictions as a float.
    raise NotImplementedError


def group_selection_rates(y_pred: ArrayLike, group: ArrayLike) -> pd.Series:
    r"""The selection rate of each group, :math:`P(\hat y = 1 \mid G = g)`.

    Parameters
    ----------
    y_pred : array_like of 0/1, shape (n_samples,)
    group : array_like, shape (n_samples,)
        The protected attribute of each sample (strings or integers).

    Returns
    -------
    pandas.Series
        Named ``"selection_rate"``, indexed by the sorted group labels, with the index named
        ``"group"``.

    Raises
    ------
    ValueError
        As :func:`selection_rate`, or if ``group`` does not have one entry per prediction.

    Examples
    --------
    >>> group_selection_rates([1, 0, 1, 1], ["a", "a", "b", "b"]).tolist()
    [0.5, 1.0]
    """
    # TODO: validate; for each sorted group label, the mean prediction of its samples.
    raise NotImplementedError
