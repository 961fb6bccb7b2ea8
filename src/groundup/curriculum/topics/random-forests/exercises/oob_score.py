"""Exercise forest.oob_score: judge each row only by the trees that never saw it.

Run `groundup lesson forest.random_forests` for the lesson, `groundup check forest.oob_score`
to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def oob_score(tree_probas: ArrayLike, oob_masks: ArrayLike, y: ArrayLike) -> float:
    r"""Out-of-bag accuracy of a forest.

    For row :math:`j`, add up the probabilities of the trees :math:`t` for which row
    :math:`j` is out of bag (``oob_masks[t, j]`` is True), take the class with the largest
    sum, and compare with ``y[j]``:

    .. math:: \hat y_j = \arg\max_c \sum_{t:\ j \notin B_t} p_{tjc}, \qquad
              \text{score} = \frac{1}{n} \sum_{j=1}^{n} [\,\hat y_j = y_j\,]

    A row that is in every tree's bootstrap sample has no vote: all its sums are 0, and it
    counts as predicted class 0 (what ``argmax`` gives; scikit-learn does the same).

    Parameters
    ----------
    tree_probas : array_like, shape (n_estimators, n_samples, n_classes)
    oob_masks : array_like of bool, shape (n_estimators, n_samples)
    y : array_like of int, shape (n_samples,)
        Class indices ``0 .. n_classes - 1``.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If the shapes disagree or ``oob_masks`` is not boolean.

    Examples
    --------
    >>> P = np.array([[[0.9, 0.1], [0.2, 0.8]], [[0.6, 0.4], [0.7, 0.3]]])  # 2 trees, 2 rows
    >>> M = np.array([[True, False], [False, True]])
    >>> oob_score(P, M, np.array([0, 1]))   # row 0 by tree 0 (class 0), row 1 by tree 1 (0)
    0.5
    """
    # TODO: zero the in-bag probabilities with the mask, sum over the trees, argmax, compare.
    raise NotImplementedError
