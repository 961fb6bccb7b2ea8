"""Exercise tree.entropy: the entropy of a node's labels, in bits.

Run `groundup lesson tree.decision_trees` for the lesson, `groundup check tree.entropy` to
check.
"""

import numpy as np
from numpy.typing import ArrayLike


def entropy(y: ArrayLike) -> float:
    r"""Entropy of a node's labels, in bits (logarithm base 2).

    .. math:: H = -\sum_{k=1}^{K} p_k \log_2 p_k, \qquad p_k = \frac{n_k}{n}

    The average number of yes/no questions needed to guess a label drawn from the node: 0 for
    a pure node, :math:`\log_2 K` for :math:`K` equally frequent classes.

    Parameters
    ----------
    y : array_like, shape (n_samples,)
        Class labels (numbers or strings), at least one.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If ``y`` is empty.

    Examples
    --------
    >>> entropy([0, 0, 1, 1])
    1.0
    >>> entropy([0, 1, 2, 3])
    2.0
    """
    # TODO: class fractions p from the label counts, then -sum(p * log2(p)).
    raise NotImplementedError
