# Wrong: labels the lines but never calls ax.legend(), so the reader cannot tell them apart.
import matplotlib.pyplot as plt
import numpy as np


def training_curve(train_loss, val_loss, log_scale=False):
    train, val = np.asarray(train_loss, float), np.asarray(val_loss, float)
    if train.size == 0 or train.shape != val.shape or (log_scale and (train.min() <= 0 or val.min() <= 0)):
        raise ValueError("bad input")
    epochs = np.arange(1, len(train) + 1)
    fig, ax = plt.subplots()
    ax.plot(epochs, train, label="train")
    ax.plot(epochs, val, label="validation")
    ax.axvline(int(np.argmin(val)) + 1, linestyle="--", label="best epoch")
    if log_scale:
        ax.set_yscale("log")
    ax.set(xlabel="epoch", ylabel="loss", title="Training curve")
    return fig
