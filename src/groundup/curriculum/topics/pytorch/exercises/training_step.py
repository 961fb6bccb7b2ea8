"""Exercise torch.training_step: one step of training with PyTorch.

Run `groundup lesson torch.training-loops` for the lesson, `groundup check torch.training_step`
to check. The checks repeat your step a few times on a small network and compare every
parameter with plain gradient descent worked out by hand in NumPy.
"""

import torch
from torch import nn


def training_step(model: nn.Module, optimizer: torch.optim.Optimizer, loss_fn: nn.Module,
                  X: torch.Tensor, y: torch.Tensor) -> float:
    r"""One step of gradient descent on the batch ``(X, y)``; return the loss.

    .. math:: \hat y = f_\theta(X), \qquad L = \text{loss\_fn}(\hat y, y), \qquad
              \theta \leftarrow \text{optimizer's update from } \nabla_\theta L

    The five lines of every PyTorch training loop: clear the gradients left by the last step
    (PyTorch *adds* each ``backward()`` into ``p.grad``), forward, loss, backward, step.

    Parameters
    ----------
    model : torch.nn.Module
    optimizer : torch.optim.Optimizer
        Built on ``model.parameters()``.
    loss_fn : callable
        For example ``nn.MSELoss()``.
    X, y : torch.Tensor
        A batch: inputs and targets, the same number of rows.

    Returns
    -------
    float
        The loss on this batch *before* the update, as a Python float (``loss.item()``).

    Raises
    ------
    ValueError
        If ``X`` and ``y`` hold different numbers of examples.

    Examples
    --------
    >>> model = nn.Linear(1, 1)
    >>> opt = torch.optim.SGD(model.parameters(), lr=0.1)
    >>> loss = training_step(model, opt, nn.MSELoss(), torch.ones(4, 1), torch.zeros(4, 1))
    >>> isinstance(loss, float)
    True
    """
    # TODO: check len(X) == len(y); zero_grad, forward, loss, backward, step; return the loss
    #       as a float.
    raise NotImplementedError
