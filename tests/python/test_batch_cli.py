"""`barrierfree batch` end to end: one line out per line in, errors with line numbers,
the same bytes for any thread count, and a Ctrl-C that can be resumed without loss."""
import json
import os
import queue
import shlex
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest

from conftest import CLI, ROOT, needs_cli

pytestmark = needs_cli

MIXED = ROOT / "tests" / "data" / "batch" / "mixed.jsonl"
HUIMIN = ROOT / "data" / "examples" / "huimin-52.jsonl"


def batch(*args, **kw):
    return subprocess.run([str(CLI), "batch", *map(str, args)], capture_output=True, **kw)


def test_mixed_input_gives_one_line_per_line_in_order(tmp_path: Path):
    out = tmp_path / "out.jsonl"
    done = batch(MIXED, "-o", out, "-j", 2)
    assert done.returncode == 1, "some lines are errors"
    inputs = MIXED.read_bytes().split(b"\n")[:-1]
    outputs = out.read_text(encoding="utf-8").splitlines()
    assert len(outputs) == len(inputs) == 10
    for number, (line, result) in enumerate(zip(inputs, outputs), start=1):
        r = json.loads(result)
        try:
            wanted = json.loads(line)["id"]
        except (ValueError, TypeError, KeyError):
            wanted = None
        if "error" in r:
            assert r["line"] == number
            assert set(r["error"]) == {"code", "path", "message"}
            assert r["errors"][0] == r["error"]
        else:
            assert "findings" in r and "plan" in r
        if wanted is not None:
            assert r["id"] == wanted
    codes = [json.loads(o).get("error", {}).get("code") for o in outputs]
    assert codes == [None, "case.101", "case.101", "case.104", "case.103", "case.110", "case.101", None, None, None]
    assert not Path(str(out) + ".part").exists()


def test_standard_streams(tmp_path: Path):
    out = tmp_path / "out.jsonl"
    batch(MIXED, "-o", out, "-j", 1)
    piped = subprocess.run([str(CLI), "batch", "-j", "3"], input=MIXED.read_bytes(), capture_output=True)
    assert piped.returncode == 1
    assert piped.stdout == out.read_bytes()
    dash = subprocess.run([str(CLI), "batch", "-", "-o", "-"], input=MIXED.read_bytes(), capture_output=True)
    assert dash.stdout == out.read_bytes()


def test_stdin_to_stdout_with_many_threads_is_whole(long_input, tmp_path: Path):
    """From stdin to stdout with more threads than cores: every line once, in order (the
    reader must not flush stdout while the writer writes to it)."""
    text = long_input.read_bytes() * 4
    source = tmp_path / "in.jsonl"
    source.write_bytes(text)
    out = tmp_path / "out.jsonl"
    assert batch(source, "--check-only", "-j", 8, "-o", out).returncode == 0
    piped = subprocess.run([str(CLI), "batch", "-", "--check-only", "-j", "8"], input=text, capture_output=True)
    assert piped.returncode == 0
    assert piped.stdout.count(b"\n") == text.count(b"\n")
    assert piped.stdout == out.read_bytes()


