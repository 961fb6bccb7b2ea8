# Wrong: plots against range(n), so the first epoch is 0 instead of 1 (and the best epoch too).
import matplotlib.pyplot as plt
import numpy as np


def training_curve(train_loss, val_loss, log_scale=False):
    train, val = np.asarray(train_loss, float), np.asarray(val_loss, float)
    if train.size == 0 or train.shape != val.shape or (log_scale and (train.min() <= 0 or val.min() <= 0)):
        raise ValueError("bad input")
    epochs = np.arange(len(train))
    fig, ax = plt.subplots()
    ax.plot(epochs, train, label="train")
    ax.plot(epochs, val, label="validation")
    ax.axvline(epochs[np.argmin(val)], linestyle="--", label="best epoch")
    if log_scale:
        ax.set_yscale("log")
    ax.set(xlabel="epoch", ylabel="loss", title="Training curve")
    ax.legend()
    return fig
