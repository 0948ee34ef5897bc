"""Tables and pictures: DataFrames with stable columns, matplotlib drawings, notebook display."""
import html
import json
import re

import pytest

import barrierfree as bf
from conftest import ROOT, optional

HUIMIN = ROOT / "data" / "examples" / "huimin-52.jsonl"


@pytest.fixture(scope="module")
def results():
    optional("pandas")
    return list(bf.batch(HUIMIN, threads=2))


@pytest.fixture(scope="module")
def cases():
    return [json.loads(line) for line in HUIMIN.read_text(encoding="utf-8").splitlines()]


def test_findings_frame(results):
    df = bf.findings_frame(results)
    assert list(df.columns) == bf.FINDING_COLUMNS
    assert len(df) == sum(len(r.findings) for r in results)
    first = results[0].findings[0]
    row = df.iloc[0]
    assert (row["case"], row["finding"], row["check"], row["severity"]) == (results[0].id, first.id, first.check,
                                                                           first.severity)
    # Plan results know their household: the categories of the people concerned (an elderly
    # carer without a disability is "none").
    assert df["categories"].map(lambda c: isinstance(c, list)).all()
    assert set(df["categories"].explode().dropna()) == {"physical", "visual", "hearing", "speech", "intellectual",
                                                        "mental", "none"}
    assert set(df["check"]) <= set(bf.check_kinds())
    # What a plan removes is not left, and the counts agree with the costs table.
    assert not (df["resolved"] & df["left"]).any()


def test_findings_frame_of_check_results_with_their_cases(cases):
    optional("pandas")
    checks = [bf.check(c) for c in cases[:5]]
    without = bf.findings_frame(checks)
    assert without["categories"].isna().all() and without["resolved"].isna().all()
    with_cases = bf.findings_frame(checks, cases=cases[:5])
    assert with_cases["categories"].tolist() == bf.findings_frame([bf.plan(c) for c in cases[:5]])["categories"].tolist()


def test_plans_frame(results):
    df = bf.plans_frame(results)
    assert list(df.columns) == bf.PLAN_COLUMNS
    assert len(df) == sum(len(r.plan.items) for r in results)
    by_case = df.groupby("case")["cost"].sum()
    for r in results:
        if r.plan.items:
            assert by_case[r.id] == pytest.approx(r.plan.subtotal)
    assert df["item"].str.fullmatch(r"P[0-9]+").all()


def test_costs_frame(results):
    df = bf.costs_frame(results)
    assert list(df.columns) == bf.COST_COLUMNS
    assert len(df) == len(results)
    assert (df["removed"] + df["left"] == df["barriers"]).all()
    assert df["within_budget"].all() and df["verified"].all() and df["optimal"].all()
    rollup = bf.Rollup()
    for r in results:
        rollup.add(r)
    assert df["total"].sum() == pytest.approx(rollup.to_dict()["total_cost"], abs=0.01)


def test_within_budget_is_what_the_budget_pays():
    # Subsidy caps on three items: the household pays the rest, which takes the total beyond
    # the budget; the budget itself is kept.
    case = bf.load_case(ROOT / "data" / "examples" / "wheelchair-user.json")
    caps = {"floor.anti_slip": 10, "grab_bar.install": 10, "door.widen": 100}
    capped = bf.plan(case, budget=2000, subsidy_caps=caps)
    row = bf.costs_frame([capped]).iloc[0]
    assert row["subsidy"] <= 2000 + 1e-6 and row["within_budget"]
    assert row["total"] > 2000 and row["total"] == pytest.approx(row["subsidy"] + row["copay"], abs=0.01)
    # The family's report says the same, not "over the budget" in red.
    report = bf.report_html(capped, lang="en")
    assert '<span class="ok">(within the budget)</span>' in report


def test_frames_skip_batch_errors_and_reject_other_things(results):
    errors = list(bf.batch(["not json"]))
    assert len(bf.costs_frame(results[:2] + errors)) == 2
    with pytest.raises(TypeError):
        bf.costs_frame([1, 2])


def test_empty_frames_keep_their_columns():
    optional("pandas")
    assert list(bf.findings_frame([]).columns) == bf.FINDING_COLUMNS
    assert list(bf.plans_frame([]).columns) == bf.PLAN_COLUMNS
    assert list(bf.costs_frame([]).columns) == bf.COST_COLUMNS


