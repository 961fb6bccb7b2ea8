# Wrong: measures the fences from the median instead of from the quartiles (the box's edges).
import matplotlib.pyplot as plt
import numpy as np
import seaborn as sns


def iqr_outliers(x, whis=1.5):
    x = np.asarray(x, dtype=float)
    if x.size == 0 or whis < 0:
        raise ValueError("bad input")
    q1, med, q3 = np.percentile(x, [25, 50, 75])
    iqr = q3 - q1
    return x[(x < med - whis * iqr) | (x > med + whis * iqr)]


def boxplots(df):
    numeric = df.select_dtypes("number")
    if numeric.shape[1] == 0:
        raise ValueError("no numeric column")
    fig, ax = plt.subplots()
    sns.boxplot(data=numeric, ax=ax)
    return fig
