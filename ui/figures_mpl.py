"""matplotlib where it is the better tool: charts for slides (PNG and SVG, in the page's
language), the book's figures drawn by the book-style code a learner types in a notebook, and
the still picture of a contour map under a plotly animation.

Slides: `to_matplotlib` redraws a plotly figure of the lab (the kinds of traces the pages use:
lines, markers, filled polygons, contour maps, bars, arrows) on a matplotlib Figure, so the
download is the chart on screen, with its titles in the page's language. Charts draw on
`matplotlib.figure.Figure` with the Agg canvas, never pyplot: a download runs in a thread of its
own, and pyplot's "current figure" is one per process. The book's code uses pyplot, as the book
does, and so runs under a lock.

Chinese needs a CJK font: the Noto Sans CJK collection from the `noto-cjk-sans-otc` package
(SIL Open Font License) is registered once; DejaVu Sans (matplotlib's own) draws Latin text and
Noto Sans CJK SC every glyph DejaVu lacks (matplotlib's per-glyph font fallback).

matplotlib is imported and set up on first use (`_matplotlib`), not with this module: importing
it took ~0.55 s of a fresh server's first visit to /perceptron, /activations and
/gradient_field, which draw nothing with it until a learner asks (a download, the book's figure).
"""

from __future__ import annotations

import base64
import contextlib
import io
import re
import threading
import warnings
import zlib
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
import plotly.graph_objects as go
import streamlit as st
from PIL import Image
from plotly.colors import get_colorscale

from ui.i18n import t

if TYPE_CHECKING:
    from matplotlib.colors import LinearSegmentedColormap
    from matplotlib.figure import Figure

CJK_FAMILY = "Noto Sans CJK SC"
FAMILIES = ["DejaVu Sans", CJK_FAMILY]  # a list: matplotlib falls back glyph by glyph
DPI = 150
SIZE = (8.0, 5.0)  # inches: 1200 × 750 px at DPI, a 16:10 slide's half
_PYPLOT = threading.Lock()
_SETUP = threading.Lock()
_ready = False


def _matplotlib() -> None:
    """Import matplotlib and set it up, once per process: the Agg backend (before pyplot is
    ever imported: no window, safe on a server) and the fonts. Every function here that draws
    calls it first; it is cheap after the first call."""
    global _ready
    if _ready:  # called before every drawing: no lock once set up
        return
    with _SETUP:
        if _ready:
            return
        import matplotlib
        import noto_cjk_sans_otc
        from matplotlib import font_manager

        matplotlib.use("Agg")
        font_manager.fontManager.addfont(str(noto_cjk_sans_otc.FONT_PATH))
        matplotlib.rcParams["font.family"] = FAMILIES
        matplotlib.rcParams["axes.unicode_minus"] = True  # DejaVu has U+2212
        _ready = True


# --- colours and markers: plotly's names in matplotlib's ----------------------------------


def color(value: str | None, default: str = "#1f77b4") -> tuple:
    """A plotly colour ("#hex", "rgb(...)", "rgba(...)", a CSS name) as an RGBA tuple."""
    _matplotlib()
    from matplotlib.colors import to_rgba

    if not value:
        return to_rgba(default)
    found = re.fullmatch(r"rgba?\(([^)]*)\)", value.replace(" ", ""))
    if found:
        parts = [float(p) for p in found.group(1).split(",")]
        alpha = parts[3] if len(parts) == 4 else 1.0
        return (parts[0] / 255, parts[1] / 255, parts[2] / 255, alpha)
    return to_rgba(value)


def colormap(colorscale, reverse: bool = False) -> LinearSegmentedColormap:
    """A plotly colorscale (a name or [[stop, colour], ...]) as a matplotlib colormap."""
    _matplotlib()
    from matplotlib.colors import LinearSegmentedColormap

    scale = get_colorscale(colorscale) if isinstance(colorscale, str) else colorscale
    stops = [(float(s), color(c)) for s, c in scale]
    if reverse:
        stops = [(1 - s, c) for s, c in reversed(stops)]
    return LinearSegmentedColormap.from_list("plotly", stops)


