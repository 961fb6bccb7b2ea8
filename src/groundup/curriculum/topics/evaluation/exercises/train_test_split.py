"""Exercise cv.train_test_split: train/test split, shuffled and stratified.

Run `groundup lesson cv.validation` for the lesson, `groundup check cv.train_test_split` to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def train_test_split(X: ArrayLike, y: ArrayLike, *, test_size: float | int = 0.25,
                     shuffle: bool = True, stratify: ArrayLike | None = None,
                     random_state: int | None = None
                     ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    r"""Split the rows of ``X`` and ``y`` (together) into a training and a test set.

    The test set has :math:`n_\text{test} = \lceil t\, n \rceil` rows for a float
    ``test_size`` :math:`t \in (0, 1)`, or ``test_size`` rows for an int; the training set
    has the other :math:`n - n_\text{test}`.

    - ``shuffle=True``: the test rows are a random sample, reproducible with
      ``random_state`` (``np.random.default_rng(random_state)``);
    - ``shuffle=False``: the first :math:`n - n_\text{test}` rows train, the last ones test;
    - ``stratify=y``: every class keeps its proportion: class :math:`k` with :math:`n_k`
      rows puts :math:`n_\text{test}\, n_k / n` of them (rounded up or down, so that the
      total is :math:`n_\text{test}`) into the test set.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
    y : array_like, shape (n_samples,)
    test_size : float in (0, 1), or int in [1, n_samples - 1]
    shuffle : bool
    stratify : array_like, shape (n_samples,), optional
        Class labels to stratify by (usually ``y``); needs ``shuffle=True``.
    random_state : int, optional

    Returns
    -------
    (X_train, X_test, y_train, y_test) : tuple of ndarray

    Raises
    ------
    ValueError
        If ``X`` and ``y`` have different lengths, ``test_size`` is out of range, or
        ``stratify`` is given with ``shuffle=False``.

    Examples
    --------
    >>> X, y = np.arange(20).reshape(10, 2), np.arange(10)
    >>> X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, shuffle=False)
    >>> y_test
    array([7, 8, 9])
    """
    # TODO: validate; compute n_test; choose the test indices (shuffled, in order, or class by
    # class); index X and y with the same train and test indices.
    raise NotImplementedError
