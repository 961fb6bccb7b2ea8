# Wrong: numbers the positions from 1 instead of 0.
import numpy as np


def sinusoidal_positional_encoding(T, d_model):
    if T < 1 or d_model < 1 or d_model % 2:
        raise ValueError("T >= 1 and an even d_model are needed")
    t = np.arange(1, T + 1)[:, None]
    freq = 10000.0 ** (-np.arange(0, d_model, 2) / d_model)
    pe = np.empty((T, d_model))
    pe[:, 0::2] = np.sin(t * freq)
    pe[:, 1::2] = np.cos(t * freq)
    return pe
