"""The sections of the perceptron page (book ch. 2), one function each: the gate playground,
XOR, a small network trained by backprop, and the perceptron learning rule.
"""

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from lab import perceptron as P
from lab import regions as R
from lab import separability as S
from lab import xor_mlp as X
from ui import charts_perceptron as C
from ui.charts import style
from ui.figures_mpl import slides_download
from ui.i18n import current_lang, labeller, t
from ui.layout import fragment, show_source
from ui.resources import shared_figures
from ui.settings import keep

LO, HI = -0.5, 1.5  # the input plane around the four corners
MAX_EPOCHS = 25  # enough for every gate, start and learning rate the page offers to converge
X1, X2 = P.INPUTS[:, 0], P.INPUTS[:, 1]
INPUT_TEXT = [f"({a:g}, {b:g})" for a, b in P.INPUTS]
MARK = {True: "✓", False: "✗"}
PRESETS = {  # button -> (gate, (w1, w2, b)); NOT reads x1, so its w2 is 0
    "AND": ("AND", (*P.GATE_PARAMS["AND"][0], P.GATE_PARAMS["AND"][1])),
    "OR": ("OR", (*P.GATE_PARAMS["OR"][0], P.GATE_PARAMS["OR"][1])),
    "NAND": ("NAND", (*P.GATE_PARAMS["NAND"][0], P.GATE_PARAMS["NAND"][1])),
    "NOT": ("NOT", (P.GATE_PARAMS["NOT"][0][0], 0.0, P.GATE_PARAMS["NOT"][1])),
    "BOOK": ("AND", (*P.BOOK_AND[0], P.BOOK_AND[1])),
}


def input_plane(title: str) -> go.Figure:
    """The (x1, x2) square around the four inputs."""
    return C.plane(
        x_title=t("perceptron.x1"), y_title=t("perceptron.x2"), title=title, lo=LO, hi=HI
    )


def input_points(target, wrong=None) -> list[go.Scatter]:
    """The four inputs coloured by target, with red rings on the wrong ones."""
    names = (t("perceptron.t1"), t("perceptron.t0"))
    traces = C.point_traces(X1, X2, target, names=names, text=INPUT_TEXT)
    if wrong is not None:
        traces.append(C.ring_trace(P.INPUTS[wrong], t("perceptron.wrong")))
    return traces


def line_name(w, b) -> str:
    return t("perceptron.line", w1=w[0], w2=w[1], b=b)


def truth_frame(columns: dict[str, object]) -> pd.DataFrame:
    """A table whose first two columns are the inputs x1, x2."""
    inputs = {"x1": [f"{v:g}" for v in X1], "x2": [f"{v:g}" for v in X2]}
    return pd.DataFrame({**inputs, **columns})


def set_preset(name: str) -> None:
    gate, (w1, w2, b) = PRESETS[name]
    st.session_state.update(
        {"perceptron_gate": gate, "perceptron_w1": w1, "perceptron_w2": w2, "perceptron_b": b}
    )


# Figures are cached per input and language: building a plotly figure costs more than the maths
# behind it. st.plotly_chart only reads a figure, so sharing one object is safe.
figures = shared_figures(max_entries=256)


@figures
def gate_figures(w1: float, w2: float, b: float, gate: str, lang: str) -> tuple:
    """The input plane with the perceptron's line, and the slice of weights that give gate."""
    w, target = (w1, w2), P.gate_targets(gate)
    _, y = P.truth_table(w, b)
    plane = input_plane(t("perceptron.plane_title"))
    plane.add_trace(C.region_trace(R.half_plane(w, b, LO, HI), t("perceptron.region")))
    plane.add_trace(C.line_trace(R.decision_line(w, b, LO, HI), line_name(w, b)))
    plane.add_traces(input_points(target, y != target))
    poly = R.solution_slice(target, b)
    weights = C.plane(
        x_title=t("perceptron.w1"),
        y_title=t("perceptron.w2"),
        title=t("perceptron.slice_title", b=b, gate=gate),
        lo=-2.0,
        hi=2.0,
    )
    weights.update_xaxes(dtick=1)
    weights.update_yaxes(dtick=1)
    weights.add_trace(C.region_trace(poly, t("perceptron.slice_region"), C.GOOD))
    ok = bool((y == target).all())
    weights.add_trace(C.star_trace(w1, w2, t("perceptron.slice_you"), ok=ok))
    if not len(poly):
        C.note(weights, t("perceptron.slice_xor" if gate == "XOR" else "perceptron.slice_empty"))
    return plane, weights


