"""A temporary SQLite store holding the articles of :mod:`api_data`, and clients of the API
over it."""

import warnings

import pytest

warnings.filterwarnings("ignore", message=".*httpx.*")
from api_data import ARTICLES, TOKEN, write_corpus  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from rasd.api import create_app  # noqa: E402
from rasd.corpus import ingest  # noqa: E402


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("api")
    path = str(tmp / "api.db")
    summary = ingest([str(write_corpus(tmp / "articles.jsonl", ARTICLES))], path)
    assert summary.new == len(ARTICLES) and summary.claims >= 5
    return path


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db, token=TOKEN), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture()
def fresh_db(tmp_path):
    path = str(tmp_path / "fresh.db")
    ingest([str(write_corpus(tmp_path / "articles.jsonl", ARTICLES[:2]))], path)
    return path
