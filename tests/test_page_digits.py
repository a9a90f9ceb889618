"""AppTest of the handwriting page: a drawing injected into the canvas' value is read by the
model (metric 预测 / Prediction), empty canvas and bad uploads give a message, never a traceback.

The canvas is a Components-v2 widget: its session-state value is
``{"drawing": {"raw": <fabric JSON>, "data": <PNG data URL>}}``, written by the browser. That
layout belongs to streamlit-drawable-canvas 0.13, so the version is pinned here.
"""

import base64
import importlib.metadata
import io
import json

import numpy as np
import pytest
from PIL import Image, ImageDraw

from lab import models
from lab.digits import to_mnist
from lab.network import TwoLayerNet
from tests.catalog import text
from tests.helpers_app import assert_clean, open_page
from tests.helpers_settings import check_kept_and_reset
from tests.test_digits import big_blank_png
from ui import resources
from ui.strings import CATALOG

CANVAS_VERSION = "0.13.0"
STROKES = {  # one digit each, as a person draws it on the 280x280 canvas
    1: [(140, 40), (146, 240)],
    7: [(60, 60), (215, 60), (120, 240)],
}


def canvas_png(points, width: int = 22) -> bytes:
    """White strokes on the canvas' black background, as the component's PNG."""
    img = Image.new("RGBA", (280, 280), (0, 0, 0, 255))
    if points:
        ImageDraw.Draw(img).line(points, fill=(255, 255, 255, 255), width=width, joint="curve")
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def draw(at, png: bytes | None, n_objects: int = 1) -> None:
    """Put a drawing into the canvas' widget value and rerun, as a mouse-up would."""
    url = None if png is None else "data:image/png;base64," + base64.b64encode(png).decode()
    raw = {"objects": [{"type": "path"}] * n_objects, "background": "#000000"}
    at.session_state["digits_canvas"] = {"drawing": {"raw": raw, "data": url}}
    at.run()
    assert_clean(at, "after drawing")


def look_inside(at) -> None:
    """Turn on the layers' pictures (off by default: they cost more than the prediction)."""
    at.toggle(key="digits_inside").set_value(True).run()


def upload(at, name: str, data: bytes, mime: str = "image/png") -> None:
    at.segmented_control(key="digits_source").set_value("upload")
    at.run()
    at.get("file_uploader")[0].set_value((name, data, mime))
    at.run()
    assert_clean(at, f"after uploading {name}")


def test_canvas_component_version_is_pinned():
    """The injected value layout is that of streamlit-drawable-canvas 0.13 (not imported here:
    its module registers the component, which needs a running app)."""
    assert importlib.metadata.version("streamlit-drawable-canvas") == CANVAS_VERSION


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("digit", [1, 7])
def test_drawing_gives_prediction_metric(lang, digit):
    """A drawn digit shows one metric labelled 预测 / Prediction holding that digit, the same
    digit lab.models predicts for the same picture."""
    at = open_page("digits", lang)
    png = canvas_png(STROKES[digit])
    draw(at, png)
    assert len(at.metric) == 1
    assert at.metric[0].label == text("digits.prediction", lang)
    image = np.asarray(Image.open(io.BytesIO(png)))
    expected = int(models.load("default").predict(to_mnist(image))[0])
    assert at.metric[0].value == str(expected) == str(digit)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_empty_and_reset_canvas_prompt_without_prediction(lang):
    """Fresh canvas and a canvas reset with the toolbar (no objects): the prompt, no metric."""
    at = open_page("digits", lang)
    assert not at.metric
    assert text("digits.empty", lang) in [i.value for i in at.info]
    assert_examples_shown(at, lang)
    draw(at, canvas_png(STROKES[7]))
    assert at.metric
    assert text("digits.examples_title", lang) not in [h.value for h in at.subheader]
    draw(at, canvas_png([]), n_objects=0)  # the toolbar's reset sends an empty drawing
    assert not at.metric
    assert text("digits.empty", lang) in [i.value for i in at.info]
    assert_examples_shown(at, lang)


def assert_examples_shown(at, lang: str) -> None:
    """The empty canvas shows one real MNIST test image per digit, captioned 0..9, as a model
    for how to write."""
    assert text("digits.examples_title", lang) in [h.value for h in at.subheader]
    captions = [i.caption for row in at.get("image") for i in row.proto.imgs]
    assert captions[:10] == [str(d) for d in range(10)]  # then the held-out writers' section


