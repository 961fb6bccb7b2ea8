# Wrong: writes the parsed columns into the caller's DataFrame (no copy), so the raw data the
# caller still holds is changed behind its back.
import pandas as pd


def fix_types(df, numeric, boolean=(), bounds=None):
    for col in list(numeric) + list(boolean):
        if col not in df.columns:
            raise ValueError(f"no column {col!r}")
    bounds = dict(bounds or {})
    for col in bounds:
        if col not in numeric:
            raise ValueError(f"bounds on non-numeric column {col!r}")
    for col in numeric:
        text = df[col].astype("str").str.strip().str.replace(r"[,$]", "", regex=True)
        number = pd.to_numeric(text, errors="coerce").astype("float64")
        if col in bounds:
            number = number.where(number.between(*bounds[col]))
        df[col] = number
    for col in boolean:
        words = df[col].astype("str").str.strip().str.lower()
        if not words.isin(["yes", "y", "true", "1", "no", "n", "false", "0"]).all():
            raise ValueError(f"column {col!r} is not yes/no")
        df[col] = words.isin(["yes", "y", "true", "1"])
    return df
