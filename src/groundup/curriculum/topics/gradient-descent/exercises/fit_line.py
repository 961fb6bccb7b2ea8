"""Exercise optim.fit_line: learn a line from data by gradient descent.

Run `groundup lesson optim.gradient-descent` for the lesson, `groundup check optim.fit_line`
to check.
"""

from numpy.typing import ArrayLike


def fit_line(x: ArrayLike, y: ArrayLike, lr: float = 0.05, num_epochs: int = 500,
             batch_size: int | None = None, seed: int = 0) -> tuple[float, float]:
    r"""Fit :math:`\hat y = w x + b` by (mini-batch) gradient descent on the mean squared error.

    Start at :math:`w = b = 0`. Each epoch shuffles the samples (with
    ``numpy.random.default_rng(seed)``, created once), cuts them into batches of
    ``batch_size`` (the last one may be smaller) and takes one step per batch:

    .. math::
        w \leftarrow w - \eta \frac{\partial L_B}{\partial w}, \qquad
        b \leftarrow b - \eta \frac{\partial L_B}{\partial b}

    where :math:`L_B = \frac{1}{|B|}\sum_{i \in B} (w x_i + b - y_i)^2` is the mean squared
    error on the batch, and both derivatives are computed at the same :math:`(w, b)`.
    ``batch_size=None`` means one batch of all the samples (full-batch gradient descent).

    Parameters
    ----------
    x, y : array_like, shape (n_samples,)
        Inputs and targets.
    lr : float, default 0.05
        The learning rate :math:`\eta > 0`.
    num_epochs : int, default 500
        Passes over the data, ``>= 1``.
    batch_size : int or None, default None
        Samples per step (``>= 1``); ``None`` means all of them.
    seed : int, default 0
        Seeds the shuffling.

    Returns
    -------
    tuple of float
        ``(w, b)``.

    Raises
    ------
    ValueError
        If ``x`` and ``y`` differ in length, ``lr <= 0``, ``num_epochs < 1`` or
        ``batch_size < 1``.

    Examples
    --------
    >>> w, b = fit_line([0.0, 1.0, 2.0], [1.0, 3.0, 5.0], lr=0.1, num_epochs=2000)  # y = 2x + 1
    >>> round(w, 6), round(b, 6)
    (2.0, 1.0)
    """
    # TODO: validate; w = b = 0; for each epoch, shuffle, then for each batch compute the
    #       batch's MSE gradient and step w and b against it. Return (w, b) as floats.
    raise NotImplementedError
