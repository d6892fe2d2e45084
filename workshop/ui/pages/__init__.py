"""The stage pages: one StagePage subclass per stage, in a module of this package, named
by its `stage_key`. Adding a stage is one entry in flows/stages.py and one page module
here; nothing lists the pages by hand."""

from __future__ import annotations

import importlib
import pkgutil

from workshop.ui.pages.base import StagePage

_NOT_PAGES = ("base", "common")  # the modules the pages are built from


def _load() -> dict[str, type[StagePage]]:
    for module in pkgutil.iter_modules(__path__):
        if module.name not in _NOT_PAGES:
            importlib.import_module(f"{__name__}.{module.name}")
    classes: dict[str, type[StagePage]] = {}
    for cls in StagePage.__subclasses__():
        if cls.stage_key in classes:
            raise RuntimeError(f"two pages for the stage {cls.stage_key!r}")
        classes[cls.stage_key] = cls
    return classes


PAGE_CLASSES: dict[str, type[StagePage]] = _load()
"""The page class of each stage key."""
