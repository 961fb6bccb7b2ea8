# Wrong: sums the target, which counts churners per cell instead of giving the churn rate.
def churn_table(df, index, columns, target="churned"):
    if not {index, columns, target} <= set(df.columns):
        raise ValueError("unknown column")
    if df[target].dtype.kind not in "biuf":
        raise ValueError("the target must be numeric")
    return df.astype({target: "float64"}).pivot_table(index=index, columns=columns,
                                                      values=target, aggfunc="sum")
