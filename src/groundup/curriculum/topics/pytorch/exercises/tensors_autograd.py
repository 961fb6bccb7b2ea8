"""Exercise torch.tensors_autograd: a loss and its gradient with torch.autograd.

Run `groundup lesson torch.same-model` for the lesson, `groundup check torch.tensors_autograd`
to check. Write it with PyTorch: let autograd find the gradient, do not derive it by hand.
"""

import numpy as np
import torch


def mse_and_grad(X: np.ndarray, y: np.ndarray, w: np.ndarray) -> tuple[float, np.ndarray]:
    r"""The mean squared error of a linear model and its gradient, computed by PyTorch.

    .. math:: L(w) = \frac1n \sum_{i=1}^n (x_i^\top w - y_i)^2
              = \frac1n \lVert X w - y \rVert^2

    Build tensors from the arrays (float64, as given), make ``w`` a leaf that requires a
    gradient, compute :math:`L` with tensor operations, call ``backward()``, and read
    :math:`\nabla_w L` from ``w.grad``. (The lesson shows that it equals
    :math:`\tfrac2n X^\top (Xw - y)`; the point here is that you do not need to know that.)

    Parameters
    ----------
    X : np.ndarray, shape (n, d)
    y : np.ndarray, shape (n,)
    w : np.ndarray, shape (d,)

    Returns
    -------
    (float, np.ndarray of shape (d,))
        The loss as a Python float and the gradient as a NumPy float64 array (not tensors).

    Raises
    ------
    ValueError
        If ``X`` is not 2-D, or ``y`` or ``w`` do not fit its shape.

    Examples
    --------
    >>> loss, grad = mse_and_grad(np.array([[1.0], [2.0]]), np.array([1.0, 2.0]),
    ...                           np.array([0.0]))
    >>> loss, grad.tolist()          # mean(1, 4) and (2 / 2) * (1 * -1 + 2 * -2)
    (2.5, [-5.0])
    """
    # TODO: check the shapes, build the tensors (w with requires_grad=True), compute the loss,
    #       call backward(), return (loss.item(), w.grad.numpy()).
    raise NotImplementedError
