"""Every text colour pair of every theme is readable: at least 7:1 on the projector
theme (the back row, a washed-out beamer) and 4.5:1 (WCAG AA) on light and dark."""

from __future__ import annotations

import pytest

from workshop.ui.audience import STYLED_PAIRS, audience_stylesheet
from workshop.ui.theme import THEMES, contrast_ratio

REQUIRED = {"projector": 7.0, "light": 4.5, "dark": 4.5}


def test_contrast_ratio_matches_known_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    # WCAG's own example: #767676 on white is just above 4.5:1.
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#777777", "#ffffff") < 4.5


@pytest.mark.parametrize("key", sorted(REQUIRED))
def test_every_text_pair_is_readable(key):
    theme = THEMES[key]
    weak = {name: round(contrast_ratio(fg, bg), 2)
            for name, (fg, bg) in theme.text_pairs().items()
            if contrast_ratio(fg, bg) < REQUIRED[key]}
    assert weak == {}, f"{key}: below {REQUIRED[key]}:1"


def test_every_theme_is_checked():
    assert set(THEMES) == set(REQUIRED)


@pytest.mark.parametrize("key", sorted(REQUIRED))
def test_projector_draws_only_checked_pairs(key):
    theme = THEMES[key]
    pairs = theme.text_pairs()
    assert set(STYLED_PAIRS.values()) <= set(pairs)
    sheet = audience_stylesheet(theme)
    for selector, pair in STYLED_PAIRS.items():
        foreground, background = pairs[pair]
        assert f"{selector} {{ color: {foreground}; background: {background}; }}" in sheet


def test_dialog_buttons_carry_words_not_stock_icons(qapp):
    from PySide6.QtWidgets import QStyle

    from workshop.ui.app import create_qt_app

    app = create_qt_app()
    assert app.style().styleHint(QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons) == 0


def test_emoji_have_a_face_once_the_later_fonts_are_loaded(qapp):
    # DejaVu has no emoji; without a face that has them, a "🚀" typed into a key result
    # is a box on the projector of a machine without an emoji font.
    from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

    from workshop.ui.theme import LATER_FACES, load_fonts

    assert any("Symbola".endswith(face) for face in LATER_FACES)  # loaded after first paint
    load_fonts(faces=LATER_FACES)
    assert "Symbola" in QFontDatabase.families()
    metrics = QFontMetrics(QFont("Symbola"))
    assert all(metrics.inFontUcs4(ord(c)) for c in "🚀✅👍😀📈")
