# Wrong: cbar=False: without a colour bar the colours cannot be read.
import matplotlib.pyplot as plt
import seaborn as sns


def correlation_heatmap(df):
    numeric = df.select_dtypes("number")
    if numeric.shape[1] < 2:
        raise ValueError("need two numeric columns")
    fig, ax = plt.subplots()
    sns.heatmap(numeric.corr(), annot=True, fmt=".2f", cmap="coolwarm", vmin=-1, vmax=1, cbar=False,
                xticklabels=True, yticklabels=True, ax=ax)
    return fig
