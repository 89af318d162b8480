"""Gazetteer loading and lookup; ``data/`` holds the generated gazetteer."""

from rasd.geo.gazetteer import Entry, Gazetteer, Lexicon, PlaceMatch

__all__ = ["Entry", "Gazetteer", "Lexicon", "PlaceMatch"]
