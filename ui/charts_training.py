"""Chart builders of the chapter 4 pages (softmax and losses, training), in the lab's look.

Bars for probabilities, and the loss / accuracy curves of a training run. They use
``ui.charts.style`` so they read like every other chart.
"""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from ui.charts import COLORS, MODEBAR_PX, TITLE_PX, style


def _room_for_legend(fig: go.Figure, title: str | None) -> None:
    """Keep a title clear of a legend that wraps to two rows (the legend sits on the plot)."""
    if title:
        fig.update_layout(margin={"t": MODEBAR_PX + TITLE_PX + 50})


def bar_chart(
    categories: Sequence[str],
    series: list[tuple[str, Sequence[float]]],
    *,
    x_title: str,
    y_title: str,
    title: str | None = None,
    height: int = 360,
    highlight: int | None = None,
    y_range: tuple[float, float] | None = (0.0, 1.05),
    legend: bool | None = None,
) -> go.Figure:
    """Grouped bars, one group per category, with the values printed on the bars.

    ``highlight`` draws the bars of that category index with a dark outline (the decision,
    or the true class). The legend shows with several series, or when ``legend`` is True.
    """
    legend = len(series) > 1 if legend is None else legend
    fig = go.Figure()
    for i, (name, values) in enumerate(series):
        outline = [2.5 if k == highlight else 0 for k in range(len(categories))]
        fig.add_trace(
            go.Bar(
                x=list(categories),
                y=list(values),
                name=name,
                marker={
                    "color": COLORS[i % len(COLORS)],
                    "line": {"color": "#222", "width": outline},
                },
                text=[f"{v:.3f}" for v in values],
                textposition="outside",
                cliponaxis=False,
                hovertemplate="%{x}: %{y:.6g}<extra>" + name + "</extra>",
            )
        )
    fig.update_layout(barmode="group")
    style(fig, x_title=x_title, y_title=y_title, title=title, height=height, hover="closest")
    fig.update_layout(showlegend=legend)
    if legend:
        _room_for_legend(fig, title)
    fig.update_xaxes(type="category")
    if y_range is not None:
        fig.update_yaxes(range=list(y_range))
    return fig


def curves_with_marker(
    x: Sequence[float],
    curves: list[tuple[str, Sequence[float], dict]],
    *,
    marker_x: float | None,
    marker_label: str,
    x_title: str,
    y_title: str,
    title: str | None = None,
    height: int = 380,
    y_range: tuple[float, float] | None = None,
    log_x: bool = False,
) -> go.Figure:
    """Lines over a shared x and a dashed vertical marker at ``marker_x`` (the slider's value)."""
    fig = go.Figure()
    for i, (name, y, line) in enumerate(curves):
        fig.add_trace(
            go.Scatter(
                x=list(x),
                y=list(y),
                name=name,
                mode="lines",
                line={"color": COLORS[i % len(COLORS)], "width": 2.5, **line},
                hovertemplate="%{y:.4g}",
            )
        )
    style(fig, x_title=x_title, y_title=y_title, title=title, height=height)
    _room_for_legend(fig, title)
    if marker_x is not None:
        fig.add_vline(
            x=marker_x,
            line={"dash": "dash", "color": "#555", "width": 1.5},
            annotation_text=marker_label,
            annotation_position="top right",
        )
    if log_x:
        fig.update_xaxes(type="log", exponentformat="power")
    if y_range is not None:
        fig.update_yaxes(range=list(y_range))
    return fig


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
    _room_for_legend(loss_fig, names["loss_title"])  # titles level with the accuracy chart's
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
    _room_for_legend(acc_fig, names["acc_title"])
    acc_fig.update_yaxes(range=[0, 1.02])
    acc_fig.update_xaxes(dtick=1 if len(epochs) <= 20 else None, rangemode="tozero")
    return loss_fig, acc_fig
