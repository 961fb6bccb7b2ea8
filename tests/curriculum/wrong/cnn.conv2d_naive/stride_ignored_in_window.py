# Wrong: computes the output size with the stride, but starts the window of output (i, j) at
# (i, j) instead of (i * stride, j * stride).
import numpy as np


def correlate2d(image, kernel):
    image, kernel = np.asarray(image, float), np.asarray(kernel, float)
    kh, kw = kernel.shape
    if kh > image.shape[0] or kw > image.shape[1]:
        raise ValueError("kernel too large")
    out = np.empty((image.shape[0] - kh + 1, image.shape[1] - kw + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = (kernel * image[i:i + kh, j:j + kw]).sum()
    return out


def conv2d_naive(x, weight, bias=None, stride=1, padding=0):
    x, weight = np.asarray(x, float), np.asarray(weight, float)
    sh, sw = (stride, stride) if np.isscalar(stride) else stride
    ph, pw = (padding, padding) if np.isscalar(padding) else padding
    if weight.shape[1] != x.shape[1]:
        raise ValueError("channels differ")
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    kh, kw = weight.shape[2:]
    oh, ow = (xp.shape[2] - kh) // sh + 1, (xp.shape[3] - kw) // sw + 1
    out = np.zeros((x.shape[0], weight.shape[0], oh, ow))
    for n in range(x.shape[0]):
        for o in range(weight.shape[0]):
            for i in range(oh):
                for j in range(ow):
                    out[n, o, i, j] = (weight[o] * xp[n, :, i:i + kh, j:j + kw]).sum()
            if bias is not None:
                out[n, o] += bias[o]
    return out
