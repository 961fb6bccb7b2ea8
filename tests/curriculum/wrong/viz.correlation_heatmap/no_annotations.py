# Wrong: annot=False (the default): the colours are there but no numbers in the cells.
import matplotlib.pyplot as plt
import seaborn as sns


def correlation_heatmap(df):
    numeric = df.select_dtypes("number")
    if numeric.shape[1] < 2:
        raise ValueError("need two numeric columns")
    fig, ax = plt.subplots()
    sns.heatmap(numeric.corr(), cmap="coolwarm", vmin=-1, vmax=1, xticklabels=True, yticklabels=True, ax=ax)
    return fig
