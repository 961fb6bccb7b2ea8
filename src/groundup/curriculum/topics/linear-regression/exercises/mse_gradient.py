"""Exercise linreg.mse_gradient: the mean squared error of a linear model and its gradient.

Run `groundup lesson linreg.least-squares` for the lesson, `groundup check linreg.mse_gradient`
to check. Vectorise: no Python loops.
"""

import numpy as np
from numpy.typing import ArrayLike


def mse_loss_and_gradient(X: ArrayLike, y: ArrayLike, w: ArrayLike,
                          b: float) -> tuple[float, np.ndarray, float]:
    r"""Mean squared error of :math:`\hat y = Xw + b`, and its gradient with respect to w and b.

    With the residuals :math:`r = Xw + b - y` (one per sample),

    .. math::
        L = \frac1n \sum_i r_i^2, \qquad
        \nabla_w L = \frac2n X^\top r, \qquad
        \frac{\partial L}{\partial b} = \frac2n \sum_i r_i

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    y : array_like, shape (n_samples,)
    w : array_like, shape (n_features,)
    b : float

    Returns
    -------
    (loss, grad_w, grad_b) : tuple of float, ndarray of shape (n_features,), float

    Raises
    ------
    ValueError
        If the shapes disagree (``w`` must have one entry per feature).

    Examples
    --------
    >>> loss, grad_w, grad_b = mse_loss_and_gradient([[1.0], [2.0]], [1.0, 3.0], [1.0], 0.0)
    >>> loss, grad_w.tolist(), grad_b
    (0.5, [-2.0], -1.0)
    """
    # TODO: compute the residuals once, then the loss and both gradients from them.
    raise NotImplementedError
