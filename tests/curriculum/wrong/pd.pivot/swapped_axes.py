# Wrong: puts `columns` on the rows and `index` on the columns (the table is transposed).
def churn_table(df, index, columns, target="churned"):
    if not {index, columns, target} <= set(df.columns):
        raise ValueError("unknown column")
    if df[target].dtype.kind not in "biuf":
        raise ValueError("the target must be numeric")
    return df.astype({target: "float64"}).pivot_table(index=columns, columns=index,
                                                      values=target, aggfunc="mean")
