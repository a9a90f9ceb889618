"""The sections of the matrix-shape playground (pages/shapes.py), one function each.

Every widget keeps its value for the session (ui.settings.keep); keys start with "shapes_".
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from lab import shapes as S
from ui import charts_shapes as C
from ui.charts import FONT, style
from ui.i18n import labeller, t
from ui.layout import code_text, fragment, show_source
from ui.settings import keep

BLUE, ORANGE, GREEN = "#6baed6", "#fd8d3c", "#74c476"
EXAMPLES = {  # button -> (A shape, B shape, op)
    "product": ((2, 3), (3, 2), "dot"),
    "vector": ((2,), (2, 3), "dot"),
    "mismatch": ((2, 3), (2, 3), "dot"),
    "row": ((2, 3), (3,), "add"),
    "column": ((2, 3), (2,), "add"),
    "outer": ((3, 1), (1, 4), "mul"),
    "stack": ((2, 3, 4), (4, 2), "matmul"),
}
SYMBOL = {"dot": "·", "matmul": "@", "add": "+", "mul": "×"}
MARK = {True: "✓", False: "✗"}
BATCHES = [1, 10, 100, 1000, 10000]
EXAMPLE_CODE = """a = np.array([[1, 2, 3],
              [4, 5, 6]])
b = np.array([[7, 8],
              [9, 10],
              [11, 12]])"""


def set_example(name: str) -> None:
    a, b, op = EXAMPLES[name]
    st.session_state.update({"shapes_a_ndim": len(a), "shapes_b_ndim": len(b), "shapes_op": op})
    for which, shape in (("a", a), ("b", b)):
        for axis, n in enumerate(shape):
            st.session_state[f"shapes_{which}_{axis}"] = n


def shape_input(which: str, start: tuple[int, ...]) -> tuple[int, ...]:
    """The ndim switch and one length per axis for operand A or B."""
    ndim = st.segmented_control(
        t(f"shapes.ndim_{which}"),
        (0, 1, 2, 3),
        default=len(start),
        format_func=labeller("shapes.ndim.{}"),
        help=t("shapes.ndim_help"),
        required=True,
        **keep(f"shapes_{which}_ndim", len(start)),
    )
    cols = st.columns(3)
    shape = []
    for axis in range(ndim):
        first = start[axis] if axis < len(start) else 2
        label = t("shapes.axis", k=axis)
        n = cols[axis].number_input(label, 1, 5, first, **keep(f"shapes_{which}_{axis}", first))
        shape.append(n)
    return tuple(int(n) for n in shape)


def vector(v: np.ndarray) -> str:
    """A 1-D array as numpy prints it, to 8 significant digits, without numpy's padding."""
    return "[" + " ".join(f"{x:.8g}" for x in v) + "]"


def shape_md(shape: tuple[int, ...], axis: int | None = None, color: str = "green") -> str:
    """A shape as numpy prints it, with one axis coloured."""
    parts = [f":{color}[**{n}**]" if k == axis else str(n) for k, n in enumerate(shape)]
    return "(" + ", ".join(parts) + ("," if len(shape) == 1 else "") + ")"


def tone(strong: np.ndarray) -> np.ndarray:
    """Cell colour strength: full where strong (own entries, the chosen row), faint elsewhere."""
    return np.where(strong, 1.0, 0.25)


@fragment
def playground() -> None:
    """Examples, A's and B's shapes and the operation (left); the result, why, and the grids."""
    with st.container(horizontal=True):
        for name in EXAMPLES:
            st.button(
                t(f"shapes.example.{name}"),
                key=f"shapes_example_{name}",
                on_click=set_example,
                args=(name,),
            )
    controls, result = st.columns([1, 1.5], gap="large")
    with controls:
        a_shape = shape_input("a", (2, 3))
        b_shape = shape_input("b", (3, 2))
        op = st.segmented_control(
            t("shapes.op"),
            tuple(S.OPS),
            default="dot",
            format_func=labeller("shapes.op.{}"),
            required=True,
            **keep("shapes_op", "dot"),
        )
        st.caption(t(f"shapes.op_help.{op}"))
    with result:
        shape_result(a_shape, b_shape, op)
    show_source(S.check_shapes, S.stretch)


