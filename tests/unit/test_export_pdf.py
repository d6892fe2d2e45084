"""The PDF handout as a participant gets it: read back with pypdf, compared with a
golden file, rendered to a picture."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle

from workshop.demo import demo_workshop
from workshop.export import ExportError, export_file, export_per_participant
from workshop.export.content import format_date
from workshop.export.pdf import build_participant_pdf, build_pdf
from workshop.model import Action, KeyResult, Objective, Participant

GOLDEN = Path(__file__).resolve().parent.parent / "data" / "golden" / "demo.pdf"


def pdf_bytes(ws, **options) -> bytes:
    buffer = io.BytesIO()
    build_pdf(ws, buffer, **options)
    return buffer.getvalue()


def page_texts(data: bytes) -> list[str]:
    """Each page's text with runs of whitespace folded, so wrapped lines still match."""
    reader = PdfReader(io.BytesIO(data))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def squash(text: str) -> str:
    return " ".join(text.split())


def test_demo_handout_holds_every_objective_kr_why_answer_action_owner_and_deadline():
    ws = demo_workshop()
    text = " ".join(page_texts(pdf_bytes(ws)))
    expected = []
    for objective in ws.selected_objectives():
        expected += [objective.text, objective.why_it_matters]
        for kr in objective.key_results:
            expected.append(kr.text)
            for step in kr.why_steps:
                expected += [step.question, step.answer]
            for action in kr.actions:
                expected += [action.text, ws.participant_name(action.owner_id),
                             format_date(action.deadline)]
    missing = [item for item in expected if squash(item) not in text]
    assert missing == []
    # The rewritten outputs are shown where the ladder started.
    assert "Launch v3.0 of our platform" in text
    assert "We will accelerate enterprise AI adoption, as measured by:" in text


def test_handout_leaves_out_unselected_objectives_private_notes_and_ids():
    ws = demo_workshop()
    ws.notes = "Ahmed is wavering; push Maria on budget"
    text = " ".join(page_texts(pdf_bytes(ws)))
    assert "Continue improving product quality" not in text
    assert "wavering" not in text
    assert ws.id not in text and ws.objectives[0].id not in text


def test_handout_has_page_numbers_running_header_and_metadata():
    ws = demo_workshop()
    data = pdf_bytes(ws)
    reader = PdfReader(io.BytesIO(data))
    pages = page_texts(data)
    assert len(pages) >= 8
    for number, text in enumerate(pages[1:], 2):
        assert f"Page {number}" in text
        assert "Nordlys AI" in text
    meta = reader.metadata
    assert meta.title == ws.title
    assert meta.author == "Kari Nilsen"
    assert "Nordlys AI" in meta.subject


def test_group_handout_has_a_commitments_page_per_participant():
    ws = demo_workshop()
    pages = page_texts(pdf_bytes(ws))
    commitment_pages = [p for p in pages if "YOUR COMMITMENTS" in p]
    assert len(commitment_pages) == len(ws.participants)
    lars_page = next(p for p in commitment_pages if "Lars Berg" in p.split("YOUR COMMITMENTS")[1][:40])
    for _, _, action in ws.all_actions():
        if ws.participant_name(action.owner_id) == "Lars Berg":
            assert squash(action.text) in lars_page
    assert "Host 5 webinars" not in lars_page  # Sofia's, not Lars's
    without = page_texts(pdf_bytes(ws, per_participant=False))
    assert not any("YOUR COMMITMENTS" in p for p in without)


def test_per_participant_files_are_named_after_people_and_hold_only_their_actions(tmp_path):
    ws = demo_workshop()
    ws.participants.append(Participant("Σοφία Παπαδοπούλου / Юлия", "Guest"))
    written = export_per_participant(ws, tmp_path / "people")
    assert [p.name for p in written] == ["maria-jensen.pdf", "ahmed-khan.pdf", "sofia-rossi.pdf",
                                         "lars-berg.pdf", "yuki-tanaka.pdf",
                                         "σοφία-παπαδοπούλου-юлия.pdf"]
    yuki = " ".join(page_texts(written[4].read_bytes()))
    assert "Yuki Tanaka" in yuki and "Launch v3.0 of our platform" in yuki
    assert format_date(date(2027, 2, 26)) in yuki
    assert "Interview 8 enterprise prospects" not in yuki
    guest = " ".join(page_texts(written[5].read_bytes()))
    assert "Σοφία Παπαδοπούλου / Юлия" in guest  # Greek and Cyrillic print, not boxes
    assert "No action carries your name yet" in guest