@fragment
def playground() -> None:
    st.header(t("perceptron.play_title"))
    with st.container(horizontal=True):
        for name in PRESETS:
            st.button(
                t(f"perceptron.preset.{name}"),
                key=f"perceptron_preset_{name}",
                on_click=set_preset,
                args=(name,),
            )
    controls, left, right = st.columns([1.1, 2, 2])
    with controls:
        gate = st.selectbox(
            t("perceptron.gate"),
            P.GATE_NAMES,
            format_func=labeller("perceptron.gate.{}"),
            **keep("perceptron_gate", P.GATE_NAMES[0]),
        )
        w1 = st.slider(t("perceptron.w1"), -2.0, 2.0, 0.5, 0.1, **keep("perceptron_w1", 0.5))
        w2 = st.slider(t("perceptron.w2"), -2.0, 2.0, 0.5, 0.1, **keep("perceptron_w2", 0.5))
        b = st.slider(t("perceptron.b"), -2.0, 2.0, -0.7, 0.1, **keep("perceptron_b", -0.7))
        st.markdown(t("perceptron.rule_formula"))
    gate_name = t(f"perceptron.gate.{gate}")
    target = P.gate_targets(gate)
    a, y = P.truth_table((w1, w2), b)
    wrong = y != target
    plane, weights = gate_figures(w1, w2, b, gate, current_lang())
    with left:
        st.plotly_chart(plane, key="perceptron_plane")
        slides_download(plane, "perceptron-gate", key="perceptron_plane")
    right.plotly_chart(weights, key="perceptron_slice")
    table_col, text_col = st.columns([2, 3])
    table_col.table(
        truth_frame(
            {
                t("perceptron.col_a"): [f"{v:.2f}" for v in a],
                t("perceptron.col_y"): y,
                t("perceptron.col_t", gate=gate): target,
                t("perceptron.col_ok"): [MARK[not v] for v in wrong],
            }
        ),
        hide_index=True,
    )
    with text_col:
        n_ok = int((~wrong).sum())
        if not wrong.any():
            st.success(t("perceptron.all_right", gate=gate_name))
        elif gate == "XOR":
            st.warning(t("perceptron.xor_try", n=n_ok))
        else:
            st.warning(t("perceptron.some_wrong", n=n_ok, gate=gate_name))
        if gate != "XOR":  # XOR has no green region to explain
            st.markdown(t("perceptron.slice_explain"))
        if gate == "NOT":
            st.caption(t("perceptron.not_note"))
    show_source(P.perceptron, P.weighted_sum, R.half_plane, R.solution_slice)


# -- XOR: no single line; two layers do it ---------------------------------------------------


