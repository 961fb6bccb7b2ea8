"""Figures for the ethics and alignment lessons (matplotlib, Agg backend, seeded)."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402 - the backend must be chosen first
import numpy as np  # noqa: E402

from groundup import alignment as al  # noqa: E402
from groundup import fairness as fair  # noqa: E402
from groundup.curriculum.figures import save  # noqa: E402


def _loan_model(df, weights=None):  # type: ignore[no-untyped-def]
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    model = make_pipeline(StandardScaler(), LogisticRegression())
    return model.fit(df[fair.FEATURES], df["approved"],
                     logisticregression__sample_weight=weights)


def fairness(out_dir: Path) -> list[Path]:
    """Per-group rates of a model trained on biased loans; the accuracy/fairness trade-off."""
    df = fair.biased_loans(4000, seed=0)
    X, group = df[fair.FEATURES], df["group"].to_numpy()
    model = _loan_model(df)
    result = fair.audit(model, X, df["qualified"], group)
    by_group = result["by_group"]
    historical = df.groupby("group")["approved"].mean()

    fig, ax = plt.subplots(figsize=(9, 4))
    bars = {"qualified (truth)": by_group["base_rate"], "approved (history)": historical,
            "model selection rate": by_group["selection_rate"],
            "TPR (vs qualified)": by_group["tpr"], "FPR (vs qualified)": by_group["fpr"]}
    x = np.arange(len(by_group))
    width = 0.16
    for i, (label, values) in enumerate(bars.items()):
        heights = np.asarray(values, dtype=float)
        ax.bar(x + (i - 2) * width, heights, width, label=label)
        for xi, h in zip(x + (i - 2) * width, heights, strict=True):
            ax.text(xi, h + 0.01, f"{h:.2f}", ha="center", fontsize=7)
    ax.set_xticks(x, [f"group {g}" for g in by_group.index])
    ax.set(ylim=(0, 1.05), ylabel="rate",
           title=f"Audit of a logistic regression trained on biased history: DP difference "
                 f"{result['demographic_parity_difference']:.2f}, equal opportunity difference "
                 f"{result['equal_opportunity_difference']:.2f}")
    ax.title.set_fontsize(9)
    ax.legend(fontsize=8, ncol=3, loc="upper right")
    first = save(fig, out_dir, "group_rates.png")

    scores = model.predict_proba(X)[:, 1]
    fig, axes = plt.subplots(1, 2, figsize=(11, 4))
    for labels, name, color in ((df["approved"], "historical labels", "C0"),
                                (df["qualified"], "true qualification", "C1")):
        curve = fair.tradeoff_curve(scores, labels, group)
        axes[0].plot(curve["demographic_parity_difference"], curve["accuracy"], "o-", color=color,
                     label=f"accuracy vs {name}")
        for _, row in curve.iloc[::5].iterrows():
            axes[0].annotate(f"α={row['alpha']:.1f}", (row["demographic_parity_difference"],
                                                       row["accuracy"]), fontsize=7,
                             textcoords="offset points", xytext=(4, 4))
    axes[0].set(xlabel="demographic parity difference (lower is fairer)", ylabel="accuracy",
                title="From one threshold (α = 0) to parity thresholds (α = 1)")
    axes[0].legend(fontsize=8)

    weights = fair.reweighing(df["approved"], group)
    reweighed = fair.audit(_loan_model(df, weights), X, df["qualified"], group)
    thresholds = fair.group_thresholds(scores, df["qualified"], group, target=0.8)
    y_thr = fair.apply_group_thresholds(scores, group, thresholds)
    thresholded = fair.audit_predictions(df["qualified"], y_thr, group)
    names = ["original", "reweighing", "group thresholds\n(TPR = 0.8)"]
    audits = [result, reweighed, thresholded]
    x = np.arange(3)
    for i, (key, label) in enumerate((("demographic_parity_difference", "DP difference"),
                                      ("equal_opportunity_difference", "EO difference"),
                                      ("accuracy", "accuracy vs qualified"))):
        axes[1].bar(x + (i - 1) * 0.25, [a[key] for a in audits], 0.25, label=label)
    axes[1].set_xticks(x, names)
    axes[1].set(ylim=(0, 1.15), title="Mitigations, audited against the true qualification")
    axes[1].legend(fontsize=8, ncol=3, loc="upper center")
    return [first, save(fig, out_dir, "tradeoff.png")]


def alignment(out_dir: Path) -> list[Path]:
    """Bradley–Terry probabilities and reward-model training; the DPO loss against beta."""
    fig, axes = plt.subplots(1, 2, figsize=(11, 4))
    d = np.linspace(-6, 6, 400)
    axes[0].plot(d, al.bt_probability(d, np.zeros_like(d)), label="P(chosen wins) = σ(d)")
    axes[0].plot(d, -al.log_sigmoid(d), label="loss −log σ(d)")
    axes[0].plot(d, al.sigmoid(-d), "--", label="gradient size σ(−d)")
    axes[0].axvline(0, color="gray", lw=0.5)
    axes[0].set(xlabel="reward difference d = r_chosen − r_rejected", ylim=(0, 3),
                title="Bradley–Terry: preferences from reward differences")
    axes[0].legend(fontsize=8)

    w_true = np.array([2.0, -1.0, 0.5])
    X_c, X_r = al.synthetic_preferences(3000, w_true, seed=0)
    epochs = np.arange(0, 301, 10)
    ws = np.array([al.fit_reward_model(X_c, X_r, lr=1.0, num_epochs=max(int(e), 1))[0]
                   if e else np.zeros(3) for e in epochs])
    for j in range(3):
        axes[1].plot(epochs, ws[:, j], color=f"C{j}", label=f"w[{j}] learned")
        axes[1].axhline(w_true[j], color=f"C{j}", ls=":", label=f"w[{j}] true")
    axes[1].set(xlabel="gradient-descent steps", ylabel="weight",
                title="A linear reward model recovers the hidden reward")
    axes[1].legend(fontsize=7, ncol=2)
    first = save(fig, out_dir, "bradley_terry.png")

    fig, axes = plt.subplots(1, 2, figsize=(11, 4))
    margin = np.linspace(-30, 30, 400)  # (pi_c - ref_c) - (pi_r - ref_r), in nats
    zeros = np.zeros(1)
    for beta in (0.05, 0.1, 0.5, 1.0):
        loss = [al.dpo_loss(np.array([m]), zeros, zeros, zeros, beta) for m in margin]
        grad = [-al.dpo_loss_grad(np.array([m]), zeros, zeros, zeros, beta)[0][0]
                for m in margin]
        axes[0].plot(margin, loss, label=f"β = {beta}")
        axes[1].plot(margin, grad, label=f"β = {beta}")
    axes[0].set(xlabel="log-ratio margin (π_c − ref_c) − (π_r − ref_r)", ylabel="DPO loss",
                title="DPO loss: −log σ(β · margin)")
    axes[1].set(xlabel="log-ratio margin", ylabel="−∂L/∂ log π(chosen)",
                title="Gradient push β σ(−β · margin): large β, strong and short")
    for ax in axes:
        ax.axvline(0, color="gray", lw=0.5)
        ax.legend(fontsize=8)
    return [first, save(fig, out_dir, "dpo_landscape.png")]
