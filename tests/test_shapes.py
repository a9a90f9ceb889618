"""Tests for lab.shapes: the example products, shape checks against numpy itself,
broadcast copies, the three-layer network against the book, the MNIST shape flow."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lab import shapes as S


def test_describe_example_array():
    """The book prints ndim 2, shape (2, 3), dtype int64, size 6 for a."""
    assert S.describe(S.EXAMPLE_A) == {"ndim": 2, "shape": (2, 3), "dtype": "int64", "size": 6}
    assert S.describe(3.0) == {"ndim": 0, "shape": (), "dtype": "float64", "size": 1}


def test_example_products():
    """The worked products: a·b = [[58, 64], [139, 154]],
    b·a = [[39, 54, 69], [49, 68, 87], [59, 82, 105]]; they differ (no commuting)."""
    ab = S.OPS["dot"](S.EXAMPLE_A, S.EXAMPLE_B)
    ba = S.OPS["dot"](S.EXAMPLE_B, S.EXAMPLE_A)
    np.testing.assert_array_equal(ab, [[58, 64], [139, 154]])
    np.testing.assert_array_equal(ba, [[39, 54, 69], [49, 68, 87], [59, 82, 105]])


def test_dot_cell_by_hand():
    """c[0, 1] = 1·8 + 2·10 + 3·12 = 8 + 20 + 36 = 64."""
    pairs, products, total = S.dot_cell(S.EXAMPLE_A, S.EXAMPLE_B, 0, 1)
    np.testing.assert_array_equal(pairs, [[1, 8], [2, 10], [3, 12]])
    np.testing.assert_array_equal(products, [8, 20, 36])
    assert total == 64


@pytest.mark.parametrize(("a", "b"), [(S.EXAMPLE_A, S.EXAMPLE_B), (S.EXAMPLE_B, S.EXAMPLE_A)])
def test_dot_cell_every_entry(a, b):
    """Every entry's sum of products equals numpy's matrix product."""
    c = a @ b
    for i, j in np.ndindex(c.shape):
        assert S.dot_cell(a, b, i, j)[2] == c[i, j]


def test_dot_cell_rejects_bad_shapes():
    """Shapes that do not multiply: ValueError naming them."""
    with pytest.raises(ValueError, match=r"\(2, 3\) and \(2, 3\)"):
        S.dot_cell(S.EXAMPLE_A, S.EXAMPLE_A, 0, 0)


def test_book_vector_product_is_1d():
    """x = [1, 2] · [[1, 3, 5], [2, 4, 6]] = [5, 11, 17], shape (3,), not (1, 3)."""
    v = S.OPS["dot"](S.BOOK_VEC, S.BOOK_MAT)
    np.testing.assert_array_equal(v, [5, 11, 17])
    assert v.shape == (3,)


@pytest.mark.parametrize(
    ("a", "b", "op", "shape", "reason", "axes", "sizes"),
    [
        # matrix products: the contracted axes (A's last, B's second-to-last or only one)
        ((2, 3), (3, 2), "dot", (2, 2), None, (1, 0), (3, 3)),
        ((2, 3), (2, 3), "dot", None, "inner", (1, 0), (3, 2)),
        ((2,), (2, 3), "dot", (3,), None, (0, 0), (2, 2)),
        ((3,), (2, 3), "matmul", None, "inner", (0, 0), (3, 2)),
        ((2, 3, 4), (4, 2), "matmul", (2, 3, 2), None, (2, 0), (4, 4)),
        ((2, 3, 4), (5, 4, 2), "dot", (2, 3, 5, 2), None, (2, 1), (4, 4)),
        ((2, 3, 4), (5, 4, 2), "matmul", None, "batch", (0, 0), (2, 5)),
        ((), (2, 3), "dot", (2, 3), "scalar", (None, None), (None, None)),
        ((), (2,), "matmul", None, "scalar", (None, None), (None, None)),
        # broadcasting: the first clashing pair from the right
        ((2, 3), (3,), "add", (2, 3), None, (None, None), (None, None)),
        ((2, 3), (2,), "add", None, "broadcast", (1, 0), (3, 2)),
        ((3, 1), (1, 4), "mul", (3, 4), None, (None, None), (None, None)),
        ((2, 3, 4), (3, 5), "mul", None, "broadcast", (2, 1), (4, 5)),
    ],
)
def test_check_shapes_cases(a, b, op, shape, reason, axes, sizes):
    """Hand-worked shapes, reasons and clashing (or summed) axes."""
    check = S.check_shapes(a, b, op)
    assert check.shape == shape
    assert (check.error is None) == (shape is not None)
    assert check.reason == reason
    assert (check.a_axis, check.b_axis) == axes
    assert (check.a_size, check.b_size) == sizes


def test_check_shapes_reports_numpys_message():
    """The error text is numpy's own."""
    check = S.check_shapes((2, 3), (2, 3), "dot")
    assert check.error == "shapes (2,3) and (2,3) not aligned: 3 (dim 1) != 2 (dim 0)"


