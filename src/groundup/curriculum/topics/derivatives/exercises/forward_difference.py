"""Exercise calculus.forward_difference: the slope of a curve from two nearby points.

Run `groundup lesson calculus.derivatives` for the lesson, `groundup check
calculus.forward_difference` to check.
"""

from collections.abc import Callable


def forward_difference(f: Callable[[float], float], x: float, h: float = 1e-5) -> float:
    r"""Forward-difference estimate of the derivative :math:`f'(x)`.

    .. math:: f'(x) \approx \frac{f(x + h) - f(x)}{h}

    Parameters
    ----------
    f : callable
        A function of one number returning one number.
    x : float
        The point where the slope is estimated.
    h : float, default 1e-5
        The step, ``h > 0``.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If ``h <= 0``.

    Examples
    --------
    >>> forward_difference(lambda t: t**2, 3.0, h=0.1)   # the true slope is 6
    6.1...
    """
    # TODO: reject h <= 0 with a ValueError, then return the slope between x and x + h.
    raise NotImplementedError
