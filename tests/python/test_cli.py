"""check, plan, validate and rules from the command line: what they say about bad input, on
standard error, from a file or from standard input alike (docs/cli.md)."""
import json
import subprocess

import pytest

from conftest import CLI, ROOT, needs_cli

pytestmark = needs_cli

EXAMPLE = ROOT / "data" / "examples" / "wheelchair-user.json"


def bf(*args, stdin=None):
    return subprocess.run([str(CLI), *map(str, args)], capture_output=True, text=True, input=stdin)


def case(**changes):
    c = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    c.update(changes)
    return json.dumps(c, ensure_ascii=False)


@pytest.mark.parametrize("command", ["check", "plan"])
def test_an_invalid_case_on_standard_input_says_why(command):
    r = bf(command, "-", stdin=case(budget=-1))
    assert r.returncode == 1
    assert "<stdin>: error: [case.107] /budget" in r.stderr
    r = bf(command, "-", stdin="{")
    assert r.returncode == 1 and "[case.101]" in r.stderr


@pytest.mark.parametrize("command", ["check", "plan"])
def test_unknown_fields_are_warned_about_never_silently_dropped(command, tmp_path):
    c = json.loads(case())
    c["doors"][0]["clear_widht"] = 800
    path = tmp_path / "typo.json"
    path.write_text(json.dumps(c), encoding="utf-8")
    for source, stdin in ((path, None), ("-", json.dumps(c))):
        r = bf(command, source, stdin=stdin)
        assert r.returncode == 0, r.stderr
        assert "warning: [case.901] /doors/0/clear_widht" in r.stderr
        assert 'did you mean "clear_width"' in r.stderr
        json.loads(r.stdout)  # the result is still written, whole


def test_validate_warns_of_a_standard_that_is_not_built_in(tmp_path):
    path = tmp_path / "own-standard.json"
    path.write_text(case(standard="HUBEI-2025"), encoding="utf-8")
    r = bf("validate", path)
    assert r.returncode == 0
    assert "warning: [case.904] /standard" in r.stdout
    assert bf("check", path).returncode == 1  # which check refuses without its ruleset


def test_usage_errors_exit_2():
    assert bf("rules", "--format", "xml").returncode == 2
    assert bf("plan", "--max-items", "10001", EXAMPLE).returncode == 2
    assert bf("plan", "--max-items", "10000", EXAMPLE).returncode == 0
    for lang in ("fr", "EN", "zh-CN"):
        assert bf("plan", "--lang", lang, "--format", "text", EXAMPLE).returncode == 2
        assert bf("check", "--lang", lang, "--format", "text", EXAMPLE).returncode == 2
    assert bf("plan", "--lang", "zh", "--format", "text", EXAMPLE).returncode == 0
    # A budget is a plain number of yuan: std::stod's hex, leading spaces and overflow are slips.
    for budget in ("0x10", " 5000", "1e308", "5000yuan"):
        assert bf("plan", "--budget", budget, EXAMPLE).returncode == 2, budget
    assert bf("plan", "--budget", "5000.50", EXAMPLE).returncode == 0


@pytest.mark.parametrize("command", ["check", "plan", "render", "report", "batch"])
def test_an_option_file_that_cannot_be_used_is_named_and_a_usage_error(command, tmp_path):
    bad_rules = tmp_path / "my-rules.json"
    bad_rules.write_text('{"format": "barrierfree.rules/1"}', encoding="utf-8")
    bad_catalogue = tmp_path / "my-prices.json"
    bad_catalogue.write_text('{"format": "barrierfree.catalog/1", "items": [{"remedy": "door.widden"}]}', encoding="utf-8")
    out = ["-o", tmp_path / "out"] if command in ("render", "report") else []
    for option, bad, prefix in (("--rules", bad_rules, "ruleset."), ("--catalog", bad_catalogue, "catalog.")):
        if command == "check" and option == "--catalog":
            continue
        done = bf(command, option, bad, *out, EXAMPLE)
        assert done.returncode == 2, (option, done.stderr)
        assert f"barrierfree: {bad}: [{prefix}" in done.stderr, done.stderr


def test_what_a_case_says_cannot_drive_the_terminal(tmp_path):
    """An id or a misspelt value is quoted back: its control characters are shown, not obeyed."""
    c = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    c["id"] = "HM-\u001b]0;owned\u0007-\u009b31m"
    c["rooms"][0]["type"] = "living\u001b[2J"
    path = tmp_path / "odd.json"
    path.write_text(json.dumps(c, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run([str(CLI), "validate", str(path)], capture_output=True)
    said = done.stdout + done.stderr
    assert b"\x1b" not in said and b"\x07" not in said and "\u009b".encode() not in said
    assert b"living\\x1b[2J" in said
    # JSON output stays JSON, and means the same text.
    c["rooms"][0]["type"] = "living"
    path.write_text(json.dumps(c, ensure_ascii=False), encoding="utf-8")
    out = subprocess.run([str(CLI), "check", str(path)], capture_output=True)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["id"] == c["id"]
    assert b"\x1b" not in out.stdout

