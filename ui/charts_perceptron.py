"""Chart builders for the perceptron page. Every label comes from the caller.

A square plane, regions, lines, labelled points, a probability map, and a play/pause animation.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from ui.charts import FONT, INK, style

ONE, ZERO, WRONG = "#ff7f0e", "#1f77b4", "#d62728"
GOOD, PURPLE = "#2ca02c", "#9467bd"


def plane(
    *, x_title: str, y_title: str, title: str | None, lo: float, hi: float, height: int = 440
) -> go.Figure:
    """An empty square plane [lo, hi]², axes titled, one unit the same length on both axes."""
    fig = style(go.Figure(), x_title=x_title, y_title=y_title, title=title, height=height)
    fig.update_layout(
        hovermode="closest",
        font=FONT,
        title={"x": 0, "xanchor": "left"},
        legend={"orientation": "h", "yanchor": "top", "y": -0.2, "x": 0, "font": {"size": 13}},
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
    )
    fig.update_xaxes(range=[lo, hi], constrain="domain", dtick=0.5)
    fig.update_yaxes(range=[lo, hi], scaleanchor="x", scaleratio=1, constrain="domain", dtick=0.5)
    return fig


def closed(poly: np.ndarray) -> np.ndarray:
    """The polygon (k, 2) with its first vertex repeated at the end, as a filled trace needs."""
    return np.vstack([poly, poly[:1]]) if len(poly) else poly


def region_trace(poly: np.ndarray, name: str, color: str = ONE) -> go.Scatter:
    """A filled convex polygon (k, 2); an empty one stays in the legend, so frames line up."""
    ring = closed(poly)
    return go.Scatter(
        x=ring[:, 0],
        y=ring[:, 1],
        name=name,
        mode="lines",
        fill="toself",
        fillcolor=_fade(color),
        line={"width": 0},
        hoverinfo="skip",
    )


def line_trace(seg: np.ndarray, name: str, color: str = INK, dash: str = "solid") -> go.Scatter:
    """A segment (2, 2), or nothing when the segment is empty."""
    return go.Scatter(
        x=seg[:, 0],
        y=seg[:, 1],
        name=name,
        mode="lines",
        line={"color": color, "width": 3.5, "dash": dash},
        hoverinfo="skip",
    )


def point_traces(
    x1: np.ndarray,
    x2: np.ndarray,
    t: np.ndarray,
    *,
    names: tuple[str, str],
    text: list[str] | None = None,
) -> list[go.Scatter]:
    """Points (x1, x2) as dots: filled orange where the target is 1, open blue where it is 0."""
    x1, x2, t = np.asarray(x1), np.asarray(x2), np.asarray(t)
    traces = []
    styles = ((1, names[0], ONE, "circle"), (0, names[1], ZERO, "circle-open"))
    for value, name, color, symbol in styles:
        pick = t == value
        traces.append(
            go.Scatter(
                x=x1[pick],
                y=x2[pick],
                name=name,
                mode="markers+text" if text else "markers",
                text=[s for s, p in zip(text, pick, strict=True) if p] if text else None,
                textposition="top center",
                textfont={"size": 14},
                marker={"color": color, "size": 20, "symbol": symbol, "line": {"width": 3}},
                hovertemplate="(%{x}, %{y})<extra></extra>",
            )
        )
    return traces


def ring_trace(
    x: np.ndarray, name: str, color: str = WRONG, size: int = 34, symbol: str = "circle-open"
) -> go.Scatter:
    """Rings around the points x (k, 2), e.g. the inputs a perceptron gets wrong."""
    return go.Scatter(
        x=x[:, 0],
        y=x[:, 1],
        name=name,
        mode="markers",
        marker={"color": color, "size": size, "symbol": symbol, "line": {"width": 3}},
        hoverinfo="skip",
    )


def star_trace(x: float, y: float, name: str, ok: bool) -> go.Scatter:
    """One point marked with a star: green when ok, red otherwise."""
    return go.Scatter(
        x=[x],
        y=[y],
        name=name,
        mode="markers",
        marker={"size": 20, "symbol": "star", "color": GOOD if ok else WRONG},
        hovertemplate="(%{x:.1f}, %{y:.1f})<extra></extra>",
    )


def z_frame(z: np.ndarray, *, name: str, title: str, shapes: list[dict] = ()) -> dict:
    """An animation frame that replaces the values of trace 0 (a contour) by z, the title, and
    the layout's shapes (e.g. a marker on another panel).

    Only trace 0 is listed: plotly.js removes from the picture every trace a frame does not
    list when it animates a scatter trace, so markers that move are shapes, not traces.
    """
    z = np.round(z, 3).astype(np.float32)  # sent as base64 of 4 bytes a value, not 8
    layout = {"title": {"text": title, "x": 0, "xanchor": "left"}}
    if shapes:
        layout["shapes"] = list(shapes)
    return {"name": name, "traces": [0], "data": [{"type": "contour", "z": z}], "layout": layout}


LOSS_DOMAIN = (0.66, 1.0)  # the loss panel's share of the width, right of the plane


def marker_shape(x: float) -> dict:
    """A dotted red vertical line at x on the loss panel (axes x2, y2)."""
    return {
        "type": "line",
        "xref": "x2",
        "yref": "y2 domain",
        "x0": x,
        "x1": x,
        "y0": 0,
        "y1": 1,
        "line": {"color": WRONG, "dash": "dot", "width": 2},
    }


def loss_panel(fig: go.Figure, loss, at: int, *, name: str, x_title: str, y_title: str):
    """A log-scale loss curve on a second panel right of a square plane, marked at `at`."""
    fig.add_trace(
        go.Scatter(
            x=np.arange(1, len(loss) + 1),
            y=loss,
            mode="lines",
            name=name,
            line={"color": ZERO, "width": 2},
            xaxis="x2",
            yaxis="y2",
            showlegend=False,
            hovertemplate="%{x}: %{y:.4g}<extra></extra>",
        )
    )
    fig.update_layout(
        xaxis={"domain": [0, LOSS_DOMAIN[0] - 0.1]},
        xaxis2={"domain": list(LOSS_DOMAIN), "anchor": "y2", "title": {"text": x_title}},
        yaxis2={
            "anchor": "x2",
            "type": "log",
            "dtick": 1,
            "exponentformat": "power",
            "title": {"text": y_title, "standoff": 4},
        },
        shapes=[marker_shape(max(at, 1))],
    )
    return fig


def note(fig: go.Figure, text: str) -> go.Figure:
    """A message in the middle of the plot (e.g. "no weights work here")."""
    fig.add_annotation(
        text=text,
        xref="paper",
        yref="paper",
        x=0.5,
        y=0.5,
        showarrow=False,
        font={"size": 16, "color": WRONG},
        bgcolor="rgba(255,255,255,0.85)",
    )
    return fig


def probability_trace(grid: np.ndarray, prob: np.ndarray, colorbar_title: str) -> go.Contour:
    """P(y = 1) on a grid as colours, with the boundary P = 0.5 drawn as a line."""
    return go.Contour(
        x=grid,
        y=grid,
        z=np.round(prob, 3).astype(np.float32),
        zmin=0.0,
        zmax=1.0,
        colorscale=[[0.0, "#c6dbef"], [0.5, "#ffffff"], [1.0, "#fdd0a2"]],
        contours={"start": 0.5, "end": 0.5, "size": 1.0, "coloring": "heatmap"},
        line={"width": 3.5, "color": INK},
        colorbar={"title": {"text": colorbar_title}, "len": 0.8, "tickvals": [0, 0.5, 1]},
        hovertemplate="(%{x:.2f}, %{y:.2f}): %{z:.3f}<extra></extra>",
        showlegend=False,
    )


def animate(
    fig: go.Figure,
    frames: list[dict],
    *,
    play: str,
    pause: str,
    step: str,
    ms: int = 250,
    active: int = -1,
) -> go.Figure:
    """Give fig a ▶/⏸ pair and a slider under the plot that play and pick the frames in the
    browser (no rerun): one control owns the frame, and every panel follows it.

    Frames are drawn with redraw on: a frame that changes a contour (not animatable in plotly)
    only shows after a redraw.
    """
    fig.frames = frames
    still = {"mode": "immediate", "frame": {"duration": 0, "redraw": True}}
    fig.update_layout(
        sliders=[
            {
                "active": active % len(frames),
                "x": 0.22,
                "len": 0.78,
                "y": 0,
                "yanchor": "top",
                "pad": {"t": 40},
                "currentvalue": {"prefix": step + " ", "xanchor": "right", "font": {"size": 13}},
                "steps": [
                    {"label": f["name"], "method": "animate", "args": [[f["name"]], still]}
                    for f in frames
                ],
            }
        ],
        margin={"b": 110},
        updatemenus=[
            {
                "type": "buttons",
                "direction": "left",
                "showactive": False,
                "x": 0,
                "xanchor": "left",
                "y": 0,
                "yanchor": "top",
                "pad": {"t": 52, "r": 10},
                "font": {"size": 14},
                "buttons": [
                    {
                        "label": play,
                        "method": "animate",
                        "args": [
                            None,
                            {
                                "frame": {"duration": ms, "redraw": True},
                                "transition": {"duration": 0},
                                "fromcurrent": True,
                            },
                        ],
                    },
                    {
                        "label": pause,
                        "method": "animate",
                        "args": [
                            [None],
                            {"frame": {"duration": 0, "redraw": False}, "mode": "immediate"},
                        ],
                    },
                ],
            }
        ],
    )
    return fig


def _fade(color: str, alpha: float = 0.22) -> str:
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"
