"""Exercise llm.chat_template: SmolLM2's chat template, character for character.

Run `groundup lesson llm.prompting` for the lesson, `groundup check llm.chat_template` to check.
"""

DEFAULT_SYSTEM_PROMPT = "You are a helpful AI assistant named SmolLM, trained by Hugging Face"


def chat_template(messages: list[dict[str, str]], add_generation_prompt: bool = True) -> str:
    r"""The string SmolLM2-135M-Instruct reads for a conversation (ChatML).

    Every message :math:`m` becomes

    ``<|im_start|>`` + ``m["role"]`` + ``\n`` + ``m["content"]`` + ``<|im_end|>`` + ``\n``

    and the messages are concatenated in order. If the *first* message is not a system
    message, a system message with ``DEFAULT_SYSTEM_PROMPT`` comes before everything. With
    ``add_generation_prompt`` the string ends with ``<|im_start|>assistant\n``: the cue for
    the model to write the assistant's reply.

    Parameters
    ----------
    messages : list of dict
        Each ``{"role": "system" | "user" | "assistant", "content": str}``, in order; at
        least one.
    add_generation_prompt : bool
        Whether to end with the assistant's opening ``<|im_start|>assistant\n``.

    Returns
    -------
    str

    Raises
    ------
    ValueError
        If ``messages`` is empty, a message does not have exactly the keys ``role`` and
        ``content``, a role is not system/user/assistant, or a content is not a string.

    Examples
    --------
    >>> chat_template([{"role": "system", "content": "Be brief."},
    ...                {"role": "user", "content": "Hi"}])
    '<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n'
    """
    # TODO: validate the messages, add the default system message when messages[0] is not a
    # system message, wrap every message, add the generation prompt, join.
    raise NotImplementedError
