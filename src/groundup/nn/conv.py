r"""Convolution and pooling on images, as ``torch.nn.Conv2d``, ``MaxPool2d`` and ``AvgPool2d``.

Images are batches of shape ``(N, C, H, W)``: N images, C channels (1 for grey, 3 for RGB, or
the feature maps of a previous layer), H rows and W columns. A convolution slides a small
stack of filters over the image; at each position it takes a weighted sum of the
:math:`C \times k_h \times k_w` numbers under the filter (deep learning's "convolution" is,
strictly, a cross-correlation: the filter is not flipped):

.. math:: \text{out}[n, o, i, j] = b_o + \sum_{c, u, v} W[o, c, u, v]\;
          x_{\text{pad}}[n, c,\; i s_h + u,\; j s_w + v]

with output size :math:`\lfloor (H + 2p - k)/s \rfloor + 1` along each axis
(:func:`output_size`).

**im2col**: copy every window into one column of a matrix (:func:`im2col`, the layout of
``torch.nn.functional.unfold``) and the whole convolution is *one* matrix product of the
filters, flattened to ``(C_out, C k_h k_w)``, with that matrix. The backward pass is two more
products and :func:`col2im`, which adds each column back where it came from (a number that
sat in several windows receives the sum of their gradients).

The module has two layers:

- NumPy building blocks on plain arrays (the references of the ``cnn.*`` exercises):
  :func:`output_size`, :func:`pad2d`, :func:`correlate2d`, :func:`im2col`, :func:`col2im`,
  :func:`conv2d_numpy`, :func:`conv2d_backward_numpy`, :func:`max_pool2d_numpy`,
  :func:`max_pool2d_backward_numpy`.
- Tensor operations with their own backward (:func:`conv2d`, :func:`max_pool2d`,
  :func:`avg_pool2d`) and the layers :class:`Conv2d`, :class:`MaxPool2d`, :class:`AvgPool2d`.

Examples
--------
>>> from groundup.nn import Tensor
>>> conv = Conv2d(1, 4, kernel_size=3, padding=1, rng=0)
>>> x = Tensor(np.ones((2, 1, 8, 8)))
>>> conv(x).shape
(2, 4, 8, 8)
>>> MaxPool2d(2)(conv(x)).shape
(2, 4, 4, 4)
"""

from __future__ import annotations

import math
import numbers
from typing import Any

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from groundup.nn.modules import Module, Parameter
from groundup.nn.tensor import Grads, Tensor

__all__ = ["AvgPool2d", "Conv2d", "MaxPool2d", "avg_pool2d", "col2im", "conv2d",
           "conv2d_backward_numpy", "conv2d_numpy", "correlate2d", "im2col", "max_pool2d",
           "max_pool2d_backward_numpy", "max_pool2d_numpy", "output_size", "pad2d"]

IntPair = int | tuple[int, int]


# -------------------------------------------------------------------------------------------
# argument checking

