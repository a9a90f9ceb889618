"""AppTest check of ui.settings on one page: settings last the session, and the reset works.

A person moves some controls, visits another page, comes back: every control shows what they
left. They press "reset this page": every control shows what a first visit showed. The
first-visit values are read from the page itself (not from ui.settings), so the check holds
the code to what a learner saw, and a control not made with ``keep`` fails it.
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.helpers_app import assert_clean, set_widget, widgets_by_key
from ui.settings import DEFAULTS


def shown_values(at: AppTest) -> dict[str, object]:
    """Every keyed input widget on the page and the value it shows."""
    return {key: w.value for key, w in widgets_by_key(at).items()}


def check_kept_and_reset(
    at: AppTest, stem: str, moves: dict[str, object], elsewhere: str = "shapes"
) -> dict[str, object]:
    """Move widgets (key -> value, in order), visit pages/<elsewhere>.py and come back, reset.

    Asserts: every widget of the first visit is made with ``keep``; each move changed what
    its widget shows; after the visit elsewhere every widget shows what it showed before
    leaving; after the reset every widget of the first visit shows its first-visit value.
    Returns the first-visit values (for the caller's own checks against literal defaults).
    """
    first = shown_values(at)
    kept = set(at.session_state[DEFAULTS]) if DEFAULTS in at.session_state else set()
    assert set(first) <= kept, f"not kept for the session: {sorted(set(first) - kept)}"
    for key, value in moves.items():
        before = shown_values(at).get(key)
        set_widget(at, key, value)
        assert shown_values(at)[key] != before, f"moving {key} to {value!r} changed nothing"
    left = shown_values(at)
    at.switch_page(f"pages/{elsewhere}.py").run()
    assert_clean(at, f"on {elsewhere}")
    assert not set(widgets_by_key(at)) & set(left), "still on the first page"
    at.switch_page(f"pages/{stem}.py").run()
    assert_clean(at, f"back on {stem}")
    assert shown_values(at) == left
    at.button(key=f"{stem}_reset").click().run()
    assert_clean(at, "after the reset")
    after = shown_values(at)
    assert {key: after.get(key) for key in first} == first
    return first
