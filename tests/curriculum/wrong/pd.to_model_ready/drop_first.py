# Wrong: drops the first category of every one-hot block (drop_first=True): useful against
# collinearity in some linear models, but not what is asked (and not what OneHotEncoder does).
import pandas as pd


def to_model_ready(df, numeric, categorical, target):
    cols = list(numeric) + list(categorical) + [target]
    for col in cols:
        if col not in df.columns:
            raise ValueError(f"no column {col!r}")
    if df[cols].isna().any().any():
        raise ValueError("impute first")
    if df[target].dtype.kind not in "biu":
        raise ValueError("the target must be bool or integer")
    num = df[list(numeric)].astype("float64")
    parts = [(num - num.mean()) / num.std(ddof=0).replace(0.0, 1.0)]
    parts += [pd.get_dummies(df[c].astype("str"), prefix=c, dtype="float64", drop_first=True)
              for c in categorical]
    return pd.concat(parts, axis=1), df[target].astype("int64")
