"""Save and load weights as ``.npz`` files: :func:`save` and :func:`load`, as ``torch.save``
and ``torch.load`` on a ``state_dict``.

A ``.npz`` file is a zip archive of ``.npy`` arrays, one per key, readable by NumPy alone.
Nothing is pickled, so loading a file can never run code (``allow_pickle=False``); the keys
keep their order (PyTorch's names, ``"0.weight"``, ...), so a loaded dictionary goes straight
into :meth:`Module.load_state_dict` -- ours or, through
:func:`groundup.nn.torch_bridge.to_torch_state_dict`, PyTorch's.

Examples
--------
>>> import tempfile, os
>>> from groundup.nn import Linear
>>> path = os.path.join(tempfile.mkdtemp(), "linear.npz")
>>> save(Linear(3, 2, rng=0), path)
>>> state = load(path)
>>> list(state), state["weight"].shape
(['weight', 'bias'], (2, 3))
"""

from __future__ import annotations

import os
import zipfile
from collections import OrderedDict
from collections.abc import Mapping
from typing import Any

import numpy as np

from groundup.nn.modules import Module
from groundup.nn.tensor import Tensor

__all__ = ["load", "save"]

PathLike = str | os.PathLike[str]


def _as_array(key: str, value: Any) -> np.ndarray:
    if isinstance(value, Tensor):
        return value.data
    if hasattr(value, "detach") and hasattr(value, "numpy"):  # a torch.Tensor
        return np.asarray(value.detach().cpu().numpy())
    arr = np.asarray(value)
    if arr.dtype.kind not in "biufc":
        raise TypeError(f"save: {key!r} holds {arr.dtype} values; only numeric arrays can be "
                        "saved")
    return arr


def save(obj: Module | Mapping[str, Any], path: PathLike) -> None:
    """Write a module's ``state_dict`` (or any ``{name: array}`` mapping) to ``path``.

    Parameters
    ----------
    obj : Module or mapping of str to array-like
        A Module is saved as ``obj.state_dict()``.
    path : str or path-like
        Written exactly there (no ``.npz`` is appended), replacing any file.

    Raises
    ------
    TypeError
        If ``obj`` is neither, a key is not a string or a value is not numeric.
    ValueError
        If the mapping is empty.
    """
    state = obj.state_dict() if isinstance(obj, Module) else obj
    if not isinstance(state, Mapping):
        raise TypeError(f"save takes a Module or a mapping of arrays, got {type(obj).__name__}")
    if not state:
        raise ValueError("save: nothing to save (the state dict is empty)")
    arrays: dict[str, np.ndarray] = {}
    for key, value in state.items():
        if not isinstance(key, str) or not key:
            raise TypeError(f"save: keys must be non-empty strings, got {key!r}")
        arrays[key] = _as_array(key, value)
    with open(path, "wb") as fh:
        np.savez(fh, **arrays)  # type: ignore[arg-type]


def load(path: PathLike) -> OrderedDict[str, np.ndarray]:
    """Read a file written by :func:`save`: ``{name: array}`` in the order it was saved.

    Raises
    ------
    FileNotFoundError
        If there is no file at ``path``.
    ValueError
        If the file is not an ``.npz`` archive of numeric arrays (corrupt, truncated, or it
        holds pickled objects, which are never loaded).
    """
    if not os.path.exists(path):
        raise FileNotFoundError(f"no weights file at {os.fspath(path)!r}")
    try:
        archive = np.load(path, allow_pickle=False)
        if not isinstance(archive, np.lib.npyio.NpzFile):
            raise ValueError("it holds a single .npy array, not a dictionary of arrays")
        with archive:
            return OrderedDict((key, archive[key]) for key in archive.files)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, KeyError) as err:
        raise ValueError(f"could not read weights from {os.fspath(path)!r}: not a valid .npz "
                         f"file written by groundup.nn.save ({err})") from None
