# Wrong: puts all the sines in the first half and all the cosines in the second half
# (tensor2tensor's layout) instead of interleaving them: sin in even columns, cos in odd ones.
import numpy as np


def sinusoidal_positional_encoding(T, d_model):
    if T < 1 or d_model < 1 or d_model % 2:
        raise ValueError("T >= 1 and an even d_model are needed")
    t = np.arange(T)[:, None]
    freq = 10000.0 ** (-np.arange(0, d_model, 2) / d_model)
    return np.concatenate([np.sin(t * freq), np.cos(t * freq)], axis=1)
