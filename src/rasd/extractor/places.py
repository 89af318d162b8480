"""Place mentions of a document, from the gazetteer (see :mod:`rasd.geo.gazetteer`)."""

from __future__ import annotations

from rasd.geo.gazetteer import Gazetteer
from rasd.model import Document


def find_places(doc: Document) -> Document:
    """Stage: every gazetteer place mentioned in the text."""
    return doc.with_(places=tuple(Gazetteer.default().find(doc.norm)))
