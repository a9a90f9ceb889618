"""The sections of the handwriting page (pages/digits.py): the canvas (or an upload) and
what the model reads, the MNIST preprocessing steps, and what each layer does.

Every widget keeps its value for the session (ui.settings.keep); keys start with "digits_".
"""

from __future__ import annotations

import numpy as np
import streamlit as st
from streamlit_drawable_canvas import st_canvas

from lab.digits import to_mnist_steps
from lab.introspect import feature_maps, hidden_activations, mosaic, unit_weights
from lab.predict import Reading, read_digit
from ui.charts_digits import image_heatmap, map_grid, pixels, prob_bars, strip
from ui.digits_kernels import kernel_explorer
from ui.domain_shift import compare_models
from ui.i18n import labeller, t
from ui.layout import fragment, show_source
from ui.resources import MODEL_CHOICES, mnist_uint8, model
from ui.resources import TRAINED_MODEL as TRAINED
from ui.settings import keep
from ui.upload import MAX_UPLOAD_MB, image_upload
from ui.widget_text import localize_uploader

INSIDE = "digits_inside"  # the toggle that shows the layers' pictures

CANVAS = 280  # pixels: 10x MNIST's 28, so a stroke of ~20 px becomes MNIST's ~2 px
STEP_PX = 120  # shown size of each preprocessing step
CLEARED = "digits_cleared"  # session state: how many times the canvas was cleared (its key)


def canvas_image():
    """The canvas as an RGBA array, or None while it holds no stroke."""
    width = st.slider(t("digits.stroke"), 8, 40, 22, **keep("digits_stroke", 22))
    result = st_canvas(
        stroke_width=width,
        stroke_color="#FFFFFF",
        background_color="#000000",
        width=CANVAS,
        height=CANVAS,
        drawing_mode="freedraw",
        update_streamlit=True,
        return_image_data=True,
        key=canvas_key(),
    )
    clear_button()
    st.caption(t("digits.canvas_help"))
    if not (result.json_data or {}).get("objects"):
        st.info(t("digits.empty"), icon=":material/draw:")
        return None
    return result.image_data


def canvas_key() -> str:
    """The canvas's widget key: "digits_canvas", then a new one after each clear."""
    cleared = st.session_state.get(CLEARED, 0)
    return f"digits_canvas_{cleared}" if cleared else "digits_canvas"


def clear_canvas() -> None:
    """Start a fresh canvas: a new key gives the component a new, empty drawing."""
    st.session_state[CLEARED] = st.session_state.get(CLEARED, 0) + 1


def clear_button() -> None:
    """A bilingual "clear" button under the canvas (its own toolbar is English and hover-only)."""
    st.button(
        t("digits.clear"), on_click=clear_canvas, icon=":material/delete:", key="digits_clear"
    )


def show_examples() -> None:
    """While the canvas is empty: the first test image of each digit, the style to imitate."""
    _, (x_test, t_test) = mnist_uint8()
    first = [int(np.flatnonzero(t_test == d)[0]) for d in range(10)]
    st.subheader(t("digits.examples_title"))
    for row in (range(5), range(5, 10)):  # two rows of five: big enough to see the strokes
        images = [pixels(x_test[first[d]], STEP_PX - 24) for d in row]
        st.image(images, caption=[str(d) for d in row], width=STEP_PX - 24)
    st.caption(t("digits.examples_note", n=28))


def show_prediction(reading: Reading) -> None:
    """The metric, the model input and the ten probabilities."""
    left, right = st.columns([1, 1.6])
    with left:
        st.metric(t("digits.prediction"), reading.digit, border=True)
        st.caption(t("digits.confidence", p=f"{reading.proba[reading.digit]:.1%}"))
        fig = image_heatmap(
            reading.steps.centred28,
            title=t("digits.input_title"),
            hover=t("digits.pixel_hover"),
            marker=(14.0, 14.0),
            marker_name=t("digits.com"),
            height=260,
        )
        st.plotly_chart(fig, key="digits_input_chart")
    with right:
        fig = prob_bars(
            reading.proba,
            x_title=t("digits.digit_axis"),
            y_title=t("digits.proba_axis"),
            title=t("digits.proba_title"),
            height=400,
        )
        st.plotly_chart(fig, key="digits_proba_chart")


def show_steps(reading: Reading) -> None:
    """The MNIST recipe as small images: ink, crop, 20x20, centred 28x28."""
    s = reading.steps
    st.subheader(t("digits.steps_title"))
    r, c = s.centre_of_mass
    images = [s.grey, s.cropped, s.resized20, s.centred28]
    captions = [
        t("digits.step.ink", h=s.grey.shape[0], w=s.grey.shape[1]),
        t("digits.step.crop", h=s.cropped.shape[0], w=s.cropped.shape[1]),
        t("digits.step.box", h=s.resized20.shape[0], w=s.resized20.shape[1]),
        t("digits.step.centre", r=r, c=c),
    ]
    st.image([pixels(a, STEP_PX) for a in images], caption=captions, width=STEP_PX)
    if s.inverted:
        st.caption(t("digits.inverted"))
    st.caption(t("digits.steps_note"))