def _int(value: object, name: str, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ValueError(f"{name} must be an int, got {value!r}")
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {value}")
    return int(value)


def _pair(value: object, name: str, minimum: int) -> tuple[int, int]:
    """``3`` -> ``(3, 3)``; ``(3, 2)`` stays; anything else raises ValueError."""
    if isinstance(value, (tuple, list)):
        if len(value) != 2:
            raise ValueError(f"{name} must be an int or a pair of ints, got {value!r}")
        return _int(value[0], name, minimum), _int(value[1], name, minimum)
    v = _int(value, name, minimum)
    return v, v


def _image_batch(x: Any, name: str = "x") -> np.ndarray:
    arr = np.asarray(x)
    if arr.ndim != 4:
        raise ValueError(f"{name} must have shape (N, C, H, W), got shape {arr.shape}")
    if not np.issubdtype(arr.dtype, np.floating):
        arr = arr.astype(np.float64)
    return arr


def output_size(n: int, kernel_size: int, stride: int = 1, padding: int = 0) -> int:
    r"""How many positions a window of ``kernel_size`` takes along an axis of length ``n``.

    .. math:: n_\text{out} = \left\lfloor \frac{n + 2p - k}{s} \right\rfloor + 1

    Raises
    ------
    ValueError
        If ``n``, ``kernel_size`` or ``stride`` is below 1, ``padding`` is negative, or the
        window does not fit in the padded input (``k > n + 2p``).

    Examples
    --------
    >>> output_size(28, 5), output_size(28, 3, padding=1), output_size(7, 3, stride=2)
    (24, 28, 3)
    """
    n = _int(n, "n", 1)
    k = _int(kernel_size, "kernel_size", 1)
    s = _int(stride, "stride", 1)
    p = _int(padding, "padding", 0)
    if k > n + 2 * p:
        raise ValueError(f"kernel_size {k} is larger than the padded input ({n} + 2 * {p})")
    return (n + 2 * p - k) // s + 1


def _out_hw(shape: tuple[int, ...], k: tuple[int, int], s: tuple[int, int],
            p: tuple[int, int]) -> tuple[int, int]:
    return (output_size(shape[-2], k[0], s[0], p[0]), output_size(shape[-1], k[1], s[1], p[1]))


# -------------------------------------------------------------------------------------------
# NumPy building blocks

def pad2d(x: Any, padding: IntPair, value: float = 0.0) -> np.ndarray:
    """Surround the last two axes with ``padding`` rows/columns of ``value``.

    Parameters
    ----------
    x : array_like, shape (..., H, W)
    padding : int or (int, int)
        ``p`` or ``(p_h, p_w)``: rows added above *and* below, columns left *and* right.
    value : float, default 0
        The fill (``-inf`` for max pooling).

    Returns
    -------
    ndarray, shape (..., H + 2 p_h, W + 2 p_w)

    Raises
    ------
    ValueError
        If ``x`` has fewer than 2 axes or a padding is negative.
    """
    arr = np.asarray(x)
    if arr.ndim < 2:
        raise ValueError(f"x must have at least 2 axes (..., H, W), got shape {arr.shape}")
    ph, pw = _pair(padding, "padding", 0)
    if not np.issubdtype(arr.dtype, np.floating):
        arr = arr.astype(np.float64)
    out = np.full(arr.shape[:-2] + (arr.shape[-2] + 2 * ph, arr.shape[-1] + 2 * pw), value,
                  dtype=arr.dtype)
    out[..., ph:ph + arr.shape[-2], pw:pw + arr.shape[-1]] = arr
    return out


def correlate2d(image: Any, kernel: Any) -> np.ndarray:
    r"""One channel, one filter, no padding, stride 1 ("valid" cross-correlation).

    .. math:: \text{out}[i, j] = \sum_{u, v} K[u, v]\; I[i + u, j + v]

    Parameters
    ----------
    image : array_like, shape (H, W)
    kernel : array_like, shape (kh, kw)

    Returns
    -------
    ndarray, shape (H - kh + 1, W - kw + 1)

    Raises
    ------
    ValueError
        If either is not 2-D or the kernel is larger than the image.
    """
    img, ker = np.asarray(image, dtype=float), np.asarray(kernel, dtype=float)
    if img.ndim != 2 or ker.ndim != 2:
        raise ValueError(f"image and kernel must be 2-D, got shapes {img.shape} and {ker.shape}")
    if ker.shape[0] > img.shape[0] or ker.shape[1] > img.shape[1] or ker.size == 0:
        raise ValueError(f"kernel of shape {ker.shape} does not fit in image of shape "
                         f"{img.shape}")
    windows = sliding_window_view(img, ker.shape)  # (OH, OW, kh, kw)
    return np.einsum("ijuv,uv->ij", windows, ker)


def im2col(x: Any, kernel_size: IntPair, stride: IntPair = 1, padding: IntPair = 0) -> np.ndarray:
    r"""Every window of every image as a column, as ``torch.nn.functional.unfold``.

    Column :math:`l = i\, W_\text{out} + j` of image :math:`n` holds the window at output
    position :math:`(i, j)`, its rows ordered channel first, then kernel row, then kernel
    column: row :math:`c\, k_h k_w + u\, k_w + v` is :math:`x_\text{pad}[n, c, i s_h + u,
    j s_w + v]`.

    Parameters
    ----------
    x : array_like, shape (N, C, H, W)
    kernel_size, stride, padding : int or (int, int)

    Returns
    -------
    ndarray, shape (N, C * kh * kw, OH * OW)

    Raises
    ------
    ValueError
        For a wrong shape, a window larger than the padded image, or bad sizes.
    """
    arr = _image_batch(x)
    k, s, p = _pair(kernel_size, "kernel_size", 1), _pair(stride, "stride", 1), \
        _pair(padding, "padding", 0)
    oh, ow = _out_hw(arr.shape, k, s, p)
    n, c = arr.shape[:2]
    return _unfold(arr, k, s, p).reshape(n, c * k[0] * k[1], oh * ow)


def _col2im_into(dxp: np.ndarray, gcols: np.ndarray, k: tuple[int, int],
                 s: tuple[int, int]) -> None:
    """Add ``gcols`` (N, C, kh, kw, OH, OW) back into the padded gradient ``dxp``.

    One slice assignment per kernel offset (kh * kw of them): the windows that share an
    offset never overlap, so ``+=`` on a strided slice is exact, and it is much faster than
    ``np.add.at`` on one index per number.
    """
    oh, ow = gcols.shape[-2:]
    for u in range(k[0]):
        for v in range(k[1]):
            dxp[:, :, u:u + s[0] * (oh - 1) + 1:s[0], v:v + s[1] * (ow - 1) + 1:s[1]] += \
                gcols[:, :, u, v]


def col2im(cols: Any, input_shape: tuple[int, int, int, int], kernel_size: IntPair,
           stride: IntPair = 1, padding: IntPair = 0) -> np.ndarray:
    r"""Add columns back to the image positions they came from (``torch.nn.functional.fold``).

    The adjoint of :func:`im2col`: for all ``x`` and ``G``,
    :math:`\langle \text{im2col}(x), G\rangle = \langle x, \text{col2im}(G)\rangle`. It is the
    gradient of :func:`im2col`, so a pixel inside several windows receives their sum.

    Parameters
    ----------
    cols : array_like, shape (N, C * kh * kw, OH * OW)
    input_shape : (N, C, H, W)
    kernel_size, stride, padding : int or (int, int)

    Returns
    -------
    ndarray, shape ``input_shape``
    """
    g = np.asarray(cols)
    n, c, h, w = (int(d) for d in input_shape)
    k, s, p = _pair(kernel_size, "kernel_size", 1), _pair(stride, "stride", 1), \
        _pair(padding, "padding", 0)
    oh, ow = _out_hw((h, w), k, s, p)
    if g.shape != (n, c * k[0] * k[1], oh * ow):
        raise ValueError(f"cols must have shape {(n, c * k[0] * k[1], oh * ow)}, got {g.shape}")
    dtype = g.dtype if np.issubdtype(g.dtype, np.floating) else np.float64
    dxp = np.zeros((n, c, h + 2 * p[0], w + 2 * p[1]), dtype=dtype)
    _col2im_into(dxp, g.reshape(n, c, k[0], k[1], oh, ow), k, s)
    return dxp[:, :, p[0]:p[0] + h, p[1]:p[1] + w].copy()


def _conv_args(x: np.ndarray, weight: np.ndarray, bias: np.ndarray | None, stride: IntPair,
               padding: IntPair) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int]]:
    if weight.ndim != 4:
        raise ValueError(f"weight must have shape (C_out, C_in, kh, kw), got {weight.shape}")
    if x.ndim != 4:
        raise ValueError(f"input must have shape (N, C, H, W), got shape {x.shape}")
    if x.shape[1] != weight.shape[1]:
        raise ValueError(f"input has {x.shape[1]} channels but weight expects "
                         f"{weight.shape[1]} (weight shape {weight.shape})")
    if bias is not None and bias.shape != (weight.shape[0],):
        raise ValueError(f"bias must have shape ({weight.shape[0]},), got {bias.shape}")
    k = (int(weight.shape[2]), int(weight.shape[3]))
    s, p = _pair(stride, "stride", 1), _pair(padding, "padding", 0)
    _out_hw(x.shape, k, s, p)  # raises if the kernel does not fit
    return k, s, p


