# Wrong: log(sum(exp(z))) without subtracting the max: exp(1000) overflows to inf.
import numpy as np


def token_logprobs(logits, targets):
    z, y = np.asarray(logits, dtype=float), np.asarray(targets)
    if z.ndim != 2 or y.ndim != 1 or len(y) != len(z) or y.min() < 0 or y.max() >= z.shape[1]:
        raise ValueError("bad shapes or ids")
    with np.errstate(over="ignore"):
        return z[np.arange(len(y)), y] - np.log(np.exp(z).sum(axis=1))


def perplexity(logprobs):
    lp = np.asarray(logprobs, dtype=float)
    if lp.ndim != 1 or lp.size == 0 or (lp > 0).any():
        raise ValueError("bad log-probabilities")
    return float(np.exp(-lp.mean()))
