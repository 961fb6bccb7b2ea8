# Wrong: orders the layers by sorting the keys as text, so "10.weight" comes before
# "2.weight" and a network with six or more layers is assembled in the wrong order.
import numpy as np
import torch
from torch import nn


def torch_outputs(state, X):
    weights = [k for k in sorted(state) if k.endswith(".weight")]
    if len(weights) * 2 != len(state):
        raise ValueError("every layer needs a weight and a bias")
    layers = []
    sd = {}
    for i, key in enumerate(weights):
        W = np.asarray(state[key], dtype=np.float32)
        b = np.asarray(state[key.replace("weight", "bias")], dtype=np.float32)
        if layers and W.shape[1] != layers[-2].out_features:
            raise ValueError("sizes do not chain")
        layers += [nn.Linear(W.shape[1], W.shape[0]), nn.ReLU()]
        sd[f"{2 * i}.weight"], sd[f"{2 * i}.bias"] = torch.from_numpy(W), torch.from_numpy(b)
    model = nn.Sequential(*layers[:-1])
    model.load_state_dict(sd)
    X = np.asarray(X, dtype=np.float32)
    if X.ndim != 2 or X.shape[1] != layers[0].in_features:
        raise ValueError("X has the wrong shape")
    with torch.no_grad():
        return model(torch.from_numpy(X)).numpy()
