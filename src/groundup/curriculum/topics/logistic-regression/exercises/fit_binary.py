"""Exercise logreg.fit_binary: train logistic regression by gradient descent.

Run `groundup lesson logreg.logistic-regression` for the lesson,
`groundup check logreg.fit_binary` to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def fit_logistic(X: ArrayLike, y: ArrayLike, lr: float = 0.1,
                 num_epochs: int = 1000) -> tuple[np.ndarray, float]:
    r"""Fit binary logistic regression by full-batch gradient descent on the mean log-loss.

    Start at :math:`w = 0`, :math:`b = 0`; each epoch takes one step

    .. math:: w \leftarrow w - \eta\,\frac1n X^\top(\sigma(Xw + b) - y), \qquad
              b \leftarrow b - \eta\,\frac1n \sum_i (\sigma(x_i^\top w + b) - y_i)

    (no penalty). Write a stable sigmoid in this file, or copy yours from logreg.sigmoid.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    y : array_like, shape (n_samples,)
        Labels, each 0 or 1.
    lr : float, default 0.1
        The learning rate :math:`\eta > 0`.
    num_epochs : int, default 1000
        The number of steps, ``>= 0``.

    Returns
    -------
    w : ndarray, shape (n_features,)
    b : float

    Raises
    ------
    ValueError
        If the shapes are wrong, a label is not 0 or 1, ``lr <= 0`` or ``num_epochs < 0``.

    Examples
    --------
    >>> w, b = fit_logistic([[-2.0], [-1.0], [1.0], [2.0]], [0, 1, 0, 1], num_epochs=10)
    >>> w.shape
    (1,)
    """
    # TODO: validate, start from zeros, take num_epochs gradient steps.
    raise NotImplementedError
