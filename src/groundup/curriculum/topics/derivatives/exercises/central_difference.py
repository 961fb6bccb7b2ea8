"""Exercise calculus.central_difference: a more accurate slope, stepping to both sides.

Run `groundup lesson calculus.derivatives` for the lesson, `groundup check
calculus.central_difference` to check.
"""

from collections.abc import Callable


def central_difference(f: Callable[[float], float], x: float, h: float = 1e-5) -> float:
    r"""Central-difference estimate of the derivative :math:`f'(x)`.

    .. math:: f'(x) \approx \frac{f(x + h) - f(x - h)}{2h}

    Its error shrinks like :math:`h^2`, where the forward difference's shrinks like :math:`h`.

    Parameters
    ----------
    f : callable
        A function of one number returning one number.
    x : float
        The point where the slope is estimated.
    h : float, default 1e-5
        The half-width of the step, ``h > 0``.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If ``h <= 0``.

    Examples
    --------
    >>> central_difference(lambda t: t**2, 3.0, h=0.1)   # exact for a parabola
    6.0...
    """
    # TODO: reject h <= 0 with a ValueError, then return the slope between x - h and x + h.
    raise NotImplementedError
