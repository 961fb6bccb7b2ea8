# Wrong: takes the date of the last row ("last") as the last order, which is only the latest
# date when the orders happen to be sorted by date.
def summarize_orders(orders):
    if not {"customer_id", "order_date", "amount"} <= set(orders.columns):
        raise ValueError("orders needs customer_id, order_date and amount")
    if orders["order_date"].dtype.kind != "M":
        raise ValueError("order_date must be datetime64")
    return orders.groupby("customer_id").agg(
        n_orders=("amount", "size"), total_amount=("amount", "sum"),
        mean_amount=("amount", "mean"), last_order=("order_date", "last")).astype(
        {"n_orders": "int64"})
