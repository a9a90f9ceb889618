"""The sections of the derivatives and gradients page (book §4.3-4.4), one function each:
tangent lines, the step h, the book's gradients, -∇f on a contour map.
"""

import numpy as np
import streamlit as st

from lab import calculus as C
from lab import functions2d as F2
from ui import book_figures
from ui.charts import COLORS, line_chart
from ui.charts_gradient import (
    add_arrow,
    add_points,
    add_quiver,
    contour_figure,
    fmt_point,
    number_label,
    surface_figure,
)
from ui.figures_mpl import book_figure, slides_download
from ui.i18n import labeller, t
from ui.layout import fragment, show_source
from ui.settings import keep

DENSITIES = [5, 9, 13, 17, 21, 25, 33, 41]  # arrows per side; 17 on [-2, 2] = the book's 0.25
STEPS_H = [1e-50, 1e-30, 1e-20, 1e-16, 1e-15, 1e-12, 1e-10, 1e-8, 1e-6, 1e-4, 1e-2, 1.0]
PROBE = {  # where the "pick a point" sliders start, per function
    "function_2": (1.0, 1.5),
    "stretched": (-6.0, 2.0),
    "rosenbrock": (-1.0, 2.0),
    "himmelblau": (1.0, 1.0),
    "saddle": (1.0, 0.5),
    "beale": (1.0, 1.5),
    "six_hump_camel": (1.0, -1.0),
}
CONTOUR_N = 61  # grid points per side: odd, so the centre (0, 0) is one; 100 looked the same
FIRST_FN = next(iter(F2.FUNCTIONS))  # the function picked on a first visit


def x_titles() -> tuple[str, str]:
    return t("gradient_field.x0"), t("gradient_field.x1")


@fragment
def tangents() -> None:
    st.header(t("gradient_field.diff_title"))
    st.markdown(t("gradient_field.diff_intro"))
    chosen = st.multiselect(
        t("gradient_field.tangent_at"),
        list(range(0, 21)),
        default=[5, 10],
        max_selections=4,
        help=t("gradient_field.tangent_help"),
        placeholder=t("common.choose"),
        **keep("gradient_field_tangents", [5, 10]),
    )
    x = np.arange(0.0, 20.0, 0.1)  # the book's grid
    curves = [
        (t("gradient_field.f1_name"), C.function_1(x), {}),
        (t("gradient_field.f1_diff_name"), C.numerical_diff(C.function_1, x), {"dash": "dash"}),
    ]
    for x0 in chosen:
        curves.append(
            (
                t("gradient_field.tangent_name", x=x0),
                C.tangent_line(C.function_1, x0)(x),
                {"dash": "dot", "width": 1.6},
            )
        )
    fig = line_chart(
        x,
        curves,
        x_title=t("gradient_field.f1_x"),
        y_title=t("gradient_field.f1_axis"),
        height=380,
    )
    if chosen:
        points = np.column_stack([chosen, C.function_1(np.array(chosen, dtype=float))])
        add_points(
            fig, points, name=t("gradient_field.tangent_points"), symbol="circle", color="#333"
        )
    fig.update_yaxes(range=[-1, 6.5])
    st.plotly_chart(fig, key="gradient_field_tangent_chart")
    slides_download(fig, "tangent-lines", key="gradient_field_tangent_chart")
    if not chosen:
        st.info(t("gradient_field.no_tangent"))
        return
    rows = []
    for x0 in chosen:
        book = C.BOOK_DIFFS.get(float(x0))
        rows.append(
            {
                "x": f"{x0:g}",
                t("gradient_field.col_numerical"): repr(C.numerical_diff(C.function_1, x0)),
                t("gradient_field.col_exact"): f"{C.function_1_diff(x0):.10g}",
                t("gradient_field.col_book"): repr(book) if book is not None else "—",
            }
        )
    st.table(rows, hide_index=True)  # a few rows: an HTML table (st.dataframe's grid costs more)
    st.caption(t("gradient_field.book_note"))
    show_source(C.numerical_diff, C.tangent_line)


