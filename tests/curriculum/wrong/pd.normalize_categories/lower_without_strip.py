# Wrong: lower-cases but does not strip or collapse spaces, so " New  York " is not found
# in the alias table (and becomes NaN instead of "New York").
import pandas as pd


def normalize_categories(values, aliases):
    keys = values.str.lower()
    mapped = keys.map(dict(aliases))
    return pd.Series(pd.Categorical(mapped, categories=sorted(set(aliases.values()))),
                     index=values.index, name=values.name)
