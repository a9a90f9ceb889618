"""The sections of the softmax and loss page (pages/softmax_loss.py), one function each.

Every widget keeps its value for the session (ui.settings.keep); keys start with
"softmax_loss_".
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from lab import softmax_loss as S
from lab.activations import softmax
from lab.losses import LOG_GUARD, cross_entropy_error, mean_squared_error, sum_squared_error
from lab.mnist import to_one_hot
from ui.charts import bar_chart, curves_with_marker
from ui.i18n import labeller, t
from ui.layout import code_text, fragment, show_source, user_text
from ui.numbers import like, shown
from ui.resources import mnist_uint8
from ui.settings import keep

LOSSES = ("mse", "sse", "ce_onehot", "ce_label", "ce_book")
FORMULAS = {
    "mse": "(1/n) Σₖ (yₖ − tₖ)²",
    "sse": "½ Σₖ (yₖ − tₖ)²",
    "ce_onehot": "−Σₖ tₖ log yₖ",
    "ce_label": "−log y_t",
    "ce_book": "−Σₖ tₖ log(yₖ + 10⁻⁷)",
}
# Streamlit stacks columns below 640 px: there the pipeline's arrows turn to point down.
PIPE_CSS = """<style>
.st-key-softmax_loss_pipe .pipe-arrow {font-size: 1.8rem; text-align: center; margin-top: 1.5rem}
@media (max-width: 640px) {
  .st-key-softmax_loss_pipe .pipe-arrow {transform: rotate(90deg); margin: 0}
}
</style>"""


@st.cache_data(show_spinner=False, max_entries=10)
def p_curves(label: int) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """Each loss over a grid of p, for the chart (pure and small: cached)."""
    p = np.linspace(0.0, 1.0, 201)
    return p, S.loss_curves(p, label)


@st.cache_data(show_spinner=False, max_entries=10)
def guard_curves(label: int) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """Cross entropy for y from 1e-323 (a subnormal, below LOG_GUARD) up to 1."""
    y = np.logspace(-323, 0, 324)
    return y, S.loss_curves(y, label)


@fragment
def explorer() -> None:
    """Scores and temperature (left), softmax's probabilities (right), then the pipeline."""
    controls, chart = st.columns([1.3, 3])
    with controls:
        default_text = ", ".join(str(v) for v in S.BOOK_LOGITS)
        text = st.text_input(
            t("softmax_loss.logits"),
            value=default_text,
            help=t("softmax_loss.logits_help"),
            **keep("softmax_loss_logits", default_text),
        )
        temperature = st.slider(
            t("softmax_loss.temperature"),
            0.1,
            10.0,
            1.0,
            0.1,
            help=t("softmax_loss.temperature_help"),
            **keep("softmax_loss_temperature", 1.0),
        )
        compare = st.toggle(
            t("softmax_loss.compare_sigmoid"),
            help=t("softmax_loss.compare_sigmoid_help"),
            **keep("softmax_loss_sigmoid", False),
        )
    try:
        a = S.parse_logits(text)
    except S.LogitsError as err:
        token = user_text(err.token) if err.reason in ("number", "finite") else err.token
        chart.warning(
            t(f"softmax_loss.bad_logits.{err.reason}", token=token, max=S.MAX_LOGITS),
            icon=":material/edit:",
        )
        return
    y, k = S.softmax_decision(a, temperature)
    series = [(t("softmax_loss.series_softmax"), y)]
    both = S.sigmoid_vs_softmax(a, temperature) if compare else None
    if both is not None:
        series.append((t("softmax_loss.series_sigmoid"), both["sigmoid"]))
    with chart:
        fig = bar_chart(
            [str(i) for i in range(len(a))],
            series,
            x_title=t("softmax_loss.class_axis"),
            y_title=t("softmax_loss.prob_axis"),
            title=t("softmax_loss.prob_chart"),
            highlight=k,
        )
        st.plotly_chart(fig, key="softmax_loss_probs")
        if both is not None:
            st.caption(t("softmax_loss.sums", soft=both["softmax_sum"], sig=both["sigmoid_sum"]))
    with controls:
        st.caption(t("softmax_loss.temperature_note"))
    pipeline(a, y, k)
    st.markdown(t("softmax_loss.why_scores"))
    show_source(S.softmax_decision, softmax)


