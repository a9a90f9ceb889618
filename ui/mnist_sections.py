"""The sections of the MNIST explorer (pages/mnist.py), one function each: browse the data,
time the book's two inference loops, and what the trained models get wrong.

Every widget keeps its value for the session (ui.settings.keep); keys start with "mnist_".
"""

from __future__ import annotations

import streamlit as st

from lab.inference import infer_batched, infer_one_by_one, median_run, speedup
from lab.metrics import cell_indices, confusion_matrix, evaluate, most_confused, per_class_accuracy
from lab.mnist import load_mnist, to_one_hot
from ui.charts_digits import (
    confusion_heatmap,
    grouped_bars,
    image_heatmap,
    pixels,
    prob_bars,
    selected_cell,
)
from ui.i18n import labeller, t
from ui.layout import code_text, fragment, show_source
from ui.resources import MODEL_CHOICES, mnist_test, mnist_uint8, model, test_report
from ui.settings import keep

GRID = 16  # images in the browsing grid
TILE = 84  # shown size of a grid image, pixels
GALLERY = 24  # images in the mistakes gallery
CELL = 12  # images shown for one confusion cell
LOOP_SIZES = [1000, 2000, 5000, 10000]
REPEATS = 5  # timings are the median of this many runs
BATCH_SIZES = [10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000]


@fragment
def browse() -> None:
    st.header(t("mnist.browse_title"))
    (x_train, t_train), (x_test, t_test) = mnist_uint8()
    controls, grid = st.columns([1, 2.4], gap="large")
    with controls:
        split = st.segmented_control(
            t("mnist.split"),
            ["train", "test"],
            default="train",
            required=True,
            format_func=labeller("mnist.split.{}"),
            **keep("mnist_split", "train"),
        )
        x, labels = (x_train, t_train) if split == "train" else (x_test, t_test)
        i = st.number_input(
            t("mnist.index"),
            min_value=0,
            max_value=len(x) - 1,
            value=0,
            step=1,
            help=t("mnist.index_help", n=GRID),
            **keep(f"mnist_index_{split}", 0),
        )
        label = int(labels[i])
        fig = image_heatmap(
            x[i].reshape(28, 28),
            title=t("mnist.image_title", split=f"x_{split}", i=i, label=label),
            hover=t("mnist.pixel_hover"),
            height=300,
        )
        st.plotly_chart(fig, key="mnist_image_chart")
    with grid:
        shown = range(i, min(i + GRID, len(x)))
        st.image(
            [pixels(x[j], TILE) for j in shown],
            caption=[t("mnist.grid_caption", i=j, label=int(labels[j])) for j in shown],
            width=TILE,
        )
        left, right = st.columns([1, 1.15])
        with left:
            st.markdown(f"**{t('mnist.one_hot')}**")
            one_hot_row = to_one_hot(labels[i : i + 1])[0]
            code_text("mnist_one_hot", f"t_{split}[{i}] = {label}\n→ {one_hot_row}")
            st.caption(t("mnist.one_hot_note", label=label))
        with right:
            st.markdown(f"**{t('mnist.shapes')}**")
            one_hot = to_one_hot(labels)
            code_text(
                "mnist_shapes",
                f"x_train.shape  {x_train.shape}\nt_train.shape  {t_train.shape}\n"
                f"x_test.shape   {x_test.shape}\nt_test.shape   {t_test.shape}\n"
                f"x_{split}[{i}].shape  {x[i].shape}\n"
                f"  .reshape(28, 28)  {x[i].reshape(28, 28).shape}\n"
                f"one-hot t_{split}.shape  {one_hot.shape}",
            )
            st.caption(t("mnist.shapes_note"))
    show_source(load_mnist, to_one_hot)


