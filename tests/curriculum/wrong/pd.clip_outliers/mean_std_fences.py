# Wrong: uses mean +- k standard deviations as fences; the outliers themselves inflate the
# standard deviation, so they hide inside the fences they widened.
def clip_outliers(values, k=1.5):
    if k < 0:
        raise ValueError("k must be non-negative")
    if values.dtype.kind not in "iuf":
        raise ValueError("values must be numeric")
    if values.notna().sum() == 0:
        raise ValueError("no observed value")
    x = values.astype("float64")
    low, high = x.mean() - k * x.std(), x.mean() + k * x.std()
    return x.clip(low, high), (x < low) | (x > high)
