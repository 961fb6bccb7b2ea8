"""Exercise torch.dataloader_loop: an epoch over a DataLoader.

Run `groundup lesson torch.training-loops` for the lesson, `groundup check
torch.dataloader_loop` to check.
"""

import torch
from torch import nn


def train_epoch(model: nn.Module, loader: torch.utils.data.DataLoader, loss_fn: nn.Module,
                optimizer: torch.optim.Optimizer) -> float:
    r"""Train ``model`` for one epoch over ``loader``; return the mean loss per example.

    For every batch ``(X, y)`` the loader yields: one training step (zero_grad, forward,
    loss, backward, step). The epoch's loss is the mean over *examples* of the losses seen
    during the epoch, each before its step. A batch's loss is already the mean over its
    :math:`|B_b|` examples, and the last batch may be smaller, so weight by size:

    .. math:: \bar L = \frac{\sum_b |B_b|\, L_b}{\sum_b |B_b|}

    Parameters
    ----------
    model : torch.nn.Module
    loader : torch.utils.data.DataLoader
        Yields ``(X, y)`` batches.
    loss_fn : callable
        A loss that averages over the batch, e.g. ``nn.MSELoss()``.
    optimizer : torch.optim.Optimizer

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If the loader yields no examples.

    Examples
    --------
    >>> data = torch.utils.data.TensorDataset(torch.ones(10, 1), torch.zeros(10, 1))
    >>> loader = torch.utils.data.DataLoader(data, batch_size=4)
    >>> model = nn.Linear(1, 1)
    >>> loss = train_epoch(model, loader, nn.MSELoss(), torch.optim.SGD(model.parameters(), lr=0.1))
    >>> isinstance(loss, float)
    True
    """
    # TODO: model.train(); a training step per batch; add up loss.item() * len(X) and len(X);
    #       raise ValueError for an empty loader; return the weighted mean.
    raise NotImplementedError
