# Wrong: counts only what pandas already sees as missing (NaN/None), so "?", "" and "NA"
# strings, the disguised missing values, are not counted.
import pandas as pd


def missing_report(df, tokens=("", "?", "na", "n/a", "unknown")):
    if len(df) == 0:
        raise ValueError("df has no rows")
    counts = df.isna().sum().astype("int64")
    return pd.DataFrame({"n_missing": counts, "fraction": counts / len(df)},
                        index=pd.Index(df.columns, name="column"))
