# Wrong: drop_duplicates keeps the first copy, even when a later copy is more complete.
def deduplicate(df, key):
    if key not in df.columns:
        raise ValueError(f"no column {key!r}")
    if df[key].isna().any():
        raise ValueError("the key has missing values")
    return df.drop_duplicates(key, keep="first")
