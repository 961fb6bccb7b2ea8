"""Training utilities, where PyTorch keeps them (``torch.nn.utils``)."""

from groundup.nn.rnn import clip_grad_norm_

__all__ = ["clip_grad_norm_"]
