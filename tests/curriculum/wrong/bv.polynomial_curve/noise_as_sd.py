# Wrong: reports the noise term as the standard deviation sigma instead of the variance
# sigma², so the three terms do not add up to the error.
import numpy as np


def bias_variance_curve(degrees, n_datasets=200, n_train=15, noise=0.3, n_test=100, seed=0):
    degrees = np.asarray(degrees)
    if np.any(degrees < 0) or np.any(degrees >= n_train) or n_datasets < 2 or noise < 0:
        raise ValueError("bad input")
    rng = np.random.default_rng(seed)
    x, xt = np.linspace(0, 1, n_train), np.linspace(0, 1, n_test)
    f, ft = np.sin(2 * np.pi * x), np.sin(2 * np.pi * xt)
    Y = f[:, None] + rng.normal(0, noise, (n_train, n_datasets))
    Yt = ft[None, :] + rng.normal(0, noise, (n_datasets, n_test))
    out = {k: [] for k in ("bias2", "variance", "error")}
    for d in degrees:
        P = (np.vander(xt, int(d) + 1) @ np.polyfit(x, Y, int(d))).T
        mean = P.mean(axis=0)
        out["bias2"].append(((mean - ft) ** 2).mean())
        out["variance"].append(((P - mean) ** 2).mean())
        out["error"].append(((P - Yt) ** 2).mean())
    return {"degree": degrees, "noise": np.full(len(degrees), float(noise)),
            **{k: np.array(v) for k, v in out.items()}}
