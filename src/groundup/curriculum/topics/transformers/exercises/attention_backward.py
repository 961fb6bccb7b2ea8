"""Exercise attn.attention_backward: backpropagation through attention, by hand.

Run `groundup lesson attn.attention` for the lesson, `groundup check attn.attention_backward`
to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def attention_backward(Q: ArrayLike, K: ArrayLike, V: ArrayLike, dO: ArrayLike,
                       is_causal: bool = False) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""The gradients of attention with respect to Q, K and V.

    Forward: :math:`S = QK^\top / \sqrt{E}`, :math:`P = \operatorname{softmax}(S)` (row by
    row, causal-masked if asked), :math:`O = PV`. Given :math:`dO = \partial L/\partial O`:

    .. math:: dV = P^\top dO, \qquad dP = dO\, V^\top, \qquad
              dS = P \odot \big(dP - \operatorname{rowsum}(dP \odot P)\big),

    .. math:: dQ = \frac{dS\, K}{\sqrt{E}}, \qquad dK = \frac{dS^\top Q}{\sqrt{E}}.

    Parameters
    ----------
    Q : array_like, shape (..., L, E)
    K : array_like, shape (..., S, E)
    V : array_like, shape (..., S, Ev)
    dO : array_like, shape (..., L, Ev)
        The gradient of the loss with respect to the attention output.
    is_causal : bool, default False
        The forward pass used the causal mask.

    Returns
    -------
    (dQ, dK, dV) : tuple of np.ndarray
        With the shapes of Q, K and V.

    Raises
    ------
    ValueError
        If dO does not have the output's shape (..., L, Ev).

    Examples
    --------
    >>> Q = K = np.zeros((2, 1)); V = np.array([[1.0], [3.0]])
    >>> attention_backward(Q, K, V, np.ones((2, 1)))[2]     # equal weights 1/2: dV = P^T dO
    array([[1.],
           [1.]])
    """
    # TODO: redo the forward pass keeping P, then walk back: dV, dP, dS, dQ, dK.
    # Transpose with np.swapaxes(A, -1, -2) so that batches work too.
    raise NotImplementedError
