"""Chart builders of the training page: the loss over the iterations and the accuracy per
epoch of a training run, in the lab's look (``ui.charts``)."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from ui.charts import COLORS, room_for_legend, style


def training_charts(
    iterations: Sequence[int],
    loss: Sequence[float],
    train_acc: Sequence[float],
    test_acc: Sequence[float],
    *,
    names: dict[str, str],
    height: int = 340,
) -> tuple[go.Figure, go.Figure]:
    """The loss over the iterations, and train/test accuracy per epoch (epoch 0: before).

    ``names`` holds the visible texts: loss, train, test, iteration, epoch, loss_title,
    acc_title, accuracy.
    """
    loss_fig = go.Figure(
        go.Scatter(
            x=list(iterations),
            y=list(loss),
            name=names["loss"],
            mode="lines",
            line={"color": COLORS[0], "width": 1.5},
            hovertemplate="%{y:.4f}",
        )
    )
    style(
        loss_fig,
        x_title=names["iteration"],
        y_title=names["loss"],
        title=names["loss_title"],
        height=height,
    )
    loss_fig.update_layout(showlegend=False)
    room_for_legend(loss_fig, names["loss_title"])  # titles level with the accuracy chart's
    loss_fig.update_yaxes(rangemode="tozero")
    epochs = list(range(len(train_acc)))
    acc_fig = go.Figure()
    for i, (name, acc) in enumerate(((names["train"], train_acc), (names["test"], test_acc))):
        acc_fig.add_trace(
            go.Scatter(
                x=epochs[: len(acc)],
                y=list(acc),
                name=name,
                mode="lines+markers",
                line={"color": COLORS[i + 1], "width": 2.5, "dash": "dash" if i else "solid"},
                hovertemplate="%{y:.4f}",
            )
        )
    style(
        acc_fig,
        x_title=names["epoch"],
        y_title=names["accuracy"],
        title=names["acc_title"],
        height=height,
    )
    room_for_legend(acc_fig, names["acc_title"])
    acc_fig.update_yaxes(range=[0, 1.02])
    acc_fig.update_xaxes(dtick=1 if len(epochs) <= 20 else None, rangemode="tozero")
    return loss_fig, acc_fig
