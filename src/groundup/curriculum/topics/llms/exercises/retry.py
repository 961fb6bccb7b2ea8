"""Exercise llm.retry: a validate-and-retry loop.

Run `groundup lesson llm.structured` for the lesson, `groundup check llm.retry` to check.
"""

from collections.abc import Callable
from typing import Any


def json_with_retry(generate: Callable[[str], str], prompt: str,
                    validate: Callable[[str], Any], max_attempts: int = 3) -> Any:
    """Ask the model, validate its reply, and ask again with the error until it is valid.

    * Attempt 1 sends ``prompt``.
    * If ``validate(reply)`` returns, return what it returned.
    * If it raises ``ValueError`` (a bad reply), the next attempt sends the original
      ``prompt`` followed by the error message, e.g.
      ``f"{prompt}\\n\\nYour previous reply was invalid: {error}. Reply again with valid JSON only."``
    * Other exceptions are bugs, not bad replies: let them propagate (no retry).
    * After ``max_attempts`` invalid replies in total, raise ``ValueError``.

    Parameters
    ----------
    generate : callable, str -> str
        The model: a prompt in, a reply out.
    prompt : str
    validate : callable, str -> Any
        Returns the parsed value, or raises ``ValueError`` saying what is wrong.
    max_attempts : int
        ``>= 1``: how many times the model may be called in all.

    Returns
    -------
    Any
        ``validate``'s result for the first valid reply.

    Raises
    ------
    ValueError
        If ``max_attempts < 1``, or no reply was valid.

    Examples
    --------
    >>> import json
    >>> replies = iter(["no idea", '{"age": 36}'])
    >>> json_with_retry(lambda p: next(replies), "Ada's age as JSON?", json.loads)
    {'age': 36}
    """
    # TODO: validate max_attempts; loop: generate, validate, on ValueError build the next
    # prompt from the original one and the error; give up with ValueError.
    raise NotImplementedError