@pytest.mark.parametrize("model_name", ["book", "default"])
def test_both_models_and_book_layer_view(model_name):
    """Either model predicts; the book MLP adds its two activation strips and the weights of
    the unit chosen with the slider (checked at both ends of it)."""
    at = open_page("digits", "en")
    at.segmented_control(key="digits_model").set_value(model_name)
    at.run()
    draw(at, canvas_png(STROKES[7]))
    assert at.metric[0].value == "7"
    assert [s.key for s in at.slider] == ["digits_stroke"]  # no layer view until asked for
    assert text("digits.cnn_title", "en") not in [h.value for h in at.subheader]
    look_inside(at)
    in_use = models.load(model_name).name
    if in_use == "book":
        unit = at.slider(key="digits_unit")
        assert (unit.min, unit.max) == (0, 49)
        for value in (49, 0):
            at.slider(key="digits_unit").set_value(value)
            at.run()
            assert_clean(at, f"unit {value}")
            shown = [m.value for m in at.markdown]
            assert any(f"Unit {value} multiplies" in s for s in shown)
    else:
        assert "digits_unit" not in [s.key for s in at.slider]
        assert text("digits.cnn_title", "en") in [h.value for h in at.subheader]
        specs = [json.loads(c.proto.spec)["layout"] for c in at.get("plotly_chart")]
        titles = [layout.get("title", {}).get("text") for layout in specs]
        for title in (
            text("digits.cnn_kernels", "en").format(n=32),
            text("digits.cnn_maps", "en").format(layer="Relu1", n=32, h=14),
            text("digits.cnn_maps", "en").format(layer="Relu2", n=64, h=7),
        ):
            assert title in titles


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_upload_photo_either_polarity(lang):
    """A photo of dark ink on white paper goes through the same pipeline (inverted)."""
    img = Image.new("L", (600, 400), 235)
    ImageDraw.Draw(img).line([(200, 60), (420, 60), (280, 350)], fill=30, width=28)
    buf = io.BytesIO()
    img.save(buf, "JPEG")
    at = open_page("digits", lang)
    upload(at, "seven.jpg", buf.getvalue(), "image/jpeg")
    assert at.metric[0].value == "7"
    assert text("digits.inverted", lang) in [c.value for c in at.caption]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_upload_bomb_and_non_image_give_clear_messages(lang, monkeypatch):
    """A 40000x40000 1-bit PNG (194 kB) is refused before decoding; a 3000x3000 photo is over
    the page's 4-megapixel cap; bytes that are not an image are named as such. No metric."""
    bomb = big_blank_png(40000, 40000)
    with monkeypatch.context() as m:
        m.setattr(Image, "MAX_IMAGE_PIXELS", None)  # only to read the header here
        opened = Image.open(io.BytesIO(bomb))
        assert (opened.mode, opened.size) == ("1", (40000, 40000))  # Pillow's mode "1"
    big = io.BytesIO()
    Image.new("L", (3000, 3000), 255).save(big, "PNG")
    limits = {"mb": 5, "mp": 4, "ratio": 10}
    cases = [
        ("bomb.png", bomb, "digits.too_big", {"size": ""}),  # Pillow's own check: no size
        ("big.png", big.getvalue(), "digits.too_big", {"size": " (3000×3000)"}),
        ("notes.png", b"these are not the pixels you are looking for", "digits.not_image", {}),
    ]
    at = open_page("digits", lang)
    for name, data, key, fields in cases:
        upload(at, name, data)
        if "size" in fields and fields["size"] and lang == "zh":
            fields = {"size": "（3000×3000）"}
        expected = CATALOG[key][lang].format(name=f"` {name} `", **limits, **fields)
        assert [e.value for e in at.error] == [expected], name
        assert not at.metric