def pipeline(a: np.ndarray, y: np.ndarray, k: int) -> None:
    """Features → scores → softmax → probabilities → decision, as boxes joined by arrows."""
    st.html(PIPE_CSS)
    boxes = [
        (t("softmax_loss.pipe_features"), t("softmax_loss.pipe_features_body")),
        (t("softmax_loss.pipe_logits"), "[" + ", ".join(f"{v:.3g}" for v in a) + "]"),
        (t("softmax_loss.pipe_softmax"), r"$\dfrac{e^{a_k/T}}{\sum_i e^{a_i/T}}$"),
        (t("softmax_loss.pipe_probs"), "[" + ", ".join(f"{v:.3f}" for v in y) + "]"),
        (t("softmax_loss.pipe_decision"), t("softmax_loss.pipe_decision_body", k=k, p=y[k])),
    ]
    with st.container(key="softmax_loss_pipe"):
        steps = st.columns([1, 0.12, 1.2, 0.12, 1, 0.12, 1.2, 0.12, 1])
        for i, (head, body) in enumerate(boxes):
            with steps[2 * i].container(border=True, height="stretch"):
                st.markdown(f"**{head}**")
                st.markdown(body)
            if i < len(boxes) - 1:
                steps[2 * i + 1].html('<div class="pipe-arrow">→</div>')


@fragment
def overflow() -> None:
    """The naive softmax overflows to nan past e^709.78; subtracting the max keeps it finite."""
    st.subheader(t("softmax_loss.overflow_title"))
    st.markdown(t("softmax_loss.overflow_intro", limit=S.EXP_OVERFLOW))
    st.latex(r"\mathrm{softmax}(a)_k=\frac{e^{a_k-c}}{\sum_i e^{a_i-c}},\quad c=\max_i a_i")
    left, right = st.columns([1.3, 3])
    with left:
        c = st.slider(
            t("softmax_loss.shift"),
            0,
            1000,
            1000,
            10,
            help=t("softmax_loss.shift_help"),
            **keep("softmax_loss_shift", 1000),
        )
    steps = S.softmax_steps([c + 10, c, c - 10])
    columns = {
        "a": "softmax_loss.col_a",
        "exp_a": "softmax_loss.col_exp_a",
        "naive": "softmax_loss.col_naive",
        "shifted": "softmax_loss.col_shifted",
        "exp_shifted": "softmax_loss.col_exp_shifted",
        "stable": "softmax_loss.col_stable",
    }
    table = pd.DataFrame(
        {t(label): [shown(v, 5) for v in steps[key]] for key, label in columns.items()}
    )
    with right:
        st.table(table, hide_index=True)
        top = float(steps["c"])
        if steps["overflow"]:
            st.warning(t("softmax_loss.overflow_yes", a=top, limit=S.EXP_OVERFLOW))
        else:
            st.success(t("softmax_loss.overflow_no", a=top, limit=S.EXP_OVERFLOW))
    show_source(S.naive_softmax, softmax)


def sigmoid_vs_softmax() -> None:
    """A table: when to use sigmoid (independent yes/no) and when softmax (one of n)."""
    st.subheader(t("softmax_loss.sig_vs_soft_title"))
    st.markdown(t("softmax_loss.sig_vs_soft_table"))


def loss_row(values: dict, printed: dict, key: str) -> tuple[str, str]:
    """(computed, the book's) for one loss: the computed value to the book's decimals when the
    book prints it, else to 7 significant digits."""
    if key in printed:
        return like(values[key], printed[key]), repr(printed[key])
    return shown(values[key]), ""


@fragment
def book_losses() -> None:
    """The book's two outputs y for the digit "2": every loss, computed and as the book prints."""
    st.subheader(t("softmax_loss.losses_title"))
    st.markdown(t("softmax_loss.losses_intro"))
    left, right = st.columns([1, 1.6])
    with left:
        case = st.radio(
            t("softmax_loss.example"),
            ["right", "wrong", "batch"],
            format_func=labeller("softmax_loss.example.{}"),
            **keep("softmax_loss_example", "right"),
        )
        onehot = ",".join(str(v) for v in to_one_hot(np.array([S.BOOK_T]))[0].astype(int))
        code_text("softmax_loss_t", f"# one-hot\nt = [{onehot}]\n# label\nt = {S.BOOK_T}")
    cases = ["right", "wrong"] if case == "batch" else [case]
    ys = {"right": S.BOOK_Y_RIGHT, "wrong": S.BOOK_Y_WRONG}
    series = [
        (t("softmax_loss.series_y", name=t(f"softmax_loss.example.{c}")), ys[c]) for c in cases
    ]
    fig = bar_chart(
        [str(i) for i in range(10)],
        series,
        x_title=t("softmax_loss.class_axis"),
        y_title=t("softmax_loss.prob_axis"),
        title=t("softmax_loss.y_chart"),
        highlight=S.BOOK_T,
        height=340,
        y_range=(0, 0.75),
        legend=True,
    )
    right.plotly_chart(fig, key="softmax_loss_y")
    y = np.array([ys[c] for c in cases]) if case == "batch" else np.array(ys[case])
    labels = [S.BOOK_T] * len(cases) if case == "batch" else S.BOOK_T
    values = S.book_losses(y, labels)
    printed = S.BOOK_PRINTS.get(case, {})
    rows = [loss_row(values, printed, k) for k in LOSSES]
    table = pd.DataFrame(
        {
            t("softmax_loss.col_loss"): [t(f"softmax_loss.loss.{k}") for k in LOSSES],
            t("softmax_loss.col_formula"): [FORMULAS[k] for k in LOSSES],
            t("softmax_loss.col_value"): [computed for computed, _ in rows],
            t("softmax_loss.col_book"): [book for _, book in rows],
        }
    )
    st.table(table, hide_index=True)
    st.caption(t("softmax_loss.losses_note"))
    show_source(S.book_losses, mean_squared_error, sum_squared_error, cross_entropy_error)


