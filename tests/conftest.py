"""Test configuration shared by every test: Qt runs offscreen, before any QApplication."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep each test's data away from the user's real data directory.
os.environ.pop("OKR_WORKSHOP_DB", None)
