"""AppTest helpers: open a page in a language, assert it is clean, drive every widget.

"Drive every widget" means: each slider to its min and max (range sliders to both ends and
the full range), every option of every selectbox/radio/segmented control, a multiselect
empty and full, every toggle/checkbox both ways, every number input to its bounds, each
widget from the page's defaults and back. After each move the page reruns and must show
neither an exception nor the crash message.

Options are set by their shown label (what the browser sends); this works because pages
build format_funcs with ui.i18n.labeller, which AppTest may call between runs.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.catalog import seed_words
from ui.layout import EVERY, OPEN
from ui.strings import CATALOG

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
TIMEOUT = 120  # seconds per run: CI shares 2 cores with a browser
CRASH = {CATALOG["common.crash"]["zh"], CATALOG["common.crash"]["en"]}
SKIP_KEYS = {"lang"}  # the language switch is tested on its own


def open_page(stem: str | None, lang: str, *, unfold: bool = True, **session: object) -> AppTest:
    """Run the app with ?lang=<lang>, then switch to pages/<stem>.py (None: the home page).
    The language stays on the AppTest as ``at.lang``. With ``unfold`` every folded section
    (ui.layout.folded) is open, as if the learner had opened each: the tests read and move
    what is in them; ``unfold=False`` opens the page as a first visit does."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.lang = lang
    at.query_params["lang"] = lang
    if unfold:
        session = {OPEN: {EVERY}, **session}
    for key, value in session.items():
        at.session_state[key] = value
    at.run()
    assert_clean(at)
    if stem is not None:
        at.switch_page(f"pages/{stem}.py")
        at.run()
        assert_clean(at)
    return at


def assert_clean(at: AppTest, where: str = "") -> None:
    """No uncaught exception and no crash message on the page."""
    assert not at.exception, f"{where}: exception {[e.value for e in at.exception]}"
    errors = [e.value for e in at.error]
    assert not CRASH.intersection(errors), f"{where}: crash message shown"


def _moves(w) -> list:
    """The values to try for one widget, at its extremes."""
    kind = type(w).__name__
    if kind == "Slider":
        if isinstance(w.value, tuple | list):
            return [(w.min, w.min), (w.max, w.max), (w.min, w.max)]
        return [w.min, w.max]
    if kind == "SelectSlider":
        if isinstance(w.value, tuple | list):
            return [(w.options[0], w.options[-1]), (w.options[0], w.options[0])]
        return [w.options[0], w.options[-1]]
    if kind in ("Selectbox", "Radio"):
        return list(w.options)
    if kind == "ButtonGroup":
        return list(w.options) if hasattr(w, "options") else []
    if kind == "Multiselect":
        full = list(w.options)[: w.max_selections or None]
        return [[], full]
    if kind in ("Checkbox", "Toggle"):
        return [not w.value, w.value]
    if kind == "NumberInput":
        return [v for v in (w.min, w.max) if v is not None]
    return []


KINDS = (
    "slider", "select_slider", "selectbox", "radio", "multiselect",
    "checkbox", "toggle", "number_input", "segmented_control", "pills",
)  # fmt: skip


def widgets_by_key(at: AppTest) -> dict[str, object]:
    """Every keyed input widget on the page, by key; a widget without a key fails the test."""
    found = {}
    for kind in KINDS:
        for w in getattr(at, kind):
            assert w.key is not None, f"widget {w.label!r} has no key: give it one"
            if w.key not in SKIP_KEYS:
                found[w.key] = w
    return found


def drive_all_widgets(at: AppTest, where: str) -> int:
    """Move every widget to each of its extremes (see module doc). Returns the number of runs."""
    seen = set(widgets_by_key(at))
    return sum(_drive(at, key, where, seen) for key in list(seen))


def _drive(at: AppTest, key: str, where: str, seen: set[str]) -> int:
    """Try each of one widget's extremes, then put it back: every widget's extremes are tried
    from the page's defaults, not from wherever the widgets before it were left (a 41 × 41
    arrow field made every later run of /gradient_field 10× slower). A widget that a value
    reveals is driven while that value holds. Returns the number of runs."""
    w = widgets_by_key(at).get(key)
    if w is None:  # hidden by an earlier move
        return 0
    moves = _moves(w)
    if moves and w.value is not None and moves[-1] != w.value:
        moves.append(w.value)
    runs = 0
    for value in moves:
        w = widgets_by_key(at).get(key)
        if w is None:
            break
        w.set_value(value)
        at.run()
        runs += 1
        assert_clean(at, f"{where}: {key} = {value!r}")
        for new in widgets_by_key(at):  # widgets revealed by this move
            if new not in seen:
                seen.add(new)
                runs += _drive(at, new, where, seen)
    return runs


NOT_SHOWN = {"id", "form_id", "key"}  # widget and element ids carry the code's keys
DATA_URI = re.compile(r"data:[\w/+.-]+;base64,[\w+/=]+")  # pictures: base64 is not text


def _strings(message) -> list[str]:
    """Every string field of a protobuf message, nested messages included (not ids or keys)."""
    found = []
    for field, value in message.ListFields():
        if field.name in NOT_SHOWN:
            continue
        values = value if field.is_repeated else [value]
        if field.type == field.TYPE_STRING:
            found.extend(values)
        elif field.type == field.TYPE_MESSAGE:
            for v in values:
                found.extend(_strings(v))
    return found


def _json_strings(value: object) -> list[str]:
    """The string values inside parsed JSON (a chart's spec), at any depth."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return [s for v in value for s in _json_strings(v)]
    return []


def _readable(s: str) -> list[str]:
    """A string as shown: a chart's spec is JSON whose strings escape "/" and every non-ASCII
    character (\\u79cd), so its string values are read out of the parsed JSON."""
    if s.lstrip().startswith(("{", "[")):
        try:
            return _json_strings(json.loads(s))
        except ValueError:
            pass
    return [s]


def shown_text(at: AppTest) -> str:
    """Every string the page sends to the browser to show, main area and sidebar, folded
    sections included when opened: markdown, labels, options, help, captions, metric values,
    chart specs (titles, axis labels, hover texts), without ids, keys or embedded pictures."""
    protos = [node.proto for node in at._tree if getattr(node, "proto", None) is not None]
    strings = [r for p in protos for s in _strings(p) for r in _readable(s)]
    return DATA_URI.sub("", "\n".join(strings))


def assert_no_seed_word(at: AppTest) -> None:
    """Nothing on the page says "seed"/"种子" but a random seed (tests.catalog.seed_words)."""
    found = seed_words(shown_text(at), at.lang)
    assert not found, found


def page_markdown(at: AppTest) -> str:
    """All markdown text on the page, one element per line."""
    return "\n".join(m.value for m in at.markdown)


def set_widget(at: AppTest, key: str, value: object) -> None:
    """Set the input widget with this key, rerun, and check the page stayed clean."""
    for kind in KINDS:
        for w in getattr(at, kind):
            if w.key == key:
                w.set_value(value)
                at.run()
                assert_clean(at, f"{key} = {value!r}")
                return
    raise KeyError(key)