@fragment
def timing() -> None:
    st.header(t("mnist.infer_title"))
    st.markdown(t("mnist.infer_intro"))
    book = model("book")
    x, labels = mnist_test()
    a, b, c = st.columns([2, 2, 1], vertical_alignment="bottom")
    n = a.select_slider(
        t("mnist.loop_n"),
        LOOP_SIZES,
        value=LOOP_SIZES[0],
        help=t("mnist.loop_n_help"),
        **keep("mnist_loop_n", LOOP_SIZES[0]),
    )
    batch_size = b.select_slider(
        t("mnist.batch"), BATCH_SIZES, value=100, **keep("mnist_batch", 100)
    )
    again = c.button(t("mnist.remeasure"), icon=":material/timer:", key="mnist_remeasure")
    memo = st.session_state.get("mnist_timing_memo")  # a full-page rerun keeps the last figures
    if again or memo is None or memo[0] != (n, batch_size):
        x_n, t_n = x[:n], labels[:n]  # both loops see the same images
        with st.spinner(t("mnist.timing_spinner", n=f"{n:,}", k=REPEATS)):
            # Warm up first (caches, first-call paths): cold, the loop measured 35 µs and the
            # batch 3.3 µs per image, against 26 µs and 1.7 µs warm.
            infer_one_by_one(book.network.predict, x_n[:50], t_n[:50])
            infer_batched(book.network.predict, x_n, t_n, batch_size)
            slow = median_run(lambda: infer_one_by_one(book.network.predict, x_n, t_n), REPEATS)
            fast = median_run(
                lambda: infer_batched(book.network.predict, x_n, t_n, batch_size), REPEATS
            )
        st.session_state["mnist_timing_memo"] = ((n, batch_size), slow, fast)
    else:
        _, slow, fast = memo
    st.caption(t("mnist.timing_same", n=f"{n:,}", k=REPEATS))
    cols = st.columns(3)
    for col, title, run in (
        (cols[0], t("mnist.one_by_one"), slow),
        (cols[1], t("mnist.batched", b=batch_size), fast),
    ):
        col.metric(title, f"{run.seconds * 1e3:.0f} ms", border=True)
        col.caption(
            t(
                "mnist.run_stats",
                acc=f"{run.accuracy:.2%}",
                images=t("mnist.all_n" if run.n == len(x) else "mnist.first_n", n=f"{run.n:,}"),
                ms=f"{run.seconds * 1e3:.1f}",
                us=f"{run.per_image * 1e6:.1f}",
            )
        )
    ratio = speedup(slow, fast)
    cols[2].metric(t("mnist.speedup"), f"{ratio:.1f}×", border=True)
    cols[2].caption(
        t(
            "mnist.speedup_note",
            fast=f"{fast.per_image * 1e6:.1f}",
            slow=f"{slow.per_image * 1e6:.1f}",
        )
    )
    if ratio < 1:
        st.warning(t("mnist.slower_note"), icon=":material/speed:")
    show_source(infer_one_by_one, infer_batched)


def _pick_cell() -> None:
    """A click on the confusion matrix sets the two digit pickers."""
    cell = selected_cell(st.session_state.get("mnist_cm"))
    if cell is not None:
        st.session_state["mnist_true"], st.session_state["mnist_pred"] = cell


@fragment
def mistakes() -> None:
    """A model's accuracy and confusion matrix; the gallery and the per-digit chart on request."""
    st.header(t("mnist.errors_title"))
    name = st.segmented_control(
        t("mnist.model"),
        MODEL_CHOICES,
        default=MODEL_CHOICES[0],
        required=True,
        format_func=labeller("mnist.model.{}"),
        **keep("mnist_model", MODEL_CHOICES[0]),
    )
    with st.spinner(t("mnist.report_spinner")):  # shown only if it takes > 0.5 s
        proba, report = test_report(name)
    m1, m2 = st.columns(2)
    m1.metric(t("mnist.accuracy"), f"{report.accuracy:.2%}", border=True)
    n_wrong = len(report.mistakes.index)
    m2.metric(t("mnist.mistake_count"), t("mnist.mistake_count_value", n=n_wrong), border=True)
    confusion(proba, report)
    # two more charts, each behind a switch: the section shows one chart until asked
    if st.toggle(t("mnist.show_gallery"), **keep("mnist_show_gallery", False)):
        gallery(proba, report)
    if st.toggle(t("mnist.show_per_class"), **keep("mnist_show_per_class", False)):
        per_class()
    show_source(evaluate, confusion_matrix, per_class_accuracy, cell_indices)


