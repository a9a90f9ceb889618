"""Chart builders for the digit pages (pages/digits.py, pages/mnist.py): images, probabilities,
activation strips and the confusion matrix.

They use ui.charts.style (axis titles, legend on top, compact margins, no template: the digits
page draws five figures after every stroke). Streamlit's own chart theme styles them.
"""

from __future__ import annotations

from functools import partial

import numpy as np
import plotly.graph_objects as go
from PIL import Image

from lab.introspect import mosaic
from ui.charts import COLORS, MODEBAR_PX, TITLE_PX, relayout, style, title_below_modebar

DIGITS = list(range(10))
GREY = "#9aa5b1"
_AXIS_OFF = {
    "showticklabels": False,
    "ticks": "",
    "showgrid": False,
    "zeroline": False,
    "title": {"text": None},
}


# The lab's chart look, with "closest" hover (bars and images read one value at a time).
_style = partial(style, hover="closest")
_GAP = 1  # blank pixels between the small images of a map_grid


def _colour_scale(values: np.ndarray, diverging: bool, zmax: float) -> dict:
    """Heatmap colours: red-white-blue centred on 0 (weights), or white ink on black 0..zmax."""
    if diverging:
        lim = float(np.max(np.abs(values))) or 1.0
        return {"colorscale": "RdBu", "zmin": -lim, "zmax": lim}
    return {"colorscale": "gray", "zmin": 0.0, "zmax": zmax}


def _image_layout(fig: go.Figure, title: str, height: int, **layout) -> go.Figure:
    """An image chart: title, compact margins, no legend, no axes, square pixels, row 0 on top
    (``layout``: more layout settings, made in the same pass)."""
    return relayout(
        fig,
        {
            "title": title_below_modebar(title),
            "height": height + MODEBAR_PX,
            "margin": {"l": 4, "r": 4, "t": MODEBAR_PX + TITLE_PX, "b": 4},
            "showlegend": False,
            **layout,
        },
        xaxis={**_AXIS_OFF, "constrain": "domain"},
        yaxis={**_AXIS_OFF, "autorange": "reversed", "scaleanchor": "x", "constrain": "domain"},
    )


def _per_digit(fig, x_title, y_title, title, height, y_range, **layout) -> go.Figure:
    """Bars over the digits 0-9: a tick under each digit, the y axis in percent."""
    return _style(
        fig,
        x_title=x_title,
        y_title=y_title,
        title=title,
        height=height,
        layout=layout,
        xaxis={"tickmode": "array", "tickvals": DIGITS},
        yaxis={"range": y_range, "tickformat": ".0%"},
    )


def pixels(img: np.ndarray, size: int = 112) -> np.ndarray:
    """An image ready for st.image(width=size): uint8, size x size, never stretched.

    ``img`` is (H, W) floats in [0, 1] or uint8, or a flat MNIST row of 784 pixels. It is
    shrunk by area averaging or enlarged by whole pixels (crisp, no blur) to fit the square
    keeping its shape, then padded with black (so a thin "1" stays thin). Resizing first keeps
    the cost to the image plus the thumbnail: padding a 60 x 65000 strip to a square first
    would allocate 65000 x 65000 bytes (4.2 GB).
    """
    a = np.asarray(img)
    if a.ndim == 1:
        a = a.reshape(28, 28)
    if a.dtype != np.uint8:  # Pillow resizes float32 ("F") images without a copy of a
        a = np.ascontiguousarray(a, dtype=np.float32)
    h, w = a.shape
    scale = size / max(h, w)
    th, tw = max(1, min(size, round(h * scale))), max(1, min(size, round(w * scale)))
    resample = Image.Resampling.NEAREST if max(h, w) <= size else Image.Resampling.BOX
    small = np.asarray(Image.fromarray(a).resize((tw, th), resample))
    if small.dtype != np.uint8:  # quantise the thumbnail, not the image
        small = np.rint(np.clip(small, 0, 1) * 255).astype(np.uint8)
    square = np.zeros((size, size), np.uint8)
    top, left = (size - th) // 2, (size - tw) // 2
    square[top : top + th, left : left + tw] = small
    return square


def preview(image: np.ndarray, size: int = 240) -> np.ndarray:
    """An uploaded image shrunk to fit a size x size box (its shape kept), for st.image.

    Streamlit would otherwise send the whole upload to the browser (and fails on a strip a
    few pixels thick); this keeps the cost to the thumbnail.
    """
    thumb = Image.fromarray(np.asarray(image))
    thumb.thumbnail((size, size), Image.Resampling.BOX)
    return np.asarray(thumb)