def test_model_trained_on_the_training_page_is_offered():
    """A Model left in session state by pages/training.py becomes a third choice; its reading
    comes from that network, and its single hidden layer gets the layer view."""
    net = TwoLayerNet(784, 30, 10, rng=np.random.default_rng(0))
    trained = models.Model("trained", net, {"test_acc": 0.5})
    at = open_page("digits", "en", **{resources.TRAINED_MODEL: trained})
    choice = at.segmented_control(key="digits_model")
    assert list(choice.options) == [
        CATALOG[f"digits.model.{k}"]["en"] for k in resources.MODEL_CHOICES
    ] + [CATALOG["digits.model.trained"]["en"]]
    choice.set_value("trained")
    at.run()
    png = canvas_png(STROKES[7])
    draw(at, png)
    expected = trained.predict(to_mnist(np.asarray(Image.open(io.BytesIO(png)))))[0]
    assert at.metric[0].value == str(expected)
    look_inside(at)
    assert at.slider(key="digits_unit").max == 29
    assert CATALOG["digits.model_is"]["en"].format(
        name=CATALOG["digits.arch.trained"]["en"], acc="50.00%"
    ) in [c.value for c in at.caption]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_clear_button_empties_the_canvas(lang):
    """ "Clear the canvas" (a bilingual button, not the English hover toolbar) drops the drawing:
    the prompt and the example digits come back, no prediction."""
    at = open_page("digits", lang)
    draw(at, canvas_png(STROKES[7]))
    assert at.metric
    assert at.button(key="digits_clear").label == text("digits.clear", lang)
    at.button(key="digits_clear").click().run()
    assert_clean(at, "after clearing")
    assert not at.metric
    assert text("digits.empty", lang) in [i.value for i in at.info]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_kernel_explorer_links_a_kernel_to_its_map(lang):
    """Kernel k of the default CNN: its 9 weights, its map's strongest position and value as
    lab.kernels computes them from the model's W1, b1 and the drawn digit, and the
    strongest kernels listed; the slider spans every first-layer kernel."""
    from lab import kernels as K

    at = open_page("digits", lang)
    png = canvas_png(STROKES[7])
    draw(at, png)
    look_inside(at)
    net = models.load("default").network
    w, b = net.params["W1"][:, 0].astype(float), net.params["b1"].astype(float)
    image = to_mnist(np.asarray(Image.open(io.BytesIO(png)))).reshape(28, 28)
    slider = at.slider(key="digits_kernel")
    assert (slider.min, slider.max) == (0, len(w) - 1)
    top = ", ".join(str(k) for k in np.argsort(-K.peaks(image, w, b), kind="stable")[:3])
    strongest = CATALOG["digits.kernel_strongest"][lang].format(top=top)
    assert strongest in [c.value for c in at.caption]
    for k in (len(w) - 1, 3):
        at.slider(key="digits_kernel").set_value(k).run()
        assert_clean(at, f"kernel {k}")
        fmap = K.kernel_map(image, w[k], b[k])
        r, c = K.strongest(fmap)
        shown = " ".join(m.value for m in at.markdown)
        value = f"{fmap[r, c]:.2f}"
        head = CATALOG["digits.kernel_sum"][lang].format(k=k, r=r, c=c, value=value, under="")
        assert head.split("\n")[0] in shown


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_real_handwriting_section(lang):
    """The held-out writers' section: a table with both networks' accuracy per digit (equal to
    the accuracy computed here from the shipped file) and example images of 9, 7 and 1."""
    from lab.metrics import confusion_matrix, per_class_accuracy
    from lab.pendigits import load_held_out

    at = open_page("digits", lang)
    assert text("domain_shift.title", lang) in [h.value for h in at.subheader]
    x, labels, _ = load_held_out()
    table = at.table[0].value
    for name in ("book", "default"):
        acc = per_class_accuracy(confusion_matrix(labels, models.load(name).predict(x)))
        row = table.loc[text(f"domain_shift.model.{name}", lang)]
        assert [row[str(d)] for d in range(10)] == [f"{a:.1%}" for a in acc]
    shown = [m.value for m in at.markdown if m.value.startswith("**")]
    for digit in (9, 7, 1):
        assert any(f" {digit}" in v for v in shown), f"no examples of {digit}"


def test_disagreement_shows_both_networks():
    """A held-out 9 that the book network misreads and the default model reads: drawn on the
    canvas, the page says the networks disagree and shows both probability charts."""
    from lab.pendigits import contrast_examples, load_held_out

    x, labels, _ = load_held_out()
    book, default = models.load("book"), models.load("default")
    i = contrast_examples(labels, book.predict(x), default.predict(x), 9, 1)[0]
    img = (np.kron(x[i, 0], np.ones((10, 10))) * 255).astype(np.uint8)  # 280x280, like a canvas
    buf = io.BytesIO()
    Image.fromarray(img).convert("RGBA").save(buf, "PNG")
    at = open_page("digits", "en")
    draw(at, buf.getvalue())
    assert next(m.value for m in at.metric) == "9"
    warning = text("domain_shift.disagree", "en").split(":")[0]
    assert any(w.value.startswith(warning) for w in at.warning)
    titles = [json.loads(c.proto.spec)["layout"]["title"]["text"] for c in at.get("plotly_chart")]
    assert any(x.startswith("Book network reads") for x in titles)
    assert "Default model reads 9" in titles


def test_settings_survive_a_visit_elsewhere_and_reset():
    """The stroke width and the model are kept after a visit to /shapes; "reset this page"
    puts back the default model and a 22-pixel stroke."""
    at = open_page("digits", "en")
    first = check_kept_and_reset(at, "digits", {"digits_stroke": 30, "digits_model": "book"})
    assert first == {"digits_model": "default", "digits_source": "draw", "digits_stroke": 22}
