"""The strategy-context page: vision, mission, values and the strategies (1-5 years)
that the objectives will serve."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop import edits
from workshop.model import Workshop
from workshop.ui.pages.base import StagePage
from workshop.ui.pages.common import (
    PlainTextField,
    chain_tab_order,
    hint_label,
    section,
    sync_line_edit,
)
from workshop.ui.session import SessionController

NO_STRATEGY_HINT = ("Without a stated strategy, objectives float. Add the one to three "
                    "strategies (1-5 years) this period should move forward.")


def values_from_text(text: str) -> list[str]:
    """One value per line; blank lines and surrounding spaces do not count."""
    return [line.strip() for line in text.splitlines() if line.strip()]


class _StrategyRow(QWidget):
    """One strategy: its text, its horizon and a remove button."""

    def __init__(self, strategy_id: str, number: int) -> None:
        super().__init__()
        self.strategy_id = strategy_id
        self.setObjectName("strategyRow")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.text_edit = QLineEdit()
        self.text_edit.setPlaceholderText("Strategy, e.g. Win the mid-size segment in the "
                                          "Nordics")
        self.text_edit.setAccessibleName(f"Strategy {number}")
        self.text_edit.setToolTip("The strategy in one line (Enter: next, or add one)")
        self.horizon_edit = QLineEdit()
        self.horizon_edit.setPlaceholderText("Horizon, e.g. 2027-2029")
        self.horizon_edit.setAccessibleName(f"Strategy {number} horizon")
        self.horizon_edit.setToolTip("The years this strategy spans (1 to 5)")
        self.horizon_edit.setMaximumWidth(200)
        self.remove_button = QPushButton("Remove")
        self.remove_button.setAccessibleName(f"Remove strategy {number}")
        self.remove_button.setToolTip("Remove this strategy; objectives linked to it "
                                      "become unlinked (Tab here, then Space)")
        row.addWidget(self.text_edit, 1)
        row.addWidget(self.horizon_edit)
        row.addWidget(self.remove_button)


class StrategyPage(StagePage):
    """Where the workshop starts: the context every objective should hang from."""

    stage_key = "strategy"
    heading = "Strategy context"

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self._rows: list[_StrategyRow] = []

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
        self.rows_layout = QVBoxLayout()
        self.rows_layout.setSpacing(4)
        strategies_layout.addLayout(self.rows_layout)
        self.add_button = QPushButton("&Add strategy")
        self.add_button.setAccessibleName("Add strategy")
        self.add_button.setToolTip("Add a strategy (Alt+A, or Enter in the last strategy)")
        self.add_button.clicked.connect(self.add_strategy)
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
        for row in self._rows:
            if row.strategy_id == strategy_id:
                row.text_edit.setFocus()
                self.scroll_area.ensureWidgetVisible(row)
        return strategy_id

    def remove_strategy(self, strategy_id: str) -> None:
        """Remove a strategy; objectives that served it become "not linked"."""
        index = next((i for i, r in enumerate(self._rows) if r.strategy_id == strategy_id), 0)
        self.controller.edit(edits.remove_strategy, strategy_id)
        self.refresh()
        if self._rows:
            self._rows[min(index, len(self._rows) - 1)].text_edit.setFocus()
        else:
            self.add_button.setFocus()

    def _on_return(self, strategy_id: str) -> None:
        ids = [r.strategy_id for r in self._rows]
        position = ids.index(strategy_id) if strategy_id in ids else -1
        if position == len(ids) - 1:
            self.add_strategy()
        elif position >= 0:
            self._rows[position + 1].text_edit.setFocus()

    # -- redraw -------------------------------------------------------------------------
    def refresh(self) -> None:
        ws = self.controller.workshop
        self.vision_edit.sync(ws.context.vision)
        self.mission_edit.sync(ws.context.mission)
        # Compare what the lines mean, not the raw text, so a line being typed (or a
        # trailing newline) is not wiped by the redraw that follows each edit.
        if values_from_text(self.values_edit.toPlainText()) != ws.context.values:
            self.values_edit.sync("\n".join(ws.context.values))
        ids = [s.id for s in ws.context.strategies]
        if ids != [r.strategy_id for r in self._rows]:
            self._rebuild_rows(ws)
        for row, strategy in zip(self._rows, ws.context.strategies, strict=False):
            sync_line_edit(row.text_edit, strategy.text)
            sync_line_edit(row.horizon_edit, strategy.horizon)
        self.no_strategy_hint.setVisible(
            not any(s.text.strip() for s in ws.context.strategies))

    def _rebuild_rows(self, ws: Workshop) -> None:
        for row in self._rows:
            self.rows_layout.removeWidget(row)
            row.hide()
            row.deleteLater()
        self._rows = []
        for number, strategy in enumerate(ws.context.strategies, start=1):
            row = _StrategyRow(strategy.id, number)
            address = ("strategy", strategy.id)
            row.text_edit.textEdited.connect(
                lambda text, a=address: self._edit_strategy(a, "text", text))
            row.horizon_edit.textEdited.connect(
                lambda text, a=address: self._edit_strategy(a, "horizon", text))
            row.text_edit.returnPressed.connect(lambda sid=strategy.id: self._on_return(sid))
            row.horizon_edit.returnPressed.connect(
                lambda sid=strategy.id: self._on_return(sid))
            row.remove_button.clicked.connect(
                lambda _checked=False, sid=strategy.id: self.remove_strategy(sid))
            self.rows_layout.addWidget(row)
            # Shown now, not on the next event loop turn, so it can take the focus at once.
            row.show()
            self._rows.append(row)
        order: list[QWidget] = [self.vision_edit, self.mission_edit, self.values_edit]
        for row in self._rows:
            order += [row.text_edit, row.horizon_edit, row.remove_button]
        order.append(self.add_button)
        chain_tab_order(order)

    def _edit_strategy(self, address: tuple[str, str], field_name: str, text: str) -> None:
        self.controller.set_field(address, field_name, text)
        self.no_strategy_hint.setVisible(
            not any(s.text.strip() for s in self.controller.workshop.context.strategies))

    # -- the window's hooks -------------------------------------------------------------
    def focus_first(self) -> None:
        self.vision_edit.setFocus()

