"""Checks for the CNN exercises: the learner's NumPy code against PyTorch.

Expected values come from ``torch.nn.functional`` (``conv2d``, ``unfold``, ``max_pool2d``
with ``return_indices``) and ``torch.autograd`` for the gradients, in float64. Where PyTorch
is not installed they come from plain NumPy written here, independently of
:mod:`groundup.nn.conv`: a window-by-window loop for the convolution and its gradients,
``sliding_window_view`` for the windows, ``np.pad``, ``scipy.signal.correlate2d``.
"""

from __future__ import annotations

import importlib.util
from typing import Any

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from groundup.grading.spec import Case, Check, close_to, raises


def _rng(seed: int) -> np.random.Generator:
    return np.random.default_rng(seed)


def _has_torch() -> bool:
    return importlib.util.find_spec("torch") is not None


def _pair(v: Any) -> tuple[int, int]:
    return (int(v[0]), int(v[1])) if isinstance(v, (tuple, list)) else (int(v), int(v))


def _np_pad(x: np.ndarray, p: tuple[int, int], value: float = 0.0) -> np.ndarray:
    return np.pad(x, ((0, 0), (0, 0), (p[0], p[0]), (p[1], p[1])), constant_values=value)


def _np_windows(x: np.ndarray, k: tuple[int, int], s: tuple[int, int], p: tuple[int, int],
                value: float = 0.0) -> np.ndarray:
    """(N, C, OH, OW, kh, kw) windows of the padded batch."""
    return sliding_window_view(_np_pad(x, p, value), k, axis=(2, 3))[:, :, ::s[0], ::s[1]]


# -------------------------------------------------------------------------------------------
# references (torch when installed, NumPy otherwise)

def _ref_output_size(n: int, kernel_size: int, stride: int = 1, padding: int = 0) -> int:
    return int(sliding_window_view(np.zeros(n + 2 * padding), kernel_size)[::stride].shape[0])


def _ref_pad(x: Any, padding: Any) -> np.ndarray:
    arr = np.asarray(x, dtype=float)
    ph, pw = _pair(padding)
    return np.pad(arr, [(0, 0)] * (arr.ndim - 2) + [(ph, ph), (pw, pw)])


def _ref_correlate2d(image: Any, kernel: Any) -> np.ndarray:
    from scipy.signal import correlate2d

    return correlate2d(np.asarray(image, dtype=float), np.asarray(kernel, dtype=float),
                       mode="valid")


def _ref_conv2d(x: Any, weight: Any, bias: Any = None, stride: Any = 1,
                padding: Any = 0) -> np.ndarray:
    x, w = np.asarray(x, dtype=float), np.asarray(weight, dtype=float)
    if _has_torch():
        import torch

        b = None if bias is None else torch.tensor(np.asarray(bias, dtype=float))
        return torch.nn.functional.conv2d(torch.tensor(x), torch.tensor(w), b, stride,
                                          padding).numpy()
    win = _np_windows(x, w.shape[2:], _pair(stride), _pair(padding))
    out = np.einsum("ncijuv,ocuv->noij", win, w)
    return out if bias is None else out + np.asarray(bias, dtype=float)[:, None, None]


def _ref_im2col(x: Any, kernel_size: Any, stride: Any = 1, padding: Any = 0) -> np.ndarray:
    x = np.asarray(x, dtype=float)
    if _has_torch():
        import torch

        return torch.nn.functional.unfold(torch.tensor(x), kernel_size, padding=padding,
                                          stride=stride).numpy()
    k = _pair(kernel_size)
    win = _np_windows(x, k, _pair(stride), _pair(padding))  # (N, C, OH, OW, kh, kw)
    n, c, oh, ow = win.shape[:4]
    return win.transpose(0, 1, 4, 5, 2, 3).reshape(n, c * k[0] * k[1], oh * ow)


