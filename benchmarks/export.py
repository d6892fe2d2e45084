"""How long the handout of a benchmark-sized session takes, in-process.

Prints the median time to build the PDF of `large_workshop()` (5 objectives, 15 KRs,
60 actions, 20 participants; per-participant pages included) and its ratio to a bare
reportlab document holding the same paragraphs, measured in the same run. Goals: at
most 0.3 s, and at most 1.5x the bare document.

Run: .venv/bin/python benchmarks/export.py [--runs N]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workshop.demo import large_workshop  # noqa: E402
from workshop.export.fonts import register_fonts  # noqa: E402
from workshop.export.pdf import build_pdf, paragraph_texts  # noqa: E402


def bare_document(texts: list[str]) -> None:
    """The baseline: the same paragraph markup, one after the other, default layout."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    style = ParagraphStyle("bare", fontName=register_fonts().regular, fontSize=9.5,
                           leading=13.5)
    doc = SimpleDocTemplate(io.BytesIO())
    doc.build([Paragraph(text, style) for text in texts])


def interleaved_medians(first, second, runs: int, clock=time.perf_counter
                        ) -> tuple[float, float]:
    """Median seconds of two actions timed turn about, so a busy machine slows both alike."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for action, sink in ((first, times[0]), (second, times[1])):
            start = clock()
            action()
            sink.append(clock() - start)
    return statistics.median(times[0]), statistics.median(times[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    ws = large_workshop()
    texts = paragraph_texts(ws)
    # Warm-up: imports, font registration and reportlab's caches are paid once per
    # process by any export, and are not what this measures.
    build_pdf(ws, io.BytesIO())
    bare_document(texts)

    handout, bare = interleaved_medians(lambda: build_pdf(ws, io.BytesIO()),
                                        lambda: bare_document(texts), args.runs)
    # CPU time of this process: what the export costs when other programs share the
    # machine's cores (wall time then also counts waiting for a core).
    handout_cpu, bare_cpu = interleaved_medians(lambda: build_pdf(ws, io.BytesIO()),
                                                lambda: bare_document(texts), args.runs,
                                                clock=time.process_time)
    buffer = io.BytesIO()
    build_pdf(ws, buffer)
    from pypdf import PdfReader

    pages = len(PdfReader(io.BytesIO(buffer.getvalue())).pages)
    print(f"large_workshop handout PDF: {handout:.3f} s median of {args.runs} "
          f"({pages} pages, {len(buffer.getvalue()) / 1024:.0f} KiB, {len(texts)} paragraphs; "
          f"goal <= 0.300 s)")
    print(f"bare reportlab document, same paragraphs: {bare:.3f} s")
    print(f"ratio handout / bare: {handout / bare:.2f}x (goal <= 1.5x)")
    print(f"CPU time: handout {handout_cpu:.3f} s, bare {bare_cpu:.3f} s, "
          f"ratio {handout_cpu / bare_cpu:.2f}x")


if __name__ == "__main__":
    main()