MARKERS = {"circle": "o", "square": "s", "star": "*", "diamond": "D", "x": "x", "cross": "P"}
DASHES = {"dash": "--", "dot": ":", "dashdot": "-."}


# --- the contour picture under an animation -------------------------------------------------


def contour_levels(shade, n: int = 24) -> np.ndarray:
    """About n round contour levels spanning shade (matplotlib's MaxNLocator picks them)."""
    _matplotlib()
    from matplotlib.ticker import MaxNLocator

    shade = np.asarray(shade, dtype=float)
    finite = shade[np.isfinite(shade)]
    lo, hi = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
    if hi <= lo:
        hi = lo + 1.0
    return MaxNLocator(n).tick_values(lo, hi)


@st.cache_data(max_entries=64, show_spinner=False)
def contour_picture(x0s, x1s, shade, levels, colorscale: str, opacity: float) -> str:
    """The filled contour map as a PNG data URI, exactly filling the box of x0s × x1s.

    Used under a plotly animation: plotly.js removes every non-scatter trace of a subplot while
    it animates a subset of traces, so the map is drawn as a layout image that frames leave alone.
    """
    _matplotlib()
    from matplotlib.figure import Figure

    fig = Figure(figsize=(4, 4 * (x1s[-1] - x1s[0]) / (x0s[-1] - x0s[0])), dpi=100)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    cmap = colormap(colorscale, reverse=True)
    ax.contourf(x0s, x1s, shade, levels=levels, cmap=cmap, alpha=opacity, extend="both")
    ax.contour(x0s, x1s, shade, levels=levels, colors="white", linewidths=0.5, alpha=0.6)
    ax.set_xlim(x0s[0], x0s[-1])
    ax.set_ylim(x1s[0], x1s[-1])
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100)
    # A 64-colour palette: the map is a few filled bands and thin lines, and the picture rides
    # in the figure on every rerun of the walk (79 kB as RGBA, 16 kB as a palette PNG).
    picture = Image.open(buf).quantize(64, method=Image.Quantize.FASTOCTREE)
    buf = io.BytesIO()
    picture.save(buf, format="PNG", optimize=True)
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode()


# --- a plotly figure redrawn by matplotlib ---------------------------------------------------


def _title(obj) -> str:
    text = getattr(getattr(obj, "title", None), "text", None) or ""
    return re.sub(r"<[^>]+>", "", text)


def _scatter(ax, tr: go.Scatter) -> None:
    x = np.asarray(tr.x if tr.x is not None else [], dtype=float)
    y = np.asarray(tr.y if tr.y is not None else [], dtype=float)
    if not x.size:
        return
    mode = tr.mode or "lines+markers"
    line, marker = tr.line, tr.marker
    label = tr.name if tr.showlegend is not False and tr.name else None
    if tr.fill == "toself":
        ax.fill(x, y, color=color(tr.fillcolor, "#cccccc"), lw=0, label=label)
        label = None
    if "lines" in mode and (line.width is None or line.width > 0):
        ax.plot(
            x,
            y,
            color=color(line.color, "#444"),
            lw=(line.width or 2) * 0.75,
            ls=DASHES.get(line.dash or "", "-"),
            label=label,
        )
        label = None
    if "markers" in mode:
        symbol = marker.symbol or "circle"
        open_ = symbol.endswith("-open")
        c = color(marker.color if isinstance(marker.color, str) else None, "#444")
        ax.scatter(
            x,
            y,
            s=((marker.size or 6) * 0.75) ** 2,
            marker=MARKERS.get(symbol.removesuffix("-open"), "o"),
            facecolors="none" if open_ else [c],
            edgecolors=[c] if open_ else "black",
            linewidths=1.5 if open_ else 0.5,
            label=label,
            zorder=3,
        )
    if "text" in mode and tr.text is not None:
        for xi, yi, s in zip(x, y, tr.text, strict=False):
            ax.annotate(s, (xi, yi), textcoords="offset points", xytext=(0, 9), ha="center")


