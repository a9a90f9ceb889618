"""AppTest over every page, in both languages: renders cleanly and survives every widget extreme."""

import pytest

from tests.helpers_app import drive_all_widgets, open_page
from ui.nav import PAGES
from ui.strings import CATALOG

STEMS = [p.stem for p in PAGES]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_home_lists_every_page(lang):
    """The home page shows one card (a page link) per lesson page, titled in the language."""
    at = open_page(None, lang)
    links = [link.proto.label for link in at.get("page_link")]
    for stem in STEMS:
        assert any(CATALOG[f"{stem}.title"][lang] in label for label in links), stem


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("stem", STEMS)
def test_page_widgets_at_extremes(stem, lang):
    """Each page renders in each language and no widget extreme raises or shows the crash text."""
    at = open_page(stem, lang)
    assert at.title[0].value == CATALOG[f"{stem}.title"][lang]
    runs = drive_all_widgets(at, f"{stem}/{lang}")
    assert runs >= 1, "the page has no widget to drive"
