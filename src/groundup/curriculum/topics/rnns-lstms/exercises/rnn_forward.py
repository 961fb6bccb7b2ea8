"""Exercise rnn.forward_sequence: unroll the recurrence over a whole sequence.

Run `groundup lesson rnn.recurrence` for the lesson, `groundup check rnn.forward_sequence` to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def rnn_forward(X: ArrayLike, h0: ArrayLike | None, W_xh: ArrayLike, W_hh: ArrayLike,
                b: ArrayLike) -> np.ndarray:
    r"""Run a tanh RNN over whole sequences and return every hidden state.

    .. math:: h_t = \tanh\left(x_t W_{xh}^\top + h_{t-1} W_{hh}^\top + b\right),
              \quad t = 1, \dots, T

    Parameters
    ----------
    X : array_like, shape (N, T, I)
        N sequences of T steps, batch first (``X[:, t]`` is step t of every sequence).
    h0 : array_like, shape (N, H), or None
        The initial hidden states; zeros when None.
    W_xh : array_like, shape (H, I)
    W_hh : array_like, shape (H, H)
    b : array_like, shape (H,)

    Returns
    -------
    np.ndarray, shape (N, T, H)
        ``out[:, t - 1]`` is :math:`h_t` (h0 is not included): the ``output`` of
        ``torch.nn.RNN(I, H, batch_first=True)``.

    Raises
    ------
    ValueError
        If the shapes do not fit together, or T = 0.

    Examples
    --------
    >>> rnn_forward(np.ones((1, 3, 1)), None, [[1.0]], [[0.5]], [0.0]).round(3)
    array([[[0.762],
            [0.881],
            [0.894]]])
    """
    # TODO: validate, start from h0 (or zeros), loop over the T steps, keep every h.
    raise NotImplementedError
