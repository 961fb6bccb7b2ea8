# Wrong: grad_weight and grad_bias come from the first image of the batch only, instead of the
# sum over the batch.
import numpy as np


def conv2d_backward(x, weight, grad_out, stride=1, padding=0):
    x, w, g = (np.asarray(a, float) for a in (x, weight, grad_out))
    sh, sw = (stride, stride) if np.isscalar(stride) else stride
    ph, pw = (padding, padding) if np.isscalar(padding) else padding
    kh, kw = w.shape[2:]
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    oh, ow = (xp.shape[2] - kh) // sh + 1, (xp.shape[3] - kw) // sw + 1
    if g.shape != (x.shape[0], w.shape[0], oh, ow):
        raise ValueError("grad_out has the wrong shape")
    gxp, gw = np.zeros_like(xp), np.zeros_like(w)
    for i in range(oh):
        for j in range(ow):
            win = (slice(None), slice(None), slice(i * sh, i * sh + kh), slice(j * sw, j * sw + kw))
            gw += np.einsum("o,cuv->ocuv", g[0, :, i, j], xp[0, :, i * sh:i * sh + kh,
                                                              j * sw:j * sw + kw])
            gxp[win] += np.einsum("no,ocuv->ncuv", g[:, :, i, j], w)
    return gxp[:, :, ph:ph + x.shape[2], pw:pw + x.shape[3]], gw, g[0].sum(axis=(1, 2))
