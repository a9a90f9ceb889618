"""Chart builders shared by the pages (plotly), so every chart looks and reads the same."""

from __future__ import annotations

import re
from collections.abc import Sequence

import plotly.graph_objects as go

COLORS = (
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
    "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22",
)  # fmt: skip
INK = "#222222"  # text and lines drawn on top of coloured marks
FONT = {"size": 15}  # readable on a projector


MODEBAR_PX = 30
"""Height of plotly's toolbar strip at a chart's top right. It shows while the pointer (or a
finger, on a phone) is on the chart, so titles start below it instead of under it."""
TITLE_PX = 28  # one line of title text


def title_below_modebar(title: str | None) -> dict:
    """Plotly title settings that put the title's top MODEBAR_PX below the figure's top.

    Reserve ``MODEBAR_PX + TITLE_PX`` of top margin (``style`` does) so the plot starts below.
    """
    return {"text": title, "y": 1, "yref": "container", "yanchor": "top", "pad": {"t": MODEBAR_PX}}


def _merged(base: dict, changes: dict) -> dict:
    """``base`` with ``changes`` written over it, nested dicts merged key by key."""
    out = dict(base)
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merged(out[key], value)
        else:
            out[key] = value
    return out


def relayout(
    fig: go.Figure,
    layout: dict | None = None,
    *,
    xaxis: dict | None = None,
    yaxis: dict | None = None,
) -> go.Figure:
    """``fig.update_layout(layout)``, ``update_xaxes(xaxis)`` and ``update_yaxes(yaxis)`` in
    one pass: the merged layout is validated once, as a new ``go.Layout``.

    Plotly's ``update_*`` methods dispatch each change through the machinery that keeps a
    ``FigureWidget`` in sync; a 28x28 image chart took 31 ms to style that way and 5 ms this way,
    and /digits draws a dozen charts after every stroke. The changes are nested dicts (write
    ``{"title": {"text": t}}``, not ``title_text=t``); axis changes apply to every x (y) axis of
    the figure, as ``update_xaxes`` does. The figure keeps plotly's default template (Streamlit
    sets it on import); the lab sets no other.
    """
    current = fig.layout.to_plotly_json()
    current.pop("template", None)  # the default (Streamlit's) comes back with the new Layout
    merged = _merged(current, layout or {})
    for name, changes in (("xaxis", xaxis), ("yaxis", yaxis)):
        if changes:
            keys = [k for k in merged if re.fullmatch(name + r"\d*", k)] or [name]
            for key in keys:
                merged[key] = _merged(merged.get(key, {}), changes)
    fig.layout = go.Layout(merged)
    return fig


def style(
    fig: go.Figure,
    *,
    x_title: str,
    y_title: str,
    title: str | None = None,
    height: int = 420,
    hover: str = "x unified",
    layout: dict | None = None,
    xaxis: dict | None = None,
    yaxis: dict | None = None,
) -> go.Figure:
    """Apply the lab's look: axis titles (always), legend on top, compact margins, and the
    title clear of plotly's toolbar (see ``title_below_modebar``). ``layout``, ``xaxis`` and
    ``yaxis`` are more changes made in the same pass (see ``relayout``)."""
    top = MODEBAR_PX + (TITLE_PX + 4 if title else 0)
    look = {
        "title": title_below_modebar(title),
        "height": height,
        "margin": {"l": 10, "r": 10, "t": top, "b": 10},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "left", "x": 0},
        "hovermode": hover,
    }  # no template: st.plotly_chart applies Streamlit's theme, and a template costs ~35 ms
    axis = {"zeroline": True, "zerolinecolor": "#bbb"}
    return relayout(
        fig,
        _merged(look, layout or {}),
        xaxis=_merged({**axis, "title": {"text": x_title}}, xaxis or {}),
        yaxis=_merged({**axis, "title": {"text": y_title}}, yaxis or {}),
    )


def line_chart(
    x,
    curves: list[tuple[str, object, dict]],
    *,
    x_title: str,
    y_title: str,
    title: str | None = None,
    height: int = 420,
    log_x: bool = False,
    log_y: bool = False,
) -> go.Figure:
    """Lines over a shared x: curves are (name, y, extra line style) triples.

    With a log axis the hover shows x too and reads each curve on its own ("closest"), because
    a unified hover over 50 decades of x is unreadable."""
    log = log_x or log_y
    fig = go.Figure()
    for i, (name, y, line) in enumerate(curves):
        fig.add_trace(
            go.Scatter(
                x=x,
                y=y,
                name=name,
                mode="lines",
                line={"color": COLORS[i % len(COLORS)], "width": 2.5, **line},
                hovertemplate=f"%{{x:.3g}}: %{{y:.6g}}<extra>{name}</extra>" if log else "%{y:.4f}",
            )
        )
    log_axis = {"type": "log", "exponentformat": "power"}
    return style(
        fig,
        x_title=x_title,
        y_title=y_title,
        title=title,
        height=height,
        hover="closest" if log else "x unified",
        xaxis=log_axis if log_x else None,
        yaxis=log_axis if log_y else None,
    )


def room_for_legend(fig: go.Figure, title: str | None) -> None:
    """Keep a title clear of a legend that wraps to two rows (the legend sits on the plot)."""
    if title:
        relayout(fig, {"margin": {"t": MODEBAR_PX + TITLE_PX + 50}})


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
                    "line": {"color": INK, "width": outline},
                },
                text=[f"{v:.3f}" for v in values],
                textposition="outside",
                cliponaxis=False,
                hovertemplate="%{x}: %{y:.6g}<extra>" + name + "</extra>",
            )
        )
    style(
        fig,
        x_title=x_title,
        y_title=y_title,
        title=title,
        height=height,
        hover="closest",
        layout={"barmode": "group", "showlegend": legend},
        xaxis={"type": "category"},
        yaxis={"range": list(y_range)} if y_range is not None else None,
    )
    if legend:
        room_for_legend(fig, title)
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
    """``line_chart`` with a dashed vertical marker at ``marker_x`` (the slider's value)."""
    fig = line_chart(
        list(x), curves, x_title=x_title, y_title=y_title, title=title, height=height, log_x=log_x
    )
    room_for_legend(fig, title)
    if marker_x is not None:
        fig.add_vline(
            x=marker_x,
            line={"dash": "dash", "color": "#555", "width": 1.5},
            annotation_text=marker_label,
            annotation_position="top right",
        )
    if y_range is not None:
        relayout(fig, yaxis={"range": list(y_range)})
    return fig
