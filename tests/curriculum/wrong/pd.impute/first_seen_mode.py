# Wrong: takes the most frequent category with value_counts().idxmax(), which on a tie gives
# the value seen first rather than the smallest one (what Series.mode() returns).
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
        skew = df[col].skew()
        if abs(skew) <= 1:
            out[col] = out[col].fillna(out[col].mean())
            reasons[col] = "mean: symmetric"
        else:
            out[col] = out[col].fillna(out[col].median())
            reasons[col] = "median: skewed"
    for col in categorical:
        out[col] = out[col].fillna(out[col].value_counts().idxmax())
        reasons[col] = "mode: the most frequent value"
    return out, reasons
