# Wrong: the gradient sums over pairs instead of averaging (forgets the 1/n), so the effective
# step is n times larger: it overshoots, and w is not what gradient descent on the mean loss gives.
import numpy as np


def fit_reward_model(X_chosen, X_rejected, lr=0.5, num_epochs=200):
    Xc, Xr = np.asarray(X_chosen, float), np.asarray(X_rejected, float)
    if Xc.ndim != 2 or Xc.shape != Xr.shape or Xc.shape[0] == 0 or lr <= 0 or num_epochs < 1:
        raise ValueError("bad input")
    D = Xc - Xr
    w = np.zeros(D.shape[1])
    losses = np.empty(num_epochs)
    for epoch in range(num_epochs):
        m = D @ w
        losses[epoch] = np.logaddexp(0, -m).mean()
        w = w + lr * D.T @ np.exp(-np.logaddexp(0, m))
    return w, losses
