"""The room's state: everything about what the projector shows beyond the session itself.

One value, owned by the session controller, rendered by both windows: the projector
draws the room from it, and the facilitator's window shows the same state on the laptop
(badges, the confidence monitor), so the facilitator always knows what the room sees.
What the facilitator merely looks at on the laptop (a previewed stage) is not part of it.

Qt-free, so it can be tested alone and, later, served to the participants' phones.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

# What fills the projector: the live stage's slide, the title slide before the first
# stage, or the stage timer alone (digits filling the screen).
VIEW_STAGE = "stage"
VIEW_TITLE = "title"
VIEW_TIMER = "timer"
VIEWS = (VIEW_STAGE, VIEW_TITLE, VIEW_TIMER)

# A message to the room is a banner over the slide or fills the screen.
MESSAGE_BANNER = "banner"
MESSAGE_FULL = "full"

Address = tuple[str, str]  # (kind, id): ("kr", "ab12..."), ("objective", "...")


@dataclass(frozen=True)
class ProjectedFinding:
    """One coach finding the facilitator chose to put on screen, with the item it is
    about, so both windows can name it and the same control can take it down."""

    message: str
    subject: str = ""  # the item's text as the room knows it ("Launch v3.0 ...")
    code: str = ""
    # Which item, so the side panel marks the one card shown even when two objectives
    # get the same advice, and even after the item's text is edited.
    subject_id: str = ""


@dataclass(frozen=True)
class RoomState:
    """What the room sees, apart from the session's content and the live stage (which
    the run owns). Immutable: every change makes a new value, so a window can compare
    the state it drew with the state it is given and redraw only what differs."""

    view: str = VIEW_STAGE
    # The wrap-up or the retro when the room is there: stages without a timer, outside
    # the run. "" while the run's current stage is live.
    untimed_stage: str = ""
    black: bool = False
    focus_item: Address | None = None  # the item under discussion, highlighted
    page: int = 0  # the projector's page of the current slide, from 0
    page_count: int = 1
    finding: ProjectedFinding | None = None
    message: str = ""
    message_style: str = MESSAGE_BANNER

    def with_changes(self, **changes: object) -> RoomState:
        return replace(self, **changes)  # type: ignore[arg-type]

    @property
    def badges(self) -> tuple[str, ...]:
        """Plain words for the facilitator's confidence monitor: what is unusual about
        the room right now. Empty when the room simply shows the stage's first page."""
        words: list[str] = []
        if self.black:
            words.append("BLACK")
        if self.view == VIEW_TIMER:
            words.append("TIMER ONLY")
        elif self.view == VIEW_TITLE:
            words.append("TITLE SLIDE")
        if self.message:
            words.append("MESSAGE")
        if self.finding is not None:
            words.append("FINDING ON SCREEN")
        if self.page_count > 1:
            words.append(f"PAGE {self.page + 1}/{self.page_count}")
        return tuple(words)

    def after_stage_change(self) -> RoomState:
        """A new stage starts on its first page, with nothing of the last one on screen;
        a black screen or a message stays until the facilitator takes it down."""
        return replace(self, view=VIEW_STAGE if self.view == VIEW_TITLE else self.view,
                       untimed_stage="", focus_item=None, page=0, page_count=1,
                       finding=None)
