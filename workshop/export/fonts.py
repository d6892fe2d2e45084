"""Find and register the TTF fonts shipped with the app, so every handout embeds them.

reportlab's built-in fonts cover Latin-1 only; DejaVu Sans covers Latin, Greek and
Cyrillic, so a participant called Σοφία or Юлия gets her name printed. Symbola draws the
emoji and symbols DejaVu has no glyph for (see glyphs.py). The fonts live in
the repository's top-level assets/fonts and, in an installed wheel, in
workshop/assets/fonts: the package copy is looked at first.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workshop.export.errors import ExportError

_FACE_FILES = {
    "regular": "DejaVuSans.ttf",
    "bold": "DejaVuSans-Bold.ttf",
    "italic": "DejaVuSans-Oblique.ttf",
    "bold_italic": "DejaVuSans-BoldOblique.ttf",
    "symbols": "Symbola.ttf",
}
LICENCE_FILES = ("LICENSE-DejaVu.txt", "LICENSE-Symbola.txt")


@dataclass(frozen=True)
class FontNames:
    """The names reportlab knows the registered faces by."""

    regular: str = "OKRSans"
    bold: str = "OKRSans-Bold"
    italic: str = "OKRSans-Oblique"
    bold_italic: str = "OKRSans-BoldOblique"
    symbols: str = "OKRSymbols"


FONT_NAMES = FontNames()
_registered = False


def font_dirs() -> list[Path]:
    """Where fonts may live, best first: inside the package (wheel), then the repo root."""
    package_dir = Path(__file__).resolve().parent.parent
    return [package_dir / "assets" / "fonts", package_dir.parent / "assets" / "fonts"]


def fonts_dir() -> Path:
    """The first folder that holds every face; ExportError when none does."""
    for folder in font_dirs():
        if all((folder / name).is_file() for name in _FACE_FILES.values()):
            return folder
    looked = ", ".join(str(d) for d in font_dirs())
    raise ExportError(f"The handout fonts are missing (looked in {looked}). "
                      "Reinstall OKR Workshop.")


def licence_files() -> list[Path]:
    """The licence texts that travel with the embedded fonts."""
    folder = fonts_dir()
    return [folder / name for name in LICENCE_FILES if (folder / name).is_file()]


def register_fonts() -> FontNames:
    """Register the four DejaVu faces and the symbols face with reportlab once per process
    and return their names; `<b>` and `<i>` in paragraph markup then find the right
    face."""
    global _registered
    if _registered:
        return FONT_NAMES
    # reportlab is imported here, not at module level: importing workshop.export must
    # stay cheap for the GUI and the CLI's other commands.
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    folder = fonts_dir()
    names = FONT_NAMES
    try:
        for key, file_name in _FACE_FILES.items():
            pdfmetrics.registerFont(TTFont(getattr(names, key), str(folder / file_name)))
    except (TTFError, OSError) as exc:
        raise ExportError(f"A handout font could not be read ({exc}).") from exc
    pdfmetrics.registerFontFamily(names.regular, normal=names.regular, bold=names.bold,
                                  italic=names.italic, boldItalic=names.bold_italic)
    # One face for all four: an emoji inside <b> or <i> is drawn the same.
    pdfmetrics.registerFontFamily(names.symbols, normal=names.symbols, bold=names.symbols,
                                  italic=names.symbols, boldItalic=names.symbols)
    _registered = True
    return names