def _ref_max_pool(x: Any, kernel_size: Any, stride: Any = None) -> tuple[np.ndarray, np.ndarray]:
    x = np.asarray(x, dtype=float)
    if _has_torch():
        import torch

        out, idx = torch.nn.functional.max_pool2d(torch.tensor(x), kernel_size, stride,
                                                  return_indices=True)
        return out.numpy(), idx.numpy()
    k = _pair(kernel_size)
    s = k if stride is None else _pair(stride)
    win = _np_windows(x, k, s, (0, 0))
    flat = win.reshape(win.shape[:4] + (-1,))
    a = flat.argmax(axis=-1)
    oh, ow = a.shape[2:]
    rows = np.arange(oh)[:, None] * s[0] + a // k[1]
    cols = np.arange(ow)[None, :] * s[1] + a % k[1]
    return flat.max(axis=-1), rows * x.shape[3] + cols


def _ref_max_pool_backward(grad_out: Any, indices: Any, input_shape: Any) -> np.ndarray:
    g, idx = np.asarray(grad_out, dtype=float), np.asarray(indices)
    n, c, h, w = input_shape
    dx = np.zeros((n, c, h * w))
    nn, cc = np.meshgrid(np.arange(n), np.arange(c), indexing="ij")
    np.add.at(dx, (nn[..., None, None], cc[..., None, None], idx), g)
    return dx.reshape(n, c, h, w)


