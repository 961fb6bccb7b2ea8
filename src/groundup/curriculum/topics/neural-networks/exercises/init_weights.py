"""Exercise mlp.init_weights: Xavier (Glorot) and He (Kaiming) initialisation.

Run `groundup lesson mlp.backprop` for the lesson, `groundup check mlp.init_weights` to check.
The checks draw large matrices and test their statistics, and call each function twice with
the same seed: draw every number from ``rng``.
"""

import numpy as np


def xavier_uniform(fan_in: int, fan_out: int, rng: np.random.Generator) -> np.ndarray:
    r"""Weights uniform on :math:`[-a, a]` with :math:`a = \sqrt{6 / (n_{in} + n_{out})}`.

    A uniform on :math:`[-a, a]` has variance :math:`a^2/3`, here
    :math:`2 / (n_{in} + n_{out})`: the variance of the signal is kept both forwards and
    backwards through tanh or sigmoid layers (Glorot & Bengio, 2010;
    ``torch.nn.init.xavier_uniform_``).

    Parameters
    ----------
    fan_in, fan_out : int, >= 1
    rng : numpy.random.Generator

    Returns
    -------
    ndarray, shape (fan_out, fan_in)  (PyTorch's layout)

    Raises
    ------
    ValueError
        If ``fan_in`` or ``fan_out`` is not a positive int.
    """
    # TODO
    raise NotImplementedError


def he_normal(fan_in: int, fan_out: int, rng: np.random.Generator) -> np.ndarray:
    r"""Weights drawn from :math:`\mathcal N(0, 2 / n_{in})` (He et al., 2015).

    A ReLU zeroes half of its inputs, halving the signal's second moment; the factor 2 makes
    up for it, so that activations keep their scale through many ReLU layers
    (``torch.nn.init.kaiming_normal_`` with ``nonlinearity="relu"``).

    Parameters
    ----------
    fan_in, fan_out : int, >= 1
    rng : numpy.random.Generator

    Returns
    -------
    ndarray, shape (fan_out, fan_in)

    Raises
    ------
    ValueError
        If ``fan_in`` or ``fan_out`` is not a positive int.
    """
    # TODO: rng.normal takes the standard deviation, not the variance.
    raise NotImplementedError