def test_fonts_are_found_in_the_package_first_then_the_repository_with_their_licence():
    from workshop.export import fonts

    package_dir = Path(fonts.__file__).resolve().parent.parent
    assert fonts.font_dirs() == [package_dir / "assets" / "fonts",
                                 package_dir.parent / "assets" / "fonts"]
    assert fonts.fonts_dir() in fonts.font_dirs()
    assert [p.name for p in fonts.licence_files()] == ["LICENSE-DejaVu.txt", "LICENSE-Symbola.txt"]


def test_missing_fonts_are_a_clear_export_error(monkeypatch, tmp_path):
    from workshop.export import fonts

    monkeypatch.setattr(fonts, "font_dirs", lambda: [tmp_path / "nowhere"])
    with pytest.raises(ExportError, match="fonts are missing"):
        fonts.fonts_dir()


def test_fonts_are_embedded_so_any_reader_shows_the_same_letters():
    reader = PdfReader(io.BytesIO(pdf_bytes(demo_workshop())))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    descriptors = [f.get_object()["/FontDescriptor"].get_object()
                   for f in fonts.values() if "/FontDescriptor" in f.get_object()]
    assert descriptors and all("/FontFile2" in d for d in descriptors)


def test_long_action_tables_split_across_pages_with_the_header_repeated():
    ws = demo_workshop()
    kr = ws.objectives[0].key_results[0]
    kr.actions = [Action(f"Step {i:03d} towards the goal", ws.participants[i % 5].id,
                         date(2027, 1, 4) + timedelta(days=i % 80)) for i in range(120)]
    pages = page_texts(pdf_bytes(ws, per_participant=False))
    plan_pages = [p for p in pages if re.search(r"Step \d{3}", p) and "Task Owner Deadline" in p]
    assert len(plan_pages) >= 3
    text = " ".join(pages)
    assert all(f"Step {i:03d}" in text for i in range(120))


def test_letter_and_a4_page_sizes_and_unknown_size_is_refused():
    ws = demo_workshop()
    letter = PdfReader(io.BytesIO(pdf_bytes(ws, page_size="Letter"))).pages[0].mediabox
    a4 = PdfReader(io.BytesIO(pdf_bytes(ws))).pages[0].mediabox
    assert (round(letter.width), round(letter.height)) == (612, 792)
    assert (round(a4.width), round(a4.height)) == (595, 842)
    with pytest.raises(ExportError, match="A4 or Letter"):
        export_file(ws, Path("unused.pdf"), page_size="A3")


def test_a_workshop_with_nothing_in_it_still_exports():
    from workshop.model import Workshop

    text = " ".join(page_texts(pdf_bytes(Workshop())))
    assert "OKR WORKSHOP HANDOUT" in text and "No objectives were set" in text


def test_participant_pdf_for_an_unknown_person_is_a_clear_error():
    with pytest.raises(ExportError, match="not part of this workshop"):
        build_participant_pdf(demo_workshop(), "nobody", io.BytesIO())


def test_retro_scores_are_printed_once_there_are_any():
    ws = demo_workshop()
    assert "Retro" not in " ".join(page_texts(pdf_bytes(ws, per_participant=False))).split(
        "Our review checklist")[-1]
    ws.objectives[0].key_results[0].score = 0.7
    ws.objectives[0].key_results[1].score = 0.3
    ws.retro.output_trap = "We kept counting webinars."
    text = " ".join(page_texts(pdf_bytes(ws, per_participant=False)))
    assert "0.7 on track" in text and "0.3 missed" in text
    assert "Where did we fall into the output trap?" in text
    assert "We kept counting webinars." in text


