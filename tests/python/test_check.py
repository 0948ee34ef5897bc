"""barrierfree.check and rulesets from Python."""
import json
from pathlib import Path

import pytest

import barrierfree
from conftest import ROOT, example_paths


@pytest.mark.parametrize("path", example_paths(), ids=lambda p: p.stem)
def test_check_equals_the_cli_golden_result(path: Path):
    # tests/data/golden holds what `barrierfree check` prints, reviewed by hand.
    golden = json.loads((ROOT / "tests" / "data" / "golden" / f"{path.stem}.check.json").read_text(encoding="utf-8"))
    result = barrierfree.check(path)
    assert result.to_dict() == golden
    assert json.loads(result.to_json()) == golden


def test_result_objects():
    result = barrierfree.check(ROOT / "data" / "examples" / "wheelchair-user.json")
    assert result.id == "HM-001"
    assert result.standard == "GB50763-2012"
    assert len(result) == len(result.findings) > 10
    assert result.score == sum(f.weight for f in result.findings)
    door = next(f for f in result.findings if f.check == "door.clear_width" and f.element == "d-bath")
    assert (door.status, door.measured, door.required, door.unit) == ("fail", 700, {"min": 800}, "mm")
    assert door.rule == "GB50763-2012 3.5.3-3"
    assert door.occupants == ["p1"] and door.severity_by_occupant == {"p1": 4}
    assert door.at == (2850.0, 3600.0)
    assert "700 mm" in door.message["en"] and "700 mm" in door.message["zh"]
    assert "door.widen" in door.remedies
    unmeasured = [f for f in result.findings if f.status == "insufficient_data"]
    assert unmeasured and all(f.missing for f in unmeasured)
    assert result.not_assessed[0]["reason"]


def test_standard_and_rules_arguments():
    path = ROOT / "data" / "examples" / "wheelchair-user.json"
    case = barrierfree.load_case(path)
    assert barrierfree.check(case, standard="ADA-2010").standard == "ADA-2010"
    ada = barrierfree.ruleset("ADA-2010")
    assert barrierfree.check(case, rules=ada).to_dict() == barrierfree.check(case, standard="ADA-2010").to_dict()
    with pytest.raises(ValueError):
        barrierfree.check(case, standard="GB 50763")
    with pytest.raises(ValueError):
        barrierfree.check(case, standard="ADA-2010", rules=ada)
    with pytest.raises(TypeError):
        barrierfree.ruleset(42)
    with pytest.raises(barrierfree.CaseError):
        barrierfree.check({"format": "barrierfree.case/1"})


def test_unknown_standard_in_the_case_is_a_value_error():
    document = json.loads((ROOT / "data" / "examples" / "deaf-resident.json").read_text(encoding="utf-8"))
    document["standard"] = "GB99999"
    with pytest.raises(ValueError, match="unknown standard"):
        barrierfree.check(document)


def test_rulesets():
    ids = [r.id for r in barrierfree.rulesets()]
    assert ids == ["ADA-2010", "CDPF-HOME", "GB50763-2012", "GB55019-2021"]
    gb = barrierfree.ruleset("GB50763-2012")
    rule = next(r for r in gb.rules if r["id"] == "gb50763.door.clear_width")
    assert rule["params"]["min"] == {"value": 800, "unit": "mm"}
    assert rule["citation"] == "GB50763-2012 3.5.3-3"
    assert rule["confidence"] == "confirmed"
    assert set(barrierfree.check_kinds()) >= {"door.clear_width", "turning_space", "safety.call"}
    assert "door.widen" in barrierfree.remedy_kinds()


def test_own_ruleset(tmp_path):
    policy = {
        "format": "barrierfree.ruleset/1", "id": "LOCAL",
        "rules": [{"id": "local.door", "check": "door.clear_width", "clause": "4", "params": {"min": {"value": 900, "unit": "mm"}},
                   "applies": {"wheelchair": 4}, "note": "stricter"}],
    }
    path = tmp_path / "local.json"
    path.write_text(json.dumps(policy), encoding="utf-8")
    for source in (policy, path, str(path), json.dumps(policy)):
        rules = barrierfree.load_ruleset(source)
        assert rules.id == "LOCAL" and len(rules) == 1
    result = barrierfree.check(ROOT / "data" / "examples" / "wheelchair-user.json", rules=path)
    assert {f.element for f in result.findings} >= {"d-bed1", "d-bath"}  # 800 mm is not 900 mm


def test_bad_ruleset_errors():
    bad = {"format": "barrierfree.ruleset/1", "id": "X",
           "rules": [{"id": "a", "check": "door.widht", "clause": "1", "applies": {"wheelchair": 9}}]}
    with pytest.raises(barrierfree.RulesetError) as info:
        barrierfree.load_ruleset(bad)
    assert [(e.code, e.path) for e in info.value.errors] == [
        ("ruleset.105", "/rules/0/check"), ("ruleset.107", "/rules/0/applies/wheelchair")]
    assert 'did you mean "door.' in info.value.errors[0].message or "door" in info.value.errors[0].message
    with pytest.raises(barrierfree.RulesetError) as missing:
        barrierfree.load_ruleset(Path("/no/such/ruleset.json"))
    assert missing.value.errors[0].code == "ruleset.100"
    with pytest.raises(TypeError):
        barrierfree.load_ruleset(3.5)
