# Wrong: exp of minus the *sum* of the log-probabilities (1 / P(whole text)), not of the mean:
# it grows with the length of the text.
import numpy as np


def token_logprobs(logits, targets):
    z, y = np.asarray(logits, dtype=float), np.asarray(targets)
    if z.ndim != 2 or y.ndim != 1 or len(y) != len(z) or y.min() < 0 or y.max() >= z.shape[1]:
        raise ValueError("bad shapes or ids")
    m = z.max(axis=1, keepdims=True)
    return z[np.arange(len(y)), y] - (m[:, 0] + np.log(np.exp(z - m).sum(axis=1)))


def perplexity(logprobs):
    lp = np.asarray(logprobs, dtype=float)
    if lp.ndim != 1 or lp.size == 0 or (lp > 0).any():
        raise ValueError("bad log-probabilities")
    return float(np.exp(-lp.sum()))
