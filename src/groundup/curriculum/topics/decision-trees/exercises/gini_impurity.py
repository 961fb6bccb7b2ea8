"""Exercise tree.gini_impurity: how mixed are the labels of a node?

Run `groundup lesson tree.decision_trees` for the lesson, `groundup check tree.gini_impurity` to
check.
"""

import numpy as np
from numpy.typing import ArrayLike


def gini_impurity(y: ArrayLike) -> float:
    r"""Gini impurity of a node's labels.

    .. math:: G = 1 - \sum_{k=1}^{K} p_k^2, \qquad p_k = \frac{n_k}{n}

    where :math:`n_k` counts the samples of class :math:`k` among the node's :math:`n`. It is
    the probability that two labels drawn at random (with replacement) from the node differ:
    0 for a pure node, :math:`1 - 1/K` for :math:`K` equally frequent classes.

    Parameters
    ----------
    y : array_like, shape (n_samples,)
        Class labels (numbers or strings), at least one.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If ``y`` is empty.

    Examples
    --------
    >>> gini_impurity([0, 0, 1, 1])
    0.5
    >>> gini_impurity(["a", "a", "a"])
    0.0
    """
    # TODO: count each label (np.unique with return_counts=True), turn counts into fractions,
    # return 1 - sum of squared fractions. Refuse an empty y with ValueError.
    raise NotImplementedError
