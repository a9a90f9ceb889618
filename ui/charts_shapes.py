"""Chart builders for the shapes page: arrays drawn as grids of cells, side by side (A + B = C).

Every label comes from the caller.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from ui.charts import FONT, INK


def array_grids(
    panels: list[tuple[str, np.ndarray, np.ndarray, str]], ops: list[str], cell_px: int = 44
) -> go.Figure:
    """Arrays (0-D to 3-D) as grids of numbered cells, side by side with ops between them.

    panels : (title, values, tone, colour) per array; tone (same shape, 0..1) is how strongly a
        cell is coloured (1: highlighted or original, lower: copies or the rest).
    ops : the symbols drawn between consecutive panels, e.g. ["+", "="].

    A 1-D array is a row (broadcasting lines it up with the last axis); a 3-D array is its
    slices [0], [1], ... stacked top to bottom with a gap.
    """
    fig = go.Figure()
    x0, tallest = 0.0, 1
    for k, (title, values, tone, color) in enumerate(panels):
        z, text = _canvas(np.asarray(tone, dtype=float)), _canvas(np.asarray(values), text=True)
        rows, cols = z.shape
        tallest = max(tallest, rows)
        fig.add_trace(
            go.Heatmap(
                z=z,
                text=text,
                x0=x0,
                dx=1,
                y0=0,
                dy=1,
                zmin=0,
                zmax=1,
                colorscale=[[0.0, "#ffffff"], [1.0, color]],
                showscale=False,
                texttemplate="%{text}",
                textfont={"size": 16, "color": INK},
                xgap=3,
                ygap=3,
                hoverinfo="skip",
            )
        )
        fig.add_annotation(
            x=x0 + (cols - 1) / 2, y=-0.9, text=title, showarrow=False, font={"size": 15}
        )
        if k < len(ops):
            fig.add_annotation(
                x=x0 + cols + 0.25, y=(rows - 1) / 2, text=ops[k], showarrow=False,
                font={"size": 28},
            )  # fmt: skip
        x0 += cols + 1.5
    fig.update_layout(
        height=int(90 + cell_px * (tallest + 1)),
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        font=FONT,
    )
    fig.update_xaxes(visible=False, range=[-0.6, x0 - 1.4], fixedrange=True)
    fig.update_yaxes(visible=False, range=[tallest - 0.4, -1.5], scaleanchor="x", fixedrange=True)
    return fig


def _canvas(a: np.ndarray, text: bool = False) -> np.ndarray:
    """A 0-3-D array laid out in 2-D: row vector, matrix, or matrices stacked with a gap row."""
    grid = a.reshape(1, -1) if a.ndim < 2 else a
    if a.ndim == 3:
        gap = np.full((1, a.shape[2]), np.nan)
        grid = np.vstack([np.vstack([m, gap]) for m in a.astype(float)])[:-1]
    if text:
        return np.array(
            [["" if _blank(v) else f"{v:g}" for v in row] for row in grid], dtype=object
        )
    return grid.astype(float)


def _blank(v: object) -> bool:
    return isinstance(v, float) and np.isnan(v)
