"""Exercise cv.kfold_indices: k-fold indices.

Run `groundup lesson cv.validation` for the lesson, `groundup check cv.kfold_indices` to check.
"""

import numpy as np


def kfold_indices(n_samples: int, n_splits: int = 5, *, shuffle: bool = False,
                  random_state: int | None = None) -> list[tuple[np.ndarray, np.ndarray]]:
    r"""The (train, test) index pairs of k-fold cross-validation.

    Cut the indices :math:`0, \dots, n-1` (shuffled first when ``shuffle``) into :math:`k`
    consecutive folds. The first :math:`n \bmod k` folds hold
    :math:`\lfloor n/k \rfloor + 1` indices, the others :math:`\lfloor n/k \rfloor`. Split
    :math:`i` tests on fold :math:`i` and trains on all the other indices.

    Parameters
    ----------
    n_samples : int
    n_splits : int
        :math:`k`, at least 2 and at most ``n_samples``.
    shuffle : bool
    random_state : int, optional
        Seeds the shuffle; not used without ``shuffle``.

    Returns
    -------
    list of (train, test)
        ``n_splits`` pairs of sorted integer arrays.

    Raises
    ------
    ValueError
        Unless ``2 <= n_splits <= n_samples``.

    Examples
    --------
    >>> [(train.tolist(), test.tolist()) for train, test in kfold_indices(5, 2)]
    [([3, 4], [0, 1, 2]), ([0, 1, 2], [3, 4])]
    """
    # TODO: validate; compute the fold sizes; order the indices (shuffled or not); cut them
    # into folds and pair each test fold with the rest.
    raise NotImplementedError
