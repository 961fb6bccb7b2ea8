"""Exercise llm.top_k_top_p: top-k and top-p (nucleus) filtering.

Run `groundup lesson llm.sampling` for the lesson, `groundup check llm.top_k_top_p` to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def top_k_top_p(logits: ArrayLike, top_k: int = 0, top_p: float = 1.0) -> np.ndarray:
    r"""The next-token distribution after top-k, then top-p filtering, along the last axis.

    1. **Top-k** (skipped when ``top_k == 0`` or ``top_k >= V``): keep the ``top_k`` largest
       logits; the others get logit :math:`-\infty`.
    2. Softmax: :math:`p_i = e^{z_i} / \sum_j e^{z_j}` over the survivors.
    3. **Top-p** (skipped when ``top_p == 1``): sort the tokens by :math:`p`, largest first, and
       keep the smallest prefix whose total probability is at least ``top_p`` -- a token is kept
       when the probability of the tokens before it is still below ``top_p``. The most likely
       token is always kept.
    4. Set the removed tokens' probabilities to 0 and renormalise the rest to sum to 1.

    The same rules as Hugging Face's ``TopKLogitsWarper`` and ``TopPLogitsWarper``.

    Parameters
    ----------
    logits : array_like, shape (V,) or (batch, V)
    top_k : int
        ``>= 0``; 0 means no top-k.
    top_p : float
        In (0, 1]; 1 means no top-p.

    Returns
    -------
    ndarray of float, same shape as ``logits``: the filtered distribution(s).

    Raises
    ------
    ValueError
        If ``top_k`` is not a whole number >= 0 or ``top_p`` is outside (0, 1].

    Examples
    --------
    >>> top_k_top_p([3.0, 2.0, 1.0, 0.0], top_k=2).round(3)
    array([0.731, 0.269, 0.   , 0.   ])
    >>> top_k_top_p([3.0, 2.0, 1.0, 0.0], top_p=0.6).round(3)
    array([1., 0., 0., 0.])
    """
    # TODO: validate; top-k with the k-th largest logit; softmax; top-p with a sort and a
    # cumulative sum; zero the removed tokens and renormalise.
    raise NotImplementedError
