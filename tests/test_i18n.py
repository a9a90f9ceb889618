"""The catalog is complete in both languages and the language follows URL, browser and switch."""

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.helpers_app import APP, TIMEOUT, open_page
from ui.i18n import LANGS, lang_from_locale, lang_from_url
from ui.nav import PAGES
from ui.strings import CATALOG

ROOT = Path(__file__).resolve().parent.parent


def test_every_key_has_both_languages():
    """A key present in one language and missing (or empty) in the other fails."""
    for key, texts in CATALOG.items():
        assert set(texts) == set(LANGS), f"{key}: has {sorted(texts)}"
        for lang in LANGS:
            assert isinstance(texts[lang], str) and texts[lang].strip(), f"{key}[{lang}] empty"


def test_format_fields_match_across_languages():
    """Both languages of a key use the same {placeholders}, so t(key, **fmt) never fails."""
    field = re.compile(r"{(\w+)")
    for key, texts in CATALOG.items():
        assert set(field.findall(texts["zh"])) == set(field.findall(texts["en"])), key


def test_keys_used_in_code_exist():
    """Every literal t("...") key in app.py, pages/ and ui/ is in the catalog."""
    used = set()
    for path in [ROOT / "app.py", *ROOT.glob("pages/*.py"), *ROOT.glob("ui/*.py")]:
        used |= set(re.findall(r"""\bt\(\s*["']([\w.]+)["']""", path.read_text("utf-8")))
    missing = sorted(k for k in used if k not in CATALOG)
    assert not missing, f"keys used but not defined: {missing}"


def test_each_page_has_title_intro_card():
    """Every lesson page has a title, an intro and a home-page card in the catalog."""
    for page in PAGES:
        for part in ("title", "intro", "card"):
            assert f"{page.stem}.{part}" in CATALOG, f"{page.stem}.{part}"


def test_page_urls_are_file_stems():
    """URL path = file stem for every page (the legacy pages/ trap) and stems are unique."""
    stems = [p.stem for p in PAGES]
    assert len(stems) == len(set(stems))
    for page in PAGES:
        assert page.path.stem == page.stem


@pytest.mark.parametrize(
    ("locale", "lang"),
    [("en-US", "en"), ("en", "en"), ("zh-CN", "zh"), ("zh-TW", "zh"), (None, "zh"), ("fr", "zh")],
)
def test_lang_from_locale(locale, lang):
    """English browsers get English; Chinese and unknown locales get Chinese."""
    assert lang_from_locale(locale) == lang


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_url_sets_language(lang):
    """?lang= picks the language and the URL is kept in sync (page changes: browser tests)."""
    at = open_page(None, lang)
    assert at.session_state["lang"] == lang
    assert at.query_params["lang"] == lang
    assert at.caption[0].value == CATALOG["home.intro"][lang]


@pytest.mark.parametrize(
    ("values", "lang"),
    [(["en", "zh"], "en"), (["zh", "en"], "zh"), (["fr", "en"], "en"), (["xx", ""], "zh")],
)
def test_repeated_lang_takes_one_value_and_normalises_the_url(values, lang):
    """?lang=en&lang=zh shows the first supported language and leaves one lang in the URL
    (an unsupported one falls back to the browser's, Chinese here)."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["lang"] = values
    at.run()
    assert at.session_state["lang"] == lang
    assert at.query_params["lang"] == lang  # one value (before: both, and the last shown)
    assert at.caption[0].value == CATALOG["home.intro"][lang]  # the home intro is a caption


def test_lang_from_url():
    """The first supported value wins; none gives None."""
    assert lang_from_url(["en", "zh"]) == "en"
    assert lang_from_url(["de", "zh", "en"]) == "zh"
    assert lang_from_url([]) is None and lang_from_url(["EN"]) is None


def test_switch_changes_language():
    """The sidebar switch flips the home page from Chinese to English and the URL follows."""
    at = open_page(None, "zh")
    at.segmented_control(key="lang").set_value("en")
    at.run()
    assert at.caption[0].value == CATALOG["home.intro"]["en"]
    assert at.query_params["lang"] == "en"


def test_language_flip_keeps_widget_values():
    """A moved slider keeps its value when the language flips; its label is translated."""
    at = open_page("activations", "zh")
    at.slider(key="activations_nl_w").set_value(7.5)
    at.run()
    at.session_state["lang"] = "en"
    at.run()
    assert at.title[0].value == CATALOG["activations.title"]["en"]
    assert at.slider(key="activations_nl_w").value == 7.5
    assert at.slider(key="activations_nl_w").label == CATALOG["activations.nonlin_w"]["en"]
