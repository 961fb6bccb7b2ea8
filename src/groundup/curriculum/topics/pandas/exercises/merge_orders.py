"""Exercise pd.merge_orders: attach each customer's order summary (a left join).

Run `groundup lesson pd.reshaping` for the lesson, `groundup check pd.merge_orders` to check.
Vectorised pandas only: no for/while loops, no `.apply`. Do not change the input frames.
"""

import pandas as pd


def merge_orders(customers: pd.DataFrame, summary: pd.DataFrame) -> pd.DataFrame:
    r"""Left-join ``summary`` (indexed by customer id) onto ``customers.customer_id``.

    Every customer is kept, in order, with ``customers``' own index; the summary's columns
    come after the customers' columns; summary rows of unknown customers are dropped. A
    customer without orders gets ``n_orders = 0`` (int64) and ``total_amount = 0.0``:
    no orders means zero of them. ``mean_amount`` stays ``NaN`` and ``last_order`` ``NaT``.

    Parameters
    ----------
    customers : pandas.DataFrame
        Has a ``customer_id`` column.
    summary : pandas.DataFrame
        What ``summarize_orders`` returns: indexed by customer id, with ``n_orders``,
        ``total_amount``, ``mean_amount`` and ``last_order``.

    Returns
    -------
    pandas.DataFrame

    Raises
    ------
    ValueError
        If ``customers`` has no ``customer_id`` column, the summary's index repeats an id
        (the join would duplicate customers), or a column is in both tables.

    Examples
    --------
    >>> customers = pd.DataFrame({"customer_id": ["C1", "C2"]})
    >>> summary = pd.DataFrame({"n_orders": [3], "total_amount": [30.0], "mean_amount": [10.0]},
    ...                        index=pd.Index(["C1"], name="customer_id"))
    >>> merge_orders(customers, summary)
      customer_id  n_orders  total_amount  mean_amount
    0          C1         3          30.0         10.0
    1          C2         0           0.0          NaN
    """
    # TODO: validate, join on customer_id (how="left"), fill the counts with 0, cast to int64.
    raise NotImplementedError
