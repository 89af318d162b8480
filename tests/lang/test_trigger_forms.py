"""The derived event-word forms (scripts/build_trigger_forms.py) agree with their spec."""

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from rasd.extractor.lexicon import triggers
from rasd.lang.ar import load_yaml
from rasd.model import NormOffset, Token
from rasd.text.normalize import normalize_string
from rasd.text.tokens import stems

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src" / "rasd" / "lang" / "ar" / "data"
SCRIPT = ROOT / "scripts" / "build_trigger_forms.py"


def test_generated_file_is_from_the_current_spec() -> None:
    digest = hashlib.sha256((DATA / "trigger_roots.yaml").read_bytes()).hexdigest()
    assert load_yaml("trigger_forms.yaml")["spec_sha256"] == digest, (
        "trigger_forms.yaml is stale: run `python scripts/build_trigger_forms.py`")


def test_drift_generated_file_matches_script(tmp_path: Path) -> None:
    pytest.importorskip("libqutrub")
    out = tmp_path / "trigger_forms.yaml"
    subprocess.run([sys.executable, str(SCRIPT), "--out", str(out)], check=True,
                   capture_output=True)
    assert out.read_bytes() == (DATA / "trigger_forms.yaml").read_bytes(), (
        "trigger_forms.yaml is stale: run `python scripts/build_trigger_forms.py`")


def _entry(word: str) -> tuple[str, str, bool] | None:
    norm = normalize_string(word)
    hit = triggers().entries.match_at((Token(NormOffset(0), NormOffset(len(norm)), norm, stems(norm)),), 0)
    return (hit[1].type, hit[1].role, hit[1].mixed) if hit else None


@pytest.mark.parametrize("word, etype, role", [
    ("اعتقلنا", "arrested", "verb"),      # 1st person plural
    ("اعتقلوهم", "arrested", "verb"),     # object pronoun after -وا
    ("فأرداه", "killed", "verb"),         # final ى written ا before a pronoun
    ("أصيبا", "injured", "verb"),         # dual passive
    ("ويصابون", "injured", "verb"),       # present passive with a clitic
    ("بإيقاف", "arrested", "masdar"),
    ("تسليمه", "returned", "masdar"),     # verbal noun with a possessive
    ("إصابتهم", "injured", "masdar"),
    ("المخطوفين", "abducted", "noun"),
    ("فقدت", "killed", "loss"),
])
def test_derived_forms(word, etype, role) -> None:
    assert _entry(word) == (etype, role, False)


@pytest.mark.parametrize("word", ["هجرة", "رحلة", "أسرة", "مرحلة", "محرر", "نفر",
                                  "تجلي"])
def test_homographs_are_not_event_words(word) -> None:
    assert _entry(word) is None


def test_hand_written_entries_win() -> None:
    assert _entry("فقدوا") == ("missing", "verb", False)  # triggers.yaml: they went missing