def _contour(ax, fig, tr: go.Contour) -> None:
    z = np.asarray(tr.z, dtype=float)
    x = np.asarray(tr.x, dtype=float) if tr.x is not None else np.arange(z.shape[1])
    y = np.asarray(tr.y, dtype=float) if tr.y is not None else np.arange(z.shape[0])
    cmap = colormap(tr.colorscale or "Viridis", reverse=bool(tr.reversescale))
    alpha = 1.0 if tr.opacity is None else max(tr.opacity, 0.75)
    contours = tr.contours
    if contours.coloring == "heatmap":  # a smooth map with the chosen lines on top
        lo = tr.zmin if tr.zmin is not None else float(np.nanmin(z))
        hi = tr.zmax if tr.zmax is not None else float(np.nanmax(z))
        mappable = ax.pcolormesh(x, y, z, cmap=cmap, vmin=lo, vmax=hi, shading="gouraud")
        lines = np.arange(contours.start, contours.end + contours.size / 2, contours.size)
        ax.contour(x, y, z, levels=lines, colors=[color(tr.line.color, "#222")], linewidths=2.5)
    else:
        levels = contour_levels(z, tr.ncontours or 24)
        mappable = ax.contourf(x, y, z, levels=levels, cmap=cmap, alpha=alpha, extend="both")
        ax.contour(x, y, z, levels=levels, colors="white", linewidths=0.4, alpha=0.6)
    if tr.showscale is not False:
        bar = fig.colorbar(mappable, ax=ax, shrink=0.85)
        bar.set_label(_title(tr.colorbar))


def _bar(ax, tr: go.Bar) -> None:
    c = tr.marker.color if isinstance(tr.marker.color, str) else None
    ax.bar(np.asarray(tr.x), np.asarray(tr.y, dtype=float), color=color(c), label=None)


def _annotations(ax, layout) -> None:
    for a in layout.annotations:
        if a.showarrow and a.xref == "x" and a.axref == "x":  # an arrow in data coordinates
            ax.annotate(
                "",
                xy=(a.x, a.y),
                xytext=(a.ax, a.ay),
                arrowprops={"arrowstyle": "-|>", "color": color(a.arrowcolor), "lw": 2.5},
            )
        elif a.text and a.xref == "paper" and a.yref == "paper" and a.y < 1:
            ax.text(
                a.x,
                a.y,
                re.sub(r"<[^>]+>", "", a.text),
                transform=ax.transAxes,
                ha="center",
                va="center",
                color=color(a.font.color, "#222"),
                bbox={"facecolor": "white", "alpha": 0.85, "lw": 0},
            )


def _shapes(ax, layout) -> None:
    for s in layout.shapes:  # add_vline / add_hline
        c, ls = color(s.line.color, "#888"), DASHES.get(s.line.dash or "", "-")
        if s.type == "line" and s.xref == "x" and s.x0 == s.x1:
            ax.axvline(s.x0, color=c, ls=ls, lw=1.5)
        elif s.type == "line" and s.yref == "y" and s.y0 == s.y1:
            ax.axhline(s.y0, color=c, ls=ls, lw=1.5)


