# Wrong: the card always says the four-fifths rule passes (typed by hand, not derived from the
# disparate impact ratio), and names the group with the *highest* selection rate as the lowest.
def model_card(audit_result, model_name, intended_use, data_description, mitigation):
    keys = ["by_group", "demographic_parity_difference", "demographic_parity_ratio",
            "equal_opportunity_difference", "equalized_odds_difference", "disparate_impact_ratio"]
    if any(k not in audit_result for k in keys):
        raise ValueError("audit_result is incomplete")
    bg = audit_result["by_group"]
    lines = [f"# Model card: {model_name}", "## Intended use", intended_use, "## Data",
             data_description, "## Metrics by group",
             "| group | n | selection rate | TPR | FPR | accuracy |", "|---|---|---|---|---|---|"]
    for label, row in bg.iterrows():
        lines.append(f"| {label} | {int(row['n'])} | {row['selection_rate']:.3f} | {row['tpr']:.3f} "
                     f"| {row['fpr']:.3f} | {row['accuracy']:.3f} |")
    lines.append("## Fairness metrics")
    for key in keys[1:]:
        lines.append(f"- {key.replace('_', ' ')}: {audit_result[key]:.3f}")
    high = bg["selection_rate"].idxmax()
    lines += ["## Limitations",
              f"- lowest selection rate: group {high} ({bg['selection_rate'][high]:.3f})",
              "- four-fifths rule: passes", "## Mitigation", mitigation]
    return "\n".join(lines)
