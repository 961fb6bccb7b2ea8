# Wrong: corner=True draws only the lower triangle: half of the scatter panels are missing.
import seaborn as sns


def pair_plot(df, hue=None):
    if hue is not None and hue not in df.columns:
        raise ValueError(f"unknown column {hue!r}")
    if df.drop(columns=[hue] if hue else []).select_dtypes("number").shape[1] < 2:
        raise ValueError("need two numeric columns")
    return sns.pairplot(df, hue=hue, corner=True).figure