def shape_result(a_shape: tuple[int, ...], b_shape: tuple[int, ...], op: str) -> None:
    """What numpy gives for A op B: the shape and why, drawn as grids; or the error and fixes."""
    check = S.check_shapes(a_shape, b_shape, op)
    expr = t(f"shapes.op.{op}")
    red = "green" if check.error is None else "red"
    st.markdown(
        t(
            "shapes.shapes_line",
            a=shape_md(a_shape, check.a_axis, red),
            b=shape_md(b_shape, check.b_axis, red),
            expr=expr,
        )
    )
    fields = {
        "a_axis": check.a_axis,
        "b_axis": check.b_axis,
        "a_size": check.a_size,
        "b_size": check.b_size,
        "shape": check.shape,
    }
    if check.error is not None:
        st.error(t("shapes.fails", expr=expr))
        st.caption(t("shapes.numpy_says"))
        code_text("shapes_error", f"ValueError: {check.error}")
        st.markdown(t(f"shapes.why.{check.reason}", **fields))
        if check.fixes:
            lines = [
                t(f"shapes.fix.{fix.kind}", code=fix.code, shape=fix.shape) for fix in check.fixes
            ]
            st.markdown(t("shapes.fixes") + "\n" + "\n".join(f"- {line}" for line in lines))
        else:
            st.markdown(t(f"shapes.no_fix.{check.reason}"))
        return
    st.success(t("shapes.result", expr=expr, shape=check.shape))
    result_grids(a_shape, b_shape, op, check.shape)
    if op in ("add", "mul"):
        st.markdown(t("shapes.ok_broadcast", shape=check.shape))
        return
    st.markdown(t(f"shapes.ok_{check.reason or 'inner'}", **fields))
    if max(len(a_shape), len(b_shape)) >= 3:
        other = "matmul" if op == "dot" else "dot"
        twin = S.check_shapes(a_shape, b_shape, other)
        st.info(
            t(
                "shapes.dot_vs_matmul",
                other=t(f"shapes.op.{other}"),
                shape=twin.shape if twin.error is None else t("shapes.error_word"),
            )
        )


def result_grids(a_shape, b_shape, op: str, shape: tuple[int, ...]) -> None:
    """A op B = C as grids of numbers; for + and * the copies broadcasting makes are faint."""
    if len(shape) > 3:
        return  # np.dot of two 3-D arrays is 4-D: no flat picture
    a, b = S.example_arrays(a_shape, b_shape)
    result = S.OPS[op](a, b)
    if op in ("add", "mul"):
        a_big, a_copy = S.stretch(a, shape)
        b_big, b_copy = S.stretch(b, shape)
        a_panel = (t("shapes.grid_a", shape=a_shape), a_big, tone(~a_copy))
        b_panel = (t("shapes.grid_b", shape=b_shape), b_big, tone(~b_copy))
    else:  # a product: A and B as they are
        a_panel = (f"A {a_shape}", a, tone(a == a))
        b_panel = (f"B {b_shape}", b, tone(b == b))
    fig = C.array_grids(
        [
            (*a_panel, BLUE),
            (*b_panel, ORANGE),
            (t("shapes.grid_c", shape=shape), result, tone(result == result), GREEN),
        ],
        [SYMBOL[op], "="],
    )
    st.plotly_chart(fig, key="shapes_grid")
    st.caption(t("shapes.grid_caption" if op in ("add", "mul") else "shapes.grid_caption_dot"))


