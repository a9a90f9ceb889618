"""The sections of the gradient descent page (book §4.4.1, §6.1), one function each: the walk
on a contour map, the book's learning rates side by side, lr = 10 numerically, the optimizers.
"""

import numpy as np
import streamlit as st

from lab import calculus as C
from lab import descent as D
from lab import functions2d as F2
from lab.optimizers import OPTIMIZERS
from ui import book_figures
from ui.charts import COLORS
from ui.charts_gradient import (
    add_path,
    add_points,
    animate_path,
    contour_figure,
    fmt_point,
    loss_figure,
    number_label,
    panels_figure,
)
from ui.figures_mpl import book_figure, slides_download
from ui.i18n import current_lang, labeller, t
from ui.layout import fragment, show_source
from ui.resources import shared_figures
from ui.settings import keep

LRS = D.lr_grid(*(fn.lr for fn in F2.FUNCTIONS.values()), *D.BOOK_OPTIMIZER_LRS.values())
BOOK_START = (-3.0, 4.0)
BOOK_STEPS = 100
BOOK_VIEW = np.array([[-3.5, -4.5], [3.5, 4.5]])  # the book's xlim and ylim
CONTOUR_N = 61  # grid points per side: odd, so the centre (0, 0) is one; 100 looked the same
FIRST_FN = next(iter(F2.FUNCTIONS))  # the book's x0² + x1², picked on a first visit
BOOK_LRS = [10.0, 1e-10, 0.1, 0.01]  # the book's too large, too small and good rates

# Figures are cached per input and language (as on /perceptron): building the plotly figures
# cost the server ~0.3 s per rerun of this page, more than the walks behind them.
figures = shared_figures(max_entries=256)


def walk(name: str, x0: float, x1: float, lr: float, steps: int, kind: str) -> D.Descent:
    fn = F2.FUNCTIONS[name]
    return D.gradient_descent(fn.f, [x0, x1], lr, steps, grad=fn.grad if kind == "exact" else None)


def defaults(**values: object) -> None:
    """Initial widget values, set once in session_state (a callback may change them later;
    a widget given both value= and a session_state value makes Streamlit warn)."""
    for key, value in values.items():
        st.session_state.setdefault(key, value)


def start_from_function(fn_key: str, x0_key: str, x1_key: str, lr_key: str | None) -> None:
    """Callback: picking a function moves the start (and the lr) to that function's defaults."""
    fn = F2.FUNCTIONS[st.session_state[fn_key]]
    st.session_state[x0_key], st.session_state[x1_key] = fn.start
    if lr_key is not None:
        st.session_state[lr_key] = fn.lr


def contour_for(fn: F2.Function2D, paths, *, n: int = CONTOUR_N, height: int = 520, title=None):
    """The contour map of fn around the given paths, with its minima starred."""
    box = F2.view_box(fn, paths)
    x0s, x1s, Z = F2.evaluate_grid(fn, box, n)
    fig = contour_figure(
        x0s,
        x1s,
        Z,
        F2.contour_values(fn, Z),
        x_title=t("gradient_descent.axis_x0"),
        y_title=t("gradient_descent.axis_x1"),
        shade_title=t("gradient_descent.shade_log" if fn.log_scale else "gradient_descent.shade"),
        title=title,
        height=height,
        show_scale=height > 400,
    )
    if fn.minima:
        add_points(
            fig, fn.minima, name=t("gradient_descent.minima"), symbol="star", color=COLORS[2]
        )
    return fig


def verdict_text(fn: F2.Function2D, run: D.Descent, steps: int, short: bool = False) -> tuple:
    """(streamlit message function, text) for what happened in a run."""
    kind, step = D.verdict(fn, run)
    prefix = "gradient_descent.vs." if short else "gradient_descent.v."
    if kind == "diverged":
        return st.error, t(prefix + kind, step=step, bound=f"{D.BOUND:.0e}")
    if kind in ("converged", "local"):
        minimum, _ = F2.nearest_minimum(fn, run.history[-1])
        where = fmt_point(minimum, ".4g")
        value = f"{float(fn.f(minimum)):.4g}"
        return (st.success if kind == "converged" else st.info), t(
            prefix + kind, step=step, p=where, f=value
        )
    if kind == "barely_moved":
        return st.warning, t(prefix + kind, steps=steps, dist=f"{run.travelled:.2g}")
    key = "moving" if fn.minima else "no_minimum"
    return st.info, t(prefix + key, steps=steps)


