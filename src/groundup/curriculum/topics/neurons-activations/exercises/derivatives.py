"""Exercise act.derivatives: the derivatives of sigmoid, tanh, ReLU and GELU.

Run `groundup lesson act.functions` for the lesson, `groundup check act.derivatives` to check.

Each function returns :math:`f'(x)` element-wise, with the shape of ``x``. The checks compare
them with ``torch.autograd`` (the gradient of ``f(x).sum()``), also at ``x = 0`` and at
``|x|`` up to 1000 with NumPy's overflow warnings turned into errors. Any NumPy or SciPy
function is allowed here (``np.tanh``, ``scipy.special.expit``, ``scipy.special.erf``).
"""

import math

import numpy as np
from numpy.typing import ArrayLike


def sigmoid_grad(x: ArrayLike) -> np.ndarray:
    r""":math:`\sigma'(x) = \sigma(x)\,\big(1 - \sigma(x)\big)`.

    Examples
    --------
    >>> sigmoid_grad(np.array([0.0]))
    array([0.25])
    """
    # TODO: compute sigma(x) without overflow, then s * (1 - s).
    raise NotImplementedError


def tanh_grad(x: ArrayLike) -> np.ndarray:
    r""":math:`\tanh'(x) = 1 - \tanh^2 x`.

    Examples
    --------
    >>> tanh_grad(np.array([0.0]))
    array([1.])
    """
    # TODO
    raise NotImplementedError


def relu_grad(x: ArrayLike) -> np.ndarray:
    r""":math:`\operatorname{relu}'(x) = 1` where :math:`x > 0`, else 0.

    At exactly 0 ReLU has a kink; PyTorch (and this function) uses 0 there.

    Examples
    --------
    >>> relu_grad(np.array([-1.0, 0.0, 2.0]))
    array([0., 0., 1.])
    """
    # TODO: a float array of 0s and 1s.
    raise NotImplementedError


def gelu_grad(x: ArrayLike) -> np.ndarray:
    r""":math:`\frac{d}{dx}\,x\,\Phi(x) = \Phi(x) + x\,\varphi(x)`, by the product rule.

    :math:`\Phi(x) = \tfrac12(1 + \operatorname{erf}(x/\sqrt2))` is the standard Normal CDF and
    :math:`\varphi(x) = e^{-x^2/2} / \sqrt{2\pi}` its density.

    Examples
    --------
    >>> round(float(gelu_grad(np.array([0.0]))[0]), 4)
    0.5
    """
    # TODO: Phi(x) + x * phi(x).
    raise NotImplementedError
