"""``groundup.nn``: a NumPy tensor autograd engine shaped like PyTorch (phase 4).

>>> from groundup.nn import Tensor, no_grad
>>> import groundup.nn.functional as F
>>> from groundup.nn import Linear, Sequential, ReLU
"""

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

__all__ = ["GELU", "Dropout", "Flatten", "Linear", "Module", "Parameter", "ReLU", "Sequential",
           "Sigmoid", "Tanh", "Tensor", "concat", "functional", "is_grad_enabled", "matmul",
           "no_grad", "stack"]
