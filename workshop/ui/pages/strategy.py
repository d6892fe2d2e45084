"""The strategy-context page: vision, mission, values and the strategies (1-5 years)
that the objectives will serve."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QWidget,
)

from workshop import edits
from workshop.ui.pages.base import StagePage
from workshop.ui.pages.common import (
    Field,
    FieldsRow,
    PlainTextField,
    button,
    chain_tab_order,
    hint_label,
    section,
    warn,
)
from workshop.ui.session import SessionController
from workshop.ui.widgets.row_list import RowList

NO_STRATEGY_HINT = ("Without a stated strategy, objectives float. Add the one to three "
                    "strategies (1-5 years) this period should move forward.")


def values_from_text(text: str) -> list[str]:
    """One value per line; blank lines and surrounding spaces do not count."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def _strategy_row(page: StrategyPage, strategy_id: str, number: int) -> FieldsRow:
    """One strategy: its text, its horizon and a remove button."""
    row = FieldsRow(
        page.controller, "strategy", strategy_id,
        (Field("text", "Strategy, e.g. Win the mid-size segment in the Nordics",
               f"Strategy {number}", "The strategy in one line (Enter: next, or add one)"),
         Field("horizon", "Horizon, e.g. 2027-2029", f"Strategy {number} horizon",
               "The years this strategy spans (1 to 5)", stretch=0, max_width=200)),
        Field("", "Remove", f"Remove strategy {number}",
              "Remove this strategy; objectives linked to it become unlinked (Tab here, "
              "then Space)"),
        on_enter=lambda: page.strategy_rows.enter_in(strategy_id, page.add_strategy),
        on_remove=lambda: page.remove_strategy(strategy_id))
    row.setObjectName("strategyRow")
    return row


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
        self.no_strategy_hint = hint_label()
        warn(self.no_strategy_hint)
        self.no_strategy_hint.setText(NO_STRATEGY_HINT)
        strategies_layout.addWidget(self.no_strategy_hint)
        self.strategy_rows = RowList(
            lambda key, number: _strategy_row(self, key, number),
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
        return self.add_row(self.strategy_rows, edits.add_strategy)

    def remove_strategy(self, strategy_id: str) -> None:
        """Remove a strategy; objectives that served it become "not linked"."""
        self.remove_row(self.strategy_rows, edits.remove_strategy, strategy_id,
                        self.add_button)

    # -- redraw -------------------------------------------------------------------------
    def refresh(self, kind: str = "", ident: str = "") -> None:
        ws = self.controller.workshop
        self.vision_edit.sync(ws.context.vision)
        self.mission_edit.sync(ws.context.mission)
        # Compare what the lines mean, not the raw text, so a line being typed (or a
        # trailing newline) is not wiped by the redraw that follows each edit.
        if values_from_text(self.values_edit.toPlainText()) != ws.context.values:
            self.values_edit.sync("\n".join(ws.context.values))
        if self.strategy_rows.update_items([s.id for s in ws.context.strategies],
                                           ident if kind == "strategy" else ""):
            chain_tab_order([self.vision_edit, self.mission_edit, self.values_edit,
                             *self.strategy_rows.focus_chain(), self.add_button])
        self._show_hint()

    def _show_hint(self) -> None:
        self.no_strategy_hint.setVisible(
            not any(s.text.strip() for s in self.controller.workshop.context.strategies))

    # -- the window's hooks -------------------------------------------------------------
    def focus_first(self) -> None:
        self.vision_edit.setFocus()

