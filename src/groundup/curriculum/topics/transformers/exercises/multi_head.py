"""Exercise attn.multi_head: multi-head self-attention, as torch.nn.MultiheadAttention.

Run `groundup lesson attn.transformer` for the lesson, `groundup check attn.multi_head` to
check.
"""

import numpy as np
from numpy.typing import ArrayLike


def split_heads(X: ArrayLike, num_heads: int) -> np.ndarray:
    r"""Cut each vector of size E into ``num_heads`` pieces of size :math:`D = E/H`, and move
    the heads in front of the positions.

    Parameters
    ----------
    X : array_like, shape (N, T, E)
    num_heads : int
        H; must divide E.

    Returns
    -------
    np.ndarray, shape (N, H, T, D)
        ``out[n, h, t]`` is ``X[n, t, h*D:(h+1)*D]``.

    Raises
    ------
    ValueError
        If H does not divide E.

    Examples
    --------
    >>> split_heads(np.arange(8.0).reshape(1, 2, 4), 2)[0, 1]   # head 1: columns 2 and 3
    array([[2., 3.],
           [6., 7.]])
    """
    # TODO: reshape to (N, T, H, D), then swap axes 1 and 2.
    raise NotImplementedError


def merge_heads(X: ArrayLike) -> np.ndarray:
    """The inverse of :func:`split_heads`: ``(N, H, T, D)`` to ``(N, T, H*D)``.

    Examples
    --------
    >>> X = np.arange(8.0).reshape(1, 2, 4)
    >>> np.array_equal(merge_heads(split_heads(X, 2)), X)
    True
    """
    # TODO: swap axes 1 and 2 back, then reshape.
    raise NotImplementedError


def multi_head_attention(X: ArrayLike, in_proj_weight: ArrayLike,
                         in_proj_bias: ArrayLike | None, out_proj_weight: ArrayLike,
                         out_proj_bias: ArrayLike | None, num_heads: int,
                         is_causal: bool = False) -> np.ndarray:
    r"""Multi-head self-attention with ``torch.nn.MultiheadAttention``'s weights.

    .. math:: [Q\;K\;V] = X W_{in}^\top + b_{in}, \qquad
              \text{head}_h = \operatorname{softmax}\!\Big(\frac{Q_h K_h^\top}{\sqrt{D}}\Big)
              V_h, \qquad
              Y = [\text{head}_1 \cdots \text{head}_H]\, W_{out}^\top + b_{out}

    Parameters
    ----------
    X : array_like, shape (N, T, E)
    in_proj_weight : array_like, shape (3E, E)
        :math:`W_q`, :math:`W_k`, :math:`W_v` stacked in that order.
    in_proj_bias : array_like, shape (3E,), or None
    out_proj_weight : array_like, shape (E, E)
    out_proj_bias : array_like, shape (E,), or None
    num_heads : int
        H; must divide E. Each head works with D = E / H numbers.
    is_causal : bool, default False
        Position t attends only to positions 0..t (in every head).

    Returns
    -------
    np.ndarray, shape (N, T, E)

    Raises
    ------
    ValueError
        If a weight has the wrong shape or H does not divide E.

    Examples
    --------
    >>> E = 4; X = np.ones((1, 3, E))
    >>> W_in = np.vstack([np.eye(E)] * 3); W_out = np.eye(E)
    >>> multi_head_attention(X, W_in, None, W_out, None, 2).shape
    (1, 3, 4)
    """
    # TODO: check the shapes; project; cut q, k, v; split heads; attend (scale 1/sqrt(D),
    # causal mask if asked); merge heads; output projection.
    raise NotImplementedError
