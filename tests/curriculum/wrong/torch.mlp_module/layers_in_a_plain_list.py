# Wrong: keeps the layers in a plain Python list, which nn.Module does not register, so
# parameters() is empty and the given weights never reach the layers.
import torch
from torch import nn


class MLP(nn.Module):
    def __init__(self, sizes):
        super().__init__()
        if len(sizes) < 2 or any(int(s) < 1 for s in sizes):
            raise ValueError("bad sizes")
        self.layers = [nn.Linear(d_in, d_out) for d_in, d_out in zip(sizes[:-1], sizes[1:])]

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        for i, layer in enumerate(self.layers):
            x = layer(x)
            if i < len(self.layers) - 1:
                x = torch.relu(x)
        return x
