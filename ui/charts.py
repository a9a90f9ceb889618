"""Chart builders shared by the pages (plotly), so every chart looks and reads the same."""

from __future__ import annotations

import plotly.graph_objects as go

COLORS = (
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
    "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22",
)  # fmt: skip


def style(
    fig: go.Figure,
    *,
    x_title: str,
    y_title: str,
    title: str | None = None,
    height: int = 420,
    hover: str = "x unified",
) -> go.Figure:
    """Apply the lab's look: axis titles (always), legend on top, compact margins."""
    fig.update_layout(
        title=title,
        height=height,
        margin={"l": 10, "r": 10, "t": 60 if title else 30, "b": 10},
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
