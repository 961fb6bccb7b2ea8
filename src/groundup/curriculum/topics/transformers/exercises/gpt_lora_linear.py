"""Exercise gpt.lora_linear: a LoRA-adapted linear layer and its trainable parameter count.

Run `groundup lesson gpt.training` for the lesson, `groundup check gpt.lora_linear` to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def lora_linear(x: ArrayLike, W: ArrayLike, b: ArrayLike | None, A: ArrayLike, B: ArrayLike,
                alpha: float) -> np.ndarray:
    r"""A frozen linear layer plus a trainable low-rank change (LoRA).

    .. math:: y = x W^\top + b + \frac{\alpha}{r}\, (x A^\top) B^\top

    Parameters
    ----------
    x : array_like, shape (..., d_in)
    W : array_like, shape (d_out, d_in)
        The frozen weight, PyTorch's layout.
    b : array_like, shape (d_out,), or None
    A : array_like, shape (r, d_in)
    B : array_like, shape (d_out, r)
    alpha : float > 0
        The scaling is alpha / r, with r = A.shape[0].

    Returns
    -------
    np.ndarray, shape (..., d_out)

    Raises
    ------
    ValueError
        If the shapes do not fit together.

    Examples
    --------
    >>> lora_linear(np.ones((1, 2)), np.eye(2), None, np.ones((1, 2)), np.ones((2, 1)), 1.0)
    array([[3., 3.]])
    """
    # TODO: validate the shapes; the base product, plus the scaled low-rank path.
    raise NotImplementedError


def lora_parameter_count(in_features: int, out_features: int, r: int) -> int:
    r"""How many numbers LoRA trains for one layer: the elements of A (r, in) and B (out, r).

    Raises
    ------
    ValueError
        If ``r < 1`` or ``r > min(in_features, out_features)``.

    Examples
    --------
    >>> lora_parameter_count(128, 384, 8)
    4096
    """
    # TODO: validate r, then count.
    raise NotImplementedError
