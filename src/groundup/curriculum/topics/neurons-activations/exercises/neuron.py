"""Exercise act.neuron: one neuron on a batch of samples.

Run `groundup lesson act.functions` for the lesson, `groundup check act.neuron` to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def neuron(X: ArrayLike, w: ArrayLike, b: float, activation: str = "sigmoid") -> np.ndarray:
    r"""A neuron's output for every sample (row) of ``X``.

    .. math:: \hat y_i = f(x_i \cdot w + b), \qquad \hat y = f(X w + b)

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    w : array_like, shape (n_features,)
    b : float
    activation : {"identity", "sigmoid", "tanh", "relu"}
        ``f``; "identity" leaves :math:`z = Xw + b` as it is. The sigmoid must not overflow
        for large :math:`|z|`.

    Returns
    -------
    ndarray, shape (n_samples,)

    Raises
    ------
    ValueError
        If ``X`` is not 2-D, ``w`` is not 1-D, ``X.shape[1] != w.shape[0]``, or the activation
        is not one of the four names.

    Examples
    --------
    >>> neuron(np.array([[1.0, 2.0], [0.0, -1.0]]), np.array([0.5, -1.0]), 1.0, "relu")
    array([0., 2.])
    """
    # TODO: validate, compute z = X @ w + b (one number per sample), apply the activation.
    raise NotImplementedError
