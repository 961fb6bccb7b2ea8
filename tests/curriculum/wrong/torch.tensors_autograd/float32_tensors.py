# Wrong: builds float32 tensors (torch.tensor(..., dtype=torch.float32)), losing precision.
import numpy as np
import torch


def mse_and_grad(X, y, w):
    X, y, w = (np.asarray(a, dtype=np.float64) for a in (X, y, w))
    if X.ndim != 2 or y.shape != (X.shape[0],) or w.shape != (X.shape[1],):
        raise ValueError("shapes do not fit")
    Xt = torch.tensor(X, dtype=torch.float32)
    yt = torch.tensor(y, dtype=torch.float32)
    wt = torch.tensor(w, dtype=torch.float32, requires_grad=True)
    loss = ((Xt @ wt - yt) ** 2).mean()
    loss.backward()
    return loss.item(), wt.grad.numpy().astype(np.float64)
