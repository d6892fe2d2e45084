"""`okr-workshop screenshot`: render a window of a session to a PNG, offscreen, for the
README and for looking at layouts at a given size without a display.

The projector's views have names of their own: "audience" (a stage's slide, --stage),
"title" (the title slide), "timer" (the timer alone), "summary" (the closing summary),
"message" (a message filling the screen) and "banner" (a message over the slide)."""

from __future__ import annotations

import os
from pathlib import Path

from workshop.clock import SystemClock
from workshop.flows.stages import UNTIMED_STAGES
from workshop.model import Workshop

PROJECTOR_VIEWS = ("audience", "title", "timer", "summary", "message", "banner")
SAMPLE_MESSAGE = "Coffee break: back at 10:40"


def render_screenshot(ws: Workshop, out: Path, *, view: str = "facilitator",
                      stage: str | None = None, size: tuple[int, int] = (1920, 1080),
                      theme: str | None = None, db_path: Path | None = None) -> Path:
    """Draw the facilitator, audience or library window of `ws` into `out` (PNG).
    Nothing is saved: the session is shown from memory."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    from workshop.ui.app import create_qt_app
    from workshop.ui.theme import DEFAULT_FONT_PT, apply_theme, load_fonts

    qt_app = create_qt_app()
    family = load_fonts()
    settings = QSettings()
    theme_key = theme or str(settings.value("theme", "light"))
    if view in PROJECTOR_VIEWS and theme is None:
        theme_key = "projector"
    apply_theme(qt_app, theme_key, DEFAULT_FONT_PT, family)
    if stage:
        from workshop.flows.agenda import ensure_stages

        ensure_stages(ws)
        known = [s.key for s in ws.stages] + [s.key for s in UNTIMED_STAGES]
        if stage not in known:
            from workshop.exchange import UserError

            raise UserError(f"unknown stage {stage!r}; one of: {', '.join(known)}")
    window = _make_window(ws, view, stage, theme_key, db_path)
    window.resize(*size)
    window.show()
    for _ in range(5):
        qt_app.processEvents()
    window.resize(*size)
    qt_app.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(out), "PNG"):
        from workshop.exchange import UserError

        raise UserError(f"cannot write {out}")
    window.close()
    return out


def _make_window(ws: Workshop, view: str, stage: str | None, theme_key: str,
                 db_path: Path | None):
    from workshop.ui.session import SessionController

    controller = SessionController(ws, None, SystemClock())
    if view == "library":
        from workshop.store import Store
        from workshop.ui.library import LibraryWindow

        window = LibraryWindow()
        if db_path is not None:  # the library as it is: listing writes nothing
            window.attach_store(Store.open(db_path, read_only=True))
        return window
    from workshop.ui.facilitator import FacilitatorWindow

    if stage is not None:
        controller.go_to_stage(stage)
    facilitator = FacilitatorWindow(controller, tick_timer=False)
    # Shown from memory, as saved: say so the way the live window does.
    facilitator.save_status.setText(f"Saved {ws.updated_at[11:19]}" if ws.updated_at
                                    else "Saved")
    if view in PROJECTOR_VIEWS:
        return _projector(controller, view, stage, theme_key)
    return facilitator


def _projector(controller, view: str, stage: str | None, theme_key: str):
    """The audience window showing the projector view named `view`."""
    from workshop.flows.room import MESSAGE_BANNER, MESSAGE_FULL
    from workshop.ui.audience import AudienceWindow

    if view == "summary":
        controller.go_to_stage(UNTIMED_STAGES[0].key)  # the wrap-up: the closing summary
    if view == "title":
        controller.show_title_slide()
    elif controller.room.view == "title":
        controller.show_stage()  # the other views are what the room sees once it starts
    if view == "timer":
        if not controller.run.timer.running:
            controller.run.timer.toggle()
        controller.toggle_timer_view()
    if view in ("message", "banner"):
        controller.show_message(SAMPLE_MESSAGE,
                                MESSAGE_FULL if view == "message" else MESSAGE_BANNER)
    # Still pictures: no cross-fade caught half-way.
    return AudienceWindow(controller, theme_key=theme_key, motion=False)
