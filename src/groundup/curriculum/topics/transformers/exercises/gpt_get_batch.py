"""Exercise gpt.get_batch: random training blocks and their next-character targets.

Run `groundup lesson gpt.training` for the lesson, `groundup check gpt.get_batch` to check.
"""

import numpy as np
from numpy.typing import ArrayLike


def get_batch(data: ArrayLike, batch_size: int, block_size: int,
              rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    r"""``batch_size`` random blocks of ``block_size`` ids, and the same blocks shifted by one.

    Draw the starts with the generator you are given, exactly as

        starts = rng.integers(0, len(data) - block_size, size=batch_size)

    (nanoGPT's ``torch.randint(len(data) - block_size, (batch_size,))``), then

    .. math:: x_{b,t} = d_{s_b + t}, \qquad y_{b,t} = d_{s_b + t + 1}

    so that ``y[b, t]`` is the id that follows ``x[b, t]``: one block holds ``block_size``
    next-token examples.

    Parameters
    ----------
    data : array_like of int, shape (n,)
        The text as token ids.
    batch_size : int
        B >= 1.
    block_size : int
        T >= 1, the context length.
    rng : numpy.random.Generator

    Returns
    -------
    (x, y) : int64 arrays of shape (B, T)

    Raises
    ------
    ValueError
        If ``data`` is not 1-D integer ids, ``batch_size`` or ``block_size`` is below 1, or
        ``len(data) <= block_size``.

    Examples
    --------
    >>> x, y = get_batch(np.arange(10), 2, 4, np.random.default_rng(0))
    >>> x.shape, bool((y[:, :-1] == x[:, 1:]).all())
    ((2, 4), True)
    """
    # TODO: validate; draw the starts; gather x and y (a loop over starts or fancy indexing).
    raise NotImplementedError
