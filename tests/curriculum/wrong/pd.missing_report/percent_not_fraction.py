# Wrong: reports a percentage (0-100) where a fraction (0-1) is asked for.
import pandas as pd


def missing_report(df, tokens=("", "?", "na", "n/a", "unknown")):
    if len(df) == 0:
        raise ValueError("df has no rows")
    lowered = {t.lower() for t in tokens}
    missing = df.isna() | df.map(lambda v: isinstance(v, str) and v.strip().lower() in lowered)
    counts = missing.sum().astype("int64")
    return pd.DataFrame({"n_missing": counts, "fraction": 100 * counts / len(df)},
                        index=pd.Index(df.columns, name="column"))
