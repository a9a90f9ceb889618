"""The sections of the training page (pages/training.py): train a two-layer net on MNIST,
live, and check backpropagation against the numerical gradient.

Training runs in a background thread of the run (``TrainingRun.keep_training``), so it never
waits for the browser: while a run is active a nested ``@fragment(run_every=TICK)`` redraws
the progress and the curves and tells the run it is still watched. The stop button stops it
within one short slice; other sessions (their own script threads) keep working, and training
pauses by itself 20 s after the learner's tab goes away (nobody asks any more). The
run lives in ``st.session_state``.

Every widget keeps its value for the session (ui.settings.keep); keys start with "training_".
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from lab.gradcheck import gradient_check, parameter_count
from lab.live_training import SUGGESTED_LR, TrainingConfig, TrainingRun
from lab.network import TwoLayerNet
from lab.optimizers import OPTIMIZERS
from lab.trainer import iter_train
from ui.charts_training import training_charts
from ui.i18n import labeller, t
from ui.layout import fragment, show_source
from ui.resources import TRAINED_MODEL as MODEL
from ui.resources import mnist_test, mnist_uint8
from ui.settings import keep

RUN = "training_run"  # session state: the current TrainingRun
GRADCHECK = "training_gradcheck"  # session state: (hidden, images, GradCheck)
GC_PENDING = "training_gc_pending"  # session state: the check button was pressed
START_PENDING = "training_start_pending"  # session state: the start button was pressed
TICK = 0.5  # seconds between redraws of the progress and curves while a run is active
END_WAIT = 0.4  # s: a run that ends sooner than this is waited for, not left to the next tick
LR_OPTIONS = (0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.05, 0.1, 0.3, 0.5, 1.0, 3.0, 10.0, 100.0)
BATCH_OPTIONS = (1, 10, 20, 50, 100, 200, 500, 1000)
SIZE_OPTIONS = (1000, 2000, 5000, 10_000, 20_000, 30_000, 60_000)
DEFAULT = TrainingConfig()


@st.cache_resource(show_spinner=False, max_entries=2)
def mnist_train(n: int) -> tuple[np.ndarray, np.ndarray]:
    """The first ``n`` training images as the network reads them (float32 in [0, 1], (n, 784),
    exactly ``load_mnist(normalize=True)``'s) and their labels, shared read-only by every
    session (the test set comes from ui.resources). Converted from the stored uint8 images
    when first asked for: the default run's 10,000 are 31 MB and ~0.1 s, all 60,000 would be
    188 MB and ~0.5 s (the server converted all of them before every first run)."""
    (x, t_train), _ = mnist_uint8()
    x_train = np.divide(x[:n], np.float32(255.0), dtype=np.float32)
    x_train.flags.writeable = False
    return x_train, t_train[:n]


def config_from_widgets() -> TrainingConfig:
    s = st.session_state
    return TrainingConfig(
        hidden_size=s.get("training_hidden", DEFAULT.hidden_size),
        optimizer=s.get("training_optimizer", DEFAULT.optimizer),
        lr=s.get("training_lr", DEFAULT.lr),
        batch_size=s.get("training_batch", DEFAULT.batch_size),
        epochs=s.get("training_epochs", DEFAULT.epochs),
        train_size=s.get("training_size", DEFAULT.train_size),
        seed=int(s.get("training_seed", DEFAULT.seed)),
    )


def suggest_lr() -> None:
    st.session_state["training_lr"] = SUGGESTED_LR[st.session_state["training_optimizer"]]


def request_start() -> None:
    # The run is built in the fragment body, under a spinner: reading MNIST the first time
    # and measuring the untrained accuracy take a moment.
    st.session_state[START_PENDING] = True


def start() -> TrainingRun:
    config = config_from_widgets()
    (x_train, t_train), (x_test, t_test) = mnist_train(config.train_size), mnist_test()
    run = TrainingRun(config, x_train, t_train, x_test, t_test)
    st.session_state[RUN] = run
    return run


def keep_model(run: TrainingRun) -> None:
    """Hand a usable result to the digits page (not a blown-up one)."""
    if run.iteration > 0 and run.state in ("finished", "stopped"):
        st.session_state[MODEL] = run.model()


def stop() -> None:
    run = st.session_state.get(RUN)
    if run is not None:
        run.stop()
        keep_model(run)


def draw_progress(run: TrainingRun) -> None:
    if run.loss:
        text = t(
            "training.progress",
            epoch=min(run.epoch + 1, run.config.epochs),
            epochs=run.config.epochs,
            it=run.iteration,
            its=run.iterations,
            loss=run.loss[-1],
            sec=run.seconds,
        )
    else:
        text = t("training.progress_start")
    st.progress(run.progress, text=text)


def draw_curves(run: TrainingRun) -> None:
    iterations, loss = run.loss_curve()
    loss_fig, acc_fig = training_charts(
        iterations,
        loss,
        run.train_acc,
        run.test_acc,
        names={
            "loss": t("training.loss"),
            "train": t("training.train_acc"),
            "test": t("training.test_acc"),
            "iteration": t("training.iteration"),
            "epoch": t("training.epoch"),
            "accuracy": t("training.accuracy"),
            "loss_title": t("training.loss_title"),
            "acc_title": t("training.acc_title"),
        },
    )
    left, right = st.columns(2)
    left.plotly_chart(loss_fig, key="training_loss_chart")
    right.plotly_chart(acc_fig, key="training_acc_chart")


@fragment(run_every=TICK)
def live() -> None:
    """The progress and curves of the run training in the background (every TICK seconds)."""
    run = st.session_state.get(RUN)
    if run is None:
        return
    run.keep_training()
    if run.seconds_left < END_WAIT:  # ends before the next tick would see it: wait for it
        run.wait(END_WAIT)
    if not run.running:  # ended since the last tick: straight to the result, no last redraw
        keep_model(run)
        st.rerun()  # the whole page: settings come back, this fragment's timer ends
    draw_progress(run)
    draw_curves(run)


def draw_result(run: TrainingRun) -> None:
    cfg = run.config
    suggested = {"opt": t(f"training.opt.{cfg.optimizer}"), "lr": SUGGESTED_LR[cfg.optimizer]}
    acc = run.test_acc[-1]
    if run.state == "diverged":
        st.error(t("training.done.diverged", it=run.iteration, **suggested))
    elif run.state == "stopped":
        st.info(t("training.done.stopped", it=run.iteration, its=run.iterations, acc=acc))
    else:
        st.success(t("training.done.finished", acc=acc, sec=run.seconds))
    if run.loss_went_up and run.state != "diverged":
        st.warning(t("training.loss_went_up", **suggested))
    m1, m2, m3, m4 = st.columns(4)
    m1.metric(t("training.metric_test"), f"{acc:.2%}")
    m2.metric(t("training.metric_train"), f"{run.train_acc[-1]:.2%}")
    m3.metric(t("training.metric_time"), t("training.seconds", sec=run.seconds))
    m4.metric(t("training.metric_iters"), f"{run.iteration:,} / {run.iterations:,}")
    draw_curves(run)
    st.caption(t("training.curves_note"))
    if run.state == "diverged":
        return
    name = f"two_layer_h{cfg.hidden_size}_{cfg.optimizer}_seed{cfg.seed}.npz"
    d1, d2 = st.columns([1, 2], vertical_alignment="center")
    d1.download_button(
        t("training.download"),
        data=run.npz_bytes,
        file_name=name,
        mime="application/octet-stream",
        on_click="ignore",
        help=t("training.download_help"),
        icon=":material/download:",
        key="training_download",
    )
    d2.page_link("pages/digits.py", label=t("training.use_on_digits"), icon=":material/draw:")


def request_check() -> None:
    # A flag, not the button's return value: the check then runs in the fragment body, under a
    # spinner, whatever reruns happen first.
    st.session_state[GC_PENDING] = True


@fragment
def trainer() -> None:
    """The hyperparameters, start and stop, the live run and its result."""
    st.subheader(t("training.train_title"))
    run = st.session_state.get(RUN)
    if st.session_state.pop(START_PENDING, False):
        with st.spinner(t("training.preparing")):
            run = start()
    busy = run is not None and run.running
    c1, c2, c3 = st.columns(3)
    c1.slider(
        t("training.hidden"),
        10,
        300,
        DEFAULT.hidden_size,
        10,
        disabled=busy,
        **keep("training_hidden", DEFAULT.hidden_size),
    )
    c1.select_slider(
        t("training.train_size"),
        SIZE_OPTIONS,
        DEFAULT.train_size,
        help=t("training.train_size_help"),
        disabled=busy,
        **keep("training_size", DEFAULT.train_size),
    )
    c2.selectbox(
        t("training.optimizer"),
        list(OPTIMIZERS),
        index=list(OPTIMIZERS).index(DEFAULT.optimizer),
        format_func=labeller("training.opt.{}"),
        on_change=suggest_lr,
        help=t("training.optimizer_help"),
        disabled=busy,
        **keep("training_optimizer", DEFAULT.optimizer),
    )
    st.session_state.setdefault("training_lr", DEFAULT.lr)  # suggest_lr() also sets it
    c2.select_slider(
        t("training.lr"),
        LR_OPTIONS,
        help=t("training.lr_help"),
        disabled=busy,
        **keep("training_lr", DEFAULT.lr),
    )
    c3.select_slider(
        t("training.batch"),
        BATCH_OPTIONS,
        DEFAULT.batch_size,
        disabled=busy,
        **keep("training_batch", DEFAULT.batch_size),
    )
    c3.slider(
        t("training.epochs"),
        1,
        20,
        DEFAULT.epochs,
        help=t("training.epochs_help"),
        disabled=busy,
        **keep("training_epochs", DEFAULT.epochs),
    )
    c3.number_input(
        t("training.seed"),
        0,
        9999,
        DEFAULT.seed,
        help=t("training.seed_help"),
        disabled=busy,
        **keep("training_seed", DEFAULT.seed),
    )
    cfg = config_from_widgets()
    b1, b2, b3 = st.columns([1, 1, 4], vertical_alignment="center")
    b1.button(
        t("training.start"),
        type="primary",
        on_click=request_start,
        disabled=busy,
        icon=":material/play_arrow:",
        key="training_start",
    )
    b2.button(
        t("training.stop"),
        on_click=stop,
        disabled=not busy,
        icon=":material/stop:",
        key="training_stop",
    )
    b3.caption(
        t("training.plan", iterations=cfg.iterations, epochs=cfg.epochs, per_epoch=cfg.per_epoch)
    )
    if busy:
        live()
    elif run is not None:
        keep_model(run)  # it may have finished in the background between two redraws
        draw_result(run)
    show_source(TwoLayerNet.gradient, iter_train)


@fragment
def grad_check() -> None:
    """Backpropagation against the numerical gradient on a small net: differences, times."""
    st.subheader(t("training.gc_title"))
    st.markdown(t("training.gc_intro"))
    c1, c2, c3 = st.columns([1, 1, 2], vertical_alignment="bottom")
    hidden = c1.select_slider(
        t("training.gc_hidden"), (5, 10, 20, 50), 10, **keep("training_gc_hidden", 10)
    )
    images = c2.slider(t("training.gc_images"), 1, 10, 3, **keep("training_gc_images", 3))
    net = TwoLayerNet(784, hidden, 10, rng=np.random.default_rng(0))
    size = parameter_count(net)
    c3.caption(t("training.gc_plan", n=f"{size:,}"))
    st.button(
        t("training.gc_run"), on_click=request_check, icon=":material/rule:", key="training_gc_run"
    )
    if st.session_state.pop(GC_PENDING, False):
        x_train, t_train = mnist_train(images)
        with st.spinner(t("training.gc_running", n=f"{size:,}")):
            check = gradient_check(net, x_train, t_train)
        st.session_state[GRADCHECK] = (hidden, images, check)
    if GRADCHECK in st.session_state:
        shown_hidden, shown_images, check = st.session_state[GRADCHECK]
        table = pd.DataFrame(
            {
                t("training.gc_col_param"): list(check.keys),
                t("training.gc_col_shape"): [str(check.shapes[k]) for k in check.keys],
                t("training.gc_col_diff"): [f"{check.max_abs_diff[k]:.3e}" for k in check.keys],
                t("training.gc_col_grad"): [f"{check.max_abs_grad[k]:.3e}" for k in check.keys],
            }
        )
        left, right = st.columns([3, 2])
        left.dataframe(table, hide_index=True)
        with right:
            m1, m2 = st.columns(2)
            m1.metric(
                t("training.gc_numerical"), t("training.seconds", sec=check.numerical_seconds)
            )
            m2.metric(
                t("training.gc_backprop"), t("training.gc_ms", ms=check.backprop_seconds * 1e3)
            )
            st.metric(t("training.gc_ratio"), t("training.gc_times", x=check.ratio))
        verdict = "training.gc_ok" if check.agrees() else "training.gc_bad"
        (st.success if check.agrees() else st.warning)(t(verdict, worst=check.worst))
        st.caption(t("training.gc_settings", hidden=shown_hidden, images=shown_images))
    st.caption(t("training.gc_note"))
    show_source(gradient_check, TwoLayerNet.numerical_gradient)
