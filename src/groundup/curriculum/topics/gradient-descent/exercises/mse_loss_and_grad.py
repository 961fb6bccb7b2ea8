"""Exercise optim.mse_loss_and_grad: how wrong a line is, and which way to nudge it.

Run `groundup lesson optim.gradient-descent` for the lesson, `groundup check
optim.mse_loss_and_grad` to check.
"""

from numpy.typing import ArrayLike


def mse_loss_and_grad(w: float, b: float, x: ArrayLike, y: ArrayLike) -> tuple[float, float, float]:
    r"""Mean squared error of the line :math:`\hat y = w x + b`, and its gradient.

    .. math::
        L = \frac{1}{N} \sum_{i=1}^{N} (\hat y_i - y_i)^2, \qquad
        \frac{\partial L}{\partial w} = \frac{2}{N} \sum_{i} (\hat y_i - y_i)\, x_i, \qquad
        \frac{\partial L}{\partial b} = \frac{2}{N} \sum_{i} (\hat y_i - y_i)

    Parameters
    ----------
    w, b : float
        Slope and intercept.
    x, y : array_like, shape (n_samples,)
        Inputs and targets.

    Returns
    -------
    tuple of float
        ``(loss, dL/dw, dL/db)``.

    Raises
    ------
    ValueError
        If ``x`` and ``y`` are not 1-D arrays of the same length.

    Examples
    --------
    >>> mse_loss_and_grad(1.0, 0.0, [1.0, 2.0], [1.0, 3.0])
    (0.5, -2.0, -1.0)
    """
    # TODO: validate x and y, compute the residuals y_hat - y, and return the mean of their
    #       squares and the two derivatives.
    raise NotImplementedError
