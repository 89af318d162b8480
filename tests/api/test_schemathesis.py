"""Property-based tests of the API against its own OpenAPI schema (schemathesis, in-process
over ASGI, offline, bounded and derandomized): for valid and invalid requests to every
operation, no server error and no response that breaks the schema.

Every check of schemathesis runs but one, replaced: "schema-valid data is accepted" would count
``POST /api/extract {"text": "message"}`` → 400 "not Arabic text" as a violation. Whether a
text is Arabic (a share of its letters) is beyond what a JSON schema says; the API documents
that refusal as 400 ``bad_input``. Likewise a filter whose meaning only :mod:`rasd.filters`
can check (a country name it does not know, ``since`` after ``until``) is 422
``invalid_filter``. So a valid request may get 400 with that code (or 413, a text over the size
limit, or 422 ``invalid_filter``), never 422 ``invalid_request`` (the schema would be lying)
nor any other refusal."""

from __future__ import annotations

import socket
import warnings
from collections import Counter

import pytest

warnings.filterwarnings("ignore", message=".*httpx.*")
schemathesis = pytest.importorskip("schemathesis")
from api_data import TOKEN  # noqa: E402
from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis.errors import Unsatisfiable  # noqa: E402
from schemathesis.generation.modes import GenerationMode  # noqa: E402
from schemathesis.specs.openapi.checks import positive_data_acceptance  # noqa: E402

from rasd.api import create_app  # noqa: E402
from rasd.api.settings import Settings  # noqa: E402

EXAMPLES = 40  #: cases per operation and generation mode
AUTH = {"Authorization": f"Bearer {TOKEN}"}
SEMANTIC_REFUSALS = {(400, "bad_input"), (400, "bad_record"), (413, "payload_too_large"),
                     (422, "invalid_filter")}


@pytest.fixture()
def no_dns(monkeypatch):
    """URLs the fuzzer sends to POST /api/ingest are never looked up (no traffic leaves the
    machine): every host is unresolvable."""
    def unresolvable(host, *args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", unresolvable)


def _refused(response) -> bool:
    """Whether a schema-valid request was refused other than as the API documents."""
    if response.status_code not in (400, 413, 422):
        return False
    code = response.json().get("error", {}).get("code")
    return (response.status_code, code) not in SEMANTIC_REFUSALS


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:300]


def test_api_conforms_to_its_schema(db, no_dns):
    app = create_app(db, token=TOKEN, settings=Settings(rate_limit="off"))
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    tally: Counter[str] = Counter()
    problems: list[str] = []
    try:
        for result in schema.get_all_operations():
            operation = result.ok()
            tally["operations"] += 1
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

                @given(case=operation.as_strategy(generation_mode=mode))
                @settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                          database=None, phases=[Phase.explicit, Phase.generate],
                          suppress_health_check=list(HealthCheck))
                def fuzz(case) -> None:
                    tally["requests"] += 1
                    response = case.call(headers=AUTH)
                    tally[f"status {response.status_code}"] += 1
                    if response.status_code >= 500:
                        tally["server errors"] += 1
                        problems.append(f"{operation.label} ({mode}): HTTP "
                                        f"{response.status_code} {response.text[:200]}")
                    try:
                        case.validate_response(response, headers=AUTH,
                                               excluded_checks=[positive_data_acceptance])
                    except (Exception, BaseExceptionGroup) as exc:  # noqa: BLE001 - collected
                        tally["schema violations"] += 1
                        problems.append(f"{operation.label} ({mode}): {_one_line(exc)}")
                    if mode is GenerationMode.POSITIVE and _refused(response):
                        tally["schema violations"] += 1
                        problems.append(f"{operation.label}: valid request refused: HTTP "
                                        f"{response.status_code} {response.text[:200]}")

                try:
                    fuzz()
                except Unsatisfiable:  # nothing to make invalid (no parameters, no body)
                    assert mode is GenerationMode.NEGATIVE
    finally:
        app.state.workers.close()
    print(f"schemathesis: {tally['requests']} requests to {tally['operations']} operations, "
          f"{tally['server errors']} server errors, {tally['schema violations']} schema "
          "violations; " + ", ".join(f"{k}: {v}" for k, v in sorted(tally.items())
                                      if k.startswith("status")))
    assert not problems, "\n".join(problems[:20])
