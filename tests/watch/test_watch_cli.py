"""``rasd watch`` / ``rasd alerts``: bad input is one clear line naming it."""

from click.testing import CliRunner

from rasd.cli import main


def test_bad_inputs_are_one_line_errors(tmp_path):
    runner = CliRunner()
    db = str(tmp_path / "w.db")
    r = runner.invoke(main, ["watch", str(tmp_path / "feeds.txt"), "--db", db, "--once"])
    assert r.exit_code == 1 and r.output.strip() == (
        f"rasd: error: bad_input: {tmp_path / 'feeds.txt'}: cannot read the source list (No such file or "
        "directory)")
    bad = tmp_path / "watch.toml"
    bad.write_text("every = 'soon'\n", encoding="utf-8")
    r = runner.invoke(main, ["watch", "http://a.test/rss", "--db", db, "--config", str(bad)])
    assert r.exit_code == 1 and "watch.toml: not a duration: 'soon'" in r.output
    r = runner.invoke(main, ["watch", "http://a.test/rss", "--db", db, "--major", "killed"])
    assert r.exit_code == 2 and "give TYPE=N" in r.output
    r = runner.invoke(main, ["alerts", "--db", db, "--since", "yesterday"])
    assert r.exit_code == 2 and "bad_usage: --since: not a date: 'yesterday'" in r.output
    r = runner.invoke(main, ["alerts", "--db", db])
    assert r.exit_code == 1 and "no database here" in r.output
