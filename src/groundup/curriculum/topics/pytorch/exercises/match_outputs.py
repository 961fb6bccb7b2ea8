"""Exercise torch.match_outputs: a groundup MLP's weights, the same outputs in PyTorch.

Run `groundup lesson torch.training-loops` for the lesson, `groundup check torch.match_outputs`
to check.
"""

import numpy as np
import torch
from torch import nn


def torch_outputs(state: dict[str, np.ndarray], X: np.ndarray) -> np.ndarray:
    r"""Build the PyTorch twin of a groundup MLP from its state dict, and run it on ``X``.

    ``state`` is ``groundup.nn.Sequential(Linear, ReLU, Linear, ..., ReLU, Linear)
    .state_dict()``: the Linear layers sit at indices 0, 2, 4, ..., the ReLUs (which have no
    parameters) between them, so the keys are ``"0.weight"``, ``"0.bias"``, ``"2.weight"``,
    ``"2.bias"``, ... Layer :math:`l`'s weight has shape ``(out, in)``: that gives its sizes.

    Build the same ``nn.Sequential`` (same indices, so the same keys), load the weights as
    float32 tensors, and return its outputs for ``X`` as a NumPy float32 array (no gradients
    needed: ``torch.no_grad()``).

    Parameters
    ----------
    state : dict of str to np.ndarray
    X : np.ndarray, shape (n_samples, in_features)

    Returns
    -------
    np.ndarray, shape (n_samples, out_features), float32

    Raises
    ------
    ValueError
        If the keys are not ``0.weight, 0.bias, 2.weight, ...``, the layer sizes do not chain
        (a layer's ``in`` must be the previous layer's ``out``), or ``X`` is not
        ``(n_samples, in_features)``.

    Examples
    --------
    >>> state = {"0.weight": np.eye(2, dtype=np.float32), "0.bias": np.zeros(2, np.float32)}
    >>> torch_outputs(state, np.array([[1.0, -2.0]], dtype=np.float32)).tolist()
    [[1.0, -2.0]]
    """
    # TODO: read the layer sizes from the weights (in index order), check them and X, build
    #       nn.Sequential(Linear, ReLU, ..., Linear), load_state_dict, run under no_grad.
    raise NotImplementedError