def prob_bars(
    proba: np.ndarray, *, x_title: str, y_title: str, title: str | None = None, height: int = 300
) -> go.Figure:
    """Ten bars, one per digit; the most probable one coloured, the rest grey."""
    top = int(np.argmax(proba))
    colors = [COLORS[0] if d == top else GREY for d in DIGITS]
    fig = go.Figure(
        go.Bar(
            x=DIGITS,
            y=proba,
            marker_color=colors,
            text=[f"{p:.0%}" if p >= 0.01 else "" for p in proba],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{x}: %{y:.4f}<extra></extra>",
        )
    )
    return _per_digit(fig, x_title, y_title, title, height, [0, 1.12])


def image_heatmap(
    img: np.ndarray,
    *,
    title: str,
    hover: str,
    diverging: bool = False,
    marker: tuple[float, float] | None = None,
    marker_name: str = "",
    box: tuple[int, int, int] | None = None,
    height: int = 300,
) -> go.Figure:
    """A small image as a heatmap whose hover shows each pixel's (row, col) and value.

    ``diverging``: red-white-blue centred on 0 (for weights), else white ink on black.
    ``marker``: (row, col) drawn as a cross, e.g. the centre of mass.
    ``box``: (row, col, size), a size x size square outlined around (row, col), e.g. the
    pixels a 3x3 kernel multiplied at its strongest position.
    """
    a = np.asarray(img, dtype=np.float64)
    if a.ndim == 1:
        a = a.reshape(28, 28)
    scale = _colour_scale(a, diverging, zmax=float(max(a.max(), 1.0)))
    scale["showscale"] = diverging
    fig = go.Figure(go.Heatmap(z=a, hovertemplate=hover + "<extra></extra>", **scale))
    if marker is not None:
        fig.add_trace(
            go.Scatter(
                x=[marker[1]],
                y=[marker[0]],
                mode="markers",
                name=marker_name,
                marker={"symbol": "x-thin", "size": 16, "line": {"width": 3, "color": "#ff4b4b"}},
                hovertemplate=marker_name + " (%{y:.1f}, %{x:.1f})<extra></extra>",
            )
        )
    if box is not None:
        r, c, size = box
        half = size / 2
        fig.add_shape(
            type="rect",
            x0=c - half,
            x1=c + half,
            y0=r - half,
            y1=r + half,
            line={"color": "#ffb000", "width": 3},
        )
    return _image_layout(fig, title, height)


def kernel_numbers(w: np.ndarray, *, title: str, hover: str, height: int = 260) -> go.Figure:
    """A small kernel (k, k) as coloured cells with its weights written in them (red < 0 <
    blue, as ``map_grid`` draws kernels)."""
    a = np.asarray(w, dtype=np.float64)
    fig = go.Figure(
        go.Heatmap(
            z=a,
            text=[[f"{v:+.2f}" for v in row] for row in a],
            texttemplate="%{text}",
            textfont={"size": 16},
            hovertemplate=hover + "<extra></extra>",
            xgap=2,
            ygap=2,
            showscale=False,
            **_colour_scale(a, diverging=True, zmax=1.0),
        )
    )
    return _image_layout(fig, title, height)


def strip(
    values: np.ndarray, *, title: str, hover: str, highlight: int | None = None, height: int = 130
) -> go.Figure:
    """A row of units coloured by their activation in [0, 1] (dark 0, bright 1)."""
    v = np.asarray(values, dtype=np.float64)[None, :]
    fig = go.Figure(
        go.Heatmap(
            z=v,
            zmin=0.0,
            zmax=1.0,
            colorscale="Viridis",
            hovertemplate=hover + "<extra></extra>",
            colorbar={"thickness": 10, "len": 1.0},
            xgap=1,
        )
    )
    if highlight is not None:
        fig.add_shape(
            type="rect",
            x0=highlight - 0.5,
            x1=highlight + 0.5,
            y0=-0.5,
            y1=0.5,
            line={"color": "#ff4b4b", "width": 3},
        )
    return relayout(
        fig,
        {
            "title": title_below_modebar(title),
            "height": height + MODEBAR_PX,
            "margin": {"l": 4, "r": 4, "t": MODEBAR_PX + TITLE_PX, "b": 28},
        },
        xaxis={"showgrid": False, "zeroline": False},
        yaxis=_AXIS_OFF,
    )


