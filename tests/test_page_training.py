"""pages/training.py under AppTest: start, watch, stop, reproduce, hand over, gradient check.

AppTest runs the whole script each time, so the run_every fragment advances one slice per
``at.run()``; a test calls run() until the run ends.
"""

import numpy as np

from lab.live_training import SUGGESTED_LR, TrainingConfig
from lab.models import Model
from tests.catalog import page_text, prefix
from tests.helpers_app import assert_clean, open_page
from tests.helpers_settings import check_kept_and_reset
from ui.resources import TRAINED_MODEL

STEM = "training"
SMALL = {"training_size": 1000, "training_epochs": 2, "training_hidden": 20}


text = page_text(STEM)


def configure(at, **values) -> None:
    """Set training widgets by key (values as the widgets hold them) and rerun."""
    for key, value in values.items():
        at.session_state[key] = value
    at.run()


def train_to_end(at, limit: int = 200) -> int:
    """Press start, then rerun until the run is over; returns the number of reruns."""
    at.button(key="training_start").click().run()
    assert_clean(at, "start")
    for n in range(1, limit + 1):
        if not at.session_state["training_run"].running:
            at.run()  # the page redraws with the result
            return n
        at.run()
        assert_clean(at, f"slice {n}")
    raise AssertionError("training did not finish")


def test_nothing_trains_until_start():
    """Opening the page (and moving widgets, see test_app) never starts training."""
    at = open_page(STEM, "zh")
    assert "training_run" not in at.session_state
    assert not at.get("progress")
    assert at.button(key="training_stop").disabled
    assert not at.button(key="training_start").disabled


def test_train_finishes_and_hands_the_model_over():
    """Start → progress while running → success (in Chinese; the English page is checked by
    the gradient check below and tests/test_app.py), metrics, download, and a lab.models.Model
    in session_state[TRAINED_MODEL] for the digits page."""
    lang = "zh"
    at = open_page(STEM, lang)
    # 2 x 1000 mini-batches of 10: more than one slice of training on any machine
    configure(at, training_size=10_000, training_batch=10, training_epochs=2, training_hidden=20)
    at.button(key="training_start").click().run()
    assert at.session_state["training_run"].running
    assert at.get("progress"), "a progress bar while training"
    assert not at.button(key="training_stop").disabled
    assert at.slider(key="training_hidden").disabled  # settings locked while running
    while at.session_state["training_run"].running:
        at.run()
    at.run()
    assert_clean(at)
    run = at.session_state["training_run"]
    assert run.state == "finished" and run.iteration == 2 * 1000
    assert any(prefix("training.done.finished", lang) in s.value for s in at.success)
    model = at.session_state[TRAINED_MODEL]
    assert isinstance(model, Model)
    proba = model.predict_proba(np.zeros((2, 784)))
    assert proba.shape == (2, 10)
    np.testing.assert_allclose(proba.sum(axis=1), 1)
    assert model.meta["hidden_size"] == 20 and model.meta["test_acc"] == run.test_acc[-1]
    assert at.get("download_button")
    assert not at.slider(key="training_hidden").disabled


def test_same_seed_same_network():
    """Two runs with the same settings and seed give bit-identical weights; another seed not."""
    weights = []
    for seed in (3, 3, 4):
        at = open_page(STEM, "en")
        configure(at, **SMALL, training_seed=seed)
        train_to_end(at)
        weights.append(at.session_state[TRAINED_MODEL].network.params["W1"].copy())
    np.testing.assert_array_equal(weights[0], weights[1])
    assert not np.array_equal(weights[0], weights[2])


def test_stop_keeps_the_model():
    """Stop after one slice: the run says where it stopped, and the model is still handed over."""
    at = open_page(STEM, "zh")
    configure(at, training_size=60_000, training_epochs=20, training_batch=10)
    at.button(key="training_start").click().run()
    run = at.session_state["training_run"]
    while run.iteration == 0:  # it trains in the background: wait for its first steps
        at.run()
    assert run.running and 0 < run.iteration < run.iterations
    at.button(key="training_stop").click().run()
    assert_clean(at)
    assert run.state == "stopped"
    assert any(prefix("training.done.stopped", "zh") in i.value for i in at.info)
    assert at.session_state[TRAINED_MODEL].meta["iterations_done"] == run.iteration
    assert not at.get("progress")