# --- 1. the walk ---------------------------------------------------------------------------


@fragment
def explorer() -> None:
    defaults(
        gradient_descent_x0=BOOK_START[0],
        gradient_descent_x1=BOOK_START[1],
        gradient_descent_lr=0.1,
    )
    controls, chart = st.columns([1, 2.6])
    with controls:
        name = st.selectbox(
            t("gradient_descent.function"),
            list(F2.FUNCTIONS),
            format_func=labeller("gradient_field.fn.{}"),
            on_change=start_from_function,
            args=(
                "gradient_descent_fn",
                "gradient_descent_x0",
                "gradient_descent_x1",
                "gradient_descent_lr",
            ),
            **keep("gradient_descent_fn", FIRST_FN),
        )
        fn = F2.FUNCTIONS[name]
        x0 = st.slider(
            t("gradient_descent.x0"),
            -10.0,
            10.0,
            step=0.1,
            **keep("gradient_descent_x0", BOOK_START[0]),
        )
        x1 = st.slider(
            t("gradient_descent.x1"),
            -10.0,
            10.0,
            step=0.1,
            **keep("gradient_descent_x1", BOOK_START[1]),
        )
        lr = st.select_slider(
            t("gradient_descent.lr"),
            LRS,
            format_func=number_label,
            help=t("gradient_descent.lr_help"),
            **keep("gradient_descent_lr", 0.1),
        )
        steps = st.slider(
            t("gradient_descent.steps"),
            1,
            500,
            BOOK_STEPS,
            **keep("gradient_descent_steps", BOOK_STEPS),
        )
        kind = st.radio(
            t("gradient_descent.grad"),
            ["numerical", "exact"],
            format_func=labeller("gradient_descent.grad.{}"),
            help=t("gradient_descent.grad_help"),
            **keep("gradient_descent_grad", "numerical"),
        )
    run = walk(name, x0, x1, lr, steps, kind)
    fig, loss_fig = walk_figures(name, x0, x1, lr, steps, kind, current_lang())
    with chart:
        st.latex(fn.formula)
        st.plotly_chart(fig, key="gradient_descent_chart")
        slides_download(fig, "gradient-descent", key="gradient_descent_chart")
        message, text = verdict_text(fn, run, steps)
        message(text)
    st.markdown(
        t(
            "gradient_descent.final",
            x=fmt_point(run.x, ".9g"),
            f=f"{run.loss[-1]:.6g}",
            steps=len(run.history) - 1,
        )
    )
    book = D.BOOK_RUNS.get(lr)
    is_book_run = name == "function_2" and (x0, x1) == BOOK_START and steps == BOOK_STEPS
    if book is not None and is_book_run and kind == "numerical":
        key = "book_match" if run.diverged_at is None else "book_unbounded"
        st.info(t(f"gradient_descent.{key}", lr=number_label(lr), book=fmt_point(book, ".9g")))
    st.plotly_chart(loss_fig, key="gradient_descent_loss_chart")
    show_source(D.gradient_descent, D.optimize, C.numerical_gradient)


@figures
def walk_figures(name: str, x0: float, x1: float, lr: float, steps: int, kind: str, lang: str):
    """The walk on its contour map (animated: ▶ replays it) and its loss per step."""
    fn = F2.FUNCTIONS[name]
    run = walk(name, x0, x1, lr, steps, kind)
    fig = contour_for(fn, [run.history], height=620)
    add_path(fig, run.history, name=t("gradient_descent.path"), color=COLORS[1])
    add_points(
        fig,
        run.history[0],
        name=t("gradient_descent.start"),
        symbol="circle-open",
        color=COLORS[1],
        size=14,
    )
    animate_path(
        fig,
        run.history,
        path_trace=len(fig.data) - 2,
        play=t("gradient_descent.play"),
        pause=t("gradient_descent.pause"),
        step=t("gradient_descent.step_prefix"),
    )
    loss_fig = loss_figure(
        [(t("gradient_descent.loss"), run.loss)],
        x_title=t("gradient_descent.step_axis"),
        y_title=t("gradient_descent.loss_axis"),
        title=t("gradient_descent.loss_title"),
    )
    return fig, loss_fig


