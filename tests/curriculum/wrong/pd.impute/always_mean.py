# Wrong: fills every numeric column with its mean, even a skewed one where a single huge
# value drags the mean far from the typical row.
def impute(df, numeric, categorical):
    out = df.copy()
    reasons = {}
    for col in list(numeric) + list(categorical):
        if col not in df.columns:
            raise ValueError(f"no column {col!r}")
        if df[col].notna().sum() == 0:
            raise ValueError(f"column {col!r} is all missing")
    for col in numeric:
        if df[col].dtype.kind not in "iuf":
            raise ValueError(f"column {col!r} is not numeric")
        out[col] = out[col].fillna(out[col].mean())
        reasons[col] = "mean: the average value"
    for col in categorical:
        out[col] = out[col].fillna(out[col].mode().iloc[0])
        reasons[col] = "mode: the most frequent value"
    return out, reasons