@figures
def xor_figures(lang: str) -> tuple:
    """XOR's best single line, and the two-layer solution in the input and (s1, s2) planes."""
    xor_t = P.gate_targets("XOR")
    best = S.best_line(P.INPUTS, xor_t)
    best_fig = input_plane(t("perceptron.best_title", n=best.n_correct))
    best_fig.add_trace(C.region_trace(R.half_plane(best.w, best.b, LO, HI), t("perceptron.region")))
    best_fig.add_trace(
        C.line_trace(R.decision_line(best.w, best.b, LO, HI), line_name(best.w, best.b))
    )
    best_fig.add_traces(input_points(xor_t, ~best.correct))

    nand, orr, and_ = P.GATE_PARAMS["NAND"], P.GATE_PARAMS["OR"], P.GATE_PARAMS["AND"]
    two = input_plane(t("perceptron.two_plane"))
    two.add_trace(C.region_trace(R.xor_band(LO, HI), t("perceptron.band")))
    two.add_trace(C.line_trace(R.decision_line(*nand, LO, HI), t("perceptron.nand_line"), C.PURPLE))
    two.add_trace(C.line_trace(R.decision_line(*orr, LO, HI), t("perceptron.or_line"), C.GOOD))
    two.add_traces(input_points(xor_t))

    s1, s2, y = P.xor_two_layer(P.INPUTS)
    hidden = C.plane(
        x_title=t("perceptron.s1"),
        y_title=t("perceptron.s2"),
        title=t("perceptron.s_plane"),
        lo=LO,
        hi=HI,
    )
    hidden.add_trace(C.region_trace(R.half_plane(*and_, LO, HI), t("perceptron.region")))
    hidden.add_trace(C.line_trace(R.decision_line(*and_, LO, HI), t("perceptron.and_line")))
    came_from = {}  # (s1, s2) -> the inputs that land there
    for point, text in zip(zip(s1, s2, strict=True), INPUT_TEXT, strict=True):
        came_from.setdefault(point, []).append(text)
    labels = [" ".join(came_from[point]) for point in zip(s1, s2, strict=True)]
    names = (t("perceptron.t1"), t("perceptron.t0"))
    hidden.add_traces(C.point_traces(s1, s2, y, names=names, text=labels))
    return best_fig, two, hidden


def xor_section() -> None:
    """Why no line does XOR, and how two layers of perceptrons do."""
    xor_t = P.gate_targets("XOR")
    best = S.best_line(P.INPUTS, xor_t)
    best_fig, two_fig, hidden_fig = xor_figures(current_lang())
    proof, chart = st.columns([3, 2])
    with proof:
        st.markdown(t("perceptron.xor_proof"))
        separable = S.linearly_separable(P.INPUTS, xor_t)
        st.info(t("perceptron.xor_verdict", best=best.n_correct, separable=MARK[separable]))
    chart.plotly_chart(best_fig, key="perceptron_best")

    st.subheader(t("perceptron.two_title"))
    st.markdown(t("perceptron.two_intro"))
    s1, s2, y_xor = P.xor_two_layer(P.INPUTS)
    table_col, left, right = st.columns([1.8, 2, 2])
    table_col.table(
        truth_frame(
            {
                t("perceptron.col_s1"): s1,
                t("perceptron.col_s2"): s2,
                t("perceptron.col_xor"): y_xor,
            }
        ),
        hide_index=True,
    )
    left.plotly_chart(two_fig, key="perceptron_two_plane")
    right.plotly_chart(hidden_fig, key="perceptron_s_plane")
    st.caption(t("perceptron.s_caption"))
    show_source(S.linearly_separable, S.best_line, P.xor_two_layer, P.XOR)


# -- a small MLP trained by backprop ---------------------------------------------------------


@st.cache_data(show_spinner=False, max_entries=64)
def xor_training(hidden: int, activation: str, seed: int) -> X.XorTraining:
    return X.train_xor_mlp(hidden, activation, seed)


@figures
def mlp_figure(hidden: int, activation: str, seed: int, lang: str) -> go.Figure:
    """P(y = 1) over the plane and the loss curve in one figure; its slider and ▶ own the
    iteration, so the map, the title and the loss marker always show the same one."""
    run = xor_training(hidden, activation, seed)
    last = int(run.iters[-1])
    fig = input_plane(t("perceptron.mlp_frame", it=last))
    fig.add_trace(C.probability_trace(run.grid, run.prob[-1], t("perceptron.prob")))
    fig.add_traces(input_points(P.gate_targets("XOR")))
    C.loss_panel(
        fig,
        run.loss,
        last,
        name=t("perceptron.loss"),
        x_title=t("perceptron.iter_axis"),
        y_title=t("perceptron.loss_axis"),
    )
    frames = [
        C.z_frame(
            prob,
            name=str(n),
            title=t("perceptron.mlp_frame", it=n),
            shapes=[C.marker_shape(max(int(n), 1))],
        )
        for prob, n in zip(run.prob, run.iters, strict=True)
    ]
    C.animate(
        fig,
        frames,
        play=t("perceptron.play"),
        pause=t("perceptron.pause"),
        step=t("perceptron.iter_axis"),
    )
    return fig


