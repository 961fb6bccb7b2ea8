"""Exercise attn.layer_norm: layer normalisation, as torch.nn.functional.layer_norm.

Run `groundup lesson attn.transformer` for the lesson, `groundup check attn.layer_norm` to
check.
"""

import numpy as np
from numpy.typing import ArrayLike


def layer_norm(X: ArrayLike, gamma: ArrayLike, beta: ArrayLike, eps: float = 1e-5
               ) -> np.ndarray:
    r"""Normalise each vector (the last axis) to mean 0 and variance 1, then scale and shift.

    .. math:: \mu = \frac{1}{E}\sum_{j} x_j, \qquad
              \sigma^2 = \frac{1}{E}\sum_{j} (x_j - \mu)^2, \qquad
              y = \gamma \odot \frac{x - \mu}{\sqrt{\sigma^2 + \varepsilon}} + \beta

    Parameters
    ----------
    X : array_like, shape (..., E)
    gamma : array_like, shape (E,)
        The learned scale.
    beta : array_like, shape (E,)
        The learned shift.
    eps : float, default 1e-5
        Added to the variance, inside the square root.

    Returns
    -------
    np.ndarray, shape of X

    Raises
    ------
    ValueError
        If gamma or beta is not of shape (E,).

    Examples
    --------
    >>> layer_norm(np.array([[1.0, 3.0]]), np.ones(2), np.zeros(2), eps=0.0)
    array([[-1.,  1.]])
    """
    # TODO: check the shapes; mean and biased variance over the last axis (keepdims=True).
    raise NotImplementedError
