"""Readers that turn bytes, files, pages, feeds, archives and URLs into Documents
(see :mod:`rasd.ingest.readers` for the single entry point)."""
