"""The one error every export raises, so callers show one kind of message."""

from __future__ import annotations


class ExportError(Exception):
    """An export failed; the message is written for the person who asked for it."""
