
import pytest


from feedserver import FeedServer


@pytest.fixture()
def server():
    with FeedServer() as s:
        yield s