def test_fixes_for_the_classic_mistake():
    """(2, 3)·(2, 3): transpose B → (2, 2) first, transpose A → (3, 3) next."""
    fixes = S.check_shapes((2, 3), (2, 3), "dot").fixes
    assert [(f.code, f.shape) for f in fixes[:2]] == [
        ("np.dot(A, B.T)", (2, 2)),
        ("np.dot(A.T, B)", (3, 3)),
    ]


def test_fixes_for_a_row_vector():
    """(2, 3) + (2,): make B a column, B[:, np.newaxis] → (2, 3)."""
    fixes = S.check_shapes((2, 3), (2,), "add").fixes
    assert (fixes[0].code, fixes[0].kind, fixes[0].shape) == (
        "A + B[:, np.newaxis]",
        "axis_b",
        (2, 3),
    )


def test_check_shapes_rejects_unknown_op():
    """An unknown operation lists the known ones."""
    with pytest.raises(ValueError, match="matmul"):
        S.check_shapes((2,), (2,), "pow")


shapes_st = st.lists(st.integers(1, 4), min_size=0, max_size=3).map(tuple)


@settings(max_examples=200, deadline=None)
@given(shapes_st, shapes_st, st.sampled_from(sorted(S.OPS)))
def test_check_shapes_agrees_with_numpy(a, b, op):
    """The verdict is numpy's; every fix offered runs and gives the shape it claims; the named
    axes really clash (or match, when summed over)."""
    check = S.check_shapes(a, b, op)
    env = {"np": np, "A": np.zeros(a), "B": np.zeros(b)}  # the names the fix code uses
    ops = {"dot": "np.dot(A, B)", "matmul": "A @ B", "add": "A + B", "mul": "A * B"}
    try:
        expected = eval(ops[op], env).shape
    except ValueError:
        expected = None
    assert check.shape == expected
    for fix in check.fixes:
        assert eval(fix.code, env).shape == fix.shape
        assert len(fix.shape) <= max(len(a), len(b), 2)
    if check.reason in ("inner", "batch", "broadcast"):
        assert check.a_size != check.b_size
        if check.reason != "inner":
            assert 1 not in (check.a_size, check.b_size)
    if check.error is None and op in ("dot", "matmul") and check.reason is None:
        assert check.a_size == check.b_size


def test_stretch_marks_copies():
    """(3,) stretched to (2, 3): row 0 is the original, row 1 the copies."""
    values, copy = S.stretch([1, 2, 3], (2, 3))
    np.testing.assert_array_equal(values, [[1, 2, 3], [1, 2, 3]])
    np.testing.assert_array_equal(copy, [[False] * 3, [True] * 3])


def test_stretch_column_and_row():
    """(3, 1) to (3, 4): columns 1-3 are copies; the value array is writable."""
    values, copy = S.stretch(np.array([[1], [2], [3]]), (3, 4))
    np.testing.assert_array_equal(copy[:, 0], False)
    np.testing.assert_array_equal(copy[:, 1:], True)
    values[0, 0] = 9  # a copy, not a read-only broadcast view


@given(shapes_st, shapes_st)
def test_stretch_keeps_exactly_the_originals(a, b):
    """Broadcasting to the result shape: values match np.broadcast_to, and the entries not
    marked as copies are exactly as many as the array has."""
    try:
        out = np.broadcast_shapes(a, b)
    except ValueError:
        return
    x = S.example_arrays(a, b)[0]
    values, copy = S.stretch(x, out)
    np.testing.assert_array_equal(values, np.broadcast_to(x, out))
    assert int((~copy).sum()) == x.size


def test_example_arrays():
    """A = 1, 2, 3, ... and B = 10, 20, ... in C order."""
    a, b = S.example_arrays((2, 2), (3,))
    np.testing.assert_array_equal(a, [[1, 2], [3, 4]])
    np.testing.assert_array_equal(b, [10, 20, 30])


def _sigmoid(v: float) -> float:
    return 1.0 / (1.0 + math.exp(-v))


