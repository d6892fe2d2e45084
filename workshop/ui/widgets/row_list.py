"""The list of editable rows every page is made of: one row widget per item of the model
(a strategy, a candidate objective, a key result, a task, a checklist question).

It rebuilds its rows only when the items themselves change (one added, removed or moved);
otherwise it only shows the model's values in the rows it has (all of them, or the one
row whose item changed), so a redraw never disturbs what the facilitator is typing. It
keeps the keyboard focus across a rebuild, moves it to a neighbour when the focused row
goes, knows which row holds the focus (for PageDown stepping and for telling the room
which item is under discussion), and can build its rows only when they scroll into view,
so a list of hundreds of rows costs on first sight only what is visible.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFrame, QScrollArea, QVBoxLayout, QWidget


class Row(QFrame):
    """One item's row (a frame, so the theme can draw it as a card). Subclasses build
    their fields, list them in `focus_widgets()` (the first is where the cursor goes) and
    show the model's values in `sync(item)`."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key

    def focus_widgets(self) -> list[QWidget]:
        return []

    def sync(self, item: object) -> None:
        """Show `item` as the model has it; never touch a field that already shows it."""


class RowList(QWidget):
    """Rows for the items `keys`, built by `build(key, number)` (number counts from 1) and
    filled by `row.sync(item_of(key))`.

    `on_focus(key)` is called when a row receives the keyboard focus. With `lazy`, a row is
    built only once it scrolls into view inside `scroll_area` (a placeholder of the row's
    height stands in until then)."""

    def __init__(self, build: Callable[[str, int], Row], item_of: Callable[[str], object],
                 on_focus: Callable[[str], None] | None = None, *, spacing: int = 4,
                 scroll_area: QScrollArea | None = None, lazy: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self._item_of = item_of
        self._on_focus = on_focus
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(spacing)
        self._keys: list[str] = []
        self._slots: dict[str, QWidget] = {}  # a key's row, or its placeholder while lazy
        self.rows: dict[str, Row] = {}  # the rows built so far
        self._current = ""
        self._focus_after = ""
        self._lazy = lazy and scroll_area is not None
        self._scroll_area = scroll_area
        self._row_height = 0
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._on_focus_changed)
        if self._lazy and scroll_area is not None:
            scroll_area.verticalScrollBar().valueChanged.connect(self.build_visible)
            # After a layout pass the placeholders have their places: build what shows.
            self._visible_check = QTimer(self)
            self._visible_check.setSingleShot(True)
            self._visible_check.setInterval(0)
            self._visible_check.timeout.connect(self.build_visible)

    # -- reading ----------------------------------------------------------------------------
    @property
    def keys(self) -> list[str]:
        return list(self._keys)

    def row(self, key: str) -> Row:
        """The row of `key`, built now if it was still waiting to scroll into view."""
        if key not in self.rows:
            self._realise(key)
        return self.rows[key]

    def in_order(self) -> list[Row]:
        """Every row, in reading order (built now where still waiting)."""
        return [self.row(key) for key in self._keys]

    def current_key(self) -> str:
        """The row holding the keyboard focus, else the one that held it last."""
        key = self._key_holding(QApplication.focusWidget())
        if key:
            return key
        return self._current if self._current in self._keys else ""

    def _key_holding(self, widget: QWidget | None) -> str:
        if widget is not None and self.isAncestorOf(widget):
            for key, row in self.rows.items():
                if row.isAncestorOf(widget):
                    return key
        return ""

    # -- showing the model ------------------------------------------------------------------
    def update_items(self, keys: Sequence[str], changed: str = "") -> bool:
        """Show the items `keys` in this order; True when the rows were rebuilt.

        `changed` names the one item whose values changed ("" when any may have)."""
        keys = list(keys)
        if keys != self._keys:
            self._rebuild(keys)
            return True
        if changed:
            if changed in self.rows:
                self.rows[changed].sync(self._item_of(changed))
            return False
        for key, row in self.rows.items():
            row.sync(self._item_of(key))
        return False

    def enter_in(self, key: str, add: Callable[[], object]) -> None:
        """Enter in a row: on to the next row, or `add()` one after the last."""
        if key in self._keys and key != self._keys[-1]:
            self.focus_row(self._keys[self._keys.index(key) + 1])
        elif key in self._keys:
            add()

    def will_remove(self, key: str) -> None:
        """`key` is about to go: after the rebuild, its neighbour takes the focus (the row
        that moves up into its place, else the one before it)."""
        if key in self._keys:
            index = self._keys.index(key)
            rest = self._keys[index + 1:] + self._keys[:index][::-1]
            self._focus_after = rest[0] if rest else ""

    def _rebuild(self, keys: list[str]) -> None:
        focus = QApplication.focusWidget()
        focused_key, focused_index = self._key_holding(focus), 0
        if focused_key:
            widgets = self.rows[focused_key].focus_widgets()
            focused_index = widgets.index(focus) if focus in widgets else 0
        if focused_key and focused_key not in keys and not self._focus_after:
            self.will_remove(focused_key)
        old = self._slots
        self._keys, self._slots, self.rows = keys, {}, {}
        while self._layout.count():
            self._layout.takeAt(0)
        for widget in old.values():
            # Later, not now: a click handler that caused the rebuild may still run; and the
            # widget keeps its Qt parent until then, so Python's collector cannot strike
            # while Qt walks the widget tree.
            widget.hide()
            widget.deleteLater()
        for number, key in enumerate(keys, start=1):
            if self._lazy and self._row_height:
                slot = QWidget()
                slot.setFixedHeight(self._row_height)
                slot.setProperty("row_number", number)
            else:
                slot = self._make(key, number)
            self._slots[key] = slot
            self._layout.addWidget(slot)
            slot.show()  # now, so it can take the focus at once
        self._chain_tab_order()
        target = focused_key if focused_key in keys else self._focus_after
        self._focus_after = ""
        if target in keys:
            self.focus_row(target, focused_index if target == focused_key else 0)
        if self._lazy:
            self._visible_check.start()

    def _make(self, key: str, number: int) -> Row:
        row = self._build(key, number)
        if row.parent() is None:
            row.setParent(self)  # built in place: not moved into the window later
        row.sync(self._item_of(key))
        self.rows[key] = row
        if self._lazy and not self._row_height:
            self._row_height = max(1, row.sizeHint().height())
        return row

    def _realise(self, key: str) -> None:
        """Put the real row in place of `key`'s placeholder."""
        placeholder = self._slots[key]
        number = int(placeholder.property("row_number") or self._keys.index(key) + 1)
        row = self._make(key, number)
        self._layout.replaceWidget(placeholder, row)
        placeholder.hide()
        placeholder.deleteLater()
        self._slots[key] = row
        row.show()
        self._chain_tab_order()

    def build_visible(self) -> None:
        """Build the rows that are (about to be) inside the scroll area's viewport."""
        if not self._lazy or self._scroll_area is None or not self.isVisible():
            return
        viewport = self._scroll_area.viewport()
        seen = QRect(0, -viewport.height() // 2, viewport.width(), viewport.height() * 2)
        for key in self._keys:
            if key in self.rows:
                continue
            slot = self._slots[key]
            top_left = slot.mapTo(viewport, slot.rect().topLeft())
            if seen.intersects(QRect(top_left, slot.size())):
                self._realise(key)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._lazy:
            self._visible_check.start()

    def focus_chain(self) -> list[QWidget]:
        """The rows' fields in reading order (of the rows built so far)."""
        return [w for key in self._keys if key in self.rows
                for w in self.rows[key].focus_widgets()]

    def _chain_tab_order(self) -> None:
        # Rows built or rebuilt later join the end of Qt's tab chain: put them back in
        # reading order.
        widgets = self.focus_chain()
        for first, second in zip(widgets, widgets[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # -- the focus --------------------------------------------------------------------------
    def focus_row(self, key: str, widget_index: int = 0) -> Row | None:
        """Put the cursor in `key`'s row (its first field, or another by index)."""
        if key not in self._keys:
            return None
        row = self.row(key)
        widgets = row.focus_widgets()
        if widgets:
            widgets[min(widget_index, len(widgets) - 1)].setFocus(
                Qt.FocusReason.OtherFocusReason)
        self._focused(key)
        if self._scroll_area is not None:
            self._scroll_area.ensureWidgetVisible(row)
        return row

    def _focused(self, key: str) -> None:
        if key != self._current:
            self._current = key
        if self._on_focus is not None:
            self._on_focus(key)

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        # One call per change of focus in the app, instead of a filter on every field of
        # every row that saw each of their events (paints, moves, keys) pass through Python.
        key = self._key_holding(new)
        if key:
            self._focused(key)
