"""Exercise rnn.bptt: backpropagation through time, by hand.

Run `groundup lesson rnn.recurrence` for the lesson, `groundup check rnn.bptt` to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def rnn_bptt(X: ArrayLike, h0: ArrayLike | None, W_xh: ArrayLike, W_hh: ArrayLike,
             b: ArrayLike, dh_last: ArrayLike
             ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    r"""The gradients of a loss on the last hidden state, through every step of the RNN.

    The forward pass is that of ``rnn_forward``: :math:`h_t = \tanh(a_t)` with
    :math:`a_t = x_t W_{xh}^\top + h_{t-1} W_{hh}^\top + b`. Walk back from
    :math:`G_T = \partial L/\partial h_T` (``dh_last``):

    .. math::
        A_t = G_t \odot (1 - h_t^2), \qquad G_{t-1} = A_t W_{hh}

        \frac{\partial L}{\partial W_{xh}} = \sum_{t=1}^T A_t^\top x_t, \quad
        \frac{\partial L}{\partial W_{hh}} = \sum_{t=1}^T A_t^\top h_{t-1}, \quad
        \frac{\partial L}{\partial b} = \sum_{t=1}^T \mathbf 1^\top A_t, \quad
        \frac{\partial L}{\partial h_0} = G_0

    Parameters
    ----------
    X : array_like, shape (N, T, I)
    h0 : array_like, shape (N, H), or None (zeros)
    W_xh : array_like, shape (H, I)
    W_hh : array_like, shape (H, H)
    b : array_like, shape (H,)
    dh_last : array_like, shape (N, H)
        :math:`\partial L/\partial h_T`; for :math:`L = \tfrac12\lVert h_T - y\rVert^2` it is
        ``h_T - y``.

    Returns
    -------
    (dW_xh, dW_hh, db, dh0) : tuple of np.ndarray
        Shapes (H, I), (H, H), (H,), (N, H).

    Raises
    ------
    ValueError
        If the shapes do not fit together, or T = 0.

    Examples
    --------
    >>> dW_xh, dW_hh, db, dh0 = rnn_bptt(np.ones((1, 1, 1)), np.zeros((1, 1)), [[1.0]],
    ...                                  [[0.5]], [0.0], np.ones((1, 1)))
    >>> round(float(dW_xh[0, 0]), 4)             # 1 - tanh(1)**2
    0.42
    """
    # TODO: forward pass keeping h_0 .. h_T; then walk back from dh_last, accumulating.
    raise NotImplementedError