def _ref_conv_backward(x: Any, weight: Any, grad_out: Any, stride: Any = 1,
                       padding: Any = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    x, w, g = (np.asarray(a, dtype=float) for a in (x, weight, grad_out))
    if _has_torch():
        import torch

        xt = torch.tensor(x, requires_grad=True)
        wt = torch.tensor(w, requires_grad=True)
        bt = torch.zeros(w.shape[0], dtype=torch.float64, requires_grad=True)
        torch.nn.functional.conv2d(xt, wt, bt, stride, padding).backward(torch.tensor(g))
        return xt.grad.numpy(), wt.grad.numpy(), bt.grad.numpy()  # type: ignore[union-attr]
    s, p = _pair(stride), _pair(padding)
    kh, kw = w.shape[2:]
    xp = _np_pad(x, p)
    gxp, gw = np.zeros_like(xp), np.zeros_like(w)
    for i in range(g.shape[2]):  # every output position: its window's share of the gradient
        for j in range(g.shape[3]):
            hs, ws = i * s[0], j * s[1]
            patch = xp[:, :, hs:hs + kh, ws:ws + kw]
            gw += np.einsum("no,ncuv->ocuv", g[:, :, i, j], patch)
            gxp[:, :, hs:hs + kh, ws:ws + kw] += np.einsum("no,ocuv->ncuv", g[:, :, i, j], w)
    gx = gxp[:, :, p[0]:p[0] + x.shape[2], p[1]:p[1] + x.shape[3]]
    return gx, gw, g.sum(axis=(0, 2, 3))


# -------------------------------------------------------------------------------------------
# checks

def output_size() -> list[Check]:
    rng = _rng(0)
    hidden = [Case(int(n), int(k), int(s), int(p))
              for n, k, s, p in zip(rng.integers(5, 60, 12), rng.integers(1, 6, 12),
                                    rng.integers(1, 4, 12), rng.integers(0, 3, 12), strict=True)]
    return [
        Check("no padding, stride 1", [Case(28, 5), Case(8, 3), Case(5, 5)],
              expect=close_to(_ref_output_size),
              hint="A window of k cells fits n - k + 1 times along an axis of n cells."),
        Check("padding", [Case(28, 3, padding=1), Case(8, 5, padding=2), Case(1, 3, padding=1)],
              expect=close_to(_ref_output_size),
              hint="Padding p adds p cells on *both* sides: the axis becomes n + 2p long."),
        Check("stride", [Case(7, 3, stride=2), Case(8, 3, stride=2), Case(10, 4, 3, 2),
                         Case(32, 2, stride=2)],
              expect=close_to(_ref_output_size),
              hint="With stride s the window jumps s cells: floor((n + 2p - k) / s) + 1 "
                   "positions (integer division //)."),
        Check("invalid sizes",
              [Case(4, 6), Case(4, 3, stride=0), Case(4, 3, padding=-1), Case(0, 1),
               Case(5, 0)],
              expect=raises(ValueError),
              hint="Raise ValueError when the window is larger than the padded axis, when "
                   "stride, n or kernel_size is below 1, or padding is negative."),
        Check("random sizes", hidden, expect=close_to(_ref_output_size, hidden=True),
              hidden=True, hint="floor((n + 2 * padding - kernel_size) / stride) + 1."),
    ]


def conv2d_naive() -> list[Check]:
    rng = _rng(1)
    img = np.arange(25.0).reshape(5, 5)
    return [
        Check("one channel: a 3x3 kernel on a 5x5 image",
              [Case(img, np.array([[1.0, 0, -1], [2, 0, -2], [1, 0, -1]])),
               Case(rng.normal(size=(6, 7)), rng.normal(size=(2, 3)))],
              expect=close_to(_ref_correlate2d), function="correlate2d",
              hint="out[i, j] = sum over u, v of kernel[u, v] * image[i + u, j + v]: slide, "
                   "multiply element-wise, add up. Deep learning does not flip the kernel."),
        Check("one channel: kernel as large as the image, and 1x1",
              [Case(rng.normal(size=(3, 4)), rng.normal(size=(3, 4))),
               Case(rng.normal(size=(3, 4)), np.array([[2.0]]))],
              expect=close_to(_ref_correlate2d), function="correlate2d",
              hint="The output has (H - kh + 1) x (W - kw + 1) entries."),
        Check("one channel: kernel larger than the image", [Case(np.ones((2, 2)), np.ones((3, 3)))],
              expect=raises(ValueError), function="correlate2d",
              hint="Raise ValueError when the kernel does not fit."),
        Check("many channels and filters",
              [Case(rng.normal(size=(2, 3, 6, 6)), rng.normal(size=(4, 3, 3, 3)),
                    rng.normal(size=4)),
               Case(rng.normal(size=(1, 2, 5, 7)), rng.normal(size=(3, 2, 2, 3)))],
              expect=close_to(_ref_conv2d), function="conv2d_naive",
              hint="out[n, o, i, j] = bias[o] + sum over c, u, v of weight[o, c, u, v] * "
                   "x[n, c, i + u, j + v]: sum over the input channels too."),
        Check("stride and padding",
              [Case(rng.normal(size=(2, 2, 7, 7)), rng.normal(size=(3, 2, 3, 3)),
                    rng.normal(size=3), stride=2, padding=1),
               Case(rng.normal(size=(1, 1, 6, 5)), rng.normal(size=(2, 1, 3, 2)), None,
                    stride=(2, 1), padding=(1, 2))],
              expect=close_to(_ref_conv2d), function="conv2d_naive",
              hint="Pad with zeros first (np.pad), then the window of output (i, j) starts at "
                   "row i * stride, column j * stride of the padded image."),
        Check("channels that do not match", [Case(np.ones((1, 2, 5, 5)), np.ones((3, 1, 3, 3)))],
              expect=raises(ValueError), function="conv2d_naive",
              hint="weight.shape[1] must equal x.shape[1]: raise ValueError otherwise."),
        Check("random batches", [Case(rng.normal(size=(3, 3, 8, 6)), rng.normal(size=(5, 3, 3, 3)),
                                      rng.normal(size=5), stride=1, padding=1)],
              expect=close_to(_ref_conv2d, hidden=True), function="conv2d_naive", hidden=True,
              hint="Check the bias (one per output channel) and the padding on both sides."),
    ]


def pad() -> list[Check]:
    rng = _rng(2)
    return [
        Check("one image, the same padding on both axes",
              [Case(np.arange(6.0).reshape(2, 3), 1), Case(rng.normal(size=(3, 3)), 2)],
              expect=close_to(_ref_pad),
              hint="Make an array of zeros (H + 2p, W + 2p) and copy x into its middle."),
        Check("a batch of images, (p_h, p_w)",
              [Case(rng.normal(size=(2, 3, 4, 5)), (1, 2)), Case(rng.normal(size=(1, 1, 2, 2)),
                                                                  (0, 3))],
              expect=close_to(_ref_pad),
              hint="Only the last two axes grow; `x[..., ph:ph + H, pw:pw + W]` selects the "
                   "middle whatever comes before."),
        Check("no padding", [Case(rng.normal(size=(2, 4, 4)), 0)], expect=close_to(_ref_pad),
              hint="Padding 0 returns a copy of x."),
        Check("invalid input", [Case(np.ones((3, 3)), -1), Case(np.ones(4), 1),
                                Case(np.ones((3, 3)), (1, -2))],
              expect=raises(ValueError),
              hint="Raise ValueError for a negative padding or fewer than 2 axes."),
        Check("random batches", [Case(rng.normal(size=(2, 2, 5, 3)), (2, 1))],
              expect=close_to(_ref_pad, hidden=True), hidden=True,
              hint="Rows are padded by p_h above and below, columns by p_w left and right."),
    ]


def im2col() -> list[Check]:
    rng = _rng(3)
    return [
        Check("one channel, 2x2 windows", [Case(np.arange(9.0).reshape(1, 1, 3, 3), 2)],
              expect=close_to(_ref_im2col),
              hint="Each window becomes one column: 4 windows of 4 numbers give a (1, 4, 4) "
                   "result. Column l = i * OW + j is the window at output position (i, j)."),
        Check("several channels: rows ordered channel, kernel row, kernel column",
              [Case(rng.normal(size=(2, 3, 5, 4)), 3), Case(rng.normal(size=(1, 2, 4, 4)),
                                                             (2, 3))],
              expect=close_to(_ref_im2col),
              hint="Row c * kh * kw + u * kw + v holds x[n, c, i + u, j + v] "
                   "(torch.nn.functional.unfold's order): channel first."),
        Check("stride and padding",
              [Case(rng.normal(size=(2, 2, 6, 7)), 3, stride=2, padding=1),
               Case(rng.normal(size=(1, 1, 5, 5)), (2, 2), stride=(1, 2), padding=(0, 1))],
              expect=close_to(_ref_im2col),
              hint="Pad first; the window of output (i, j) starts at (i * s_h, j * s_w)."),
        Check("window larger than the image", [Case(np.ones((1, 1, 2, 2)), 3)],
              expect=raises(ValueError), hint="Raise ValueError when the window does not fit."),
        Check("random batches", [Case(rng.normal(size=(3, 4, 6, 6)), 3, stride=1, padding=1)],
              expect=close_to(_ref_im2col, hidden=True), hidden=True,
              hint="Compare your row order with unfold's: channel, then kernel row, then kernel "
                   "column."),
    ]


def conv2d_im2col() -> list[Check]:
    rng = _rng(4)
    return [
        Check("many channels and filters",
              [Case(rng.normal(size=(2, 3, 6, 6)), rng.normal(size=(4, 3, 3, 3)),
                    rng.normal(size=4)),
               Case(rng.normal(size=(1, 2, 5, 7)), rng.normal(size=(3, 2, 2, 3)))],
              expect=close_to(_ref_conv2d),
              hint="Windows as columns (sliding_window_view, then reshape to "
                   "(N, C * kh * kw, L)), filters as rows (weight.reshape(C_out, -1)), one "
                   "matrix product, reshape to (N, C_out, OH, OW)."),
        Check("stride and padding",
              [Case(rng.normal(size=(2, 2, 7, 7)), rng.normal(size=(3, 2, 3, 3)),
                    rng.normal(size=3), stride=2, padding=1),
               Case(rng.normal(size=(1, 1, 6, 5)), rng.normal(size=(2, 1, 3, 2)), None,
                    stride=(2, 1), padding=(1, 2))],
              expect=close_to(_ref_conv2d),
              hint="Take every s-th window: windows[:, :, ::s_h, ::s_w] after padding."),
        Check("1x1 convolution and kernel as large as the image",
              [Case(rng.normal(size=(2, 4, 3, 3)), rng.normal(size=(5, 4, 1, 1))),
               Case(rng.normal(size=(2, 2, 4, 4)), rng.normal(size=(3, 2, 4, 4)),
                    rng.normal(size=3))],
              expect=close_to(_ref_conv2d),
              hint="A 1x1 convolution mixes channels at every pixel; a full-size kernel gives "
                   "a 1x1 output."),
        Check("channels that do not match", [Case(np.ones((1, 2, 5, 5)), np.ones((3, 1, 3, 3)))],
              expect=raises(ValueError),
              hint="weight.shape[1] must equal x.shape[1]: raise ValueError otherwise."),
        Check("random batches", [Case(rng.normal(size=(4, 3, 8, 8)), rng.normal(size=(6, 3, 3, 3)),
                                      rng.normal(size=6), stride=1, padding=1)],
              expect=close_to(_ref_conv2d, rtol=1e-6, atol=1e-8, hidden=True), hidden=True,
              hint="Check how you reshape the product back: (N, C_out, OH, OW), and the bias "
                   "per output channel."),
    ]


def max_pool() -> list[Check]:
    rng = _rng(5)
    ties = rng.integers(0, 3, size=(2, 2, 6, 6)).astype(float)
    return [
        Check("2x2 windows side by side", [Case(np.arange(16.0).reshape(1, 1, 4, 4) % 7, 2),
                                           Case(rng.normal(size=(2, 3, 6, 4)), 2)],
              expect=close_to(_ref_max_pool),
              hint="Return (out, indices). The stride defaults to the kernel size; the index of "
                   "a maximum is h * W + w in its (H, W) plane, as torch's return_indices."),
        Check("overlapping windows and non-square kernels",
              [Case(rng.normal(size=(1, 2, 7, 7)), 3, 2), Case(rng.normal(size=(2, 1, 5, 8)),
                                                                 (2, 3), (1, 2))],
              expect=close_to(_ref_max_pool),
              hint="The window of output (i, j) starts at (i * s_h, j * s_w); the maximum at "
                   "offset (u, v) inside it sits at row i * s_h + u, column j * s_w + v."),
        Check("odd sizes drop the last row and column", [Case(rng.normal(size=(1, 1, 5, 5)), 2)],
              expect=close_to(_ref_max_pool),
              hint="Output size floor((H - k) / s) + 1: a leftover row is ignored."),
        Check("ties go to the first maximum in reading order", [Case(ties, 2), Case(ties, 3, 1)],
              expect=close_to(_ref_max_pool),
              hint="np.argmax returns the first maximum: flatten each window row by row."),
        Check("invalid input", [Case(np.ones((1, 1, 2, 2)), 3), Case(np.ones((4, 4)), 2)],
              expect=raises(ValueError),
              hint="Raise ValueError for a window larger than the image or x that is not 4-D."),
        Check("random batches", [Case(rng.normal(size=(3, 4, 8, 9)), 3, 2)],
              expect=close_to(_ref_max_pool, hidden=True), hidden=True,
              hint="Indices count in the unpadded (H, W) plane of each image and channel."),
    ]


def _pool_case(rng: np.random.Generator, shape: tuple[int, ...], k: Any, s: Any = None,
               integers: bool = False) -> Case:
    x = rng.integers(0, 3, size=shape).astype(float) if integers else rng.normal(size=shape)
    _, idx = _ref_max_pool(x, k, s)
    return Case(rng.normal(size=idx.shape), idx, shape)


def max_pool_backward() -> list[Check]:
    rng = _rng(6)
    return [
        Check("windows side by side", [_pool_case(rng, (2, 3, 4, 4), 2),
                                       _pool_case(rng, (1, 2, 5, 6), 2)],
              expect=close_to(_ref_max_pool_backward),
              hint="Each output's gradient goes to the input position of its maximum; every "
                   "other input gets 0."),
        Check("overlapping windows: one input can win several",
              [_pool_case(rng, (1, 1, 5, 5), 3, 1), _pool_case(rng, (2, 2, 6, 6), 3, 1, True),
               _pool_case(rng, (1, 2, 7, 7), 3, 2, True)],
              expect=close_to(_ref_max_pool_backward),
              hint="Add, do not overwrite: np.add.at(dx, index, g) sums the gradients that go "
                   "to the same input (dx[index] = g keeps only the last)."),
        Check("shapes that do not match",
              [Case(np.ones((1, 1, 2, 2)), np.zeros((1, 1, 3, 3), dtype=int), (1, 1, 4, 4)),
               Case(np.ones((1, 1, 2, 2)), np.full((1, 1, 2, 2), 16), (1, 1, 4, 4))],
              expect=raises(ValueError),
              hint="Raise ValueError when grad_out and indices differ in shape or an index is "
                   "outside [0, H * W)."),
        Check("random batches", [_pool_case(rng, (3, 4, 8, 8), 3, 2)],
              expect=close_to(_ref_max_pool_backward, hidden=True), hidden=True,
              hint="Work per (image, channel) plane: flatten it to H * W and add at the indices."),
    ]


def conv_backward() -> list[Check]:
    rng = _rng(7)

    def case(xs: tuple[int, ...], ws: tuple[int, ...], stride: Any = 1, padding: Any = 0) -> Case:
        x, w = rng.normal(size=xs), rng.normal(size=ws)
        g = rng.normal(size=_ref_conv2d(x, w, None, stride, padding).shape)
        return Case(x, w, g, stride=stride, padding=padding)

    return [
        Check("stride 1, no padding", [case((2, 3, 5, 5), (4, 3, 3, 3)),
                                       case((1, 1, 4, 6), (2, 1, 2, 3))],
              expect=close_to(_ref_conv_backward),
              hint="Return (grad_x, grad_weight, grad_bias). grad_bias[o] sums grad_out[:, o]; "
                   "grad_weight = sum over images of grad_out (C_out, L) @ cols^T (L, C kh kw)."),
        Check("stride and padding", [case((2, 2, 7, 7), (3, 2, 3, 3), 2, 1),
                                     case((1, 2, 6, 5), (2, 2, 3, 2), (2, 1), (1, 0))],
              expect=close_to(_ref_conv_backward),
              hint="grad_x: W^T @ grad_out gives the columns' gradient; add each column back "
                   "where its window came from (col2im), then cut the padding off."),
        Check("overlapping windows share pixels", [case((1, 1, 4, 4), (1, 1, 3, 3))],
              expect=close_to(_ref_conv_backward),
              hint="A pixel inside several windows receives the sum of their gradients: add "
                   "(+=), never assign."),
        Check("grad_out of the wrong shape",
              [Case(np.ones((1, 1, 4, 4)), np.ones((1, 1, 3, 3)), np.ones((1, 1, 3, 3)))],
              expect=raises(ValueError),
              hint="grad_out must have the output's shape (N, C_out, OH, OW)."),
        Check("random batches", [case((3, 3, 6, 6), (4, 3, 3, 3), 1, 1)],
              expect=close_to(_ref_conv_backward, rtol=1e-6, atol=1e-8, hidden=True),
              hidden=True,
              hint="Sum grad_weight over every image of the batch, not just the first."),
    ]
