"""The time-up chime: a short two-note sound the room hears when a stage's time is up.

QtMultimedia lives in PySide6-Addons, the optional "sound" extra. When it imports, the
chime is a WAV we generate ourselves (so nothing needs shipping or licensing); without
it, the system beep stands in. The visual flash on the projector never depends on this.
"""

from __future__ import annotations

import math
import struct
import tempfile
import wave
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

SAMPLE_RATE = 22_050
NOTES_HZ = (880.0, 659.25)  # A5 then E5: a falling fifth reads as "done", not "alarm"
NOTE_SECONDS = 0.22
VOLUME = 0.45  # of full scale; the room should notice it, not jump


def write_chime_wav(path: Path) -> Path:
    """Write the chime as a 16-bit mono WAV at `path` and return the path.

    Each note has a soft attack and an exponential decay, so it sounds like a bell
    rather than a buzzer and ends without a click.
    """
    frames = bytearray()
    per_note = int(SAMPLE_RATE * NOTE_SECONDS)
    attack = int(SAMPLE_RATE * 0.008)
    for frequency in NOTES_HZ:
        for i in range(per_note):
            t = i / SAMPLE_RATE
            envelope = min(1.0, i / attack) * math.exp(-6.0 * t / NOTE_SECONDS)
            # A quiet octave above gives the note some shimmer.
            value = (math.sin(2 * math.pi * frequency * t)
                     + 0.25 * math.sin(4 * math.pi * frequency * t)) / 1.25
            frames += struct.pack("<h", int(32767 * VOLUME * envelope * value))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        out.writeframes(bytes(frames))
    return path


class Chime:
    """Plays the chime: QSoundEffect when QtMultimedia is installed, else the beep.

    The sound is prepared lazily on first use (or by `prepare()`), so a window that
    never chimes costs nothing.
    """

    def __init__(self) -> None:
        self._prepared = False
        self._effect: Any = None
        self._folder: tempfile.TemporaryDirectory[str] | None = None

    @property
    def uses_multimedia(self) -> bool:
        """True when the chime is played by QtMultimedia (the sound extra)."""
        self.prepare()
        return self._effect is not None

    def prepare(self) -> None:
        """Load the sound now, so the first chime is not late."""
        if self._prepared:
            return
        self._prepared = True
        try:
            from PySide6.QtCore import QUrl
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError:
            return  # the optional sound extra is not installed: the beep will do
        self._folder = tempfile.TemporaryDirectory(prefix="okr-workshop-chime-")
        path = write_chime_wav(Path(self._folder.name) / "chime.wav")
        effect = QSoundEffect()
        effect.setSource(QUrl.fromLocalFile(str(path)))
        effect.setVolume(1.0)
        self._effect = effect

    def play(self) -> None:
        """Play the chime once."""
        self.prepare()
        effect = self._effect
        if effect is not None and effect.status() != effect.Status.Error:
            effect.play()
            return
        # No audio device or no multimedia: the system beep (silent on some Linux
        # desktops, which is why the projector also flashes).
        QApplication.beep()
