"""Exercise viz.training_curve: a training curve with the best epoch marked.

Run `groundup lesson viz.anatomy` for the lesson, `groundup check viz.training_curve` to check.
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure
from numpy.typing import ArrayLike


def training_curve(train_loss: ArrayLike, val_loss: ArrayLike, log_scale: bool = False) -> Figure:
    r"""Plot the training and validation loss per epoch; mark the best epoch.

    Epochs count from 1: epoch :math:`t` has losses ``train_loss[t - 1]`` and
    ``val_loss[t - 1]``. The best epoch is the *first* one with the lowest validation loss,

    .. math:: t^\star = 1 + \operatorname{argmin}_t \; \text{val\_loss}_t

    Parameters
    ----------
    train_loss, val_loss : array_like, shape (num_epochs,)
        Losses per epoch, the same length, at least one.
    log_scale : bool
        Draw the loss axis on a log scale (then every loss must be > 0).

    Returns
    -------
    matplotlib.figure.Figure
        One Axes with

        - a line labelled ``"train"`` and one labelled ``"validation"``, both with
          x = 1, 2, ..., num_epochs;
        - a vertical line (``ax.axvline``) at :math:`t^\star`, labelled ``"best epoch"``;
        - the x-axis labelled ``"epoch"``, the y-axis ``"loss"``, the title
          ``"Training curve"`` and a legend;
        - a ``"log"`` y-scale when ``log_scale`` is true.

    Raises
    ------
    ValueError
        If the lengths differ, there are no epochs, or ``log_scale`` is true and a loss is <= 0.

    Examples
    --------
    >>> fig = training_curve([1.0, 0.5, 0.3], [1.1, 0.6, 0.7])
    >>> [line.get_label() for line in fig.axes[0].lines]
    ['train', 'validation', 'best epoch']
    """
    # TODO: validate; epochs = 1..n; plot both curves with labels; axvline at the best epoch;
    # log scale if asked; axis labels, title, legend; return fig.
    raise NotImplementedError
