"""AppTest of pages/perceptron.py: the numbers shown are lab's numbers. Tests that read the page
as it opens do so in both languages (``opened``); tests that move widgets take a fresh page in
one language (``page``, tests/conftest.py)."""

import json

import numpy as np
import pytest

from lab import perceptron as P
from lab import xor_mlp as X
from tests.catalog import text as s
from tests.helpers_app import assert_clean, open_page
from tests.helpers_settings import check_kept_and_reset

STEM = "perceptron"


def tables(at):
    return [tb.value for tb in at.table]


def chart(at, key: str) -> dict:
    """The plotly spec of the chart with this key, as a dict."""
    for node in at.get("plotly_chart"):
        spec = json.loads(node.proto.spec)
        if node.proto.id and key in node.proto.id:
            return spec
    raise AssertionError(f"no chart {key}")


def test_default_is_the_books_and(opened):
    """Start: the book's (0.5, 0.5, −0.7) against AND; the table shows a = −0.70, −0.20,
    −0.20, 0.30 and y = 0, 0, 0, 1, all ✓, and the success message names AND."""
    lang = opened.lang
    table = tables(opened)[0]
    assert list(table.columns[:2]) == ["x1", "x2"]
    assert table[s("perceptron.col_a", lang)].tolist() == ["-0.70", "-0.20", "-0.20", "0.30"]
    assert table[s("perceptron.col_y", lang)].tolist() == [0, 0, 0, 1]
    assert table[s("perceptron.col_ok", lang)].tolist() == ["✓"] * 4
    gate = s("perceptron.gate.AND", lang)
    assert s("perceptron.all_right", lang, gate=gate) in [m.value for m in opened.success]


PRESETS = {  # the common whole-number weights, and the book's AND
    "AND": (1.0, 1.0, -1.5),
    "OR": (1.0, 1.0, -0.5),
    "NAND": (-1.0, -1.0, 1.5),
    "NOT": (-1.0, 0.0, 0.5),
    "BOOK": (0.5, 0.5, -0.7),
}


def test_presets_set_their_weights(page):
    """Each preset button, clicked in turn, sets the sliders to its weights (common whole-number
    ones, or the book's) and its gate, whatever the previous one set, and every output is then
    right."""
    for preset, w in PRESETS.items():
        page.button(key=f"perceptron_preset_{preset}").click().run()
        assert_clean(page, preset)
        keys = ("perceptron_w1", "perceptron_w2", "perceptron_b")
        assert tuple(page.slider(key=k).value for k in keys) == pytest.approx(w), preset
        gate = "AND" if preset == "BOOK" else preset
        assert page.selectbox(key="perceptron_gate").value == gate
        assert tables(page)[0][s("perceptron.col_ok", page.lang)].tolist() == ["✓"] * 4, preset
        notes = [c.value for c in page.caption]
        assert (s("perceptron.not_note", page.lang) in notes) == (preset == "NOT"), preset


@pytest.mark.parametrize("page", ["zh"], indirect=True)
def test_xor_cannot_be_matched(page):
    """Gate XOR with the default (AND) line: only (0, 0) is right, 1 of 4; the warning says no
    line does better than 3, and the weight-plane slice says it is empty for every b."""
    lang = page.lang
    page.selectbox(key="perceptron_gate").set_value("XOR").run()
    assert s("perceptron.xor_try", lang, n=1) in [w.value for w in page.warning]
    spec = chart(page, "perceptron_slice")
    notes = [a["text"] for a in spec["layout"].get("annotations", [])]
    assert s("perceptron.slice_xor", lang) in notes


def test_wrong_outputs_are_counted(page):
    """OR's weights with b = 0.1: (0, 0) now gives 1, so 3 of 4 right."""
    page.button(key="perceptron_preset_OR").click().run()
    page.slider(key="perceptron_b").set_value(0.1).run()
    gate = s("perceptron.gate.OR", page.lang)
    assert s("perceptron.some_wrong", page.lang, n=3, gate=gate) in [w.value for w in page.warning]
    assert tables(page)[0][s("perceptron.col_ok", page.lang)].tolist() == ["✗", "✓", "✓", "✓"]