# --- 2. the book's three learning rates, side by side ----------------------------------------


@fragment
def lessons() -> None:
    st.markdown(t("gradient_descent.lessons_intro"))
    left, right = st.columns([3, 1])
    chosen = left.multiselect(
        t("gradient_descent.compare_lrs"),
        LRS,
        default=BOOK_LRS,
        max_selections=4,
        format_func=number_label,
        placeholder=t("common.choose"),
        **keep("gradient_descent_lrs", BOOK_LRS),
    )
    exact = right.toggle(
        t("gradient_descent.use_exact"), **keep("gradient_descent_lessons_exact", False)
    )
    if not chosen:
        st.info(t("gradient_descent.no_lr"))
        return
    fn = F2.FUNCTIONS["function_2"]
    chosen = sorted(chosen)
    runs = book_walks(chosen, exact)
    fig = panels_for(tuple(chosen), exact, current_lang())
    st.plotly_chart(fig, key="gradient_descent_lrs_chart")
    for col, lr, run in zip(st.columns(len(chosen)), chosen, runs, strict=True):
        with col:
            message, text = verdict_text(fn, run, BOOK_STEPS, short=True)
            message(text)
            st.markdown(
                t("gradient_descent.x_after", steps=BOOK_STEPS) + f" `{fmt_point(run.x, '.9g')}`"
            )
            book = D.BOOK_RUNS.get(lr)
            if book is not None and not exact:
                st.markdown(t("gradient_descent.book_prints") + f" `{fmt_point(book, '.9g')}`")
    show_source(D.verdict)


def book_walks(lrs, exact: bool) -> list[D.Descent]:
    """The book's walk (x0² + x1² from (-3, 4), 100 steps) at each learning rate."""
    fn = F2.FUNCTIONS["function_2"]
    grad = fn.grad if exact else None
    return [
        D.gradient_descent(fn.f, BOOK_START, lr, BOOK_STEPS, grad=grad, bound=None) for lr in lrs
    ]


@figures
def panels_for(lrs: tuple, exact: bool, lang: str):
    """One contour panel per learning rate with the book's walk on it."""
    fn = F2.FUNCTIONS["function_2"]
    x0s, x1s, Z = F2.evaluate_grid(fn, F2.view_box(fn, [BOOK_VIEW]), 60)
    return panels_figure(
        x0s,
        x1s,
        F2.contour_values(fn, Z),
        [
            (t("gradient_descent.panel", lr=number_label(lr)), run.history)
            for lr, run in zip(lrs, book_walks(lrs, exact), strict=True)
        ],
        minima=fn.minima,
        x_title=t("gradient_descent.axis_x0"),
        y_title=t("gradient_descent.axis_x1"),
    )


# --- 3. lr = 10 with a numerical gradient against an exact one -------------------------------


def stall() -> None:
    fn = F2.FUNCTIONS["function_2"]
    num = D.gradient_descent(fn.f, BOOK_START, 10.0, BOOK_STEPS, bound=None)
    exact = D.gradient_descent(fn.f, BOOK_START, 10.0, BOOK_STEPS, grad=fn.grad, bound=None)
    chart, text = st.columns([1.6, 1])
    chart.plotly_chart(
        loss_figure(
            [
                (t("gradient_descent.grad.numerical"), num.loss),
                (t("gradient_descent.grad.exact"), exact.loss),
            ],
            x_title=t("gradient_descent.step_axis"),
            y_title=t("gradient_descent.loss_axis"),
        ),
        key="gradient_descent_stall_chart",
    )
    text.markdown(
        t(
            "gradient_descent.stall_text",
            num=fmt_point(num.x, ".9g"),
            exact=fmt_point(exact.x, ".3g"),
            spacing=f"{C.float_spacing(num.x[0]):.2g}",
            grad=fmt_point(C.numerical_gradient(fn.f, num.x), "g"),
        )
    )
    show_source(C.float_spacing)


# --- 4. the optimizers on one function -------------------------------------------------------


