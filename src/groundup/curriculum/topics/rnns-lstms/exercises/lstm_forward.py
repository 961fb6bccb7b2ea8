"""Exercise rnn.lstm_forward: an LSTM over whole sequences, as torch.nn.LSTM.

Run `groundup lesson rnn.lstm` for the lesson, `groundup check rnn.lstm_forward` to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def lstm_forward(X: ArrayLike, h0: ArrayLike | None, c0: ArrayLike | None, W_xh: ArrayLike,
                 W_hh: ArrayLike, b: ArrayLike) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""Run an LSTM over whole sequences, as ``torch.nn.LSTM(I, H, batch_first=True)``.

    At every step :math:`t = 1, \dots, T` apply the LSTM cell (see ``rnn.lstm_cell``) to
    :math:`x_t` and the states :math:`(h_{t-1}, c_{t-1})`.

    Parameters
    ----------
    X : array_like, shape (N, T, I)
    h0, c0 : array_like, shape (N, H), or None
        The initial states; zeros when None.
    W_xh : array_like, shape (4H, I)
    W_hh : array_like, shape (4H, H)
    b : array_like, shape (4H,)

    Returns
    -------
    (output, h_T, c_T) : tuple of np.ndarray
        Every hidden state, shape (N, T, H); the last hidden and cell states, (N, H) each.

    Raises
    ------
    ValueError
        If the shapes do not fit together, or T = 0.

    Examples
    --------
    >>> out, h, c = lstm_forward(np.ones((1, 2, 1)), None, None, np.ones((4, 1)),
    ...                          np.zeros((4, 1)), np.zeros(4))
    >>> out.shape, bool(np.allclose(out[:, -1], h))
    ((1, 2, 1), True)
    """
    # TODO: validate; carry (h, c) through the T steps; keep every h; return out, h, c.
    raise NotImplementedError
