"""Exercise pd.groupby_agg: one row per customer from the orders table.

Run `groundup lesson pd.reshaping` for the lesson, `groundup check pd.groupby_agg` to check.
Vectorised pandas only: no for/while loops, no `.apply`. Do not change `orders`.
"""

import pandas as pd


def summarize_orders(orders: pd.DataFrame) -> pd.DataFrame:
    r"""Split the orders by ``customer_id``, summarise each group, combine.

    For the orders :math:`i \in G_c` of customer :math:`c`:
    ``n_orders`` :math:`= |G_c|` (every order counts, even one whose amount is missing),
    ``total_amount`` :math:`= \sum_{i \in G_c} a_i` and ``mean_amount`` the mean of the
    amounts (both ignore missing amounts), ``last_order`` :math:`= \max_{i \in G_c} t_i`.

    Parameters
    ----------
    orders : pandas.DataFrame
        Columns ``customer_id``, ``order_date`` (datetime64) and ``amount``; maybe others.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``customer_id`` (sorted, index name ``"customer_id"``), with the columns
        ``n_orders`` (int64), ``total_amount``, ``mean_amount`` (float64) and ``last_order``
        (datetime64), in that order.

    Raises
    ------
    ValueError
        If one of the three columns is missing, or ``order_date`` is not datetime64.

    Examples
    --------
    >>> orders = pd.DataFrame({"customer_id": ["C2", "C1", "C2"], "amount": [10.0, 5.0, 20.0],
    ...                        "order_date": pd.to_datetime(["2024-01-02", "2024-03-01",
    ...                                                      "2023-12-31"])})
    >>> summarize_orders(orders)
                 n_orders  total_amount  mean_amount last_order
    customer_id
    C1                  1           5.0          5.0 2024-03-01
    C2                  2          30.0         15.0 2024-01-02
    """
    # TODO: check the columns and the dtype, then groupby("customer_id") with named agg.
    raise NotImplementedError
