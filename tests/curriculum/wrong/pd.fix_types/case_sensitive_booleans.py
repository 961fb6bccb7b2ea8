# Wrong: compares the boolean words as they are, so "No", " YES" and "n" are not understood
# (and "No" would even count as True if it were not refused).
import pandas as pd


def fix_types(df, numeric, boolean=(), bounds=None):
    for col in list(numeric) + list(boolean):
        if col not in df.columns:
            raise ValueError(f"no column {col!r}")
    bounds = dict(bounds or {})
    for col in bounds:
        if col not in numeric:
            raise ValueError(f"bounds on non-numeric column {col!r}")
    out = df.copy()
    for col in numeric:
        text = out[col].astype("str").str.strip().str.replace(r"[,$]", "", regex=True)
        number = pd.to_numeric(text, errors="coerce").astype("float64")
        if col in bounds:
            number = number.where(number.between(*bounds[col]))
        out[col] = number
    for col in boolean:
        out[col] = out[col] == "yes"
    return out
