"""Exercise act.activations: sigmoid, tanh, ReLU and GELU, stable for any input.

Run `groundup lesson act.functions` for the lesson, `groundup check act.activations` to check.

Each function takes a NumPy array (any shape) and returns an array of floats of the same shape.
The checks call them with inputs as large as 1000 with NumPy's overflow warnings turned into
errors, so never compute ``np.exp`` of a large positive number. ``np.tanh`` is not allowed here:
build tanh from exponentials yourself.
"""

import math

import numpy as np
from numpy.typing import ArrayLike


def sigmoid(x: ArrayLike) -> np.ndarray:
    r"""The logistic sigmoid, element-wise.

    .. math:: \sigma(x) = \frac{1}{1 + e^{-x}} = \frac{e^{x}}{1 + e^{x}}

    The first form overflows for very negative x, the second for very positive x: use
    each where it is safe (with ``e = np.exp(-np.abs(x))`` no exponent is positive).

    Examples
    --------
    >>> sigmoid(np.array([0.0, -1000.0, 1000.0]))
    array([0.5, 0. , 1. ])
    """
    # TODO: e = exp(-|x|); 1 / (1 + e) where x >= 0, e / (1 + e) elsewhere (np.where).
    raise NotImplementedError


def tanh(x: ArrayLike) -> np.ndarray:
    r"""The hyperbolic tangent, element-wise, without ``np.tanh``.

    .. math:: \tanh x = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}
              = \operatorname{sign}(x)\,\frac{1 - e^{-2|x|}}{1 + e^{-2|x|}}

    The second form only exponentiates numbers ``<= 0``. For tiny x, ``1 - e^{-2|x|}`` loses
    digits: ``-np.expm1(-2 * np.abs(x))`` computes it exactly.

    Examples
    --------
    >>> tanh(np.array([0.0, 1000.0]))
    array([0., 1.])
    """
    # TODO: the second form above, with np.sign, np.expm1 and np.exp.
    raise NotImplementedError


def relu(x: ArrayLike) -> np.ndarray:
    r"""The rectified linear unit :math:`\operatorname{relu}(x) = \max(0, x)`, element-wise.

    Examples
    --------
    >>> relu(np.array([-2.0, 0.0, 3.0]))
    array([0., 0., 3.])
    """
    # TODO: one NumPy call.
    raise NotImplementedError


def gelu(x: ArrayLike) -> np.ndarray:
    r"""The Gaussian error linear unit (PyTorch's exact form), element-wise.

    .. math:: \operatorname{gelu}(x) = x\,\Phi(x), \qquad
              \Phi(x) = \tfrac12\Big(1 + \operatorname{erf}\big(x / \sqrt 2\big)\Big)

    :math:`\Phi` is the standard Normal CDF: ``scipy.special.erf`` works on arrays (or
    ``np.vectorize(math.erf)``).

    Examples
    --------
    >>> round(float(gelu(np.array([1.0]))[0]), 4)
    0.8413
    """
    # TODO: x times the Normal CDF of x.
    raise NotImplementedError
