"""Chart builders of the gradient pages: contour maps, -∇f arrows, descent paths and their
animation, loss curves, the 3-D surface. Every number drawn comes from lab; these functions
only decide how it looks (arrow lengths are scaled to the grid, as matplotlib's quiver does).
"""

from __future__ import annotations

import base64
from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from ui.charts import COLORS, style
from ui.figures_mpl import contour_levels, contour_picture

MAX_FRAMES = 101  # an animation longer than this plays every k-th step


def float32(values) -> np.ndarray:
    """values as float32, for the browser: plotly sends a numpy array as base64 of its bytes,
    and 7 significant digits are more than a colour or a 4-digit hover shows (half the bytes
    of float64)."""
    return np.asarray(values, dtype=np.float32)


def typed_array(values) -> dict:
    """values as plotly.js's typed array (base64 of float32, 4 bytes a number): what plotly
    itself sends for a numpy array, built here so that plotly passes it through unchecked
    (a JSON list of floats takes ~19 characters a number)."""
    a = np.ascontiguousarray(values, dtype=np.float32)
    return {"dtype": "f4", "bdata": base64.b64encode(a.tobytes()).decode("ascii")}


def number_label(v: float | str) -> str:
    """format_func for numeric options: 1e-10 -> "1e-10", 0.5 -> "0.5".

    A string passes through unchanged: AppTest sets an option by its shown label and formats
    it again, and "{:g}".format would fail on a str.
    """
    return v if isinstance(v, str) else f"{v:g}"


def fmt_point(x: Sequence[float], spec: str = ".6g") -> str:
    """A point as "(-3, 4)" for text, with each coordinate formatted by spec."""
    return "(" + ", ".join(format(float(v), spec) for v in x) + ")"


CONTOUR_STYLE = {  # one look for every contour map of the gradient pages
    "colorscale": "Blues",
    "reversescale": True,
    "opacity": 0.75,
    "ncontours": 24,
    "line": {"width": 0.5, "color": "rgba(255,255,255,0.6)"},
}


def contour_trace(x0s, x1s, shade, **extra) -> go.Contour:
    """The filled contour map of `shade` over the grid x0s × x1s, in the pages' one style."""
    return go.Contour(x=x0s, y=x1s, z=float32(shade), **CONTOUR_STYLE, **extra)


def equal_scale(fig: go.Figure, x: str = "x", y: str = "y") -> go.Figure:
    """One unit as long on axis y as on axis x, at every width: x0 and x1 are one quantity, so
    a round bowl must look round and -∇f perpendicular to the contour lines."""
    fig.update_layout(
        {
            f"xaxis{x[1:]}": {"constrain": "domain"},
            f"yaxis{y[1:]}": {"scaleanchor": x, "scaleratio": 1, "constrain": "domain"},
        }
    )
    return fig


def contour_figure(
    x0s,
    x1s,
    Z,
    shade,
    *,
    x_title: str,
    y_title: str,
    shade_title: str,
    title: str | None = None,
    height: int = 520,
    show_scale: bool = True,
) -> go.Figure:
    """A filled contour map of f at equal scale; `shade` is what is coloured (f or
    log10(1 + f - min f)).

    Hover shows x0, x1 and the true f (Z), whatever the colouring.
    """
    fig = go.Figure(
        contour_trace(
            x0s,
            x1s,
            shade,
            customdata=float32(Z),
            showscale=show_scale,
            colorbar={"title": {"text": shade_title, "side": "right"}, "thickness": 12},
            hovertemplate=f"{x_title} = %{{x:.3g}}<br>{y_title} = %{{y:.3g}}"
            "<br>f = %{customdata:.4g}<extra></extra>",
            name="f",
        )
    )
    style(fig, x_title=x_title, y_title=y_title, title=title, height=height, hover="closest")
    fig.update_xaxes(range=[x0s[0], x0s[-1]], showgrid=False)
    fig.update_yaxes(range=[x1s[0], x1s[-1]], showgrid=False)
    return equal_scale(fig)


def _directions(U, V):
    """Unit vectors along (U, V); zero vectors stay zero."""
    length = np.hypot(U, V)
    safe = np.where(length > 0, length, 1.0)
    return U / safe, V / safe


