# Wrong: parses the text without removing thousands separators and dollar signs, so
# "52,000" and "$61,500" silently become NaN instead of numbers.
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
        number = pd.to_numeric(out[col].astype("str").str.strip(), errors="coerce").astype("float64")
        if col in bounds:
            number = number.where(number.between(*bounds[col]))
        out[col] = number
    for col in boolean:
        words = out[col].astype("str").str.strip().str.lower()
        if not words.isin(["yes", "y", "true", "1", "no", "n", "false", "0"]).all():
            raise ValueError(f"column {col!r} is not yes/no")
        out[col] = words.isin(["yes", "y", "true", "1"])
    return out
