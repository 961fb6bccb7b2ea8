# Wrong: without vmin=-1, vmax=1 the colours stretch to the data's own range, so a weak
# correlation of 0.2 can look as strong as a perfect one.
import matplotlib.pyplot as plt
import seaborn as sns


def correlation_heatmap(df):
    numeric = df.select_dtypes("number")
    if numeric.shape[1] < 2:
        raise ValueError("need two numeric columns")
    fig, ax = plt.subplots()
    sns.heatmap(numeric.corr(), annot=True, fmt=".2f", cmap="coolwarm", xticklabels=True,
                yticklabels=True, ax=ax)
    return fig