def confusion(proba, report) -> None:
    """The confusion matrix; a cell (clicked or picked) shows its images."""
    (_, _), (x_test, t_test) = mnist_uint8()
    st.subheader(t("mnist.cm_title"))
    st.caption(t("mnist.cm_help"))
    first = most_confused(report.confusion)
    st.session_state.setdefault("mnist_true", first[0])
    st.session_state.setdefault("mnist_pred", first[1])
    # a reset brings back the first visit: the default model and its most confused pair
    true0, pred0 = most_confused(test_report(MODEL_CHOICES[0])[1].confusion)
    chart, pick = st.columns([1.5, 1], gap="large")
    with pick:
        true = st.selectbox(t("mnist.cell_true"), range(10), **keep("mnist_true", true0))
        pred = st.selectbox(t("mnist.cell_pred"), range(10), **keep("mnist_pred", pred0))
        idx = cell_indices(t_test, report.y, true, pred)
        st.markdown(f"**{t('mnist.cell_title', t=true, y=pred, n=len(idx))}**")
        if len(idx) > CELL:
            st.caption(t("mnist.cell_more", k=CELL))
        if len(idx) == 0:
            st.info(t("mnist.cell_empty"))
        else:
            st.image(
                [pixels(x_test[j], 72) for j in idx[:CELL]],
                caption=[
                    t("mnist.cell_caption", i=j, p=f"{proba[j, pred]:.0%}") for j in idx[:CELL]
                ],
                width=72,
            )
    with chart:
        fig = confusion_heatmap(
            report.confusion,
            x_title=t("mnist.pred_axis"),
            y_title=t("mnist.true_axis"),
            hover=t("mnist.cm_hover"),
            selected=(true, pred),
        )
        st.plotly_chart(
            fig, key="mnist_cm", on_select=_pick_cell, selection_mode="points", config={}
        )


def gallery(proba, report) -> None:
    """The mistakes, most confident first; one picked with the slider, with its probabilities."""
    (_, _), (x_test, _) = mnist_uint8()
    st.subheader(t("mnist.gallery_title"))
    wrong = report.mistakes
    n_wrong = len(wrong.index)
    if n_wrong == 0:
        st.info(t("mnist.no_errors"))
        return
    k = min(GALLERY, n_wrong)
    st.image(
        [pixels(x_test[j], TILE) for j in wrong.index[:k]],
        caption=[
            t("mnist.gallery_caption", t=wrong.t[r], y=wrong.y[r], p=f"{wrong.p_y[r]:.0%}")
            for r in range(k)
        ],
        width=TILE,
    )
    rank = st.slider(t("mnist.rank"), 1, max(k, 2), 1, **keep("mnist_rank", 1)) - 1
    rank = min(rank, k - 1)
    j = int(wrong.index[rank])
    left, right = st.columns([1, 2])
    with left:
        fig = image_heatmap(
            x_test[j].reshape(28, 28),
            title=t("mnist.rank_title", i=j, t=wrong.t[rank], y=wrong.y[rank]),
            hover=t("mnist.pixel_hover"),
            height=300,
        )
        st.plotly_chart(fig, key="mnist_rank_image")
    with right:
        fig = prob_bars(
            proba[j], x_title=t("mnist.digit_axis"), y_title=t("mnist.proba_axis"), height=300
        )
        st.plotly_chart(fig, key="mnist_rank_proba")


def per_class() -> None:
    """Accuracy per digit, one bar per model (a model offered twice is drawn once)."""
    st.subheader(t("mnist.per_class_title"))
    series = []
    for choice in MODEL_CHOICES:
        m = model(choice)
        if any(s[0] == t(f"mnist.arch.{m.name}") for s in series):
            continue
        with st.spinner(t("mnist.report_spinner")):
            series.append((t(f"mnist.arch.{m.name}"), test_report(choice)[1].per_class))
    fig = grouped_bars(series, x_title=t("mnist.digit_axis"), y_title=t("mnist.acc_axis"))
    st.plotly_chart(fig, key="mnist_per_class")
