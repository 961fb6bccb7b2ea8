"""Exercise attn.positional: the sinusoidal positional encoding.

Run `groundup lesson attn.transformer` for the lesson, `groundup check attn.positional` to
check.
"""

import numpy as np


def sinusoidal_positional_encoding(T: int, d_model: int) -> np.ndarray:
    r"""The positional encoding of *Attention Is All You Need*.

    .. math:: PE_{t,\,2i} = \sin\!\Big(\frac{t}{10000^{2i/d}}\Big), \qquad
              PE_{t,\,2i+1} = \cos\!\Big(\frac{t}{10000^{2i/d}}\Big)

    for positions :math:`t = 0, \dots, T-1` and pairs :math:`i = 0, \dots, d/2 - 1`, with
    :math:`d` = ``d_model``.

    Parameters
    ----------
    T : int
        The number of positions, at least 1.
    d_model : int
        The embedding size; must be even.

    Returns
    -------
    np.ndarray, shape (T, d_model)

    Raises
    ------
    ValueError
        If T < 1 or d_model is not a positive even number.

    Examples
    --------
    >>> sinusoidal_positional_encoding(2, 4).round(3)
    array([[0.   , 1.   , 0.   , 1.   ],
           [0.841, 0.54 , 0.01 , 1.   ]])
    """
    # TODO: one angle per (t, i); sines in the even columns, cosines in the odd ones.
    raise NotImplementedError
