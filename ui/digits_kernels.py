"""/digits: one first-layer kernel of a CNN, its map for the learner's digit, and what it likes.

CNN Explainer's idea, for the default model: pick a kernel and see its 3x3 weights as
numbers, your digit with the 3x3 square where the kernel responds most, the kernel's whole
map at the digit's size, and the MNIST test patches that excite it most.
"""

from __future__ import annotations

import numpy as np
import streamlit as st

from lab import kernels as K
from lab.predict import Reading
from ui.charts_digits import image_heatmap, kernel_numbers, map_grid
from ui.i18n import t
from ui.layout import show_source
from ui.resources import mnist_uint8
from ui.settings import keep

SEARCHED = 2000  # MNIST test images searched for a kernel's favourite patches
TOP = 8  # patches shown
PATCH = 7  # pixels per side: the 3x3 the kernel multiplies, and the stroke around it


@st.cache_data(show_spinner=False, max_entries=256)
def favourite_patches(kernel: np.ndarray, bias: float) -> tuple[np.ndarray, np.ndarray]:
    """The TOP strongest PATCH x PATCH patches of the first SEARCHED test images, and where
    (cached by the kernel's weights, so a retrained model gets its own)."""
    _, (x_test, _) = mnist_uint8()
    images = x_test[:SEARCHED].reshape(-1, 28, 28) / 255.0
    patches, where, _ = K.top_patches(images, kernel, bias, k=TOP, size=PATCH)
    return patches, where


def kernel_explorer(network, reading: Reading) -> None:
    """Pick a kernel: its weights, where it fires on this digit, its map, its favourite patches."""
    kernels = network.params["W1"][:, 0].astype(np.float64)  # (filters, 3, 3): one channel in
    biases = network.params["b1"].astype(np.float64)
    image = np.asarray(reading.steps.centred28, dtype=np.float64)
    st.subheader(t("digits.kernel_title"))
    st.caption(t("digits.kernel_intro"))
    peaks = K.peaks(image, kernels, biases)
    top3 = ", ".join(str(int(k)) for k in np.argsort(-peaks, kind="stable")[:3])
    k = st.slider(
        t("digits.kernel_pick"),
        0,
        len(kernels) - 1,
        0,
        help=t("digits.kernel_pick_help", top=top3),
        **keep("digits_kernel", 0),
    )
    st.caption(t("digits.kernel_strongest", top=top3))
    fmap = K.kernel_map(image, kernels[k], biases[k])
    r, c = K.strongest(fmap)
    size = kernels.shape[-1]
    cols = st.columns([0.8, 1, 1])
    with cols[0]:
        fig = kernel_numbers(
            kernels[k], title=t("digits.kernel_weights", k=k), hover=t("digits.weight_hover")
        )
        st.plotly_chart(fig, key="digits_kernel_weights")
    with cols[1]:
        fig = image_heatmap(
            image,
            title=t("digits.kernel_where"),
            hover=t("digits.pixel_hover"),
            box=(r, c, size),
            height=260,
        )
        st.plotly_chart(fig, key="digits_kernel_input")
    with cols[2]:
        fig = image_heatmap(
            fmap,
            title=t("digits.kernel_map", k=k),
            hover=t("digits.pixel_hover"),
            diverging=True,
            box=(r, c, 1),
            height=260,
        )
        st.plotly_chart(fig, key="digits_kernel_map")
    patch = K.patch(image, r, c, size)
    st.markdown(
        t(
            "digits.kernel_sum",
            k=k,
            r=r,
            c=c,
            value=f"{fmap[r, c]:.2f}",
            under=np.array2string(patch, precision=2, suppress_small=True),
        )
    )
    patches, where = favourite_patches(kernels[k], float(biases[k]))
    fig = map_grid(
        patches,
        TOP,
        title=t("digits.kernel_patches", n=TOP, searched=SEARCHED, k=k),
        hover=t("digits.kernel_patch_hover"),
        height=190,
    )
    st.plotly_chart(fig, key="digits_kernel_patches")
    st.caption(t("digits.kernel_patches_note", images=", ".join(str(int(i)) for i in where[:, 0])))
    show_source(K.kernel_maps, K.top_patches)