def confusion_heatmap(
    cm: np.ndarray,
    *,
    x_title: str,
    y_title: str,
    hover: str,
    selected: tuple[int, int] | None = None,
    height: int = 520,
) -> go.Figure:
    """The confusion matrix: rows true digit, columns predicted, counts written in the cells.

    Colour is log-scaled so the few off-diagonal mistakes show next to ~1000 correct ones.
    An invisible marker sits on every cell so a click selects it (heatmaps are not
    selectable in plotly); see ``selected_cell``.
    """
    cm = np.asarray(cm)
    fig = go.Figure(
        go.Heatmap(
            z=np.log10(cm + 1.0),
            text=cm,
            texttemplate="%{text}",
            colorscale="Blues",
            showscale=False,
            hoverinfo="skip",
        )
    )
    rows, cols = np.meshgrid(DIGITS, DIGITS, indexing="ij")
    fig.add_trace(
        go.Scatter(
            x=cols.ravel(),
            y=rows.ravel(),
            customdata=np.stack([rows.ravel(), cols.ravel(), cm.ravel()], axis=1),
            mode="markers",
            marker={"symbol": "square", "size": 30, "opacity": 0.01, "color": "#000"},
            hovertemplate=hover + "<extra></extra>",
            showlegend=False,
        )
    )
    if selected is not None:
        fig.add_shape(
            type="rect",
            x0=selected[1] - 0.5,
            x1=selected[1] + 0.5,
            y0=selected[0] - 0.5,
            y1=selected[0] + 0.5,
            line={"color": "#ff4b4b", "width": 3},
        )
    grid_off = {"tickvals": DIGITS, "showgrid": False, "zeroline": False}
    return _style(
        fig,
        x_title=x_title,
        y_title=y_title,
        height=height,
        layout={"clickmode": "event+select", "dragmode": False},
        xaxis={**grid_off, "side": "top"},
        yaxis={**grid_off, "autorange": "reversed"},
    )


def selected_cell(event) -> tuple[int, int] | None:
    """(true, predicted) of the confusion_heatmap cell clicked, from st.plotly_chart's event.

    A point's x is the predicted digit and y the true one (row); anything else is ignored.
    """
    points = (event or {}).get("selection", {}).get("points", [])
    for p in points:
        x, y = p.get("x"), p.get("y")
        if isinstance(x, int | float) and isinstance(y, int | float):
            return round(y), round(x)
    return None


def grouped_bars(
    series: list[tuple[str, np.ndarray]],
    *,
    x_title: str,
    y_title: str,
    title: str | None = None,
    height: int = 340,
) -> go.Figure:
    """One group of bars per digit, one bar per (name, values) series."""
    fig = go.Figure(
        [
            go.Bar(
                x=DIGITS,
                y=values,
                name=name,
                marker_color=COLORS[i % len(COLORS)],
                hovertemplate=name + " · %{x}: %{y:.2%}<extra></extra>",
            )
            for i, (name, values) in enumerate(series)
        ]
    )
    lo = min(float(np.nanmin(v)) for _, v in series)
    y_range = [max(0.0, lo - 0.05), 1.0]
    return _per_digit(fig, x_title, y_title, title, height, y_range, barmode="group")


def map_grid(
    maps: np.ndarray,
    cols: int,
    *,
    title: str,
    hover: str,
    diverging: bool = False,
    height: int = 260,
) -> go.Figure:
    """C small images (C, H, W) tiled ``cols`` per row with blank gaps, one colour scale.

    ``diverging``: red-white-blue centred on 0 (for kernels), else white on black from 0 to the
    largest value of the whole set (for ReLU feature maps: dim = weak, bright = strong).
    ``hover`` may use %{customdata[0]} (image index), [1] and [2] (row and column in it).
    """
    m = np.asarray(maps, dtype=np.float64)
    c, h, w = m.shape
    z = mosaic(m, cols, pad=_GAP)
    rr, cc = np.indices(z.shape)
    index = (rr // (h + _GAP)) * min(cols, c) + cc // (w + _GAP)
    custom = np.stack([index, rr % (h + _GAP), cc % (w + _GAP)], axis=-1)
    scale = _colour_scale(m, diverging, zmax=float(m.max()) or 1.0)
    fig = go.Figure(
        go.Heatmap(
            z=z,
            customdata=custom,
            hovertemplate=hover + "<extra></extra>",
            hoverongaps=False,
            showscale=False,
            **scale,
        )
    )
    return _image_layout(fig, title, height, plot_bgcolor="rgba(0,0,0,0)")  # NaN gaps: the page
