# Wrong: compares the raw strings with the tokens, without stripping spaces or lower-casing,
# so " na ", "NA", "N/A" and "  " slip through.
import pandas as pd


def missing_report(df, tokens=("", "?", "na", "n/a", "unknown")):
    if len(df) == 0:
        raise ValueError("df has no rows")
    missing = df.isna() | df.isin(list(tokens))
    counts = missing.sum().astype("int64")
    return pd.DataFrame({"n_missing": counts, "fraction": counts / len(df)},
                        index=pd.Index(df.columns, name="column"))
