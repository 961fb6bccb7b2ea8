"""Exercise tree.information_gain: how much does a split reduce the impurity?

Run `groundup lesson tree.decision_trees` for the lesson, `groundup check tree.information_gain`
to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def information_gain(y: ArrayLike, left_mask: ArrayLike, criterion: str = "gini") -> float:
    r"""Impurity decrease of splitting a node into ``y[left_mask]`` and ``y[~left_mask]``.

    .. math:: \Delta I = I(y) - \frac{n_L}{n} I(y_L) - \frac{n_R}{n} I(y_R)

    ``I`` is the Gini impurity (``criterion="gini"``) or the entropy in bits
    (``"entropy"``, or its other name ``"log_loss"``). An empty side has weight
    :math:`n_L / n = 0`: it contributes nothing (so sending every sample one way gains 0).

    Parameters
    ----------
    y : array_like, shape (n_samples,)
        Class labels of the node, at least one.
    left_mask : array_like of bool, shape (n_samples,)
        True for the samples that go to the left child.
    criterion : {"gini", "entropy", "log_loss"}, default "gini"

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If ``y`` is empty, ``left_mask`` is not boolean or has another shape than ``y``, or
        the criterion is unknown.

    Examples
    --------
    >>> information_gain([0, 0, 1, 1], [True, True, False, False])
    0.5
    >>> information_gain([0, 0, 1, 1], [True, False, True, False], criterion="entropy")
    0.0
    """
    # TODO: validate, compute the impurity of y, of the left and of the right labels, and
    # subtract the children's impurities weighted by their share of the samples.
    raise NotImplementedError