def _forward_by_hand(x: list[float]) -> dict[str, list[float]]:
    """The same three layers, written out with Python floats and loops (an independent oracle)."""
    net = {k: v.tolist() for k, v in S.init_network().items()}

    def layer(z, W, b):
        return [sum(z[i] * W[i][j] for i in range(len(z))) + b[j] for j in range(len(b))]

    out = {"A1": layer(x, net["W1"], net["b1"])}
    out["Z1"] = [_sigmoid(v) for v in out["A1"]]
    out["A2"] = layer(out["Z1"], net["W2"], net["b2"])
    out["Z2"] = [_sigmoid(v) for v in out["A2"]]
    out["A3"] = layer(out["Z2"], net["W3"], net["b3"])
    return out


def test_forward_gives_the_books_output():
    """The book prints Y = [0.31682708, 0.69627909] for x = [1.0, 0.5]."""
    np.testing.assert_allclose(
        S.forward(S.init_network(), S.BOOK_X), [0.31682708, 0.69627909], atol=5e-9
    )


def test_forward_steps_against_a_hand_written_pass():
    """A1 = [0.3, 0.7, 1.1] and Z1 as the book prints; every step equals the loop version."""
    steps = S.forward_steps(S.init_network(), S.BOOK_X)
    np.testing.assert_allclose(steps["A1"], [0.3, 0.7, 1.1], atol=1e-15)
    np.testing.assert_allclose(steps["Z1"], [0.57444252, 0.66818777, 0.75026011], atol=5e-9)
    by_hand = _forward_by_hand([1.0, 0.5])
    for name, value in by_hand.items():
        np.testing.assert_allclose(steps[name], value, rtol=1e-14)
    np.testing.assert_array_equal(steps["Y"], steps["A3"])
    np.testing.assert_allclose(steps["Z3"], [_sigmoid(v) for v in by_hand["A3"]], rtol=1e-14)
    assert [steps[n].shape for n in ("A1", "Z1", "A2", "Z2", "A3", "Y")] == [
        (3,), (3,), (2,), (2,), (2,), (2,)
    ]  # fmt: skip


def test_common_comments_right_and_wrong():
    """Widely copied comments: A1, Z1 right; A2, Z2, A3, Z3 not what the code gives."""
    agree = S.check_printed(S.forward_steps(S.init_network(), S.BOOK_X))
    assert agree == {"A1": True, "Z1": True, "A2": False, "Z2": False, "A3": False, "Z3": False}


def test_common_z2_comment_is_sigmoid_of_its_wrong_a2():
    """Z2's comment [0.59868766, 0.68997448] is sigmoid([0.4, 0.8]): the error carried on."""
    z2 = [_sigmoid(v) for v in S.COMMON_COMMENTS["A2"]]
    np.testing.assert_allclose(S.COMMON_COMMENTS["Z2"], z2, atol=5e-9)


def test_check_printed_tolerance_is_half_a_last_digit():
    """Agreement means within 5e-9 (8 printed decimals)."""
    steps = {"Y": np.array([0.316827084])}
    assert S.check_printed(steps, {"Y": [0.31682708]}) == {"Y": True}
    assert S.check_printed(steps, {"Y": [0.31682707]}) == {"Y": False}


def test_forward_on_a_batch():
    """A batch (N, 2) gives (N, 2), each row equal to the single-input pass."""
    net = S.init_network()
    x = np.array([[1.0, 0.5], [0.0, 0.0], [-1.0, 2.0]])
    y = S.forward(net, x)
    assert y.shape == (3, 2)
    for row, xi in zip(y, x, strict=True):
        np.testing.assert_allclose(row, S.forward(net, xi), rtol=1e-15)


def test_mnist_shape_flow():
    """N = 100: (100, 784)·(784, 50) → (100, 50) → ... → (100, 10); parameters 39,250 + 5,100
    + 1,010 = 45,360; multiply-adds 100·(39,200 + 5,000 + 1,000) = 4,520,000."""
    layers = S.layer_shapes(100)
    assert [layer.x_shape for layer in layers] == [(100, 784), (100, 50), (100, 100)]
    assert [layer.W_shape for layer in layers] == [(784, 50), (50, 100), (100, 10)]
    assert [layer.b_shape for layer in layers] == [(50,), (100,), (10,)]
    assert layers[-1].out_shape == (100, 10)
    assert [layer.params for layer in layers] == [39250, 5100, 1010]
    assert S.totals(layers) == (45360, 4520000)
    assert S.totals(S.layer_shapes(1)) == (45360, 45200)


def test_layer_shapes_rejects_empty_batch():
    """A batch of 0 inputs: ValueError."""
    with pytest.raises(ValueError, match="batch size"):
        S.layer_shapes(0)