def test_charts_are_labelled_in_the_language(opened):
    """The input plane's axes and title come from the catalog; the line is named by its
    equation."""
    lang = opened.lang
    spec = chart(opened, "perceptron_plane")
    assert spec["layout"]["xaxis"]["title"]["text"] == s("perceptron.x1", lang)
    assert spec["layout"]["yaxis"]["title"]["text"] == s("perceptron.x2", lang)
    assert spec["layout"]["title"]["text"] == s("perceptron.plane_title", lang)
    names = [trace.get("name") for trace in spec["data"]]
    assert s("perceptron.line", lang, w1=0.5, w2=0.5, b=-0.7) in names


def test_xor_section_numbers(opened):
    """Best line 3/4, not separable ✗; the two-layer table is NAND, OR, AND = XOR."""
    lang = opened.lang
    verdict = s("perceptron.xor_verdict", lang, best=3, separable="✗")
    assert verdict in [i.value for i in opened.info]
    two = tables(opened)[1]
    assert two[s("perceptron.col_s1", lang)].tolist() == [1, 1, 1, 0]
    assert two[s("perceptron.col_s2", lang)].tolist() == [0, 1, 1, 1]
    assert two[s("perceptron.col_xor", lang)].tolist() == [0, 1, 1, 0]


def test_mlp_table_shows_the_trained_probabilities(opened):
    """The backprop table shows lab's P(y = 1) after training, all four right."""
    lang = opened.lang
    run = X.train_xor_mlp()
    shown = tables(opened)[2][s("perceptron.col_p", lang)].tolist()
    assert shown == [f"{v:.3f}" for v in run.y[-1]]
    assert s("perceptron.mlp_ok", lang) in [m.value for m in opened.success]


def test_mlp_figure_owns_the_iteration(opened):
    """One figure, one control: a frame per snapshot sets the map (lab's P(y = 1), to 3
    decimals), the title and the loss panel's marker to the same iteration; the in-figure
    slider has a step per frame and starts at the last; the loss panel plots lab's loss."""
    lang = opened.lang
    run = X.train_xor_mlp()
    spec = chart(opened, "perceptron_mlp_chart")
    frames = spec["frames"]
    assert [f["name"] for f in frames] == [str(n) for n in run.iters]
    for f, n, prob in zip(frames, run.iters, run.prob, strict=True):
        assert f["layout"]["title"]["text"] == s("perceptron.mlp_frame", lang, it=n)
        assert f["layout"]["shapes"][0]["x0"] == max(int(n), 1)
        np.testing.assert_allclose(decode(f["data"][0]["z"]), np.round(prob, 3))
    (slider,) = spec["layout"]["sliders"]
    assert [st["args"][0] for st in slider["steps"]] == [[str(n)] for n in run.iters]
    assert slider["active"] == len(run.iters) - 1
    assert spec["layout"]["shapes"][0]["x0"] == int(run.iters[-1])
    assert not any(w.key == "perceptron_iter" for w in opened.select_slider)
    (loss,) = [d for d in spec["data"] if d.get("xaxis") == "x2"]
    np.testing.assert_allclose(decode(loss["y"]), run.loss)


def decode(values) -> np.ndarray:
    """A plotly JSON array (a list, or plotly's {dtype, bdata, shape} typed array) as numpy."""
    if isinstance(values, dict):
        import base64

        out = np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"])
        shape = values.get("shape")
        if shape:
            out = out.reshape([int(n) for n in str(shape).split(",")])
        return out
    return np.asarray(values, dtype=float)


@pytest.mark.parametrize("page", ["zh"], indirect=True)
def test_mlp_stuck_setting_says_so(page):
    """Two ReLU hidden units from seed 0 do not learn XOR: the page says how many are right."""
    run = X.train_xor_mlp(2, "relu", 0)
    assert run.accuracy < 1
    page.slider(key="perceptron_hidden").set_value(2)
    page.radio(key="perceptron_act").set_value("relu").run()
    n = round(run.accuracy * 4)
    assert s("perceptron.mlp_stuck", page.lang, n=n) in [w.value for w in page.warning]


