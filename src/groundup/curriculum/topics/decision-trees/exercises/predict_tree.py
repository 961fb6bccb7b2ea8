"""Exercise tree.predict_tree: send all samples down a flat tree at once, level by level.

Run `groundup lesson tree.decision_trees` for the lesson, `groundup check tree.predict_tree` to
check.
"""

import numpy as np
from numpy.typing import ArrayLike


def predict_tree(X: ArrayLike, feature: ArrayLike, threshold: ArrayLike, left: ArrayLike,
                 right: ArrayLike, value: ArrayLike) -> np.ndarray:
    r"""The value of the leaf that each row of ``X`` lands in.

    The tree is stored in flat arrays, one entry per node; node 0 is the root. Node ``i`` is
    a leaf when ``left[i] == -1``. Otherwise a sample :math:`x` goes to ``left[i]`` when
    :math:`x_{\text{feature}[i]} \le \text{threshold}[i]`, and to ``right[i]`` otherwise.
    (This is exactly how scikit-learn stores a fitted tree: ``tree_.children_left``,
    ``tree_.children_right``, ``tree_.feature``, ``tree_.threshold``, ``tree_.value``.)

    Move *all* samples together, one level per step (no loop over samples): keep the current
    node of every sample in one array and update the ones that are not at a leaf yet.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    feature : array_like of int, shape (n_nodes,)
    threshold : array_like of float, shape (n_nodes,)
    left, right : array_like of int, shape (n_nodes,)
    value : array_like, shape (n_nodes,) or (n_nodes, n_outputs)

    Returns
    -------
    ndarray, shape (n_samples,) or (n_samples, n_outputs)
        ``value[leaf]`` for each row.

    Raises
    ------
    ValueError
        If ``X`` is not 2-D.

    Examples
    --------
    >>> X = np.array([[1.0], [5.0]])
    >>> predict_tree(X, [0, -2, -2], [2.5, -2.0, -2.0], [1, -1, -1], [2, -1, -1],
    ...              np.array([0.5, 10.0, 20.0]))
    array([10., 20.])
    """
    # TODO: node = np.zeros(n_samples, int); while some sample is not at a leaf, move those
    # samples one level down with np.where; return value[node].
    raise NotImplementedError
