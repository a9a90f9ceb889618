"""/digits: a network knows only the kind of data it was trained on (domain shift).

Two sections: when the book's MLP (MNIST only) and the default CNN (MNIST and real pen
strokes) read the learner's drawing differently, say so and show both; and real pen digits of
writers neither network has seen, with each network's accuracy per digit.
"""

from __future__ import annotations

import numpy as np
import streamlit as st

from lab.metrics import confusion_matrix, per_class_accuracy
from lab.models import held_out_predictions
from lab.pendigits import HELD_OUT_WRITERS, contrast_examples, load_held_out
from lab.predict import Reading
from ui.charts_digits import pixels, prob_bars
from ui.i18n import t
from ui.resources import model

PAIR = ("book", "default")  # MNIST only; MNIST and pen strokes
SHOWN = (9, 7, 1)  # the digits an MNIST-only network misreads most in people's pen strokes
EXAMPLES = 6
EXAMPLE_PX = 84


@st.cache_resource(show_spinner=False, max_entries=1)
def held_out_readings() -> tuple[np.ndarray, np.ndarray, dict[str, np.ndarray]]:
    """The held-out writers' pen digits (28x28), their labels, and each model's predictions.

    Shared by every session, so the arrays are read-only."""
    x, labels, _ = load_held_out()
    # stored beside the weights (make predictions), checked against both files' hashes
    predicted = {name: held_out_predictions(name, x) for name in PAIR}
    for a in (x, labels, *predicted.values()):
        a.flags.writeable = False
    return x, labels, predicted


def compare_models(name: str, reading: Reading) -> None:
    """If the learner reads with the book MLP or the default CNN and the other one disagrees,
    show both probability bars and why they can differ."""
    if name not in PAIR or reading.digit is None:
        return
    other = PAIR[1 - PAIR.index(name)]
    proba = {name: reading.proba, other: model(other).predict_proba(reading.steps.centred28)[0]}
    digits = {n: int(np.argmax(p)) for n, p in proba.items()}
    if digits[name] == digits[other]:
        return
    st.warning(t("domain_shift.disagree", book=digits["book"], default=digits["default"]))
    for col, n in zip(st.columns(2), PAIR, strict=True):
        fig = prob_bars(
            proba[n],
            x_title=t("digits.digit_axis"),
            y_title=t("digits.proba_axis"),
            title=t(f"domain_shift.reads.{n}", d=digits[n]),
            height=260,
        )
        col.plotly_chart(fig, key=f"domain_shift_bars_{n}")


def real_handwriting() -> None:
    """Held-out writers' pen digits: per-digit accuracy of both networks and examples."""
    x, labels, predicted = held_out_readings()
    st.subheader(t("domain_shift.title"))
    st.markdown(
        t(
            "domain_shift.intro",
            n=len(labels) // 2,
            drawings=len(labels),
            writers=len(HELD_OUT_WRITERS),
        )
    )
    acc = {n: per_class_accuracy(confusion_matrix(labels, predicted[n])) for n in PAIR}
    overall = {n: float(np.mean(predicted[n] == labels)) for n in PAIR}
    columns = {  # a column per digit, a row per network
        **{
            str(d): {t(f"domain_shift.model.{n}"): f"{acc[n][d]:.1%}" for n in PAIR}
            for d in range(10)
        },
        t("domain_shift.all"): {t(f"domain_shift.model.{n}"): f"{overall[n]:.1%}" for n in PAIR},
    }
    st.table(columns)  # 2 rows: an HTML table (st.dataframe's grid costs ~0.3 s per page load)
    for digit in SHOWN:
        idx = contrast_examples(labels, predicted["book"], predicted["default"], digit, EXAMPLES)
        if not len(idx):
            continue
        st.markdown(
            t(
                "domain_shift.examples",
                d=digit,
                book=f"{acc['book'][digit]:.0%}",
                default=f"{acc['default'][digit]:.0%}",
            )
        )
        st.image(
            [pixels(x[i, 0], EXAMPLE_PX) for i in idx],
            caption=[
                t("domain_shift.caption", book=int(predicted["book"][i]), default=digit)
                for i in idx
            ],
            width=EXAMPLE_PX,
        )
    st.caption(t("domain_shift.why"))