def to_matplotlib(fig: go.Figure, *, title: str | None = None) -> Figure:
    """The first subplot of a plotly figure of the lab, redrawn on a matplotlib Figure.

    Axis titles, ranges, log axes, equal scale (scaleanchor), legend and title carry over;
    `title` replaces the figure's own (a chart whose title is on the page, not in the figure).
    Layout images (the contour picture under an animation) are skipped: the contour trace is
    redrawn instead.
    """
    _matplotlib()
    from matplotlib.figure import Figure

    layout = fig.layout
    xa, ya = layout.xaxis, layout.yaxis
    size = SIZE
    if ya.scaleanchor == "x" and xa.range is not None and ya.range is not None:
        aspect = (xa.range[1] - xa.range[0]) / (ya.range[1] - ya.range[0])
        size = (min(12.0, 5.5 * aspect + 2.5), 5.5)  # room for labels and a colour bar
    out = Figure(figsize=size, dpi=DPI, layout="constrained")
    ax = out.add_subplot()
    for tr in fig.data:
        if getattr(tr, "xaxis", None) not in (None, "x") or tr.visible is False:
            continue
        if tr.type == "contour":
            _contour(ax, out, tr)
        elif tr.type == "scatter":
            _scatter(ax, tr)
        elif tr.type == "bar":
            _bar(ax, tr)
    _annotations(ax, layout)
    _shapes(ax, layout)
    if xa.type == "log":
        ax.set_xscale("log")
    if ya.type == "log":
        ax.set_yscale("log")
    if xa.range is not None:
        ax.set_xlim(_range(xa))
    if ya.range is not None:
        ax.set_ylim(_range(ya))
    if ya.scaleanchor == "x":
        ax.set_aspect("equal", adjustable="box")
    ax.set_xlabel(_title(xa))
    ax.set_ylabel(_title(ya))
    ax.set_title(title if title is not None else _title(layout), loc="left")
    if ax.get_legend_handles_labels()[0] and layout.showlegend is not False:
        ax.legend(loc="best", fontsize="small", framealpha=0.85)
    ax.grid(alpha=0.25)
    return out


def _range(axis) -> tuple[float, float]:
    lo, hi = axis.range
    return (10.0**lo, 10.0**hi) if axis.type == "log" else (lo, hi)


def figure_bytes(fig: Figure, fmt: str) -> bytes:
    """fig saved as "png" or "svg"; a glyph missing from every font raises (no boxes)."""
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message="Glyph .* missing from font")
        fig.savefig(buf, format=fmt, dpi=DPI)
    return buf.getvalue()


def slides_download(fig: go.Figure, name: str, *, key: str, title: str | None = None) -> None:
    """Two small buttons under a chart: download it as PNG and SVG, drawn by matplotlib.

    The files are drawn only when a button is pressed (a callable `data`, run in its own
    thread), so the page pays nothing for them.
    """
    with st.container(horizontal=True, key=f"{key}_slides"):
        for fmt, mime in (("png", "image/png"), ("svg", "image/svg+xml")):
            st.download_button(
                t(f"common.download_{fmt}"),
                data=_deferred(fig, fmt, title),
                file_name=f"{name}.{fmt}",
                mime=mime,
                on_click="ignore",
                icon=":material/download:",
                type="tertiary",
                key=f"{key}_{fmt}",
            )


def _deferred(fig: go.Figure, fmt: str, title: str | None) -> Callable[[], bytes]:
    return lambda: figure_bytes(to_matplotlib(fig, title=title), fmt)


# --- the book's figure: its own code, run as a notebook would --------------------------------


@st.cache_data(max_entries=16, show_spinner=False)
def run_book_code(code: str) -> bytes:
    """Run book-style plotting code (it imports pyplot and calls plt.show()) and return the
    PNG of the figure it drew. pyplot keeps one current figure per process, hence the lock."""
    _matplotlib()
    import matplotlib.pyplot as plt

    with _PYPLOT, warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
        warnings.filterwarnings("ignore", message=".*non-interactive.*")  # plt.show() on Agg
        plt.close("all")
        try:
            exec(compile(code, "<book figure>", "exec"), {"__name__": "__main__"})
            buf = io.BytesIO()
            plt.gcf().savefig(buf, format="png", dpi=110, bbox_inches="tight")
        finally:
            plt.close("all")
    return buf.getvalue()


def book_figure(code: str, caption: str) -> None:
    """An expander "The book's figure": the code as a learner types it, and what it draws,
    drawn only once it is opened."""
    key = f"book_figure:{zlib.crc32(code.encode())}"  # drawn only once opened (see show_source)
    box = st.expander(
        t("common.book_figure"), icon=":material/menu_book:", key=key, on_change="rerun"
    )
    with box:
        if not box.open:
            return
        st.caption(caption)
        left, right = st.columns([1.1, 1])
        left.code(code, language="python")
        right.image(run_book_code(code))
