# Wrong: counts orders with "count", which skips orders whose amount is missing.
def summarize_orders(orders):
    if not {"customer_id", "order_date", "amount"} <= set(orders.columns):
        raise ValueError("orders needs customer_id, order_date and amount")
    if orders["order_date"].dtype.kind != "M":
        raise ValueError("order_date must be datetime64")
    return orders.groupby("customer_id").agg(
        n_orders=("amount", "count"), total_amount=("amount", "sum"),
        mean_amount=("amount", "mean"), last_order=("order_date", "max")).astype(
        {"n_orders": "int64"})
