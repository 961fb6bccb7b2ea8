"""Exercise mlp.engine_mlp: the same network on groundup's tensor engine.

Run `groundup lesson mlp.training` for the lesson, `groundup check mlp.engine_mlp` to check.

Build the model from `groundup.nn` layers; the checks load PyTorch's weights into it by name
(``fc1.weight``, ``fc1.bias``, ``fc2.weight``, ``fc2.bias``) and compare its outputs,
gradients and training run with ``torch.nn`` and ``torch.optim.SGD``.

    model = MLP(2, 16, 2)
    losses = train(model, X, y, lr=0.5, num_epochs=100)
"""

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike

from groundup.nn import Linear, Module, Tensor
from groundup.nn import functional as F  # noqa: N812
from groundup.optim import SGD


class MLP(Module):
    r"""``fc1 -> ReLU -> fc2``: logits :math:`\operatorname{relu}(x W_1^\top + b_1)
    W_2^\top + b_2`.

    Parameters
    ----------
    n_inputs, n_hidden, n_outputs : int

    Attributes
    ----------
    fc1 : Linear(n_inputs, n_hidden)
    fc2 : Linear(n_hidden, n_outputs)
    """

    def __init__(self, n_inputs: int, n_hidden: int, n_outputs: int) -> None:
        # TODO: super().__init__() first, then the two Linear layers as self.fc1, self.fc2.
        raise NotImplementedError

    def forward(self, x: Tensor) -> Tensor:
        """Logits, shape (n_samples, n_outputs), for ``x`` of shape (n_samples, n_inputs)."""
        # TODO
        raise NotImplementedError


def train(model: Module, X: ArrayLike, y: ArrayLike, lr: float = 0.1,
          num_epochs: int = 100) -> Sequence[float]:
    r"""Full-batch gradient descent on ``F.cross_entropy(model(X), y)``.

    Each epoch: ``optimizer.zero_grad()``, forward, ``loss.backward()``,
    ``optimizer.step()`` with ``SGD(model.parameters(), lr=lr)`` (one optimizer for the run).

    Parameters
    ----------
    model : Module
    X : array_like, shape (n_samples, n_inputs)
        Wrap it once: ``Tensor(np.asarray(X, dtype=float))`` keeps float64.
    y : array_like of ints, shape (n_samples,)
    lr : float
    num_epochs : int

    Returns
    -------
    list of float
        Each epoch's loss, taken before that epoch's step (``float(loss.item())``).
    """
    # TODO
    raise NotImplementedError
