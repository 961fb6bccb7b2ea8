"""Exercise forest.majority_vote: hard voting, vectorised.

Run `groundup lesson forest.random_forests` for the lesson, `groundup check
forest.majority_vote` to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def majority_vote(predictions: ArrayLike) -> np.ndarray:
    r"""The most frequent label in each column; ties go to the smallest label.

    .. math:: \hat y_j = \arg\max_c \sum_{t=1}^{T} [\,p_{tj} = c\,]

    Row ``t`` of ``predictions`` holds the labels that estimator ``t`` predicts for every
    sample. No Python loops: build the whole table of vote counts at once.

    Parameters
    ----------
    predictions : array_like of int, shape (n_estimators, n_samples)
        Non-negative integer labels.

    Returns
    -------
    ndarray of int, shape (n_samples,)

    Raises
    ------
    ValueError
        If ``predictions`` is not 2-D with at least one row, or holds anything but
        non-negative integers.

    Examples
    --------
    >>> majority_vote([[0, 1, 2], [1, 1, 0], [1, 0, 2]])
    array([1, 1, 2])
    """
    # TODO: votes[c, j] = number of rows of column j equal to c (broadcasting), then argmax.
    raise NotImplementedError
