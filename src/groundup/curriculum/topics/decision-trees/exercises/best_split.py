"""Exercise tree.best_split: the best split of a node, every threshold at once (no loops).

Run `groundup lesson tree.decision_trees` for the lesson, `groundup check tree.best_split` to
check.
"""

import numpy as np
from numpy.typing import ArrayLike


def best_split(X: ArrayLike, y: ArrayLike, criterion: str = "gini",
               min_samples_leaf: int = 1) -> tuple[int, float, float]:
    r"""The split ``X[:, feature] <= threshold`` with the largest impurity decrease.

    For every feature and every position ``i`` of its sorted column, the left child holds the
    first ``i + 1`` samples and the right child the rest; the impurity decrease is

    .. math:: \Delta I = I(\text{node}) - \frac{n_L}{n} I(\text{left})
              - \frac{n_R}{n} I(\text{right})

    with ``I`` the Gini impurity or the entropy in bits (``"entropy"`` / ``"log_loss"``).
    Evaluate all of them at once, without Python loops: sort each column once
    (``np.argsort(X, axis=0)``), take the cumulative class counts along the sorted order (the
    left child's counts at every position), and subtract them from the totals (the right
    child's).

    A threshold lies halfway between two consecutive *distinct* sorted values,
    ``xs[i] / 2 + xs[i + 1] / 2``; both children must keep at least ``min_samples_leaf``
    samples. Ties go to the lowest feature index, then to the lowest threshold.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    y : array_like, shape (n_samples,)
        Class labels.
    criterion : {"gini", "entropy", "log_loss"}, default "gini"
    min_samples_leaf : int, default 1

    Returns
    -------
    (feature, threshold, gain) : tuple[int, float, float]
        ``(-1, nan, 0.0)`` when no split is possible (every feature constant, or fewer than
        ``2 * min_samples_leaf`` samples).

    Raises
    ------
    ValueError
        If ``X`` is not 2-D, ``y`` does not have one label per row, there are no samples, the
        criterion is unknown or ``min_samples_leaf < 1``.

    Examples
    --------
    >>> best_split([[1.0], [2.0], [3.0], [4.0]], [0, 0, 1, 1])
    (0, 2.5, 0.5)
    """
    # TODO: one-hot the labels (n, K); sort every column; cumulative counts along the sorted
    # order give left counts (n - 1, d, K); impurity of every position at once; mask invalid
    # positions with -inf; argmax over (feature, position).
    raise NotImplementedError
