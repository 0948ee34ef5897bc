"""barrierfree.plan, catalogues, regions and calibration from Python."""
import json
import subprocess
from pathlib import Path

import pytest

import barrierfree
from conftest import CLI, ROOT, example_paths, needs_cli


@pytest.mark.parametrize("path", example_paths(), ids=lambda p: p.stem)
def test_plan_is_proven_and_within_budget(path: Path):
    result = barrierfree.plan(path)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert result.plan.verified
    assert result.plan.total <= document["budget"] + 1e-6
    assert result.score_after < result.score_before
    data = result.to_dict()
    assert data["plan"]["total"] == pytest.approx(result.plan.total)
    assert data["score"] == {"before": result.score_before, "after": result.score_after}
    assert [i["remedy"] for i in data["plan"]["items"]] == [i.remedy for i in result.plan.items]


@needs_cli
@pytest.mark.parametrize("path", example_paths(), ids=lambda p: p.stem)
def test_plan_equals_the_cli(path: Path):
    cli = json.loads(subprocess.run([str(CLI), "plan", str(path)], check=True, capture_output=True, text=True).stdout)
    assert barrierfree.plan(path).to_dict() == cli


def test_budget_arguments():
    path = ROOT / "data" / "examples" / "wheelchair-user.json"
    empty = barrierfree.plan(path, budget=0)
    assert empty.plan.items == [] and empty.plan.total == 0
    unlimited = barrierfree.plan(path, budget=None)
    assert unlimited.plan.budget is None
    assert unlimited.plan.total > barrierfree.plan(path).plan.total
    assert len(barrierfree.plan(path, max_items=2).plan.items) <= 2
    for bad in (-1, "5000", True, float("inf"), float("nan")):
        with pytest.raises(ValueError):
            barrierfree.plan(path, budget=bad)
    with pytest.raises(ValueError):
        barrierfree.plan(path, max_items=-1)
    with pytest.raises(ValueError):
        barrierfree.plan(path, standard="ADA-2010", rules=barrierfree.ruleset("ADA-2010"))


def test_region_and_catalog():
    path = ROOT / "data" / "examples" / "wheelchair-user.json"
    beijing = barrierfree.plan(path, budget=None, region="CN-11")
    henan = barrierfree.plan(path, budget=None, region="CN-41")
    assert beijing.plan.region == "CN-11" and beijing.plan.total > henan.plan.total
    cheap_thresholds = {"format": "barrierfree.catalog/1", "id": "MINE",
                        "items": [{"remedy": "threshold.remove", "unit": "item", "quantity": "element",
                                   "material": 1, "labour": 1, "kind": "structural"}]}
    result = barrierfree.plan(path, budget=None, catalog=cheap_thresholds, region="CN-42")
    item = next(i for i in result.plan.items if i.remedy == "threshold.remove")
    assert item.unit_cost < 3
    catalog = barrierfree.catalog()
    assert len(catalog) == len(barrierfree.remedy_kinds())
    assert catalog["door.widen"]["unit"] == "item"
    with pytest.raises(KeyError):
        catalog["door.widden"]
    assert barrierfree.regions().factors("CN-42")["name_zh"] == "湖北省"
    assert barrierfree.regions().factors("XX") is None
    for unknown in ("XX", "china", "CN-99"):  # a region asked for must have its factors
        with pytest.raises(ValueError, match="no price factors"):
            barrierfree.plan(path, region=unknown)
    with pytest.raises(barrierfree.CatalogError) as info:
        barrierfree.load_catalog({"format": "barrierfree.catalog/1", "id": "X", "items": [{"remedy": "door.widden"}]})
    assert info.value.errors[0].code == "catalog.105"


def test_calibrate(tmp_path):
    bills = tmp_path / "past.csv"
    bills.write_text("household,total,threshold.remove,grab_bar.install\nA,760,2,1\nB,530,1,1\nC,1060,2,2\n", encoding="utf-8")
    override = barrierfree.calibrate(bills)
    prices = {i["remedy"]: i["material"] + i["labour"] for i in override["items"]}
    assert prices == pytest.approx({"threshold.remove": 230, "grab_bar.install": 300})
    assert override["calibration"]["households"] == 3
    calibrated = barrierfree.load_catalog(override)
    assert calibrated["threshold.remove"]["unit_cost"] == pytest.approx(230)
    with pytest.raises(barrierfree.CatalogError):
        barrierfree.calibrate("household,total,door.widden\nA,1,1\n")
    # A bad value names its line in the message, not only in Error.line.
    with pytest.raises(barrierfree.CatalogError, match=r"line 3: ") as info:
        barrierfree.calibrate("household,total,grab_bar.install\nA,300,1\nB,abc,1\n")
    assert info.value.errors[0].line == 3


