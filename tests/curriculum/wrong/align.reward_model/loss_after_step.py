# Wrong: records the loss *after* each step instead of before it (the curve is shifted by one
# step; losses[0] should be log 2, the loss at w = 0).
import numpy as np


def fit_reward_model(X_chosen, X_rejected, lr=0.5, num_epochs=200):
    Xc, Xr = np.asarray(X_chosen, float), np.asarray(X_rejected, float)
    if Xc.ndim != 2 or Xc.shape != Xr.shape or Xc.shape[0] == 0 or lr <= 0 or num_epochs < 1:
        raise ValueError("bad input")
    D = Xc - Xr
    n = D.shape[0]
    w = np.zeros(D.shape[1])
    losses = np.empty(num_epochs)
    for epoch in range(num_epochs):
        w = w + lr * D.T @ np.exp(-np.logaddexp(0, D @ w)) / n
        losses[epoch] = np.logaddexp(0, -(D @ w)).mean()
    return w, losses
