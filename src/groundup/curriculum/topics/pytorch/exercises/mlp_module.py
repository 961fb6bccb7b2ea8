"""Exercise torch.mlp_module: an MLP as a torch.nn.Module.

Run `groundup lesson torch.same-model` for the lesson, `groundup check torch.mlp_module` to
check. The checks copy given weights into your model's parameters (in the order of
``model.parameters()``) and compare its outputs with the same network computed in NumPy.
"""

import torch
from torch import nn


class MLP(nn.Module):
    r"""A multi-layer perceptron: Linear layers of the given sizes, ReLU between them.

    ``sizes = [d_0, d_1, ..., d_L]`` makes :math:`L` layers ``nn.Linear(d_{l-1}, d_l)``:

    .. math:: h_0 = x, \qquad h_l = \operatorname{ReLU}(h_{l-1} W_l^\top + b_l)
              \quad (l < L), \qquad \text{output} = h_{L-1} W_L^\top + b_L

    No ReLU after the last layer: it outputs raw scores (logits). This is the model you built
    as ``groundup.nn.Sequential(Linear, ReLU, ..., Linear)``.

    Parameters
    ----------
    sizes : list of int
        At least two entries (input and output sizes), each a positive int.

    Raises
    ------
    ValueError
        If ``sizes`` has fewer than two entries or one of them is not a positive int.

    Examples
    --------
    >>> model = MLP([4, 8, 3])
    >>> [tuple(p.shape) for p in model.parameters()]
    [(8, 4), (8,), (3, 8), (3,)]
    >>> model(torch.zeros(5, 4)).shape
    torch.Size([5, 3])
    """

    def __init__(self, sizes: list[int]) -> None:
        super().__init__()
        # TODO: validate sizes; build the layers (nn.Linear, nn.ReLU) and keep them in an
        #       attribute (an nn.Sequential) so that PyTorch registers their parameters.
        raise NotImplementedError

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """``x`` of shape ``(n, sizes[0])`` to ``(n, sizes[-1])``."""
        # TODO: apply the layers.
        raise NotImplementedError
