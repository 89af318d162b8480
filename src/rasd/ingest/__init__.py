"""Readers that turn bytes, files and records into Documents."""

from rasd.ingest.records import make_document, read_inputs, Failure

__all__ = ["make_document", "read_inputs", "Failure"]
