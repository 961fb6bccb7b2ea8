"""Exercise rnn.lstm_cell: an LSTM cell with PyTorch's weight layout.

Run `groundup lesson rnn.lstm` for the lesson, `groundup check rnn.lstm_cell` to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def lstm_cell(x: ArrayLike, h: ArrayLike, c: ArrayLike, W_xh: ArrayLike, W_hh: ArrayLike,
              b: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    r"""One LSTM step on a batch; the gates are stacked in PyTorch's order i, f, g, o.

    .. math::
        z &= x W_{xh}^\top + h W_{hh}^\top + b \quad (N, 4H), \qquad
        [z_i, z_f, z_g, z_o] = \text{four blocks of } H \text{ columns} \\
        i &= \sigma(z_i),\ f = \sigma(z_f),\ g = \tanh(z_g),\ o = \sigma(z_o) \\
        c' &= f \odot c + i \odot g, \qquad h' = o \odot \tanh(c')

    Parameters
    ----------
    x : array_like, shape (N, I)
    h, c : array_like, shape (N, H)
        The previous hidden and cell states.
    W_xh : array_like, shape (4H, I)
        PyTorch's ``weight_ih``: rows 0:H input gate, H:2H forget gate, 2H:3H candidate,
        3H:4H output gate.
    W_hh : array_like, shape (4H, H)
    b : array_like, shape (4H,)
        ``bias_ih + bias_hh``.

    Returns
    -------
    (h_new, c_new) : tuple of np.ndarray, each of shape (N, H)

    Raises
    ------
    ValueError
        If the shapes do not fit together.

    Examples
    --------
    >>> h, c = lstm_cell(np.ones((1, 1)), np.zeros((1, 1)), np.zeros((1, 1)),
    ...                  np.ones((4, 1)), np.zeros((4, 1)), np.zeros(4))
    >>> round(float(c[0, 0]), 4), round(float(h[0, 0]), 4)
    (0.5568, 0.3696)
    """
    # TODO: validate (H = W_hh.shape[1]); one product for all gates; slice; update c, then h.
    raise NotImplementedError
