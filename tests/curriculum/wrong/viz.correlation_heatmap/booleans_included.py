# Wrong: df.corr(numeric_only=True) keeps boolean columns, which are not measurements here.
import matplotlib.pyplot as plt
import seaborn as sns


def correlation_heatmap(df):
    corr = df.corr(numeric_only=True)
    if corr.shape[1] < 2:
        raise ValueError("need two numeric columns")
    fig, ax = plt.subplots()
    sns.heatmap(corr, annot=True, fmt=".2f", cmap="coolwarm", vmin=-1, vmax=1, xticklabels=True,
                yticklabels=True, ax=ax)
    return fig
