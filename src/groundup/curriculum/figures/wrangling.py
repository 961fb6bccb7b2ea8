"""Figures for the pandas data-wrangling lessons (matplotlib, Agg backend, seeded data)."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402 - the backend must be chosen first
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from groundup import datasets, wrangling  # noqa: E402
from groundup.curriculum.figures import save  # noqa: E402

_save = save  # figures are written by the shared helper (tight layout)

def _typed(raw: pd.DataFrame) -> pd.DataFrame:
    return wrangling.fix_types(raw, numeric=["age", "income"], boolean=["churned"],
                               bounds={"age": (0, 120)})


def missing(out_dir: Path) -> list[Path]:
    """A missing-value map of the raw customers, and income before/after imputation."""
    raw = datasets.messy_customers(500, 0)
    columns = ["city", "age", "income", "signup_date", "plan"]
    tokens = raw[columns].apply(lambda s: s.str.strip().str.lower().isin(datasets.MISSING_TOKENS))
    seen_by_pandas = raw[columns].isna()
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.2), gridspec_kw={"width_ratios": [1.1, 1]})
    shown = 120
    codes = np.where(seen_by_pandas.to_numpy(), 2, np.where(tokens.to_numpy(), 1, 0))[:shown]
    cmap = matplotlib.colors.ListedColormap(["#f2f2f2", "#e6a23c", "#c0392b"])
    axes[0].imshow(codes.T, aspect="auto", cmap=cmap, vmin=0, vmax=2, interpolation="nearest")
    axes[0].set_yticks(range(len(columns)), columns)
    axes[0].set(title=f"Missing-value map (first {shown} rows)", xlabel="row")
    handles = [matplotlib.patches.Patch(color=cmap(2), label="NaN / None (pandas sees it)"),
               matplotlib.patches.Patch(color=cmap(1), label="'', '?', 'NA', 'unknown' (disguised)")]
    axes[0].legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=1,
                   fontsize=8, frameon=False)
    report = wrangling.missing_report(raw[columns])
    pandas_count = seen_by_pandas.sum()
    y = np.arange(len(columns))
    axes[1].barh(y + 0.2, report["n_missing"], 0.4, color=cmap(1), label="all forms")
    axes[1].barh(y - 0.2, pandas_count, 0.4, color=cmap(2), label="df.isna() only")
    axes[1].set_yticks(y, columns)
    axes[1].invert_yaxis()
    axes[1].set(title="Missing values per column", xlabel="count")
    axes[1].legend(fontsize=8)
    first = _save(fig, out_dir, "missing_map.png")

    typed = _typed(raw)
    income = typed["income"]
    filled_mean = income.fillna(income.mean())
    filled_median = income.fillna(income.median())
    fig, axes = plt.subplots(1, 2, figsize=(11, 3.8), sharey=True)
    bins = np.linspace(0, 200, 50)
    k = 1000.0  # plot in thousands of dollars
    axes[0].hist(income.clip(upper=200_000) / k, bins=bins, color="gray", alpha=0.7)
    axes[0].axvline(income.mean() / k, color="#c0392b", label=f"mean {income.mean() / k:.1f}k")
    axes[0].axvline(income.median() / k, color="#2c7fb8",
                    label=f"median {income.median() / k:.1f}k")
    axes[0].set(title=f"Observed income (skew {income.skew():.1f}; > 200k piled at the edge)",
                xlabel="income ($1000)", ylabel="customers")
    axes[0].legend(fontsize=8)
    axes[1].hist([filled_mean.clip(upper=200_000) / k, filled_median.clip(upper=200_000) / k],
                 bins=bins, histtype="step", lw=1.5, color=["#c0392b", "#2c7fb8"],
                 label=[f"{int(income.isna().sum())} gaps filled with the mean",
                        "filled with the median"])
    axes[1].set(title="After imputing: the mean adds a spike where few customers are",
                xlabel="income ($1000)")
    axes[1].legend(fontsize=8)
    return [first, _save(fig, out_dir, "impute_income.png")]


def cleaning(out_dir: Path) -> list[Path]:
    """City spellings before/after normalising; income outliers and Tukey's fences."""
    raw = datasets.messy_customers(500, 0)
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.2), gridspec_kw={"width_ratios": [1.6, 1]})
    spellings = raw["city"].fillna("<NaN>").replace({"": "<blank>"}).value_counts()
    axes[0].bar(range(len(spellings)), spellings.to_numpy(), color="#e6a23c")
    axes[0].set_xticks(range(len(spellings)), [repr(s) for s in spellings.index], rotation=60,
                       ha="right", fontsize=7)
    axes[0].set(title=f"Raw city column: {len(spellings)} different strings", ylabel="rows")
    city = wrangling.normalize_categories(raw["city"], datasets.CITY_ALIASES)
    counts = city.value_counts(dropna=False)
    labels = ["missing" if pd.isna(c) else str(c) for c in counts.index]
    axes[1].bar(range(len(counts)), counts.to_numpy(), color="#2c7fb8")
    axes[1].set_xticks(range(len(counts)), labels, rotation=30, ha="right")
    axes[1].set(title="After normalize_categories", ylabel="rows")
    first = _save(fig, out_dir, "city_spellings.png")

    income = _typed(raw)["income"]
    clipped, flagged = wrangling.clip_outliers(income)
    q1, q3 = income.quantile([0.25, 0.75])
    low, high = q1 - 1.5 * (q3 - q1), q3 + 1.5 * (q3 - q1)
    rng = np.random.default_rng(0)
    fig, axes = plt.subplots(1, 2, figsize=(11, 3.8), sharey=False)
    jitter = rng.uniform(-0.3, 0.3, size=len(income))
    for ax, values, title in ((axes[0], income, "Before: log scale, outliers in red"),
                              (axes[1], clipped, "After clipping to the fences")):
        ax.scatter(values[~flagged], jitter[~flagged], s=6, alpha=0.5, color="gray")
        ax.scatter(values[flagged], jitter[flagged], s=14, color="#c0392b",
                   label=f"{int(flagged.sum())} outliers")
        for x, name in ((low, "Q1 - 1.5 IQR"), (high, "Q3 + 1.5 IQR")):
            ax.axvline(x, color="#2c7fb8", ls="--")
            ax.text(x, 0.42, name, fontsize=7, ha="center", color="#2c7fb8")
        ax.set(title=title, xlabel="income ($)", yticks=[], ylim=(-0.5, 0.5))
    axes[0].set_xscale("log")
    axes[0].legend(fontsize=8, loc="lower right")
    return [first, _save(fig, out_dir, "outliers.png")]