@fragment
def step_size() -> None:
    st.subheader(t("gradient_field.h_title"))
    st.markdown(t("gradient_field.h_intro"))
    controls, chart = st.columns([1, 2.4])
    x0 = 5.0
    with controls:
        h = st.select_slider(
            t("gradient_field.h"),
            STEPS_H,
            value=1e-4,
            format_func=number_label,
            help=t("gradient_field.h_help"),
            **keep("gradient_field_h", 1e-4),
        )
        d = C.numerical_diff(C.function_1, x0, h)
        exact = float(C.function_1_diff(x0))
        st.markdown(t("gradient_field.h_result", h=number_label(h), d=repr(d)))
        st.markdown(t("gradient_field.h_error", err=f"{abs(d - exact):.3g}"))
        if C.step_lost(x0, h):
            st.warning(
                t("gradient_field.h_lost", h=number_label(h), spacing=f"{C.float_spacing(x0):.3g}"),
                icon=":material/warning:",
            )
    hs = np.logspace(-52, 0, 261)
    err = C.diff_error(C.function_1, C.function_1_diff, x0, hs)
    fig = line_chart(
        hs,
        [
            (t("gradient_field.central"), err["central"], {}),
            (t("gradient_field.forward"), err["forward"], {"dash": "dash"}),
        ],
        x_title=t("gradient_field.h_axis"),
        y_title=t("gradient_field.err_axis"),
        height=380,
        log_x=True,
        log_y=True,
    )
    fig.add_vline(x=h, line={"color": COLORS[3], "width": 2, "dash": "dot"})
    fig.update_yaxes(range=[-15, 0.5])
    chart.plotly_chart(fig, key="gradient_field_err_chart")
    st.markdown(t("gradient_field.h_explain"))
    show_source(C.diff_error, C.step_lost)


def book_tangent() -> None:
    """The book's figure: f and its tangent at x = 5, drawn by the book's own code."""
    book_figure(book_figures.NUMERICAL_DIFF, t("gradient_field.book_tangent"))


def book_gradients() -> None:
    st.divider()
    st.header(t("gradient_field.grad_title"))
    st.markdown(t("gradient_field.grad_intro"))
    points = np.array(list(F2.BOOK_GRADIENTS))
    numerical, analytic, _ = F2.numerical_vs_analytic(F2.FUNCTIONS["function_2"], points)
    rows = [
        {
            t("gradient_field.col_point"): fmt_point(p, "g"),
            t("gradient_field.col_book"): fmt_point(F2.BOOK_GRADIENTS[tuple(p)], "g"),
            t("gradient_field.col_numerical"): fmt_point(g, ".15g"),
            t("gradient_field.col_analytic"): fmt_point(a, "g"),
        }
        for p, g, a in zip(points, numerical, analytic, strict=True)
    ]
    st.table(rows, hide_index=True)


def probe_function() -> None:
    """Callback: a new function puts the picked point at that function's PROBE."""
    p0, p1 = PROBE[st.session_state["gradient_field_fn"]]
    st.session_state["gradient_field_p0"], st.session_state["gradient_field_p1"] = p0, p1


