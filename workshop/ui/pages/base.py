"""What every stage page has in common."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from workshop.ui.session import SessionController
from workshop.ui.widgets.row_list import RowList


class StagePage(QWidget):
    """One page of the facilitator window's centre.

    A page reads the model through `self.controller.workshop` (or `.get(address)`) and
    changes it only through the controller (`set_field` for typing, `edit` with a named
    operation of workshop.edits for everything else). It redraws in
    `refresh(kind, ident)`, which the window calls when the page is shown and whenever the
    controller emits `changed(kind, ident)`: when those name one entity, only its row is
    redrawn; without them (or for "workshop"), everything is. `refresh()` must not disturb
    what the facilitator is typing: only set a field's text when it differs from the model.
    """

    stage_key = ""
    heading = ""

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._stepped_to: object | None = None  # the item PageDown reached last
        self.setObjectName(f"page_{self.stage_key or 'page'}")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.title_label = QLabel(self.heading.upper())
        self.title_label.setObjectName("pageHeading")
        self.title_label.setAccessibleName(f"{self.heading} page")
        outer.addWidget(self.title_label)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # As needed, not off: on a narrow window a wide row scrolls instead of being cut.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.body = QWidget()
        self.body.setObjectName("pageBody")
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(4, 8, 12, 8)
        self.body_layout.setSpacing(10)
        scroll.setWidget(self.body)
        outer.addWidget(scroll, 1)
        self.scroll_area = scroll

    def refresh(self, kind: str = "", ident: str = "") -> None:
        """Redraw from the model; `kind` and `ident` name what changed, when known."""

    def findings(self) -> list:
        """The coach findings that matter on this page (shown in the side panel): the
        controller's, by the stage's own exit checks. The coach runs once per change, in
        the controller; a page never runs it itself."""
        return self.controller.stage_findings(self.stage_key)

    # -- stepping through the page's items with PageDown / PageUp --------------------------
    # A page whose items sit in one RowList names it `item_rows`, and the kind of entity
    # its keys are ids of in `item_kind` ("objective", "kr"): stepping, and telling the
    # room which item is under discussion, then come for free. A page with another shape
    # (items spread over several lists, a queue) overrides the three methods below.
    item_rows: RowList | None = None
    item_kind = ""

    def item_keys(self) -> list:
        return self.item_rows.keys if self.item_rows is not None else []

    def current_item(self) -> object | None:
        return self.item_rows.current_key() if self.item_rows is not None else None

    def go_to_item(self, key: object) -> None:
        """Put the focus on the item `key` (and tell the projector, where it shows it)."""
        if self.item_rows is not None:
            self.item_rows.focus_row(str(key))
            self.item_focused(str(key))  # whichever widget of the row took the focus

    # -- adding and removing a row ---------------------------------------------------------
    def add_row(self, rows: RowList, operation: Callable[..., str], *args: object) -> str:
        """Apply the named edit that adds an item, and put the cursor in its new row;
        returns the new item's id ("" when nothing was added)."""
        key = self.controller.edit(operation, *args)
        self.refresh()
        if key:
            rows.focus_row(key)
        return key

    def remove_row(self, rows: RowList, operation: Callable[..., object], key: str,
                   when_empty: QWidget) -> None:
        """Apply the named edit that removes the item `key`; the cursor goes to the row
        that took its place (or the one before), or to `when_empty` when none is left."""
        rows.will_remove(key)
        self.controller.edit(operation, key)
        self.refresh()
        if not rows.keys:
            when_empty.setFocus()

    def item_focused(self, key: str) -> None:
        """A row of the page took the keyboard focus: the room highlights its item."""
        if self.item_kind and key:
            self.controller.set_focus_item((self.item_kind, key))

    def _step(self, delta: int) -> bool:
        keys = self.item_keys()
        if not keys:
            return False
        # The item whose row the facilitator is in, else the one PageDown reached last:
        # after a PageDown the keyboard is on the page, not in a row.
        current = self.current_item()
        if current not in keys:
            current = self._stepped_to
        if current in keys:
            index = keys.index(current) + delta
        else:
            index = 0 if delta > 0 else len(keys) - 1
        if not 0 <= index < len(keys):
            return False
        self._stepped_to = keys[index]
        self.go_to_item(keys[index])
        return True

    @property
    def discussed_item(self) -> object | None:
        """The item PageDown reached last (the one under discussion), if still there."""
        return self._stepped_to if self._stepped_to in self.item_keys() else None

    def next_item(self) -> bool:
        """PageDown inside the stage (e.g. the next KR to rewrite). False when there is
        no next item, so the window moves on to the next stage."""
        return self._step(1)

    def previous_item(self) -> bool:
        return self._step(-1)

    def focus_first(self) -> None:
        """Put the keyboard focus on the page's first field (after a stage change)."""
        self.focusNextChild()