def _unfold(x: np.ndarray, k: tuple[int, int], s: tuple[int, int], p: tuple[int, int]
            ) -> np.ndarray:
    """im2col into (N, C, kh, kw, OH, OW): one strided slice copied per kernel offset."""
    n, c, h, w = x.shape
    oh, ow = _out_hw(x.shape, k, s, p)
    xp = pad2d(x, p) if p != (0, 0) else x
    cols = np.empty((n, c, k[0], k[1], oh, ow), dtype=x.dtype)
    for u in range(k[0]):
        for v in range(k[1]):
            cols[:, :, u, v] = xp[:, :, u:u + s[0] * (oh - 1) + 1:s[0],
                                  v:v + s[1] * (ow - 1) + 1:s[1]]
    return cols


def _conv_forward(x: np.ndarray, w: np.ndarray, b: np.ndarray | None, k: tuple[int, int],
                  s: tuple[int, int], p: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
    """The output and the columns (N, C * kh * kw, OH * OW) kept for the backward pass."""
    n, c = x.shape[:2]
    cols6 = _unfold(x, k, s, p)  # (N, C, kh, kw, OH, OW)
    oh, ow = cols6.shape[-2:]
    cols = cols6.reshape(n, c * k[0] * k[1], oh * ow)  # (N, C kh kw, L)
    out = w.reshape(w.shape[0], -1) @ cols  # (C_out, C kh kw) @ (N, C kh kw, L): (N, C_out, L)
    if b is not None:
        out += b.astype(out.dtype, copy=False)[:, None]
    return out.reshape(n, -1, oh, ow), cols  # (N, C_out, OH, OW)


def _conv_backward(g: np.ndarray, x_shape: tuple[int, ...], w: np.ndarray, cols: np.ndarray,
                   k: tuple[int, int], s: tuple[int, int], p: tuple[int, int],
                   need_x: bool = True, need_w: bool = True
                   ) -> tuple[np.ndarray | None, np.ndarray | None, np.ndarray]:
    n, c, h, wd = x_shape
    c_out, oh, ow = g.shape[1:]
    g3 = g.reshape(n, c_out, oh * ow)  # (N, C_out, L)
    # dL/dW = sum over images and positions of G X_col^T: one matrix product.
    gw = np.tensordot(g3, cols, axes=([0, 2], [0, 2])).reshape(w.shape) if need_w else None
    gb = g.sum(axis=(0, 2, 3))
    gx = None
    if need_x:
        gcols = (w.reshape(c_out, -1).T @ g3).reshape(n, c, k[0], k[1], oh, ow)
        dxp = np.zeros((n, c, h + 2 * p[0], wd + 2 * p[1]), dtype=g.dtype)
        _col2im_into(dxp, gcols, k, s)
        gx = dxp[:, :, p[0]:p[0] + h, p[1]:p[1] + wd]
    return gx, gw, gb


def conv2d_numpy(x: Any, weight: Any, bias: Any = None, stride: IntPair = 1,
                 padding: IntPair = 0) -> np.ndarray:
    r"""A batch of multi-channel images convolved with a bank of filters, on NumPy arrays.

    .. math:: \text{out}[n, o, i, j] = b_o + \sum_{c, u, v} W[o, c, u, v]\,
              x_\text{pad}[n, c, i s_h + u, j s_w + v]

    Parameters
    ----------
    x : array_like, shape (N, C_in, H, W)
    weight : array_like, shape (C_out, C_in, kh, kw)
    bias : array_like, shape (C_out,), optional
    stride, padding : int or (int, int)

    Returns
    -------
    ndarray, shape (N, C_out, OH, OW)

    Raises
    ------
    ValueError
        If the shapes do not fit together or the filter is larger than the padded image.
    """
    xa, wa = np.asarray(x, dtype=float), np.asarray(weight, dtype=float)
    ba = None if bias is None else np.asarray(bias, dtype=float)
    k, s, p = _conv_args(xa, wa, ba, stride, padding)
    return np.ascontiguousarray(_conv_forward(xa, wa, ba, k, s, p)[0])


def conv2d_backward_numpy(x: Any, weight: Any, grad_out: Any, stride: IntPair = 1,
                          padding: IntPair = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""The gradients of a convolution, given :math:`G = \partial L / \partial\,\text{out}`.

    With the columns :math:`X_\text{col}` of :func:`im2col` (one row per output position) and
    :math:`G` flattened to one row per output position:

    .. math:: \frac{\partial L}{\partial W} = G^\top X_\text{col}, \qquad
              \frac{\partial L}{\partial b} = \sum_{n, i, j} G[n, :, i, j], \qquad
              \frac{\partial L}{\partial x} = \operatorname{col2im}(G\, W)

    Returns
    -------
    (grad_x, grad_weight, grad_bias)
        Shapes ``x.shape``, ``weight.shape`` and ``(C_out,)``.

    Raises
    ------
    ValueError
        If ``grad_out`` does not have the output's shape.
    """
    xa, wa = np.asarray(x, dtype=float), np.asarray(weight, dtype=float)
    ga = np.asarray(grad_out, dtype=float)
    k, s, p = _conv_args(xa, wa, None, stride, padding)
    oh, ow = _out_hw(xa.shape, k, s, p)
    expected = (xa.shape[0], wa.shape[0], oh, ow)
    if ga.shape != expected:
        raise ValueError(f"grad_out must have the output's shape {expected}, got {ga.shape}")
    _, cols = _conv_forward(xa, wa, None, k, s, p)
    gx, gw, gb = _conv_backward(ga, xa.shape, wa, cols, k, s, p)
    assert gx is not None and gw is not None
    return np.ascontiguousarray(gx), gw, gb


def _check_pool_padding(k: tuple[int, int], p: tuple[int, int]) -> None:
    if p[0] > k[0] // 2 or p[1] > k[1] // 2:
        raise ValueError(f"padding {p} must be at most half the kernel size {k} (as PyTorch)")


def _offset_slices(xp: np.ndarray, k: tuple[int, int], s: tuple[int, int], oh: int, ow: int
                   ) -> list[tuple[int, np.ndarray]]:
    """For each kernel offset (u, v), in reading order: ``(u * kw + v, view)`` where the view
    (N, C, OH, OW) holds the number at that offset of every window."""
    return [(u * k[1] + v, xp[:, :, u:u + s[0] * (oh - 1) + 1:s[0],
                              v:v + s[1] * (ow - 1) + 1:s[1]])
            for u in range(k[0]) for v in range(k[1])]


def _max_pool(x: np.ndarray, k: tuple[int, int], s: tuple[int, int], p: tuple[int, int]
              ) -> tuple[np.ndarray, np.ndarray]:
    """Maxima and their flat indices ``h * W + w`` into each (H, W) plane, as PyTorch's
    ``return_indices``: the first maximum of a window in reading order wins a tie.

    A running maximum over the kh * kw kernel offsets: each step compares whole arrays, so
    the Python loop is only kh * kw long.
    """
    _check_pool_padding(k, p)
    h, w = x.shape[-2:]
    oh, ow = _out_hw(x.shape, k, s, p)
    xp = pad2d(x, p, -np.inf) if p != (0, 0) else x
    best = np.empty(x.shape[:2] + (oh, ow), dtype=x.dtype)
    arg = np.zeros(best.shape, dtype=np.intp)  # offset u * kw + v inside the window
    for j, view in _offset_slices(xp, k, s, oh, ow):
        if j == 0:
            best[...] = view
            continue
        better = view > best  # strict: an equal value later in the window does not win
        np.copyto(best, view, where=better)
        np.copyto(arg, j, where=better)
    rows = np.arange(oh)[:, None] * s[0] + arg // k[1] - p[0]
    cols = np.arange(ow)[None, :] * s[1] + arg % k[1] - p[1]
    return best, rows * w + cols


def max_pool2d_numpy(x: Any, kernel_size: IntPair, stride: IntPair | None = None,
                     padding: IntPair = 0) -> tuple[np.ndarray, np.ndarray]:
    r"""Max pooling on NumPy arrays, with the position of each maximum.

    .. math:: \text{out}[n, c, i, j] = \max_{u, v}\, x[n, c, i s_h + u, j s_w + v]

    Parameters
    ----------
    x : array_like, shape (N, C, H, W)
    kernel_size : int or (int, int)
    stride : int or (int, int), optional
        Defaults to ``kernel_size`` (windows side by side), as PyTorch.
    padding : int or (int, int)
        ``-inf`` around the image; at most half the kernel.

    Returns
    -------
    out : ndarray, shape (N, C, OH, OW)
    indices : int ndarray, shape (N, C, OH, OW)
        ``h * W + w``: where in its (H, W) plane each maximum sits; ties go to the first in
        reading order (``torch.nn.functional.max_pool2d(..., return_indices=True)``).
    """
    xa = _image_batch(x)
    k = _pair(kernel_size, "kernel_size", 1)
    s = k if stride is None else _pair(stride, "stride", 1)
    p = _pair(padding, "padding", 0)
    out, idx = _max_pool(xa, k, s, p)
    return out, idx.astype(np.int64)


def _scatter_max(g: np.ndarray, idx: np.ndarray, input_shape: tuple[int, ...]) -> np.ndarray:
    n, c, h, w = input_shape
    plane = (np.arange(n * c) * (h * w)).reshape(n, c, 1, 1)
    flat = np.bincount((idx + plane).ravel(), weights=g.ravel(), minlength=n * c * h * w)
    return flat.reshape(input_shape).astype(g.dtype, copy=False)


def max_pool2d_backward_numpy(grad_out: Any, indices: Any,
                              input_shape: tuple[int, int, int, int]) -> np.ndarray:
    r"""The gradient of max pooling: each output's gradient goes to its maximum's position.

    .. math:: \frac{\partial L}{\partial x[n, c, h, w]} =
              \sum_{(i, j) :\, \text{argmax}(i, j) = (h, w)} G[n, c, i, j]

    (a sum: with overlapping windows one input can be the maximum of several).

    Parameters
    ----------
    grad_out : array_like, shape (N, C, OH, OW)
    indices : int array_like, shape (N, C, OH, OW)
        From :func:`max_pool2d_numpy`.
    input_shape : (N, C, H, W)

    Raises
    ------
    ValueError
        If the shapes differ or an index is outside the (H, W) plane.
    """
    g = np.asarray(grad_out, dtype=float)
    idx = np.asarray(indices)
    shape = tuple(int(d) for d in input_shape)
    if len(shape) != 4 or g.ndim != 4 or idx.shape != g.shape or g.shape[:2] != shape[:2]:
        raise ValueError(f"grad_out {g.shape} and indices {idx.shape} must have the same shape "
                         f"(N, C, OH, OW) matching input_shape {shape}")
    if not np.issubdtype(idx.dtype, np.integer):
        raise ValueError(f"indices must be integers, got dtype {idx.dtype}")
    if idx.size and (idx.min() < 0 or idx.max() >= shape[2] * shape[3]):
        raise ValueError(f"indices must lie in [0, H * W) = [0, {shape[2] * shape[3]})")
    return _scatter_max(g, idx, shape)  # type: ignore[arg-type]


# -------------------------------------------------------------------------------------------
# Tensor operations (their own backward)

def _as_tensor(x: Any) -> Tensor:
    return x if isinstance(x, Tensor) else Tensor(x)


def conv2d(input: Any, weight: Any, bias: Any = None, stride: IntPair = 1,
           padding: IntPair = 0) -> Tensor:
    r"""2-D convolution of Tensors, as ``torch.nn.functional.conv2d`` (no dilation, groups).

    Forward by im2col and one matrix product; backward
    :math:`\partial L/\partial W = G^\top X_\text{col}`, :math:`\partial L/\partial b =
    \sum G`, :math:`\partial L/\partial x = \operatorname{col2im}(G W)`.

    Parameters
    ----------
    input : Tensor, shape (N, C_in, H, W)
    weight : Tensor, shape (C_out, C_in, kh, kw)
    bias : Tensor, shape (C_out,), optional
    stride, padding : int or (int, int)

    Returns
    -------
    Tensor, shape (N, C_out, OH, OW)
    """
    x, w = _as_tensor(input), _as_tensor(weight)
    b = None if bias is None else _as_tensor(bias)
    k, s, p = _conv_args(x.data, w.data, None if b is None else b.data, stride, padding)
    out, cols = _conv_forward(x.data, w.data, None if b is None else b.data, k, s, p)
    parents = (x, w) if b is None else (x, w, b)
    x_shape = x.shape

    def backward(g: np.ndarray) -> Grads:
        gx, gw, gb = _conv_backward(g, x_shape, w.data, cols, k, s, p,
                                    need_x=x.requires_grad, need_w=w.requires_grad)
        return (gx, gw) if b is None else (gx, gw, gb)

    return Tensor._make(np.ascontiguousarray(out), parents, backward, "conv2d")


def max_pool2d(input: Any, kernel_size: IntPair, stride: IntPair | None = None,
               padding: IntPair = 0) -> Tensor:
    """Max pooling of a Tensor, as ``torch.nn.functional.max_pool2d``; the gradient goes to
    the (first) maximum of each window, as PyTorch's."""
    x = _as_tensor(input)
    if x.ndim != 4:
        raise ValueError(f"max_pool2d: input must have shape (N, C, H, W), got {x.shape}")
    k = _pair(kernel_size, "kernel_size", 1)
    s = k if stride is None else _pair(stride, "stride", 1)
    p = _pair(padding, "padding", 0)
    out, idx = _max_pool(x.data, k, s, p)
    shape = x.shape

    def backward(g: np.ndarray) -> Grads:
        return (_scatter_max(g, idx, shape),)

    return Tensor._make(out, (x,), backward, "max_pool2d")


def avg_pool2d(input: Any, kernel_size: IntPair, stride: IntPair | None = None,
               padding: IntPair = 0, count_include_pad: bool = True) -> Tensor:
    r"""Average pooling of a Tensor, as ``torch.nn.functional.avg_pool2d``.

    Each output is the window's sum divided by :math:`k_h k_w` (or, with
    ``count_include_pad=False``, by the number of real pixels in the window); each input
    receives :math:`G / \text{divisor}` from every window it sits in.
    """
    x = _as_tensor(input)
    if x.ndim != 4:
        raise ValueError(f"avg_pool2d: input must have shape (N, C, H, W), got {x.shape}")
    k = _pair(kernel_size, "kernel_size", 1)
    s = k if stride is None else _pair(stride, "stride", 1)
    p = _pair(padding, "padding", 0)
    n, c, h, w = x.shape
    oh, ow = _out_hw(x.shape, k, s, p)
    _check_pool_padding(k, p)
    xp = pad2d(x.data, p) if p != (0, 0) else x.data
    total = np.zeros((n, c, oh, ow), dtype=x.dtype)
    for _, view in _offset_slices(xp, k, s, oh, ow):
        total += view
    if count_include_pad or p == (0, 0):
        divisor: np.ndarray | float = float(k[0] * k[1])
    else:  # the number of real pixels under each window
        ones = pad2d(np.ones((1, 1, h, w), dtype=x.dtype), p)
        divisor = np.zeros((1, 1, oh, ow), dtype=x.dtype)
        for _, view in _offset_slices(ones, k, s, oh, ow):
            divisor += view
    out = (total / divisor).astype(x.dtype, copy=False)

    def backward(g: np.ndarray) -> Grads:
        share = (g / divisor).astype(g.dtype, copy=False)  # (N, C, OH, OW)
        spread = np.broadcast_to(share[:, :, None, None], (n, c, k[0], k[1], oh, ow))
        dxp = np.zeros((n, c, h + 2 * p[0], w + 2 * p[1]), dtype=g.dtype)
        _col2im_into(dxp, spread, k, s)
        return (dxp[:, :, p[0]:p[0] + h, p[1]:p[1] + w],)

    return Tensor._make(out, (x,), backward, "avg_pool2d")


# -------------------------------------------------------------------------------------------
# layers

class Conv2d(Module):
    r"""A 2-D convolution layer, PyTorch's layout and initialisation.

    Parameters
    ----------
    in_channels, out_channels : int
    kernel_size, stride, padding : int or (int, int)
    bias : bool, default True
    dtype : numpy floating dtype, default float32
    rng : numpy Generator, int seed or None

    Attributes
    ----------
    weight : Parameter, shape (out_channels, in_channels, kh, kw)
    bias : Parameter, shape (out_channels,), or None

    Notes
    -----
    PyTorch draws both from :math:`U(-k, k)` with :math:`k = 1/\sqrt{C_\text{in} k_h k_w}`
    (``kaiming_uniform_(a=sqrt(5))`` works out to that bound); so does this layer, with
    another generator.
    """

    weight: Parameter
    bias: Parameter | None

    def __init__(self, in_channels: int, out_channels: int, kernel_size: IntPair,
                 stride: IntPair = 1, padding: IntPair = 0, bias: bool = True,
                 dtype: Any = np.float32, rng: np.random.Generator | int | None = None) -> None:
        super().__init__()
        self.in_channels = _int(in_channels, "in_channels", 1)
        self.out_channels = _int(out_channels, "out_channels", 1)
        self.kernel_size = _pair(kernel_size, "kernel_size", 1)
        self.stride = _pair(stride, "stride", 1)
        self.padding = _pair(padding, "padding", 0)
        gen = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)
        fan_in = self.in_channels * self.kernel_size[0] * self.kernel_size[1]
        bound = 1.0 / math.sqrt(fan_in)
        shape = (self.out_channels, self.in_channels) + self.kernel_size
        self.weight = Parameter(gen.uniform(-bound, bound, size=shape), dtype=dtype)
        self.bias = Parameter(gen.uniform(-bound, bound, size=self.out_channels), dtype=dtype) \
            if bias else None

    def forward(self, x: Tensor) -> Tensor:
        """``(N, C_in, H, W)`` to ``(N, C_out, OH, OW)``."""
        return conv2d(x, self.weight, self.bias, self.stride, self.padding)

    def extra_repr(self) -> str:
        return (f"{self.in_channels}, {self.out_channels}, kernel_size={self.kernel_size}, "
                f"stride={self.stride}, padding={self.padding}, bias={self.bias is not None}")


class MaxPool2d(Module):
    """Max pooling (``stride`` defaults to ``kernel_size``), as ``torch.nn.MaxPool2d``."""

    def __init__(self, kernel_size: IntPair, stride: IntPair | None = None,
                 padding: IntPair = 0) -> None:
        super().__init__()
        self.kernel_size = _pair(kernel_size, "kernel_size", 1)
        self.stride = self.kernel_size if stride is None else _pair(stride, "stride", 1)
        self.padding = _pair(padding, "padding", 0)

    def forward(self, x: Tensor) -> Tensor:
        return max_pool2d(x, self.kernel_size, self.stride, self.padding)

    def extra_repr(self) -> str:
        return f"kernel_size={self.kernel_size}, stride={self.stride}, padding={self.padding}"


class AvgPool2d(Module):
    """Average pooling (``stride`` defaults to ``kernel_size``), as ``torch.nn.AvgPool2d``."""

    def __init__(self, kernel_size: IntPair, stride: IntPair | None = None,
                 padding: IntPair = 0, count_include_pad: bool = True) -> None:
        super().__init__()
        self.kernel_size = _pair(kernel_size, "kernel_size", 1)
        self.stride = self.kernel_size if stride is None else _pair(stride, "stride", 1)
        self.padding = _pair(padding, "padding", 0)
        self.count_include_pad = bool(count_include_pad)

    def forward(self, x: Tensor) -> Tensor:
        return avg_pool2d(x, self.kernel_size, self.stride, self.padding,
                          self.count_include_pad)

    def extra_repr(self) -> str:
        return f"kernel_size={self.kernel_size}, stride={self.stride}, padding={self.padding}"