def quiver_lines(
    x, y, u, v, *, scale: float, arrow_scale: float = 0.3, angle: float = np.pi / 9
) -> tuple[list, list]:
    """The line coordinates of plotly's ``figure_factory.create_quiver`` (scaleratio 1), in
    numpy: every barb (start, end, None), then every head (side 1, tip, side 2, None); a head
    is ``arrow_scale`` of its barb long, each side ``angle`` off the barb. create_quiver builds
    the heads in a loop that is quadratic in the number of arrows: 1.7 s of a /gradient_field
    rerun with 41 × 41 arrows (tests/test_charts_gradient.py checks it against create_quiver).
    """
    x, y = np.asarray(x, dtype=float).ravel(), np.asarray(y, dtype=float).ravel()
    u, v = np.asarray(u, dtype=float).ravel() * scale, np.asarray(v, dtype=float).ravel() * scale
    end_x, end_y = x + u, y + v
    length = arrow_scale * np.hypot(end_x - x, end_y - y)
    barb = np.arctan2(end_y - y, end_x - x)
    gap = np.full_like(x, np.nan)
    barbs_x, barbs_y = np.column_stack([x, end_x, gap]), np.column_stack([y, end_y, gap])
    heads_x = np.column_stack(
        [end_x - length * np.cos(barb + angle), end_x, end_x - length * np.cos(barb - angle), gap]
    )
    heads_y = np.column_stack(
        [end_y - length * np.sin(barb + angle), end_y, end_y - length * np.sin(barb - angle), gap]
    )

    def with_gaps(*parts: np.ndarray) -> list:
        flat = np.concatenate([p.ravel() for p in parts])
        return [None if np.isnan(c) else float(c) for c in flat]

    return with_gaps(barbs_x, heads_x), with_gaps(barbs_y, heads_y)


def add_quiver(
    fig: go.Figure, points, U, V, *, name: str, unit: bool = False, color: str = "#333"
) -> float:
    """Arrows (U, V) at the grid points (N, 2); returns the drawing scale (plot units per
    gradient unit), so that other arrows can be drawn to match.

    The longest arrow is 0.9 grid cells; with `unit`, every arrow is 0.9 cells (direction only).
    """
    points, U, V = np.asarray(points), np.asarray(U, dtype=float), np.asarray(V, dtype=float)
    if unit:
        U, V = _directions(U, V)
    columns = np.unique(points[:, 0])
    cell = float(columns[1] - columns[0]) if len(columns) > 1 else 1.0
    top = float(np.hypot(U, V).max(initial=0.0))
    scale = 0.9 * cell / (top if top > 0 else 1.0)
    x, y = quiver_lines(points[:, 0], points[:, 1], U, V, scale=scale)
    fig.add_trace(
        go.Scatter(
            x=x,
            y=y,
            mode="lines",
            line={"color": color, "width": 1.2},
            name=name,
            hoverinfo="skip",
        )
    )
    return scale


def add_arrow(
    fig: go.Figure, point, vector, *, scale: float, unit: bool = False, color: str = COLORS[1]
) -> go.Figure:
    """One thick arrow from point along vector, drawn at a quiver's scale (see add_quiver)."""
    u, v = (float(c) for c in vector)
    if unit:
        u, v = (float(c) for c in _directions(np.array(u), np.array(v)))
    x, y = float(point[0]), float(point[1])
    fig.add_annotation(
        x=x + scale * u,
        y=y + scale * v,
        ax=x,
        ay=y,
        xref="x",
        yref="y",
        axref="x",
        ayref="y",
        showarrow=True,
        arrowhead=2,
        arrowsize=1.2,
        arrowwidth=3,
        arrowcolor=color,
        text="",
    )
    return fig


def add_points(
    fig: go.Figure, points, *, name: str, symbol: str, color: str, size: int = 12
) -> go.Figure:
    """Markers, e.g. the minima (stars) or a chosen point."""
    points = np.asarray(points, dtype=float).reshape(-1, 2)
    fig.add_trace(
        go.Scatter(
            x=points[:, 0],
            y=points[:, 1],
            mode="markers",
            marker={"symbol": symbol, "size": size, "color": color, "line": {"width": 1}},
            name=name,
            hovertemplate="(%{x:.4g}, %{y:.4g})<extra>" + name + "</extra>",
        )
    )
    return fig


def add_path(
    fig: go.Figure, history, *, name: str, color: str, markers: bool = True, width: float = 2
) -> go.Figure:
    """A descent path: history (k + 1, 2), joined in step order."""
    history = np.asarray(history, dtype=float)
    fig.add_trace(
        go.Scatter(
            x=history[:, 0],
            y=history[:, 1],
            mode="lines+markers" if markers else "lines",
            line={"color": color, "width": width},
            marker={"size": 5, "color": color},
            name=name,
            customdata=np.arange(len(history)),
            hovertemplate="%{customdata}: (%{x:.4g}, %{y:.4g})<extra>" + name + "</extra>",
        )
    )
    return fig


