# Wrong: beta multiplies the loss instead of the margin inside the sigmoid:
# beta * -log sigma(margin) rather than -log sigma(beta * margin).
import numpy as np


def _check(pc, pr, rc, rr, beta):
    arrays = [np.asarray(a, dtype=float) for a in (pc, pr, rc, rr)]
    if len({a.shape for a in arrays}) != 1 or arrays[0].ndim != 1 or arrays[0].size == 0 or beta <= 0:
        raise ValueError("bad input")
    return arrays


def dpo_loss(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps, beta=0.1):
    pc, pr, rc, rr = _check(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps,
                            ref_rejected_logps, beta)
    margin = (pc - rc) - (pr - rr)
    return float(beta * np.logaddexp(0, -margin).mean())


def dpo_loss_grad(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps, beta=0.1):
    pc, pr, rc, rr = _check(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps,
                            ref_rejected_logps, beta)
    margin = (pc - rc) - (pr - rr)
    w = beta * np.exp(-np.logaddexp(0, margin)) / pc.size
    return -w, w


def dpo_implicit_rewards(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps, beta=0.1):
    pc, pr, rc, rr = _check(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps,
                            ref_rejected_logps, beta)
    return beta * (pc - rc), beta * (pr - rr)