def show_layers(m, reading: Reading) -> None:
    """A fully connected net's hidden activations as strips and one first-layer unit's weights."""
    net = m.network
    st.subheader(t("digits.layers_title", name=t(f"digits.model.{m.name}")))
    acts = hidden_activations(net, reading.steps.centred28)
    sizes = " → ".join(["784", *(str(len(z)) for _, z in acts), str(net.output_size)])
    st.markdown(t("digits.layers_intro", sizes=sizes))
    n_units = len(acts[0][1])
    unit = st.slider(t("digits.unit"), 0, n_units - 1, 0, **keep("digits_unit", 0))
    for i, (name, z) in enumerate(acts):
        fig = strip(
            z,
            title=t("digits.layer", i=i + 1, n=len(z)),
            hover=t("digits.unit_hover"),
            highlight=unit if i == 0 else None,
        )
        st.plotly_chart(fig, key=f"digits_strip_{name}")
    left, right = st.columns([1, 1.6])
    w = unit_weights(net, unit)
    with left:
        fig = image_heatmap(
            w,
            title=t("digits.weights_title", unit=unit),
            hover=t("digits.weight_hover"),
            diverging=True,
            height=300,
        )
        st.plotly_chart(fig, key="digits_weights_chart")
    with right:
        a1 = net.activations(reading.steps.centred28.reshape(1, -1))["Affine1"][0, unit]
        st.markdown(t("digits.weights_note", unit=unit, a=a1, z=acts[0][1][unit]))
    show_source(read_digit, to_mnist_steps, hidden_activations, unit_weights)


def show_feature_maps(m, reading: Reading) -> None:
    """A conv net: the first layer's kernels and each block's feature maps for this digit."""
    net = m.network
    kernels = net.params["W1"][:, 0]  # (filters, 3, 3): the input has one channel
    maps = feature_maps(net, reading.steps.centred28)  # default CNN: Relu1, Relu2
    first, last = maps[0][1], maps[-1][1]
    st.subheader(t("digits.cnn_title"))
    st.markdown(
        t(
            "digits.cnn_intro",
            k=len(kernels),
            h0=net.input_shape[-1],
            h1=first.shape[-1],
            k2=len(last),
            h2=last.shape[-1],
        )
    )

    def grid(name: str, fm, cols: int, height: int):
        title = t("digits.cnn_maps", layer=name, n=len(fm), h=fm.shape[-1])
        return map_grid(fm, cols, title=title, hover=t("digits.cnn_map_hover"), height=height)

    left, right = st.columns([1, 2.2])
    kernel_fig = map_grid(
        kernels,
        8,
        title=t("digits.cnn_kernels", n=len(kernels)),
        hover=t("digits.cnn_kernel_hover"),
        diverging=True,
        height=200,
    )
    left.plotly_chart(kernel_fig, key="digits_kernels_chart")
    right.plotly_chart(grid(*maps[0], 8, 260), key=f"digits_maps_{maps[0][0]}")
    for name, fm in maps[1:]:  # deeper blocks: more, smaller maps, a wider row
        st.plotly_chart(grid(name, fm, 16, 200), key=f"digits_maps_{name}")
    st.caption(t("digits.cnn_note"))
    show_source(read_digit, to_mnist_steps, feature_maps, mosaic)
    kernel_explorer(net, reading)


@fragment
def draw_and_read() -> None:
    """Pick a model and draw (or upload) a digit: its reading, the steps, the layers."""
    controls, results = st.columns([1, 1.9], gap="large")
    with controls:
        trained = st.session_state.get(TRAINED)
        name = st.segmented_control(
            t("digits.model"),
            [*MODEL_CHOICES, "trained"] if trained is not None else MODEL_CHOICES,
            default="default",
            required=True,
            format_func=labeller("digits.model.{}"),
            **keep("digits_model", "default"),
        )
        m = trained if name == "trained" else model(name)
        acc = m.meta.get("test_acc")
        st.caption(
            t("digits.model_is", name=t(f"digits.arch.{m.name}"), acc=f"{acc:.2%}" if acc else "?")
        )
        source = st.segmented_control(
            t("digits.source"),
            ["draw", "upload"],
            default="draw",
            required=True,
            format_func=labeller("digits.source.{}"),
            **keep("digits_source", "draw"),
        )
        localize_uploader("digits_upload", MAX_UPLOAD_MB)
        image = canvas_image() if source == "draw" else image_upload(STEP_PX * 2)
    with results:
        if image is None:
            if source == "draw":
                show_examples()
            return
        reading = read_digit(m, image)
        if reading.digit is None:
            st.info(t("digits.no_ink"), icon=":material/visibility_off:")
            return
        show_prediction(reading)
        compare_models(name, reading)
        show_steps(reading)
    # The layers' pictures cost more than the prediction: drawn only when asked for.
    if not st.toggle(t("digits.inside"), help=t("digits.inside_help"), **keep(INSIDE, False)):
        return
    if len(m.network.input_shape) == 1:  # fully connected: 784 pixels in, W1 is (784, units)
        show_layers(m, reading)
    else:
        show_feature_maps(m, reading)
