# Wrong: seaborn's default sequential colour map makes -1 (opposite) look like 'small'.
import matplotlib.pyplot as plt
import seaborn as sns


def correlation_heatmap(df):
    numeric = df.select_dtypes("number")
    if numeric.shape[1] < 2:
        raise ValueError("need two numeric columns")
    fig, ax = plt.subplots()
    sns.heatmap(numeric.corr(), annot=True, fmt=".2f", xticklabels=True, yticklabels=True, ax=ax)
    return fig