def reshaping(out_dir: Path) -> list[Path]:
    """The churn-rate pivot table as a heatmap; features before and after standardising."""
    raw, raw_orders = datasets.messy_customers(500, 0), datasets.orders(0, 500)
    clean = wrangling.clean_customers(raw, raw_orders)
    table = wrangling.churn_table(clean.astype({"city": "str", "plan": "str"}), "city", "plan")
    fig, axes = plt.subplots(1, 2, figsize=(11, 4), gridspec_kw={"width_ratios": [1, 1.2]})
    image = axes[0].imshow(table.to_numpy(), cmap="Reds", vmin=0, vmax=1)
    axes[0].set_xticks(range(table.shape[1]), table.columns, rotation=20)
    axes[0].set_yticks(range(table.shape[0]), table.index)
    for i in range(table.shape[0]):
        for j in range(table.shape[1]):
            axes[0].text(j, i, f"{table.iat[i, j]:.2f}", ha="center", va="center", fontsize=8)
    axes[0].set(title="Churn rate: pivot_table(city x plan)", xlabel="plan", ylabel="city")
    fig.colorbar(image, ax=axes[0], fraction=0.046)
    rate = clean.groupby(pd.cut(clean["n_orders"], [-1, 0, 2, 5, 10, 1000],
                                labels=["0", "1-2", "3-5", "6-10", "11+"]),
                         observed=False)["churned"].mean()
    axes[1].bar(rate.index.astype(str), rate.to_numpy(), color="#2c7fb8")
    axes[1].set(title="Churn rate by number of orders (after merge)", xlabel="orders",
                ylabel="churn rate")
    first = _save(fig, out_dir, "churn_pivot.png")

    X, _ = wrangling.to_model_ready(clean, wrangling.FEATURES_NUMERIC,
                                    wrangling.FEATURES_CATEGORICAL, "churned")
    fig, axes = plt.subplots(1, 2, figsize=(11, 3.8))
    names = ["age", "income", "tenure_days", "n_orders"]
    axes[0].boxplot([clean[c].to_numpy() for c in names], tick_labels=names)
    axes[0].set_yscale("symlog", linthresh=100)
    axes[0].set(title="Before: each feature on its own scale (symlog axis)")
    axes[1].boxplot([X[c].to_numpy() for c in names], tick_labels=names)
    axes[1].axhline(0, color="gray", lw=0.8)
    axes[1].set(title="After standardising: mean 0, standard deviation 1")
    return [first, _save(fig, out_dir, "scaled_features.png")]