@fragment
def example_arrays() -> None:
    """Array attributes and one entry of a matrix product, cell by cell."""
    st.header(t("shapes.arrays_title"))
    st.markdown(t("shapes.arrays_intro"))
    info = {"a": S.describe(S.EXAMPLE_A), "b": S.describe(S.EXAMPLE_B)}
    attrs = ("ndim", "shape", "dtype", "size")
    left, right = st.columns([1.2, 2], gap="large")
    with left:
        code_text("shapes_example", EXAMPLE_CODE)
    left.table(
        pd.DataFrame(
            {
                t("shapes.attr"): [f"{name}  ({t(f'shapes.attr.{name}')})" for name in attrs],
                "a": [str(info["a"][name]) for name in attrs],
                "b": [str(info["b"][name]) for name in attrs],
            }
        ),
        hide_index=True,
    )
    with right:
        product = st.radio(
            t("shapes.product"),
            ("ab", "ba"),
            format_func=labeller("shapes.product.{}"),
            horizontal=True,
            **keep("shapes_product", "ab"),
        )
        x, y = (S.EXAMPLE_A, S.EXAMPLE_B) if product == "ab" else (S.EXAMPLE_B, S.EXAMPLE_A)
        c = S.OPS["dot"](x, y)
        cells = list(np.ndindex(c.shape))
        labels = {cell: t("shapes.cell_label", i=cell[0], j=cell[1]) for cell in cells}
        i, j = st.selectbox(
            t("shapes.cell"),
            cells,
            format_func=labels.__getitem__,
            **keep(f"shapes_cell_{product}", cells[0]),
        )
        pairs, products, total = S.dot_cell(x, y, i, j)
        row, col, cell = np.zeros(x.shape, bool), np.zeros(y.shape, bool), np.zeros(c.shape, bool)
        row[i, :], col[:, j], cell[i, j] = True, True, True
        names = ("a", "b") if product == "ab" else ("b", "a")
        fig = C.array_grids(
            [
                (f"{names[0]} {x.shape}", x, tone(row), BLUE),
                (f"{names[1]} {y.shape}", y, tone(col), ORANGE),
                (t("shapes.grid_product", shape=c.shape), c, tone(cell), GREEN),
            ],
            ["·", "="],
        )
        st.plotly_chart(fig, key="shapes_product_grid")
        terms = " + ".join(f"{p:g}×{q:g}" for p, q in pairs)
        sums = " + ".join(f"{v:g}" for v in products)
        st.markdown(t("shapes.cell_sum", i=i, j=j, terms=terms, sums=sums, total=total))
    ab, ba = S.OPS["dot"](S.EXAMPLE_A, S.EXAMPLE_B), S.OPS["dot"](S.EXAMPLE_B, S.EXAMPLE_A)
    st.info(t("shapes.not_commute", ab=ab.tolist(), ba=ba.tolist(), sab=ab.shape, sba=ba.shape))
    v = S.OPS["dot"](S.BOOK_VEC, S.BOOK_MAT)
    st.markdown(t("shapes.book_vector", v=v.tolist(), shape=v.shape))
    show_source(S.describe, S.dot_cell)