def test_plot_draws_what_the_svg_draws(cases):
    matplotlib = optional("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    case = bf.load_case(cases[0])
    ax = bf.plot(case)
    texts = {t.get_text() for t in ax.texts}
    assert {r["name"] for r in cases[0]["rooms"]} <= texts
    result = bf.plan(case)
    ax2 = bf.plot(case, result, lists=True)  # the list names every item; the plan marks those with a place
    labels = " ".join(t.get_text() for t in ax2.texts)
    for n in range(1, len(result.plan.items) + 1):
        assert f"P{n}" in labels
    svg_texts = re.findall(r">([^<>]+)</text>", bf.drawing_svg(result, lists=True))
    assert sorted(t.get_text() for t in ax2.texts) == sorted(html.unescape(t) for t in svg_texts)
    fig, ax3 = plt.subplots()
    assert bf.plot(cases[0], ax=ax3, plan=True, lang="en", lists=True) is ax3
    plt.close("all")


def test_plot_rejects_bad_arguments(cases):
    matplotlib = optional("matplotlib")
    matplotlib.use("Agg")
    with pytest.raises(ValueError):
        bf.plot(cases[0], lang="fr")
    with pytest.raises(bf.CaseError):
        bf.plot({"format": "barrierfree.case/1"})


def test_notebook_display(cases):
    case = bf.load_case(cases[0])
    assert case._repr_svg_().startswith("<svg")
    result = bf.plan(case)
    html = result._repr_html_()
    assert result.id in html and "<svg" in html
    assert "<table>" in bf.check(case)._repr_html_()


def test_drawing_and_report_text(cases):
    case = bf.load_case(cases[0])
    page = bf.drawing_svg(case, page=True)
    assert 'width="297mm"' in page
    report = bf.report_html(bf.plan(case), lang="en")
    assert report.startswith("<!DOCTYPE html>") and "Home accessibility modification plan" in report
    with pytest.raises(TypeError):
        bf.report_html(case)
    with pytest.raises(TypeError):
        bf.drawing_svg("not a case")


def test_a_drawing_of_a_case_shows_the_check_it_is_given():
    case = bf.load_case(ROOT / "data" / "examples" / "wheelchair-user.json")
    ada = bf.check(case, standard="ADA-2010")
    own = bf.drawing_svg(case)
    with_ada = bf.drawing_svg(case, result=ada)
    assert with_ada != own and "ADA-2010" in with_ada and "ADA-2010" not in own
    with pytest.raises(TypeError):
        bf.drawing_svg(case, result="ADA")


def test_a_plan_made_with_a_ruleset_of_ones_own_keeps_its_turning_circles():
    document = json.loads((ROOT / "data" / "rules" / "gb50763-2012.json").read_text(encoding="utf-8"))
    document["id"] = "DISTRICT-RULES"
    own = bf.load_ruleset(document)
    result = bf.plan(ROOT / "data" / "examples" / "wheelchair-user.json", rules=own)
    assert result.standard == "DISTRICT-RULES"
    svg = bf.drawing_svg(result)
    assert 'fill-opacity="0.10"' in svg, "the turning circles of the rules the plan was made with"
    assert svg == bf.drawing_svg(result, rules=own)
    assert 'fill-opacity="0.10"' in bf.report_html(result)


def test_plot_does_not_flood_the_log_with_missing_fonts(caplog):
    optional("matplotlib")
    import logging

    import matplotlib

    from barrierfree import _plot

    matplotlib.use("Agg")
    fonts, installed = _plot._FONTS, _plot._installed
    _plot._FONTS, _plot._installed = ["A Font Nobody Has"] + fonts, None  # as on a machine without CJK fonts
    try:
        with caplog.at_level(logging.INFO, logger="matplotlib.font_manager"):
            bf.plot(ROOT / "data" / "examples" / "wheelchair-user.json", lists=True)
    finally:
        _plot._FONTS, _plot._installed = fonts, installed
    assert sum("findfont" in r.getMessage() for r in caplog.records) < 10


def test_findings_that_concern_only_a_carer_are_counted_under_a_category():
    # The notebook's table of barriers by category dropped 59 of the 52's failing findings: they
    # concern elderly carers with limitations and no certified disability.
    pytest.importorskip("pandas")
    results = list(bf.batch(ROOT / "data" / "examples" / "huimin-52.jsonl", threads=2))
    frame = bf.findings_frame(results)
    fails = frame[frame["status"] == "fail"]
    exploded = fails.explode("categories")
    def keys(frame):
        return set(zip(frame["case"], frame["finding"]))

    assert keys(fails) == keys(exploded.dropna(subset=["categories"]))
    assert "none" in set(exploded["categories"])


def test_frames_of_saved_results_are_those_of_the_results(results, cases, tmp_path):
    """A district's results saved as JSON (to_dict(), or the lines of `barrierfree batch`) give the
    same tables as the results themselves: an engineer can analyse last month's run in a notebook."""
    pd = pytest.importorskip("pandas")
    saved = [r.to_dict() for r in results]
    lines = [json.loads(json.dumps(d)) for d in saved]  # as read back from a file
    for frame in (bf.plans_frame, bf.costs_frame):
        pd.testing.assert_frame_equal(frame(lines), frame(results))
    # A saved plan does not carry its household: the categories come from the cases given.
    pd.testing.assert_frame_equal(bf.findings_frame(lines, cases), bf.findings_frame(results))
    assert bf.findings_frame(lines)["categories"].isna().all()
    # Check results saved, and error lines among them, as the batch writes them.
    checks = list(bf.batch(HUIMIN, check_only=True, threads=2))
    pd.testing.assert_frame_equal(bf.costs_frame([c.to_dict() for c in checks] + [{"id": None, "line": 9, "error": {}}]),
                                  bf.costs_frame(checks))
    pd.testing.assert_frame_equal(bf.findings_frame([c.to_dict() for c in checks], cases), bf.findings_frame(checks, cases))
    with pytest.raises(TypeError, match="saved as JSON"):
        bf.costs_frame([{"id": "x"}])