@fragment
def optimizers() -> None:
    st.markdown(t("gradient_descent.opt_intro"))
    defaults(gradient_descent_opt_x0=-7.0, gradient_descent_opt_x1=2.0)
    chosen = st.multiselect(
        t("gradient_descent.opt_pick"),
        list(OPTIMIZERS),
        default=list(OPTIMIZERS),
        format_func=labeller("gradient_descent.opt.{}"),
        placeholder=t("common.choose"),
        **keep("gradient_descent_opts", list(OPTIMIZERS)),
    )
    controls, chart = st.columns([1, 2.6])
    with controls:
        name = st.selectbox(
            t("gradient_descent.function"),
            list(F2.FUNCTIONS),
            index=list(F2.FUNCTIONS).index("stretched"),
            format_func=labeller("gradient_field.fn.{}"),
            on_change=start_from_function,
            args=(
                "gradient_descent_opt_fn",
                "gradient_descent_opt_x0",
                "gradient_descent_opt_x1",
                None,
            ),
            **keep("gradient_descent_opt_fn", "stretched"),
        )
        fn = F2.FUNCTIONS[name]
        x0 = st.slider(
            t("gradient_descent.x0"), -10.0, 10.0, step=0.1, **keep("gradient_descent_opt_x0", -7.0)
        )
        x1 = st.slider(
            t("gradient_descent.x1"), -10.0, 10.0, step=0.1, **keep("gradient_descent_opt_x1", 2.0)
        )
        steps = st.slider(
            t("gradient_descent.steps"), 1, 200, 30, **keep("gradient_descent_opt_steps", 30)
        )
        with st.expander(t("gradient_descent.opt_lrs")):
            lrs = {
                opt: st.select_slider(
                    t("gradient_descent.opt_lr", name=t(f"gradient_descent.opt.{opt}")),
                    LRS,
                    value=D.BOOK_OPTIMIZER_LRS[opt],
                    format_func=number_label,
                    **keep(f"gradient_descent_opt_lr_{opt}", D.BOOK_OPTIMIZER_LRS[opt]),
                )
                for opt in chosen
            }
    if not chosen:
        chart.info(t("gradient_descent.no_opt"))
        return
    runs = D.compare_optimizers(fn.f, [x0, x1], lrs, steps, grad=fn.grad)
    fig, loss_fig = race_figures(name, x0, x1, steps, tuple(lrs.items()), current_lang())
    with chart:
        st.latex(fn.formula)
        st.plotly_chart(fig, key="gradient_descent_opt_chart")
        slides_download(fig, "optimizers", key="gradient_descent_opt_chart")
    rows = []
    for opt, run in runs.items():
        _, text = verdict_text(fn, run, steps, short=True)
        rows.append(
            {
                t("gradient_descent.col_opt"): t(f"gradient_descent.opt.{opt}"),
                t("gradient_descent.col_lr"): number_label(lrs[opt]),
                t("gradient_descent.col_final"): fmt_point(run.history[-1], ".4g"),
                t("gradient_descent.col_f"): f"{run.loss[-1]:.4g}",
                t("gradient_descent.col_verdict"): text,
            }
        )
    st.dataframe(rows, hide_index=True, key="gradient_descent_opt_table")
    st.plotly_chart(loss_fig, key="gradient_descent_opt_loss")
    show_source(D.compare_optimizers, *(OPTIMIZERS[opt] for opt in chosen))


@figures
def race_figures(name: str, x0: float, x1: float, steps: int, lrs: tuple, lang: str):
    """Every chosen optimizer's path on one contour map, and their losses per step."""
    fn = F2.FUNCTIONS[name]
    runs = D.compare_optimizers(fn.f, [x0, x1], dict(lrs), steps, grad=fn.grad)
    fig = contour_for(fn, [r.history for r in runs.values()])
    for i, (opt, run) in enumerate(runs.items()):
        label = t(f"gradient_descent.opt.{opt}")
        add_path(fig, run.history, name=label, color=COLORS[i % len(COLORS)], width=1.6)
    add_points(
        fig, [x0, x1], name=t("gradient_descent.start"), symbol="circle-open", color="#000", size=14
    )
    loss_fig = loss_figure(
        [(t(f"gradient_descent.opt.{opt}"), run.loss) for opt, run in runs.items()],
        x_title=t("gradient_descent.step_axis"),
        y_title=t("gradient_descent.loss_axis"),
    )
    return fig, loss_fig


def book() -> None:
    """The book's figure: the descent path drawn by the book's own code."""
    book_figure(book_figures.GRADIENT_DESCENT, t("gradient_descent.book_caption"))


def outro() -> None:
    st.markdown(t("gradient_descent.outro"))
