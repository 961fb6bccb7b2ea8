"""The comparison helpers of the reference tests for ``groundup.nn``.

:func:`compare_with_torch` runs the same function on groundup and PyTorch tensors built from
the same arrays and checks, in this order and saying which step broke: the output's shape,
dtype and values (the forward pass), then every input's gradient (the backward pass) for the
same random upstream gradient.

:func:`check_gradients_fd` needs no PyTorch: it checks the engine's gradients against
central differences. PyTorch is imported only inside :func:`compare_with_torch`, which skips
the test where it is not installed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pytest

from groundup.nn import Tensor, no_grad

TOLERANCES = {np.dtype(np.float64): (1e-7, 1e-10), np.dtype(np.float32): (1e-4, 1e-5)}


def _is_float(a: np.ndarray) -> bool:
    return np.issubdtype(a.dtype, np.floating)


def _upstream(shape: tuple[int, ...], dtype: Any, seed: int) -> np.ndarray:
    """The same random dL/d(out) for both engines: L = sum(out * w)."""
    return np.random.default_rng(seed + 1).normal(size=shape).astype(dtype)


def _assert_close(actual: np.ndarray, expected: np.ndarray, what: str, rtol: float,
                  atol: float) -> None:
    assert actual.shape == expected.shape, \
        f"{what}: shape {actual.shape}, expected {expected.shape}"
    np.testing.assert_allclose(actual, expected, rtol=rtol, atol=atol, equal_nan=True,
                               err_msg=what)


def compare_with_torch(fn_ours: Callable[..., Tensor], fn_torch: Callable[..., Any],
                       *arrays: Any, dtype: Any = np.float64, rtol: float | None = None,
                       atol: float | None = None, seed: int = 0, grad: bool = True,
                       name: str = "") -> tuple[Tensor, Any]:
    """Run ``fn_ours`` on groundup Tensors and ``fn_torch`` on torch tensors; compare.

    Parameters
    ----------
    fn_ours, fn_torch : callables
        The same computation written for each library, taking one argument per array.
    *arrays : array-like
        The inputs. Floating arrays are cast to ``dtype`` and become leaves with
        ``requires_grad=True`` in both libraries; integer and boolean arrays (indices, masks,
        class targets) are passed as constants (NumPy arrays to groundup, int64 or bool
        tensors to torch).
    dtype : numpy floating dtype
    rtol, atol : float, optional
        Default by dtype (:data:`TOLERANCES`).
    seed : int
        Seeds the upstream gradient ``w``: both sides backpropagate ``(out * w).sum()``.
    grad : bool
        Also compare the gradients of every floating input.
    name : str
        Names the case in failure messages.

    Returns
    -------
    (Tensor, torch.Tensor)
        Both outputs, for further checks.
    """
    torch = pytest.importorskip("torch")
    d_rtol, d_atol = TOLERANCES[np.dtype(dtype)]
    rtol = d_rtol if rtol is None else rtol
    atol = d_atol if atol is None else atol
    tag = f"[{name}] " if name else ""

    ours_in: list[Any] = []
    torch_in: list[Any] = []
    leaves: list[tuple[int, Tensor, Any]] = []
    for i, a in enumerate(arrays):
        a = np.asarray(a)
        if _is_float(a):
            a = a.astype(dtype)
            t_ours = Tensor(a, requires_grad=grad)
            t_torch = torch.tensor(a, requires_grad=grad)
            leaves.append((i, t_ours, t_torch))
            ours_in.append(t_ours)
            torch_in.append(t_torch)
        else:
            ours_in.append(a)
            torch_in.append(torch.from_numpy(a if a.dtype == bool else a.astype(np.int64)))

    out = fn_ours(*ours_in)
    ref = fn_torch(*torch_in)
    assert isinstance(out, Tensor), f"{tag}forward: returned {type(out).__name__}, not a Tensor"
    assert out.shape == tuple(ref.shape), \
        f"{tag}forward: shape {out.shape}, torch gives {tuple(ref.shape)}"
    assert f"torch.{out.dtype}" == str(ref.dtype), \
        f"{tag}forward: dtype {out.dtype}, torch gives {ref.dtype}"
    _assert_close(out.data, ref.detach().numpy(), f"{tag}forward values", rtol, atol)
    if not grad:
        return out, ref

    w = _upstream(out.shape, dtype, seed)
    (out * Tensor(w)).sum().backward()
    (ref * torch.from_numpy(w)).sum().backward()
    for i, t_ours, t_torch in leaves:
        g_ref = np.zeros_like(t_ours.data) if t_torch.grad is None else t_torch.grad.numpy()
        g = np.zeros_like(t_ours.data) if t_ours.grad is None else t_ours.grad
        assert g.dtype == g_ref.dtype, \
            f"{tag}backward: gradient of input {i} has dtype {g.dtype}, torch's {g_ref.dtype}"
        _assert_close(g, g_ref, f"{tag}backward: gradient of input {i}", rtol, atol)
    return out, ref


def check_gradients_fd(fn: Callable[..., Tensor], *arrays: Any, h: float = 1e-6,
                       rtol: float = 1e-5, atol: float = 1e-7, seed: int = 0,
                       name: str = "") -> None:
    r"""Check the engine's gradients of ``fn`` against central differences (float64).

    With :math:`L(x) = \sum \text{fn}(x) \odot w` for a random ``w``, every element of every
    floating input is nudged by :math:`\pm h`:

    .. math:: \frac{\partial L}{\partial x_j} \approx \frac{L(x + h e_j) - L(x - h e_j)}{2h}

    Integer and boolean arrays are passed through as constants.
    """
    tag = f"[{name}] " if name else ""
    inputs = [np.asarray(a) for a in arrays]
    inputs = [a.astype(np.float64) if _is_float(a) else a for a in inputs]
    leaves = [Tensor(a, requires_grad=True) if _is_float(a) else a for a in inputs]
    out = fn(*leaves)
    w = _upstream(out.shape, np.float64, seed)
    (out * Tensor(w)).sum().backward()

    def loss(values: Sequence[Any]) -> float:
        with no_grad():
            args = [Tensor(v) if _is_float(v) else v for v in values]
            return float((fn(*args).data * w).sum())

    for i, a in enumerate(inputs):
        if not _is_float(a):
            continue
        leaf = leaves[i]
        assert isinstance(leaf, Tensor)
        analytic = np.zeros_like(a) if leaf.grad is None else leaf.grad
        numeric = np.zeros_like(a)
        for j in np.ndindex(a.shape):
            up, down = [v.copy() for v in inputs], [v.copy() for v in inputs]
            up[i][j] += h
            down[i][j] -= h
            numeric[j] = (loss(up) - loss(down)) / (2 * h)
        _assert_close(analytic, numeric, f"{tag}gradient of input {i} vs central differences",
                      rtol, atol)



def compare_module_with_torch(ours: Any, theirs: Any, x: Any, *, rtol: float = 1e-7,
                              atol: float = 1e-10, seed: int = 0, name: str = "") -> None:
    """Load ``theirs``'s weights into ``ours`` (a groundup Module) and compare as above.

    Both modules must have the same ``state_dict`` keys (PyTorch's names) and float64
    parameters. Checks the keys and shapes, then :func:`compare_with_torch` on the input
    ``x``, and then each parameter's gradient, named.
    """
    pytest.importorskip("torch")
    tag = f"[{name}] " if name else ""
    ref_state = {k: v.detach().numpy() for k, v in theirs.state_dict().items()}
    assert list(ours.state_dict()) == list(ref_state), \
        f"{tag}state_dict keys {list(ours.state_dict())}, torch has {list(ref_state)}"
    ours.load_state_dict(ref_state)
    for mod in (ours, theirs):
        for p in mod.parameters():
            p.grad = None
    compare_with_torch(ours, theirs, np.asarray(x, dtype=np.float64), rtol=rtol, atol=atol,
                       seed=seed, name=name)
    ref_params = dict(theirs.named_parameters())
    for pname, p in ours.named_parameters():
        g_ref = ref_params[pname].grad
        assert (p.grad is None) == (g_ref is None), f"{tag}gradient of {pname}: one is None"
        if p.grad is not None:
            _assert_close(p.grad, g_ref.numpy(), f"{tag}backward: gradient of {pname}", rtol,
                          atol)