def test_each_line_is_answered_before_the_next_arrives():
    """A program feeding cases one at a time through a pipe gets each answer at once."""
    lines = HUIMIN.read_bytes().splitlines(keepends=True)[:3] + [b"{}\n"]
    run = subprocess.Popen([str(CLI), "batch", "--check-only"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL)
    answers: "queue.Queue[bytes]" = queue.Queue()
    reader = threading.Thread(target=lambda: [answers.put(line) for line in run.stdout], daemon=True)
    reader.start()
    try:
        for line in lines:
            run.stdin.write(line)
            run.stdin.flush()
            try:
                answer = json.loads(answers.get(timeout=20))
            except queue.Empty:
                pytest.fail("no answer while the next line is awaited")
            assert answer["id"] == json.loads(line).get("id")
    finally:
        run.stdin.close()
        run.wait(timeout=30)
        reader.join(timeout=30)
        run.stdout.close()
    assert run.returncode == 1  # the last line is an error


def test_the_same_bytes_whatever_the_thread_count(tmp_path: Path):
    outputs, summaries = [], []
    for jobs in (1, 4):
        out, summary = tmp_path / f"j{jobs}.jsonl", tmp_path / f"j{jobs}.summary.json"
        assert batch(HUIMIN, "-o", out, "-j", jobs, "--summary", summary).returncode == 0
        outputs.append(out.read_bytes())
        summaries.append(summary.read_bytes())
    assert outputs[0] == outputs[1]
    assert summaries[0] == summaries[1]
    s = json.loads(summaries[0])
    assert s["cases"] == s["valid"] == s["planned"] == 52 and s["errors"] == 0 and s["complete"]
    assert s["plans_verified"] == 52 and s["plans_not_proven_optimal"] == 0
    assert s["barriers"]["removed"] + s["barriers"]["left"] == s["barriers"]["before"]


@pytest.fixture(scope="module")
def long_input(tmp_path_factory):
    """Ten times the 52 households (ids made unique): long enough to interrupt."""
    path = tmp_path_factory.mktemp("long") / "long.jsonl"
    lines = HUIMIN.read_text(encoding="utf-8").splitlines()
    with path.open("w", encoding="utf-8") as f:
        for round_ in range(10):
            for line in lines:
                case = json.loads(line)
                case["id"] = f"{case['id']}-{round_}"
                f.write(json.dumps(case, ensure_ascii=False) + "\n")
    return path


def test_ctrl_c_stops_a_batch_waiting_on_an_idle_pipe(tmp_path: Path):
    """A batch fed one case at a time stops at Ctrl-C while it waits for the next line (it had
    waited for more input, then finished the output as if complete)."""
    out = tmp_path / "out.jsonl"
    run = subprocess.Popen([str(CLI), "batch", "--check-only", "-o", str(out), "-"], stdin=subprocess.PIPE,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        run.stdin.write(HUIMIN.read_bytes().splitlines(keepends=True)[0])
        run.stdin.flush()
        part = Path(str(out) + ".part")
        deadline = time.time() + 30
        while time.time() < deadline and (not part.exists() or part.stat().st_size == 0):
            time.sleep(0.02)
        started = time.time()
        run.send_signal(signal.SIGINT)
        run.wait(timeout=10)  # stdin stays open: only the stop can end the batch
        assert time.time() - started < 5
        err = run.stderr.read()
    finally:
        if run.poll() is None:
            run.kill()
            run.wait()
        for stream in (run.stdin, run.stderr):
            if not stream.closed:
                stream.close()
    assert run.returncode == 130, err.decode()
    assert b"--resume" in err
    assert not out.exists() and part.read_bytes().count(b"\n") == 1


@pytest.fixture(scope="module")
def uninterrupted(long_input, tmp_path_factory):
    d = tmp_path_factory.mktemp("whole")
    out, summary = d / "out.jsonl", d / "summary.json"
    assert batch(long_input, "-o", out, "--summary", summary).returncode == 0
    return out.read_bytes(), summary.read_bytes()


def interrupt(input_path, *args):
    """Runs a batch to -o OUT, sends Ctrl-C once some 100 kB are written; its standard error."""
    out = Path(str(args[list(args).index("-o") + 1]))
    part = Path(str(out) + ".part")
    run = subprocess.Popen([str(CLI), "batch", str(input_path), *map(str, args)],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 60
    while time.time() < deadline and (not part.exists() or part.stat().st_size < 100_000):
        time.sleep(0.02)
    run.send_signal(signal.SIGINT)
    _, err = run.communicate(timeout=60)
    assert run.returncode == 130, err.decode()
    return err


def test_ctrl_c_keeps_the_lines_done_and_resume_finishes_the_same(long_input, uninterrupted, tmp_path: Path):
    out, summary = tmp_path / "out.jsonl", tmp_path / "summary.json"
    part = Path(str(out) + ".part")
    err = interrupt(long_input, "-o", out, "-j", 1, "--summary", summary)
    assert b"--resume" in err
    assert not out.exists(), "an incomplete output never takes the final name"
    kept = part.read_bytes()
    assert kept.endswith(b"\n") and kept.count(b"\n") < 520
    assert uninterrupted[0].startswith(kept), "the lines kept are the first ones, in order"
    assert json.loads(summary.read_text())["complete"] is False

    resumed = batch(long_input, "-o", out, "--resume", "--summary", summary)
    assert resumed.returncode == 0, resumed.stderr.decode()
    assert out.read_bytes() == uninterrupted[0]
    assert summary.read_bytes() == uninterrupted[1]
    assert not part.exists()


def test_resume_after_a_hard_stop_mid_line(long_input, uninterrupted, tmp_path: Path):
    out = tmp_path / "out.jsonl"
    part = Path(str(out) + ".part")
    whole = uninterrupted[0]
    cut = whole.index(b"\n", len(whole) // 3) + 1
    part.write_bytes(whole[:cut] + whole[cut:cut + 777])  # a kill -9 in the middle of a line
    resumed = batch(long_input, "-o", out, "--resume", "-j", 2)
    assert resumed.returncode == 0, resumed.stderr.decode()
    assert out.read_bytes() == whole


def test_resume_of_a_finished_run_changes_nothing(tmp_path: Path):
    out, summary = tmp_path / "out.jsonl", tmp_path / "s.json"
    assert batch(MIXED, "-o", out, "--summary", summary).returncode == 1
    before = out.read_bytes(), summary.read_bytes()
    assert batch(MIXED, "-o", out, "--resume", "--summary", summary).returncode == 1
    assert (out.read_bytes(), summary.read_bytes()) == before


def test_resume_needs_the_options_of_the_interrupted_run(long_input, tmp_path: Path):
    options = ["--budget", "1000", "--standard", "GB50763-2012"]
    whole = tmp_path / "whole.jsonl"
    assert batch(long_input, "-o", whole, *options, "--quiet").returncode == 0
    out = tmp_path / "out dir" / "out.jsonl"  # a space: the command printed must quote it
    out.parent.mkdir()
    part = Path(str(out) + ".part")
    command = interrupt(long_input, "-o", out, "-j", 1, *options).decode().split("Resume with: ", 1)[1].splitlines()[0]
    # Without the options the lines to come would be planned otherwise: refused, and said how to resume.
    bare = batch(long_input, "-o", out, "--resume")
    assert bare.returncode == 2
    assert b"other options" in bare.stderr and b"--budget" in bare.stderr
    assert part.exists() and not out.exists()
    # The command printed finishes the run as if it had not been interrupted.
    args = shlex.split(command)
    assert args[:2] == ["barrierfree", "batch"] and args[-1] == "--resume"
    resumed = subprocess.run([str(CLI), *args[1:]], capture_output=True)
    assert resumed.returncode == 0, resumed.stderr.decode()
    assert out.read_bytes() == whole.read_bytes()
    # The record of the options stays beside the output: a resume of it, once the input has grown, is checked too.
    assert json.loads(Path(str(out) + ".run.json").read_text(encoding="utf-8"))["settings"]["--budget"] == 1000


def test_a_finished_run_grown_is_continued_only_with_its_options(tmp_path: Path):
    lines = HUIMIN.read_bytes().splitlines(keepends=True)
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_bytes(b"".join(lines[:5]))
    assert batch(source, "-o", out, "--budget", "5000", "--quiet").returncode == 0
    finished = out.read_bytes()
    source.write_bytes(b"".join(lines[:8]))  # the district added three households
    other = batch(source, "-o", out, "--resume", "--budget", "6000")
    assert other.returncode == 2 and b"other options" in other.stderr
    assert out.read_bytes() == finished and not Path(str(out) + ".part").exists()
    # The same budget written otherwise is the same option, in a record of an earlier version too
    # (which kept it as text).
    record = Path(str(out) + ".run.json")
    older = json.loads(record.read_text(encoding="utf-8"))
    older["settings"]["--budget"] = "5000"
    record.write_text(json.dumps(older), encoding="utf-8")
    same = batch(source, "-o", out, "--resume", "--budget", "5000.0")
    assert same.returncode == 0, same.stderr.decode()
    whole = tmp_path / "whole.jsonl"
    assert batch(source, "-o", whole, "--budget", "5000", "--quiet").returncode == 0
    assert out.read_bytes() == whole.read_bytes()


def test_a_record_of_the_run_that_cannot_be_read_refuses_the_resume(long_input, tmp_path: Path):
    out = tmp_path / "out.jsonl"
    interrupt(long_input, "-o", out, "-j", 1)
    part = Path(str(out) + ".part")
    before = part.read_bytes() + b'{"id": "HM-0'  # and a last line cut short by a hard stop
    part.write_bytes(before)
    Path(str(out) + ".run.json").write_text("{not json", encoding="utf-8")
    refused = batch(long_input, "-o", out, "--resume")
    assert refused.returncode == 2 and b"run.json cannot be read" in refused.stderr
    assert part.read_bytes() == before, "a refused resume leaves the earlier output as it was"


def test_resume_of_a_finished_run_with_another_input_leaves_it_alone(tmp_path: Path):
    out = tmp_path / "out.jsonl"
    assert batch(HUIMIN, "-o", out, "--quiet").returncode == 0
    before = out.read_bytes()
    first_20 = tmp_path / "in20.jsonl"
    first_20.write_text("\n".join(HUIMIN.read_text(encoding="utf-8").splitlines()[:20]) + "\n", encoding="utf-8")
    wrong = batch(first_20, "-o", out, "--resume")
    assert wrong.returncode == 2
    assert out.read_bytes() == before
    assert not Path(str(out) + ".part").exists()


def test_resume_from_standard_input_is_checked_as_a_file_is(tmp_path: Path):
    lines = HUIMIN.read_bytes().splitlines(keepends=True)
    out, part = tmp_path / "out.jsonl", Path(str(tmp_path / "out.jsonl") + ".part")
    whole = batch("-", "--check-only", input=b"".join(lines[:6])).stdout
    earlier = b"".join(whole.splitlines(keepends=True)[:4])
    # Fewer input lines than the output has: not its input. Refused, the output left alone.
    part.write_bytes(earlier + b'{"id": "HM-0')
    short = batch("-", "-o", out, "--resume", "--check-only", input=b"".join(lines[:3]))
    assert short.returncode == 2 and b"only 3" in short.stderr
    assert part.read_bytes() == earlier + b'{"id": "HM-0' and not out.exists()
    # Another household at the place of the last line done.
    wrong = batch("-", "-o", out, "--resume", "--check-only", input=b"".join(lines[1:7]))
    assert wrong.returncode == 2 and b"does not continue the standard input" in wrong.stderr
    # Its own input: continued after line 4, as one run in a go.
    resumed = batch("-", "-o", out, "--resume", "--check-only", input=b"".join(lines[:6]))
    assert resumed.returncode == 0, resumed.stderr.decode()
    assert out.read_bytes() == whole


@pytest.mark.parametrize("named", ["in", "summary"])
@pytest.mark.parametrize("suffix", [".part", ".run.json"])
def test_the_files_beside_the_output_are_not_the_input_or_the_summary(named, suffix, tmp_path: Path):
    out = tmp_path / "out.jsonl"
    beside = Path(str(out) + suffix)
    beside.write_bytes(HUIMIN.read_bytes())
    args = [beside, "-o", out] if named == "in" else [HUIMIN, "-o", out, "--summary", beside]
    done = batch(*args)
    assert done.returncode == 2 and suffix.encode() in done.stderr
    assert beside.read_bytes() == HUIMIN.read_bytes()


def test_resume_refuses_another_input(tmp_path: Path):
    out = tmp_path / "out.jsonl"
    third = HUIMIN.read_text(encoding="utf-8").splitlines()[2]  # HM-003 where HM-001 should be
    Path(str(out) + ".part").write_text(third + "\n", encoding="utf-8")
    wrong = batch(HUIMIN, "-o", out, "--resume")
    assert wrong.returncode == 2
    assert b"does not continue" in wrong.stderr


@pytest.mark.parametrize("args", [
    ["-j", "0"], ["-j", "many"], ["--resume"], ["--standard", "GB1"], ["--budget", "-1"], ["--budget", ""],
    ["--budget="], ["--budget", "inf"], ["--budget", "0x10"], ["--budget", " 5000"], ["--budget", "1e308"],
    ["--budget", "nan"], ["--max-items", "+3"], ["--max-items", "2.5"], ["--region", "china"], ["--region", "CN-99"], ["--summary", "/nonexistent/dir/s.json"],
    ["--summary", "/"], ["a", "b"], ["--frobnicate"],
])
def test_usage_errors_exit_2(args):
    done = batch(HUIMIN, *args)
    assert done.returncode == 2
    assert not done.stdout, "refused before any line is done"


@pytest.mark.parametrize("args, said", [
    (["-j", "2", "-j", "4"], b"option -j is given more than once"),
    (["--budget=1000", "--budget", "2000"], b"option --budget is given more than once"),
    (["-o", "a.jsonl", "--output", "b.jsonl"], b"option --output is given more than once"),
    (["--check-only=yes"], b"unknown option --check-only=yes"),
    (["--quiet=1"], b"unknown option --quiet=1"),
    (["--check-only", "--budget", "1000"], b"--budget is for plans"),
    (["--check-only", "--region", "CN-42"], b"--region is for plans"),
    (["--summary", "-"], b"the summary is written to a file"),
])
def test_options_that_cannot_all_be_meant_are_refused(args, said, tmp_path: Path):
    done = batch(HUIMIN, *args, cwd=tmp_path)
    assert done.returncode == 2 and said in done.stderr, done.stderr.decode()
    assert not done.stdout and not list(tmp_path.iterdir()), "nothing written, no file named '-'"


def test_a_flag_given_twice_means_what_it_means_once(tmp_path: Path):
    for flags in (["--quiet", "--quiet"], ["--quiet", "-q"], ["--check-only", "--check-only"]):
        done = batch(HUIMIN, *flags, "--check-only", "-o", tmp_path / "out.jsonl")
        assert done.returncode == 0, (flags, done.stderr.decode())


def test_a_named_pipe_is_read_as_standard_input_is(tmp_path: Path):
    fifo = tmp_path / "cases.fifo"
    os.mkfifo(fifo)
    feeder = threading.Thread(target=lambda: fifo.write_bytes(HUIMIN.read_bytes()))
    feeder.start()
    try:
        done = batch(fifo, "--check-only", timeout=120)
    finally:
        feeder.join(timeout=60)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout == batch(HUIMIN, "--check-only").stdout


def test_a_file_named_like_an_option_is_read_after_dashes(tmp_path: Path):
    odd = tmp_path / "-odd.jsonl"
    odd.write_bytes(HUIMIN.read_bytes().split(b"\n", 1)[0] + b"\n")
    done = subprocess.run([str(CLI), "batch", "--check-only", "--", odd.name], capture_output=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr.decode()
    assert json.loads(done.stdout)["id"] == "HM-001"


def test_a_catalogue_that_cannot_be_read_is_a_usage_error(tmp_path: Path):
    bad = tmp_path / "catalog.json"
    bad.write_text('{"format": "barrierfree.catalog/1", "items": [{"remedy": "door.widden"}]}', encoding="utf-8")
    done = batch(HUIMIN, "--catalog", bad, "-o", tmp_path / "out.jsonl")
    assert done.returncode == 2, "no line was read: exit 1 would say some lines gave errors"
    assert b"catalog." in done.stderr
    assert not (tmp_path / "out.jsonl").exists()


def test_output_or_summary_over_the_input_is_refused(tmp_path: Path):
    copy = tmp_path / "in.jsonl"
    copy.write_bytes(HUIMIN.read_bytes())
    assert batch(copy, "-o", copy).returncode == 2
    assert batch(copy, "--summary", copy).returncode == 2
    assert batch(copy, "-o", tmp_path / "o.jsonl", "--summary", tmp_path / "o.jsonl").returncode == 2
    assert copy.read_bytes() == HUIMIN.read_bytes()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_summary_that_cannot_be_written_is_not_a_success():
    done = batch(HUIMIN, "--check-only", "--summary", "/dev/full", "-o", "/dev/null")
    assert done.returncode == 1
    assert b"cannot write the summary" in done.stderr


def test_missing_input_exits_2(tmp_path: Path):
    assert batch(tmp_path / "nothing.jsonl").returncode == 2


def test_check_only(tmp_path: Path):
    out = tmp_path / "out.jsonl"
    assert batch(HUIMIN, "--check-only", "-o", out).returncode == 0
    first = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert "findings" in first and "plan" not in first


def test_a_device_is_written_to_not_replaced(tmp_path: Path):
    # -o /dev/null must not become "write /dev/null.part, rename it over /dev/null".
    assert batch(MIXED, "-o", "/dev/null", "--quiet").returncode == 1
    assert Path("/dev/null").is_char_device()
    assert not Path("/dev/null.part").exists()


def test_progress_bar_only_on_a_terminal(long_input, tmp_path: Path):
    import os
    import pty

    # Not a terminal: no progress bar (no carriage returns), only the closing count.
    plain = batch(HUIMIN, "-o", tmp_path / "a.jsonl", "--check-only")
    assert b"\r" not in plain.stderr and b"52 line(s)" in plain.stderr
    # A terminal: a bar with the share done, the rate and an estimate of the time left.
    main, child = pty.openpty()
    run = subprocess.Popen([str(CLI), "batch", str(long_input), "-o", str(tmp_path / "b.jsonl"), "-j", "1"],
                           stdout=subprocess.DEVNULL, stderr=child)
    os.close(child)
    seen = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    run.wait(timeout=120)
    os.close(main)
    assert run.returncode == 0
    assert b"\r[" in seen and b"%" in seen and b"/s" in seen and b"ETA" in seen


def test_python_batch_equals_the_cli_for_every_bundled_household(tmp_path: Path):
    import barrierfree

    for extra, check_only in (([], False), (["--check-only"], True)):
        out = tmp_path / "out.jsonl"
        assert batch(HUIMIN, "-o", out, *extra).returncode == 0
        cli = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        py = [r.to_dict() for r in barrierfree.batch(HUIMIN, threads=2, check_only=check_only)]
        assert py == cli


def test_varied_balcony_steps_all_plan_and_hold_together(tmp_path: Path):
    """The 52 households with their level changes varied (rises at and around the catalogue's
    limit for raising a floor, lower side given, swapped or missing, balcony doors of every kind,
    sockets at and around the rise, budgets from tight to none): every plan holds together, and a
    floor is raised only where nothing it cannot lift stands on it."""
    import random

    rng = random.Random(11)
    catalog = json.loads((ROOT / "data" / "catalog" / "cn-reference.json").read_text(encoding="utf-8"))
    max_rise = next(i for i in catalog["items"] if i["remedy"] == "floor.raise")["params"]["max_rise_mm"]
    base = [json.loads(line) for line in HUIMIN.read_text(encoding="utf-8").splitlines()]
    cases = []
    for k in range(240):
        c = json.loads(json.dumps(rng.choice(base)))
        c["id"] = f"V{k}-{c['id']}"
        for s in c.get("steps", []):
            s["rise"] = rng.choice([15, 16, 60, max_rise - 1, max_rise, max_rise + 1, 200])
            roll = rng.random()
            if roll < 0.2:
                s.pop("lower", None)
            elif roll < 0.3 and "lower" in s:
                s["lower"] = next(r for r in s["rooms"] if r != s["lower"])
        for d in c["doors"]:
            if "balcony" in d["rooms"] and rng.random() < 0.5:
                d["type"] = rng.choice(["swing", "sliding", "opening"])
                d.pop("swing_into", None)
                if d["type"] == "swing":
                    d["swing_into"] = rng.choice(d["rooms"])
                    d.setdefault("handle", "lever")
                    d.setdefault("handle_height", 900)
                elif d["type"] == "opening":  # no leaf, so no handle
                    d.pop("handle", None)
                    d.pop("handle_height", None)
        if any(r["id"] == "balcony" for r in c["rooms"]) and rng.random() < 0.4:
            c.setdefault("devices", []).append(
                {"id": f"socket-{k}", "type": "socket", "room": "balcony", "height": rng.choice([60, 61, 150, 151, 300])})
        c["budget"] = rng.choice([c.get("budget"), 1500, 20000, None])
        if c["budget"] is None:
            c.pop("budget")
        cases.append(c)
    src = tmp_path / "varied.jsonl"
    src.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    done = batch(src, "-o", out, "-j", 2)
    assert done.returncode == 0, done.stderr.decode()
    results = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in results] == [c["id"] for c in cases]
    raised = 0
    for case, r in zip(cases, results):
        assert r["plan"]["verified"], r["id"]
        for item in r["plan"]["items"]:
            if item["remedy"] != "floor.raise":
                continue
            raised += 1
            step = next(s for s in case["steps"] if s["id"] == item["element"])
            rise = step["count"] * step["rise"]
            assert rise <= max_rise, r["id"]
            lower = step["lower"]
            assert all(d.get("height", rise + 1) > rise for d in case.get("devices", []) if d["room"] == lower), r["id"]
            assert not any(s["id"] != step["id"] and lower in s["rooms"] for s in case["steps"]), r["id"]
    assert raised > 0  # the variations do reach the remedy
