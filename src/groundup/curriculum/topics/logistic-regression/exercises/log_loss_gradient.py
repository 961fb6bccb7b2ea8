"""Exercise logreg.log_loss_gradient: the gradient of logistic regression's loss.

Run `groundup lesson logreg.logistic-regression` for the lesson,
`groundup check logreg.log_loss_gradient` to check. Vectorise: no Python loops.
"""

import numpy as np
from numpy.typing import ArrayLike


def log_loss_gradient(X: ArrayLike, y: ArrayLike, w: ArrayLike,
                      b: float) -> tuple[np.ndarray, float]:
    r"""Gradient of the mean log-loss of :math:`p = \sigma(Xw + b)` with respect to w and b.

    Since :math:`\sigma'(z) = \sigma(z)(1 - \sigma(z))`, the chain rule collapses to
    "prediction minus label":

    .. math:: \nabla_w L = \frac1n X^\top (\sigma(Xw + b) - y), \qquad
              \frac{\partial L}{\partial b} = \frac1n \sum_i (\sigma(x_i^\top w + b) - y_i)

    You need a sigmoid that is stable for large scores: write one in this file (or copy
    yours from logreg.sigmoid).

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    y : array_like, shape (n_samples,)
        Labels, each 0 or 1.
    w : array_like, shape (n_features,)
    b : float

    Returns
    -------
    (grad_w, grad_b) : ndarray of shape (n_features,), float

    Raises
    ------
    ValueError
        If the shapes disagree or a label is not 0 or 1.

    Examples
    --------
    >>> grad_w, grad_b = log_loss_gradient([[1.0], [-1.0]], [1.0, 0.0], [0.0], 0.0)
    >>> grad_w.tolist(), grad_b
    ([-0.5], 0.0)
    """
    # TODO: validate, compute the errors sigmoid(X w + b) - y, then both gradients.
    raise NotImplementedError