def animate_path(
    fig: go.Figure, history, *, path_trace: int, play: str, pause: str, step: str
) -> go.Figure:
    """Frames that redraw trace `path_trace` as history[: k + 1], a play/pause pair and a
    step slider (plotly animates in the browser; the script does not rerun).

    plotly.js removes the layer of every trace that is not animated (the contour map) when
    frames update a subset of traces, so the map is drawn twice: as a picture under the plot
    (a layout image, which frames leave alone) and as the invisible contour trace 0, which
    keeps the hover values and the colour bar. Frames only move the path (no redraw).

    The figure starts at the last frame, so it reads as a finished picture before playing.
    At most MAX_FRAMES frames: longer runs show every k-th step (the last step always).
    """
    history = np.asarray(history, dtype=float)
    contour = fig.data[0]
    x0s, x1s = np.asarray(contour.x), np.asarray(contour.y)
    levels = contour_levels(contour.z)
    contour.update(
        opacity=0,
        autocontour=False,
        contours={"start": levels[0], "end": levels[-1], "size": levels[1] - levels[0]},
    )
    fig.add_layout_image(
        source=contour_picture(
            x0s,
            x1s,
            np.asarray(contour.z),
            levels,
            CONTOUR_STYLE["colorscale"],
            CONTOUR_STYLE["opacity"],
        ),
        xref="x",
        yref="y",
        x=x0s[0],
        y=x1s[-1],
        sizex=x0s[-1] - x0s[0],
        sizey=x1s[-1] - x1s[0],
        sizing="stretch",
        layer="below",
    )
    n = len(history)
    shown = np.unique(np.linspace(0, n - 1, min(n, MAX_FRAMES)).round().astype(int))
    xs, ys = float32(history[:, 0]), float32(history[:, 1])
    fig.frames = [  # dicts of typed arrays: plotly passes them through without checking
        {
            "data": [
                {"type": "scatter", "x": typed_array(xs[: k + 1]), "y": typed_array(ys[: k + 1])}
            ],
            "traces": [path_trace],
            "name": str(k),
        }
        for k in shown
    ]
    still = {"mode": "immediate", "frame": {"duration": 0, "redraw": False}}
    fig.update_layout(
        updatemenus=[
            {
                "type": "buttons",
                "direction": "left",
                "x": 0,
                "y": 0,
                "xanchor": "left",
                "yanchor": "top",
                "pad": {"t": 62, "r": 10},
                "showactive": False,
                "buttons": [
                    {
                        "label": "▶ " + play,
                        "method": "animate",
                        "args": [
                            None,
                            {
                                "frame": {"duration": max(20, 3000 // len(shown)), "redraw": False},
                                "transition": {"duration": 0},
                                "fromcurrent": False,
                                "mode": "immediate",
                            },
                        ],
                    },
                    {"label": "❚❚ " + pause, "method": "animate", "args": [[None], still]},
                ],
            }
        ],
        sliders=[
            {
                "active": len(shown) - 1,
                "x": 0.25,
                "len": 0.75,
                "y": 0,
                "yanchor": "top",
                "pad": {"t": 48},
                "currentvalue": {"prefix": step + " ", "xanchor": "right", "font": {"size": 13}},
                "steps": [
                    {"label": str(k), "method": "animate", "args": [[str(k)], still]} for k in shown
                ],
            }
        ],
        margin={"b": 130},
    )
    return fig


def panels_figure(
    x0s,
    x1s,
    shade,
    paths: Sequence[tuple[str, object]],
    *,
    minima=(),
    x_title: str,
    y_title: str,
    height: int = 360,
) -> go.Figure:
    """Side-by-side contour maps of one function, one path each: paths are (title, history).

    One figure whose axes are laid out by hand (make_subplots costs 2-3 times as much); each
    panel keeps equal scale (x0 and x1 are one quantity).
    """
    k = len(paths)
    gap = 0.03
    width = (1 - gap * (k - 1)) / k
    minima = np.asarray(minima, dtype=float).reshape(-1, 2)
    data, layout, titles = [], {}, []
    for i, (title, history) in enumerate(paths):
        history = np.asarray(history, dtype=float)
        color = COLORS[(i + 1) % len(COLORS)]
        n = "" if i == 0 else str(i + 1)
        axes = {"xaxis": "x" + n, "yaxis": "y" + n}
        left = i * (width + gap)
        data += [
            contour_trace(x0s, x1s, shade, showscale=False, hoverinfo="skip", **axes),
            go.Scatter(
                x=minima[:, 0],
                y=minima[:, 1],
                mode="markers",
                marker={"symbol": "star", "size": 11, "color": COLORS[2]},
                hoverinfo="skip",
                **axes,
            ),
            go.Scatter(
                x=history[:, 0],
                y=history[:, 1],
                mode="lines+markers",
                line={"color": color, "width": 2},
                marker={"size": 4, "color": color},
                name=title,
                customdata=np.arange(len(history)),
                hovertemplate="%{customdata}: (%{x:.4g}, %{y:.4g})<extra>" + title + "</extra>",
                **axes,
            ),
        ]
        layout["xaxis" + n] = {
            "domain": [left, left + width],
            "anchor": "y" + n,
            "range": [x0s[0], x0s[-1]],
        }
        layout["yaxis" + n] = {
            "anchor": "x" + n,
            "range": [x1s[0], x1s[-1]],
            "scaleanchor": "x" + n,
            "scaleratio": 1,
            "constrain": "domain",
        }
        layout["xaxis" + n]["constrain"] = "domain"
        if i:
            layout["yaxis" + n].update(showticklabels=False)
        titles.append(
            {
                "text": f"<b>{title}</b>",
                "x": left + width / 2,
                "y": 1.0,
                "xref": "paper",
                "yref": "paper",
                "yanchor": "bottom",
                "showarrow": False,
            }
        )
    fig = go.Figure(data=data, layout={**layout, "annotations": titles})
    style(fig, x_title=x_title, y_title="", height=height, hover="closest")
    fig.update_layout(showlegend=False, margin={"t": 30}, yaxis_title_text=y_title)
    fig.update_xaxes(showgrid=False)
    fig.update_yaxes(showgrid=False)
    return fig


def loss_figure(
    curves: Sequence[tuple[str, object]],
    *,
    x_title: str,
    y_title: str,
    title: str | None = None,
    height: int = 320,
) -> go.Figure:
    """Loss against step for one or more runs: curves are (name, loss array) pairs.

    The y axis is logarithmic when every loss is positive (a bowl's loss falls by decades),
    linear otherwise (the saddle and the camel go below 0).
    """
    fig = go.Figure()
    positive = True
    for i, (name, loss) in enumerate(curves):
        loss = np.asarray(loss, dtype=float)
        positive &= bool(np.all(loss > 0))
        fig.add_trace(
            go.Scatter(
                x=np.arange(len(loss)),
                y=loss,
                mode="lines",
                name=name,
                line={"color": COLORS[i % len(COLORS)], "width": 2.2},
                hovertemplate="%{x}: %{y:.4g}<extra>" + name + "</extra>",
            )
        )
    style(fig, x_title=x_title, y_title=y_title, title=title, height=height, hover="closest")
    if positive:
        fig.update_yaxes(type="log", exponentformat="power")
    return fig


def surface_figure(
    x0s, x1s, Z, point, value: float, *, x_title: str, y_title: str, z_title: str, name: str
) -> go.Figure:
    """f as a 3-D surface with one marked point (its height is `value`)."""
    fig = go.Figure(
        [
            go.Surface(
                x=x0s,
                y=x1s,
                z=float32(Z),
                colorscale="Blues",
                reversescale=True,
                showscale=False,
                opacity=0.9,
                hovertemplate="(%{x:.3g}, %{y:.3g}): %{z:.4g}<extra></extra>",
            ),
            go.Scatter3d(
                x=[point[0]],
                y=[point[1]],
                z=[value],
                mode="markers",
                marker={"size": 6, "color": COLORS[1]},
                name=name,
                hovertemplate="(%{x:.3g}, %{y:.3g}): %{z:.4g}<extra></extra>",
            ),
        ]
    )
    fig.update_layout(
        height=520,
        margin={"l": 0, "r": 0, "t": 10, "b": 0},
        showlegend=False,
        scene={
            "xaxis_title": x_title,
            "yaxis_title": y_title,
            "zaxis_title": z_title,
            "camera": {"eye": {"x": 1.5, "y": -1.5, "z": 1.1}},
        },
    )
    return fig
