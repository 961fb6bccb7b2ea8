# Wrong: flags values more than 2 standard deviations from the mean: a different rule from the
# box plot's 1.5 IQR fences (and one that the outliers themselves inflate).
import matplotlib.pyplot as plt
import numpy as np
import seaborn as sns


def iqr_outliers(x, whis=1.5):
    x = np.asarray(x, dtype=float)
    if x.size == 0 or whis < 0:
        raise ValueError("bad input")
    return x[np.abs(x - x.mean()) > 2 * x.std()]


def boxplots(df):
    numeric = df.select_dtypes("number")
    if numeric.shape[1] == 0:
        raise ValueError("no numeric column")
    fig, ax = plt.subplots()
    sns.boxplot(data=numeric, ax=ax)
    return fig