def test_learning_rule_steps_and_verdicts(page):
    """Step k shows lab's update numbers; AND converges (the message gives lab's epochs and
    steps); XOR ends in a loop and the page says so."""
    lang = page.lang
    w0, b0 = P.initial_line(0)
    run = P.train_perceptron(P.INPUTS, P.gate_targets("AND"), w0, b0, 0.1, 25)
    epochs, steps = len(run.epoch_errors), len(run.sample)
    assert s("perceptron.rule_converged", lang, epochs=epochs, steps=steps) in [
        m.value for m in page.success
    ]
    k = int(np.flatnonzero(run.y != run.t)[0]) + 1  # the first step that fixes a mistake
    page.slider(key="perceptron_step").set_value(k).run()
    i = run.sample[k - 1]
    expected = s(
        "perceptron.step_fix", lang, k=k, epoch=run.epoch[k - 1], x1=P.INPUTS[i][0],
        x2=P.INPUTS[i][1], t=run.t[k - 1], y=run.y[k - 1], lr=0.1, w1=run.w[k - 1][0],
        w2=run.w[k - 1][1], b=run.b[k - 1], nw1=run.w[k][0], nw2=run.w[k][1], nb=run.b[k],
    )  # fmt: skip
    assert expected in [m.value for m in page.markdown]
    assert chart(page, "perceptron_rule_chart")["layout"]["title"]["text"] == s(
        "perceptron.rule_frame", lang, k=k
    )

    page.selectbox(key="perceptron_rule_gate").set_value("XOR").run()
    xor = P.train_perceptron(P.INPUTS, P.gate_targets("XOR"), w0, b0, 0.1, 25)
    assert xor.repeat is not None and xor.repeat[1] == 1 and xor.epoch_errors[-1] == 4
    loop = s("perceptron.rule_loop1", lang, first=xor.repeat[0], period=1)
    assert loop in [e.value for e in page.error]


@pytest.mark.parametrize("page", ["zh"], indirect=True)
def test_step_past_the_end_stays_on_the_final_line(page):
    """After convergence, later steps show the last line and say training stopped."""
    page.slider(key="perceptron_step").set_value(100).run()
    w0, b0 = P.initial_line(0)
    run = P.train_perceptron(P.INPUTS, P.gate_targets("AND"), w0, b0, 0.1, 25)
    n = len(run.sample)
    assert s("perceptron.step_after", page.lang, steps=n) in [c.value for c in page.caption]
    title = chart(page, "perceptron_rule_chart")["layout"]["title"]["text"]
    assert title == s("perceptron.rule_frame", page.lang, k=n)


def test_settings_survive_a_visit_elsewhere_and_reset():
    """A preset, a moved slider and the later sections' controls are kept after a visit to
    /shapes; "reset this page" puts back the book's (0.5, 0.5, -0.7) against AND, 4 hidden
    sigmoid units, and the learning rule on AND from step 0."""
    at = open_page("perceptron", "en")
    at.button(key="perceptron_preset_OR").click().run()
    assert at.slider(key="perceptron_b").value == -0.5
    at.button(key="perceptron_preset_BOOK").click().run()  # back to the first visit
    first = check_kept_and_reset(
        at,
        "perceptron",
        {
            "perceptron_gate": "XOR",
            "perceptron_w1": -1.0,
            "perceptron_hidden": 6,
            "perceptron_act": "relu",
            "perceptron_rule_gate": "OR",
            "perceptron_step": 3,
        },
    )
    weights = [first[f"perceptron_{k}"] for k in ("w1", "w2", "b")]
    assert weights == [0.5, 0.5, -0.7] and first["perceptron_gate"] == "AND"
    assert (first["perceptron_hidden"], first["perceptron_act"]) == (4, "sigmoid")
    assert (first["perceptron_rule_gate"], first["perceptron_step"]) == ("AND", 0)
    gate = s("perceptron.gate.AND", "en")
    assert s("perceptron.all_right", "en", gate=gate) in [m.value for m in at.success]