@fragment
def mlp() -> None:
    st.markdown(t("perceptron.mlp_intro"))
    controls, chart = st.columns([1, 3.6])
    with controls:
        hidden = st.slider(t("perceptron.hidden"), 2, 8, 4, **keep("perceptron_hidden", 4))
        activation = st.radio(
            t("perceptron.activation"),
            ("sigmoid", "relu"),
            format_func=labeller("perceptron.act.{}"),
            **keep("perceptron_act", "sigmoid"),
            horizontal=True,
        )
        seed = st.slider(t("perceptron.seed"), 0, 9, 0, **keep("perceptron_mlp_seed", 0))
    run = xor_training(hidden, activation, seed)
    fig = mlp_figure(hidden, activation, seed, current_lang())
    with chart:
        st.plotly_chart(fig, key="perceptron_mlp_chart", config={"displayModeBar": False})
        slides_download(fig, "xor-network", key="perceptron_mlp_chart")
    table_col, text_col = st.columns([2, 3])
    p1 = run.y[-1]
    right = (p1 > 0.5) == (P.gate_targets("XOR") == 1)
    table_col.caption(t("perceptron.mlp_table", it=int(run.iters[-1])))
    table_col.table(
        truth_frame(
            {
                t("perceptron.col_t", gate="XOR"): P.gate_targets("XOR"),
                t("perceptron.col_p"): [f"{v:.3f}" for v in p1],
                t("perceptron.col_ok"): [MARK[bool(v)] for v in right],
            }
        ),
        hide_index=True,
    )
    with text_col:
        if run.accuracy == 1.0:
            st.success(t("perceptron.mlp_ok"))
        else:
            st.warning(t("perceptron.mlp_stuck", n=round(run.accuracy * 4)))
    show_source(X.train_xor_mlp)


# -- the perceptron learning rule ------------------------------------------------------------


def rule_parts(run: P.PerceptronRun, j: int, target) -> tuple:
    """After j steps: the y = 1 region, the line, the input just shown, the wrong inputs."""
    w, b = run.w[j], run.b[j]
    _, y = P.truth_table(w, b)
    shown = P.INPUTS[run.sample[j - 1 : j]] if j else P.INPUTS[:0]
    return R.half_plane(w, b, LO, HI), R.decision_line(w, b, LO, HI), shown, P.INPUTS[y != target]


def step_text(run: P.PerceptronRun, k: int, lr: float) -> str:
    """What step k did, with the numbers of the update."""
    if k == 0:
        return t("perceptron.step0", w1=run.w[0][0], w2=run.w[0][1], b=run.b[0])
    i = run.sample[k - 1]
    fields = {
        "k": k,
        "epoch": run.epoch[k - 1],
        "x1": P.INPUTS[i][0],
        "x2": P.INPUTS[i][1],
        "t": run.t[k - 1],
        "y": run.y[k - 1],
        "lr": lr,
        "w1": run.w[k - 1][0],
        "w2": run.w[k - 1][1],
        "b": run.b[k - 1],
        "nw1": run.w[k][0],
        "nw2": run.w[k][1],
        "nb": run.b[k],
    }
    key = "perceptron.step_ok" if run.y[k - 1] == run.t[k - 1] else "perceptron.step_fix"
    return t(key, **fields)