def test_golden_demo_pdf():
    """The demo handout, built in reportlab's invariant mode, is byte-identical to
    tests/data/golden/demo.pdf.

    After an intended change to the handout (or a reportlab upgrade), regenerate the
    file with `UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/unit/test_export_pdf.py`,
    look at it (`pdftoppm -png -r 60 tests/data/golden/demo.pdf page`) and commit it.
    """
    data = pdf_bytes(demo_workshop(), invariant=True)
    if os.environ.get("UPDATE_GOLDEN") == "1":
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_bytes(data)
    assert GOLDEN.is_file(), "no golden file yet: run with UPDATE_GOLDEN=1"
    assert data == GOLDEN.read_bytes(), (
        "the demo handout changed; if on purpose, regenerate with UPDATE_GOLDEN=1")


def test_invariant_mode_is_reproducible_despite_fresh_ids():
    # demo_workshop() draws new random ids and timestamps every call.
    assert pdf_bytes(demo_workshop(), invariant=True) == pdf_bytes(demo_workshop(),
                                                                   invariant=True)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_handout_renders_to_pictures_with_ink_on_every_page(tmp_path):
    from PIL import Image

    pdf = tmp_path / "demo.pdf"
    export_file(demo_workshop(), pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "30", str(pdf), str(tmp_path / "page")],
                   check=True, capture_output=True)
    pictures = sorted(tmp_path.glob("page-*.png"))
    assert len(pictures) == len(PdfReader(pdf).pages)
    for picture in pictures:
        grey = Image.open(picture).convert("L")
        dark = sum(grey.histogram()[:128])
        assert dark > 200, f"{picture.name} looks empty"


