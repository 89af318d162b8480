#!/usr/bin/env python3
"""Regenerate ``src/rasd/lang/ar/data/trigger_forms.yaml`` from ``trigger_roots.yaml``.

Run with the project's interpreter (the ``dev`` extra pins libqutrub)::

    python scripts/build_trigger_forms.py [--out PATH]

Every verb of the spec is conjugated by libqutrub (past: he, she, they two, they, they (f.),
we; present: he, she, they two, they; active and passive unless the spec says otherwise), the
harakat stripped (pyarabic). ``objects: true`` adds the forms with an object pronoun (ه ها هم
هما), the final alef of "-وا" dropped ("قتلوه") and a final ى written ا ("أرداه"). Verbal nouns
get the same pronouns (a final ة becomes ت: "إصابته"); participles their sound endings; phrase
templates expand ``{a|b}`` choices. Forms listed under the spec's ``not_forms`` (compared
normalized, ة as ه: "هجره" = هجرة) are dropped. The output lists, per type and role, the sorted distinct
forms, every past-tense form once more under ``past`` (so that "قد" before a past verb is not
read as the modal "may"), and the SHA-256 of the spec, so that a test can tell a stale file.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarabic.araby as araby
import yaml
from libqutrub.conjugator import conjugate

from rasd.text.normalize import normalize_string

DATA = Path(__file__).resolve().parents[1] / "src" / "rasd" / "lang" / "ar" / "data"
SPEC = DATA / "trigger_roots.yaml"
OUT = DATA / "trigger_forms.yaml"

PAST_PERSONS = ("هو", "هي", "هما", "هما مؤ", "هم", "هن", "نحن")
PRESENT_PERSONS = ("هو", "هي", "هما", "هما مؤ", "هم")
OBJECT_PERSONS = ("هو", "هي", "هم")  # the forms that take an object pronoun in news prose
TENSES = {("past", "active"): "الماضي المعلوم", ("past", "passive"): "الماضي المجهول",
          ("present", "active"): "المضارع المعلوم", ("present", "passive"): "المضارع المجهول"}
PRONOUNS = ("ه", "ها", "هم", "هما")
PARTICIPLE_ENDINGS = ("", "ا", "ين", "ون", "ان")  # no "ة": "مرحلة" is a stage
_CHOICE = re.compile(r"\{([^{}]*)\}")


def _plain(word: str) -> str:
    return araby.strip_tashkeel(word)


def with_object(form: str) -> list[str]:
    """A verb form with each object pronoun ("قتلوا" -> قتلوه, "أردى" -> أرداه)."""
    if form.endswith("وا"):
        form = form[:-1]
    elif form.endswith("ى"):
        form = form[:-1] + "ا"
    return [form + p for p in PRONOUNS]


def verb_forms(entry: dict[str, Any]) -> tuple[set[str], set[str]]:
    """(all forms, past forms) of one verb of the spec."""
    tenses = entry.get("tenses", ["past", "present"])
    voices = entry.get("voices", ["active", "passive"])
    table = conjugate(entry["verb"], entry["vowel"], alltense=False, past=True, future=True,
                      passive=True, imperative=False, future_moode=False, confirmed=False,
                      transitive=True, display_format="DICT")
    forms: set[str] = set()
    past: set[str] = set()
    for tense, voice in itertools.product(tenses, voices):
        row = table[TENSES[(tense, voice)]]
        persons = PAST_PERSONS if tense == "past" else PRESENT_PERSONS
        for person in persons:
            form = _plain(row[person])
            forms.add(form)
            if tense == "past":
                past.add(form)
            if entry.get("objects") and voice == "active" and person in OBJECT_PERSONS:
                obj = with_object(form)
                forms.update(obj)
                if tense == "past":
                    past.update(obj)
    return forms, past


def masdar_forms(word: str) -> list[str]:
    stem = word[:-1] + "ت" if word.endswith("ة") else word
    return [word] + [stem + p for p in PRONOUNS]


def expand(template: str) -> list[str]:
    """Every phrase a ``{a|b}`` template stands for."""
    parts = _CHOICE.split(template)
    choices = [p.split("|") if i % 2 else [p] for i, p in enumerate(parts)]
    return ["".join(c) for c in itertools.product(*choices)]


def build(spec: dict[str, Any], digest: str) -> dict[str, Any]:
    out: dict[str, Any] = {"spec_sha256": digest}
    by_type: dict[str, dict[str, set[str]]] = {}
    past_all: set[str] = set()

    def add(etype: str, role: str, words: Iterable[str]) -> None:
        by_type.setdefault(etype, {}).setdefault(role, set()).update(words)

    for etype, entries in spec.get("verbs", {}).items():
        for entry in entries:
            forms, past = verb_forms(entry)
            add(etype, entry.get("role", "verb"), forms)
            past_all |= past
    for etype, words in spec.get("loss_masdars", {}).items():
        add(etype, "loss", words)
    for etype, words in spec.get("masdars", {}).items():
        add(etype, "masdar", (f for w in words for f in masdar_forms(w)))
    for etype, words in spec.get("participles", {}).items():
        add(etype, "noun", (w + e for w in words for e in PARTICIPLE_ENDINGS))
    for etype, templates in spec.get("phrases", {}).items():
        add(etype, "phrase", (p for t in templates for p in expand(t)))
    drop = {normalize_string(w) for w in spec.get("not_forms", [])}

    def kept(words: Iterable[str]) -> list[str]:
        return sorted(w for w in words if normalize_string(w) not in drop)

    out["past"] = kept(past_all)
    for etype in sorted(by_type):
        out[etype] = {role: kept(words) for role, words in sorted(by_type[etype].items())}
    return out


HEADER = ("# Generated by scripts/build_trigger_forms.py from trigger_roots.yaml: do not edit by hand.\n"
          "# Event words by type and role (as in triggers.yaml), and every past-tense form.\n")


def render(spec_path: Path = SPEC) -> str:
    raw = spec_path.read_bytes()
    data = build(yaml.safe_load(raw), hashlib.sha256(raw).hexdigest())
    return HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100,
                                   default_flow_style=None)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    text = render()
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({len(text.splitlines())} lines)")


if __name__ == "__main__":
    main()
