"""Exercise rag.should_refuse: say "I don't know" when retrieval finds nothing good.

Run `groundup lesson rag.grounded` for the lesson, `groundup check rag.should_refuse` to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def should_refuse(scores: ArrayLike, threshold: float) -> bool:
    r"""Whether retrieval is too weak to answer.

    .. math:: \text{refuse} \iff n = 0 \ \text{ or } \ \max_i s_i < \tau

    A best score exactly equal to the threshold is good enough (do not refuse).

    Parameters
    ----------
    scores : array_like of shape (n,)
        The retrieval scores of the passages, in any order; may be empty; may be negative.
    threshold : float

    Returns
    -------
    bool

    Raises
    ------
    ValueError
        If a score or the threshold is NaN, or ``scores`` is not one-dimensional.

    Examples
    --------
    >>> should_refuse([0.2, 0.61, 0.4], 0.5), should_refuse([0.2, 0.3], 0.5), should_refuse([], 0.5)
    (False, True, True)
    """
    # TODO: validate, then compare the best score with the threshold.
    raise NotImplementedError
