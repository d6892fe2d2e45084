"""The strategy-context page: vision, mission, values and the strategies (1-5 years)
that the objectives will serve."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QWidget,
)

from workshop import edits
from workshop.model import Strategy
from workshop.ui.pages.base import StagePage
from workshop.ui.pages.common import (
    PlainTextField,
    button,
    chain_tab_order,
    hint_label,
    section,
    sync_line_edit,
    text_field,
)
from workshop.ui.session import SessionController
from workshop.ui.widgets.row_list import Row, RowList

NO_STRATEGY_HINT = ("Without a stated strategy, objectives float. Add the one to three "
                    "strategies (1-5 years) this period should move forward.")


def values_from_text(text: str) -> list[str]:
    """One value per line; blank lines and surrounding spaces do not count."""
    return [line.strip() for line in text.splitlines() if line.strip()]


class _StrategyRow(Row):
    """One strategy: its text, its horizon and a remove button."""

    def __init__(self, page: StrategyPage, strategy_id: str, number: int) -> None:
        super().__init__(strategy_id)
        self.setObjectName("strategyRow")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        address = ("strategy", strategy_id)
        self.text_edit = text_field(
            "Strategy, e.g. Win the mid-size segment in the Nordics", f"Strategy {number}",
            "The strategy in one line (Enter: next, or add one)",
            on_edit=lambda text: page.edit_strategy(address, "text", text),
            on_enter=lambda: page.strategy_rows.enter_in(strategy_id, page.add_strategy))
        self.horizon_edit = text_field(
            "Horizon, e.g. 2027-2029", f"Strategy {number} horizon",
            "The years this strategy spans (1 to 5)",
            on_edit=lambda text: page.edit_strategy(address, "horizon", text),
            on_enter=lambda: page.strategy_rows.enter_in(strategy_id, page.add_strategy))
        self.horizon_edit.setMaximumWidth(200)
        self.remove_button = button(
            "Remove", "Remove this strategy; objectives linked to it become unlinked (Tab "
            "here, then Space)", lambda: page.remove_strategy(strategy_id),
            accessible=f"Remove strategy {number}")
        row.addWidget(self.text_edit, 1)
        row.addWidget(self.horizon_edit)
        row.addWidget(self.remove_button)

    def focus_widgets(self) -> list[QWidget]:
        return [self.text_edit, self.horizon_edit, self.remove_button]

    def sync(self, item: object) -> None:
        assert isinstance(item, Strategy)
        sync_line_edit(self.text_edit, item.text)
        sync_line_edit(self.horizon_edit, item.horizon)


class StrategyPage(StagePage):
    """Where the workshop starts: the context every objective should hang from."""

    stage_key = "strategy"
    heading = "Strategy context"

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)

        long_box, long_layout = section("Vision, mission and values", "strategyLongTerm")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.vision_edit = self._text_field("vision", "Vision",
                                            "Where will we be in 5 to 20 years?")
        self.mission_edit = self._text_field("mission", "Mission",
                                             "What are we here to do, and for whom?")
        self.values_edit = PlainTextField(lines=4)
        self.values_edit.setPlaceholderText("One value per line")
        self.values_edit.setAccessibleName("Values, one per line")
        self.values_edit.setToolTip("Values, one per line (Tab: next field)")
        self.values_edit.edited.connect(self._on_values_edited)
        form.addRow("Vision:", self.vision_edit)
        form.addRow("Mission:", self.mission_edit)
        form.addRow("Values:", self.values_edit)
        long_layout.addLayout(form)
        self.body_layout.addWidget(long_box)

        strategies_box, strategies_layout = section("Strategies (1 to 5 years)",
                                                    "strategyList")
        self.no_strategy_hint = hint_label("badgeWarn")
        self.no_strategy_hint.setProperty("warn", True)
        self.no_strategy_hint.setText(NO_STRATEGY_HINT)
        strategies_layout.addWidget(self.no_strategy_hint)
        self.strategy_rows = RowList(
            lambda key, number: _StrategyRow(self, key, number),
            lambda key: self.controller.get(("strategy", key)),
            scroll_area=self.scroll_area)
        strategies_layout.addWidget(self.strategy_rows)
        self.add_button = button("&Add strategy", "Add a strategy (Alt+A, or Enter in the "
                                 "last strategy)", self.add_strategy)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        strategies_layout.addLayout(add_row)
        self.body_layout.addWidget(strategies_box)
        self.body_layout.addStretch(1)
        self.refresh()

    def _text_field(self, field_name: str, label: str, placeholder: str) -> PlainTextField:
        edit = PlainTextField(lines=2)
        edit.setPlaceholderText(placeholder)
        edit.setAccessibleName(label)
        edit.setToolTip(f"{label} (Tab: next field)")
        edit.edited.connect(
            lambda text: self.controller.set_field(("context", ""), field_name, text))
        return edit

    # -- edits --------------------------------------------------------------------------
    def _on_values_edited(self, text: str) -> None:
        values = values_from_text(text)
        self.controller.set_field(("context", ""), "values", values, "Edit values")

    def add_strategy(self) -> str:
        """Add an empty strategy and put the cursor in it; returns its id."""
        strategy_id = self.controller.edit(edits.add_strategy)
        self.refresh()
        self.strategy_rows.focus_row(strategy_id)
        return strategy_id

    def remove_strategy(self, strategy_id: str) -> None:
        """Remove a strategy; objectives that served it become "not linked"."""
        self.strategy_rows.will_remove(strategy_id)
        self.controller.edit(edits.remove_strategy, strategy_id)
        self.refresh()
        if not self.strategy_rows.keys:
            self.add_button.setFocus()

    def edit_strategy(self, address: tuple[str, str], field_name: str, text: str) -> None:
        self.controller.set_field(address, field_name, text)
        self._show_hint()

    # -- redraw -------------------------------------------------------------------------
    def refresh(self) -> None:
        ws = self.controller.workshop
        self.vision_edit.sync(ws.context.vision)
        self.mission_edit.sync(ws.context.mission)
        # Compare what the lines mean, not the raw text, so a line being typed (or a
        # trailing newline) is not wiped by the redraw that follows each edit.
        if values_from_text(self.values_edit.toPlainText()) != ws.context.values:
            self.values_edit.sync("\n".join(ws.context.values))
        if self.strategy_rows.update_items([s.id for s in ws.context.strategies]):
            chain_tab_order([self.vision_edit, self.mission_edit, self.values_edit,
                             *self.strategy_rows.focus_chain(), self.add_button])
        self._show_hint()

    def _show_hint(self) -> None:
        self.no_strategy_hint.setVisible(
            not any(s.text.strip() for s in self.controller.workshop.context.strategies))

    # -- the window's hooks -------------------------------------------------------------
    def focus_first(self) -> None:
        self.vision_edit.setFocus()

