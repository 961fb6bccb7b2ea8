# Wrong: torch.from_numpy keeps the arrays' float64 dtype instead of the model's float32
# (load_state_dict converts silently, but the returned tensors have the wrong dtype).
import numpy as np
import torch


def convert_state_dict(state, model):
    target = model.state_dict()
    if set(state) != set(target):
        raise ValueError(f"keys differ: {sorted(set(state) ^ set(target))}")
    out = {}
    for key, ref in target.items():
        arr = np.array(state[key])
        if arr.shape != tuple(ref.shape):
            raise ValueError(f"{key}: shape {arr.shape}, expected {tuple(ref.shape)}")
        out[key] = torch.from_numpy(arr)
    model.load_state_dict(out)
    return out
