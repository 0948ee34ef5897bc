"""barrierfree.batch: any iterable in, one result per input out, in order, whatever the threads."""
import json
import time

import pytest

import barrierfree as bf
from conftest import ROOT

HUIMIN_LINES = (ROOT / "data" / "examples" / "huimin-52.jsonl").read_text(encoding="utf-8").splitlines()

HUIMIN = ROOT / "data" / "examples" / "huimin-52.jsonl"
MIXED = ROOT / "tests" / "data" / "batch" / "mixed.jsonl"


def dicts():
    return [json.loads(line) for line in HUIMIN.read_text(encoding="utf-8").splitlines()]


def test_same_results_with_one_and_two_threads():
    one = [r.to_dict() for r in bf.batch(HUIMIN, threads=1)]
    two = [r.to_dict() for r in bf.batch(HUIMIN, threads=2, chunk_size=7)]
    assert one == two
    assert [r["id"] for r in one] == [c["id"] for c in dicts()]


def test_results_equal_plan_and_check_one_by_one():
    cases = dicts()[:6]
    for case, result in zip(cases, bf.batch(cases, threads=2)):
        assert isinstance(result, bf.PlanResult)
        assert result.to_dict() == bf.plan(case).to_dict()
    for case, result in zip(cases, bf.batch(cases, threads=2, check_only=True)):
        assert isinstance(result, bf.CheckResult)
        assert result.to_dict() == bf.check(case).to_dict()


def test_any_kind_of_input():
    case = dicts()[0]
    text = json.dumps(case)
    loaded = bf.load_case(case)
    results = list(bf.batch([case, text, loaded, text.encode()], threads=2))
    assert [r.id for r in results] == [case["id"]] * 4
    assert len({json.dumps(r.to_dict(), sort_keys=True) for r in results}) == 1


def test_bad_inputs_are_errors_in_their_place():
    results = list(bf.batch(MIXED, threads=2))
    lines = MIXED.read_bytes().split(b"\n")[:-1]
    assert len(results) == len(lines)
    errors = [r for r in results if isinstance(r, bf.BatchError)]
    assert [e.line for e in errors] == [2, 3, 4, 5, 6, 7]
    assert [e.error.code for e in errors] == ["case.101", "case.101", "case.104", "case.103", "case.110", "case.101"]
    assert errors[2].id == "HM-002-BAD" and errors[2].error.path == "/doors/2/rooms/1"
    assert set(errors[0].to_dict()) == {"id", "line", "error", "errors"}


def test_error_lines_equal_the_clis(tmp_path):
    from conftest import CLI
    import subprocess

    if not CLI.exists():
        pytest.skip("the command-line tool is not built")
    out = subprocess.run([str(CLI), "batch", str(MIXED)], capture_output=True, text=True).stdout.splitlines()
    for r, line in zip(bf.batch(MIXED), out):
        if isinstance(r, bf.BatchError):
            assert r.to_dict() == json.loads(line)
        else:
            assert r.to_dict() == {k: v for k, v in json.loads(line).items() if k != "warnings"}


def test_objects_that_are_not_cases():
    results = list(bf.batch([{"x": 1}, 5, object()], threads=1))
    assert all(isinstance(r, bf.BatchError) for r in results)
    assert [r.line for r in results] == [1, 2, 3]


def test_a_generator_is_read_lazily():
    seen = []

    def cases():
        for c in dicts()[:8]:
            seen.append(c["id"])
            yield c

    it = bf.batch(cases(), threads=1, chunk_size=2, check_only=True)
    assert seen == [], "nothing is read before the first result is asked for"
    next(it)
    assert len(seen) == 2


def test_plan_options_apply_to_every_case():
    for r in bf.batch(dicts()[:4], budget=0):
        assert r.plan.items == [] and r.plan.total == 0
    for r in bf.batch(dicts()[:2], standard="ADA-2010", check_only=True):
        assert r.standard == "ADA-2010"


@pytest.mark.parametrize("kwargs", [
    {"threads": 0}, {"threads": "2"}, {"chunk_size": 0}, {"budget": -1}, {"standard": "GB1"},
    {"standard": "GB50763-2012", "rules": "x.json"}, {"max_items": -2},
])
def test_bad_arguments_raise_at_once(kwargs):
    with pytest.raises(ValueError):
        bf.batch(dicts()[:1], **kwargs)


def test_unknown_option_is_a_type_error():
    with pytest.raises(TypeError):
        bf.batch(dicts()[:1], budjet=5)


def test_a_single_case_is_not_a_batch():
    with pytest.raises(ValueError):
        bf.batch(dicts()[0])
    with pytest.raises(ValueError):
        bf.batch(ROOT / "no-such-file.jsonl")


