"""``groundup.nn``: a NumPy tensor autograd engine shaped like PyTorch (phase 4).

>>> from groundup.nn import Tensor, no_grad
>>> import groundup.nn.functional as F
>>> from groundup.nn import Linear, Sequential, ReLU
"""

import importlib
from typing import Any

from groundup.nn import functional
from groundup.nn.modules import (
    GELU,
    Dropout,
    Flatten,
    Linear,
    Module,
    Parameter,
    ReLU,
    Sequential,
    Sigmoid,
    Tanh,
)
from groundup.nn.tensor import Tensor, concat, is_grad_enabled, matmul, no_grad, stack

# Layers in their own modules, imported on first use (as torch.nn exposes them all at the top).
_LAZY = {
    "Conv2d": "conv", "MaxPool2d": "conv", "AvgPool2d": "conv",
    "BatchNorm1d": "normalization", "BatchNorm2d": "normalization", "LayerNorm": "normalization",
    "Embedding": "embedding",
    "RNN": "rnn", "LSTM": "rnn", "RNNCell": "rnn", "LSTMCell": "rnn",
    "TensorDataset": "data", "DataLoader": "data",
    "save": "serialization", "load": "serialization",
}

__all__ = ["GELU", "Dropout", "Flatten", "Linear", "Module", "Parameter", "ReLU", "Sequential",
           "Sigmoid", "Tanh", "Tensor", "concat", "functional", "is_grad_enabled", "matmul",
           "no_grad", "stack", *sorted(_LAZY)]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module = importlib.import_module(f"groundup.nn.{_LAZY[name]}")
        return getattr(module, name)
    raise AttributeError(f"module 'groundup.nn' has no attribute {name!r}")
