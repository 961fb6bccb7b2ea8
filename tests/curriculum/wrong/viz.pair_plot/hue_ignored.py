# Wrong: never passes hue, so the points have one colour, there is no legend, and a numeric
# class column becomes a panel of its own.
import seaborn as sns


def pair_plot(df, hue=None):
    if hue is not None and hue not in df.columns:
        raise ValueError(f"unknown column {hue!r}")
    if df.drop(columns=[hue] if hue else []).select_dtypes("number").shape[1] < 2:
        raise ValueError("need two numeric columns")
    return sns.pairplot(df).figure
