# Wrong: records the loss recomputed after the step, not the loss that was backpropagated.
import numpy as np

from groundup.nn import Linear, Module, Tensor, no_grad
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
        opt.zero_grad()
        F.cross_entropy(model(X_t), y).backward()
        opt.step()
        with no_grad():
            losses.append(float(F.cross_entropy(model(X_t), y).item()))
    return losses
