"""Exercise linreg.gradient_descent_fit: fit a linear model by gradient descent.

Run `groundup lesson linreg.least-squares` for the lesson,
`groundup check linreg.gradient_descent_fit` to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def fit_gradient_descent(X: ArrayLike, y: ArrayLike, lr: float = 0.1,
                         num_epochs: int = 1000) -> tuple[np.ndarray, float, np.ndarray]:
    r"""Fit :math:`\hat y = Xw + b` by full-batch gradient descent on the mean squared error.

    Start at :math:`w = 0`, :math:`b = 0`. Each epoch, record the loss
    :math:`L = \frac1n\lVert Xw + b - y\rVert^2`, then take one step with learning rate
    :math:`\eta`:

    .. math:: w \leftarrow w - \eta\,\frac2n X^\top (Xw + b - y), \qquad
              b \leftarrow b - \eta\,\frac2n \sum_i (x_i^\top w + b - y_i)

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
        Standardised features work best (see linreg.standardize).
    y : array_like, shape (n_samples,)
    lr : float, default 0.1
        The learning rate :math:`\eta > 0`.
    num_epochs : int, default 1000
        The number of steps, ``>= 0``.

    Returns
    -------
    coef : ndarray, shape (n_features,)
    intercept : float
    losses : ndarray, shape (num_epochs,)
        ``losses[k]`` is the loss *before* step ``k``.

    Raises
    ------
    ValueError
        If the shapes are wrong, ``lr <= 0`` or ``num_epochs < 0``.

    Examples
    --------
    >>> coef, b, losses = fit_gradient_descent([[0.0], [1.0], [2.0]], [1.0, 3.0, 5.0],
    ...                                        lr=0.1, num_epochs=2000)
    >>> coef.round(6).tolist(), round(b, 6), losses[0]
    ([2.0], 1.0, 11.666666666666666)
    """
    # TODO: validate, start from zeros, and loop num_epochs times: record the loss, then step.
    raise NotImplementedError
