"""Exercise llm.parse_json: extract and validate JSON from a model's reply.

Run `groundup lesson llm.structured` for the lesson, `groundup check llm.parse_json` to check.
"""

import json  # noqa: F401 - you will need it


def parse_json(text: str, required: tuple[str, ...] | list[str] = ()) -> dict:
    """The first JSON object in ``text``, with every key in ``required``.

    Models surround JSON with prose and code fences (``Sure! ```json {...}``` ``). Take the
    first ``{`` from which a complete JSON object parses (if parsing from a ``{`` fails, try
    the next one); the object ends where the JSON parser says, not at the first or last ``}``.

    Parameters
    ----------
    text : str
        The model's reply.
    required : list of str
        Keys the object must have.

    Returns
    -------
    dict
        The parsed object.

    Raises
    ------
    ValueError
        If no JSON object is found, or (with a message naming them) if required keys are
        missing.

    Examples
    --------
    >>> parse_json('Sure! {"name": "Ada", "age": 36} Anything else?', ["name"])
    {'name': 'Ada', 'age': 36}
    """
    # TODO: try json.JSONDecoder().raw_decode at each '{'; check the required keys.
    raise NotImplementedError
