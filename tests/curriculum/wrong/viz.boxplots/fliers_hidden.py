# Wrong: showfliers=False hides exactly the points the box plot is for.
import matplotlib.pyplot as plt
import numpy as np
import seaborn as sns


def iqr_outliers(x, whis=1.5):
    x = np.asarray(x, dtype=float)
    if x.size == 0 or whis < 0:
        raise ValueError("bad input")
    q1, q3 = np.percentile(x, [25, 75])
    return x[(x < q1 - whis * (q3 - q1)) | (x > q3 + whis * (q3 - q1))]


def boxplots(df):
    numeric = df.select_dtypes("number")
    if numeric.shape[1] == 0:
        raise ValueError("no numeric column")
    fig, ax = plt.subplots()
    sns.boxplot(data=numeric, showfliers=False, ax=ax)
    return fig
