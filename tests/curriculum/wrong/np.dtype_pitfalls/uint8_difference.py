# Wrong: subtracts the uint8 images directly: 3 - 5 wraps around to 254 before squaring.
import numpy as np


def image_mse(a, b):
    a, b = np.asarray(a), np.asarray(b)
    if a.dtype != np.uint8 or b.dtype != np.uint8 or a.shape != b.shape or a.size == 0:
        raise ValueError("a and b must be non-empty uint8 images of the same shape")
    return float(((a - b).astype(np.float64) ** 2).mean())


def adjust_brightness(img, delta):
    img = np.asarray(img)
    if img.dtype != np.uint8 or int(delta) != delta:
        raise ValueError("img must be uint8 and delta a whole number")
    return np.clip(img.astype(np.int64) + int(delta), 0, 255).astype(np.uint8)


def running_total(x):
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError("x must be 1-D")
    return np.cumsum(x, dtype=np.float64)
