"""Exercise attn.transformer_block: a pre-norm transformer block.

Run `groundup lesson attn.transformer` for the lesson, `groundup check attn.transformer_block`
to check.
"""

from collections.abc import Mapping

import numpy as np
from numpy.typing import ArrayLike


def transformer_block(X: ArrayLike, params: Mapping[str, np.ndarray], num_heads: int,
                      is_causal: bool = False) -> np.ndarray:
    r"""One pre-norm transformer block (GPT-2's), as ``torch.nn.TransformerEncoderLayer(E, H,
    F, dropout=0.0, activation="gelu", batch_first=True, norm_first=True)``.

    .. math:: H = X + \operatorname{MHA}(\operatorname{LN}_1(X)), \qquad
              Y = H + \operatorname{GELU}\big(\operatorname{LN}_2(H)\, W_1^\top + b_1\big)
              W_2^\top + b_2

    with the exact GELU :math:`\tfrac{x}{2}\big(1 + \operatorname{erf}(x/\sqrt 2)\big)` and
    layer norms with :math:`\varepsilon = 10^{-5}`.

    Parameters
    ----------
    X : array_like, shape (N, T, E)
    params : dict of str to np.ndarray
        PyTorch's ``state_dict`` keys: ``"self_attn.in_proj_weight"`` (3E, E),
        ``"self_attn.in_proj_bias"`` (3E,), ``"self_attn.out_proj.weight"`` (E, E),
        ``"self_attn.out_proj.bias"`` (E,), ``"linear1.weight"`` (F, E), ``"linear1.bias"``
        (F,), ``"linear2.weight"`` (E, F), ``"linear2.bias"`` (E,), ``"norm1.weight"``,
        ``"norm1.bias"``, ``"norm2.weight"``, ``"norm2.bias"`` (E,).
    num_heads : int
    is_causal : bool, default False

    Returns
    -------
    np.ndarray, shape (N, T, E)

    Raises
    ------
    ValueError
        If X is not 3-D.

    Examples
    --------
    >>> E = 4
    >>> p = {"self_attn.in_proj_weight": np.zeros((3 * E, E)),
    ...      "self_attn.in_proj_bias": np.zeros(3 * E),
    ...      "self_attn.out_proj.weight": np.zeros((E, E)), "self_attn.out_proj.bias": np.zeros(E),
    ...      "linear1.weight": np.zeros((16, E)), "linear1.bias": np.zeros(16),
    ...      "linear2.weight": np.zeros((E, 16)), "linear2.bias": np.zeros(E),
    ...      "norm1.weight": np.ones(E), "norm1.bias": np.zeros(E),
    ...      "norm2.weight": np.ones(E), "norm2.bias": np.zeros(E)}
    >>> X = np.arange(8.0).reshape(1, 2, E)
    >>> np.allclose(transformer_block(X, p, 2), X)     # zero weights: both branches add 0
    True
    """
    # TODO: check X; write (or copy in) layer_norm and multi-head attention; then the two
    # residual branches.
    raise NotImplementedError
