"""Exercise bv.polynomial_curve: the U-shaped curve of polynomials of growing degree.

Run `groundup lesson bv.tradeoff` for the lesson, `groundup check bv.polynomial_curve` to check.
"""

from collections.abc import Sequence

import numpy as np


def bias_variance_curve(degrees: Sequence[int], n_datasets: int = 200, n_train: int = 15,
                        noise: float = 0.3, n_test: int = 100,
                        seed: int = 0) -> dict[str, np.ndarray]:
    r"""Bias², variance, noise and test error of polynomial fits, for each degree.

    The experiment, with :math:`f(x) = \sin(2\pi x)` and ``rng = np.random.default_rng(seed)``:

    1. ``x_train = np.linspace(0, 1, n_train)`` and ``x_test = np.linspace(0, 1, n_test)``
       (the same inputs for every training set).
    2. Draw ``n_datasets`` training sets :math:`y = f(x_\text{train}) + \varepsilon`,
       :math:`\varepsilon \sim \mathcal N(0, \text{noise}^2)`, new noise for each set.
    3. For each degree :math:`d`, fit a least-squares polynomial (``np.polyfit``) to every
       training set and predict at ``x_test``: an array of shape (n_datasets, n_test).
    4. From those predictions: ``bias2`` and ``variance`` (as in ``bv.decompose``, against
       :math:`f(x_\text{test})`); ``noise`` is :math:`\sigma^2` = ``noise ** 2``; ``error`` is
       the mean squared error against *fresh* noisy test targets
       :math:`f(x_\text{test}) + \varepsilon'` (new noise for each training set).

    On average ``error = bias2 + variance + noise``: the error is high for low degrees
    (bias), lowest in between and high again for high degrees (variance), a U.

    Parameters
    ----------
    degrees : sequence of int
        Each in ``[0, n_train - 1]``.
    n_datasets : int
        At least 2.
    n_train, n_test : int
    noise : float
        The noise's standard deviation :math:`\sigma \ge 0`.
    seed : int

    Returns
    -------
    dict
        ``"degree"``, ``"bias2"``, ``"variance"``, ``"noise"`` and ``"error"``: arrays of
        shape (len(degrees),).

    Raises
    ------
    ValueError
        If a degree is outside ``[0, n_train - 1]``, ``n_datasets < 2`` or ``noise < 0``.

    Examples
    --------
    >>> out = bias_variance_curve([1, 3, 12])
    >>> out["error"].round(2)   # about [0.31, 0.12, 0.55]: a U
    """
    # TODO: validate; simulate the training sets; for each degree fit, predict, decompose and
    # measure the test error; return the five arrays in a dict.
    raise NotImplementedError
