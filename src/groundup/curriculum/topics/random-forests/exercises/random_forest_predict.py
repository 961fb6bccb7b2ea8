"""Exercise forest.random_forest_predict: soft voting, as scikit-learn's forests do.

Run `groundup lesson forest.random_forests` for the lesson, `groundup check
forest.random_forest_predict` to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def random_forest_predict(tree_probas: ArrayLike, classes: ArrayLike
                          ) -> tuple[np.ndarray, np.ndarray]:
    r"""Average the trees' class probabilities, then pick the likeliest class.

    .. math:: \bar p_j = \frac{1}{T} \sum_{t=1}^{T} p_{tj}, \qquad
              \hat y_j = \text{classes}\left[\arg\max_c \bar p_{jc}\right]

    Parameters
    ----------
    tree_probas : array_like, shape (n_estimators, n_samples, n_classes)
        ``tree_probas[t]`` is tree ``t``'s ``predict_proba``.
    classes : array_like, shape (n_classes,)
        The label of each column (numbers or strings).

    Returns
    -------
    proba : ndarray, shape (n_samples, n_classes)
    labels : ndarray, shape (n_samples,)

    Raises
    ------
    ValueError
        If ``tree_probas`` is not 3-D with at least one tree, or ``classes`` does not have
        one label per column.

    Examples
    --------
    >>> P = np.array([[[0.9, 0.1]], [[0.3, 0.7]], [[0.4, 0.6]]])   # 3 trees, 1 sample
    >>> random_forest_predict(P, np.array(["cat", "dog"]))
    (array([[0.53333333, 0.46666667]]), array(['cat'], dtype='<U3'))
    """
    # TODO: mean over the trees (axis 0), argmax over the classes, map to labels.
    raise NotImplementedError