@fragment
def three_layers() -> None:
    """The book's three-layer network: each step's shape and value, against common comments."""
    st.header(t("shapes.net_title"))
    st.markdown(t("shapes.net_intro"))
    left, right = st.columns(2, gap="large")
    x1 = left.slider(t("shapes.x1"), -2.0, 2.0, 1.0, 0.1, **keep("shapes_x1", 1.0))
    x2 = right.slider(t("shapes.x2"), -2.0, 2.0, 0.5, 0.1, **keep("shapes_x2", 0.5))
    network = S.init_network()
    steps = S.forward_steps(network, [x1, x2])
    at_book_x = (round(x1, 6), round(x2, 6)) == tuple(S.BOOK_X)  # the book's x = [1.0, 0.5]
    agree = S.check_printed(steps)
    chain = " → ".join(
        [
            f"X {S.BOOK_X.shape} · W1 {network['W1'].shape}",
            f"A1 {steps['A1'].shape}",
            f"Z1 {steps['Z1'].shape} · W2 {network['W2'].shape}",
            f"A2 {steps['A2'].shape}",
            f"Z2 {steps['Z2'].shape} · W3 {network['W3'].shape}",
            f"A3 {steps['A3'].shape}",
            f"Y {steps['Y'].shape}",
        ]
    )
    st.markdown(t("shapes.chain", chain=chain))
    names = ("A1", "Z1", "A2", "Z2", "A3", "Y", "Z3")
    printed = [vector(S.COMMON_COMMENTS[n]) if at_book_x and n in agree else "—" for n in names]
    ok = [MARK[agree[n]] if at_book_x and n in agree else "" for n in names]
    st.table(
        pd.DataFrame(
            {
                t("shapes.col_name"): names,
                t("shapes.col_formula"): [t(f"shapes.formula.{n}") for n in names],
                t("shapes.col_shape"): [str(steps[n].shape) for n in names],
                t("shapes.col_value"): [vector(steps[n]) for n in names],
                t("shapes.col_comment"): printed,
                t("shapes.col_agree"): ok,
            }
        ),
        hide_index=True,
    )
    if at_book_x:
        book = S.check_printed(steps, {"Y": S.BOOK_Y})["Y"]
        st.success(t("shapes.book_y", y=vector(steps["Y"]), ok=MARK[book]))
        wrong = ", ".join(n for n, good in agree.items() if not good)
        st.warning(t("shapes.common_mistake", wrong=wrong))
    else:
        st.caption(t("shapes.comments_only_default"))
    show_source(S.init_network, S.forward_steps, S.forward)


@fragment
def mnist_flow() -> None:
    """The MNIST network's shapes, parameters and multiply-adds for a batch of N images."""
    st.header(t("shapes.mnist_title"))
    st.markdown(t("shapes.mnist_intro"))
    n = st.select_slider(t("shapes.batch"), BATCHES, 100, **keep("shapes_batch", 100))
    layers = S.layer_shapes(n)
    params, mult_adds = S.totals(layers)
    chain = " → ".join(
        [f"{layer.x_shape} · {layer.W_shape}" for layer in layers] + [str(layers[-1].out_shape)]
    )
    st.markdown(t("shapes.mnist_chain", chain=chain))
    table, chart = st.columns([3, 2])
    table.table(
        pd.DataFrame(
            {
                t("shapes.col_layer"): [t("shapes.layer", k=k) for k in (1, 2, 3)]
                + [t("shapes.total")],
                t("shapes.col_x"): [str(layer.x_shape) for layer in layers] + [""],
                t("shapes.col_W"): [str(layer.W_shape) for layer in layers] + [""],
                t("shapes.col_b"): [str(layer.b_shape) for layer in layers] + [""],
                t("shapes.col_out"): [str(layer.out_shape) for layer in layers] + [""],
                t("shapes.col_params"): [f"{layer.params:,}" for layer in layers] + [f"{params:,}"],
                t("shapes.col_macs"): [f"{layer.mult_adds:,}" for layer in layers]
                + [f"{mult_adds:,}"],
            }
        ),
        hide_index=True,
    )
    with chart:
        fig = go.Figure(
            go.Bar(
                x=[t("shapes.layer", k=k) for k in (1, 2, 3)],
                y=[layer.mult_adds for layer in layers],
                text=[f"{layer.mult_adds:,}" for layer in layers],
                textposition="outside",
                marker_color=BLUE,
                hovertemplate="%{y:,}<extra></extra>",
            )
        )
        style(
            fig,
            x_title=t("shapes.col_layer"),
            y_title=t("shapes.col_macs"),
            title=t("shapes.macs_title", n=n),
            height=320,
        )
        fig.update_layout(font=FONT, hovermode="closest")
        fig.update_yaxes(range=[0, 1.2 * layers[0].mult_adds])
        st.plotly_chart(fig, key="shapes_macs")
    per_image = S.totals(S.layer_shapes(1))[1]
    st.markdown(t("shapes.mnist_note", params=f"{params:,}", per=f"{per_image:,}", n=n))
    show_source(S.layer_shapes, S.totals)
