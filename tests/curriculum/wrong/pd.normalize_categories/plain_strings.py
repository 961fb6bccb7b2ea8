# Wrong: returns plain strings (dtype str) instead of a categorical Series, and silently
# turns unknown spellings into NaN instead of raising.

def normalize_categories(values, aliases):
    keys = values.str.strip().str.lower().str.replace(r"\s+", " ", regex=True)
    return keys.map(dict(aliases)).astype("str").where(keys.isin(list(aliases))).rename(
        values.name)
