"""Exercise torch.convert_state_dict: NumPy weights into a torch model.

Run `groundup lesson torch.training-loops` for the lesson, `groundup check
torch.convert_state_dict` to check.
"""

from collections.abc import Mapping

import numpy as np
import torch
from torch import nn


def convert_state_dict(state: Mapping[str, np.ndarray], model: nn.Module) -> dict[str, torch.Tensor]:
    """Convert a NumPy state dict into tensors that fit ``model``, and load them into it.

    ``state`` uses PyTorch's names (``"0.weight"``, ``"0.bias"``, ``"2.weight"``, ...), as
    ``groundup.nn`` modules do, but holds NumPy arrays, maybe of another dtype (float64) than
    the model's parameters (float32). ``model.state_dict()`` says what the model expects:
    its names, and for each a tensor with the right shape and dtype.

    Steps: check that the keys are exactly the model's (ValueError naming the missing and
    unexpected keys) and that every shape matches (ValueError); convert each array to a
    tensor with the dtype of the model's tensor of the same name (a copy, not sharing memory
    with the array); ``model.load_state_dict(...)`` them; return them.

    Parameters
    ----------
    state : mapping of str to np.ndarray
    model : torch.nn.Module

    Returns
    -------
    dict of str to torch.Tensor
        The converted tensors, one per key of the model's state dict.

    Raises
    ------
    ValueError
        For missing or unexpected keys, or a shape that differs. (``load_state_dict`` would
        raise a RuntimeError: check before, and say what is wrong.)

    Examples
    --------
    >>> model = nn.Linear(2, 1)
    >>> out = convert_state_dict({"weight": np.array([[1.0, 2.0]]), "bias": np.zeros(1)},
    ...                          model)
    >>> out["weight"].dtype, model.weight.tolist()
    (torch.float32, [[1.0, 2.0]])
    """
    # TODO: compare keys and shapes with model.state_dict(), convert with the model's dtypes,
    #       load_state_dict, return the converted dict.
    raise NotImplementedError
