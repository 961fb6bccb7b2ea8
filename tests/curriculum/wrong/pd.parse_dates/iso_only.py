# Wrong: parses only the ISO format, so every US-style date (03/15/2021) becomes NaT.
import pandas as pd


def parse_dates(values):
    return pd.to_datetime(values.str.strip(), format="%Y-%m-%d", errors="coerce")
