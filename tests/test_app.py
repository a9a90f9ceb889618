"""AppTest over every page: the widget sweep in Chinese, a render check in English.

Widget logic does not depend on the language (labels come from the catalog either way), so the
slow part, driving every widget to its extremes, runs once, in the default language; each page
is then opened in English and must render cleanly under its English title with English headings.
"""

import re

import pytest

from tests.helpers_app import assert_no_seed_word, drive_all_widgets, open_page
from ui.nav import PAGES
from ui.strings import CATALOG

STEMS = [p.stem for p in PAGES]
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_home_lists_every_page(lang):
    """The home page shows one card (a page link) per lesson page, titled in the language."""
    at = open_page(None, lang)
    links = [link.proto.label for link in at.get("page_link")]
    for stem in STEMS:
        assert any(CATALOG[f"{stem}.title"][lang] in label for label in links), stem
    assert_no_seed_word(at)


@pytest.mark.parametrize("stem", STEMS)
def test_page_widgets_at_extremes(stem):
    """Each page renders in Chinese and no widget extreme raises or shows the crash text."""
    at = open_page(stem, "zh")
    assert at.title[0].value == CATALOG[f"{stem}.title"]["zh"]
    assert_no_seed_word(at)
    runs = drive_all_widgets(at, f"{stem}/zh")
    assert runs >= 1, "the page has no widget to drive"


@pytest.mark.parametrize("stem", STEMS)
def test_page_renders_in_english(stem):
    """Each page renders cleanly in English: its English title, and every header, subheader
    and expander title (a folded section's title) without a Chinese character (no string
    left untranslated)."""
    at = open_page(stem, "en")
    assert at.title[0].value == CATALOG[f"{stem}.title"]["en"]
    headings = [h.value for h in (*at.header, *at.subheader)] + [e.label for e in at.expander]
    assert headings, "the page has no section heading"
    assert not [h for h in headings if CJK.search(h)], headings
    assert_no_seed_word(at)


def test_the_seed_check_reads_what_the_page_sends():
    """The "seed" word check sees chart texts and folded sections (not only markdown), skips
    a random seed and its controls' labels, and finds the word anywhere else."""
    from tests.catalog import seed_words
    from tests.helpers_app import shown_text

    at = open_page("softmax_loss", "en")
    shown = shown_text(at)
    assert CATALOG["softmax_loss.prob_chart"]["en"] in shown  # a plotly chart's title
    assert CATALOG["softmax_loss.p_axis"]["en"] in shown  # an axis in a folded section
    assert CATALOG["softmax_loss.seed"]["en"] in shown and not seed_words(shown, "en")
    (found,) = seed_words(shown + "\nthe seed's table", "en")
    assert found.endswith("the seed's table")
    assert seed_words("书中种子的数值", "zh") and not seed_words("随机种子 42", "zh")
