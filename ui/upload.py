"""The digit upload: the file uploader, its limits, the refusal messages and a small preview.

Every upload's cost is bounded before a pixel is decoded: at most ``MAX_UPLOAD_MB`` on the
wire (the browser refuses larger files and .streamlit/config.toml caps the server at the same
size), at most ``MAX_UPLOAD_PIXELS`` pixels and a long side at most ``MAX_ASPECT`` times the
short one (both read from the file's header by ``lab.digits.load_image``).
"""

from __future__ import annotations

import numpy as np
import streamlit as st

from lab.digits import MAX_ASPECT, ImageTooLarge, ImageTooThin, aspect, load_image
from ui.charts_digits import preview
from ui.i18n import t
from ui.layout import user_text

MAX_UPLOAD_MB = 5
MAX_UPLOAD_PIXELS = 4_000_000  # enough for a phone photo cropped to one digit; keeps memory low
LIMITS = {"mb": MAX_UPLOAD_MB, "mp": MAX_UPLOAD_PIXELS // 1_000_000, "ratio": MAX_ASPECT}


def refusal(exc: ValueError, name: str) -> str:
    """The bilingual message for an upload load_image refused: what was wrong, what is accepted.

    ``name`` is the file's name as the user gave it; it is shown literally (see user_text).
    """
    fields = {**LIMITS, "name": user_text(name)}
    if isinstance(exc, ImageTooThin):
        w, h = exc.size
        return t("digits.too_thin", w=w, h=h, got=f"{aspect(w, h):,.0f}", **fields)
    if isinstance(exc, ImageTooLarge):
        w, h = exc.size
        size = t("digits.too_big_size", w=w, h=h) if w and h else ""
        return t("digits.too_big", size=size, **fields)
    return t("digits.not_image", **fields)


def image_upload(preview_px: int) -> np.ndarray | None:
    """The uploader and the uploaded image as an array (shown as a preview_px thumbnail), or
    None with a message: no file yet (and why a refused file is marked red) or a bad file."""
    upload = st.file_uploader(
        t("digits.upload"),
        help=t("digits.upload_help", **LIMITS),
        max_upload_size=MAX_UPLOAD_MB,
        key="digits_upload",
    )
    if upload is None:
        st.info(t("digits.upload_prompt", **LIMITS), icon=":material/upload:")
        return None
    try:
        image = load_image(upload.getvalue(), max_pixels=MAX_UPLOAD_PIXELS)
    except ValueError as exc:
        st.error(refusal(exc, upload.name), icon=":material/broken_image:")
        return None
    st.image(preview(image, preview_px))
    return image
