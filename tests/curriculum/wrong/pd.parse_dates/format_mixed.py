# Wrong: lets pandas guess each date's format (format="mixed"), which accepts the day-first
# "31/01/2021" as 31 January instead of rejecting it.
import pandas as pd


def parse_dates(values):
    return pd.to_datetime(values.str.strip(), format="mixed", errors="coerce").rename(values.name)
