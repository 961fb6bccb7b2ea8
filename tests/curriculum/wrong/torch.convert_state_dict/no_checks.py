# Wrong: does not check the keys and shapes, so a bad state dict makes load_state_dict raise
# RuntimeError instead of a ValueError that says what is wrong.
import torch


def convert_state_dict(state, model):
    target = model.state_dict()
    out = {k: torch.tensor(v, dtype=target[k].dtype if k in target else torch.float32)
           for k, v in state.items()}
    model.load_state_dict(out)
    return out