def rule_run(gate: str, lr: float, seed: int) -> P.PerceptronRun:
    """The learning rule on gate from the seeded random line."""
    w0, b0 = P.initial_line(seed)
    return P.train_perceptron(P.INPUTS, P.gate_targets(gate), w0, b0, lr, MAX_EPOCHS)


@figures
def rule_figures(gate: str, lr: float, seed: int, k: int, lang: str) -> tuple:
    """The line after step k and the mistakes per epoch (the page's step slider owns k)."""
    run, target = rule_run(gate, lr, seed), P.gate_targets(gate)
    plane = input_plane(t("perceptron.rule_frame", k=k))
    region, seg, shown, wrong = rule_parts(run, k, target)
    plane.add_trace(C.region_trace(region, t("perceptron.region")))
    plane.add_trace(C.line_trace(seg, t("perceptron.line_generic")))
    plane.add_trace(C.ring_trace(shown, t("perceptron.shown"), C.INK, 46, "square-open"))
    plane.add_trace(C.ring_trace(wrong, t("perceptron.wrong")))
    names = (t("perceptron.t1"), t("perceptron.t0"))
    plane.add_traces(C.point_traces(X1, X2, target, names=names, text=INPUT_TEXT))
    bars = go.Figure(
        go.Bar(
            x=list(range(1, len(run.epoch_errors) + 1)),
            y=run.epoch_errors,
            marker_color=C.ZERO,
            hovertemplate="%{y}<extra></extra>",
        )
    )
    style(
        bars,
        x_title=t("perceptron.epoch_axis"),
        y_title=t("perceptron.errors_axis"),
        title=t("perceptron.errors_title"),
        height=280,
    )
    bars.update_layout(font=C.FONT, hovermode="closest")
    bars.update_yaxes(range=[0, 4.2], dtick=1)
    return plane, bars


@fragment
def learning_rule() -> None:
    st.markdown(t("perceptron.rule_intro"))
    controls, chart, side = st.columns([1.1, 2.2, 1.9])
    with controls:
        gate = st.selectbox(
            t("perceptron.gate"),
            P.GATE_NAMES,
            format_func=labeller("perceptron.gate.{}"),
            **keep("perceptron_rule_gate", P.GATE_NAMES[0]),
        )
        lr = st.slider(t("perceptron.lr"), 0.1, 1.0, 0.1, 0.05, **keep("perceptron_lr", 0.1))
        seed = st.slider(t("perceptron.start_seed"), 0, 9, 0, **keep("perceptron_rule_seed", 0))
        k = st.slider(t("perceptron.step"), 0, 4 * MAX_EPOCHS, 0, **keep("perceptron_step", 0))
    target = P.gate_targets(gate)
    run = rule_run(gate, lr, seed)
    n_steps = len(run.sample)
    k = min(k, n_steps)
    plane, bars = rule_figures(gate, lr, seed, k, current_lang())
    with chart:
        st.plotly_chart(plane, key="perceptron_rule_chart")
        slides_download(plane, "perceptron-rule", key="perceptron_rule_chart")
    with side:
        st.markdown(step_text(run, k, lr))
        if k == n_steps and run.converged:
            st.caption(t("perceptron.step_after", steps=n_steps))
        st.plotly_chart(bars, key="perceptron_errors")
    if run.converged:
        st.success(t("perceptron.rule_converged", epochs=len(run.epoch_errors), steps=n_steps))
    elif not S.linearly_separable(P.INPUTS, target):
        first, period = run.repeat or (0, 0)
        key = "perceptron.rule_never"
        if run.repeat:  # period 1 with every input wrong: the corrections cancel exactly
            all_wrong = period == 1 and run.epoch_errors[-1] == len(P.INPUTS)
            key = "perceptron.rule_loop1" if all_wrong else "perceptron.rule_loop"
        st.error(t(key, first=first, period=period))
    else:
        st.warning(t("perceptron.rule_slow", epochs=MAX_EPOCHS))
    show_source(P.train_perceptron, P.initial_line)
