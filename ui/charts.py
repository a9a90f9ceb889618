"""Chart builders shared by the pages (plotly), so every chart looks and reads the same."""

from __future__ import annotations

import plotly.graph_objects as go

COLORS = (
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
    "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22",
)  # fmt: skip


MODEBAR_PX = 30
"""Height of plotly's toolbar strip at a chart's top right. It shows while the pointer (or a
finger, on a phone) is on the chart, so titles start below it instead of under it."""
TITLE_PX = 28  # one line of title text


def title_below_modebar(title: str | None) -> dict:
    """Plotly title settings that put the title's top MODEBAR_PX below the figure's top.

    Reserve ``MODEBAR_PX + TITLE_PX`` of top margin (``style`` does) so the plot starts below.
    """
    return {"text": title, "y": 1, "yref": "container", "yanchor": "top", "pad": {"t": MODEBAR_PX}}


def style(
    fig: go.Figure,
    *,
    x_title: str,
    y_title: str,
    title: str | None = None,
    height: int = 420,
    hover: str = "x unified",
) -> go.Figure:
    """Apply the lab's look: axis titles (always), legend on top, compact margins, and the
    title clear of plotly's toolbar (see ``title_below_modebar``)."""
    top = MODEBAR_PX + (TITLE_PX + 4 if title else 0)
    fig.update_layout(
        title=title_below_modebar(title),
        height=height,
        margin={"l": 10, "r": 10, "t": top, "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "left", "x": 0},
        hovermode=hover,
    )  # no template: st.plotly_chart applies Streamlit's theme, and a template costs ~35 ms
    fig.update_xaxes(title_text=x_title, zeroline=True, zerolinecolor="#bbb")
    fig.update_yaxes(title_text=y_title, zeroline=True, zerolinecolor="#bbb")
    return fig


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
    style(
        fig,
        x_title=x_title,
        y_title=y_title,
        title=title,
        height=height,
        hover="closest" if log else "x unified",
    )
    if log_x:
        fig.update_xaxes(type="log", exponentformat="power")
    if log_y:
        fig.update_yaxes(type="log", exponentformat="power")
    return fig
