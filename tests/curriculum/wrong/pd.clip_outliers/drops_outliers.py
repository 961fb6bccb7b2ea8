# Wrong: deletes the outlying rows instead of clipping them, so the result no longer lines up
# with the other columns of the table.
def clip_outliers(values, k=1.5):
    if k < 0:
        raise ValueError("k must be non-negative")
    if values.dtype.kind not in "iuf":
        raise ValueError("values must be numeric")
    if values.notna().sum() == 0:
        raise ValueError("no observed value")
    x = values.astype("float64")
    q1, q3 = x.quantile(0.25), x.quantile(0.75)
    low, high = q1 - k * (q3 - q1), q3 + k * (q3 - q1)
    outside = (x < low) | (x > high)
    return x[~outside], outside