@fragment
def loss_vs_p() -> None:
    """Each loss against the right class's probability p; cross entropy near p = 0 on a log axis."""
    st.markdown(t("softmax_loss.p_intro"))
    p_now = st.slider(t("softmax_loss.p"), 0.0, 1.0, 0.6, 0.01, **keep("softmax_loss_p", 0.6))
    now = S.loss_curves([p_now], S.BOOK_T)
    cols = st.columns(3)
    for col, k in zip(cols, ("mse", "sse", "ce"), strict=True):
        col.metric(t(f"softmax_loss.metric.{k}"), f"{now[k][0]:.4f}")
    p, curves = p_curves(S.BOOK_T)
    left, right = st.columns(2)
    fig = curves_with_marker(
        p,
        [(t(f"softmax_loss.curve.{k}"), curves[k], {}) for k in ("mse", "sse", "ce")],
        marker_x=p_now,
        marker_label=t("softmax_loss.marker", p=p_now),
        x_title=t("softmax_loss.p_axis"),
        y_title=t("softmax_loss.loss_axis"),
        title=t("softmax_loss.curves_chart"),
        y_range=(0, 4.5),
    )
    left.plotly_chart(fig, key="softmax_loss_curves")
    y, guard = guard_curves(S.BOOK_T)
    fig = curves_with_marker(
        y,
        [
            (t("softmax_loss.curve.ce"), guard["ce"], {}),
            (t("softmax_loss.curve.ce_book"), guard["ce_book"], {"dash": "dash"}),
        ],
        marker_x=p_now if p_now > 0 else None,
        marker_label=t("softmax_loss.marker", p=p_now),
        x_title=t("softmax_loss.y_log_axis"),
        y_title=t("softmax_loss.loss_axis"),
        title=t("softmax_loss.guard_chart"),
        log_x=True,
        y_range=(0, 780),
    )
    right.plotly_chart(fig, key="softmax_loss_guard")
    st.caption(
        t("softmax_loss.guard_note", tiny=LOG_GUARD, cap=S.CE_CAP, book_cap=guard["ce_book"][0])
    )
    show_source(S.probs_with_true, S.loss_curves)


def next_seed() -> None:
    st.session_state["softmax_loss_seed"] = st.session_state.get("softmax_loss_seed", 0) + 1


@fragment
def mini_batch() -> None:
    """A random mini-batch of real training images (the random seed decides which) and t."""
    st.markdown(t("softmax_loss.batch_intro"))
    c1, c2, c3 = st.columns([2, 1, 1], vertical_alignment="bottom")
    size = c1.slider(t("softmax_loss.batch_size"), 1, 32, 10, **keep("softmax_loss_batch", 10))
    seed = c2.number_input(
        t("softmax_loss.seed"),
        0,
        1_000_000,
        0,
        help=t("softmax_loss.seed_help"),
        **keep("softmax_loss_seed", 0),
    )
    c3.button(t("softmax_loss.redraw"), on_click=next_seed, key="softmax_loss_redraw")
    with st.spinner(t("softmax_loss.loading")):
        (x_train, t_train), _ = mnist_uint8()
    batch_mask = S.sample_batch(len(x_train), size, np.random.default_rng(int(seed)))
    x_batch = x_train[batch_mask]
    t_batch = to_one_hot(t_train[batch_mask])
    st.markdown(t("softmax_loss.batch_indices", idx=batch_mask.tolist()))
    st.caption(t("softmax_loss.batch_shapes", x=x_batch.shape, t=t_batch.shape))
    st.image(
        [img.reshape(28, 28) for img in x_batch],
        caption=[
            t("softmax_loss.image_caption", i=int(i), label=int(t_train[i])) for i in batch_mask
        ],
        width=84,
    )
    st.caption(t("softmax_loss.images_note"))
    st.markdown(f"**{t('softmax_loss.onehot_title')}**")
    onehot = pd.DataFrame(t_batch.astype(int), columns=[str(d) for d in range(10)])
    onehot.insert(0, t("softmax_loss.col_label"), t_train[batch_mask].astype(int))
    onehot.insert(0, t("softmax_loss.col_index"), batch_mask)
    st.dataframe(onehot, hide_index=True)
    show_source(S.sample_batch, to_one_hot)
