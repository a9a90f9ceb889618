"""ui/figures_mpl.py: slides drawn by matplotlib in the page's language (no glyph drawn as a
box), plotly figures carried over faithfully, and the book's code running to the lab's numbers."""

import io
import subprocess
import sys
import warnings
from pathlib import Path

import matplotlib
import numpy as np
import pytest
from matplotlib import font_manager
from matplotlib.ft2font import FT2Font
from PIL import Image

from lab import descent as D
from lab import functions2d as F2
from ui import book_figures
from ui import figures_mpl as M
from ui.charts import line_chart
from ui.charts_gradient import add_path, animate_path, contour_figure
from ui.strings import CATALOG

PAGES = ("gradient_descent", "gradient_field", "perceptron", "activations", "common")
ROOT = Path(__file__).resolve().parent.parent

M._matplotlib()  # the fonts are registered on first use; these tests read them directly


def test_matplotlib_loads_on_first_use_only():
    """Importing the module (as /perceptron, /activations and /gradient_field do) leaves
    matplotlib unimported (~0.55 s of a fresh server's first visit); the first drawing loads it,
    with the Agg backend and the lab's fonts."""
    code = (
        "import sys; import ui.figures_mpl as M; before = 'matplotlib' in sys.modules; "
        "M.contour_levels([0.0, 1.0]); import matplotlib; "
        "print(before, matplotlib.get_backend(), matplotlib.rcParams['font.family'])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split(maxsplit=2)
    assert out[0] == "False"
    assert out[1].lower() == "agg"
    assert out[2].strip() == str(M.FAMILIES)


def chinese_text() -> str:
    """Every character of the Chinese strings of the pages whose charts can be downloaded."""
    return "".join(v["zh"] for k, v in CATALOG.items() if k.split(".")[0] in PAGES)


def test_cjk_family_resolves_to_the_shipped_font():
    """findfont for Noto Sans CJK SC returns the collection from noto-cjk-sans-otc, not
    matplotlib's fallback (DejaVu), and the rc family list falls back to it."""
    path = font_manager.findfont(M.CJK_FAMILY, fallback_to_default=False)
    assert Path(path).name == "NotoSansCJK-Regular.ttc"
    assert matplotlib.rcParams["font.family"] == ["DejaVu Sans", M.CJK_FAMILY]


def test_every_chinese_character_has_a_glyph():
    """Each character of the pages' Chinese strings has a glyph in DejaVu Sans or in Noto Sans
    CJK SC (FT2Font.get_char_index is 0 for a missing glyph, which draws as a box)."""
    fonts = [
        FT2Font(font_manager.findfont(family, fallback_to_default=False)) for family in M.FAMILIES
    ]
    missing = sorted(
        {
            c
            for c in chinese_text()
            if c.isprintable() and not c.isspace()
            if all(f.get_char_index(ord(c)) == 0 for f in fonts)
        }
    )
    assert not missing, missing


def zh_contour():
    """The gradient descent page's main chart, built as the page builds it, in Chinese."""
    fn = F2.FUNCTIONS["function_2"]
    run = D.gradient_descent(fn.f, [-3.0, 4.0], 0.1, 20)
    x0s, x1s, Z = F2.evaluate_grid(fn, F2.view_box(fn, [run.history]), 40)
    zh = {k: CATALOG[f"gradient_descent.{k}"]["zh"] for k in ("axis_x0", "axis_x1", "shade")}
    fig = contour_figure(
        x0s,
        x1s,
        Z,
        Z,
        x_title=zh["axis_x0"],
        y_title=zh["axis_x1"],
        shade_title=zh["shade"],
        title=CATALOG["gradient_descent.loss_title"]["zh"],
    )
    add_path(fig, run.history, name=CATALOG["gradient_descent.path"]["zh"], color="#d62728")
    return fig, run


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_chinese_chart_saves_without_missing_glyphs(fmt):
    """A chart with Chinese titles saves as PNG and SVG with no "Glyph missing" warning
    (figure_bytes turns that warning into an error); the PNG is a real image."""
    fig, _ = zh_contour()
    data = M.figure_bytes(M.to_matplotlib(fig), fmt)
    if fmt == "png":
        image = Image.open(io.BytesIO(data))
        assert image.format == "PNG" and image.width >= 800
    else:
        assert data.lstrip().startswith(b"<?xml") and b"<svg" in data[:500]


def test_missing_glyph_raises():
    """The guard works: a character no font has (a private-use code point) raises."""
    fig, _ = zh_contour()
    out = M.to_matplotlib(fig, title="\ue000")
    with pytest.raises(UserWarning, match="missing from font"):
        M.figure_bytes(out, "png")


def test_contour_chart_carried_over():
    """The redrawn chart keeps the path's points, the axis titles, the ranges and one unit as
    long on x1 as on x0 (the plotly figure's scaleanchor)."""
    fig, run = zh_contour()
    out = M.to_matplotlib(fig)
    ax = out.axes[0]
    np.testing.assert_array_equal(ax.lines[0].get_xydata(), run.history)
    assert ax.get_xlabel() == CATALOG["gradient_descent.axis_x0"]["zh"]
    assert ax.get_xlim() == pytest.approx(tuple(fig.layout.xaxis.range))
    assert ax.get_ylim() == pytest.approx(tuple(fig.layout.yaxis.range))
    assert ax.get_aspect() == 1.0


def test_log_axes_and_dashes_carried_over():
    """A log-log line chart stays log-log, its ranges (given in decades) are powers of 10,
    and a dashed curve stays dashed."""
    h = np.logspace(-8, 0, 9)
    fig = line_chart(
        h, [("a", h, {}), ("b", 2 * h, {"dash": "dash"})], x_title="h", y_title="e", log_x=True
    )
    fig.update_yaxes(type="log", range=[-9, 1])
    ax = M.to_matplotlib(fig).axes[0]
    assert ax.get_xscale() == "log" and ax.get_yscale() == "log"
    assert ax.get_ylim() == pytest.approx((1e-9, 10.0))
    assert ax.lines[1].get_linestyle() == "--"


def test_colours_from_plotly_strings():
    """rgb(), rgba() and #hex become the same RGBA tuple matplotlib would use."""
    assert M.color("rgba(255,255,255,0.6)") == pytest.approx((1, 1, 1, 0.6))
    assert M.color("rgb(0, 51, 102)") == pytest.approx((0, 0.2, 0.4, 1))
    assert M.color("#ff0000") == (1.0, 0.0, 0.0, 1.0)


def test_contour_levels_are_round_and_span_the_values():
    """About 24 evenly spaced levels whose first is at most min and last at least max."""
    z = np.array([[0.0, 3.3], [12.7, 25.0]])
    levels = M.contour_levels(z)
    assert levels[0] <= 0 and levels[-1] >= 25
    steps = np.diff(levels)
    np.testing.assert_allclose(steps, steps[0])
    assert 12 <= len(levels) <= 26


def test_animated_map_is_a_picture_of_the_same_box():
    """Under the animation the map is a layout image that exactly covers the contour's box,
    and the contour trace is kept (invisible) for hover and colour bar, with levels fixed to
    the picture's."""
    fig, run = zh_contour()
    animate_path(fig, run.history, path_trace=1, play="p", pause="q", step="s")
    (image,) = fig.layout.images
    contour = fig.data[0]
    assert image.source.startswith("data:image/png;base64,")
    assert (image.x, image.y) == (contour.x[0], contour.y[-1])
    assert image.sizex == pytest.approx(contour.x[-1] - contour.x[0])
    assert image.sizey == pytest.approx(contour.y[-1] - contour.y[0])
    assert contour.opacity == 0 and contour.contours.start <= np.min(contour.z)
    assert all(f.traces == (1,) for f in fig.frames)  # frames move the path only


def test_book_gradient_descent_code_reaches_the_labs_point():
    """The code shown as the book's figure runs the book's algorithm: its x after 20 steps at
    lr = 0.1 from (-3, 4) equals lab.descent's numerical gradient descent."""
    namespace: dict = {"__name__": "__main__"}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        exec(book_figures.GRADIENT_DESCENT, namespace)
    fn = F2.FUNCTIONS["function_2"]
    lab = D.gradient_descent(fn.f, [-3.0, 4.0], 0.1, 20)
    np.testing.assert_allclose(namespace["x"], lab.x, rtol=1e-12)
    np.testing.assert_allclose(namespace["x_history"], lab.history[:-1], rtol=1e-12)
    matplotlib.pyplot.close("all")


@pytest.mark.parametrize(
    "name", ["ACTIVATIONS", "NUMERICAL_DIFF", "GRADIENT_QUIVER", "GRADIENT_DESCENT"]
)
def test_book_code_draws_a_figure(name):
    """Each book snippet runs under Agg and draws a non-blank PNG (some pixels not white)."""
    data = M.run_book_code(getattr(book_figures, name))
    image = np.asarray(Image.open(io.BytesIO(data)).convert("L"))
    assert image.shape[0] > 200 and (image < 128).mean() > 0.001
