"""Exercise np.softmax_rows: softmax over the last axis, stable for huge logits.

Run `groundup lesson np.vectorisation` for the lesson, `groundup check np.softmax_rows` to
check. No Python loops.
"""

import numpy as np
from numpy.typing import ArrayLike, NDArray


def softmax(Z: ArrayLike) -> NDArray[np.float64]:
    r"""Softmax over the last axis (each row of a 2-D array), stable for huge logits.

    .. math:: \operatorname{softmax}(z)_k = \frac{e^{z_k - m}}{\sum_j e^{z_j - m}},
              \qquad m = \max_j z_j

    Subtracting the row's maximum cancels on paper, but keeps every exponent :math:`\le 0`,
    so that nothing overflows.

    Parameters
    ----------
    Z : array_like, shape (..., k)
        Logits; at least 1-D, with ``k >= 1``. A 2-D array is a batch of rows.

    Returns
    -------
    ndarray, same shape as ``Z``
        Non-negative; sums to 1 along the last axis.

    Raises
    ------
    ValueError
        If ``Z`` is a single number or its last axis is empty.

    Examples
    --------
    >>> softmax([[0.0, 0.0], [1000.0, 1000.0]])
    array([[0.5, 0.5],
           [0.5, 0.5]])
    """
    # TODO: validate Z; subtract each row's maximum (axis=-1, keepdims=True), exponentiate,
    # and divide by each row's sum.
    raise NotImplementedError