def test_rollup():
    rollup = barrierfree.Rollup()
    for path in example_paths():
        rollup.add(barrierfree.plan(path))
    summary = rollup.to_dict()
    assert summary["households"] == len(example_paths()) == rollup.households
    assert summary["plans_verified"] == len(example_paths())
    assert summary["total_cost"] == pytest.approx(rollup.total)
    assert summary["barriers"]["removed"] > 0


def test_a_rollup_of_saved_results_is_the_rollup_of_the_results(tmp_path):
    import json

    results = [barrierfree.plan(path) for path in example_paths()]
    live, saved, lines = barrierfree.Rollup(), barrierfree.Rollup(), barrierfree.Rollup()
    for r in results:
        live.add(r)
        saved.add(json.loads(json.dumps(r.to_dict())))  # as a notebook saves and reads them
        lines.add(json.dumps(r.to_dict(), ensure_ascii=False))
    assert saved.to_dict() == live.to_dict() == lines.to_dict()
    with pytest.raises(ValueError):
        lines.add("not a line of results")


def test_plan_arguments_by_type_and_value():
    np = pytest.importorskip("numpy")
    path = ROOT / "data" / "examples" / "wheelchair-user.json"
    # numpy numbers are numbers (pandas gives them)
    assert barrierfree.plan(path, budget=np.int64(3000)).plan.budget == 3000
    assert len(barrierfree.plan(path, max_items=np.int64(2)).plan.items) <= 2
    # a wrong type is a TypeError (and a ValueError, as it was before types were told apart)
    for kw in ({"budget": "100"}, {"region": 42}, {"max_items": 2.5}, {"subsidy_caps": {"door.widen": "x"}}):
        with pytest.raises(TypeError):
            barrierfree.plan(path, **kw)
        with pytest.raises(ValueError):
            barrierfree.plan(path, **kw)
    for kw in ({"max_items": 2**40}, {"subsidy_caps": {"door.widen": -100}}, {"subsidy_caps": {"door.widen": float("nan")}}):
        with pytest.raises(ValueError):
            barrierfree.plan(path, **kw)
    # an empty regions table has no factors for anything
    empty = barrierfree.load_regions({"format": "barrierfree.regions/1", "id": "E", "regions": []})
    with pytest.raises(ValueError, match="no price factors"):
        barrierfree.plan(path, regions=empty, region="CN-42")


def test_a_plan_shows_in_a_notebook_with_its_id_escaped():
    document = json.loads((ROOT / "data" / "examples" / "wheelchair-user.json").read_text(encoding="utf-8"))
    document["id"] = "<img src=x onerror=alert(1)>"
    head = barrierfree.plan(document)._repr_html_().split("<svg", 1)[0]
    assert "<img" not in head and "&lt;img" in head


def test_objects_say_what_they_are():
    path = ROOT / "data" / "examples" / "wheelchair-user.json"
    result = barrierfree.plan(path)
    assert "items" in repr(result.plan) and "CNY" in repr(result.plan)
    rollup = barrierfree.Rollup()
    rollup.add(result)
    assert "1 households" in repr(rollup)
    assert rollup.total == round(result.plan.total, 2)
    assert "regions" in repr(barrierfree.regions())
    catalog = barrierfree.catalog()
    assert "door.widen" in catalog and "door.widden" not in catalog
    assert list(catalog) == [item["remedy"] for item in catalog.items]


def test_plans_items_and_findings_are_dicts_as_in_the_result():
    result = barrierfree.plan(ROOT / "data" / "examples" / "wheelchair-user.json")
    whole = result.to_dict()
    assert result.plan.to_dict() == whole["plan"]
    assert [i.to_dict() for i in result.plan.items] == whole["plan"]["items"]
    assert [f.to_dict() for f in result.findings] == whole["findings"]


def test_a_plan_priced_at_the_reference_level_for_want_of_factors_says_so():
    import warnings

    document = json.loads((ROOT / "data" / "examples" / "wheelchair-user.json").read_text(encoding="utf-8"))
    document["region"] = "CN-81"  # Hong Kong: valid, with no built-in price factors
    with pytest.warns(barrierfree.CaseWarning, match=r"case\.906") as said:
        result = barrierfree.plan(document)
    assert said[0].filename == __file__
    assert result.plan.region in ("", None)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the caller chose the prices, or the region has them: nothing said
        barrierfree.plan(document, region="CN-44")
        barrierfree.plan(dict(document, region="CN-42"))
