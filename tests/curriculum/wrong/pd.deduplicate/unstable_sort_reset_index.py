# Wrong: sorts by the missing count and keeps that order, and renumbers the rows: the kept rows
# neither stay in their original order nor keep their index labels.
def deduplicate(df, key):
    if key not in df.columns:
        raise ValueError(f"no column {key!r}")
    if df[key].isna().any():
        raise ValueError("the key has missing values")
    n_missing = df.isna().sum(axis=1)
    ordered = df.assign(_n=n_missing).sort_values("_n", kind="stable").drop(columns="_n")
    return ordered.drop_duplicates(key).reset_index(drop=True)
