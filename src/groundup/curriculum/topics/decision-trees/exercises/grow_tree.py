"""Exercise tree.grow_tree: grow a classification tree recursively, store it in flat arrays.

Run `groundup lesson tree.decision_trees` for the lesson, `groundup check tree.grow_tree` to
check.
"""

import numpy as np
from numpy.typing import ArrayLike

# The library's version of what you wrote in tree.best_split (paste yours here if you prefer):
# best_split(X, y, criterion, min_samples_leaf) -> (feature, threshold, gain), or
# (-1, nan, 0.0) when no split is possible.
from groundup.ml.tree import best_split  # noqa: F401


def grow_tree(X: ArrayLike, y: ArrayLike, max_depth: int | None = None,
              min_samples_split: int = 2, min_samples_leaf: int = 1,
              criterion: str = "gini") -> dict[str, np.ndarray]:
    r"""Grow a classification tree (CART) and return it as flat arrays.

    Start with all samples at the root (depth 0). A node becomes a **leaf** when

    - it is pure (one class only), or
    - its depth equals ``max_depth`` (``None``: no limit), or
    - it has fewer than ``min_samples_split`` samples, or fewer than
      ``2 * min_samples_leaf``, or
    - no split is possible (``best_split`` returns feature ``-1``).

    Otherwise split it with ``best_split`` (samples with ``X[:, f] <= t`` go left) and grow
    both children the same way. Every node stores the class fractions of its samples,

    .. math:: \text{value}[i, k] = \frac{n_{ik}}{n_i}.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    y : array_like of int, shape (n_samples,)
        Class indices ``0 .. n_classes - 1``; ``n_classes = y.max() + 1``.
    max_depth : int or None, default None
    min_samples_split : int, default 2
    min_samples_leaf : int, default 1
    criterion : {"gini", "entropy", "log_loss"}, default "gini"

    Returns
    -------
    dict of ndarray
        ``"feature"`` (int, ``-2`` at a leaf), ``"threshold"`` (float, ``-2.0`` at a leaf),
        ``"left"``, ``"right"`` (int, ``-1`` at a leaf), each of shape (n_nodes,), and
        ``"value"`` of shape (n_nodes, n_classes). Node 0 is the root.

    Raises
    ------
    ValueError
        If ``X`` is not 2-D with one row per label, or ``y`` does not hold integers >= 0.

    Examples
    --------
    >>> t = grow_tree(np.array([[1.0], [2.0], [3.0], [4.0]]), np.array([0, 0, 1, 1]))
    >>> t["feature"], t["threshold"], t["left"], t["right"]
    (array([ 0, -2, -2]), array([ 2.5, -2. , -2. ]), array([ 1, -1, -1]), array([ 2, -1, -1]))
    >>> t["value"]
    array([[0.5, 0.5],
           [1. , 0. ],
           [0. , 1. ]])
    """
    # TODO: validate; write a recursive build(rows, depth) that appends a node to lists and
    # returns its index; return the lists as NumPy arrays in a dict.
    raise NotImplementedError