@fragment
def field() -> None:
    controls, chart = st.columns([1, 2.6])
    with controls:
        name = st.selectbox(
            t("gradient_field.function"),
            list(F2.FUNCTIONS),
            format_func=labeller("gradient_field.fn.{}"),
            on_change=probe_function,
            **keep("gradient_field_fn", FIRST_FN),
        )
        fn = F2.FUNCTIONS[name]
        n = st.select_slider(
            t("gradient_field.density"),
            DENSITIES,
            value=17,
            format_func=str,
            help=t("gradient_field.density_help"),
            **keep("gradient_field_density", 17),
        )
        kind = st.radio(
            t("gradient_field.kind"),
            ["numerical", "analytic"],
            format_func=labeller("gradient_field.kind.{}"),
            horizontal=True,
            **keep("gradient_field_kind", "numerical"),
        )
        unit = st.toggle(
            t("gradient_field.unit"),
            help=t("gradient_field.unit_help"),
            **keep("gradient_field_unit", False),
        )
        (a, b), (c, d) = fn.domain
        st.session_state.setdefault("gradient_field_p0", PROBE[name][0])
        st.session_state.setdefault("gradient_field_p1", PROBE[name][1])
        probe = PROBE[FIRST_FN]  # a reset puts back the first function, and so its probe
        p0 = st.slider(
            t("gradient_field.px0"), a, b, step=0.05, **keep("gradient_field_p0", probe[0])
        )
        p1 = st.slider(
            t("gradient_field.px1"), c, d, step=0.05, **keep("gradient_field_p1", probe[1])
        )
    _, _, points = F2.grid_points(fn.domain, n)
    numerical, analytic, max_diff = F2.numerical_vs_analytic(fn, points)
    grads = numerical if kind == "numerical" else analytic
    point = np.array([p0, p1])
    (g_num,), (g_ana,), diff_here = F2.numerical_vs_analytic(fn, point[None, :])
    value = float(fn.f(point))
    with chart:
        st.latex(fn.formula)
        # Lazy tabs: only the open one is drawn (a hidden 3-D surface still costs the browser
        # a WebGL render and its picking read-back, ~1-2 s per visit in headless chromium).
        flat, surface = st.tabs(
            [t("gradient_field.tab_contour"), t("gradient_field.tab_3d")],
            key="gradient_field_view",
            on_change="rerun",
        )
        if flat.open:
            with flat:
                arrow_map(fn, points, grads, point, g_num, unit)
        if surface.open:
            with surface:
                surface_view(fn, point, value)
    st.caption(t("gradient_field.arrow_note"))
    st.markdown(
        t(
            "gradient_field.at_point",
            p=fmt_point(point, ".3g"),
            f=f"{value:.6g}",
            num=fmt_point(g_num, ".6g"),
            ana=fmt_point(g_ana, ".6g"),
            diff=f"{diff_here:.2e}",
        )
    )
    st.markdown(t("gradient_field.max_diff", n=n * n, diff=f"{max_diff:.2e}"))
    show_source(F2.FUNCTIONS[name].f, F2.numerical_vs_analytic, C.numerical_gradient)


def arrow_map(fn: F2.Function2D, points, grads, point, g_num, unit: bool) -> None:
    """The contour map with the -∇f arrows at the grid points and the thick arrow at point."""
    x0s, x1s, Z = F2.evaluate_grid(fn, fn.domain, CONTOUR_N)
    x_t, y_t = x_titles()
    fig = contour_figure(
        x0s,
        x1s,
        Z,
        F2.contour_values(fn, Z),
        x_title=x_t,
        y_title=y_t,
        shade_title=t("gradient_field.shade_log" if fn.log_scale else "gradient_field.shade"),
    )
    scale = add_quiver(
        fig, points, -grads[:, 0], -grads[:, 1], name=t("gradient_field.arrows"), unit=unit
    )
    add_points(fig, fn.minima, name=t("gradient_field.minima"), symbol="star", color=COLORS[2])
    add_arrow(fig, point, -g_num, scale=3 * scale, unit=unit)
    add_points(fig, point, name=t("gradient_field.point"), symbol="circle", color=COLORS[1])
    st.plotly_chart(fig, key="gradient_field_chart")
    slides_download(fig, "gradient-field", key="gradient_field_chart")


def surface_view(fn: F2.Function2D, point, value: float) -> None:
    """The function as a 3-D surface with the picked point on it."""
    x_t, y_t = x_titles()
    sx0s, sx1s, SZ = F2.evaluate_grid(fn, fn.domain, 60)
    st.plotly_chart(
        surface_figure(
            sx0s,
            sx1s,
            SZ,
            point,
            value,
            x_title=x_t,
            y_title=y_t,
            z_title=t("gradient_field.shade"),
            name=t("gradient_field.point"),
        ),
        key="gradient_field_surface",
    )


def book_quiver() -> None:
    """The book's figure: the -∇f arrows of x0² + x1², drawn by the book's own code."""
    book_figure(book_figures.GRADIENT_QUIVER, t("gradient_field.book_quiver"))


def outro() -> None:
    st.markdown(t("gradient_field.outro"))
