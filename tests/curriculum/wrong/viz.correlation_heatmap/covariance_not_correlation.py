# Wrong: plots the covariance matrix, whose values depend on each column's units.
import matplotlib.pyplot as plt
import seaborn as sns


def correlation_heatmap(df):
    numeric = df.select_dtypes("number")
    if numeric.shape[1] < 2:
        raise ValueError("need two numeric columns")
    fig, ax = plt.subplots()
    sns.heatmap(numeric.cov(), annot=True, fmt=".2f", cmap="coolwarm", xticklabels=True, yticklabels=True, ax=ax)
    return fig
