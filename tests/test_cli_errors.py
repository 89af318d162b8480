"""The command line's one error handler: every RasdError out of a command is one stderr line,
``rasd: error: code: message``, and the error's exit status (1; 2 for a bad option)."""

import inspect
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasd import cli, errors
from rasd.cli import error_line, main
from rasd.filters import FilterError
from rasd.watch import cli as watch_cli


def _run(args):
    result = CliRunner().invoke(main, args)
    assert "Traceback" not in result.output
    return result.exit_code, result.stderr.splitlines()


def test_a_missing_gold_file_is_bad_input_and_exit_1(tmp_path):
    gold = tmp_path / "absent.jsonl"
    assert _run(["eval", str(gold)]) == (1, [f"rasd: error: bad_input: {gold}: no such file"])


def test_a_missing_option_is_bad_usage_and_exit_2(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "a", "claims": []}\n', encoding="utf-8")
    assert _run(["eval", str(gold)]) == (
        2, ["rasd: error: bad_usage: --articles is required to score claims"])


def test_a_store_error_names_its_code_and_the_database(tmp_path):
    db = tmp_path / "none.db"
    status, lines = _run(["report", "--db", str(db)])
    assert status == 1 and len(lines) == 1
    assert lines[0].startswith(f"rasd: error: store_error: {db}: no database here")


def test_a_bad_filter_exits_2_with_its_own_code(tmp_path):
    status, lines = _run(["report", "--db", str(tmp_path / "x.db"), "--type", "kiled"])
    assert status == 2 and len(lines) == 1
    assert lines[0].startswith("rasd: error: invalid_request: unknown event type 'kiled'")


def test_an_unwritable_export_target_is_bad_output(tmp_path):
    from rasd.store import Store

    db = str(tmp_path / "s.db")
    Store.open(db).close()
    target = tmp_path / "no-such-folder" / "out.csv"
    status, lines = _run(["export", "--db", db, "--format", "csv", "--output", str(target)])
    assert status == 1 and len(lines) == 1 and lines[0].startswith("rasd: error: bad_output: ")


def test_error_line_is_one_line_with_code_source_and_message():
    exc = errors.DataError("bad entry\n  at line 3", source="triggers.yaml")
    assert error_line(exc) == "rasd: error: bad_data: triggers.yaml: bad entry at line 3"
    assert error_line(FilterError("x", semantic=True)) == "rasd: error: invalid_filter: x"


@pytest.mark.parametrize("cls", [c for c in vars(errors).values()
                                 if inspect.isclass(c) and issubclass(c, errors.RasdError)])
def test_every_error_class_has_a_code_and_an_exit_status(cls):
    assert cls.code and cls.code.replace("_", "").isalpha()
    assert cls.exit_status in (1, 2)


@pytest.mark.parametrize("module", [cli, watch_cli])
def test_commands_leave_rasd_errors_to_the_one_handler(module):
    source = Path(module.__file__).read_text(encoding="utf-8")
    assert source.count("except RasdError") == (1 if module is cli else 0)
    assert "def _fail" not in source and "sys.exit(2)" not in source
