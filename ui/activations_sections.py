"""The sections of the activation explorer (pages/activations.py), one function each: the
curves and their derivatives, the book's figure, a neuron as a circuit, why nonlinearity.

Every widget keeps its value for the session (ui.settings.keep); keys start with "activations_".
"""

from __future__ import annotations

import numpy as np
import streamlit as st

from lab import activations as A
from ui import book_figures
from ui.charts import line_chart
from ui.figures_mpl import book_figure, slides_download
from ui.i18n import labeller, t
from ui.layout import fragment, show_source
from ui.settings import keep

FORMULAS = {
    "step": (r"h(x)=\begin{cases}1 & x>0\\0 & x\le 0\end{cases}", r"h'(x)=0\ (x\ne 0)"),
    "sigmoid": (r"h(x)=\frac{1}{1+e^{-x}}", r"h'(x)=h(x)\,(1-h(x))"),
    "relu": (r"h(x)=\max(0,x)", r"h'(x)=\begin{cases}1 & x>0\\0 & x\le 0\end{cases}"),
    "leaky_relu": (
        r"h(x)=\begin{cases}x & x>0\\ \alpha x & x\le 0\end{cases}",
        r"h'(x)=\begin{cases}1 & x>0\\ \alpha & x\le 0\end{cases}",
    ),
    "tanh": (r"h(x)=\tanh x=\frac{e^{x}-e^{-x}}{e^{x}+e^{-x}}", r"h'(x)=1-\tanh^2 x"),
    "identity": (r"h(x)=x", r"h'(x)=1"),
    "softplus": (r"h(x)=\ln(1+e^{x})", r"h'(x)=\frac{1}{1+e^{-x}}"),
    "gelu": (r"h(x)=x\,\Phi(x)", r"h'(x)=\Phi(x)+x\,\varphi(x)"),
}
NAMES = list(A.ACTIVATIONS)
BOOK_THREE = ["step", "sigmoid", "relu"]  # the book's §3.2 functions, picked on a first visit


def fn_name(name: str) -> str:
    return t(f"activations.fn.{name}")


@fragment
def explorer() -> None:
    """Pick functions, see their curves (and derivatives) on one chart, then their formulas."""
    chosen = st.pills(
        t("activations.pick"),
        NAMES,
        selection_mode="multi",
        default=BOOK_THREE,
        format_func=labeller("activations.fn.{}"),
        help=t("activations.pick_help"),
        **keep("activations_pick", BOOK_THREE),
    )
    chosen = [name for name in NAMES if name in chosen]  # the legend follows the picker
    controls, chart = st.columns([1, 3.2])
    with controls:
        show_d = st.toggle(
            t("activations.derivs"), value=False, **keep("activations_derivs", False)
        )
        lo, hi = st.slider(
            t("activations.xrange"),
            -20.0,
            20.0,
            (-6.0, 6.0),
            step=0.5,
            **keep("activations_range", (-6.0, 6.0)),
        )
        alpha = 0.1
        if "leaky_relu" in chosen:
            alpha = st.slider(
                t("activations.alpha"), 0.0, 0.5, 0.1, 0.01, **keep("activations_alpha", 0.1)
            )
    with chart:
        if not chosen:
            st.info(t("activations.none"))
            return
        if hi <= lo:  # a range slider can be pulled to a single point
            hi = lo + 0.5
        x = np.linspace(lo, hi, 801)
        curves = []
        for name in chosen:
            f, df, has_alpha = A.ACTIVATIONS[name]
            kw = {"alpha": alpha} if has_alpha else {}
            curves.append((fn_name(name), f(x, **kw), {}))
            if show_d:
                label = fn_name(name) + t("activations.deriv_suffix")
                curves.append((label, df(x, **kw), {"dash": "dash", "width": 1.8}))
        fig = line_chart(
            x,
            curves,
            x_title=t("activations.x_axis"),
            y_title=t("activations.y_axis"),
        )
        # the title is on the page, not in the figure: a legend of up to 16 entries grows
        # above the plot (plotly makes room for it) and can cover no title, at any width
        st.markdown(f"**{t('activations.chart_title')}**")
        st.plotly_chart(fig, key="act_chart")
        slides_download(fig, "activations", key="act_chart", title=t("activations.chart_title"))
    st.subheader(t("activations.formulas"))
    cols = st.columns(min(len(chosen), 4))
    for i, name in enumerate(chosen):
        with cols[i % len(cols)]:
            st.markdown(f"**{fn_name(name)}**")
            st.latex(FORMULAS[name][0])
            if show_d:
                st.latex(FORMULAS[name][1])
    if "relu" in chosen or "leaky_relu" in chosen:
        st.caption(t("activations.kink"))
    show_source(*[A.ACTIVATIONS[n][0] for n in chosen], *[A.ACTIVATIONS[n][1] for n in chosen])


def book() -> None:
    """The book's figure: the activation curves drawn by the book's own code."""
    book_figure(book_figures.ACTIVATIONS, t("activations.book_caption"))


def circuits() -> None:
    """A neuron as a circuit: a weighted sum, then h."""
    st.subheader(t("activations.circuits_title"))
    st.markdown(t("activations.circuits"))


@fragment
def nonlinearity() -> None:
    """Two layers without h collapse to one line; with h they bend."""
    st.subheader(t("activations.nonlin_title"))
    st.markdown(t("activations.nonlin_intro"))
    controls, chart = st.columns([1.3, 3])
    with controls:
        w = st.slider(
            t("activations.nonlin_w"), 0.5, 10.0, 3.0, 0.5, **keep("activations_nl_w", 3.0)
        )
        c = st.slider(
            t("activations.nonlin_c"), 0.0, 3.0, 1.0, 0.25, **keep("activations_nl_c", 1.0)
        )
        h = st.radio(
            t("activations.nonlin_h"),
            ["sigmoid", "relu", "tanh"],
            format_func=labeller("activations.fn.{}"),
            **keep("activations_nl_h", "sigmoid"),
        )
    W1, b1 = np.array([[w, w]]), np.array([w * c, -w * c])
    W2, b2 = np.array([[1.0], [-0.5]]), np.array([0.0])
    x = np.linspace(-5, 5, 401)
    y_lin = A.two_layer_1d(x, W1, b1, W2, b2, "identity")
    y_non = A.two_layer_1d(x, W1, b1, W2, b2, h)
    W, b = A.collapse_linear(W1, b1, W2, b2)
    with chart:
        left, right = st.columns(2)
        for col, name, y, key in (
            (left, t("activations.nonlin_linear"), y_lin, "act_nl_lin"),
            (right, t("activations.nonlin_curve", name=fn_name(h)), y_non, "act_nl_chart"),
        ):
            fig = line_chart(
                x,
                [(name, y, {})],
                x_title=t("activations.x_axis"),
                y_title=t("activations.nonlin_y"),
                title=name,
                height=340,
            )
            fig.update_layout(showlegend=False)
            col.plotly_chart(fig, key=key)
    err = float(np.max(np.abs(y_lin - (x * W[0, 0] + b[0]))))
    st.markdown(
        t(
            "activations.nonlin_collapse",
            slope=W[0, 0],
            intercept=b[0],
            err=err,
            name=fn_name(h),
        )
    )
    show_source(A.two_layer_1d, A.collapse_linear)