def test_importing_export_loads_neither_reportlab_nor_qt_and_pdf_needs_no_qt(tmp_path):
    script = (
        "import sys\n"
        "import workshop.export\n"
        "assert 'reportlab' not in sys.modules, 'reportlab imported eagerly'\n"
        "from pathlib import Path\n"
        "from workshop.demo import demo_workshop\n"
        f"workshop.export.export_file(demo_workshop(), Path({str(tmp_path / 'h.pdf')!r}))\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt was loaded'\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "h.pdf").stat().st_size > 10_000


@pytest.mark.parametrize("page_size", ["A4", "Letter"])
def test_pictures_of_forty_key_results_fit_the_page_and_count_the_rest(page_size):
    ws = demo_workshop()
    objective = ws.objectives[0]
    objective.key_results = [
        KeyResult(f"Key result number {i}", actions=[Action("Do it", ws.participants[0].id,
                                                            date(2027, 2, 1))])
        for i in range(40)]
    text = " ".join(page_texts(pdf_bytes(ws, page_size=page_size, per_participant=False)))
    assert re.search(r"and \d+ more key result\(s\), listed in the action plan", text)
    assert "Key result number 39" in text  # still in the action plan


def test_objectives_without_key_results_or_strategy_still_draw_their_pictures():
    ws = demo_workshop()
    ws.objectives.append(Objective("Build a learning culture", selected=True))
    ws.objectives[0].key_results.append(KeyResult("Raise NPS from 20 to 35"))
    text = " ".join(page_texts(pdf_bytes(ws, per_participant=False)))
    assert "Build a learning culture" in text
    assert "No strategy named" in text


def _fonts_on(page) -> set[str]:
    fonts = page["/Resources"].get("/Font", {})
    return {str(font.get_object()["/BaseFont"]).split("+")[-1] for font in fonts.values()}


def test_emoji_print_in_the_symbols_face_instead_of_boxes():
    # DejaVu has no emoji: reportlab would draw each as an empty box, without an error.
    ws = demo_workshop()
    ws.title += " 🚀"
    ws.client = "Nordlys AI ✨"
    objective = ws.selected_objectives()[0]
    objective.text = "Delight enterprise customers 😀 every week"
    objective.key_results[0].actions[0].text = "🚀 Launch the survey with the team 👍🏽"
    ws.participants[0].name += " 🌟"
    pages = PdfReader(io.BytesIO(pdf_bytes(ws))).pages
    # The cover, every running header, the table pages and the pictures use it.
    assert all("Symbola" in _fonts_on(page) for page in pages)
    assert "Symbola" not in set().union(*(_fonts_on(p) for p in PdfReader(
        io.BytesIO(pdf_bytes(demo_workshop()))).pages))


def test_text_is_cut_into_runs_of_the_face_that_has_each_glyph():
    from workshop.export import glyphs
    from workshop.export.fonts import FONT_NAMES

    regular, symbols = FONT_NAMES.regular, FONT_NAMES.symbols
    assert glyphs.runs("Plain text → arrows ✓", regular) == [("Plain text → arrows ✓", regular)]
    assert glyphs.runs("Go 🚀 now 👍🏽!", regular) == [
        ("Go ", regular), ("🚀", symbols), (" now ", regular), ("👍", symbols), ("!", regular)]
    # Markup keeps its tags and entities; only the emoji gets a face of its own.
    assert glyphs.with_faces("R&amp;D <b>🎉</b>", regular) == (
        f'R&amp;D <b><font face="{symbols}">🎉</font></b>')


def test_right_to_left_text_is_joined_and_drawn_in_the_order_it_is_read():
    # reportlab lays every line out left to right, letter by letter: Arabic came out
    # unjoined and backwards, Hebrew backwards.
    import arabic_reshaper

    arabic = "زيادة رضا العملاء في المنطقة"
    hebrew = "להגדיל את שביעות רצון הלקוחות"
    ws = demo_workshop()
    objective = ws.selected_objectives()[0]
    objective.text = arabic
    objective.key_results[0].text = "رفع مؤشر صافي الترويج من 30 إلى 45"
    objective.key_results[1].text = f"{hebrew} ב-20%"
    objective.key_results[0].actions[0].text = f"Call the {arabic} team"
    # A text extractor reads a drawn line back in reading order: it finds the joined
    # Arabic and the Hebrew as written only when each line was drawn as it is seen (its
    # guess around numbers is its own, so the words are looked for without them).
    text = " ".join(page_texts(pdf_bytes(ws)))
    assert arabic_reshaper.reshape(arabic) in text
    assert hebrew in text
    assert "Call the " in text  # a left-to-right line keeps its own order around them


def test_a_paragraph_that_reads_right_to_left_is_set_flush_right_and_upright():
    from reportlab.lib.enums import TA_LEFT, TA_RIGHT

    from workshop.export.fonts import register_fonts
    from workshop.export.pdf import _Para, _styles

    names = register_fonts()
    s = _styles()
    assert _Para("1.1&nbsp;&nbsp;رفع مؤشر", s.body).style.alignment == TA_RIGHT
    assert _Para("Serves: رفع مؤشر", s.body).style.alignment == TA_LEFT
    assert _Para("Plain text", s.body).style is s.body
    # DejaVu's oblique faces have no Arabic: italics holding Arabic are set upright.
    italic = ParagraphStyle("i", parent=s.body, fontName=names.italic)
    assert _Para("رفع مؤشر", italic).style.fontName == names.regular
    assert "<i>" not in _Para("a <i>رفع</i> b", s.body).text
    assert _Para("a <i>latin</i> b", s.body).style is s.body


def test_single_lines_in_pictures_and_headers_are_drawn_as_seen():
    from workshop.export import glyphs

    assert glyphs.display_line("Plain words") == "Plain words"
    assert glyphs.display_line("abc שלום") == "abc םולש"
    assert glyphs.display_line("1.1 שלום") == "םולש 1.1"


def test_hebrew_and_arabic_labels_in_the_pictures_are_set_flush_right():
    from reportlab.graphics.shapes import String
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from workshop.export.charts import alignment_drawing, timeline_drawing
    from workshop.export.fonts import register_fonts

    names = register_fonts()
    ws = demo_workshop()
    ws.selected_objectives()[0].key_results[0].text = "להגדיל את שביעות רצון הלקוחות"
    for drawing in (alignment_drawing(ws, 480, names.regular, names.bold),
                    timeline_drawing(ws, 480, names.regular, names.bold)):
        strings = [s for s in drawing.contents if isinstance(s, String)]
        hebrew = [s for s in strings if any("\u0590" <= c <= "\u05ff" for c in s.text)]
        latin = [s for s in strings if s.text.startswith("Generate 200")]
        assert hebrew and latin
        right_end = max(s.x + stringWidth(s.text, s.fontName, s.fontSize) for s in hebrew)
        left_end = min(s.x for s in hebrew)
        # The Hebrew line ends where its box or column ends; the English one starts
        # where its own begins.
        assert right_end - left_end < 200 and left_end > min(s.x for s in latin) + 10
