"""Exercise cnn.output_size: how many positions a sliding window takes.

Run `groundup lesson cnn.convolution` for the lesson, `groundup check cnn.output_size` to check.
"""


def output_size(n: int, kernel_size: int, stride: int = 1, padding: int = 0) -> int:
    r"""The number of window positions along one axis of a convolution or pooling layer.

    With :math:`p` zeros added on *both* sides, the axis is :math:`n + 2p` long; a window of
    :math:`k` cells that jumps :math:`s` cells at a time fits

    .. math:: n_\text{out} = \left\lfloor \frac{n + 2p - k}{s} \right\rfloor + 1

    times.

    Parameters
    ----------
    n : int
        Length of the axis (the image's height or width), at least 1.
    kernel_size : int
        Window length :math:`k`, at least 1.
    stride : int, default 1
        Step :math:`s`, at least 1.
    padding : int, default 0
        Zeros :math:`p` added on each side, at least 0.

    Returns
    -------
    int

    Raises
    ------
    ValueError
        If ``n``, ``kernel_size`` or ``stride`` is below 1, ``padding`` is negative, or the
        window does not fit (``kernel_size > n + 2 * padding``).

    Examples
    --------
    >>> output_size(28, 5)
    24
    >>> output_size(28, 3, padding=1)
    28
    >>> output_size(7, 3, stride=2)
    3
    """
    # TODO: validate the arguments, then apply the formula with integer division (//).
    raise NotImplementedError