def test_huge_learning_rate_is_explained():
    """lr = 100 with SGD: the weights blow up or the loss ends above where it started, and
    the page shows the catalog's explanation for what happened, with SGD's suggested rate."""
    at = open_page(STEM, "en")
    configure(at, **SMALL, training_lr=100.0)
    train_to_end(at)
    run = at.session_state["training_run"]
    suggested = {"opt": text("opt.SGD", "en"), "lr": SUGGESTED_LR["SGD"]}
    if run.state == "diverged":
        assert [e.value for e in at.error] == [
            text("done.diverged", "en", it=run.iteration, **suggested)
        ]
    else:
        assert run.loss_went_up
        assert text("loss_went_up", "en", **suggested) in [w.value for w in at.warning]


def test_optimizer_change_suggests_a_learning_rate():
    """Picking Adam sets its suggested learning rate; SGD brings back SGD's."""
    at = open_page(STEM, "en")
    at.selectbox(key="training_optimizer").set_value("Adam").run()
    assert at.select_slider(key="training_lr").value == SUGGESTED_LR["Adam"]
    at.selectbox(key="training_optimizer").set_value("SGD").run()
    assert at.select_slider(key="training_lr").value == SUGGESTED_LR["SGD"]


def test_gradient_check_shows_differences_and_timings():
    """The check lists W1, b1, W2, b2 with differences below 1e-7, says backprop is right,
    and shows the measured times and their ratio (timings are shown, never asserted); in
    English (training above runs in Chinese)."""
    lang = "en"
    at = open_page(STEM, lang)
    at.button(key="training_gc_run").click().run()
    assert_clean(at)
    table = at.dataframe[-1].value
    assert list(table.iloc[:, 0]) == ["W1", "b1", "W2", "b2"]
    assert all(float(v) < 1e-7 for v in table.iloc[:, 2])
    check = at.session_state["training_gradcheck"][2]
    assert check.agrees()
    assert text("gc_ok", lang, worst=check.worst) in [s.value for s in at.success]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[text("gc_ratio", lang)] == text("gc_times", lang, x=check.ratio)


def test_settings_survive_a_visit_elsewhere_and_reset():
    """Picking Adam still suggests Adam's rate; the settings are kept after a visit to /shapes
    (no run starts); "reset this page" puts back TrainingConfig()'s: 50 hidden, SGD at 0.5,
    batches of 100, 10 epochs over 10,000 images, random seed 0."""
    at = open_page(STEM, "en")
    first = check_kept_and_reset(
        at,
        STEM,
        {
            "training_hidden": 20,
            "training_optimizer": "Adam",
            "training_epochs": 2,
            "training_seed": 7,
            "training_gc_images": 5,
        },
    )
    default = TrainingConfig()
    assert first == {
        "training_hidden": default.hidden_size,
        "training_size": default.train_size,
        "training_optimizer": default.optimizer,
        "training_lr": default.lr,
        "training_batch": default.batch_size,
        "training_epochs": default.epochs,
        "training_seed": default.seed,
        "training_gc_hidden": 10,
        "training_gc_images": 3,
    }
    assert "training_run" not in at.session_state
    at.selectbox(key="training_optimizer").set_value("Adam").run()
    assert at.select_slider(key="training_lr").value == SUGGESTED_LR["Adam"]


def test_a_run_reads_the_first_n_training_images_as_load_mnist_gives_them():
    """The page converts only the images a run uses: the first n of load_mnist(normalize=True),
    exactly, read-only (the runs themselves: the tests above)."""
    from lab.mnist import load_mnist
    from ui.training_sections import mnist_train

    x, t = mnist_train(1000)
    (x_all, t_all), _ = load_mnist(normalize=True, flatten=True)
    assert x.dtype == np.float32 and x.shape == (1000, 784)
    np.testing.assert_array_equal(x, x_all[:1000])
    np.testing.assert_array_equal(t, t_all[:1000])
    assert not x.flags.writeable and not t.flags.writeable
