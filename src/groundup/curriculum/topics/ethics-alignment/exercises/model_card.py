"""Exercise fair.model_card: a Markdown model card written from an audit.

Run `groundup lesson fair.metrics` for the lesson, `groundup check fair.model_card` to check.
The checks parse your card: its sections, its table and every number, against the audit.
"""

from typing import Any

import pandas as pd


def model_card(audit_result: dict[str, Any], model_name: str, intended_use: str,
               data_description: str, mitigation: str) -> str:
    r"""A Markdown model card (Mitchell et al., 2019, shortened) from an audit.

    ``audit_result`` has a ``"by_group"`` DataFrame (one row per group, columns ``n``,
    ``selection_rate``, ``tpr``, ``fpr``, ``accuracy``) and the floats
    ``demographic_parity_difference``, ``demographic_parity_ratio``,
    ``equal_opportunity_difference``, ``equalized_odds_difference`` and
    ``disparate_impact_ratio`` (may be nan). Write, in this order::

        # Model card: <model_name>
        ## Intended use
        <intended_use>
        ## Data
        <data_description>
        ## Metrics by group
        | group | n | selection rate | TPR | FPR | accuracy |
        |---|---|---|---|---|---|
        | A | 600 | 0.512 | 0.870 | 0.101 | 0.880 |        (one row per group, 3 decimals)
        ## Fairness metrics
        - demographic parity difference: 0.214
        - demographic parity ratio: 0.583
        - equal opportunity difference: 0.180
        - equalized odds difference: 0.180
        - disparate impact ratio: 0.583
        ## Limitations
        - lowest selection rate: group B (0.299, vs 0.512 for group A)
        - four-fifths rule: fails (disparate impact ratio 0.583 < 0.8)
        ## Mitigation
        <mitigation>

    (blank lines between the blocks are welcome). The four-fifths rule ``fails`` when the
    disparate impact ratio is below 0.8, ``passes`` otherwise, and is ``undefined`` when it
    is nan. More text in any section is fine.

    Raises
    ------
    ValueError
        If ``audit_result`` lacks ``by_group`` or one of the five metrics.
    """
    # TODO: validate the audit, then build the lines of the card and join them with "\n".
    raise NotImplementedError
