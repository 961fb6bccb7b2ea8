# Wrong: the TPR and FPR columns are written in the wrong order (the header says TPR, FPR but
# the row holds FPR, TPR), and a missing metric is not reported (KeyError, not ValueError).
import math


def model_card(audit_result, model_name, intended_use, data_description, mitigation):
    bg = audit_result["by_group"]
    lines = [f"# Model card: {model_name}", "## Intended use", intended_use, "## Data",
             data_description, "## Metrics by group",
             "| group | n | selection rate | TPR | FPR | accuracy |", "|---|---|---|---|---|---|"]
    for label, row in bg.iterrows():
        lines.append(f"| {label} | {int(row['n'])} | {row['selection_rate']:.3f} | {row['fpr']:.3f} "
                     f"| {row['tpr']:.3f} | {row['accuracy']:.3f} |")
    lines.append("## Fairness metrics")
    for key in ["demographic_parity_difference", "demographic_parity_ratio",
                "equal_opportunity_difference", "equalized_odds_difference", "disparate_impact_ratio"]:
        lines.append(f"- {key.replace('_', ' ')}: {audit_result[key]:.3f}")
    low = bg["selection_rate"].idxmin()
    di = audit_result["disparate_impact_ratio"]
    verdict = "undefined" if math.isnan(di) else "fails" if di < 0.8 else "passes"
    lines += ["## Limitations", f"- lowest selection rate: group {low} ({bg['selection_rate'][low]:.3f})",
              f"- four-fifths rule: {verdict}", "## Mitigation", mitigation]
    return "\n".join(lines)
