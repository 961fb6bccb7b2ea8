"""Exercise logreg.softmax_regression: logistic regression for many classes.

Run `groundup lesson logreg.logistic-regression` for the lesson,
`groundup check logreg.softmax_regression` to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def softmax(Z: ArrayLike) -> np.ndarray:
    r"""Row-wise softmax: turn each row of scores into probabilities.

    .. math:: \operatorname{softmax}(z)_k = \frac{e^{z_k - m}}{\sum_j e^{z_j - m}},
              \qquad m = \max_j z_j

    Subtracting the row maximum :math:`m` changes nothing mathematically and keeps every
    exponent :math:`\le 0`, so nothing overflows.

    Parameters
    ----------
    Z : array_like, shape (n_samples, n_classes)

    Returns
    -------
    ndarray, shape (n_samples, n_classes)
        Each row is non-negative and sums to 1.

    Raises
    ------
    ValueError
        If ``Z`` is not 2-D.

    Examples
    --------
    >>> softmax([[0.0, 0.0], [1000.0, 0.0]]).tolist()
    [[0.5, 0.5], [1.0, 0.0]]
    """
    # TODO: subtract each row's max, exponentiate, normalise each row.
    raise NotImplementedError


def fit_softmax(X: ArrayLike, y: ArrayLike, n_classes: int, lr: float = 0.1,
                num_epochs: int = 1000) -> tuple[np.ndarray, np.ndarray]:
    r"""Fit softmax (multinomial logistic) regression by full-batch gradient descent.

    Scores :math:`Z = XW^\top + b` (row :math:`k` of :math:`W` belongs to class :math:`k`),
    probabilities :math:`P = \operatorname{softmax}(Z)`, one-hot labels :math:`Y`. The mean
    cross-entropy :math:`L = -\frac1n\sum_i \log P_{i, y_i}` has the gradient

    .. math:: \nabla_W L = \frac1n (P - Y)^\top X, \qquad
              \nabla_b L = \frac1n \sum_i (P_i - Y_i)

    Start at :math:`W = 0`, :math:`b = 0` and take ``num_epochs`` steps of size ``lr``.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    y : array_like, shape (n_samples,)
        Class indices 0, 1, ..., n_classes - 1.
    n_classes : int
        ``>= 2``.
    lr : float, default 0.1
    num_epochs : int, default 1000

    Returns
    -------
    W : ndarray, shape (n_classes, n_features)
    b : ndarray, shape (n_classes,)

    Raises
    ------
    ValueError
        If the shapes are wrong, a label is not a whole number in [0, n_classes),
        ``n_classes < 2``, ``lr <= 0`` or ``num_epochs < 0``.

    Examples
    --------
    >>> W, b = fit_softmax([[0.0], [1.0], [2.0]], [0, 1, 2], n_classes=3, num_epochs=10)
    >>> W.shape, b.shape
    ((3, 1), (3,))
    """
    # TODO: validate, one-hot encode y, then take num_epochs gradient steps.
    raise NotImplementedError
