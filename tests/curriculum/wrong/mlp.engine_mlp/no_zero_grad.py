# Wrong: never zeroes the gradients: backward() adds to .grad, so every step uses the sum of all
# the gradients so far.
import numpy as np

from groundup.nn import Linear, Module, Tensor
from groundup.nn import functional as F  # noqa: N812
from groundup.optim import SGD


class MLP(Module):
    def __init__(self, n_inputs, n_hidden, n_outputs):
        super().__init__()
        self.fc1 = Linear(n_inputs, n_hidden)
        self.fc2 = Linear(n_hidden, n_outputs)

    def forward(self, x):
        return self.fc2(self.fc1(x).relu())


def train(model, X, y, lr=0.1, num_epochs=100):
    opt = SGD(model.parameters(), lr=lr)
    X_t = Tensor(np.asarray(X, dtype=float))
    losses = []
    for _ in range(num_epochs):
        loss = F.cross_entropy(model(X_t), y)
        loss.backward()
        opt.step()
        losses.append(float(loss.item()))
    return losses