def test_threads_release_the_gil():
    # Python keeps running while a chunk is planned: a thread that counts is not starved.
    import threading

    ticks = []
    done = threading.Event()

    def count():
        while not done.is_set():
            ticks.append(1)
            time.sleep(0.001)

    t = threading.Thread(target=count)
    t.start()
    list(bf.batch(dicts()[:10], threads=1, chunk_size=10))
    done.set()
    t.join()
    assert len(ticks) > 5


def test_inputs_json_cannot_hold_are_errors_in_their_place():
    np = pytest.importorskip("numpy")
    import datetime

    cases = list(dicts())[:3]
    cases[0]["budget"] = np.int64(cases[0]["budget"])  # what a DataFrame row gives: a number
    cases[1]["surveyed"] = datetime.date(2026, 12, 3)  # no JSON for it
    results = list(bf.batch(cases, threads=2))
    assert isinstance(results[0], bf.PlanResult) and results[0].plan.budget == cases[0]["budget"]
    assert isinstance(results[1], bf.BatchError)
    assert (results[1].id, results[1].line, results[1].error.code) == (cases[1]["id"], 2, "case.103")
    assert "date" in results[1].error.message
    assert isinstance(results[2], bf.PlanResult)
    rollup = bf.Rollup()
    for r in results:
        rollup.add(r)  # an error counts as one
    assert rollup.to_dict()["errors"] == 1 and rollup.households == 2


def test_batch_arguments_are_checked_at_the_call():
    for bad in (5, None):
        with pytest.raises(TypeError):
            bf.batch(bad)
    with pytest.raises(ValueError):
        bf.batch(list(dicts())[:1], threads=2**33)


def test_a_file_is_split_into_lines_as_the_cli_splits_it(tmp_path):
    """At "\\n" only, one "\\r" before it dropped: a "\\r" left over or inside a line is JSON
    whitespace, and a line that is not UTF-8 (a GBK note, say) is that line's case.101 alone."""
    from conftest import CLI
    import subprocess

    good = json.dumps(dicts()[0], ensure_ascii=False).encode()
    gbk = json.dumps({**dicts()[1], "notes": "卫生间"}, ensure_ascii=False).encode().replace(
        "卫生间".encode(), "卫生间".encode("gbk"))
    path = tmp_path / "mixed-endings.jsonl"
    path.write_bytes(good + b"\r\r\n" + gbk + b"\n" + good.replace(b", ", b",\r ", 3) + b"\r\n" + good)
    results = list(bf.batch(path, threads=2, check_only=True))
    assert [type(r).__name__ for r in results] == ["CheckResult", "BatchError", "CheckResult", "CheckResult"]
    assert results[1].line == 2 and results[1].error.code == "case.101"
    if not CLI.exists():
        pytest.skip("the command-line tool is not built")
    out = subprocess.run([str(CLI), "batch", "--check-only", str(path)], capture_output=True).stdout.splitlines()
    assert len(out) == 4
    assert json.loads(out[1]) == results[1].to_dict()
    for i in (0, 2, 3):
        assert results[i].to_dict() == {k: v for k, v in json.loads(out[i]).items() if k != "warnings"}


def test_bytes_that_are_not_utf8_are_refused_not_patched():
    case = dicts()[0]
    text = json.dumps({**case, "id": "HM-X"}).encode().replace(b'"HM-X"', b'"HM-\xe9"')  # Latin-1, not UTF-8
    (r,) = bf.batch([text], check_only=True)
    assert isinstance(r, bf.BatchError) and r.error.code == "case.101"


def test_a_list_of_case_files_is_a_batch(tmp_path):
    np = pytest.importorskip("numpy")

    examples = sorted((ROOT / "data" / "examples").glob("*.json"))
    missing = tmp_path / "no-such-case.json"
    inputs = [examples[0], str(examples[1]), missing]
    results = list(bf.batch(inputs, threads=np.int64(2), chunk_size=np.int64(2), check_only=True))
    assert len(results) == 3
    assert results[0].to_dict() == bf.check(examples[0]).to_dict()
    assert results[1].to_dict() == bf.check(examples[1]).to_dict()
    assert isinstance(results[2], bf.BatchError)
    assert "no-such-case.json" in results[2].errors[0].message
    with pytest.raises(bf.ArgumentTypeError):
        list(bf.batch(inputs, threads="2"))


def test_plan_options_with_check_only_and_a_yes_that_is_no_bool_are_refused():
    with pytest.raises(ValueError, match="budget"):
        list(bf.batch(HUIMIN_LINES[:1], check_only=True, budget=5))
    with pytest.raises(bf.ArgumentTypeError):
        list(bf.batch(HUIMIN_LINES[:1], structural_first="no"))
