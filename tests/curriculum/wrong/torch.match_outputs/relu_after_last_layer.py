# Wrong: puts a ReLU after the last Linear layer too (negative outputs become 0).
import numpy as np
import torch
from torch import nn


def torch_outputs(state, X):
    n = len(state) // 2
    expected = {f"{2 * i}.{p}" for i in range(n) for p in ("weight", "bias")}
    if n == 0 or set(state) != expected:
        raise ValueError("unexpected keys")
    layers, sd = [], {}
    for i in range(n):
        W = np.asarray(state[f"{2 * i}.weight"], dtype=np.float32)
        b = np.asarray(state[f"{2 * i}.bias"], dtype=np.float32)
        if layers and W.shape[1] != layers[-2].out_features:
            raise ValueError("sizes do not chain")
        layers += [nn.Linear(W.shape[1], W.shape[0]), nn.ReLU()]
        sd[f"{2 * i}.weight"], sd[f"{2 * i}.bias"] = torch.from_numpy(W), torch.from_numpy(b)
    model = nn.Sequential(*layers)
    model.load_state_dict(sd)
    X = np.asarray(X, dtype=np.float32)
    if X.ndim != 2 or X.shape[1] != layers[0].in_features:
        raise ValueError("X has the wrong shape")
    with torch.no_grad():
        return model(torch.from_numpy(X)).numpy()
