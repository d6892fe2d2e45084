"""Every projector view rendered at 1024x768, 1920x1080 and 3840x2160 in each theme,
with the large session and hostile text: nothing cut off, type large enough, the
timer-only view's digits a third of the screen, and text on every phase band readable,
measured from the rendered pixels."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel

from workshop.demo import large_workshop
from workshop.flows.room import MESSAGE_BANNER, MESSAGE_FULL
from workshop.model import Action, KeyResult
from workshop.ui.audience import AudienceWindow
from workshop.ui.theme import contrast_ratio

SIZES = [(1024, 768), (1920, 1080), (3840, 2160)]
THEMES = ["projector", "light", "dark"]
REQUIRED = {"projector": 7.0, "light": 4.5, "dark": 4.5}
STAGES = ["setup", "strategy", "objectives", "key_results", "ask_why", "review",
          "action_plan", "wrap_up", "retro"]

RTL = "مرحبا بالعالم، هذا نص طويل"
MARKUP = "<b>Bold?</b> &amp; R&D <i>not markup</i>"


class QuietChime:
    def play(self) -> None:
        pass


def hostile_large_workshop():
    """The large session (5 objectives, 15 KRs, 60 actions) with emoji, right-to-left
    text, markup and a 10,000-character task."""
    ws = large_workshop()
    ws.title = ("Quarterly OKRs 🚀 " + RTL + " ") * 20
    ws.client = MARKUP
    ws.objectives[0].text = f"Delight 👩‍💼 customers {RTL} {MARKUP} " * 4
    ws.objectives[1].key_results[0].text = MARKUP
    ws.objectives[2].key_results[1].text = "Raise NPS from 21 to 40 " + "🙂" * 60
    words = " ".join(f"word{i}" for i in range(1200))
    ws.objectives[0].key_results[0].actions.append(
        Action(words[:10_000], ws.participants[0].id))
    ws.objectives[0].key_results.append(KeyResult("x" * 3000))  # one enormous word
    ws.context.vision = RTL * 10
    return ws


def clipped_labels(window) -> list[str]:
    """Visible labels whose text does not fit their box, or whose box leaves the window
    (geometry against the font's metrics)."""
    bad = []
    for label in window.findChildren(QLabel):
        if not label.isVisibleTo(window) or not label.text():
            continue
        corner = label.mapTo(window, label.rect().bottomRight())
        if corner.y() > window.height() or corner.x() > window.width():
            bad.append(f"outside the window: {label.text()[:40]!r}")
        elif label.wordWrap():
            if label.heightForWidth(label.width()) > label.height():
                bad.append(f"wrapped text cut: {label.text()[:40]!r}")
        elif label.pixmap().isNull() and \
                label.fontMetrics().horizontalAdvance(label.text()) > \
                label.contentsRect().width() + 1:
            bad.append(f"line cut: {label.text()[:40]!r}")
    return bad


def dominant_and_ink(image: QImage) -> tuple[str, str]:
    """The background (the most common colour) and the text's solid colour (the one
    most different from it) of a picture."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    counts: Counter[int] = Counter()
    step = max(1, image.width() // 300)
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            counts[image.pixel(x, y) & 0xFFFFFF] += 1
    background = f"#{counts.most_common(1)[0][0]:06x}"
    ink = max((f"#{c:06x}" for c in counts),
              key=lambda c: contrast_ratio(c, background))
    return background, ink


@pytest.fixture
def room(qtbot, make_controller, clock):
    controller = make_controller(hostile_large_workshop())

    def make(theme: str, size: tuple[int, int]) -> AudienceWindow:
        window = AudienceWindow(controller, theme, chime=QuietChime(), motion=False)
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        return window

    make.controller = controller  # type: ignore[attr-defined]
    return make


def views(controller):
    """Each projector view in turn, by name: the title slide, every stage, the
    timer alone, a message full screen and as a banner."""
    controller.show_title_slide()
    yield "title"
    controller.show_stage()
    for key in STAGES:
        controller.go_to_stage(key)
        yield key
    controller.go_to_stage("key_results")
    controller.toggle_timer()
    controller.toggle_timer_view()
    yield "timer"
    controller.toggle_timer_view()
    controller.show_message("Break until 10:40 " + RTL + " 🚀 " + MARKUP, MESSAGE_FULL)
    yield "message"
    controller.set_projected_finding("A very long coach note " * 400)
    controller.show_message("Long message " * 1000, MESSAGE_FULL)
    yield "message"
    controller.set_projected_finding("")
    controller.show_message("Welcome back! " * 30, MESSAGE_BANNER)
    yield "banner"
    controller.clear_message()


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_view_fits_and_reads_from_the_back(room, theme, size):
    window = room(theme, size)
    controller = room.controller
    scale = min(size[0] / 1024, size[1] / 768)
    seen = []
    for view in views(controller):
        seen.append(view)
        assert window.body_font.pixelSize() >= 24 * scale - 1
        pages = len(window.pages) if view in STAGES + ["banner"] else 1
        for page in range(pages):
            if pages > 1:
                window.page_index = page
                window._show_page()
            assert clipped_labels(window) == [], (view, page)
        if view in STAGES:
            shown = sorted(i for p in window.pages for i in p.rows)
            assert shown == list(range(len(window._units))), view  # every row somewhere
        texts = " ".join(window.visible_texts())
        assert "PgDn" not in texts  # no keyboard hints for the room
        assert MARKUP.split()[0] not in texts or view in ("title", "message") or \
            "<b>Bold?</b>" in texts  # markup is shown as text, never interpreted
    assert len(seen) == len(STAGES) + 5


def test_a_ten_thousand_character_task_is_wrapped_not_cut(room):
    window = room("projector", (1024, 768))
    controller = room.controller
    controller.show_stage()
    controller.go_to_stage("action_plan")
    kr = controller.workshop.objectives[0].key_results[0]
    controller.set_focus_item(("kr", kr.id))
    shown = " ".join(w.main.text().replace("\u200b", "") for w, _, _ in window._units)
    assert "word0 " in shown and "word1199" in shown  # first and last word both shown
    assert "…" not in shown
    assert len(window.pages) >= 2


@pytest.mark.parametrize(("size", "most"), [((1024, 768), 10), ((1920, 1080), 6)])
def test_the_large_action_plan_takes_a_handful_of_slides(qtbot, make_controller, size,
                                                         most):
    controller = make_controller(large_workshop())
    window = AudienceWindow(controller, chime=QuietChime(), motion=False)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    controller.show_stage()
    controller.go_to_stage("action_plan")
    # 60 actions under 15 key results: the old projector needed 15 pages at 1024x768.
    assert len(window.pages) <= most
    for page in window.pages:
        rows = [window._units[i][0].row for i in page.rows]
        # A page starts with a key result or says which one it continues, and a key
        # result at the foot of a page has at least two of its tasks under it.
        assert rows[0].style == "heading" or page.continued is not None
        if rows[-1].style == "table" and len(rows) >= 2:
            assert rows[-2].style == "table" or rows[-3].style == "table"
        assert rows[-1].style != "heading"


@pytest.mark.parametrize("theme", THEMES)
def test_timer_only_view_digits_and_bands(room, theme):
    """At 1024x768 the digits are at least a third of the height, the words at least
    24 px, and every text on the normal, warning and overtime bands is readable."""
    window = room(theme, (1024, 768))
    controller = room.controller
    clock = controller.clock
    controller.show_stage()
    controller.go_to_stage("key_results")
    controller.toggle_timer()
    controller.toggle_timer_view()
    timer = controller.run.timer
    for phase, seconds in (("normal", 0), ("warning", timer.duration - 60),
                           ("overtime", 70)):
        clock.advance(seconds)
        controller.tick()
        window.end_flash()
        assert window.timer_page.property("phase") == phase
        picture = window.grab().toImage()
        # The digits, from the pixels: rows with ink inside the clock's area.
        box = window.big_clock.geometry()
        background, ink = dominant_and_ink(picture.copy(box))
        assert contrast_ratio(background, ink) >= REQUIRED[theme], (phase, background, ink)
        crop = picture.copy(box).convertToFormat(QImage.Format.Format_RGB32)
        ink_rows = [y for y in range(crop.height())
                    if any(crop.pixel(x, y) & 0xFFFFFF == int(ink[1:], 16)
                           for x in range(0, crop.width(), 3))]
        assert ink_rows[-1] - ink_rows[0] + 1 >= 768 / 3, (phase, window.big_clock.text)
        for label in window.band_labels:
            assert label.font().pixelSize() >= 24
            if not label.text():
                continue
            area = picture.copy(label.geometry().translated(
                label.parentWidget().mapTo(window, label.parentWidget().rect().topLeft())))
            background, ink = dominant_and_ink(area)
            assert contrast_ratio(background, ink) >= REQUIRED[theme], (phase, label.text())
    assert window.big_clock.text.startswith("+")


@pytest.mark.parametrize("theme", THEMES)
def test_the_slides_clock_band_is_readable_in_every_phase(room, theme):
    window = room(theme, (1024, 768))
    controller = room.controller
    controller.show_stage()
    controller.go_to_stage("review")
    controller.toggle_timer()
    timer = controller.run.timer
    for seconds in (0, timer.duration - 30, 45):
        controller.clock.advance(seconds)
        controller.tick()
        window.end_flash()
        label = window.timer_label
        area = window.grab(label.geometry().translated(
            label.parentWidget().mapTo(window, label.parentWidget().rect().topLeft())))
        background, ink = dominant_and_ink(area.toImage())
        assert contrast_ratio(background, ink) >= REQUIRED[theme], label.text()
    assert window.timer_label.text().startswith("+")


def test_zero_reads_00_00_then_plus_one_second(room):
    window = room("projector", (1024, 768))
    controller = room.controller
    controller.show_stage()
    controller.toggle_timer()
    controller.clock.advance(controller.run.timer.duration + 0.4)
    controller.tick()
    assert window.timer_label.text() == "00:00"
    controller.clock.advance(1)
    controller.tick()
    assert window.timer_label.text() == "+00:01"


def test_screenshot_renders_every_projector_view_by_name(tmp_path):
    """`okr-workshop screenshot` draws each projector view, for the README and for
    looking at a layout without a projector."""
    import os
    import subprocess
    import sys

    db = tmp_path / "w.db"

    def cli(*args: str) -> str:
        done = subprocess.run([sys.executable, "-m", "workshop", *args, "--db", str(db)],
                              capture_output=True, text=True, timeout=120,
                              env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    ident = cli("demo")
    for view in ("title", "timer", "summary", "message", "banner", "audience"):
        out = tmp_path / f"{view}.png"
        extra = ("--stage", "review") if view == "audience" else ()
        cli("screenshot", ident, "--view", view, "--size", "1024x768", *extra,
            "-o", str(out))
        picture = QImage(str(out))
        assert (picture.width(), picture.height()) == (1024, 768), view
    # The timer alone is mostly its band; the title slide mostly the page.
    assert QImage(str(tmp_path / "timer.png")) != QImage(str(tmp_path / "title.png"))
