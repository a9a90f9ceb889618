"""ui.resources: what every session shares cannot be changed by one of them, and every cache
has a size limit."""

from __future__ import annotations

import dataclasses
import re

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from tests.helpers_app import ROOT
from ui import resources
from ui.resources import FrozenFigure, freeze, shared_figures


def _arrays(obj) -> list[np.ndarray]:
    """Every array inside obj (tuples, dicts, dataclasses), depth first."""
    if isinstance(obj, np.ndarray):
        return [obj]
    if isinstance(obj, tuple | list):
        return [a for item in obj for a in _arrays(item)]
    if isinstance(obj, dict):
        return [a for item in obj.values() for a in _arrays(item)]
    if dataclasses.is_dataclass(obj):
        return [a for f in dataclasses.fields(obj) for a in _arrays(getattr(obj, f.name))]
    return []


def _assert_all_read_only(obj, at_least: int) -> None:
    arrays = _arrays(obj)
    assert len(arrays) >= at_least
    for a in arrays:
        assert not a.flags.writeable
        if a.size:
            with pytest.raises(ValueError, match="read-only"):
                a.flat[0] = a.flat[0]


def test_mnist_arrays_are_read_only():
    """Both MNIST caches: the four arrays of each are flagged non-writeable."""
    _assert_all_read_only(resources.mnist_uint8(), at_least=4)
    _assert_all_read_only(resources.mnist_test(), at_least=2)


def test_shared_model_weights_and_meta_are_read_only():
    """A shared model's params and meta cannot be changed in place; it still predicts."""
    m = resources.model("book")
    _assert_all_read_only((m.network.params, m.network.buffers), at_least=6)
    with pytest.raises(TypeError):
        m.meta["test_acc"] = 1.0
    proba = m.predict_proba(np.zeros((2, 784), np.float32))
    np.testing.assert_allclose(proba.sum(axis=1), 1, rtol=1e-6)


def test_test_report_is_read_only_down_to_the_mistakes():
    """The probabilities and every array of the Report (y, confusion matrix, per-digit
    accuracy, the five arrays of mistakes) are frozen: 9 arrays."""
    proba, report = resources.test_report("book")
    _assert_all_read_only((proba, report), at_least=9)
    assert report.confusion.sum() == len(report.y) == 10_000


def test_freeze_walks_nested_containers():
    """freeze reaches arrays in tuples, lists, dicts and dataclasses, and returns its input."""

    @dataclasses.dataclass(frozen=True)
    class Box:
        a: np.ndarray
        rest: dict

    obj = (np.zeros(2), [np.ones(1)], Box(np.zeros(3), {"k": np.zeros(1)}))
    assert freeze(obj) is obj
    _assert_all_read_only(obj, at_least=4)


def _figure() -> go.Figure:
    fig = go.Figure(go.Heatmap(z=np.arange(12.0).reshape(3, 4)))
    fig.add_trace(go.Scatter(x=[0, 1], y=[1, 0], name="line"))
    fig.update_layout(title="t", height=300)
    fig.frames = [go.Frame(data=[go.Heatmap(z=np.ones((3, 4)))], name="1")]
    return fig


def test_frozen_figure_draws_the_same_chart():
    """st.plotly_chart serialises a FrozenFigure to exactly the JSON of the original."""
    fig = _figure()
    frozen = FrozenFigure(fig)
    assert pio.to_json(frozen.to_dict(), validate=False) == pio.to_json(
        fig.to_dict(), validate=False
    )


@pytest.mark.parametrize(
    "change",
    [
        lambda f: f.update_layout(title="mine"),
        lambda f: f.add_trace(go.Scatter(x=[0], y=[0])),
        lambda f: setattr(f.layout, "height", 10),
        lambda f: f.data[0],
        lambda f: setattr(f, "frames", []),
        lambda f: setattr(f, "_spec", {}),
    ],
)
def test_frozen_figure_refuses_every_change(change):
    """Changing a shared figure raises TypeError instead of changing it for everyone."""
    frozen = FrozenFigure(_figure())
    before = frozen.to_dict()
    with pytest.raises(TypeError, match="read-only"):
        change(frozen)
    assert frozen.to_dict() == before


def test_frozen_figure_hands_out_copies():
    """Editing the dict to_dict returned leaves the shared figure as it was."""
    frozen = FrozenFigure(_figure())
    d = frozen.to_dict()
    d["layout"]["title"]["text"] = "changed"
    d["data"].clear()
    assert frozen.to_dict()["layout"]["title"]["text"] == "t"
    assert len(frozen.to_dict()["data"]) == 2


def test_shared_figures_builds_once_per_argument():
    """shared_figures caches per argument and returns FrozenFigures (tuples stay tuples)."""
    calls = []

    @shared_figures(max_entries=4)
    def pair(n: int):
        calls.append(n)
        return _figure(), _figure()

    a, b = pair(1)
    assert isinstance(a, FrozenFigure) and isinstance(b, FrozenFigure)
    assert pair(1)[0] is a and calls == [1]
    pair(2)
    assert calls == [1, 2]
    pair.clear()


def test_every_cache_has_a_size_limit():
    """Every st.cache_resource / st.cache_data in the app names max_entries (shared_figures
    requires it), so no cache grows with the number of distinct inputs."""
    calls = re.compile(r"(@)?st\.cache_(?:resource|data)\b(\([^)]*\))?")
    missing = []
    for path in [*ROOT.glob("pages/*.py"), *ROOT.glob("ui/*.py"), ROOT / "app.py"]:
        for m in calls.finditer(path.read_text()):
            decorator, args = m.group(1), m.group(2)
            if not decorator and not args:
                continue  # named in a docstring or comment
            if "max_entries" not in (args or ""):
                missing.append(f"{path.name}: {m.group(0)}")
    assert missing == []
