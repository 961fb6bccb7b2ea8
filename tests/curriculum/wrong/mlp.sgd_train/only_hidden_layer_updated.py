# Wrong: forgets to update the output layer (W2, b2 stay at their initial values).
import numpy as np


def _grads(X, y, W1, b1, W2, b2):
    n = X.shape[0]
    Z1 = X @ W1.T + b1
    H = np.maximum(Z1, 0)
    Z2 = H @ W2.T + b2
    s = Z2 - Z2.max(axis=1, keepdims=True)
    log_p = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    loss = float(-log_p[np.arange(n), y].mean())
    dZ2 = np.exp(log_p)
    dZ2[np.arange(n), y] -= 1
    dZ2 /= n
    dZ1 = (dZ2 @ W2) * (Z1 > 0)
    return loss, dZ1.T @ X, dZ1.sum(axis=0), dZ2.T @ H, dZ2.sum(axis=0)


def train_mlp(X, y, n_hidden=32, lr=0.5, num_epochs=100, batch_size=32, seed=0):
    X, y = np.asarray(X, dtype=float), np.asarray(y).astype(int)
    if y.shape != (X.shape[0],) or batch_size < 1 or n_hidden < 1 or num_epochs < 1 or lr <= 0:
        raise ValueError("bad input")
    rng = np.random.default_rng(seed)
    n, d = X.shape
    k = int(y.max()) + 1
    W1 = rng.normal(0, np.sqrt(2 / d), size=(n_hidden, d))
    b1 = np.zeros(n_hidden)
    W2 = rng.normal(0, np.sqrt(2 / n_hidden), size=(k, n_hidden))
    b2 = np.zeros(k)
    losses = np.empty(num_epochs)
    for epoch in range(num_epochs):
        order = rng.permutation(n)
        batch_losses = []
        for start in range(0, n, batch_size):
            idx = order[start:start + batch_size]
            loss, dW1, db1, dW2, db2 = _grads(X[idx], y[idx], W1, b1, W2, b2)
            W1, b1 = W1 - lr * dW1, b1 - lr * db1
            batch_losses.append(loss)
        losses[epoch] = np.mean(batch_losses)
    return W1, b1, W2, b2, losses
