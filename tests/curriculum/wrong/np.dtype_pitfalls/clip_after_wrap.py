# Wrong: adds delta in uint8 (with np.add and a uint8 delta) and clips afterwards: by then
# 250 + 10 has already wrapped around to 4, which clipping cannot undo.
import numpy as np


def image_mse(a, b):
    a, b = np.asarray(a), np.asarray(b)
    if a.dtype != np.uint8 or b.dtype != np.uint8 or a.shape != b.shape or a.size == 0:
        raise ValueError("a and b must be non-empty uint8 images of the same shape")
    d = a.astype(np.float64) - b.astype(np.float64)
    return float((d * d).mean())


def adjust_brightness(img, delta):
    img = np.asarray(img)
    if img.dtype != np.uint8 or int(delta) != delta:
        raise ValueError("img must be uint8 and delta a whole number")
    delta = int(delta)
    shifted = img + np.uint8(delta) if delta >= 0 else img - np.uint8(-delta % 256)
    return np.clip(shifted, 0, 255).astype(np.uint8)


def running_total(x):
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError("x must be 1-D")
    return np.cumsum(x, dtype=np.float64)
