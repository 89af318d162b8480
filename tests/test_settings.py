"""One Settings read from the environment at the edge and passed down: to the pipeline run, to
pool workers and to the command line's commands."""

import json

import pytest
from click.testing import CliRunner

from rasd.cli import main
from rasd.extractor import sources
from rasd.ingest.records import make_document
from rasd.pipeline import run, run_many
from rasd.settings import DEFAULTS, Settings, SettingsError, activated, active, run_with

ARTICLE = "قال مرصد الشرق إن 5 مدنيين قتلوا في حلب أمس."
USER_FILE = "sources:\n  - id: sohr\n    aliases: [مرصد الشرق]\n"


@pytest.fixture
def user_file(tmp_path):
    path = tmp_path / "my_sources.yaml"
    path.write_text(USER_FILE, encoding="utf-8")
    sources.clear_cache()
    yield str(path)
    sources.clear_cache()


def test_every_variable_is_read_from_the_environment_given():
    s = Settings.from_env({"RASD_SOURCES": "/x.yaml", "RASD_API_TOKEN": "t",
                           "RASD_ALLOW_PRIVATE": "on", "RASD_RATE_LIMIT": "5/second",
                           "RASD_EXTRACT_TIMEOUT": "9", "RASD_EXTRACT_WORKERS": "4"})
    assert s == Settings(sources_file="/x.yaml", api_token="t", allow_private=True,
                         rate_limit="5/second", extract_timeout=9.0, extract_workers=4)
    assert Settings.from_env({}) == DEFAULTS == Settings()
    assert Settings.from_env({"RASD_SOURCES": "", "RASD_API_TOKEN": ""}) == DEFAULTS


def test_a_bad_value_is_a_settings_error_naming_it():
    with pytest.raises(SettingsError, match="bad rate limit 'fast'"):
        Settings.from_env({"RASD_RATE_LIMIT": "fast"})


def test_activated_settings_nest_and_are_restored():
    inner = Settings(sources_file="/b.yaml")
    with activated(Settings(sources_file="/a.yaml")):
        with activated(inner):
            assert active() is inner
        with activated(None):
            assert active().sources_file == "/a.yaml"
        assert run_with(inner, active) is inner
        assert active().sources_file == "/a.yaml"
    assert active() is DEFAULTS


def _source_id(doc):
    return [c.source.id for c in doc.claims]


def test_the_pipeline_takes_the_sources_file_from_its_settings(user_file):
    doc = make_document(ARTICLE, id="t")
    assert _source_id(run(doc)) == [None]
    assert _source_id(run(doc, settings=Settings(sources_file=user_file))) == ["sohr"]
    assert _source_id(run(doc)) == [None]  # only for that run


def test_pool_workers_run_with_the_callers_settings(user_file):
    docs = [make_document(ARTICLE, id=f"t{i}") for i in range(4)]
    with activated(Settings(sources_file=user_file)):
        found = [d.claims[0].source.id for d in run_many(docs, workers=2, chunksize=1,
                                                         fn=run)]
    assert found == ["sohr"] * 4


def test_the_command_line_reads_the_environment_once_for_the_command(user_file):
    plain = CliRunner().invoke(main, ["extract", "-"], input=ARTICLE)
    extended = CliRunner().invoke(main, ["extract", "--workers", "2", "-"], input=ARTICLE,
                                  env={"RASD_SOURCES": user_file})
    assert [json.loads(line)["source"].get("id") for line in plain.stdout.splitlines()] == [None]
    assert [json.loads(line)["source"]["id"] for line in extended.stdout.splitlines()] == ["sohr"]
    assert active() is DEFAULTS  # not left active after the command


def test_a_bad_environment_is_a_one_line_cli_error():
    result = CliRunner().invoke(main, ["extract", "-"], input=ARTICLE,
                                env={"RASD_EXTRACT_WORKERS": "many"})
    assert result.exit_code == 1
    assert result.stderr.startswith("rasd: error: bad_setting: bad setting in the environment")
