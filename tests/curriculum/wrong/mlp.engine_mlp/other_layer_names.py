# Wrong: layers named hidden/out: the state_dict keys (hidden.weight, ...) do not match
# PyTorch's fc1.weight, ..., so PyTorch's weights cannot be loaded by name.
import numpy as np

from groundup.nn import Linear, Module, Tensor
from groundup.nn import functional as F  # noqa: N812
from groundup.optim import SGD


class MLP(Module):
    def __init__(self, n_inputs, n_hidden, n_outputs):
        super().__init__()
        self.hidden = Linear(n_inputs, n_hidden)
        self.out = Linear(n_hidden, n_outputs)

    def forward(self, x):
        return self.out(self.hidden(x).relu())


def train(model, X, y, lr=0.1, num_epochs=100):
    opt = SGD(model.parameters(), lr=lr)
    X_t = Tensor(np.asarray(X, dtype=float))
    losses = []
    for _ in range(num_epochs):
        opt.zero_grad()
        loss = F.cross_entropy(model(X_t), y)
        loss.backward()
        opt.step()
        losses.append(float(loss.item()))
    return losses
