"""Exercise act.xor: a 2-2-1 network that computes XOR.

Run `groundup lesson act.depth` for the lesson, `groundup check act.xor` to check.

First write the network's forward pass, then choose its weights by hand (or train them and
round). The checks run the grader's own copy of the network on your weights:

    x1 x2 | XOR
     0  0 |  0
     0  1 |  1
     1  0 |  1
     1  1 |  0
"""

import numpy as np
from numpy.typing import ArrayLike


def xor_forward(X: ArrayLike, W1: ArrayLike, b1: ArrayLike, W2: ArrayLike,
                b2: ArrayLike) -> np.ndarray:
    r"""The probability of class 1 from a network with 2 inputs, 2 ReLU units and 1 output.

    .. math:: H = \operatorname{relu}(X W_1^\top + b_1), \qquad
              \hat p = \sigma(H W_2^\top + b_2)

    Parameters
    ----------
    X : array_like, shape (n_samples, 2)
    W1 : array_like, shape (2, 2)
        Row ``j`` holds hidden unit ``j``'s weights (PyTorch's layout, (out, in)).
    b1 : array_like, shape (2,)
    W2 : array_like, shape (1, 2)
    b2 : array_like, shape (1,)

    Returns
    -------
    ndarray, shape (n_samples, 1)

    Raises
    ------
    ValueError
        If ``X`` or a parameter does not have the shape above.
    """
    # TODO: check the shapes, then the two lines of math above.
    raise NotImplementedError


def xor_weights() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    r"""Weights ``(W1, b1, W2, b2)`` with which :func:`xor_forward` computes XOR.

    The four corners must come out on the right side of 0.5, each within 0.1 of its label
    (:math:`\sigma(5) \approx 0.993`), and points near the corners (up to 0.15 away) must be
    classified like their corner.

    Returns
    -------
    (W1, b1, W2, b2) : arrays of shapes (2, 2), (2,), (1, 2), (1,)
    """
    # TODO: one hidden unit for "at least one input is on", one for "both are on".
    raise NotImplementedError
